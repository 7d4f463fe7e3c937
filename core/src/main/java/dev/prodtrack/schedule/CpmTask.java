package dev.prodtrack.schedule;

import dev.prodtrack.model.TaskId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One task's result of the critical-path passes (schedule-analytics.md §5.2). Spans are inclusive.
 *
 * @param task the task
 * @param duration D, in working days
 * @param unestimated whether D fell back to one day for lack of dates and estimation
 * @param earlyStart ES
 * @param earlyFinish EF
 * @param lateStart LS
 * @param lateFinish LF
 * @param totalFloat TF in working days (negative when the deadline is too early)
 * @param freeFloat FF in working days
 * @param critical whether TF is at most the threshold
 */
public record CpmTask(TaskId task, int duration, boolean unestimated, LocalDate earlyStart, LocalDate earlyFinish,
    LocalDate lateStart, LocalDate lateFinish, long totalFloat, long freeFloat, boolean critical) {

  /** Checks for nulls. */
  public CpmTask {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(earlyStart, "earlyStart");
    Objects.requireNonNull(earlyFinish, "earlyFinish");
    Objects.requireNonNull(lateStart, "lateStart");
    Objects.requireNonNull(lateFinish, "lateFinish");
  }
}
