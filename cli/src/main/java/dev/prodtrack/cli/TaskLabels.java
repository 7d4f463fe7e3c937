package dev.prodtrack.cli;

import dev.prodtrack.Session;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskTypeId;
import java.util.HashMap;
import java.util.Map;

/**
 * Human names for the ids a report prints: a task as {@code SQ010 SH020 / Animation}, a status by its
 * short name, a person by full name. Caches what it looked up; one instance per command run. Not
 * thread-safe.
 */
public final class TaskLabels {
  private final Session session;
  private final Map<EntityId, String> entities = new HashMap<>();
  private final Map<TaskTypeId, String> taskTypes = new HashMap<>();
  private final Map<TaskStatusId, String> statuses = new HashMap<>();
  private final Map<PersonId, String> persons = new HashMap<>();

  /**
   * Labels looked up through a session.
   *
   * @param session the acting session
   */
  public TaskLabels(Session session) {
    this.session = session;
  }

  /**
   * The entity (with its parent, e.g. sequence and shot) and task type of a task.
   *
   * @param task the task
   * @return e.g. {@code SQ010 SH020 / Animation}
   */
  public String task(Task task) {
    return entity(task.entityId()) + " / " + taskType(task.taskTypeId());
  }

  /**
   * An entity's name, prefixed by its parent's.
   *
   * @param id the entity
   * @return e.g. {@code SQ010 SH020}
   */
  public String entity(EntityId id) {
    return entities.computeIfAbsent(id, k -> {
      Entity e = session.entity().getEntity(k);
      return e.parentId() == null ? e.name() : session.entity().getEntity(e.parentId()).name() + " " + e.name();
    });
  }

  /**
   * A task type's name.
   *
   * @param id the task type
   * @return its name
   */
  public String taskType(TaskTypeId id) {
    return taskTypes.computeIfAbsent(id, k -> session.task().getTaskType(k).name());
  }

  /**
   * A task status's short name.
   *
   * @param id the status, nullable
   * @return its short name, or null
   */
  public String status(TaskStatusId id) {
    return id == null ? null : statuses.computeIfAbsent(id, k -> session.task().getTaskStatus(k).shortName());
  }

  /**
   * A duration in hours, for a table cell.
   *
   * @param d the duration, nullable
   * @return the hours (rounded to two decimals when printed), or null
   */
  public static Double hours(java.time.Duration d) {
    return d == null ? null : d.toSeconds() / 3600.0;
  }

  /**
   * A task's assignees by full name, comma-separated.
   *
   * @param task the task
   * @return the names, empty when unassigned
   */
  public String assignees(Task task) {
    StringBuilder b = new StringBuilder();
    for (PersonId p : task.assignees()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(person(p));
    }
    return b.toString();
  }

  /**
   * A person's full name.
   *
   * @param id the person
   * @return the full name
   */
  public String person(PersonId id) {
    return persons.computeIfAbsent(id, k -> session.person().getPerson(k).fullName());
  }
}
