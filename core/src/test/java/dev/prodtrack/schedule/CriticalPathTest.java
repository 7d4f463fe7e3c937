package dev.prodtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.TaskId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The CPM passes on hand-computed networks (schedule-analytics.md §5.2). */
class CriticalPathTest {
  private static final LocalDate MON = LocalDate.of(2025, 3, 3);
  private static final WorkCalendar CAL = WorkCalendar.builder().build();

  private static TaskId t(int n) {
    return new TaskId(new UUID(9, n));
  }

  private static Map<TaskId, CpmTask> byTask(CriticalPath cp) {
    return cp.tasks().stream().collect(Collectors.toMap(CpmTask::task, Function.identity()));
  }

  private static Map<TaskId, Integer> durations(int... d) {
    Map<TaskId, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < d.length; i++) {
      m.put(t(i), d[i]);
    }
    return m;
  }

  @Test
  void diamond_forwardBackwardFloatsAndCriticalChain() {
    // A(3) -> B(2), A -> C(4), B -> D(1), C -> D.
    CriticalPath cp = CriticalPath.compute(durations(3, 2, 4, 1), Set.of(),
        List.of(TaskLink.fs(t(0), t(1)), TaskLink.fs(t(0), t(2)), TaskLink.fs(t(1), t(3)), TaskLink.fs(t(2), t(3))),
        MON, null, 0, CAL);
    Map<TaskId, CpmTask> r = byTask(cp);
    assertThat(r.get(t(0)).earlyStart()).isEqualTo(MON);
    assertThat(r.get(t(0)).earlyFinish()).isEqualTo(LocalDate.of(2025, 3, 5));
    assertThat(r.get(t(2)).earlyFinish()).isEqualTo(LocalDate.of(2025, 3, 11));
    assertThat(r.get(t(3)).earlyStart()).isEqualTo(LocalDate.of(2025, 3, 12));
    assertThat(cp.finish()).isEqualTo(LocalDate.of(2025, 3, 12));
    assertThat(r.get(t(1)).totalFloat()).isEqualTo(2);
    assertThat(r.get(t(1)).freeFloat()).isEqualTo(2);
    assertThat(r.get(t(1)).lateStart()).isEqualTo(LocalDate.of(2025, 3, 10));
    assertThat(cp.critical()).containsExactly(t(0), t(2), t(3));
    assertThat(r.get(t(0)).freeFloat()).isZero();
  }

  @Test
  void deadline_earlierThanTheFinish_givesNegativeFloat() {
    CriticalPath cp = CriticalPath.compute(durations(3, 2), Set.of(), List.of(TaskLink.fs(t(0), t(1))), MON,
        LocalDate.of(2025, 3, 6), 0, CAL);
    assertThat(byTask(cp).get(t(0)).totalFloat()).isEqualTo(-1);
    assertThat(byTask(cp).get(t(1)).lateFinish()).isEqualTo(LocalDate.of(2025, 3, 6));
  }

  @Test
  void linkTypes_ssFfSfAndLag() {
    Map<TaskId, Integer> d = durations(3, 2, 1, 2);
    CriticalPath cp = CriticalPath.compute(d, Set.of(),
        List.of(new TaskLink(t(0), t(1), TaskLink.Type.SS, 1), new TaskLink(t(0), t(2), TaskLink.Type.FF, 0),
            new TaskLink(t(0), t(3), TaskLink.Type.SF, 0)),
        MON, null, 0, CAL);
    Map<TaskId, CpmTask> r = byTask(cp);
    assertThat(r.get(t(1)).earlyStart()).as("SS lag 1").isEqualTo(MON.plusDays(1));
    assertThat(r.get(t(2)).earlyStart()).as("FF: finishes with A").isEqualTo(MON.plusDays(2));
    assertThat(r.get(t(3)).earlyStart()).as("SF bound is before S: starts at S").isEqualTo(MON);
  }

  @Test
  void weekends_areSkipped() {
    CriticalPath cp = CriticalPath.compute(durations(4, 2), Set.of(), List.of(TaskLink.fs(t(0), t(1))),
        LocalDate.of(2025, 3, 6), null, 0, CAL);
    assertThat(byTask(cp).get(t(0)).earlyFinish()).isEqualTo(LocalDate.of(2025, 3, 11));
    assertThat(cp.finish()).isEqualTo(LocalDate.of(2025, 3, 13));
  }

  @Test
  void cycle_isRefusedWithItsTasks() {
    assertThatThrownBy(() -> CriticalPath.compute(durations(1, 1, 1, 1), Set.of(),
        List.of(TaskLink.fs(t(3), t(0)), TaskLink.fs(t(0), t(1)), TaskLink.fs(t(1), t(2)), TaskLink.fs(t(2), t(0))),
        MON, null, 0, CAL))
        .isInstanceOfSatisfying(DependencyCycleException.class,
            e -> assertThat(e.cycle()).containsExactlyInAnyOrder(t(0), t(1), t(2)));
    assertThatThrownBy(() -> TaskLink.fs(t(0), t(0))).isInstanceOf(IllegalArgumentException.class);
  }
}
