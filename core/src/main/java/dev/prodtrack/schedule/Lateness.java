package dev.prodtrack.schedule;

import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The lateness rules (schedule-analytics.md §2.2, §2.4) as pure functions of a task, its status, the
 * calendar and the as-of day. Day granularity: instants become dates in the zone given.
 */
public final class Lateness {
  private Lateness() {}

  /**
   * Evaluates every rule for one task.
   *
   * @param task the task
   * @param status the task's status
   * @param asOf "today"
   * @param zone the zone instants are read in
   * @param calendar the calendar working days are counted on
   * @return the rules' values
   */
  public static TaskLateness of(Task task, TaskStatus status, LocalDate asOf, ZoneId zone, WorkCalendar calendar) {
    LocalDate due = task.dueDate();
    boolean dueBefore = due != null && due.isBefore(asOf);
    boolean done = status.isDone();
    Duration estimation = task.estimation();
    Duration duration = task.duration();
    OptionalDouble ratio = estimation.isZero() ? OptionalDouble.empty()
        : OptionalDouble.of((double) duration.toNanos() / estimation.toNanos());
    return new TaskLateness(task.id(), dueBefore, dueBefore && !done,
        dueBefore && !(done || status.isFeedbackRequest()), dueBefore && task.doneDate() == null,
        !estimation.isZero() && duration.compareTo(estimation) > 0, duration.minus(estimation), ratio,
        deliveredLateBy(due, task.endDate(), zone, calendar), deliveredLateBy(due, task.doneDate(), zone, calendar));
  }

  private static OptionalLong deliveredLateBy(LocalDate due, Instant delivered, ZoneId zone, WorkCalendar calendar) {
    if (due == null || delivered == null) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(0, calendar.wdDelta(due, LocalDate.ofInstant(delivered, zone))));
  }
}
