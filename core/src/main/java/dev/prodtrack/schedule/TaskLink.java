package dev.prodtrack.schedule;

import dev.prodtrack.model.TaskId;
import java.util.Objects;

/**
 * A dependency between two tasks (schedule-analytics.md §5.1).
 *
 * @param predecessor the task that comes first
 * @param successor the task that depends on it
 * @param type FS (finish-to-start), SS, FF or SF
 * @param lag working days of lag, may be negative (a lead)
 */
public record TaskLink(TaskId predecessor, TaskId successor, Type type, int lag) {

  /** Link types. */
  public enum Type {
    /** Finish to start: the successor starts the working day after the predecessor finishes. */
    FS,
    /** Start to start. */
    SS,
    /** Finish to finish. */
    FF,
    /** Start to finish. */
    SF
  }

  /** Checks for nulls and self-links. */
  public TaskLink {
    Objects.requireNonNull(predecessor, "predecessor");
    Objects.requireNonNull(successor, "successor");
    Objects.requireNonNull(type, "type");
    if (predecessor.equals(successor)) {
      throw new IllegalArgumentException("a task cannot depend on itself: " + predecessor);
    }
  }

  /**
   * A finish-to-start link without lag.
   *
   * @param predecessor the first task
   * @param successor the dependent task
   * @return the link
   */
  public static TaskLink fs(TaskId predecessor, TaskId successor) {
    return new TaskLink(predecessor, successor, Type.FS, 0);
  }
}
