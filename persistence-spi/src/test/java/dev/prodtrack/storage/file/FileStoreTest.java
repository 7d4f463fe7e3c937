package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.prodtrack.storage.Capability;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoreConformanceTest;
import dev.prodtrack.storage.StoreFixture;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the conformance suite on {@link FileStore} over real files (in a RAM-backed directory where
 * one exists, to keep the property test's thousands of fsyncs cheap), plus the adapter's own rules
 * on the build directory's disk.
 */
class FileStoreTest extends StoreConformanceTest {

  /** Snapshots every few hundred bytes, written in the committing thread, to exercise compaction. */
  static FileStoreOptions testOptions(long seed) {
    Random random = new Random(seed);
    return FileStoreOptions.defaults()
        .withSources(() -> java.time.Instant.ofEpochSecond(1_700_000_000L), random)
        .withAutoSnapshot(true, 512)
        .withSnapshotExecutor(Runnable::run);
  }

  @Override
  protected StoreFixture newFixture() {
    return new StoreFixture() {
      private final Path dir = TempDirs.createInMemory("filestore");
      private final FaultyLayer layer = new FaultyLayer(OsFileLayer.INSTANCE);

      @Override
      public Store open() {
        layer.disarm();
        return FileStore.open(dir, testOptions(7), layer);
      }

      @Override
      public boolean failNextCommit(Store store) {
        layer.failAt(1, false, FaultyLayer.Kind.PARTIAL_WRITE);
        return true;
      }

      @Override
      public void crash(Store store) {
        ((FileStore) store).abandon();
      }

      @Override
      public void close() {
        TempDirs.delete(dir);
      }
    };
  }

  private final List<Path> dirs = new ArrayList<>();
  private final List<Store> stores = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    stores.forEach(Store::close);
    dirs.forEach(TempDirs::delete);
  }

  private Path newDir() {
    Path d = TempDirs.create("filestore-unit");
    dirs.add(d);
    return d;
  }

  private FileStore openLoaded(Path dir, FileStoreOptions options) {
    FileStore s = FileStore.open(dir, options);
    stores.add(s);
    s.load(r -> { });
    return s;
  }

  private static StoredRecord rec(String id, String text) {
    return new StoredRecord(new RecordKey("t", id), text.getBytes(StandardCharsets.UTF_8));
  }

  private static ChangeSet put(String id, String text) {
    return ChangeSet.builder().put(rec(id, text)).build();
  }

  private static Map<RecordKey, StoredRecord> contentOf(Path dir, FileStoreOptions options) {
    try (FileStore s = FileStore.open(dir, options)) {
      Map<RecordKey, StoredRecord> out = new HashMap<>();
      s.load(r -> out.put(r.key(), r));
      return out;
    }
  }

  @Test
  void capabilities_dependOnTheFsyncPolicy() {
    Path dir = newDir();
    FileStore sync = openLoaded(dir, testOptions(1));
    assertThat(sync.capabilities()).contains(Capability.DURABLE_ON_COMMIT, Capability.PERSISTENT,
        Capability.CRASH_RECOVERY, Capability.SNAPSHOTS, Capability.EXCLUSIVE_LOCK);
    sync.close();
    FileStore none = openLoaded(dir, testOptions(1).withFsync(FileStoreOptions.FsyncPolicy.NONE));
    assertThat(none.capabilities()).doesNotContain(Capability.DURABLE_ON_COMMIT).contains(Capability.PERSISTENT);
  }

  @Test
  void open_sameDirectoryTwiceInOneJvm_refusedWithLockedAndFirstStaysUsable() {
    Path dir = newDir();
    FileStore first = openLoaded(dir, testOptions(1));

    StorageException e = catchThrowableOfType(StorageException.class, () -> FileStore.open(dir.resolve(".")));

    assertThat(e.reason()).isEqualTo(Reason.LOCKED);
    assertThat(e.getMessage()).contains("already open in this JVM");
    first.commit(put("a", "x"));
    first.close();
    assertThat(contentOf(dir, testOptions(1))).containsOnlyKeys(new RecordKey("t", "a"));
  }

  @Test
  void commit_tooLarge_refusedBeforeWritingAndStoreStaysUsable() throws IOException {
    Path dir = newDir();
    FileStore store = openLoaded(dir, testOptions(1).withMaxRecordBytes(4096));
    store.commit(put("a", "small"));
    long sizeBefore = journalBytes(dir);

    StorageException e = catchThrowableOfType(StorageException.class,
        () -> store.commit(ChangeSet.builder().put(new StoredRecord(new RecordKey("t", "b"), new byte[5000])).build()));

    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(journalBytes(dir)).isEqualTo(sizeBefore);
    assertThat(store.health()).isEqualTo(StoreHealth.OK);
    assertThat(store.commit(put("c", "ok"))).isEqualTo(2);
  }

  private static long journalBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("journal-")).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  @Test
  void compact_twice_deletesSegmentsCoveredByTheOlderSnapshotAndKeepsContent() throws IOException {
    Path dir = newDir();
    FileStoreOptions options = testOptions(3).withAutoSnapshot(false, 0);
    FileStore store = openLoaded(dir, options);
    for (int i = 0; i < 50; i++) {
      store.commit(put("k" + (i % 7), "v" + i));
    }
    assertThat(store.compact()).isEqualTo(50);
    for (int i = 50; i < 80; i++) {
      store.commit(put("k" + (i % 7), "v" + i));
    }
    assertThat(store.compact()).isEqualTo(80);
    store.commit(ChangeSet.builder().delete(new RecordKey("t", "k0")).build());
    store.close();

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains(Format.snapshotName(50), Format.snapshotName(80), Format.journalName(51), Format.journalName(81))
          .doesNotContain(Format.journalName(1));
    }
    Map<RecordKey, StoredRecord> content = contentOf(dir, options);
    assertThat(content).hasSize(6).doesNotContainKey(new RecordKey("t", "k0"));
    assertThat(new String(content.get(new RecordKey("t", "k3")).payload(), StandardCharsets.UTF_8)).isEqualTo("v73");
  }

  /** Every record one load of the store streams, in order; fails if a key is streamed twice. */
  private static List<StoredRecord> streamed(Path dir, FileStoreOptions options, Map<String, Integer> hint) {
    try (FileStore s = FileStore.open(dir, options)) {
      hint.putAll(s.expectedLoadCounts());
      List<StoredRecord> out = new ArrayList<>();
      java.util.Set<RecordKey> keys = new java.util.HashSet<>();
      s.load(r -> {
        assertThat(keys.add(r.key())).as("streamed twice: %s", r.key()).isTrue();
        out.add(r);
      });
      return out;
    }
  }

  @Test
  void load_afterSnapshotAndJournal_streamsEachLiveRecordOnceWithItsLatestPayload() {
    Path dir = newDir();
    FileStoreOptions options = testOptions(12).withAutoSnapshot(false, 0);
    FileStore store = openLoaded(dir, options);
    Map<RecordKey, String> model = new java.util.LinkedHashMap<>();
    Random random = new Random(12);
    for (int i = 0; i < 60; i++) {
      String kind = i % 3 == 0 ? "b" : "a";
      RecordKey k = new RecordKey(kind, new java.util.UUID(random.nextLong(), random.nextLong()).toString());
      store.commit(ChangeSet.builder().put(new StoredRecord(k, ("v" + i).getBytes(StandardCharsets.UTF_8))).build());
      model.put(k, "v" + i);
    }
    store.compact();
    List<RecordKey> keys = new ArrayList<>(model.keySet());
    for (int i = 0; i < 8; i++) { // replaced after the snapshot, some twice
      RecordKey k = keys.get(random.nextInt(keys.size()));
      store.commit(ChangeSet.builder().put(new StoredRecord(k, ("w" + i).getBytes(StandardCharsets.UTF_8))).build());
      model.put(k, "w" + i);
    }
    for (int i = 0; i < 5; i++) { // deleted after the snapshot
      RecordKey k = keys.get(random.nextInt(keys.size()));
      store.commit(ChangeSet.builder().delete(k).build());
      model.remove(k);
    }
    RecordKey deletedThenBack = keys.get(0);
    store.commit(ChangeSet.builder().delete(deletedThenBack).build());
    store.commit(ChangeSet.builder().put(new StoredRecord(deletedThenBack, "back".getBytes(StandardCharsets.UTF_8)))
        .build());
    model.put(deletedThenBack, "back");
    for (int i = 0; i < 4; i++) { // new after the snapshot, one of them deleted again
      RecordKey k = new RecordKey("c", "new" + i);
      store.commit(ChangeSet.builder().put(new StoredRecord(k, ("n" + i).getBytes(StandardCharsets.UTF_8))).build());
      model.put(k, "n" + i);
    }
    store.commit(ChangeSet.builder().delete(new RecordKey("c", "new2")).build());
    model.remove(new RecordKey("c", "new2"));
    store.close();

    Map<String, Integer> hint = new java.util.LinkedHashMap<>();
    List<StoredRecord> loaded = streamed(dir, options, hint);

    Map<RecordKey, String> content = new HashMap<>();
    loaded.forEach(r -> content.put(r.key(), new String(r.payload(), StandardCharsets.UTF_8)));
    assertThat(content).isEqualTo(model);
    assertThat(loaded).hasSize(model.size());
    assertThat(hint).as("the snapshot's counts per kind, in its order").containsExactly(
        Map.entry("a", 40), Map.entry("b", 20));
    // the snapshot's untouched records come first, in the snapshot's (kind, id) order
    List<RecordKey> head = loaded.stream().map(StoredRecord::key).filter(k -> !k.kind().equals("c")).toList();
    List<RecordKey> sortedUntouched = head.stream().filter(k -> model.get(k).startsWith("v")).sorted(
        java.util.Comparator.comparing(RecordKey::kind).thenComparing(RecordKey::id)).toList();
    assertThat(loaded.subList(0, sortedUntouched.size()).stream().map(StoredRecord::key).toList())
        .isEqualTo(sortedUntouched);
  }

  @Test
  void load_withoutSnapshot_streamsTheJournalsRecordsAndHintsNothing() {
    Path dir = newDir();
    FileStoreOptions options = testOptions(13).withAutoSnapshot(false, 0);
    FileStore store = openLoaded(dir, options);
    for (int i = 0; i < 20; i++) {
      store.commit(put("k" + (i % 9), "v" + i));
    }
    store.commit(ChangeSet.builder().delete(new RecordKey("t", "k4")).build());
    store.close();

    Map<String, Integer> hint = new java.util.LinkedHashMap<>();
    List<StoredRecord> loaded = streamed(dir, options, hint);

    assertThat(hint).isEmpty();
    assertThat(loaded).hasSize(8).extracting(r -> r.key().id()).doesNotContain("k4");
    assertThat(loaded).filteredOn(r -> r.key().id().equals("k3")).singleElement()
        .extracting(r -> new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo("v12");
  }

  @Test
  void open_newestSnapshotCorrupt_quarantinesItAndRecoversFromTheOlderOne() throws IOException {
    Path dir = newDir();
    FileStoreOptions options = testOptions(4).withAutoSnapshot(false, 0);
    FileStore store = openLoaded(dir, options);
    for (int i = 0; i < 20; i++) {
      store.commit(put("k" + i, "v" + i));
      if (i == 9 || i == 14) {
        store.compact();
      }
    }
    store.close();
    Path newest = dir.resolve(Format.snapshotName(15));
    byte[] bytes = Files.readAllBytes(newest);
    bytes[bytes.length - 3] ^= 0x10;
    Files.write(newest, bytes);

    FileStore again = FileStore.open(dir, options);
    stores.add(again);
    Map<RecordKey, StoredRecord> content = new HashMap<>();
    RecoveryReport report = again.load(r -> content.put(r.key(), r));

    assertThat(content).hasSize(20);
    assertThat(report.lastSequence()).isEqualTo(20);
    assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("quarantined " + Format.snapshotName(15)));
    assertThat(dir.resolve("quarantine").resolve(Format.snapshotName(15))).exists();
  }

  @Test
  void open_midLogCorruption_refusedUnchangedThenPointInTimeKeepsThePrefix() throws IOException {
    Path dir = newDir();
    FileStoreOptions options = testOptions(5).withAutoSnapshot(false, 0);
    FileStore store = openLoaded(dir, options);
    for (int i = 1; i <= 10; i++) {
      store.commit(put("k" + i, "value-" + i));
    }
    store.close();
    Path journal = dir.resolve(Format.journalName(1));
    byte[] bytes = Files.readAllBytes(journal);
    int recordBytes = (bytes.length - Format.HEADER_BYTES) / 10;
    int fourth = Format.HEADER_BYTES + 3 * recordBytes;
    bytes[fourth + Format.FRAME_BYTES + 10] ^= 1;
    Files.write(journal, bytes);

    CorruptStoreException e = catchThrowableOfType(CorruptStoreException.class, () -> FileStore.open(dir, options));

    assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
    assertThat(e.file()).isEqualTo(Format.journalName(1));
    assertThat(e.expectedSequence()).isEqualTo(4);
    assertThat(Files.readAllBytes(journal)).isEqualTo(bytes);
    FileStoreOptions pit = options.withCorruption(FileStoreOptions.CorruptionPolicy.POINT_IN_TIME);
    FileStore salvaged = FileStore.open(dir, pit);
    stores.add(salvaged);
    Map<RecordKey, StoredRecord> content = new HashMap<>();
    RecoveryReport report = salvaged.load(r -> content.put(r.key(), r));
    assertThat(content).containsOnlyKeys(new RecordKey("t", "k1"), new RecordKey("t", "k2"), new RecordKey("t", "k3"));
    assertThat(report.lastSequence()).isEqualTo(3);
    assertThat(report.bytesTrimmed()).isPositive();
    assertThat(salvaged.commit(put("k11", "after"))).isEqualTo(4);
  }

  @Test
  void open_tornTail_isCutQuarantinedAndReported() throws IOException {
    Path dir = newDir();
    FileStoreOptions options = testOptions(6).withAutoSnapshot(false, 0);
    FileStore store = openLoaded(dir, options);
    for (int i = 1; i <= 5; i++) {
      store.commit(put("k" + i, "value-" + i));
    }
    store.close();
    Path journal = dir.resolve(Format.journalName(1));
    byte[] bytes = Files.readAllBytes(journal);
    Files.write(journal, java.util.Arrays.copyOf(bytes, bytes.length - 7));

    FileStore again = FileStore.open(dir, options);
    stores.add(again);
    Map<RecordKey, StoredRecord> content = new HashMap<>();
    RecoveryReport report = again.load(r -> content.put(r.key(), r));

    assertThat(content).hasSize(4);
    assertThat(report.lastSequence()).isEqualTo(4);
    int recordBytes = (bytes.length - Format.HEADER_BYTES) / 5;
    assertThat(report.bytesTrimmed()).isEqualTo(recordBytes - 7);
    assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("torn tail"));
    assertThat(again.commit(put("k6", "new"))).isEqualTo(5);
    again.close();
    assertThat(contentOf(dir, options)).hasSize(5);
  }

  @Test
  void open_symbolicLinkedSegment_isRefused() throws IOException {
    Path dir = newDir();
    Path elsewhere = newDir().resolve("real.log");
    Files.write(elsewhere, new byte[] {1, 2, 3});
    Files.createSymbolicLink(dir.resolve(Format.journalName(1)), elsewhere);

    StorageException e = catchThrowableOfType(StorageException.class, () -> FileStore.open(dir, testOptions(1)));

    assertThat(e.getMessage()).contains("symbolic link");
    assertThat(Files.readAllBytes(elsewhere)).containsExactly(1, 2, 3);
  }

  @Test
  void commit_fromManyThreads_groupsAndKeepsEveryChangeSet() throws Exception {
    Path dir = newDir();
    FileStoreOptions options = testOptions(8).withAutoSnapshot(false, 0);
    FileStore store = openLoaded(dir, options);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Map<Long, String> seqs = new ConcurrentHashMap<>();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 40; i++) {
          String id = thread + "-" + i;
          seqs.put(store.commit(put(id, id)), id);
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    store.close();

    assertThat(seqs).hasSize(320);
    assertThat(seqs.keySet()).allSatisfy(s -> assertThat(s).isBetween(1L, 320L));
    assertThat(contentOf(dir, options)).hasSize(320);
  }

  @Test
  void everyPolicy_cleanClose_keepsEveryCommit() {
    for (FileStoreOptions.FsyncPolicy policy : FileStoreOptions.FsyncPolicy.values()) {
      Path dir = newDir();
      FileStoreOptions options = testOptions(9).withFsync(policy).withAutoSnapshot(false, 0);
      FileStore store = openLoaded(dir, options);
      for (int i = 0; i < 30; i++) {
        store.commit(put("k" + i, "v" + i));
      }
      store.close();
      assertThat(contentOf(dir, options)).as("policy %s", policy).hasSize(30);
    }
  }

  @Test
  void commit_afterFsyncFailure_storeFailsAndNeverSyncsAgain() {
    Path dir = newDir();
    FaultyLayer layer = new FaultyLayer(OsFileLayer.INSTANCE);
    FileStore store = FileStore.open(dir, testOptions(10).withAutoSnapshot(false, 0), layer);
    stores.add(store);
    store.load(r -> { });
    store.commit(put("a", "1"));
    layer.failAt(1, false, FaultyLayer.Kind.FORCE_ERROR);

    StorageException e = catchThrowableOfType(StorageException.class, () -> store.commit(put("b", "2")));

    assertThat(e.reason()).isEqualTo(Reason.IO);
    assertThat(store.health().state()).isEqualTo(StoreHealth.State.FAILED);
    assertThatThrownBy(() -> store.commit(put("c", "3")))
        .isInstanceOfSatisfying(StorageException.class, x -> assertThat(x.reason()).isEqualTo(Reason.FAILED));
    assertThatThrownBy(store::compact)
        .isInstanceOfSatisfying(StorageException.class, x -> assertThat(x.reason()).isIn(Reason.FAILED, Reason.IO));
    assertThat(layer.writesOrForcesAfterForceFailure()).isZero();
  }
}
