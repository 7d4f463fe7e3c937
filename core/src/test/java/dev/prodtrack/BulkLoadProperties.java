package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link State}'s bulk-load mode ({@link State#beginBulkLoad()} … {@link State#endBulkLoad()}: comments
 * appended, each task's list ordered once at the end) builds exactly the state that one-by-one {@link
 * State#put} calls build: every index compared both ways, the order of each task's comments included,
 * over generated productions whose records are put in a random order, some of them twice (a comment
 * replaced by a copy with a different created_at, or the same record again), and comments that share a
 * created_at (ties broken by the posting order, then by arrival).
 *
 * <p>Each example prints its seed when it fails; rerun one with {@code -Dprodtrack.seed=<seed>}.
 */
class BulkLoadProperties {

  private static final long QT_SEED = 20261129L;

  @Test
  void bulkLoad_inAnyOrder_buildsTheStateOneByOnePutsBuild() {
    Long fixed = Long.getLong("prodtrack.seed");
    qt().withFixedSeed(Long.getLong("prodtrack.qtSeed", QT_SEED)).withExamples(fixed != null ? 1 : 8)
        .forAll(longs().between(1, Long.MAX_VALUE))
        .describedAs(seed -> "seed " + (fixed != null ? fixed : seed))
        .checkAssert(seed -> bulkMatchesOneByOne(fixed != null ? fixed : seed));
  }

  private static void bulkMatchesOneByOne(long seed) {
    MemoryStore memory = MemoryStore.create();
    State live;
    try (ProdTrack engine = ProdTrack.builder().store(memory).clock(ProductionGenerator.DEFAULT_CLOCK)
        .idSource(IdSource.seeded(seed)).open()) {
      ProductionGenerator.generate(engine, new GeneratorClock(ProductionGenerator.DEFAULT_NOW), Size.TINY, seed);
      live = engine.read(s -> s);
    }
    Random random = new Random(seed);
    List<Object> records = new ArrayList<>(live.allRecords());
    List<Object> sequence = new ArrayList<>(records);
    int comments = 0;
    for (Object r : records) {
      if (r instanceof Comment c) {
        comments++;
        int roll = random.nextInt(10);
        if (roll == 0) {
          // an earlier version of the comment, replaced later in the sequence by the real one
          sequence.add(withCreatedAt(c, c.createdAt().plus(Duration.ofHours(1 + random.nextInt(200)))));
        } else if (roll == 1) {
          sequence.add(c); // the same record twice
        }
      }
    }
    assertThat(comments).as("seed %d: the production has comments", seed).isPositive();
    Collections.shuffle(sequence, random);
    // a replaced comment's final version must come last: move each real record after its copies
    List<Object> ordered = new ArrayList<>(sequence.size());
    HashSet<Object> seen = new HashSet<>();
    for (Object r : sequence) {
      if (!records.contains(r) || !seen.contains(r)) {
        ordered.add(r);
      }
      if (records.contains(r)) {
        seen.add(r);
      }
    }
    for (Object r : records) {
      ordered.add(r); // every record's final version, in the store's order
    }
    State oneByOne = new State();
    State bulk = new State();
    bulk.beginBulkLoad();
    assertThat(bulk.inBulkLoad()).isTrue();
    // tables sized from counts per kind as a store hints them: exact, too small or too large (a hint only)
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    for (Object r : records) {
      counts.merge(RecordCodec.kindOf(r), 1, Integer::sum);
    }
    int scale = random.nextInt(3);
    counts.replaceAll((k, v) -> scale == 0 ? v : scale == 1 ? v / 3 : v * 4);
    bulk.presize(counts);
    for (Object r : ordered) {
      long order = r instanceof Comment c ? live.commentOrder.get(c.id()) : 0;
      oneByOne.put(r, order);
      bulk.put(r, order);
    }
    bulk.endBulkLoad();
    assertThat(bulk.inBulkLoad()).isFalse();
    assertThat(bulk.firstIndexDifference(oneByOne)).as("seed %d: bulk against one by one", seed).isNull();
    assertThat(oneByOne.firstIndexDifference(bulk)).as("seed %d: one by one against bulk", seed).isNull();
    assertThat(bulk.firstIndexDifference(live)).as("seed %d: bulk against the live state", seed).isNull();
    assertThat(new HashSet<>(bulk.allRecords())).isEqualTo(new HashSet<>(live.allRecords()));
    bulk.checkIndexes();
  }

