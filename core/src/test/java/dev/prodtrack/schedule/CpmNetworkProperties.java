package dev.prodtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.TaskId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link CriticalPath#compute(CpmNetwork, LocalDate, LocalDate, long, WorkCalendar)} on generated networks
 * against a deliberately naive reference written here from schedule-analytics.md §5 (maps of task ids,
 * Kahn's algorithm on a deque, day-by-day calendar walks). Each network mixes implicit pipeline links (the
 * tasks of random entities grouped by random priorities, some equal, some missing) with explicit links of
 * every type and lags from -3 to 3, some repeating or reversing a pair (they replace the implicit link), some
 * closing cycles. The network is given twice: numbered in list order, and numbered by a random permutation
 * with the list indexes as tie ranks (what {@code DependencyNetwork} does to number tasks entity by entity);
 * both must give the reference's whole result (topological order included) or its cycle. Seeded; rerun with
 * {@code -Dprodtrack.seed=<seed>}.
 */
class CpmNetworkProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final LocalDate MON = LocalDate.of(2025, 3, 3);

  /** A generated network: durations, unestimated flags and the links in list order. */
  private record Net(List<TaskId> ids, int[] durations, boolean[] unestimated, List<TaskLink> links) {}

  private static TaskId id(int i) {
    return new TaskId(new UUID(7, i));
  }

  /** §5.1 from a seed: implicit links entity by entity, group after group, then explicit links. */
  private static Net generate(long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(30);
    List<TaskId> ids = new ArrayList<>();
    int[] durations = new int[n];
    boolean[] unestimated = new boolean[n];
    int entities = 1 + r.nextInt(Math.max(1, n / 2));
    Map<Integer, List<Integer>> byEntity = new TreeMap<>();
    Integer[] priority = new Integer[n];
    for (int i = 0; i < n; i++) {
      ids.add(id(i));
      durations[i] = 1 + r.nextInt(5);
      unestimated[i] = r.nextInt(5) == 0;
      byEntity.computeIfAbsent(r.nextInt(entities), k -> new ArrayList<>()).add(i);
      priority[i] = r.nextInt(6) == 0 ? null : r.nextInt(4);
    }
    Map<List<Integer>, TaskLink> links = new LinkedHashMap<>();
    for (List<Integer> members : byEntity.values()) {
      TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
      for (int i : members) {
        if (priority[i] != null) {
          groups.computeIfAbsent(priority[i], k -> new ArrayList<>()).add(i);
        }
      }
      List<Integer> previous = null;
      for (List<Integer> level : groups.values()) {
        if (previous != null) {
          for (int a : previous) {
            for (int b : level) {
              links.put(List.of(a, b), TaskLink.fs(ids.get(a), ids.get(b)));
            }
          }
        }
        previous = level;
      }
    }
    int explicit = n < 2 ? 0 : r.nextInt(n / 2 + 2);
    for (int k = 0; k < explicit; k++) {
      int a = r.nextInt(n);
      int b = r.nextInt(n);
      if (a == b) {
        continue;
      }
      TaskLink l = new TaskLink(ids.get(a), ids.get(b), TaskLink.Type.values()[r.nextInt(4)], r.nextInt(7) - 3);
      links.remove(List.of(b, a));
      links.remove(List.of(a, b));
      links.put(List.of(a, b), l);
    }
    return new Net(ids, durations, unestimated, new ArrayList<>(links.values()));
  }

  /** The naive calendar: a weekday set, a holiday set, loops. */

  /** §5.2 with maps over the network's lists: {@link NaiveCpm#solve}. */
  private static Object naive(Net net, LocalDate analysisStart, LocalDate deadline, long threshold,
      NaiveCpm.Calendar c) {
    Map<TaskId, Integer> d = new LinkedHashMap<>();
    Set<TaskId> unestimated = new HashSet<>();
    for (int i = 0; i < net.ids().size(); i++) {
      d.put(net.ids().get(i), net.durations()[i]);
      if (net.unestimated()[i]) {
        unestimated.add(net.ids().get(i));
      }
    }
    return NaiveCpm.solve(d, unestimated, net.links(), analysisStart, deadline, threshold, c);
  }

  /** The network in list order, or numbered by {@code number} (list index → network index) with tie ranks. */
  private static CpmNetwork network(Net net, int[] number) {
    int n = net.ids().size();
    Map<TaskId, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(net.ids().get(i), i);
    }
    CpmNetwork network;
    if (number == null) {
      network = new CpmNetwork(net.ids(), net.durations(), net.unestimated());
      number = new int[n];
      for (int i = 0; i < n; i++) {
        number[i] = i;
      }
    } else {
      TaskId[] ids = new TaskId[n];
      int[] durations = new int[n];
      boolean[] unestimated = new boolean[n];
      int[] tieRank = new int[n];
      for (int i = 0; i < n; i++) {
        ids[number[i]] = net.ids().get(i);
        durations[number[i]] = net.durations()[i];
        unestimated[number[i]] = net.unestimated()[i];
        tieRank[number[i]] = i;
      }
      network = new CpmNetwork(List.of(ids), durations, unestimated, tieRank);
    }
    for (TaskLink l : net.links()) {
      network.link(number[index.get(l.predecessor())], number[index.get(l.successor())], l.type(), l.lag());
    }
    return network;
  }

  @Test
  void compute_matchesTheNaiveReference_inListOrderAndRenumbered() {
    int[] cycles = {0};
    int[] results = {0};
    List<Set<DayOfWeek>> weeks = List.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
    qt().withFixedSeed(SEED).withExamples(300)
        .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSize(2))
        .describedAs(v -> "seed " + SEED + ", network seed and options " + v)
        .checkAssert(v -> {
          Net net = generate(v.get(0));
          int pick = v.get(1);
          NaiveCpm.Calendar c =
              new NaiveCpm.Calendar(weeks.get(pick % weeks.size()), Set.of(MON.plusDays(pick / 3 % 20)));
          LocalDate start = MON.plusDays(pick / 60 % 14 - 7);
          LocalDate deadline = pick / 840 % 3 == 0 ? null : start.plusDays(pick / 2520 % 40);
          long threshold = pick / 100_000 % 3 - 1;
          Object expected = naive(net, start, deadline, threshold, c);
          int n = net.ids().size();
          List<Integer> shuffled = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            shuffled.add(i);
          }
          Collections.shuffle(shuffled, new Random(v.get(0) ^ pick));
          int[] number = shuffled.stream().mapToInt(Integer::intValue).toArray();
          for (int[] numbering : java.util.Arrays.asList(null, number)) {
            CriticalPath[] got = {null};
            CpmNetwork network = network(net, numbering);
            Throwable thrown = catchThrowable(
                () -> got[0] = CriticalPath.compute(network, start, deadline, threshold, c.engine()));
            String as = "seed " + SEED + ", " + v + (numbering == null ? ", list order" : ", renumbered");
            if (expected instanceof CriticalPath) {
              assertThat(thrown).as(as).isNull();
              assertThat(got[0]).as(as).isEqualTo(expected);
              assertThat(got[0].tasks()).as(as).containsExactlyElementsOf(((CriticalPath) expected).tasks());
            } else {
              assertThat(thrown).as(as).isInstanceOf(DependencyCycleException.class);
              assertThat(((DependencyCycleException) thrown).cycle()).as(as).isEqualTo(expected);
            }
          }
          if (expected instanceof CriticalPath) {
            results[0]++;
          } else {
            cycles[0]++;
          }
        });
    assertThat(cycles[0]).as("examples with a cycle, seed %d", SEED).isGreaterThan(20);
    assertThat(results[0]).as("examples with a result, seed %d", SEED).isGreaterThan(100);
  }

  @Test
  void resultTasks_areImmutable_andTieRanksMustBeAPermutation() {
    CpmNetwork network = new CpmNetwork(List.of(id(0), id(1)), new int[] {2, 1}, new boolean[2]);
    network.link(0, 1, TaskLink.Type.FS, 0);
    CriticalPath cp = CriticalPath.compute(network, MON, null, 0, WorkCalendar.builder().build());
    List<CpmTask> before = List.copyOf(cp.tasks());
    assertThat(catchThrowable(() -> cp.tasks().add(cp.tasks().get(0))))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(catchThrowable(() -> cp.tasks().set(0, cp.tasks().get(1))))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(catchThrowable(() -> cp.tasks().remove(0))).isInstanceOf(UnsupportedOperationException.class);
    assertThat(cp.tasks()).containsExactlyElementsOf(before);
    assertThat(cp.tasks().get(1).earlyStart()).isEqualTo(MON.plusDays(2));
    assertThat(catchThrowable(() -> new CpmNetwork(List.of(id(0), id(1)), new int[] {1, 1}, new boolean[2],
        new int[] {1, 1}))).isInstanceOf(IllegalArgumentException.class);
    assertThat(catchThrowable(() -> new CpmNetwork(List.of(id(0), id(1)), new int[] {1, 1}, new boolean[2],
        new int[] {0}))).isInstanceOf(IllegalArgumentException.class);
  }
}
