package dev.prodtrack;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.DepartmentId;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.Id;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Reply;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TeamMember;
import java.util.List;

/**
 * Kitsu's permission rules (kitsu-semantics §0.4, §2.1, §2.6, §2.8, §2.11), as pure functions of the
 * records they read. Every check that fails throws {@link PermissionDeniedException}.
 */
final class Access {
  private Access() {}

  /**
   * The effective role of a person on a project: admin stays admin; else the team link's role when set
   * (a link saying admin is ignored); else the global role.
   *
   * @param person the person
   * @param project the project
   * @return the effective role
   */
  static Role effectiveRole(Person person, Project project) {
    if (person.role() == Role.ADMIN) {
      return Role.ADMIN;
    }
    TeamMember m = project.member(person.id()).orElse(null);
    if (m != null) {
      return m.role() == null || m.role() == Role.ADMIN ? person.role() : m.role();
    }
    return person.role();
  }

  static boolean inTeam(Person person, Project project) {
    return project.member(person.id()).isPresent();
  }

  static boolean isAdmin(Person person) {
    return person.role() == Role.ADMIN;
  }

  /**
   * Admin, or a team member whose effective role on the project is manager.
   *
   * @param person the person
   * @param project the project
   * @return whether the person manages the project
   */
  static boolean isManagerOf(Person person, Project project) {
    return isAdmin(person) || (inTeam(person, project) && effectiveRole(person, project) == Role.MANAGER);
  }

  static void requireAdmin(Person actor, String action, Id target) {
    if (!isAdmin(actor)) {
      throw new PermissionDeniedException(actor.id(), action, target, "only an admin (studio manager) may");
    }
  }

  static void requireManagerOf(Person actor, Project project, String action, Id target) {
    if (!isManagerOf(actor, project)) {
      throw new PermissionDeniedException(actor.id(), action, target,
          "only an admin or a manager in the team of project '" + project.name() + "' may");
    }
  }

  /**
   * Global admin or manager: the "manager permissions" Kitsu reads from the global role.
   *
   * @param person the person
   * @return whether the global role is admin or manager
   */
  static boolean hasGlobalManagerRole(Person person) {
    return person.role() == Role.ADMIN || person.role() == Role.MANAGER;
  }

  /**
   * Read access to a project: admin, or a team member.
   *
   * @param person the person
   * @param project the project
   * @return whether the person may read the project
   */
  static boolean canRead(Person person, Project project) {
    return isAdmin(person) || inTeam(person, project);
  }

  static void requireRead(Person actor, Project project, Id target) {
    if (!canRead(actor, project)) {
      throw new PermissionDeniedException(actor.id(), "read", target,
          "not an admin nor in the team of project '" + project.name() + "'");
    }
  }

  /**
   * Whether a supervisor's departments reach a task type: none means all.
   *
   * @param person the supervisor
   * @param taskType the task type
   * @return true when the supervisor has no department or one matches the type's
   */
  static boolean departmentMatches(Person person, TaskType taskType) {
    return person.departments().isEmpty()
        || (taskType.departmentId() != null && person.departments().contains(taskType.departmentId()));
  }

  /**
   * Kitsu's {@code check_task_action_access}: admin; a team member whose project role is manager or
   * client; an assignee; a supervisor in the team whose departments are empty or contain the task
   * type's; the creator of the entity.
   *
   * @param person the person
   * @param project the task's project
   * @param task the task
   * @param taskType the task's type
   * @param entity the task's entity
   * @return whether the person may act on the task
   */
  static boolean taskAction(Person person, Project project, Task task, TaskType taskType, Entity entity) {
    if (isAdmin(person)) {
      return true;
    }
    boolean member = inTeam(person, project);
    Role role = effectiveRole(person, project);
    if (member && (role == Role.MANAGER || role == Role.CLIENT)) {
      return true;
    }
    if (task.assignees().contains(person.id())) {
      return true;
    }
    if (member && role == Role.SUPERVISOR && departmentMatches(person, taskType)) {
      return true;
    }
    return person.id().equals(entity.createdBy());
  }

  /**
   * Whether a person is mentioned on a task, by name or through one of their departments, in a
   * comment or in a reply.
   *
   * @param person the person
   * @param comments the task's comments
   * @return true when mentioned
   */
  static boolean mentionedOn(Person person, List<Comment> comments) {
    for (Comment c : comments) {
      if (c.mentions().contains(person.id()) || anyDepartment(person, c.departmentMentions())) {
        return true;
      }
      for (Reply r : c.replies()) {
        if (r.mentions().contains(person.id()) || anyDepartment(person, r.departmentMentions())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyDepartment(Person person, List<DepartmentId> mentioned) {
    for (DepartmentId d : mentioned) {
      if (person.departments().contains(d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Who may log time: the target person must be an assignee; the caller must be that person, an admin,
   * or a manager in the team.
   *
   * @param actor the caller
   * @param target the person whose time is logged
   * @param project the task's project
   * @param task the task
   */
  static void requireTimeSpentAccess(Person actor, Person target, Project project, Task task) {
    if (!task.assignees().contains(target.id())) {
      throw new RuleViolationException(RuleViolationException.Rule.NOT_ASSIGNED,
          "person " + target.id() + " is not assigned to task " + task.id() + ": time can only be logged by assignees",
          target.id(), task.id());
    }
    if (!(actor.id().equals(target.id()) || isManagerOf(actor, project))) {
      throw new PermissionDeniedException(actor.id(), "set_time_spent", task.id(),
          "only the person, an admin or a manager of the project may log time for " + target.id());
    }
    if (target.bot() && !project.botCollaborationEnabled()) {
      throw new PermissionDeniedException(actor.id(), "set_time_spent", task.id(),
          "bots may log time only when the project enables bot collaboration");
    }
  }

  /**
   * Kitsu's {@code check_task_department_access}: who may assign {@code assignee} to a task.
   *
   * @param actor the caller
   * @param assignee the person assigned
   * @param project the project
   * @param taskType the task's type
   * @return whether the assignment is allowed
   */
  static boolean canAssign(Person actor, Person assignee, Project project, TaskType taskType) {
    if (isAdmin(actor)) {
      return true;
    }
    if (!inTeam(actor, project)) {
      return false;
    }
    Role role = effectiveRole(actor, project);
    if (role == Role.MANAGER) {
      return true;
    }
    if (role == Role.SUPERVISOR) {
      if (actor.departments().isEmpty()) {
        return true;
      }
      boolean typeMatches = taskType.departmentId() != null && actor.departments().contains(taskType.departmentId());
      boolean shares = assignee.departments().stream().anyMatch(actor.departments()::contains);
      return typeMatches && shares;
    }
    if (role == Role.USER) {
      return actor.id().equals(assignee.id()) && taskType.departmentId() != null
          && actor.departments().contains(taskType.departmentId());
    }
    return false;
  }

  /**
   * Kitsu's {@code check_task_department_access_for_unassign}.
   *
   * @param actor the caller
   * @param assignee the person removed
   * @param project the project
   * @param taskType the task's type
   * @return whether the removal is allowed
   */
  static boolean canUnassign(Person actor, PersonId assignee, Project project, TaskType taskType) {
    if (isAdmin(actor)) {
      return true;
    }
    if (actor.id().equals(assignee)) {
      return true;
    }
    if (!inTeam(actor, project)) {
      return false;
    }
    Role role = effectiveRole(actor, project);
    return role == Role.MANAGER || (role == Role.SUPERVISOR && departmentMatches(actor, taskType));
  }
}
