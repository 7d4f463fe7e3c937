package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.Project;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.schedule.CriticalPath;
import dev.prodtrack.schedule.DependencyCycleException;
import dev.prodtrack.schedule.NaiveCpm;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.TaskLink;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
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

  /** The reference: §5.2 with maps, returning either the result or the reported cycle. */
  private static Object naive(List<Task> tasks, List<TaskLink> links, LocalDate analysisStart, LocalDate deadline,
      long threshold, NaiveCpm.Calendar c) {
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
    return NaiveCpm.solve(durations, unestimated, links, analysisStart, deadline, threshold, c);
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
          NaiveCpm.Calendar c = new NaiveCpm.Calendar(WEEKS.get(pick / 2 % WEEKS.size()),
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
