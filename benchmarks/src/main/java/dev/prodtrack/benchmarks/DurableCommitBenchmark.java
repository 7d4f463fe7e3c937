package dev.prodtrack.benchmarks;

import dev.prodtrack.IdSource;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.TaskApi;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.storage.Capability;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Durable commits on the disk the benchmark runs on, all in one run so that the figures compare:
 *
 * <ul>
 *   <li>{@code engineComment_*}: gazu's {@code add_comment} with a status change through the engine on
 *       a {@link FileStore} under the default SYNC policy (fsync before the call returns), with 1, 4
 *       and 16 calling threads. The engine serialises its mutations, so threads queue in the engine.</li>
 *   <li>{@code storeCommit_*}: the same change set (captured from such a comment: the comment, the
 *       task, the news and notification records) committed straight to a SYNC {@link FileStore} from 1,
 *       4 and 16 threads; concurrent commits share one write and one fsync (group commit).</li>
 *   <li>{@code rawForce}: the disk's raw rate: append the same number of bytes to a file and
 *       {@code FileChannel.force(false)}, in a loop.</li>
 *   <li>{@code sqlite_*}: SQLite (xerial sqlite-jdbc), a file in WAL mode with {@code
 *       synchronous=FULL}, one transaction per operation upserting the same rows (1 and 16 threads,
 *       one connection each).</li>
 *   <li>{@code openReplayJournal}: open and load a FileStore whose directory holds only a journal of
 *       {@value #REPLAY_RECORDS} change sets (divide to get replayed records/s).</li>
 *   <li>{@code openEngineFromSnapshot}: open an engine on a FileStore holding a generated production of
 *       size S as a snapshot plus a journal tail.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DurableCommit -f 1 -wi 1 -i 3 -w 2s -r 3s}.
 * Store files go to {@code java.io.tmpdir} (set {@code -Djava.io.tmpdir} to measure another disk).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class DurableCommitBenchmark {

  static final int REPLAY_RECORDS = 200_000;

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A store that remembers the last change set committed through it. */
  static final class CapturingStore implements Store {
    final Store delegate;
    volatile ChangeSet last;

    CapturingStore(Store delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<Capability> capabilities() {
      return delegate.capabilities();
    }

    @Override
    public RecoveryReport load(Consumer<StoredRecord> sink) {
      return delegate.load(sink);
    }

    @Override
    public long commit(ChangeSet changes) {
      last = changes;
      return delegate.commit(changes);
    }

    @Override
    public StoreHealth health() {
      return delegate.health();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** A clock moving one millisecond per reading, safe from any thread. */
  static InstantSource tickingClock(Instant start) {
    AtomicLong millis = new AtomicLong(start.toEpochMilli());
    return () -> Instant.ofEpochMilli(millis.incrementAndGet());
  }

  // ---- engine on a SYNC FileStore ----

  /** A size-S production generated without fsync, reopened on a SYNC FileStore. */
  @State(Scope.Benchmark)
  public static class EngineState {
    Path dir;
    ProdTrack engine;
    TaskApi tasks;
    TaskId[] targets;
    TaskStatusId[] next;
    TaskStatusId wip;
    TaskStatusId wfa;

    @Setup(Level.Trial)
    public void setUp() {
      dir = tempDir("durable-engine");
      GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
      Production production;
      try (ProdTrack generating = ProdTrack.builder()
          .store(FileStore.open(dir, FileStoreOptions.defaults().withFsync(FileStoreOptions.FsyncPolicy.NONE)))
          .clock(clock).idSource(IdSource.seeded(42)).open()) {
        production = ProductionGenerator.generate(generating, clock, Size.S, 42);
      }
      engine = ProdTrack.builder().store(FileStore.open(dir)).clock(tickingClock(ProductionGenerator.DEFAULT_NOW))
          .idSource(IdSource.seeded(43)).open();
      tasks = engine.as(production.managers().get(0)).task();
      wip = production.defaults().wip().id();
      wfa = production.defaults().wfa().id();
      targets = production.shotTasks().toArray(TaskId[]::new);
      next = new TaskStatusId[targets.length];
      for (int i = 0; i < targets.length; i++) {
        next[i] = tasks.getTask(targets[i]).taskStatusId().equals(wip) ? wfa : wip;
      }
      Comment c = tasks.addComment(targets[0], next[0], "setup check");
      if (!tasks.getTask(targets[0]).taskStatusId().equals(c.taskStatusId())) {
        throw new IllegalStateException("addComment did not change the status of " + targets[0]);
      }
      next[0] = next[0].equals(wip) ? wfa : wip;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      engine.close();
      delete(dir);
    }
  }

  /** The tasks one benchmark thread comments on: indexes {@code t, t + T, t + 2T, …}. */
  @State(Scope.Thread)
  public static class EngineCursor {
    int index;
    int step;

    @Setup(Level.Trial)
    public void setUp(ThreadParams params) {
      index = params.getThreadIndex();
      step = params.getThreadCount();
    }

    int nextIndex(int length) {
      int i = index;
      index = (index + step) % length;
      return i;
    }
  }

  private static Comment comment(EngineState s, EngineCursor c) {
    int i = c.nextIndex(s.targets.length);
    TaskStatusId status = s.next[i];
    s.next[i] = status.equals(s.wip) ? s.wfa : s.wip;
    return s.tasks.addComment(s.targets[i], status, "");
  }

  /** Durable comments with a status change, one caller. */
  @Benchmark
  @Threads(1)
  public Comment engineComment_1thread(EngineState s, EngineCursor c) {
    return comment(s, c);
  }

  /** Durable comments with a status change, four callers. */
  @Benchmark
  @Threads(4)
  public Comment engineComment_4threads(EngineState s, EngineCursor c) {
    return comment(s, c);
  }

  /** Durable comments with a status change, sixteen callers. */
  @Benchmark
  @Threads(16)
  public Comment engineComment_16threads(EngineState s, EngineCursor c) {
    return comment(s, c);
  }

  // ---- the same change set straight to a SYNC FileStore ----

  /** The change set of one comment with a status change, captured from a tiny engine. */
  static ChangeSet captureCommentChangeSet() {
    GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    CapturingStore capture = new CapturingStore(dev.prodtrack.storage.memory.MemoryStore.create());
    try (ProdTrack engine = ProdTrack.builder().store(capture).clock(clock).idSource(IdSource.seeded(7)).open()) {
      Production p = ProductionGenerator.generate(engine, clock, Size.TINY, 7);
      TaskApi tasks = engine.as(p.managers().get(0)).task();
      TaskId task = p.shotTasks().get(0);
      TaskStatusId wip = p.defaults().wip().id();
      TaskStatusId to = tasks.getTask(task).taskStatusId().equals(wip) ? p.defaults().wfa().id() : wip;
      tasks.addComment(task, to, "");
      return capture.last;
    }
  }

  /** A SYNC FileStore and the captured change set. */
  @State(Scope.Benchmark)
  public static class StoreState {
    Path dir;
    FileStore store;
    ChangeSet template;
    int bytes;
    final AtomicLong ids = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
      template = captureCommentChangeSet();
      for (StoredRecord r : template.puts()) {
        bytes += r.payload().length + r.key().kind().length() + r.key().id().length() + 8;
      }
      dir = tempDir("durable-store");
      store = FileStore.open(dir);
      store.load(r -> { });
    }

    /** The template with the comment (and every other created record) under new ids, as a new comment would be. */
    ChangeSet next() {
      long n = ids.incrementAndGet();
      ChangeSet.Builder b = ChangeSet.builder();
      for (StoredRecord r : template.puts()) {
        boolean created = !r.key().kind().equals("task");
        b.put(created ? new StoredRecord(new RecordKey(r.key().kind(), r.key().id() + "-" + n), r.payload()) : r);
      }
      return b.build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      System.out.printf("%n# captured change set: %d puts, %d deletes, about %d bytes%n", template.puts().size(),
          template.deletes().size(), bytes);
      store.close();
      delete(dir);
    }
  }

  /** The comment's change set committed to a SYNC FileStore, one caller. */
  @Benchmark
  @Threads(1)
  public long storeCommit_1thread(StoreState s) {
    return s.store.commit(s.next());
  }

  /** The comment's change set committed to a SYNC FileStore, four callers (group commit). */
  @Benchmark
  @Threads(4)
  public long storeCommit_4threads(StoreState s) {
    return s.store.commit(s.next());
  }

  /** The comment's change set committed to a SYNC FileStore, sixteen callers (group commit). */
  @Benchmark
  @Threads(16)
  public long storeCommit_16threads(StoreState s) {
    return s.store.commit(s.next());
  }

  // ---- raw fsync rate ----

  /** A file appended to and forced, one per thread. */
  @State(Scope.Thread)
  public static class ForceState {
    Path dir;
    FileChannel channel;
    ByteBuffer block;
    long position;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dir = tempDir("durable-force");
      channel = FileChannel.open(dir.resolve("raw.log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      byte[] bytes = new byte[captureSize()];
      new Random(1).nextBytes(bytes);
      block = ByteBuffer.wrap(bytes);
    }

    private static int captureSize() {
      ChangeSet cs = captureCommentChangeSet();
      int n = 28;
      for (StoredRecord r : cs.puts()) {
        n += r.payload().length + r.key().kind().length() + r.key().id().length() + 8;
      }
      return n;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      channel.close();
      delete(dir);
    }
  }

  /** The disk's raw rate: append one change set's worth of bytes and force, in a loop. */
  @Benchmark
  @Threads(1)
  public long rawForce(ForceState s) throws IOException {
    s.block.clear();
    while (s.block.hasRemaining()) {
      s.position += s.channel.write(s.block, s.position);
    }
    s.channel.force(false);
    return s.position;
  }

  // ---- SQLite, WAL, synchronous=FULL ----

  /** A SQLite database file in WAL mode with synchronous=FULL, and the captured change set. */
  @State(Scope.Benchmark)
  public static class SqliteState {
    Path dir;
    String url;
    ChangeSet template;
    final AtomicLong ids = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
      template = captureCommentChangeSet();
      dir = tempDir("durable-sqlite");
      url = "jdbc:sqlite:" + dir.resolve("store.db");
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("CREATE TABLE records (kind TEXT NOT NULL, id TEXT NOT NULL, payload BLOB NOT NULL,"
            + " PRIMARY KEY (kind, id)) WITHOUT ROWID");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      delete(dir);
    }
  }

  /** One connection per benchmark thread. */
  @State(Scope.Thread)
  public static class SqliteConnection {
    Connection connection;
    PreparedStatement upsert;

    @Setup(Level.Trial)
    public void setUp(SqliteState db) throws SQLException {
      connection = DriverManager.getConnection(db.url);
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA synchronous=FULL");
        st.execute("PRAGMA busy_timeout=60000");
      }
      connection.setAutoCommit(false);
      upsert = connection.prepareStatement("INSERT OR REPLACE INTO records (kind, id, payload) VALUES (?, ?, ?)");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      connection.close();
    }
  }

  private static int sqliteCommit(SqliteState db, SqliteConnection c) throws SQLException {
    long n = db.ids.incrementAndGet();
    int rows = 0;
    for (StoredRecord r : db.template.puts()) {
      boolean created = !r.key().kind().equals("task");
      c.upsert.setString(1, r.key().kind());
      c.upsert.setString(2, created ? r.key().id() + "-" + n : r.key().id());
      c.upsert.setBytes(3, r.payload());
      rows += c.upsert.executeUpdate();
    }
    c.connection.commit();
    return rows;
  }

  /** The same rows upserted in one SQLite transaction (WAL, synchronous=FULL), one caller. */
  @Benchmark
  @Threads(1)
  public int sqlite_1thread(SqliteState db, SqliteConnection c) throws SQLException {
    return sqliteCommit(db, c);
  }

  /** The same rows upserted in one SQLite transaction (WAL, synchronous=FULL), sixteen callers. */
  @Benchmark
  @Threads(16)
  public int sqlite_16threads(SqliteState db, SqliteConnection c) throws SQLException {
    return sqliteCommit(db, c);
  }

  // ---- open: replay and snapshot ----

  /** A journal-only directory and an engine directory with a snapshot, written once. */
  @State(Scope.Benchmark)
  public static class OpenState {
    Path journalDir;
    Path engineDir;

    @Setup(Level.Trial)
    public void setUp() {
      journalDir = tempDir("durable-replay");
      ChangeSet template = captureCommentChangeSet();
      FileStoreOptions fast = FileStoreOptions.defaults().withFsync(FileStoreOptions.FsyncPolicy.NONE)
          .withAutoSnapshot(false, 0);
      try (FileStore s = FileStore.open(journalDir, fast)) {
        s.load(r -> { });
        for (int i = 0; i < REPLAY_RECORDS; i++) {
          ChangeSet.Builder b = ChangeSet.builder();
          for (StoredRecord r : template.puts()) {
            b.put(new StoredRecord(new RecordKey(r.key().kind(), r.key().id() + "-" + (i % 50_000)), r.payload()));
          }
          s.commit(b.build());
        }
      }
      engineDir = tempDir("durable-open");
      GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
      FileStore store = FileStore.open(engineDir, fast);
      try (ProdTrack engine = ProdTrack.builder().store(store).clock(clock).idSource(IdSource.seeded(42)).open()) {
        Production p = ProductionGenerator.generate(engine, clock, Size.S, 42);
        store.compact();
        TaskApi tasks = engine.as(p.managers().get(0)).task();
        for (int i = 0; i < 1_000; i++) {
          TaskId t = p.shotTasks().get(i);
          tasks.addComment(t, p.defaults().wfa().id(), "after the snapshot " + i);
        }
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      delete(journalDir);
      delete(engineDir);
    }
  }

  /** Open + load of a journal of {@value #REPLAY_RECORDS} change sets, no snapshot. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  @Threads(1)
  public long openReplayJournal(OpenState s) {
    try (FileStore store = FileStore.open(s.journalDir)) {
      return store.load(r -> { }).lastSequence();
    }
  }

  /** Open of an engine on a FileStore: a size-S production in a snapshot plus 1,000 journaled comments. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  @Threads(1)
  public long openEngineFromSnapshot(OpenState s) {
    try (ProdTrack engine = ProdTrack.builder().store(FileStore.open(s.engineDir))
        .clock(ProductionGenerator.DEFAULT_CLOCK).idSource(IdSource.seeded(1)).open()) {
      return engine.recoveryReport().recordsLoaded();
    }
  }
}
