package dev.prodtrack.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An explicit dependency between two tasks of one project (schedule-analytics.md §5.1, item 3): the
 * successor may start (or finish) only relative to the predecessor, with a lag in working days. Kitsu has
 * no such record; prodtrack stores it beside the tasks so the critical path can use it.
 *
 * @param id the id
 * @param projectId the project both tasks belong to
 * @param predecessorId the task that comes first
 * @param successorId the task that depends on it, not the predecessor
 * @param type FS (finish-to-start), SS, FF or SF
 * @param lag working days of lag, may be negative (a lead)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record TaskDependency(
    TaskDependencyId id,
    ProjectId projectId,
    TaskId predecessorId,
    TaskId successorId,
    Type type,
    int lag,
    Instant createdAt,
    Instant updatedAt) {

  /** Link types, as in MPXJ and ShotGrid. */
  public enum Type {
    /** Finish to start: the successor starts the working day after the predecessor finishes. */
    FS,
    /** Start to start: the successor starts no earlier than the predecessor. */
    SS,
    /** Finish to finish: the successor finishes no earlier than the predecessor. */
    FF,
    /** Start to finish: the successor finishes no earlier than the day before the predecessor starts. */
    SF
  }

  /** Checks for nulls and self-links. */
  public TaskDependency {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(predecessorId, "predecessorId");
    Objects.requireNonNull(successorId, "successorId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (predecessorId.equals(successorId)) {
      throw new IllegalArgumentException("a task cannot depend on itself: " + predecessorId);
    }
  }
}
