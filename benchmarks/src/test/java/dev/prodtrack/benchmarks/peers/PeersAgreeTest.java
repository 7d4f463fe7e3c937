package dev.prodtrack.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.testkit.Size;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The peers of the side-by-side benchmarks agree with prodtrack at size S on every question (the schedule
 * analytics of issue 5 included: earned value, workload grid, critical path) and after every mutation — the checks each benchmark makes before timing, run once here so that a broken peer
 * fails the build rather than a benchmark run. Seed {@value SideBySide#SEED}.
 */
class PeersAgreeTest {
  private static Snapshot data;
  private static Peer prodtrack;

  @BeforeAll
  static void generate() {
    data = Snapshot.generate(Size.S, SideBySide.SEED);
    prodtrack = new ProdtrackPeer(data);
  }

  @AfterAll
  static void close() {
    data.engine.close();
  }

  @Test
  void everyPeer_agreesWithProdtrack_onEveryQuestionAndMutation() {
    List<Peer> peers = List.of(SideBySide.open("h2", data, prodtrack), SideBySide.open("sqlite", data, prodtrack),
        SideBySide.open("plain", data, prodtrack));
    try {
      Agreement.all(prodtrack, peers, data);
    } finally {
      peers.forEach(Peer::close);
    }
  }

  @Test
  void answers_areNotTrivial() {
    assertThat(prodtrack.tasksForShot(0)).hasSize(Size.S.shotTaskTypes());
    assertThat(prodtrack.tasksByStatus(0)).isNotEmpty();
    assertThat(prodtrack.tasksByStatusAndType(1)).isNotEmpty();
    assertThat(prodtrack.late(0).count()).isPositive();
    assertThat(prodtrack.late(1).first()).hasSizeLessThanOrEqualTo(100).isNotEmpty();
    assertThat(prodtrack.minutesPerPerson(1)).isNotEmpty();
    assertThat(prodtrack.timeline(0).bars()).hasSize(Size.S.shotsPerSequence() * Size.S.shotTaskTypes());
    assertThat(prodtrack.todo(0)).isNotEmpty();
  }

  @Test
  void scheduleAnswers_areNotTrivial() {
    dev.prodtrack.schedule.EarnedValue ev = (dev.prodtrack.schedule.EarnedValue) prodtrack.earnedValue(0);
    assertThat(ev.bac()).isPositive();
    assertThat(ev.ev()).isPositive().isLessThan(ev.bac());
    assertThat(ev.pv()).isPositive().isLessThan(ev.bac());
    assertThat(ev.ac()).isPositive();
    // A week earlier less is planned and at most as much earned.
    dev.prodtrack.schedule.EarnedValue before = (dev.prodtrack.schedule.EarnedValue) prodtrack.earnedValue(1);
    assertThat(before.pv()).isLessThan(ev.pv());
    assertThat(before.ev()).isLessThanOrEqualTo(ev.ev());
    dev.prodtrack.schedule.WorkloadGrid grid = (dev.prodtrack.schedule.WorkloadGrid) prodtrack.workloadGrid(0);
    assertThat(grid.people()).hasSize(data.project.team().size());
    assertThat(grid.totals()).hasSize(90);
    assertThat(grid.totalDemand()).isPositive();
    assertThat(grid.overbookedPeople()).isNotEmpty();
    dev.prodtrack.schedule.CriticalPath cpm = (dev.prodtrack.schedule.CriticalPath) prodtrack.criticalPath();
    assertThat(cpm.critical()).isNotEmpty().hasSizeLessThan(data.tasks.size());
    assertThat(cpm.finish()).isAfter(data.project.startDate());
  }

  @Test
  void aDifferentScheduleAnswer_isCaught() {
    try (Peer plain = SideBySide.open("plain", data, prodtrack)) {
      // The same peer's earned value and grid a week apart (other tests mutate prodtrack, not this peer).
      Answers.agreeEarnedValue("earned value #0", plain, Answers.earnedValue(plain.earnedValue(0)),
          Answers.earnedValue(plain.earnedValue(0)));
      assertThatThrownBy(() -> Answers.agreeEarnedValue("earned value #0", plain,
          Answers.earnedValue(plain.earnedValue(0)), Answers.earnedValue(plain.earnedValue(1))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("plain disagrees with prodtrack on earned value #0");
      Answers.agree("workload grid #0", plain, Answers.grid(plain.workloadGrid(0)), Answers.grid(plain.workloadGrid(0)));
      assertThatThrownBy(() -> Answers.agree("workload grid #0", plain, Answers.grid(plain.workloadGrid(0)),
          Answers.grid(plain.workloadGrid(1))))
          .isInstanceOf(IllegalStateException.class);
      // A critical path with one critical task fewer, then with a later finish.
      PlainSchedule.Cpm cpm = (PlainSchedule.Cpm) plain.criticalPath();
      PlainSchedule.Cpm fewer = new PlainSchedule.Cpm(cpm.finish(), cpm.critical().subList(1, cpm.critical().size()));
      PlainSchedule.Cpm later = new PlainSchedule.Cpm(cpm.finish().plusDays(1), cpm.critical());
      Answers.agree("critical path", plain, Answers.criticalPath(cpm), Answers.criticalPath(plain.criticalPath()));
      assertThatThrownBy(() -> Answers.agree("critical path", plain, Answers.criticalPath(cpm),
          Answers.criticalPath(fewer)))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> Answers.agree("critical path", plain, Answers.criticalPath(cpm),
          Answers.criticalPath(later)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void earnedValues_agreeWithinABillionth_only() {
    try (Peer plain = SideBySide.open("plain", data, prodtrack)) {
      double[] a = {100.0, 50.0, 25.0, 30.0, 0, 0};
      Answers.agreeEarnedValue("earned value", plain, a, new double[] {100.0 + 1e-8, 50.0, 25.0, 30.0, 0, 0});
      assertThatThrownBy(() -> Answers.agreeEarnedValue("earned value", plain, a,
          new double[] {100.0 + 1e-6, 50.0, 25.0, 30.0, 0, 0}))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> Answers.agreeEarnedValue("earned value", plain, a,
          new double[] {100.0, 50.0, 25.0, 30.0, 1, 0}))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aDisagreement_throws_namingThePeerAndTheQuestion() {
    try (Peer plain = SideBySide.open("plain", data, prodtrack)) {
      assertThatThrownBy(() -> Answers.agree("tasks for shot #0", plain, Answers.rows(prodtrack.tasksForShot(0)),
          Answers.rows(plain.tasksForShot(1))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("plain disagrees with prodtrack on tasks for shot #0");
    }
  }

  @Test
  void anUnknownPeer_isRefused_byName() {
    assertThatThrownBy(() -> SideBySide.open("mysql", data, prodtrack))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prodtrack, h2, sqlite or plain, was mysql");
  }
}
