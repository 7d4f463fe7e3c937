package dev.prodtrack;

import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.EntityKind;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.EntityTypeId;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskStatusLink;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TaskTypeId;
import dev.prodtrack.model.TaskTypeLink;
import dev.prodtrack.model.TeamMember;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Projects, their teams and their links to task types, task statuses and asset types: gazu's
 * {@code project} module. Obtained from {@link Session#project()}.
 *
 * <p>Every mutation but {@link #newProject} requires the caller to manage the project: a global admin,
 * or a team member whose effective role on the project is manager (kitsu-semantics §0.4). A refused
 * mutation leaves the state unchanged and publishes nothing. Reads of one project require read access
 * (admin, or team member). Thread-safe.
 */
public final class ProjectApi {
  /** Kitsu's default {@code roles_for_board} of a project task-status link. */
  private static final List<Role> DEFAULT_ROLES_FOR_BOARD =
      List.of(Role.USER, Role.ADMIN, Role.SUPERVISOR, Role.MANAGER, Role.VENDOR);

  private final ProdTrack engine;
  private final PersonId actor;

  ProjectApi(ProdTrack engine, PersonId actor) {
    this.engine = engine;
    this.actor = actor;
  }

  /**
   * Creates an open project with Kitsu's defaults (gazu {@code new_project}): fps "25", ratio "16:9",
   * resolution "1920x1080", production type "short", style "2d3d", no retake cap, no dates, no links.
   *
   * <p>Admins and people whose global role is manager may create projects. Kitsu adds nobody to the
   * team; prodtrack adds a creator who is not an admin, with no project role (so the global manager
   * role applies), because otherwise that creator could not manage the project just created. An admin
   * creator is not added: admins manage every project.
   *
   * @param name the name, unique in the studio; not blank
   * @return the new project
   * @throws IllegalArgumentException if the name is blank
   * @throws PermissionDeniedException if the caller is neither admin nor global manager
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if a project already has that name
   */
  public Project newProject(String name) {
    requireName(name);
    return engine.write(actor, tx -> {
      Person caller = tx.person(actor);
      if (!Access.hasGlobalManagerRole(caller)) {
        throw new PermissionDeniedException(actor, "new_project", null,
            "only an admin (studio manager) or a production manager may");
      }
      requireFreeName(tx, name, null);
      List<TeamMember> team = Access.isAdmin(caller) ? List.of() : List.of(new TeamMember(actor, null));
      Project p = new Project(new ProjectId(tx.newId()), name, null, null, true, "25", "16:9", "1920x1080",
          "short", "2d3d", null, null, null, 0, 0, false, false, team, List.of(), List.of(), List.of(),
          Map.of(), tx.now, tx.now);
      tx.put(p.id(), p);
      tx.event(EventNames.PROJECT_NEW, p.id(), "project_id", p.id());
      return p;
    });
  }

  /**
   * Updates a project's settings (gazu {@code update_project}): name, code, description, fps, ratio,
   * resolution, production type and style, dates, man-days, episodes, retake cap, client isolation, bot
   * collaboration, data. The team, the links, the open flag and {@code created_at} are kept as stored:
   * they change only through their dedicated calls ({@link #addPersonToTeam}, {@link
   * #addTaskTypeToProject}, {@link #closeProject}, ...). {@code updated_at} becomes now.
   *
   * @param project the project with the new values; its id names the project to update
   * @return the stored project
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if another project has the new name
   */
  public Project updateProject(Project project) {
    Objects.requireNonNull(project, "project");
    return engine.write(actor, tx -> {
      Project old = tx.project(project.id());
      Access.requireManagerOf(tx.person(actor), old, "update_project", old.id());
      requireFreeName(tx, project.name(), old.id());
      Project updated = project.withTeam(old.team()).withTaskTypeLinks(old.taskTypeLinks())
          .withTaskStatusLinks(old.taskStatusLinks()).withAssetTypes(old.assetTypes()).withOpen(old.open())
          .withCreatedAt(old.createdAt()).withUpdatedAt(tx.now);
      return put(tx, updated);
    });
  }

  /**
   * Closes a project (Kitsu status "Closed"): its tasks leave the todo lists. Closing a closed project
   * changes nothing and publishes nothing.
   *
   * @param project the project
   * @return the stored project
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public Project closeProject(ProjectId project) {
    return setOpen(project, false, "close_project");
  }

  /**
   * Reopens a closed project (Kitsu status "Open"). Reopening an open project changes nothing and
   * publishes nothing.
   *
   * @param project the project
   * @return the stored project
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public Project reopenProject(ProjectId project) {
    return setOpen(project, true, "reopen_project");
  }

  private Project setOpen(ProjectId project, boolean open, String action) {
    Objects.requireNonNull(project, "project");
    return engine.write(actor, tx -> {
      Project old = tx.project(project);
      Access.requireManagerOf(tx.person(actor), old, action, project);
      if (old.open() == open) {
        return old;
      }
      return put(tx, old.withOpen(open).withUpdatedAt(tx.now));
    });
  }

  /**
   * Adds a person to a project's team with no project role: the global role applies (gazu
   * {@code add_person_to_team}). Same as {@code addPersonToTeam(project, person, null)}.
   *
   * @param project the project
   * @param person the person
   * @return the stored project
   * @throws UnknownIdException if the project or the person does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public Project addPersonToTeam(ProjectId project, PersonId person) {
    return addPersonToTeam(project, person, null);
  }

  /**
   * Adds a person to a project's team, or changes the project role of a member. Idempotent: adding a
   * member with the role they have changes nothing and publishes nothing.
   *
   * <p>The project role overrides the global role on this project (the effective role); {@code null}
   * inherits the global role; {@code ADMIN} is stored as given but ignored, as in Kitsu: admin is a
   * global role only.
   *
   * @param project the project
   * @param person the person
   * @param role the project role, or null to inherit the global role
   * @return the stored project
   * @throws UnknownIdException if the project or the person does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public Project addPersonToTeam(ProjectId project, PersonId person, Role role) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(person, "person");
    return engine.write(actor, tx -> {
      Project old = tx.project(project);
      Access.requireManagerOf(tx.person(actor), old, "add_person_to_team", project);
      tx.person(person);
      Optional<TeamMember> current = old.member(person);
      if (current.isPresent() && current.get().role() == role) {
        return old;
      }
      List<TeamMember> team = new ArrayList<>(old.team().size() + 1);
      boolean replaced = false;
      for (TeamMember m : old.team()) {
        if (m.personId().equals(person)) {
          team.add(new TeamMember(person, role));
          replaced = true;
        } else {
          team.add(m);
        }
      }
      if (!replaced) {
        team.add(new TeamMember(person, role));
      }
      return put(tx, old.withTeam(team).withUpdatedAt(tx.now));
    });
  }

  /**
   * Removes a person from a project's team (gazu {@code remove_person_from_team}). Removing a
   * non-member changes nothing and publishes nothing. Tasks stay assigned, as in Kitsu.
   *
   * @param project the project
   * @param person the person
   * @return the stored project
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public Project removePersonFromTeam(ProjectId project, PersonId person) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(person, "person");
    return engine.write(actor, tx -> {
      Project old = tx.project(project);
      Access.requireManagerOf(tx.person(actor), old, "remove_person_from_team", project);
      if (old.member(person).isEmpty()) {
        return old;
      }
      List<TeamMember> team = new ArrayList<>(old.team());
      team.removeIf(m -> m.personId().equals(person));
      return put(tx, old.withTeam(team).withUpdatedAt(tx.now));
    });
  }

  /**
   * Enables a task type in a project with priority 1 (Kitsu {@code POST /data/task-type-links} with
   * the default priority). See {@link #addTaskTypeToProject(ProjectId, TaskTypeId, int)}.
   *
   * @param project the project
   * @param taskType the task type
   * @return the project's task-type links, by priority then task type name
   * @throws UnknownIdException if the project or the task type does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public List<TaskTypeLink> addTaskTypeToProject(ProjectId project, TaskTypeId taskType) {
    return addTaskTypeToProject(project, taskType, 1);
  }

  /**
   * Enables a task type in a project with a priority, or changes the priority of an enabled one (Kitsu
   * {@code POST /data/task-type-links}, kitsu-semantics §1.10). Setting the priority a link already has
   * changes nothing and publishes nothing.
   *
   * @param project the project
   * @param taskType the task type
   * @param priority the position of the task type in the project's pipeline (1 = first); any int, as
   *     in Kitsu
   * @return the project's task-type links, by priority then task type name
   * @throws UnknownIdException if the project or the task type does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public List<TaskTypeLink> addTaskTypeToProject(ProjectId project, TaskTypeId taskType, int priority) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(taskType, "taskType");
    return engine.write(actor, tx -> {
      Project old = tx.project(project);
      Access.requireManagerOf(tx.person(actor), old, "add_task_type_to_project", project);
      tx.require("task type", taskType);
      List<TaskTypeLink> links = new ArrayList<>(old.taskTypeLinks().size() + 1);
      boolean found = false;
      for (TaskTypeLink l : old.taskTypeLinks()) {
        if (l.taskTypeId().equals(taskType)) {
          if (l.priority() == priority) {
            return orderedLinks(tx, old.taskTypeLinks());
          }
          links.add(new TaskTypeLink(taskType, priority));
          found = true;
        } else {
          links.add(l);
        }
      }
      if (!found) {
        links.add(new TaskTypeLink(taskType, priority));
      }
      put(tx, old.withTaskTypeLinks(links).withUpdatedAt(tx.now));
      return orderedLinks(tx, links);
    });
  }

  /**
   * Disables a task type in a project (gazu {@code remove_task_type_from_project}). Existing tasks of
   * that type are kept. Removing a task type that is not enabled changes nothing and publishes nothing.
   *
   * @param project the project
   * @param taskType the task type
   * @return the project's remaining task-type links, by priority then task type name
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public List<TaskTypeLink> removeTaskTypeFromProject(ProjectId project, TaskTypeId taskType) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(taskType, "taskType");
    return engine.write(actor, tx -> {
      Project old = tx.project(project);
      Access.requireManagerOf(tx.person(actor), old, "remove_task_type_from_project", project);
      List<TaskTypeLink> links = new ArrayList<>(old.taskTypeLinks());
      if (links.removeIf(l -> l.taskTypeId().equals(taskType))) {
        put(tx, old.withTaskTypeLinks(links).withUpdatedAt(tx.now));
      }
      return orderedLinks(tx, links);
    });
  }

  /**
   * Reorders a project's task types (Kitsu {@code POST /actions/projects/<id>/task-type-links/reorder}):
   * each task type's link priority becomes its 1-based position in {@code taskTypes}. Task types that
   * are not enabled in the project are ignored (their position is still counted); links not named keep
   * their priority. A task type named twice ends with its last position, as Kitsu's loop does.
   *
   * @param project the project
   * @param taskTypes the task types in their new order; no null element
   * @return the project's task-type links, by priority then task type name
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public List<TaskTypeLink> reorderTaskTypeLinks(ProjectId project, List<TaskTypeId> taskTypes) {
    Objects.requireNonNull(project, "project");
    List<TaskTypeId> order = List.copyOf(Objects.requireNonNull(taskTypes, "taskTypes"));
    return engine.write(actor, tx -> {
      Project old = tx.project(project);
      Access.requireManagerOf(tx.person(actor), old, "reorder_task_type_links", project);
      Map<TaskTypeId, Integer> priorities = new LinkedHashMap<>();
      for (TaskTypeLink l : old.taskTypeLinks()) {
        priorities.put(l.taskTypeId(), l.priority());
      }
      for (int i = 0; i < order.size(); i++) {
        if (priorities.containsKey(order.get(i))) {
          priorities.put(order.get(i), i + 1);
        }
      }
      List<TaskTypeLink> links = new ArrayList<>(priorities.size());
      priorities.forEach((t, p) -> links.add(new TaskTypeLink(t, p)));
      if (!links.equals(old.taskTypeLinks())) {
        put(tx, old.withTaskTypeLinks(links).withUpdatedAt(tx.now));
      }
      return orderedLinks(tx, links);
    });
  }

  /**
   * The task types enabled in a project with their priority, ordered by priority ascending, then task
   * type name (Kitsu's front-end order; zou's route returns priority descending).
   *
   * @param project the project
   * @return the links, immutable
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<TaskTypeLink> taskTypeLinks(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> {
      Project p = readable(s, project);
      return orderedLinks(s, p.taskTypeLinks());
    });
  }

  /**
   * Enables a task status in a project (Kitsu {@code POST /data/task-status-links}), with the status's
   * own priority and Kitsu's default board roles (user, admin, supervisor, manager, vendor). Adding an
   * enabled status changes nothing and publishes nothing.
   *
   * @param project the project
   * @param taskStatus the task status
   * @return the stored project
   * @throws UnknownIdException if the project or the task status does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public Project addTaskStatusToProject(ProjectId project, TaskStatusId taskStatus) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(taskStatus, "taskStatus");
    return engine.write(actor, tx -> {
      Project old = tx.project(project);
      Access.requireManagerOf(tx.person(actor), old, "add_task_status_to_project", project);
      TaskStatus status = tx.require("task status", taskStatus);
      for (TaskStatusLink l : old.taskStatusLinks()) {
        if (l.taskStatusId().equals(taskStatus)) {
          return old;
        }
      }
      List<TaskStatusLink> links = new ArrayList<>(old.taskStatusLinks());
      links.add(new TaskStatusLink(taskStatus, status.priority(), DEFAULT_ROLES_FOR_BOARD));
      return put(tx, old.withTaskStatusLinks(links).withUpdatedAt(tx.now));
    });
  }

  /**
   * The task statuses enabled in a project (gazu {@code all_task_statuses_for_project}), by link
   * priority, then name.
   *
   * @param project the project
   * @return the statuses, immutable
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<TaskStatus> allTaskStatusesForProject(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> {
      Project p = readable(s, project);
      List<TaskStatusLink> links = new ArrayList<>(p.taskStatusLinks());
      links.sort(Comparator.comparingInt(TaskStatusLink::priority)
          .thenComparing(l -> s.taskStatuses.get(l.taskStatusId()).name()));
      List<TaskStatus> out = new ArrayList<>(links.size());
      links.forEach(l -> out.add(s.taskStatuses.get(l.taskStatusId())));
      return List.copyOf(out);
    });
  }

  /**
   * Enables an asset type in a project ({@code project_asset_type_link}). Adding an enabled asset type
   * changes nothing and publishes nothing.
   *
   * @param project the project
   * @param assetType the asset type
   * @return the stored project
   * @throws UnknownIdException if the project does not exist, or the asset type does not exist or is
   *     not an asset type (a Shot, Sequence, ... type)
   * @throws PermissionDeniedException if the caller does not manage the project
   */
  public Project addAssetTypeToProject(ProjectId project, EntityTypeId assetType) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(assetType, "assetType");
    return engine.write(actor, tx -> {
      Project old = tx.project(project);
      Access.requireManagerOf(tx.person(actor), old, "add_asset_type_to_project", project);
      EntityType type = tx.get(assetType);
      if (type == null || type.kind() != EntityKind.ASSET) {
        throw new UnknownIdException("asset type", assetType);
      }
      if (old.assetTypes().contains(assetType)) {
        return old;
      }
      List<EntityTypeId> types = new ArrayList<>(old.assetTypes());
      types.add(assetType);
      return put(tx, old.withAssetTypes(types).withUpdatedAt(tx.now));
    });
  }

  /**
   * A project by id (gazu {@code get_project}).
   *
   * @param project the id
   * @return the project
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller is neither admin nor in the team
   */
  public Project getProject(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> readable(s, project));
  }

  /**
   * A project by exact name (gazu {@code get_project_by_name}). As in Kitsu, a project the caller may
   * not read is not found.
   *
   * @param name the name
   * @return the project, or empty when no readable project has that name
   */
  public Optional<Project> getProjectByName(String name) {
    Objects.requireNonNull(name, "name");
    return engine.read(s -> {
      ProjectId id = s.projectByName.get(name);
      if (id == null) {
        return Optional.empty();
      }
      Project p = s.projects.get(id);
      return Access.canRead(caller(s), p) ? Optional.of(p) : Optional.empty();
    });
  }

  /**
   * The projects the caller may see, open or closed, by name (gazu {@code all_projects}): every project
   * for an admin, the projects whose team the caller is in for anyone else.
   *
   * @return the projects, immutable
   */
  public List<Project> allProjects() {
    return visibleProjects(false);
  }

  /**
   * The open projects the caller may see, by name (gazu {@code all_open_projects}); visibility as in
   * {@link #allProjects()}.
   *
   * @return the projects, immutable
   */
  public List<Project> allOpenProjects() {
    return visibleProjects(true);
  }

  private List<Project> visibleProjects(boolean openOnly) {
    return engine.read(s -> {
      Person me = caller(s);
      List<Project> out = new ArrayList<>();
      for (Project p : s.projects.values()) {
        if ((!openOnly || p.open()) && Access.canRead(me, p)) {
          out.add(p);
        }
      }
      return PersonApi.sorted(out, Comparator.comparing(Project::name));
    });
  }

  /**
   * A project's team with the project roles (null = inherit the global role), in the order members
   * were added.
   *
   * @param project the project
   * @return the members, immutable
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<TeamMember> team(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> readable(s, project).team());
  }

  // ---- helpers ----

  private static void requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("project name must not be blank, was '" + name + "'");
    }
  }

  private static void requireFreeName(Tx tx, String name, ProjectId self) {
    ProjectId holder = tx.state.projectByName.get(name);
    if (holder != null && !holder.equals(self)) {
      Project p = tx.get(holder);
      if (p != null && p.name().equals(name)) {
        throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_NAME,
            "project name '" + name + "' is already used by project " + holder, holder);
      }
    }
    for (Object w : tx.writes().values()) {
      if (w instanceof Project p && p.name().equals(name) && !p.id().equals(self)) {
        throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_NAME,
            "project name '" + name + "' is already used by project " + p.id(), p.id());
      }
    }
  }

  private static Project put(Tx tx, Project p) {
    tx.put(p.id(), p);
    tx.event(EventNames.PROJECT_UPDATE, p.id(), "project_id", p.id());
    return p;
  }

  private Person caller(State s) {
    return caller(s, actor);
  }

  private Project readable(State s, ProjectId id) {
    return readableProject(s, actor, id);
  }

  /** The acting person as stored, or a refusal if it no longer exists. */
  static Person caller(State s, PersonId actor) {
    Person p = s.persons.get(actor);
    if (p == null) {
      throw new UnknownIdException("person", actor);
    }
    return p;
  }

  /** A project the acting person may read (admin, or team member), or a typed refusal. */
  static Project readableProject(State s, PersonId actor, ProjectId id) {
    Project p = s.projects.get(id);
    if (p == null) {
      throw new UnknownIdException("project", id);
    }
    Access.requireRead(caller(s, actor), p, id);
    return p;
  }

  private static List<TaskTypeLink> orderedLinks(State s, List<TaskTypeLink> links) {
    return sortLinks(links, id -> s.taskTypes.get(id));
  }

  private static List<TaskTypeLink> orderedLinks(Tx tx, List<TaskTypeLink> links) {
    return sortLinks(links, tx::get);
  }

  private static List<TaskTypeLink> sortLinks(List<TaskTypeLink> links,
      Function<TaskTypeId, TaskType> types) {
    List<TaskTypeLink> out = new ArrayList<>(links);
    out.sort(Comparator.comparingInt(TaskTypeLink::priority).thenComparing(l -> nameOf(types.apply(l.taskTypeId())))
        .thenComparing(l -> l.taskTypeId().value()));
    return List.copyOf(out);
  }

  private static String nameOf(TaskType t) {
    return t == null ? "" : t.name();
  }
}
