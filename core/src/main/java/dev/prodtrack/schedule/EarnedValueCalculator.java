package dev.prodtrack.schedule;

import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TimeSpent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Earned value (schedule-analytics.md §6) over a set of tasks, as pure functions: the engine hands it the
 * scope's tasks, their statuses and time spents.
 */
public final class EarnedValueCalculator {
  private EarnedValueCalculator() {}

  /**
   * {@code plannedFraction(t, d)}: 0 before the start, 1 from the due date, else the share of working
   * days elapsed; empty when the task lacks a start or a due date.
   *
   * @param task the task
   * @param day the day
   * @param calendar the calendar
   * @return the fraction, or empty for an unscheduled task
   */
  public static OptionalDouble plannedFraction(Task task, LocalDate day, WorkCalendar calendar) {
    return plannedFraction(task.startDate(), task.dueDate(), day, calendar);
  }

  /**
   * The planned fraction of work done by the end of {@code day} for planned dates (§6.1), as {@link
   * #plannedFraction(Task, LocalDate, WorkCalendar)} computes it for a task with these dates.
   *
   * @param start the planned start, nullable
   * @param due the due date, nullable
   * @param day the day
   * @param calendar the calendar
   * @return the fraction in [0, 1], or empty when a date is missing
   */
  public static OptionalDouble plannedFraction(LocalDate start, LocalDate due, LocalDate day,
      WorkCalendar calendar) {
    if (start == null || due == null) {
      return OptionalDouble.empty();
    }
    if (day.isBefore(start)) {
      return OptionalDouble.of(0);
    }
    if (!day.isBefore(due)) {
      return OptionalDouble.of(1);
    }
    long span = calendar.workingDays(start, due);
    if (span == 0) {
      return OptionalDouble.of(0);
    }
    return OptionalDouble.of((double) calendar.workingDays(start, day) / span);
  }

  /**
   * The measures of a scope on one day.
   *
   * @param tasks the scope's tasks
   * @param statuses resolves a task's status
   * @param timeSpents the scope's time-spent rows
   * @param day the day
   * @param rule the earning rule
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the measures, in person-days
   */
  public static EarnedValue measure(Collection<Task> tasks, Function<Task, TaskStatus> statuses,
      Collection<TimeSpent> timeSpents, LocalDate day, EarningRule rule, ZoneId zone, WorkCalendar calendar) {
    return measure(tasks, t -> 1.0, statuses, timeSpents, day, rule, zone, calendar);
  }

  /**
   * The measures of a scope on one day, each task's estimation weighted by a share (a person's share of a
   * task with several assignees: §3.4).
   *
   * @param tasks the scope's tasks
   * @param share the share of each task's estimation that belongs to the scope, in [0, 1]
   * @param statuses resolves a task's status
   * @param timeSpents the scope's time-spent rows
   * @param day the day
   * @param rule the earning rule
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the measures, in person-days
   */
  public static EarnedValue measure(Collection<Task> tasks, Function<Task, Double> share,
      Function<Task, TaskStatus> statuses, Collection<TimeSpent> timeSpents, LocalDate day, EarningRule rule,
      ZoneId zone, WorkCalendar calendar) {
    return measure(tasks, share, statuses, timeSpents, r -> 1.0, day, rule, zone, calendar);
  }

  /**
   * The measures of a scope on one day in any unit: each task's estimation (in person-days) is multiplied
   * by its weight, each time-spent row's person-days by its own. With weights of 1 the unit is the
   * person-day; with daily salaries it is money (schedule-analytics.md §6, "a cost view").
   *
   * @param tasks the scope's tasks
   * @param weight what one person-day of each task's estimation is worth in the scope (a share, or a
   *     salary times a share), at least 0
   * @param statuses resolves a task's status
   * @param timeSpents the scope's time-spent rows
   * @param spentWeight what one person-day of each row is worth
   * @param day the day
   * @param rule the earning rule
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the measures
   */
  public static EarnedValue measure(Collection<Task> tasks, Function<Task, Double> weight,
      Function<Task, TaskStatus> statuses, Collection<TimeSpent> timeSpents,
      java.util.function.ToDoubleFunction<TimeSpent> spentWeight, LocalDate day, EarningRule rule, ZoneId zone,
      WorkCalendar calendar) {
    Function<Task, Double> share = weight;
    double bac = 0;
    double pv = 0;
    double ev = 0;
    int unestimated = 0;
    int unscheduled = 0;
    for (Task t : tasks) {
      double estimation = calendar.days(t.estimation()) * share.apply(t);
      if (t.estimation().isZero()) {
        unestimated++;
      }
      bac += estimation;
      OptionalDouble fraction = plannedFraction(t, day, calendar);
      if (fraction.isPresent()) {
        pv += estimation * fraction.getAsDouble();
      } else {
        unscheduled++;
      }
      boolean done = statuses.apply(t).isDone() && onOrBefore(t.doneDate(), day, zone);
      ev += switch (rule) {
        case ZERO_HUNDRED -> done ? estimation : 0;
        case FEEDBACK_COUNTS -> onOrBefore(t.endDate(), day, zone) ? estimation : 0;
        case FIFTY_FIFTY -> (onOrBefore(t.realStartDate(), day, zone) ? estimation / 2 : 0) + (done ? estimation / 2 : 0);
      };
    }
    double ac = 0;
    for (TimeSpent ts : timeSpents) {
      if (!ts.date().isAfter(day)) {
        ac += calendar.days(ts.duration()) * spentWeight.applyAsDouble(ts);
      }
    }
    return of(day, bac, pv, ev, ac, unestimated, unscheduled);
  }

  /**
   * The measures derived from the four sums (§6.2 – §6.4): SV, CV, SPI, CPI, the EAC variants and TCPI.
   *
   * @param day the as-of day
   * @param bac the budget at completion, in person-days
   * @param pv the planned value
   * @param ev the earned value
   * @param ac the actual cost
   * @param unestimated how many tasks have no estimation
   * @param unscheduled how many tasks lack a start or a due date
   * @return the measures
   */
  public static EarnedValue of(LocalDate day, double bac, double pv, double ev, double ac, int unestimated,
      int unscheduled) {
    OptionalDouble spi = ratio(ev, pv);
    OptionalDouble cpi = ratio(ev, ac);
    OptionalDouble eacByCpi = cpi.isPresent() && cpi.getAsDouble() != 0 ? OptionalDouble.of(bac / cpi.getAsDouble())
        : OptionalDouble.empty();
    double eacAtBudget = ac + (bac - ev);
    OptionalDouble eacByBoth = cpi.isPresent() && spi.isPresent() && cpi.getAsDouble() * spi.getAsDouble() != 0
        ? OptionalDouble.of(ac + (bac - ev) / (cpi.getAsDouble() * spi.getAsDouble())) : OptionalDouble.empty();
    return new EarnedValue(day, bac, pv, ev, ac, unestimated, unscheduled, spi, cpi, eacByCpi, eacAtBudget, eacByBoth,
        ratio(bac - ev, bac - ac));
  }

  private static boolean onOrBefore(Instant instant, LocalDate day, ZoneId zone) {
    return instant != null && !LocalDate.ofInstant(instant, zone).isAfter(day);
  }

  private static OptionalDouble ratio(double numerator, double denominator) {
    return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(numerator / denominator);
  }
}
