package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.schedule.AtRisk;
import dev.prodtrack.schedule.CpmTask;
import dev.prodtrack.schedule.CriticalPath;
import dev.prodtrack.schedule.EarnedValue;
import dev.prodtrack.schedule.EarningRule;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.TaskLateness;
import dev.prodtrack.schedule.WorkCalendar;
import dev.prodtrack.schedule.Workload;
import dev.prodtrack.schedule.WorkloadGrid;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Schedule analytics against deliberately naive reference implementations written here from
 * schedule-analytics.md (day-by-day loops, no index, no cleverness), on generated productions (the
 * testkit's {@link Size#TINY}, several seeds) under random as-of days, working weekdays, hours per day,
 * holidays, extra days off and capacity fractions. Plus the properties: workload sums to the
 * remaining work, EV ≤ BAC, no negative slack without a deadline, a day off never lowers a task's risk,
 * and every result survives a store close and reopen.
 *
 * <p>Each example is a list of small ints decoded into an {@link Example} (so QuickTheories shrinks it); a
 * failure prints the seed and the decoded example. Rerun with {@code -Dprodtrack.seed=<seed>}.
 */
class ScheduleProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final int EXAMPLES = 60;
  private static final int PRODUCTIONS = 3;
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Map<Integer, Snapshot> PRODUCTION_CACHE = new HashMap<>();

  // ------------------------------------------------------------------------------------ examples

  /** The working weekday sets an example may use. */
  private static final List<Set<DayOfWeek>> WEEKS = List.of(
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
      EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY),
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY));

  private static final double[] FRACTIONS = {0.25, 0.5, 0.75, 1.0};
  private static final double[] HOURS = {8, 7.5, 6, 4};

  /**
   * One example: a production and a calendar around an as-of day.
   *
   * @param production which generated production (a seed index)
   * @param asOf "today"
   * @param weekdays working weekdays
   * @param hoursPerDay hours per day
   * @param holidays studio holidays
   * @param extraOffPerson the person index given one more day-off range
   * @param extraOffFrom its first day
   * @param extraOffTo its last day
   * @param fractionPerson the person index given {@code fraction} (the others get fractions derived from it)
   * @param fraction that fraction
   * @param probePerson the person index given a 10-day range off in the monotonicity property
   * @param probeFrom its first day
   */
  record Example(int production, LocalDate asOf, Set<DayOfWeek> weekdays, double hoursPerDay,
      List<LocalDate> holidays, int extraOffPerson, LocalDate extraOffFrom, LocalDate extraOffTo, int fractionPerson,
      double fraction, int probePerson, LocalDate probeFrom) {}

  private static Gen<List<Integer>> raws() {
    return lists().of(integers().between(0, 999)).ofSize(13);
  }

  private static Example decode(List<Integer> r) {
    // TINY productions work from late September to November 2024; most as-of days fall in there.
    LocalDate asOf = r.get(1) % 5 == 0 ? ProductionGenerator.DEFAULT_AS_OF.plusDays(r.get(1) % 300 - 220)
        : LocalDate.of(2024, 9, 20).plusDays(r.get(1) % 75);
    List<LocalDate> holidays = new ArrayList<>();
    for (int i = 0; i < r.get(4) % 5; i++) {
      holidays.add(asOf.plusDays((r.get(5) + 17L * i) % 90 - 45));
    }
    LocalDate offFrom = asOf.plusDays(r.get(7) % 60 - 30);
    return new Example(r.get(0) % PRODUCTIONS, asOf, WEEKS.get(r.get(2) % WEEKS.size()),
        HOURS[r.get(3) % HOURS.length], holidays, r.get(6), offFrom, offFrom.plusDays(r.get(8) % 15), r.get(9),
        FRACTIONS[r.get(10) % FRACTIONS.length], r.get(11), asOf.plusDays(r.get(12) % 40 - 5));
  }

  private static void check(java.util.function.Consumer<Example> property) {
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(raws())
        .describedAs(r -> "seed " + SEED + ", " + decode(r))
        .checkAssert(r -> property.accept(decode(r)));
  }

  // ------------------------------------------------------------------------------------ data

  /** What the naive references read, through the public API, plus the engine for the real calls. */
  record Snapshot(ProdTrack engine, Production production, List<Task> tasks, Map<TaskStatusId, TaskStatus> statuses,
      Map<TaskId, List<TimeSpent>> timeSpents, List<PersonId> people, Map<PersonId, List<DayOff>> daysOff) {

    static Snapshot of(ProdTrack engine, Production p) {
      Session admin = engine.as(p.admin());
      List<Task> tasks = new ArrayList<>(admin.task().allTasksForProject(p.project()));
      tasks.sort(java.util.Comparator.comparing(t -> t.id().value()));
      Map<TaskStatusId, TaskStatus> statuses = new HashMap<>();
      admin.task().allTaskStatuses().forEach(s -> statuses.put(s.id(), s));
      Map<TaskId, List<TimeSpent>> spent = new HashMap<>();
      for (Task t : tasks) {
        spent.put(t.id(), admin.task().getTimeSpents(t.id()).rows());
      }
      List<PersonId> people = new ArrayList<>();
      Map<PersonId, List<DayOff>> off = new HashMap<>();
      for (Person person : admin.person().allPersons()) {
        people.add(person.id());
        off.put(person.id(), admin.person().allDaysOff(person.id()));
      }
      people.sort(java.util.Comparator.comparing(PersonId::value));
      return new Snapshot(engine, p, List.copyOf(tasks), statuses, spent, List.copyOf(people), off);
    }

    ScheduleApi schedule() {
      return engine.as(production.admin()).schedule();
    }
  }

  private static synchronized Snapshot production(int index) {
    return PRODUCTION_CACHE.computeIfAbsent(index, i -> {
      var g = ProductionGenerator.generateInNewEngine(Size.TINY, SEED + i);
      // A generated TINY production is nearly all done by its as-of day: reopen every other task (as
      // update_task may, without a comment) so that open work, lateness and risk have material.
      Session admin = g.engine().as(g.production().admin());
      List<Task> tasks = new ArrayList<>(admin.task().allTasksForProject(g.production().project()));
      tasks.sort(java.util.Comparator.comparing(t -> t.id().value()));
      for (int k = 0; k < tasks.size(); k += 2) {
        admin.task().updateTask(tasks.get(k).withTaskStatusId(g.production().defaults().wip().id()));
      }
      g.engine().checkInvariants();
      return Snapshot.of(g.engine(), g.production());
    });
  }

  // ------------------------------------------------------------------------------------ naive calendar

  /** The calendar of §1.1–1.2 and §1.4, day by day. */
  static final class NaiveCalendar {
    final Set<DayOfWeek> weekdays;
    final Set<LocalDate> holidays;
    final double hoursPerDay;
    final Map<PersonId, List<LocalDate[]>> off = new HashMap<>();
    final Map<PersonId, Double> fractions = new HashMap<>();

    NaiveCalendar(Example e, Snapshot s) {
      weekdays = e.weekdays();
      holidays = new HashSet<>(e.holidays());
      hoursPerDay = e.hoursPerDay();
      s.daysOff().forEach((p, list) -> list.forEach(d -> dayOff(p, d.date(), d.endDate())));
      dayOff(s.people().get(e.extraOffPerson() % s.people().size()), e.extraOffFrom(), e.extraOffTo());
      // Everyone gets a capacity fraction, the chosen person the example's own.
      for (int i = 0; i < s.people().size(); i++) {
        fractions.put(s.people().get(i), FRACTIONS[(e.fractionPerson() + 7 * i) % FRACTIONS.length]);
      }
      fractions.put(s.people().get(e.fractionPerson() % s.people().size()), e.fraction());
    }

    void dayOff(PersonId p, LocalDate from, LocalDate to) {
      off.computeIfAbsent(p, k -> new ArrayList<>()).add(new LocalDate[] {from, to});
    }

    WorkCalendar engine() {
      WorkCalendar.Builder b = WorkCalendar.builder().workingWeekdays(weekdays).hoursPerDay(hoursPerDay);
      holidays.forEach(b::holiday);
      off.forEach((p, ranges) -> ranges.forEach(r -> b.dayOff(p, r[0], r[1])));
      fractions.forEach(b::capacity);
      return b.build();
    }

    boolean working(LocalDate d) {
      return weekdays.contains(d.getDayOfWeek()) && !holidays.contains(d);
    }

    boolean working(PersonId p, LocalDate d) {
      if (!working(d)) {
        return false;
      }
      for (LocalDate[] r : off.getOrDefault(p, List.of())) {
        if (!d.isBefore(r[0]) && !d.isAfter(r[1])) {
          return false;
        }
      }
      return true;
    }

    long workingDays(PersonId p, LocalDate a, LocalDate b) {
      long n = 0;
      for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
        if (p == null ? working(d) : working(p, d)) {
          n++;
        }
      }
      return n;
    }

    long wdDelta(LocalDate a, LocalDate b) {
      if (b.isAfter(a)) {
        return workingDays(null, a.plusDays(1), b);
      }
      return b.isBefore(a) ? -workingDays(null, b.plusDays(1), a) : 0;
    }

    Duration capacity(PersonId p, LocalDate d) {
      return working(p, d)
          ? Duration.ofNanos(Math.round(hoursPerDay * fractions.getOrDefault(p, 1.0) * 3_600_000_000_000L))
          : Duration.ZERO;
    }

    double days(Duration effort) {
      return effort.toNanos() / 3_600_000_000_000.0 / hoursPerDay;
    }
  }

  // ------------------------------------------------------------------------------------ naive metrics

  private static LocalDate day(Instant i) {
    return i == null ? null : LocalDate.ofInstant(i, UTC);
  }

  private static List<TaskLateness> naiveLateness(Snapshot s, NaiveCalendar c, LocalDate today) {
    List<TaskLateness> out = new ArrayList<>();
    for (Task t : s.tasks()) {
      TaskStatus st = s.statuses().get(t.taskStatusId());
      boolean before = t.dueDate() != null && t.dueDate().isBefore(today);
      Duration est = t.estimation();
      Duration dur = t.duration();
      OptionalLong byFeedback = t.dueDate() == null || t.endDate() == null ? OptionalLong.empty()
          : OptionalLong.of(Math.max(0, c.wdDelta(t.dueDate(), day(t.endDate()))));
      OptionalLong byApproval = t.dueDate() == null || t.doneDate() == null ? OptionalLong.empty()
          : OptionalLong.of(Math.max(0, c.wdDelta(t.dueDate(), day(t.doneDate()))));
      out.add(new TaskLateness(t.id(), before, before && !st.isDone(),
          before && !st.isDone() && !st.isFeedbackRequest(), before && t.doneDate() == null,
          est.toNanos() > 0 && dur.toNanos() > est.toNanos(), dur.minus(est),
          est.isZero() ? OptionalDouble.empty() : OptionalDouble.of((double) dur.toNanos() / est.toNanos()),
          byFeedback, byApproval));
    }
    return out;
  }

  /** §1.4 for one person, in whole nanoseconds (each task's share per day truncated, as a Duration division). */
  private static long[] naiveWorkload(Snapshot s, NaiveCalendar c, PersonId p, LocalDate from, LocalDate to,
      Set<TaskId> unplaceable) {
    long[] demand = new long[(int) (to.toEpochDay() - from.toEpochDay() + 1)];
    for (Task t : s.tasks()) {
      if (!t.assignees().contains(p) || s.statuses().get(t.taskStatusId()).isDone() || t.startDate() == null
          || t.dueDate() == null) {
        continue;
      }
      long span = c.workingDays(p, t.startDate(), t.dueDate());
      if (span == 0) {
        unplaceable.add(t.id());
        continue;
      }
      long remaining = Math.max(0, t.estimation().toNanos() - t.duration().toNanos());
      long share = remaining / span / t.assignees().size();
      for (int i = 0; i < demand.length; i++) {
        LocalDate d = from.plusDays(i);
        if (!d.isBefore(t.startDate()) && !d.isAfter(t.dueDate()) && c.working(p, d)) {
          demand[i] += share;
        }
      }
    }
    return demand;
  }

  /** BAC, PV, EV, AC of §6 for the whole project. */
  private static double[] naiveEarnedValue(Snapshot s, NaiveCalendar c, LocalDate d, EarningRule rule) {
    double bac = 0;
    double pv = 0;
    double ev = 0;
    double ac = 0;
    for (Task t : s.tasks()) {
      double est = c.days(t.estimation());
      bac += est;
      if (t.startDate() != null && t.dueDate() != null) {
        double fraction;
        if (d.isBefore(t.startDate())) {
          fraction = 0;
        } else if (!d.isBefore(t.dueDate())) {
          fraction = 1;
        } else {
          long span = c.workingDays(null, t.startDate(), t.dueDate());
          fraction = span == 0 ? 0 : (double) c.workingDays(null, t.startDate(), d) / span;
        }
        pv += est * fraction;
      }
      boolean done = s.statuses().get(t.taskStatusId()).isDone() && t.doneDate() != null
          && !day(t.doneDate()).isAfter(d);
      boolean fed = t.endDate() != null && !day(t.endDate()).isAfter(d);
      boolean started = t.realStartDate() != null && !day(t.realStartDate()).isAfter(d);
      ev += switch (rule) {
        case ZERO_HUNDRED -> done ? est : 0;
        case FEEDBACK_COUNTS -> fed ? est : 0;
        case FIFTY_FIFTY -> (started ? est / 2 : 0) + (done ? est / 2 : 0);
      };
      for (TimeSpent r : s.timeSpents().get(t.id())) {
        if (!r.date().isAfter(d)) {
          ac += c.days(r.duration());
        }
      }
    }
    return new double[] {bac, pv, ev, ac};
  }

  private static Duration naiveRemaining(Task t) {
    if (t.realStartDate() == null && t.duration().isZero()) {
      return t.estimation();
    }
    Duration r = t.estimation().minus(t.duration());
    return r.isNegative() ? Duration.ZERO : r;
  }

  /** The at-risk rule: for each candidate, the largest shortfall over its assignees, when positive. */
  private static Map<TaskId, Duration> naiveAtRisk(Snapshot s, NaiveCalendar c, LocalDate today) {
    Map<TaskId, Duration> out = new HashMap<>();
    for (Task t : s.tasks()) {
      if (s.statuses().get(t.taskStatusId()).isDone() || t.dueDate() == null || t.dueDate().isBefore(today)
          || t.assignees().isEmpty()) {
        continue;
      }
      Duration worst = Duration.ZERO;
      for (PersonId p : t.assignees()) {
        Duration demand = naiveRemaining(t).dividedBy(t.assignees().size());
        for (Task o : s.tasks()) {
          if (o != t && o.assignees().contains(p) && !s.statuses().get(o.taskStatusId()).isDone()
              && o.dueDate() != null && !o.dueDate().isBefore(today) && o.dueDate().isBefore(t.dueDate())) {
            demand = demand.plus(naiveRemaining(o).dividedBy(o.assignees().size()));
          }
        }
        Duration capacity = Duration.ZERO;
        for (LocalDate d = today; !d.isAfter(t.dueDate()); d = d.plusDays(1)) {
          capacity = capacity.plus(c.capacity(p, d));
        }
        Duration shortfall = demand.minus(capacity);
        if (shortfall.compareTo(worst) > 0) {
          worst = shortfall;
        }
      }
      if (worst.compareTo(Duration.ZERO) > 0) {
        out.put(t.id(), worst);
      }
    }
    return out;
  }

  private static Map<TaskId, Duration> engineAtRisk(List<AtRisk> risks) {
    Map<TaskId, Duration> out = new HashMap<>();
    risks.forEach(r -> out.put(r.task(), r.shortfall()));
    return out;
  }

  private static void close(double actual, double expected, String what) {
    assertThat(actual).as(what).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1,
        Math.abs(expected))));
  }

  // ------------------------------------------------------------------------------------ properties

  @Test
  void lateness_matchesTheNaiveReference() {
    check(e -> {
      Snapshot s = production(e.production());
      NaiveCalendar c = new NaiveCalendar(e, s);
      List<TaskLateness> engine = s.schedule().lateness(s.production().project(), e.asOf(), UTC, c.engine());
      assertThat(engine).isEqualTo(naiveLateness(s, c, e.asOf()));
      assertThat(engine).as("not vacuous").hasSize(s.tasks().size());
    });
  }

  @Test
  void workload_matchesTheNaiveReference_andSumsToTheRemainingWork() {
    check(e -> {
      Snapshot s = production(e.production());
      NaiveCalendar c = new NaiveCalendar(e, s);
      LocalDate from = e.asOf().minusDays(10);
      LocalDate to = e.asOf().plusDays(30);
      WorkloadGrid grid = s.schedule().workloadGrid(Scope.of(s.production().project()), from, to, c.engine());
      for (Workload w : grid.people()) {
        Set<TaskId> unplaceable = new HashSet<>();
        long[] expected = naiveWorkload(s, c, w.person(), from, to, unplaceable);
        for (int i = 0; i < expected.length; i++) {
          Workload.Day d = w.days().get(i);
          assertThat(d.demand().toNanos()).as("demand of %s on %s", w.person(), d.date()).isEqualTo(expected[i]);
          assertThat(d.capacity()).as("capacity of %s on %s", w.person(), d.date())
              .isEqualTo(c.capacity(w.person(), d.date()));
        }
        assertThat(w.unplaceable()).containsExactlyInAnyOrderElementsOf(unplaceable);
      }
      // Over a range holding every task's span, each person's demand adds up to their share of the
      // remaining work of their placeable open tasks (up to the nanoseconds the per-day shares truncate).
      LocalDate first = s.tasks().stream().map(Task::startDate).filter(java.util.Objects::nonNull)
          .min(LocalDate::compareTo).orElseThrow();
      LocalDate last = s.tasks().stream().map(Task::dueDate).filter(java.util.Objects::nonNull)
          .max(LocalDate::compareTo).orElseThrow();
      WorkloadGrid all = s.schedule().workloadGrid(Scope.of(s.production().project()), first, last, c.engine());
      double total = 0;
      for (Workload w : all.people()) {
        double expected = 0;
        int spans = 0;
        for (Task t : s.tasks()) {
          if (t.assignees().contains(w.person()) && !s.statuses().get(t.taskStatusId()).isDone()
              && t.startDate() != null && t.dueDate() != null
              && c.workingDays(w.person(), t.startDate(), t.dueDate()) > 0) {
            expected += (double) Math.max(0, t.estimation().minus(t.duration()).toNanos()) / t.assignees().size();
            spans += (int) c.workingDays(w.person(), t.startDate(), t.dueDate());
          }
        }
        assertThat((double) w.totalDemand().toNanos()).as("total demand of %s", w.person())
            .isBetween(expected - spans - 1, expected + 1);
        total += expected;
      }
      assertThat(all.totalDemand().toNanos()).as("not vacuous").isPositive();
      assertThat((double) all.totalDemand().toNanos()).isLessThanOrEqualTo(total + 1);
    });
  }

  @Test
  void earnedValue_matchesTheNaiveReference_andNeverExceedsTheBudget() {
    check(e -> {
      Snapshot s = production(e.production());
      NaiveCalendar c = new NaiveCalendar(e, s);
      WorkCalendar cal = c.engine();
      for (EarningRule rule : EarningRule.values()) {
        EarnedValue ev = s.schedule().earnedValue(s.production().project(), e.asOf(), rule, UTC, cal);
        double[] naive = naiveEarnedValue(s, c, e.asOf(), rule);
        close(ev.bac(), naive[0], "BAC " + rule);
        close(ev.pv(), naive[1], "PV " + rule);
        close(ev.ev(), naive[2], "EV " + rule);
        close(ev.ac(), naive[3], "AC " + rule);
        assertThat(ev.ev()).as("EV ≤ BAC, %s", rule).isLessThanOrEqualTo(ev.bac() + 1e-9);
        assertThat(ev.pv()).as("PV ≤ BAC, %s", rule).isLessThanOrEqualTo(ev.bac() + 1e-9);
        assertThat(ev.bac()).as("not vacuous").isPositive();
      }
    });
  }

  @Test
  void atRisk_matchesTheNaiveReference() {
    int[] withRisks = {0};
    check(e -> {
      Snapshot s = production(e.production());
      NaiveCalendar c = new NaiveCalendar(e, s);
      List<AtRisk> risks = s.schedule().atRisk(s.production().project(), e.asOf(), c.engine());
      assertThat(engineAtRisk(risks)).isEqualTo(naiveAtRisk(s, c, e.asOf()));
      withRisks[0] += risks.isEmpty() ? 0 : 1;
    });
    assertThat(withRisks[0]).as("examples with tasks at risk, seed %d", SEED).isGreaterThan(EXAMPLES / 3);
  }

  @Test
  void addingADayOff_neverMakesATaskLessAtRisk() {
    int[] worse = {0};
    check(e -> {
      Snapshot s = production(e.production());
      NaiveCalendar c = new NaiveCalendar(e, s);
      Map<TaskId, Duration> before = engineAtRisk(s.schedule().atRisk(s.production().project(), e.asOf(),
          c.engine()));
      c.dayOff(s.people().get(e.probePerson() % s.people().size()), e.probeFrom(), e.probeFrom().plusDays(9));
      Map<TaskId, Duration> after = engineAtRisk(s.schedule().atRisk(s.production().project(), e.asOf(),
          c.engine()));
      assertThat(after.keySet()).containsAll(before.keySet());
      before.forEach((task, shortfall) -> assertThat(after.get(task)).as("shortfall of %s", task)
          .isGreaterThanOrEqualTo(shortfall));
      worse[0] += after.equals(before) ? 0 : 1;
    });
    assertThat(worse[0]).as("examples where the day off changed something, seed %d", SEED).isPositive();
  }

  @Test
  void slack_isNeverNegativeWithoutADeadline() {
    check(e -> {
      Snapshot s = production(e.production());
      CriticalPath cp = s.schedule().criticalPath(s.production().project(), e.asOf(), null, 0,
          new NaiveCalendar(e, s).engine());
      assertThat(cp.tasks()).hasSize(s.tasks().size());
      for (CpmTask t : cp.tasks()) {
        assertThat(t.totalFloat()).as("TF of %s", t.task()).isNotNegative();
        assertThat(t.freeFloat()).as("FF of %s", t.task()).isBetween(0L, t.totalFloat());
        assertThat(t.earlyFinish()).isBeforeOrEqualTo(cp.finish());
      }
      assertThat(cp.critical()).as("something is critical").isNotEmpty();
    });
  }

  @Test
  void scopes_selectWhatANaiveFilterSelects() {
    int[] nonEmpty = {0};
    check(e -> {
      Snapshot s = production(e.production());
      Session admin = s.engine().as(s.production().admin());
      Production p = s.production();
      List<Scope> scopes = new ArrayList<>();
      Scope all = Scope.of(p.project());
      p.sequences().forEach(q -> scopes.add(all.withSequence(q)));
      p.shotTaskTypes().forEach(t -> scopes.add(all.withTaskType(t.id())));
      p.assetTaskTypes().forEach(t -> scopes.add(all.withTaskType(t.id())));
      s.people().forEach(person -> scopes.add(all.withPerson(person)));
      admin.person().allDepartments().forEach(d -> scopes.add(all.withDepartment(d.id())));
      Scope picked = scopes.get(e.extraOffPerson() % scopes.size());
      Scope other = scopes.get(e.probePerson() % scopes.size());
      // Every other example combines two filters.
      Scope scope = e.probePerson() % 2 == 1 ? picked
          : new Scope(p.project(), null, picked.sequence() != null ? picked.sequence() : other.sequence(),
              picked.taskType() != null ? picked.taskType() : other.taskType(),
              picked.department() != null ? picked.department() : other.department(),
              picked.person() != null ? picked.person() : other.person());
      NaiveCalendar c = new NaiveCalendar(e, s);
      List<TaskId> expected = new ArrayList<>();
      double bac = 0;
      for (Task t : s.tasks()) {
        var entity = admin.entity().getEntity(t.entityId());
        if ((scope.sequence() == null || scope.sequence().equals(entity.parentId()))
            && (scope.taskType() == null || scope.taskType().equals(t.taskTypeId()))
            && (scope.department() == null
                || scope.department().equals(admin.task().getTaskType(t.taskTypeId()).departmentId()))
            && (scope.person() == null || t.assignees().contains(scope.person()))) {
          expected.add(t.id());
          bac += c.days(t.estimation()) / (scope.person() == null ? 1 : t.assignees().size());
        }
      }
      assertThat(s.schedule().lateness(scope, e.asOf(), UTC, c.engine())).extracting(TaskLateness::task)
          .as("tasks of %s", scope).containsExactlyElementsOf(expected);
      close(s.schedule().earnedValue(scope, e.asOf(), EarningRule.ZERO_HUNDRED, UTC, c.engine()).bac(), bac,
          "BAC of " + scope);
      nonEmpty[0] += expected.isEmpty() ? 0 : 1;
    });
    assertThat(nonEmpty[0]).as("examples whose scope holds tasks, seed %d", SEED).isGreaterThan(EXAMPLES / 2);
  }

  @Test
  void earnedValueCost_withOneSalaryForAll_isEarnedValueTimesTheSalary_andAddsUpOverPeople() {
    qt().withFixedSeed(SEED).withExamples(5)
        .forAll(raws())
        .describedAs(r -> "seed " + SEED + ", " + decode(r))
        .checkAssert(r -> {
          Example e = decode(r);
          int salary = 1 + r.get(0) % 500;
          var g = ProductionGenerator.generateInNewEngine(Size.TINY, SEED + 100 + e.production());
          Production p = g.production();
          Session admin = g.engine().as(p.admin());
          for (PersonId person : p.persons()) {
            admin.person().updatePerson(admin.person().getPerson(person).withDailySalary(salary));
          }
          Snapshot s = Snapshot.of(g.engine(), p);
          NaiveCalendar c = new NaiveCalendar(e, s);
          WorkCalendar cal = c.engine();
          Scope all = Scope.of(p.project());
          ScheduleApi api = s.schedule();
          EarnedValue days = api.earnedValue(all, e.asOf(), EarningRule.FIFTY_FIFTY, UTC, cal);
          var cost = api.earnedValueCost(all, e.asOf(), EarningRule.FIFTY_FIFTY, UTC, cal);
          double unassignedDays = 0;
          List<TaskId> unassigned = new ArrayList<>();
          for (Task t : s.tasks()) {
            if (t.assignees().isEmpty()) {
              unassigned.add(t.id());
              unassignedDays += c.days(t.estimation());
            }
          }
          assertThat(cost.unpricedTasks()).containsExactlyInAnyOrderElementsOf(unassigned);
          assertThat(cost.unpricedPeople()).isEmpty();
          close(cost.value().bac(), salary * (days.bac() - unassignedDays), "BAC in money");
          close(cost.value().ac(), salary * days.ac(), "AC in money");
          assertThat(cost.value().ev()).isLessThanOrEqualTo(cost.value().bac() + 1e-6);
          double bacOverPeople = 0;
          double acOverPeople = 0;
          for (PersonId person : s.people()) {
            var own = api.earnedValueCost(all.withPerson(person), e.asOf(), EarningRule.FIFTY_FIFTY, UTC, cal);
            bacOverPeople += own.value().bac();
            acOverPeople += own.value().ac();
          }
          close(bacOverPeople, cost.value().bac(), "the people's budgets add up to the project's");
          close(acOverPeople, cost.value().ac(), "the people's actual costs add up to the project's");
          g.engine().close();
        });
  }

  /** Every metric of a production, as one comparable list. */
  private static List<Object> everything(ProdTrack engine, Production p, Example e, NaiveCalendar c) {
    ScheduleApi api = engine.as(p.admin()).schedule();
    WorkCalendar cal = c.engine();
    Scope scope = Scope.of(p.project());
    return List.of(
        api.lateness(scope, e.asOf(), UTC, cal),
        api.atRisk(scope, e.asOf(), cal),
        api.workloadGrid(scope, e.asOf(), e.asOf().plusDays(20), cal),
        api.earnedValueSeries(scope, e.asOf().minusDays(5), e.asOf(), EarningRule.FIFTY_FIFTY, UTC, cal),
        api.forecast(scope, e.asOf(), 10, UTC, cal),
        api.burndown(scope, e.asOf().minusDays(5), e.asOf(), UTC, cal),
        api.timeline(scope, e.asOf(), UTC, cal),
        api.criticalPath(scope, e.asOf(), null, 0, List.of(), cal),
        api.quotas(scope, dev.prodtrack.schedule.Quotas.Mode.WEIGHTED, dev.prodtrack.schedule.Quotas.Delivery.FEEDBACK,
            UTC, cal),
        api.retakeStats(scope),
        api.allTaskDependenciesForProject(p.project()));
  }

  @Test
  void results_unchangedAfterCloseAndReopen() {
    qt().withFixedSeed(SEED).withExamples(6)
        .forAll(raws())
        .describedAs(r -> "seed " + SEED + ", " + decode(r))
        .checkAssert(r -> {
          Example e = decode(r);
          MemoryStore store = MemoryStore.create();
          GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
          ProdTrack engine = ProdTrack.builder().store(store).clock(clock)
              .idSource(IdSource.seeded(SEED + e.production())).open();
          Production p = ProductionGenerator.generate(engine, clock, Size.TINY, SEED + e.production());
          // A stored dependency between the first and last shot tasks, so links are part of the state.
          engine.as(p.admin()).schedule().addTaskDependency(p.shotTasks().get(0),
              p.shotTasks().get(p.shotTasks().size() - 1), dev.prodtrack.model.TaskDependency.Type.SS, 1);
          NaiveCalendar c = new NaiveCalendar(e, Snapshot.of(engine, p));
          List<Object> before = everything(engine, p, e, c);
          engine.close();
          ProdTrack again = ProdTrack.builder().store(store.reopen()).clock(clock).open();
          again.checkInvariants();
          assertThat(everything(again, p, e, c)).isEqualTo(before);
          again.close();
        });
  }
}
