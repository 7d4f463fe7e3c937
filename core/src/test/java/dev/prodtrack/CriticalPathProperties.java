package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.Project;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.schedule.CpmTask;
import dev.prodtrack.schedule.CriticalPath;
import dev.prodtrack.schedule.DependencyCycleException;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.TaskLink;
import dev.prodtrack.schedule.WorkCalendar;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The critical path over the int-indexed network against a deliberately naive reference written here
 * from schedule-analytics.md §5 (maps of task ids, Kahn's algorithm on a deque, day-by-day calendar walks
 * for durations and dates), on generated productions with random explicit links (any type, lags from -2
 * to 3, some closing cycles, some repeating or reversing a pair), random analysis starts, deadlines,
 * thresholds, working weekdays and holidays. The reference's links come from
 * {@link DependencyNetwork#links}, the object-per-link builder the int-indexed one replaced, so the
 * topological order (the order of the result) is compared too. Seeded; rerun with
 * {@code -Dprodtrack.seed=<seed>}.
 */
class CriticalPathProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final Map<Integer, ProductionGenerator.Generated> PRODUCTIONS = new HashMap<>();
  private static final List<Set<DayOfWeek>> WEEKS = List.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));

  private static synchronized ProductionGenerator.Generated production(int i) {
    return PRODUCTIONS.computeIfAbsent(i, k -> ProductionGenerator.generateInNewEngine(Size.TINY, SEED + k));
  }

  /** The naive calendar: a weekday set, a holiday set, loops. */
  private record Naive(Set<DayOfWeek> weekdays, Set<LocalDate> holidays) {
    boolean working(LocalDate d) {
      return weekdays.contains(d.getDayOfWeek()) && !holidays.contains(d);
    }

    long count(LocalDate a, LocalDate b) {
      long n = 0;
      for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
        n += working(d) ? 1 : 0;
      }
      return n;
    }

    LocalDate next(LocalDate d) {
      LocalDate x = d;
      while (!working(x)) {
        x = x.plusDays(1);
      }
      return x;
    }

    LocalDate previous(LocalDate d) {
      LocalDate x = d;
      while (!working(x)) {
        x = x.minusDays(1);
      }
      return x;
    }

    /** The date of a working-day ordinal counted from a working day. */
    LocalDate date(LocalDate base, long ordinal) {
      LocalDate x = base;
      for (long k = 0; k < ordinal; k++) {
        x = next(x.plusDays(1));
      }
      for (long k = 0; k > ordinal; k--) {
        x = previous(x.minusDays(1));
      }
      return x;
    }

    long ordinal(LocalDate base, LocalDate day) {
      return day.isAfter(base) ? count(base.plusDays(1), day) : day.isBefore(base) ? -count(day.plusDays(1), base) : 0;
    }

    WorkCalendar engine() {
      WorkCalendar.Builder b = WorkCalendar.builder().workingWeekdays(weekdays);
      holidays.forEach(b::holiday);
      return b.build();
    }
  }

  /** The reference: §5.2 with maps, returning either the result or the reported cycle. */
  private static Object naive(List<Task> tasks, List<TaskLink> links, LocalDate analysisStart, LocalDate deadline,
      long threshold, Naive c) {
    Map<TaskId, Integer> durations = new LinkedHashMap<>();
    Set<TaskId> unestimated = new HashSet<>();
    for (Task t : tasks) {
      int d;
      if (t.startDate() != null && t.dueDate() != null) {
        d = (int) Math.max(1, c.count(t.startDate(), t.dueDate()));
      } else if (!t.estimation().isZero()) {
        d = (int) Math.max(1, Math.ceil(t.estimation().toNanos() / 3.6e12 / 8 - 1e-9));
      } else {
        d = 1;
        unestimated.add(t.id());
      }
      durations.put(t.id(), d);
    }
    Map<TaskId, List<TaskLink>> out = new HashMap<>();
    Map<TaskId, List<TaskLink>> in = new HashMap<>();
    Map<TaskId, Integer> indegree = new LinkedHashMap<>();
    durations.keySet().forEach(t -> indegree.put(t, 0));
    for (TaskLink l : links) {
      out.computeIfAbsent(l.predecessor(), k -> new ArrayList<>()).add(l);
      in.computeIfAbsent(l.successor(), k -> new ArrayList<>()).add(l);
      indegree.merge(l.successor(), 1, Integer::sum);
    }
    List<TaskId> order = new ArrayList<>();
    ArrayDeque<TaskId> ready = new ArrayDeque<>();
    indegree.forEach((t, d) -> {
      if (d == 0) {
        ready.add(t);
      }
    });
    while (!ready.isEmpty()) {
      TaskId t = ready.poll();
      order.add(t);
      for (TaskLink l : out.getOrDefault(t, List.of())) {
        if (indegree.merge(l.successor(), -1, Integer::sum) == 0) {
          ready.add(l.successor());
        }
      }
    }
    if (order.size() < durations.size()) {
      TaskId t = indegree.entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow().getKey();
      List<TaskId> path = new ArrayList<>();
      while (!path.contains(t)) {
        path.add(t);
        TaskId previous = null;
        for (TaskLink l : in.get(t)) {
          if (indegree.get(l.predecessor()) > 0) {
            previous = l.predecessor();
            break;
          }
        }
        t = previous;
      }
      List<TaskId> cycle = new ArrayList<>(path.subList(path.indexOf(t), path.size()));
      java.util.Collections.reverse(cycle);
      return cycle;
    }
    LocalDate base = c.next(analysisStart);
    Map<TaskId, long[]> v = new HashMap<>();
    long finish = Long.MIN_VALUE;
    for (TaskId j : order) {
      long d = durations.get(j);
      long es = 0;
      for (TaskLink l : in.getOrDefault(j, List.of())) {
        long[] i = v.get(l.predecessor());
        es = Math.max(es, switch (l.type()) {
          case FS -> i[1] + 1 + l.lag();
          case SS -> i[0] + l.lag();
          case FF -> i[1] + l.lag() - d + 1;
          case SF -> i[0] + l.lag() - d;
        });
      }
      v.put(j, new long[] {es, es + d - 1, 0, 0});
      finish = Math.max(finish, es + d - 1);
    }
    long last = deadline == null ? finish : c.ordinal(base, c.previous(deadline));
    for (int k = order.size() - 1; k >= 0; k--) {
      TaskId i = order.get(k);
      long di = durations.get(i);
      long lf = last;
      for (TaskLink l : out.getOrDefault(i, List.of())) {
        long[] j = v.get(l.successor());
        lf = Math.min(lf, switch (l.type()) {
          case FS -> j[2] - 1 - l.lag();
          case SS -> j[2] - l.lag() + di - 1;
          case FF -> j[3] - l.lag();
          case SF -> j[3] - l.lag() + di;
        });
      }
      v.get(i)[3] = lf;
      v.get(i)[2] = lf - di + 1;
    }
    List<CpmTask> result = new ArrayList<>();
    List<TaskId> critical = new ArrayList<>();
    for (TaskId i : order) {
      long[] x = v.get(i);
      long tf = x[2] - x[0];
      long ff = Long.MAX_VALUE;
      for (TaskLink l : out.getOrDefault(i, List.of())) {
        long[] j = v.get(l.successor());
        ff = Math.min(ff, switch (l.type()) {
          case FS -> j[0] - (x[1] + 1 + l.lag());
          case SS -> j[0] - (x[0] + l.lag());
          case FF -> j[1] - (x[1] + l.lag());
          case SF -> j[1] - (x[0] - 1 + l.lag());
        });
      }
      ff = ff == Long.MAX_VALUE ? Math.max(0, last - x[1]) : Math.max(0, ff);
      if (tf <= threshold) {
        critical.add(i);
      }
      result.add(new CpmTask(i, durations.get(i), unestimated.contains(i), c.date(base, x[0]), c.date(base, x[1]),
          c.date(base, x[2]), c.date(base, x[3]), tf, ff, tf <= threshold));
    }
    return new CriticalPath(result, c.date(base, finish), critical);
  }

  @Test
  void criticalPath_matchesTheNaiveReference() {
    int[] cycles = {0};
    int[] results = {0};
    CriticalPath[] last = {null};
    qt().withFixedSeed(SEED).withExamples(60)
        .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 13))
        .describedAs(ints -> "seed " + SEED + ", pick and links " + ints)
        .checkAssert(ints -> {
          int pick = ints.get(0);
          List<Integer> raw = ints.subList(1, ints.size());
          var g = production(pick % 2);
          Naive c = new Naive(WEEKS.get(pick / 2 % WEEKS.size()),
              new HashSet<>(List.of(g.production().asOf().minusDays(pick / 6 % 40 + 1),
                  g.production().asOf().plusDays(pick / 240 % 30))));
          List<Task> tasks = new ArrayList<>(g.engine().as(g.production().admin()).task()
              .allTasksForProject(g.production().project()));
          tasks.sort(java.util.Comparator.comparing(t -> t.id().value()));
          List<TaskLink> extra = new ArrayList<>();
          for (int r : raw) {
            TaskId a = tasks.get(r % tasks.size()).id();
            TaskId b = tasks.get(r / 7 % tasks.size()).id();
            if (!a.equals(b)) {
              extra.add(new TaskLink(a, b, TaskLink.Type.values()[r / 10_000 % 4], r / 40_000 % 6 - 2));
            }
          }
          LocalDate start = g.production().asOf().minusDays(pick / 30 % 120);
          LocalDate deadline = pick % 3 == 0 ? null : start.plusDays(pick / 50 % 200);
          long threshold = pick / 7 % 3;
          Project p = g.engine().read(s -> s.projects.get(g.production().project()));
          List<TaskLink> links = g.engine().read(s -> DependencyNetwork.links(s, p, tasks, extra));
          Object expected = naive(tasks, links, start, deadline, threshold, c);
          last[0] = null;
          Throwable thrown = catchThrowable(() -> last[0] = g.engine().as(g.production().admin()).schedule()
              .criticalPath(Scope.of(p.id()), start, deadline, threshold, extra, c.engine()));
          if (expected instanceof CriticalPath) {
            assertThat(thrown).as("seed %d", SEED).isNull();
            assertThat(last[0]).as("seed %d", SEED).isEqualTo(expected);
            results[0]++;
          } else {
            assertThat(thrown).as("seed %d", SEED).isInstanceOf(DependencyCycleException.class);
            assertThat(((DependencyCycleException) thrown).cycle()).as("seed %d", SEED).isEqualTo(expected);
            cycles[0]++;
          }
        });
    assertThat(cycles[0]).as("examples with a cycle, seed %d", SEED).isPositive();
    assertThat(results[0]).as("examples with a result, seed %d", SEED).isGreaterThan(20);
  }
}
