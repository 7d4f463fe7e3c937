package dev.prodtrack.benchmarks;

import dev.prodtrack.IdSource;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.TaskApi;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StoredRecord;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening a {@link FileStore}: how fast the journal replays, and how long an engine takes to open a
 * generated production from a snapshot plus a journal tail.
 *
 * <ul>
 *   <li>{@code journalReplay}: open + load of a journal-only store of {@value #CHANGE_SETS} change
 *       sets (each the change set of a comment with a status change: {@value #PUTS_PER_CHANGE_SET}
 *       records); the score is journal records (change sets) replayed per second, CRC check, decoding
 *       and the index of live records included. Multiply by {@value #PUTS_PER_CHANGE_SET} for stored
 *       records per second.</li>
 *   <li>{@code openEngine}: open of an engine on a store holding a production of the given size as a
 *       snapshot plus 1,000 journaled comments: recovery, decoding every record, building the
 *       indexes.</li>
 *   <li>{@code openStore}: the store's share of that: open + load with an empty sink.</li>
 * </ul>
 *
 * <p>The engine writes its records in the binary record form and its snapshots in format version 2
 * (see the file store's {@code FORMAT.md}); the trial's log line names the snapshot's size and version.
 * A 3 GiB heap ({@code -jvmArgsAppend "-Xms3g -Xmx3g"}, no big lock needed) is enough for M; L opens in
 * it but spends about a third of the open in GC, so L figures are taken with the class's own heap under
 * the big lock when it is free.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OpenBenchmark -p size=M,L -f 1}. Store
 * files go to {@code java.io.tmpdir}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx12g"})
public class OpenBenchmark {

  static final int CHANGE_SETS = 200_000;
  static final int PUTS_PER_CHANGE_SET = 4;

  /** A journal-only store of {@value #CHANGE_SETS} comment change sets. */
  @State(Scope.Benchmark)
  public static class JournalState {
    java.nio.file.Path dir;

    @Setup(Level.Trial)
    public void setUp() {
      dir = DurableCommitBenchmark.tempDir("open-journal");
      ChangeSet template = DurableCommitBenchmark.captureCommentChangeSet();
      if (template.puts().size() != PUTS_PER_CHANGE_SET) {
        throw new IllegalStateException("the comment's change set has " + template.puts().size() + " puts, not "
            + PUTS_PER_CHANGE_SET + ": update PUTS_PER_CHANGE_SET");
      }
      FileStoreOptions fast = FileStoreOptions.defaults().withFsync(FileStoreOptions.FsyncPolicy.NONE)
          .withAutoSnapshot(false, 0);
      try (FileStore s = FileStore.open(dir, fast)) {
        s.load(r -> { });
        for (int i = 0; i < CHANGE_SETS; i++) {
          ChangeSet.Builder b = ChangeSet.builder();
          for (StoredRecord r : template.puts()) {
            b.put(new StoredRecord(new RecordKey(r.key().kind(), r.key().id() + "-" + (i % 50_000)), r.payload()));
          }
          s.commit(b.build());
        }
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      DurableCommitBenchmark.delete(dir);
    }
  }

  /** Journal records (change sets) replayed per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(CHANGE_SETS)
  @Warmup(iterations = 2, time = 3)
  @Measurement(iterations = 5, time = 3)
  public long journalReplay(JournalState s) {
    try (FileStore store = FileStore.open(s.dir)) {
      return store.load(r -> { }).lastSequence();
    }
  }

  /** A generated production in a snapshot plus a journal tail. */
  @State(Scope.Benchmark)
  public static class ProductionState {
    @Param({"M"})
    public String size;
    java.nio.file.Path dir;
    long records;

    @Setup(Level.Trial)
    public void setUp() {
      dir = DurableCommitBenchmark.tempDir("open-engine");
      GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
      FileStoreOptions fast = FileStoreOptions.defaults().withFsync(FileStoreOptions.FsyncPolicy.NONE)
          .withAutoSnapshot(false, 0);
      FileStore store = FileStore.open(dir, fast);
      long started = System.nanoTime();
      try (ProdTrack engine = ProdTrack.builder().store(store).clock(clock).idSource(IdSource.seeded(42)).open()) {
        Production p = ProductionGenerator.generate(engine, clock, Size.valueOf(size), 42);
        store.compact();
        TaskApi tasks = engine.as(p.managers().get(0)).task();
        for (int i = 0; i < 1_000; i++) {
          TaskId t = p.shotTasks().get(i % p.shotTasks().size());
          tasks.addComment(t, p.defaults().wfa().id(), "after the snapshot " + i);
        }
      }
      try (FileStore reopened = FileStore.open(dir)) {
        records = reopened.load(r -> { }).recordsLoaded();
      }
      System.out.printf("%n# size %s: %,d live records, generated and written in %.1f s; %s%n", size, records,
          (System.nanoTime() - started) / 1e9, snapshotSize(dir));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      DurableCommitBenchmark.delete(dir);
    }
  }

  /** The store's snapshot file(s): name, size and format version, for the log of a run. */
  static String snapshotSize(java.nio.file.Path dir) {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".snap")).map(p -> {
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(p)) {
          java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(12);
          c.read(header, 0);
          return String.format("%s: %,d bytes, version %d", p.getFileName(), c.size(), header.getInt(8));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(java.util.stream.Collectors.joining("; "));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Open of an engine: snapshot, journal tail, decoding and indexing every record. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public long openEngine(ProductionState s) {
    try (ProdTrack engine = ProdTrack.builder().store(FileStore.open(s.dir))
        .clock(ProductionGenerator.DEFAULT_CLOCK).idSource(IdSource.seeded(1)).open()) {
      return engine.recoveryReport().recordsLoaded();
    }
  }

  /** The store's share of {@code openEngine}: open and load into an empty sink. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public long openStore(ProductionState s) {
    try (FileStore store = FileStore.open(s.dir)) {
      return store.load(r -> { }).recordsLoaded();
    }
  }
}
