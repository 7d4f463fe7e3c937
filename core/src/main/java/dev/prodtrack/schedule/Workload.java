package dev.prodtrack.schedule;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.TaskId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A person's workload over a range of days (schedule-analytics.md §1.4): the remaining work of their
 * open, dated tasks spread evenly over each task's working days and split among its assignees, against
 * their capacity.
 *
 * @param person the person
 * @param days one entry per calendar day of the range
 * @param unplaceable open dated tasks whose span holds no working day for the person
 */
public record Workload(PersonId person, List<Day> days, List<TaskId> unplaceable) {

  /** Copies the lists. */
  public Workload {
    Objects.requireNonNull(person, "person");
    days = List.copyOf(days);
    unplaceable = List.copyOf(unplaceable);
  }

  /**
   * One day of a workload.
   *
   * @param date the day
   * @param demand the work planned on the day
   * @param capacity the person's capacity on the day
   */
  public record Day(LocalDate date, Duration demand, Duration capacity) {

    /** Checks for nulls. */
    public Day {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(demand, "demand");
      Objects.requireNonNull(capacity, "capacity");
    }

    /**
     * {@code overload(p, d)}: demand beyond capacity.
     *
     * @return the excess, zero when within capacity
     */
    public Duration overload() {
      Duration d = demand.minus(capacity);
      return d.isNegative() ? Duration.ZERO : d;
    }
  }

  /**
   * The days whose demand exceeds capacity.
   *
   * @return the overbooked days
   */
  public List<Day> overbooked() {
    return days.stream().filter(d -> !d.overload().isZero()).toList();
  }

  /**
   * The total demand over the range.
   *
   * @return the sum of the days' demand
   */
  public Duration totalDemand() {
    return days.stream().map(Day::demand).reduce(Duration.ZERO, Duration::plus);
  }
}
