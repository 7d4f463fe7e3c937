package dev.prodtrack;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TimeSpent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Kitsu's status machine: the one place where a status change turns into task fields.
 *
 * <p>Design note. Two policies coexist, as in Kitsu (kitsu-semantics §2.2 and §2.7, Engine decision 1):
 * <ul>
 *   <li>the <b>live path</b> ({@link #applyLive}) for a comment that is the task's newest: retake
 *       count on each change into a retake status, real start at wall-clock now on the first change
 *       into WIP, then the {@linkplain #applyDatePolicy date policy} (end date at each entry into
 *       feedback, cleared when leaving for a non-done status; done date set or cleared);</li>
 *   <li>the <b>replay</b> ({@link #replay}) that recomputes every derived field from the comment
 *       history: a run of retakes counts once, real start = first WIP comment, end = first feedback
 *       comment, done = last done comment, status = last comment's.</li>
 * </ul>
 * The two disagree on dates and retake counting, on purpose. Both are pure functions.
 */
final class StatusRules {
  private StatusRules() {}

  /**
   * Kitsu's newest-comment test: the task has no comment date, or it is not after the comment's.
   *
   * @param task the task
   * @param commentDate the comment's created_at
   * @return true when the comment is the task's newest (equal dates count)
   */
  static boolean isNewest(Task task, Instant commentDate) {
    return task.lastCommentDate() == null || !task.lastCommentDate().isAfter(commentDate);
  }

  /** The result of the live path: the updated task and whether the status changed. */
  record Live(Task task, boolean statusChanged) {}

  /**
   * The live path for a comment that is the task's newest.
   *
   * @param task the task before the comment
   * @param newStatus the comment's status
   * @param commentDate the comment's created_at
   * @param now the wall clock (real start, end and done dates use it, not the comment date)
   * @return the updated task and whether the status changed
   */
  static Live applyLive(Task task, TaskStatus newStatus, Instant commentDate, Instant now) {
    boolean changed = !newStatus.id().equals(task.taskStatusId());
    if (!changed) {
      return new Live(task.withLastCommentDate(commentDate).withUpdatedAt(now), false);
    }
    // One new record for every field the change sets (the rules of the chain below, in one constructor
    // call): retake count, real start, then the date policy's end and done dates, then the status.
    int retakes = newStatus.isRetake() ? task.retakeCount() + 1 : task.retakeCount();
    Instant realStart = newStatus.isWip() && task.realStartDate() == null ? now : task.realStartDate();
    Instant end = newStatus.isFeedbackRequest() ? now : newStatus.isDone() ? task.endDate() : null;
    Instant done = newStatus.isDone() ? now : null;
    Task t = new Task(task.id(), task.projectId(), task.taskTypeId(), newStatus.id(), task.entityId(), task.name(),
        task.description(), task.priority(), task.difficulty(), task.duration(), task.estimation(),
        task.completionRate(), retakes, task.sortOrder(), task.startDate(), task.dueDate(), realStart, end, done,
        commentDate, task.nbAssetsReady(), task.nbDrawings(), task.data(), task.assignerId(), task.assignees(),
        task.createdAt(), now);
    return new Live(t, true);
  }

  /**
   * The date policy of Kitsu's {@code tasks_service.update_task}, for a status change only: feedback
   * sets the end date; a non-done, non-feedback status clears it; done sets the done date, anything
   * else clears it.
   *
   * @param task the task (its status is not changed here)
   * @param newStatus the status entered
   * @param now the wall clock
   * @return the task with its end and done dates updated
   */
  static Task applyDatePolicy(Task task, TaskStatus newStatus, Instant now) {
    Task t = task;
    if (newStatus.isFeedbackRequest()) {
      t = t.withEndDate(now);
    } else if (!newStatus.isDone()) {
      t = t.withEndDate(null);
    }
    return t.withDoneDate(newStatus.isDone() ? now : null);
  }

  /**
   * Kitsu's {@code reset_task_data}: every derived field recomputed from the comment history.
   *
   * @param task the task
   * @param commentsOldestFirst its comments, ordered by created_at then posting order
   * @param statuses resolves a comment's status
   * @param defaultStatus the status of a task with no comment
   * @param timeSpents the task's time spents, summed into its duration
   * @param now the wall clock, for updated_at
   * @return the recomputed task
   */
  static Task replay(Task task, List<Comment> commentsOldestFirst, Function<TaskStatusId, TaskStatus> statuses,
      TaskStatusId defaultStatus, List<TimeSpent> timeSpents, Instant now) {
    int retakes = 0;
    boolean previousWasRetake = false;
    Instant realStart = null;
    Instant end = null;
    Instant done = null;
    TaskStatusId status = defaultStatus;
    Instant last = null;
    for (Comment c : commentsOldestFirst) {
      TaskStatus s = statuses.apply(c.taskStatusId());
      if (s.isRetake() && !previousWasRetake) {
        retakes++;
      }
      previousWasRetake = s.isRetake();
      if (s.isWip() && realStart == null) {
        realStart = c.createdAt();
      }
      if (s.isFeedbackRequest() && end == null) {
        end = c.createdAt();
      }
      if (s.isDone()) {
        done = c.createdAt();
      }
      status = s.id();
      last = c.createdAt();
    }
    return task.withRetakeCount(retakes)
        .withRealStartDate(realStart)
        .withEndDate(end)
        .withDoneDate(done)
        .withTaskStatusId(status)
        .withLastCommentDate(last)
        .withDuration(sum(timeSpents))
        .withUpdatedAt(now);
  }

  /**
   * The sum of time spents: a task's duration.
   *
   * @param timeSpents the rows
   * @return their total
   */
  static Duration sum(List<TimeSpent> timeSpents) {
    Duration total = Duration.ZERO;
    for (TimeSpent t : timeSpents) {
      total = total.plus(t.duration());
    }
    return total;
  }
}
