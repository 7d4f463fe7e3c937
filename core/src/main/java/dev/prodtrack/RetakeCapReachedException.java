package dev.prodtrack;

import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatusId;
import java.util.Objects;

/** A retake status was posted on a task whose retake count reached the cap (Kitsu answers 400). */
public final class RetakeCapReachedException extends ProdTrackException {
  private static final long serialVersionUID = 1L;

  private final transient TaskId task;
  private final transient TaskStatusId status;
  private final int retakeCount;
  private final int cap;

  /**
   * Creates the exception.
   *
   * @param task the task
   * @param status the retake status refused
   * @param retakeCount the task's retake count
   * @param cap the cap in force (entity override or project value)
   */
  public RetakeCapReachedException(TaskId task, TaskStatusId status, int retakeCount, int cap) {
    super("no more retakes allowed on task " + task + ": retake count " + retakeCount + " reached the cap of "
        + cap + " (status " + status + ")");
    this.task = Objects.requireNonNull(task);
    this.status = Objects.requireNonNull(status);
    this.retakeCount = retakeCount;
    this.cap = cap;
  }

  /** @return the task */
  public TaskId task() {
    return task;
  }

  /** @return the refused retake status */
  public TaskStatusId status() {
    return status;
  }

  /** @return the task's retake count */
  public int retakeCount() {
    return retakeCount;
  }

  /** @return the cap in force */
  public int cap() {
    return cap;
  }
}
