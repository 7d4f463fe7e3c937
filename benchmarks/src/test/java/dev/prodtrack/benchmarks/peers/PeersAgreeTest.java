package dev.prodtrack.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.testkit.Size;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The peers of the side-by-side benchmarks agree with prodtrack at size S on every question and after
 * every mutation — the checks each benchmark makes before timing, run once here so that a broken peer
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
