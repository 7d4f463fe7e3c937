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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.eclipse.collections.api.map.MutableMap;
import org.eclipse.collections.api.map.primitive.MutableIntObjectMap;
import org.eclipse.collections.api.map.primitive.MutableLongObjectMap;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

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
 * is the whole days before it plus part of one day; AC groups time spent by day. Sums are exact (whole
 * seconds plus nanoseconds: a project's estimations overflow a long of nanoseconds); they become
 * person-days only at the query. The index is built on the first query from the state and then
 * maintained by {@link State}; a change of a status's done flag drops it (rebuilt on the next query).
 * Time spents count once their task is in the state: a task brings its time spents with it and takes
 * them away, so the order in which a change set or a load applies records does not matter.
 */
final class EarnedValueIndex {

  /**
   * A sum of nanoseconds too large for one long (a million estimations of days each): whole seconds and
   * the nanoseconds below one second, kept normalised so that equal sums are equal fields.
   */
  static class Total {
    long seconds;
    long nanos;

    boolean isZero() {
      return seconds == 0 && nanos == 0;
    }

    void add(Total other) {
      seconds += other.seconds;
      add(other.nanos);
    }

    void add(long amount) {
      seconds += Math.floorDiv(amount, 1_000_000_000L);
      nanos += Math.floorMod(amount, 1_000_000_000L);
      if (nanos >= 1_000_000_000L) {
        seconds++;
        nanos -= 1_000_000_000L;
      }
    }

    /** In person-days of the calendar's hours per day. */
    double days(WorkCalendar calendar) {
      return (seconds + nanos / 1e9) / 3600.0 / calendar.hoursPerDay();
    }

    @Override
    public boolean equals(Object o) {
      return o != null && o.getClass() == getClass() && seconds == ((Total) o).seconds && nanos == ((Total) o).nanos;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(seconds);
    }

    @Override
    public String toString() {
      return seconds + "s+" + nanos + "ns";
    }
  }

  /** The sums of one project. */
  static final class Sums {
    final Total bac = new Total();
    int tasks;
    int unestimated;
    int unscheduled;
    /** Estimation per (start epoch day, due epoch day), packed into one long. */
    final MutableLongObjectMap<Total> plannedByDates = new LongObjectHashMap<>();
    final InstantSums done = new InstantSums();
    final InstantSums delivered = new InstantSums();
    final InstantSums started = new InstantSums();
    /** Time spent per epoch day (zero sums left out). */
    final MutableIntObjectMap<Total> spentByDay = new IntObjectHashMap<>();

    @Override
    public boolean equals(Object o) {
      return o instanceof Sums s && bac.equals(s.bac) && tasks == s.tasks && unestimated == s.unestimated
          && unscheduled == s.unscheduled && plannedByDates.equals(s.plannedByDates) && done.equals(s.done)
          && delivered.equals(s.delivered) && started.equals(s.started) && spentByDay.equals(s.spentByDay);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tasks, plannedByDates);
    }

    @Override
    public String toString() {
      return "Sums[bac=" + bac + ", tasks=" + tasks + ", unestimated=" + unestimated + ", unscheduled=" + unscheduled
          + ", planned=" + plannedByDates + ", done=" + done + ", delivered=" + delivered + ", started=" + started
          + ", spent=" + spentByDay + "]";
    }
  }

  /**
   * Sums of amounts by instant: per UTC day, and per instant within its UTC day (with a count, so that
   * zero amounts leave when their last instant does). The sum before an instant is the whole UTC days
   * before its day plus the instants of its day before it.
   *
   * <p>Design note. The instants of a day are keyed by their nanosecond of the day in a primitive hash
   * map per day, not kept in one tree of {@link Instant}s: a comment that moves a task's end or start
   * instant costs two primitive hash lookups per instant instead of a walk down a tree of every instant
   * of the project (a cache miss and an {@code Instant} comparison per level). A query visits the
   * instants of one day, which a sorted map's sub-map of that day visits as well.
   */
  static final class InstantSums {
    final MutableLongObjectMap<Total> byUtcDay = new LongObjectHashMap<>();
    /** Per UTC day (no empty day), per nanosecond of that day, the amounts and their count. */
    final MutableLongObjectMap<MutableLongObjectMap<Counted>> byInstant = new LongObjectHashMap<>();

    /** A total with the number of amounts in it. */
    static final class Counted extends Total {
      long count;

      @Override
      public boolean equals(Object o) {
        return super.equals(o) && count == ((Counted) o).count;
      }

      @Override
      public int hashCode() {
        return super.hashCode();
      }
    }

    private static long nanoOfDay(Instant at, long day) {
      return (at.getEpochSecond() - day * 86_400L) * 1_000_000_000L + at.getNano();
    }

    void add(Instant at, long amount, int sign) {
      if (at == null) {
        return;
      }
      long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
      long nano = nanoOfDay(at, day);
      MutableLongObjectMap<Counted> ofDay = byInstant.get(day);
      if (ofDay == null) {
        ofDay = new LongObjectHashMap<>(4);
        byInstant.put(day, ofDay);
      }
      Counted entry = ofDay.get(nano);
      if (entry == null) {
        entry = new Counted();
        ofDay.put(nano, entry);
      }
      entry.add(sign * amount);
      entry.count += sign;
      if (entry.count == 0) {
        ofDay.remove(nano);
        if (ofDay.isEmpty()) {
          byInstant.remove(day);
        }
      }
      addTo(byUtcDay, day, sign * amount);
    }

    Total sumBefore(Instant bound) {
      long boundDay = Math.floorDiv(bound.getEpochSecond(), 86_400L);
      Total sum = new Total();
      byUtcDay.forEachKeyValue((day, amount) -> {
        if (day < boundDay) {
          sum.add(amount);
        }
      });
      MutableLongObjectMap<Counted> ofDay = byInstant.get(boundDay);
      if (ofDay != null) {
        long boundNano = nanoOfDay(bound, boundDay);
        ofDay.forEachKeyValue((nano, entry) -> {
          if (nano < boundNano) {
            sum.add(entry);
          }
        });
      }
      return sum;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof InstantSums s && byUtcDay.equals(s.byUtcDay) && byInstant.equals(s.byInstant);
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

  /** Adds an amount to a keyed total, dropping the key when its total comes back to zero. */
  private static void addTo(MutableLongObjectMap<Total> totals, long key, long amount) {
    Total total = totals.getIfAbsentPut(key, Total::new);
    total.add(amount);
    if (total.isZero()) {
      totals.remove(key);
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
    // Only the sums whose inputs changed are touched: a comment with a status change usually moves one
    // instant (delivered or started) and nothing else, and each sum costs a tree-map and a day-map update.
    boolean sameEstimation = old.estimation().equals(now.estimation());
    boolean oldDone = isDone(old);
    boolean nowDone = isDone(now);
    Sums s = null;
    if (!sameEstimation || !Objects.equals(old.startDate(), now.startDate())
        || !Objects.equals(old.dueDate(), now.dueDate())) {
      s = byProject.getIfAbsentPut(now.projectId(), Sums::new);
      planned(s, old, -1);
      planned(s, now, 1);
    }
    if (!sameEstimation || oldDone != nowDone || (nowDone && !Objects.equals(old.doneDate(), now.doneDate()))) {
      s = s != null ? s : byProject.getIfAbsentPut(now.projectId(), Sums::new);
      if (oldDone) {
        s.done.add(old.doneDate(), old.estimation().toNanos(), -1);
      }
      if (nowDone) {
        s.done.add(now.doneDate(), now.estimation().toNanos(), 1);
      }
    }
    if (!sameEstimation || !Objects.equals(old.endDate(), now.endDate())) {
      s = s != null ? s : byProject.getIfAbsentPut(now.projectId(), Sums::new);
      s.delivered.add(old.endDate(), old.estimation().toNanos(), -1);
      s.delivered.add(now.endDate(), now.estimation().toNanos(), 1);
    }
    if (!sameEstimation || !Objects.equals(old.realStartDate(), now.realStartDate())) {
      s = s != null ? s : byProject.getIfAbsentPut(now.projectId(), Sums::new);
      s.started.add(old.realStartDate(), old.estimation().toNanos(), -1);
      s.started.add(now.realStartDate(), now.estimation().toNanos(), 1);
    }
  }

  private boolean isDone(Task t) {
    TaskStatus status = state.taskStatuses.get(t.taskStatusId());
    return status != null && status.isDone();
  }

  private void taskOnly(Task t, int sign) {
    Sums s = byProject.getIfAbsentPut(t.projectId(), Sums::new);
    long est = t.estimation().toNanos();
    s.tasks += sign;
    planned(s, t, sign);
    if (isDone(t)) {
      s.done.add(t.doneDate(), est, sign);
    }
    s.delivered.add(t.endDate(), est, sign);
    s.started.add(t.realStartDate(), est, sign);
  }

  /** The sums a task's estimation and planned dates are in: BAC, the counts, PV by (start, due). */
  private static void planned(Sums s, Task t, int sign) {
    long est = t.estimation().toNanos();
    s.bac.add(sign * est);
    if (t.estimation().isZero()) {
      s.unestimated += sign;
    }
    if (t.startDate() == null || t.dueDate() == null) {
      s.unscheduled += sign;
    } else {
      long key = (t.startDate().toEpochDay() << 32) | (t.dueDate().toEpochDay() & 0xffffffffL);
      addTo(s.plannedByDates, key, sign * est); // zero-estimation tasks plan nothing: no key, live or rebuilt
    }
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
    Total total = s.spentByDay.getIfAbsentPut(day, Total::new);
    total.add(sign * ts.duration().toNanos());
    if (total.isZero()) {
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
      pv[0] += est.days(calendar)
          * EarnedValueCalculator.plannedFraction(start, due, day, calendar).orElseThrow();
    });
    Instant bound = day.plusDays(1).atStartOfDay(zone).toInstant();
    double ev = switch (rule) {
      case ZERO_HUNDRED -> s.done.sumBefore(bound).days(calendar);
      case FEEDBACK_COUNTS -> s.delivered.sumBefore(bound).days(calendar);
      case FIFTY_FIFTY -> s.started.sumBefore(bound).days(calendar) / 2 + s.done.sumBefore(bound).days(calendar) / 2;
    };
    long last = day.toEpochDay();
    Total spent = new Total();
    s.spentByDay.forEachKeyValue((d, nanos) -> {
      if (d <= last) {
        spent.add(nanos);
      }
    });
    return EarnedValueCalculator.of(day, s.bac.days(calendar), pv[0], ev, spent.days(calendar), s.unestimated,
        s.unscheduled);
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
