package dev.prodtrack;

import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The acting person's own lists: gazu's {@code user} module. Obtained from {@link Session#user()}.
 * Thread-safe.
 */
public final class UserApi {
  private final ProdTrack engine;
  private final PersonId actor;

  UserApi(ProdTrack engine, PersonId actor) {
    this.engine = engine;
    this.actor = actor;
  }

  /**
   * The caller's todo list (gazu {@code all_tasks_to_do}), exactly Kitsu's filter: tasks assigned to the
   * caller, in open projects whose team the caller is in, whose status is not done. Feedback-request
   * tasks, tasks of canceled entities and concept tasks stay; there is no date filter.
   *
   * <p>Served from a per-person index of open tasks kept in due-date order on every change: the cost is a
   * copy of the caller's open tasks, with no lookup and no sort.
   *
   * @return the tasks, ordered by due date (tasks without one last), then by id
   */
  public List<Task> allTasksToDo() {
    return engine.read(s -> {
      Person caller = s.persons.get(actor);
      Task[] open = s.todoIndex().of(actor, project -> {
        Project p = s.projects.get(project);
        return p.open() && Access.inTeam(caller, p);
      });
      return java.util.Collections.unmodifiableList(java.util.Arrays.asList(open));
    });
  }

  /**
   * The caller's done tasks (gazu {@code all_done_tasks}): the todo filter with a done status, ordered by
   * end date descending (tasks without one first, as zou's {@code end_date DESC} on PostgreSQL), then task type
   * name, then entity name.
   *
   * @return the tasks
   */
  public List<Task> allDoneTasks() {
    List<Task> done = new ArrayList<>(personTasks(actor, true));
    engine.read(s -> {
      Comparator<Task> order = Comparator.comparing(Task::endDate, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
          .thenComparing(t -> s.taskTypes.get(t.taskTypeId()).name())
          .thenComparing(t -> s.entities.get(t.entityId()).name());
      done.sort(order);
      return null;
    });
    return List.copyOf(done);
  }

  /**
   * Another person's open tasks as the caller may see them (gazu {@code all_tasks_for_person}): the todo
   * filter for that person, restricted to the caller's open team projects (admins: all open projects).
   * Clients get nothing; vendors asking about someone else are refused; asking about a vendor gives
   * nothing.
   *
   * @param person the person
   * @return the tasks, in no particular order
   * @throws PermissionDeniedException if a vendor asks about someone else
   */
  public List<Task> allTasksForPerson(PersonId person) {
    Objects.requireNonNull(person, "person");
    return engine.read(s -> {
      Person caller = s.persons.get(actor);
      Person target = TaskApi.found("person", person, s.persons.get(person));
      if (caller.role() == Role.CLIENT || target.role() == Role.VENDOR) {
        return List.of();
      }
      if (caller.role() == Role.VENDOR && !caller.id().equals(person)) {
        throw new PermissionDeniedException(actor, "all_tasks_for_person", person,
            "vendors may only list their own tasks");
      }
      List<Task> out = new ArrayList<>();
      for (TaskId id : s.tasksByAssignee.get(person)) {
        Task t = s.tasks.get(id);
        Project p = s.projects.get(t.projectId());
        if (p.open() && Access.inTeam(target, p) && (Access.isAdmin(caller) || Access.inTeam(caller, p))
            && !s.taskStatuses.get(t.taskStatusId()).isDone()) {
          out.add(t);
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * The tasks waiting for the caller's review (Kitsu's tasks to check): tasks in a feedback-request
   * status in open projects — all of them for an admin, the team projects of a manager, the team
   * projects of a supervisor restricted to the task types of the supervisor's departments (all types
   * when he has none), and nothing for anyone else.
   *
   * @return the tasks, in no particular order
   */
  public List<Task> allTasksToCheck() {
    return engine.read(s -> {
      Person caller = s.persons.get(actor);
      List<Task> out = new ArrayList<>();
      if (caller.role() != Role.ADMIN && caller.role() != Role.MANAGER && caller.role() != Role.SUPERVISOR) {
        return out;
      }
      for (TaskStatus status : s.taskStatuses.values()) {
        if (!status.isFeedbackRequest()) {
          continue;
        }
        for (TaskId id : s.tasksByStatus.get(status.id())) {
          Task t = s.tasks.get(id);
          Project p = s.projects.get(t.projectId());
          if (!p.open()) {
            continue;
          }
          if (caller.role() == Role.ADMIN) {
            out.add(t);
          } else if (Access.inTeam(caller, p)) {
            TaskType type = s.taskTypes.get(t.taskTypeId());
            if (caller.role() == Role.MANAGER || Access.departmentMatches(caller, type)) {
              out.add(t);
            }
          }
        }
      }
      return List.copyOf(out);
    });
  }

  private List<Task> personTasks(PersonId person, boolean done) {
    return engine.read(s -> {
      Person p = s.persons.get(person);
      List<Task> out = new ArrayList<>();
      for (TaskId id : s.tasksByAssignee.get(person)) {
        Task t = s.tasks.get(id);
        Project project = s.projects.get(t.projectId());
        if (project.open() && Access.inTeam(p, project) && s.taskStatuses.get(t.taskStatusId()).isDone() == done) {
          out.add(t);
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * The caller's notifications, newest first (Kitsu's {@code GET /data/user/notifications}).
   *
   * @param unreadOnly keep only the unread ones
   * @return the notifications
   */
  public List<dev.prodtrack.model.Notification> allNotifications(boolean unreadOnly) {
    return engine.read(s -> {
      List<dev.prodtrack.model.Notification> out = new ArrayList<>();
      s.notificationsByPerson.get(actor).forEach(id -> {
        var n = s.notifications.get(id);
        if (!unreadOnly || !n.read()) {
          out.add(n);
        }
      });
      out.sort(Comparator.comparing(dev.prodtrack.model.Notification::createdAt).reversed()
          .thenComparing(n -> n.id().value()));
      return List.copyOf(out);
    });
  }

  /**
   * Marks one of the caller's notifications read or unread.
   *
   * @param notification the notification
   * @param read the new state
   * @return the stored notification
   * @throws UnknownIdException if it does not exist
   * @throws PermissionDeniedException if it is someone else's
   */
  public dev.prodtrack.model.Notification markNotificationRead(dev.prodtrack.model.NotificationId notification,
      boolean read) {
    Objects.requireNonNull(notification, "notification");
    return engine.write(actor, tx -> {
      dev.prodtrack.model.Notification n = tx.require("notification", notification);
      if (!n.personId().equals(actor)) {
        throw new PermissionDeniedException(actor, "update_notification", notification,
            "a notification belongs to its recipient " + n.personId());
      }
      if (n.read() == read) {
        return n;
      }
      dev.prodtrack.model.Notification updated = n.withRead(read).withUpdatedAt(tx.now);
      tx.put(updated.id(), updated);
      return updated;
    });
  }

  /**
   * Marks every notification of the caller read.
   *
   * @return how many changed
   */
  public int markAllNotificationsRead() {
    return engine.write(actor, tx -> {
      int changed = 0;
      for (var id : tx.state.notificationsByPerson.get(actor)) {
        dev.prodtrack.model.Notification n = tx.state.notifications.get(id);
        if (!n.read()) {
          tx.put(id, n.withRead(true).withUpdatedAt(tx.now));
          changed++;
        }
      }
      return changed;
    });
  }
}
