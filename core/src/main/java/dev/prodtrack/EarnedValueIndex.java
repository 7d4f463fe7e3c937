package dev.prodtrack;

import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.model.TimeSpentId;
import dev.prodtrack.schedule.EarnedValue;
import dev.prodtrack.schedule.EarnedValueCalculator;
import dev.prodtrack.schedule.EarningRule;
import dev.prodtrack.schedule.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.collections.api.map.MutableMap;
import org.eclipse.collections.api.map.primitive.MutableIntLongMap;
import org.eclipse.collections.api.map.primitive.MutableLongLongMap;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;
import org.eclipse.collections.impl.map.mutable.primitive.IntLongHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap;

/**
 * The sums a project's earned value (schedule-analytics.md §6) is made of, kept up to date on every task
 * and time-spent change so that the project-wide measures cost a few hundred map entries, not a pass over
 * every task and time spent.
 *
 * <p>Design note. Every measure is a sum of estimations (or durations) grouped by what the as-of day,
 * zone and calendar are compared with: BAC is one sum; PV groups estimations by (start, due) pair, since
 * tasks with the same dates have the same planned fraction on any calendar (a project has a few thousand
 * pairs, not a million tasks); EV groups them by the instant they were earned (done, delivered to review,
 * really started), per UTC day plus a sorted map of instants, so that the sum before any zone's midnight
 * is the whole days before it plus part of one day; AC groups time spent by day. Sums are exact (nanosecond
 * longs); they become person-days only at the query. The index is built on the first query from the
 * state and then maintained by {@link State}; a change of a status's done flag drops it (rebuilt on the
 * next query). Time spents count once their task is in the state: a task brings its time spents with it
 * and takes them away, so the order in which a change set or a load applies records does not matter.
 */
final class EarnedValueIndex {

  /** The sums of one project. */
  static final class Sums {
    long bac;
    int tasks;
    int unestimated;
    int unscheduled;
    /** Estimation per (start epoch day, due epoch day), packed into one long. */
    final MutableLongLongMap plannedByDates = new LongLongHashMap();
    final InstantSums done = new InstantSums();
    final InstantSums delivered = new InstantSums();
    final InstantSums started = new InstantSums();
    /** Time spent per epoch day (zero sums left out). */
    final MutableIntLongMap spentByDay = new IntLongHashMap();

    @Override
    public boolean equals(Object o) {
      return o instanceof Sums s && bac == s.bac && tasks == s.tasks && unestimated == s.unestimated
          && unscheduled == s.unscheduled && plannedByDates.equals(s.plannedByDates) && done.equals(s.done)
          && delivered.equals(s.delivered) && started.equals(s.started) && spentByDay.equals(s.spentByDay);
    }

    @Override
    public int hashCode() {
      return Objects.hash(bac, tasks, plannedByDates);
    }

    @Override
    public String toString() {
      return "Sums[bac=" + bac + ", tasks=" + tasks + ", unestimated=" + unestimated + ", unscheduled=" + unscheduled
          + ", planned=" + plannedByDates + ", done=" + done + ", delivered=" + delivered + ", started=" + started
          + ", spent=" + spentByDay + "]";
    }
  }

  /**
   * Sums of amounts by instant: per UTC day, and per instant (with a count, so that zero amounts leave
   * when their last instant does). The sum before an instant is the whole UTC days before its day plus the
   * instants of its day before it.
   */
  static final class InstantSums {
    final MutableLongLongMap byUtcDay = new LongLongHashMap();
    final TreeMap<Instant, long[]> byInstant = new TreeMap<>();

    void add(Instant at, long amount, int sign) {
      if (at == null) {
        return;
      }
      long[] entry = byInstant.computeIfAbsent(at, k -> new long[2]);
      entry[0] += sign * amount;
      entry[1] += sign;
      if (entry[1] == 0) {
        byInstant.remove(at);
      }
      long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
      if (byUtcDay.addToValue(day, sign * amount) == 0) {
        byUtcDay.remove(day);
      }
    }

    long sumBefore(Instant bound) {
      long boundDay = Math.floorDiv(bound.getEpochSecond(), 86_400L);
      long[] sum = new long[1];
      byUtcDay.forEachKeyValue((day, amount) -> {
        if (day < boundDay) {
          sum[0] += amount;
        }
      });
      for (long[] entry : byInstant.subMap(Instant.ofEpochSecond(boundDay * 86_400L), true, bound, false).values()) {
        sum[0] += entry[0];
      }
      return sum[0];
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof InstantSums s) || !byUtcDay.equals(s.byUtcDay) || byInstant.size() != s.byInstant.size()) {
        return false;
      }
      for (Map.Entry<Instant, long[]> e : byInstant.entrySet()) {
        long[] other = s.byInstant.get(e.getKey());
        if (other == null || other[0] != e.getValue()[0] || other[1] != e.getValue()[1]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return byUtcDay.hashCode();
    }

    @Override
    public String toString() {
      return byUtcDay.toString();
    }
  }

  private final State state;
  final MutableMap<ProjectId, Sums> byProject = UnifiedMap.newMap();

  private EarnedValueIndex(State state) {
    this.state = state;
  }

