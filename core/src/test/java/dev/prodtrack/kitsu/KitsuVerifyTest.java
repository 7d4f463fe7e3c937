package dev.prodtrack.kitsu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.ProdTrack;
import dev.prodtrack.kitsu.KitsuVerify.Field;
import dev.prodtrack.kitsu.KitsuVerify.TaskDrift;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KitsuVerifyTest {
  private static final String TODO = "f0000001-0000-4000-8000-000000000000";
  private static final String WIP = "f0000002-0000-4000-8000-000000000000";
  private static final String WFA = "f0000003-0000-4000-8000-000000000000";

  @Test
  void verify_sample_listsExactlyTheDriftedTasksAndTheirFields() throws IOException {
    try (ProdTrack engine = Dumps.open(Dumps.sample(), ImportOptions.defaults())) {
      String before = engine.stateDigest();

      KitsuVerify.Report report = KitsuVerify.verify(engine);

      assertThat(report.tasksChecked()).isEqualTo(5);
      Map<String, Set<Field>> drifts = report.drifts().stream()
          .collect(Collectors.toMap(d -> d.taskId().value().toString().substring(0, 8), TaskDrift::fields));
      assertThat(drifts).containsOnly(
          Map.entry("cc000001", Set.of(Field.REAL_START_DATE, Field.END_DATE)),
          Map.entry("cc000003", Set.of(Field.STATUS)),
          Map.entry("cc000004", Set.of(Field.STATUS, Field.REAL_START_DATE)));
      TaskDrift first = report.drifts().get(0);
      assertThat(first.stored().endDate()).isEqualTo(Instant.parse("2024-03-07T16:00:00Z"));
      assertThat(first.replayed().endDate()).isEqualTo(Instant.parse("2024-03-04T15:00:00Z"));
      assertThat(first.replayed().realStartDate()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
      assertThat(first.replayed().taskStatusId().value()).hasToString(WFA);
      TaskDrift third = report.drifts().get(2);
      assertThat(third.stored().taskStatusId().value()).hasToString(WIP);
      assertThat(third.replayed().taskStatusId().value()).hasToString(TODO);
      assertThat(report.count(Field.STATUS)).isEqualTo(2);
      assertThat(engine.stateDigest()).as("verify changes nothing").isEqualTo(before);
    }
  }

  @Test
  void verify_generatedProduction_driftIsWhereTheLivePathAndTheReplayDisagree() {
    ProductionGenerator.Generated g = ProductionGenerator.generateInNewEngine(Size.TINY, 7L);
    try (ProdTrack engine = g.engine()) {
      KitsuVerify.Report report = KitsuVerify.verify(engine);

      assertThat(report.tasksChecked()).isEqualTo(Size.TINY.tasks());
      // The generator posts every comment through the live path with the clock at the comment's date, so
      // status, real start and retakes agree with the replay; the end and done dates can drift: the live
      // path moves the end date at each feedback request and the done date only on a change into done,
      // and clears both on leaving; the replay keeps the first feedback request and the last done comment.
      assertThat(report.drifts()).isNotEmpty();
      for (TaskDrift d : report.drifts()) {
        assertThat(d.fields()).as(d.taskId().toString()).isSubsetOf(Field.END_DATE, Field.DONE_DATE);
        if (d.fields().contains(Field.END_DATE) && d.stored().endDate() != null && d.replayed().endDate() != null) {
          assertThat(d.replayed().endDate()).isBefore(d.stored().endDate());
        }
      }
    }
  }

  @Test
  void verify_emptyEngine_checksNothing() {
    try (ProdTrack engine = ProdTrack.builder().open()) {
      KitsuVerify.Report report = KitsuVerify.verify(engine);
      assertThat(report.tasksChecked()).isZero();
      assertThat(report.drifts()).isEmpty();
    }
  }
}