  @Test
  void bulkLoad_ordersCommentsThatShareACreatedAt_byPostingOrderThenArrival() {
    long seed = Long.getLong("prodtrack.seed", 11);
    State live = generated(seed);
    // every comment of the largest task at one instant, with posting orders that repeat (ties on both keys)
    List<Comment> ofTask = live.commentsByTask().values().stream()
        .max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
    assertThat(ofTask.size()).as("seed %d: a task with several comments", seed).isGreaterThan(2);
    Random random = new Random(seed);
    List<Object[]> puts = new ArrayList<>();
    for (Comment c : ofTask) {
      puts.add(new Object[] {withCreatedAt(c, ofTask.get(0).createdAt()), (long) random.nextInt(3)});
    }
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(puts, random);
      State oneByOne = loadOneByOne(puts);
      State bulk = loadInBulk(puts);
      assertThat((Object) bulk.commentsByTask()).as("seed %d round %d", seed, round).isEqualTo(oneByOne.commentsByTask());
      assertThat(bulk.firstIndexDifference(oneByOne)).isNull();
    }
  }

  @Test
  void bulkLoad_ordersLongHistories_theMergeSortPath_asOneByOneInsertionsDo() {
    long seed = Long.getLong("prodtrack.seed", 17);
    Comment model = generated(seed).comments.valuesView().getFirst();
    Random random = new Random(seed);
    // lists of 65..700 comments on one task (past the insertion-sort bound of 64), few distinct instants and
    // repeating posting orders so that both keys tie often
    for (int round = 0; round < 12; round++) {
      int n = 65 + random.nextInt(636);
      List<Object[]> puts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Comment c = new Comment(new CommentId(new UUID(round, i)), model.taskId(), model.taskStatusId(),
            model.personId(), model.editorId(), "c" + i, model.data(), model.replies(), model.checklist(),
            model.pinned(), model.forClient(), model.links(), model.mentions(), model.departmentMentions(),
            model.acknowledgements(), model.attachments(), model.hasPreview(),
            model.createdAt().plusSeconds(random.nextInt(7)), model.updatedAt());
        puts.add(new Object[] {c, (long) random.nextInt(20)});
      }
      State oneByOne = loadOneByOne(puts);
      State bulk = loadInBulk(puts);
      assertThat(bulk.commentsOf(model.taskId())).as("seed %d round %d: %d comments", seed, round, n)
          .hasSize(n).containsExactlyElementsOf(oneByOne.commentsOf(model.taskId()));
      assertThat(bulk.firstIndexDifference(oneByOne)).isNull();
    }
  }

  @Test
  void bulkLoad_isRefusedTwiceOrOnAStateWithComments_leavingTheStateAsItWas() {
    State state = new State();
    state.beginBulkLoad();
    assertThatThrownBy(state::beginBulkLoad).isInstanceOf(IllegalStateException.class);
    assertThat(state.inBulkLoad()).isTrue();
    state.endBulkLoad();
    state.endBulkLoad(); // idempotent
    assertThat(state.inBulkLoad()).isFalse();

    MemoryStore memory = MemoryStore.create();
    try (ProdTrack engine = ProdTrack.builder().store(memory).clock(ProductionGenerator.DEFAULT_CLOCK)
        .idSource(IdSource.seeded(3)).open()) {
      ProductionGenerator.generate(engine, new GeneratorClock(ProductionGenerator.DEFAULT_NOW), Size.TINY, 3);
      State filled = engine.read(s -> s);
      String before = engine.stateDigest();
      assertThatThrownBy(filled::beginBulkLoad).isInstanceOf(IllegalStateException.class);
      assertThat(filled.inBulkLoad()).isFalse();
      assertThat(engine.stateDigest()).isEqualTo(before);
    }
  }

  @Test
  void presize_outsideABulkLoadOrOnAFilledState_changesNothing() {
    long seed = Long.getLong("prodtrack.seed", 5);
    State live = generated(seed);
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    for (String kind : RecordCodec.KINDS) {
      counts.put(kind, 1 << 12);
    }
    State copy = new State();
    copy.beginBulkLoad();
    for (Object r : live.allRecords()) {
      copy.put(r, r instanceof Comment c ? live.commentOrder.get(c.id()) : 0);
    }
    copy.presize(counts); // a filled state in a bulk load: ignored
    copy.endBulkLoad();
    copy.presize(counts); // no bulk load: ignored
    assertThat(copy.firstIndexDifference(live)).as("seed %d", seed).isNull();
    assertThat(live.firstIndexDifference(copy)).as("seed %d", seed).isNull();
    State empty = new State();
    empty.presize(counts);
    assertThat(empty.allRecords()).isEmpty();
    assertThat(empty.firstIndexDifference(new State())).isNull();
  }

  /** The state of an engine that generated a TINY production with {@code seed}. */
  private static State generated(long seed) {
    try (ProdTrack engine = ProdTrack.builder().store(MemoryStore.create()).clock(ProductionGenerator.DEFAULT_CLOCK)
        .idSource(IdSource.seeded(seed)).open()) {
      ProductionGenerator.generate(engine, new GeneratorClock(ProductionGenerator.DEFAULT_NOW), Size.TINY, seed);
      return engine.read(s -> s);
    }
  }

  /** A new state filled by ordered one-by-one puts of {@code {record, posting order}} pairs. */
  private static State loadOneByOne(List<Object[]> puts) {
    State state = new State();
    for (Object[] p : puts) {
      state.put(p[0], (Long) p[1]);
    }
    return state;
  }

  /** A new state filled by the same puts in bulk-load mode. */
  private static State loadInBulk(List<Object[]> puts) {
    State state = new State();
    state.beginBulkLoad();
    for (Object[] p : puts) {
      state.put(p[0], (Long) p[1]);
    }
    state.endBulkLoad();
    return state;
  }

  private static Comment withCreatedAt(Comment c, java.time.Instant at) {
    return new Comment(c.id(), c.taskId(), c.taskStatusId(), c.personId(), c.editorId(), c.text(), c.data(),
        c.replies(), c.checklist(), c.pinned(), c.forClient(), c.links(), c.mentions(), c.departmentMentions(),
        c.acknowledgements(), c.attachments(), c.hasPreview(), at, c.updatedAt());
  }
}
