package dev.prodtrack.schedule;

import dev.prodtrack.model.PersonId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A team's workload over a range of days (schedule-analytics.md §1.4): one {@link Workload} per person and
 * the team's totals per day.
 *
 * @param from the first day
 * @param to the last day
 * @param people one workload per person, each with one entry per calendar day of the range
 * @param totals the team's totals, one per calendar day of the range
 */
public record WorkloadGrid(LocalDate from, LocalDate to, List<Workload> people, List<TeamDay> totals) {

  /** Checks the range and copies the lists. */
  public WorkloadGrid {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    people = List.copyOf(people);
    totals = List.copyOf(totals);
  }

  /**
   * One day of the team.
   *
   * @param date the day
   * @param demand the team's summed demand
   * @param capacity the team's summed capacity
   * @param overbookedPeople how many people have more demand than capacity on the day
   */
  public record TeamDay(LocalDate date, Duration demand, Duration capacity, int overbookedPeople) {

    /** Checks for nulls. */
    public TeamDay {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(demand, "demand");
      Objects.requireNonNull(capacity, "capacity");
    }

    /**
     * Demand beyond the team's capacity (people's overloads are not offset by others' spare time here;
     * see {@link #overbookedPeople()}).
     *
     * @return the excess, zero when within capacity
     */
    public Duration overload() {
      Duration d = demand.minus(capacity);
      return d.isNegative() ? Duration.ZERO : d;
    }
  }

  /**
   * Builds the grid and its totals from per-person workloads over the same range.
   *
   * @param from the first day
   * @param to the last day
   * @param people the workloads, each covering {@code [from, to]}
   * @return the grid
   * @throws IllegalArgumentException if a workload covers another range
   */
  public static WorkloadGrid of(LocalDate from, LocalDate to, List<Workload> people) {
    if (to.isBefore(from)) {
      return new WorkloadGrid(from, to, people, List.of()); // refused by the constructor
    }
    int n = (int) (to.toEpochDay() - from.toEpochDay() + 1);
    for (Workload w : people) {
      if (w.days().size() != n || !w.days().get(0).date().equals(from)) {
        throw new IllegalArgumentException("workload of " + w.person() + " does not cover " + from + ".." + to);
      }
    }
    List<TeamDay> totals;
    try {
      totals = totalsInNanos(from, n, people);
    } catch (ArithmeticException beyondALong) {
      totals = totalsAsDurations(from, n, people);
    }
    return new WorkloadGrid(from, to, people, totals);
  }

  /**
   * The totals summed in nanoseconds, person by person: the same values as {@link #totalsAsDurations} as
   * long as every sum fits a long.
   *
   * @throws ArithmeticException when a duration or a sum does not fit a long of nanoseconds
   */
  private static List<TeamDay> totalsInNanos(LocalDate from, int n, List<Workload> people) {
    long[] demand = new long[n];
    long[] capacity = new long[n];
    int[] overbooked = new int[n];
    for (Workload w : people) {
      List<Workload.Day> days = w.days();
      for (int i = 0; i < n; i++) {
        Workload.Day d = days.get(i);
        demand[i] = Math.addExact(demand[i], d.demand().toNanos());
        capacity[i] = Math.addExact(capacity[i], d.capacity().toNanos());
        if (d.demand().compareTo(d.capacity()) > 0) {
          overbooked[i]++;
        }
      }
    }
    List<TeamDay> totals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      totals.add(new TeamDay(from.plusDays(i), Duration.ofNanos(demand[i]), Duration.ofNanos(capacity[i]), overbooked[i]));
    }
    return totals;
  }

  /** The totals summed as durations, day by day (any size). */
  private static List<TeamDay> totalsAsDurations(LocalDate from, int n, List<Workload> people) {
    List<TeamDay> totals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Duration demand = Duration.ZERO;
      Duration capacity = Duration.ZERO;
      int overbooked = 0;
      for (Workload w : people) {
        Workload.Day d = w.days().get(i);
        demand = demand.plus(d.demand());
        capacity = capacity.plus(d.capacity());
        if (!d.overload().isZero()) {
          overbooked++;
        }
      }
      totals.add(new TeamDay(from.plusDays(i), demand, capacity, overbooked));
    }
    return totals;
  }

  /**
   * The people with at least one overbooked day, in grid order.
   *
   * @return their ids
   */
  public List<PersonId> overbookedPeople() {
    return people.stream().filter(w -> !w.overbooked().isEmpty()).map(Workload::person).toList();
  }

  /**
   * The team's total demand over the range.
   *
   * @return the sum of every person's demand
   */
  public Duration totalDemand() {
    return totals.stream().map(TeamDay::demand).reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * The team's total capacity over the range.
   *
   * @return the sum of every person's capacity
   */
  public Duration totalCapacity() {
    return totals.stream().map(TeamDay::capacity).reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * The workload of one person of the grid.
   *
   * @param person the person
   * @return the workload, or null when the person is not in the grid
   */
  public Workload workloadOf(PersonId person) {
    return people.stream().filter(w -> w.person().equals(person)).findFirst().orElse(null);
  }
}