  /**
   * Builds the index from the state's tasks and time spents.
   *
   * @param state the state
   * @return the index
   */
  static EarnedValueIndex build(State state) {
    EarnedValueIndex index = new EarnedValueIndex(state);
    for (Task t : state.tasks.values()) {
      index.task(t, 1);
    }
    return index;
  }

  /**
   * Adds (sign 1) or takes away (sign -1) a task and the time spents it has in the state.
   *
   * @param t the task
   * @param sign 1 or -1
   */
  void task(Task t, int sign) {
    taskOnly(t, sign);
    for (TimeSpentId id : state.timeSpentsByTask.get(t.id())) {
      spent(t.projectId(), state.timeSpents.get(id), sign);
    }
    Sums s = byProject.get(t.projectId());
    if (s.tasks == 0) {
      byProject.remove(t.projectId());
    }
  }

  /**
   * Replaces a task's record (same id and project); its time spents stay.
   *
   * @param old the record replaced
   * @param now the new record
   */
  void replaceTask(Task old, Task now) {
    taskOnly(old, -1);
    taskOnly(now, 1);
  }

  private void taskOnly(Task t, int sign) {
    Sums s = byProject.getIfAbsentPut(t.projectId(), Sums::new);
    long est = t.estimation().toNanos();
    s.bac += sign * est;
    s.tasks += sign;
    if (t.estimation().isZero()) {
      s.unestimated += sign;
    }
    if (t.startDate() == null || t.dueDate() == null) {
      s.unscheduled += sign;
    } else {
      long key = (t.startDate().toEpochDay() << 32) | (t.dueDate().toEpochDay() & 0xffffffffL);
      if (s.plannedByDates.addToValue(key, sign * est) == 0) {
        s.plannedByDates.remove(key); // zero-estimation tasks plan nothing: no key, live or rebuilt
      }
    }
    TaskStatus status = state.taskStatuses.get(t.taskStatusId());
    if (status != null && status.isDone()) {
      s.done.add(t.doneDate(), est, sign);
    }
    s.delivered.add(t.endDate(), est, sign);
    s.started.add(t.realStartDate(), est, sign);
  }

  /**
   * Adds (sign 1) or takes away (sign -1) a time spent, if its task is in the state.
   *
   * @param ts the time spent
   * @param sign 1 or -1
   */
  void spent(TimeSpent ts, int sign) {
    Task t = state.tasks.get(ts.taskId());
    if (t != null) {
      spent(t.projectId(), ts, sign);
    }
  }

  private void spent(ProjectId project, TimeSpent ts, int sign) {
    Sums s = byProject.getIfAbsentPut(project, Sums::new);
    int day = Math.toIntExact(ts.date().toEpochDay());
    if (s.spentByDay.addToValue(day, sign * ts.duration().toNanos()) == 0) {
      s.spentByDay.remove(day);
    }
  }

  /**
   * The earned value of a whole project, as {@link EarnedValueCalculator#measure} computes it over every
   * task and time spent of the project (up to floating-point rounding: sums are taken in nanoseconds and
   * turned into person-days once).
   *
   * @param project the project
   * @param day the as-of day
   * @param rule the earning rule
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the measures
   */
  EarnedValue measure(ProjectId project, LocalDate day, EarningRule rule, ZoneId zone, WorkCalendar calendar) {
    Sums s = byProject.get(project);
    if (s == null) {
      s = new Sums();
    }
    double[] pv = new double[1];
    s.plannedByDates.forEachKeyValue((key, est) -> {
      LocalDate start = LocalDate.ofEpochDay(key >> 32);
      LocalDate due = LocalDate.ofEpochDay((int) key);
      pv[0] += calendar.days(Duration.ofNanos(est))
          * EarnedValueCalculator.plannedFraction(start, due, day, calendar).orElseThrow();
    });
    Instant bound = day.plusDays(1).atStartOfDay(zone).toInstant();
    long doneNanos = s.done.sumBefore(bound);
    double ev = switch (rule) {
      case ZERO_HUNDRED -> calendar.days(Duration.ofNanos(doneNanos));
      case FEEDBACK_COUNTS -> calendar.days(Duration.ofNanos(s.delivered.sumBefore(bound)));
      case FIFTY_FIFTY -> calendar.days(Duration.ofNanos(s.started.sumBefore(bound))) / 2
          + calendar.days(Duration.ofNanos(doneNanos)) / 2;
    };
    long last = day.toEpochDay();
    long[] spent = new long[1];
    s.spentByDay.forEachKeyValue((d, nanos) -> {
      if (d <= last) {
        spent[0] += nanos;
      }
    });
    return EarnedValueCalculator.of(day, calendar.days(Duration.ofNanos(s.bac)), pv[0], ev,
        calendar.days(Duration.ofNanos(spent[0])), s.unestimated, s.unscheduled);
  }

  /**
   * For {@link State#checkIndexes}: whether this index equals one rebuilt from the state.
   *
   * @param rebuilt the rebuilt index
   * @return the first project whose sums differ, or null
   */
  ProjectId firstDifference(EarnedValueIndex rebuilt) {
    for (ProjectId p : byProject.keySet()) {
      if (!byProject.get(p).equals(rebuilt.byProject.get(p))) {
        return p;
      }
    }
    for (ProjectId p : rebuilt.byProject.keySet()) {
      if (!byProject.containsKey(p)) {
        return p;
      }
    }
    return null;
  }
}
