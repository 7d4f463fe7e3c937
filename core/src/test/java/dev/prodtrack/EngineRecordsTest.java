package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Task;
import dev.prodtrack.storage.StoredRecord;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineRecordsTest {

  @Test
  void records_generatedProduction_everyRecordOnceCommentsInChronology() {
    ProductionGenerator.Generated g = ProductionGenerator.generateInNewEngine(Size.TINY, 3L);
    try (ProdTrack engine = g.engine()) {
      List<Object> records = EngineRecords.records(engine);

      int total = engine.read(s -> s.allRecords().size());
      assertThat(records).hasSize(total).doesNotHaveDuplicates();
      List<Comment> comments = records.stream().filter(Comment.class::isInstance).map(Comment.class::cast).toList();
      assertThat(comments).hasSize(g.production().comments());
      List<Comment> sorted = new ArrayList<>(comments);
      engine.read(s -> {
        sorted.sort(s.commentChronology);
        return null;
      });
      assertThat(comments).containsExactlyElementsOf(sorted);
    }
  }

  @Test
  void toStored_aRecord_isWhatTheEngineWouldStore() {
    ProductionGenerator.Generated g = ProductionGenerator.generateInNewEngine(Size.TINY, 3L);
    try (ProdTrack engine = g.engine()) {
      Task task = EngineRecords.records(engine).stream().filter(Task.class::isInstance).map(Task.class::cast)
          .findFirst().orElseThrow();

      StoredRecord stored = EngineRecords.toStored(task);

      assertThat(stored.key().kind()).isEqualTo("task");
      assertThat(stored.key().id()).isEqualTo(task.id().value().toString());
      assertThat(RecordCodec.decode("task", stored.payload())).isEqualTo(task);
    }
  }

  @Test
  void toStored_aCommentOrNotARecord_refused() {
    ProductionGenerator.Generated g = ProductionGenerator.generateInNewEngine(Size.TINY, 3L);
    try (ProdTrack engine = g.engine()) {
      Comment comment = EngineRecords.records(engine).stream().filter(Comment.class::isInstance)
          .map(Comment.class::cast).findFirst().orElseThrow();

      assertThatThrownBy(() -> EngineRecords.toStored(comment)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("toStoredComment");
      assertThatThrownBy(() -> EngineRecords.toStored("a string")).isInstanceOf(IllegalArgumentException.class);
      StoredRecord stored = EngineRecords.toStoredComment(comment, 42);
      assertThat(RecordCodec.commentOrder(stored.payload())).isEqualTo(42);
    }
  }

  @Test
  void replayTasks_changesNothing() {
    ProductionGenerator.Generated g = ProductionGenerator.generateInNewEngine(Size.TINY, 3L);
    try (ProdTrack engine = g.engine()) {
      String before = engine.stateDigest();
      int[] seen = {0};

      EngineRecords.replayTasks(engine, (stored, replayed) -> {
        seen[0]++;
        assertThat(replayed.id()).isEqualTo(stored.id());
        assertThat(replayed.lastCommentDate()).isEqualTo(stored.lastCommentDate());
        assertThat(replayed.duration()).isEqualTo(stored.duration());
      });

      assertThat(seen[0]).isEqualTo(Size.TINY.tasks());
      assertThat(engine.stateDigest()).isEqualTo(before);
    }
  }
}
