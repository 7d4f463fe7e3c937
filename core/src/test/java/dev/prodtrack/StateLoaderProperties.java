package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StoredRecord;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's load path ({@link StateLoader}: decoding on the opening thread, applying on a second
 * one, values shared through a {@link LoadPool}) builds exactly the state the live mutations built:
 * every index, the lazily built ones included, the same records (digest) and the same query answers,
 * for generated productions with random seeds, batch sizes and numbers of mutations after the last
 * snapshot; and a record that does not decode is still refused with {@link CorruptRecordException}.
 *
 * <p>Every example prints its seed when it fails (the batch size and the number of comments after the
 * snapshot are drawn from it); rerun one with {@code -Dprodtrack.seed=<seed>}
 * (QuickTheories' own seed is {@value #QT_SEED} unless {@code -Dprodtrack.qtSeed} says otherwise).
 */
class StateLoaderProperties {

  private static final long QT_SEED = 20261129L;
  private static final int EXAMPLES = Integer.getInteger("prodtrack.loaderExamples", 6);
  private Path dir;

  @BeforeEach
  void createDir() throws IOException {
    dir = TestDirs.create("state-loader");
  }

  @AfterEach
  void deleteDir() throws IOException {
    TestDirs.delete(dir);
  }

  private static FileStoreOptions options(long seed) {
    return FileStoreOptions.defaults().withSources(ProductionGenerator.DEFAULT_CLOCK, new Random(seed))
        .withFsync(FileStoreOptions.FsyncPolicy.NONE).withAutoSnapshot(false, 0);
  }

  @Test
  void reopen_onAFileStore_buildsTheIndexesAndAnswersTheLiveMutationsBuilt() {
    Long fixed = Long.getLong("prodtrack.seed");
    qt().withFixedSeed(Long.getLong("prodtrack.qtSeed", QT_SEED)).withExamples(fixed != null ? 1 : EXAMPLES)
        .forAll(longs().between(1, Long.MAX_VALUE))
        .describedAs(seed -> "seed " + (fixed != null ? fixed : seed))
        .checkAssert(seed -> {
          long s = fixed != null ? fixed : seed;
          Random random = new Random(s);
          reopenMatchesLive(s, 1 + random.nextInt(300), random.nextInt(41));
        });
  }

  private void reopenMatchesLive(long seed, int batch, int after) {
    Path store = dir.resolve("s" + seed + "-" + batch + "-" + after);
    GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    FileStore fileStore = FileStore.open(store, options(seed));
    ProdTrack live = ProdTrack.builder().store(fileStore).clock(clock).idSource(IdSource.seeded(seed)).open();
    Production p = ProductionGenerator.generate(live, clock, Size.TINY, seed);
    fileStore.compact();
    Random random = new Random(seed);
    TaskApi tasks = live.as(p.managers().get(0)).task();
    for (int i = 0; i < after; i++) {
      TaskId t = p.tasks().get(random.nextInt(p.tasks().size()));
      tasks.addComment(t, random.nextBoolean() ? p.defaults().wfa().id() : p.defaults().done().id(), "after " + i);
    }
    Answers liveAnswers = answers(live, p);
    State liveState = live.read(s -> s);
    String digest = live.stateDigest();
    live.close();

    for (int threads = 1; threads <= 2; threads++) {
      try (ProdTrack again = ProdTrack.builder().store(FileStore.open(store, options(seed))).clock(clock)
          .idSource(IdSource.seeded(seed + 1)).loadThreads(threads, batch).open()) {
        State reopened = again.read(s -> s);
        assertThat(liveState.firstIndexDifference(reopened)).as("%d load thread(s), live against reopened", threads)
            .isNull();
        assertThat(reopened.firstIndexDifference(liveState)).as("%d load thread(s), reopened against live", threads)
            .isNull();
        assertThat(again.stateDigest()).isEqualTo(digest);
        again.checkInvariants();
        assertThat(answers(again, p)).isEqualTo(liveAnswers);
      }
    }
  }

  @Test
  void reopen_onAMemoryStore_givesTheStoreTheDecodedRecordsAndTheSameState() {
    long seed = Long.getLong("prodtrack.seed", 77);
    MemoryStore memory = MemoryStore.create();
    ProdTrack live = ProdTrack.builder().store(memory).clock(ProductionGenerator.DEFAULT_CLOCK)
        .idSource(IdSource.seeded(seed)).open();
    Production p = ProductionGenerator.generate(live, new GeneratorClock(ProductionGenerator.DEFAULT_NOW), Size.TINY,
        seed);
    Answers liveAnswers = answers(live, p);
    State liveState = live.read(s -> s);
    String digest = live.stateDigest();
    live.close();
    MemoryStore copy = memory.reopen();
    try (ProdTrack again = ProdTrack.builder().store(copy).clock(ProductionGenerator.DEFAULT_CLOCK)
        .idSource(IdSource.seeded(seed + 1)).loadThreads(2, 3).open()) {
      assertThat(liveState.firstIndexDifference(again.read(s -> s))).as("seed %d", seed).isNull();
      assertThat(again.stateDigest()).isEqualTo(digest);
      assertThat(answers(again, p)).isEqualTo(liveAnswers);
    }
    // the decoded records the store kept encode to what the live engine wrote: a third open agrees
    try (ProdTrack third = ProdTrack.builder().store(copy.reopen()).clock(ProductionGenerator.DEFAULT_CLOCK)
        .idSource(IdSource.seeded(seed + 2)).open()) {
      assertThat(third.stateDigest()).as("seed %d", seed).isEqualTo(digest);
    }
  }

  @Test
  void corruptRecordInTheSnapshot_isRefusedWithCorruptRecordException_leavingFilesAndThreadsAsTheyWere()
      throws IOException {
    long seed = Long.getLong("prodtrack.seed", 5);
    GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    FileStore fileStore = FileStore.open(dir, options(seed));
    try (ProdTrack live = ProdTrack.builder().store(fileStore).clock(clock).idSource(IdSource.seeded(seed)).open()) {
      ProductionGenerator.generate(live, clock, Size.TINY, seed);
    }
    // a task whose id is not a UUID: the frame and its CRC are sound, the record inside is not
    byte[] bad = "{\"id\":\"not-a-uuid\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    try (FileStore raw = FileStore.open(dir, options(seed))) {
      raw.load(r -> { });
      raw.commit(ChangeSet.builder().put(new StoredRecord(new RecordKey("task", "0bad0000-0000-4000-8000-000000000000"),
          bad)).build());
      raw.compact();
    }
    Map<String, byte[]> before = contents(dir);
    for (int threads = 1; threads <= 2; threads++) {
      FileStore store = FileStore.open(dir, options(seed));
      try {
        int t = threads;
        assertThatThrownBy(() -> ProdTrack.builder().store(store).clock(clock).idSource(IdSource.seeded(seed))
            .loadThreads(t, 1).open())
            .as("%d load thread(s)", threads)
            .isInstanceOf(CorruptRecordException.class)
            .hasMessageContaining("task")
            .hasMessageContaining("not-a-uuid");
      } finally {
        store.close();
      }
      assertThat(Thread.getAllStackTraces().keySet()).as("no loader thread outlives a refused open")
          .noneMatch(th -> th.getName().equals("prodtrack-load-apply") && th.isAlive());
      Map<String, byte[]> after = contents(dir);
      assertThat(after.keySet()).isEqualTo(before.keySet());
      for (String name : before.keySet()) {
        assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
      }
    }
  }

  /** Every store file's bytes (not the lock file), by name. */
  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (Files.isRegularFile(f) && !name.equals("store.lock")) {
          out.put(name, Files.readAllBytes(f));
        }
      }
    }
    return out;
  }

  /** Query answers compared between the live engine and the reopened one. */
  private record Answers(List<Object> tasks, List<Object> comments, List<Object> todo, Object late, Object spent) {}

  private static Answers answers(ProdTrack engine, Production p) {
    TaskApi tasks = engine.as(p.admin()).task();
    List<Object> task = new ArrayList<>();
    List<Object> comments = new ArrayList<>();
    for (TaskId t : p.tasks()) {
      task.add(tasks.getTask(t));
      comments.add(tasks.allCommentsForTask(t));
    }
    List<Object> todo = new ArrayList<>();
    for (PersonId person : p.artists()) {
      todo.add(engine.as(person).user().allTasksToDo());
    }
    Object late = engine.as(p.admin()).schedule().lateTasks(p.project(), p.asOf(), 1_000);
    Object spent = engine.as(p.admin()).schedule().timeSpentTotals(p.asOf().minusDays(60), p.asOf());
    return new Answers(task, comments, todo, late, spent);
  }
}
