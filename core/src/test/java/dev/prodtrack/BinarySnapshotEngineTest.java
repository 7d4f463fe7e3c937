package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StoredRecord;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine on a {@link FileStore} with binary records and version-2 snapshots: a fresh store holds no
 * JSON at all, a store written before the binary form (JSON records, a version-1 snapshot: a golden store
 * made by the engine at commit 8133dec, see {@code MakeV1Store.java.txt} beside it) opens to the state
 * digest recorded then, and close/reopen keeps the digest.
 */
class BinarySnapshotEngineTest {

  private static final String V1_STORE = "golden-store/v1-json/";
  private static final List<String> V1_FILES = List.of("snapshot-00000000000000000329.snap",
      "journal-00000000000000000330.log");
  private static final long SEED = Long.getLong("prodtrack.binary.seed", 20261129L);

  private Path dir;

  @BeforeEach
  void createDir() throws IOException {
    dir = TestDirs.create("binary-snapshot");
  }

  @AfterEach
  void deleteDir() throws IOException {
    TestDirs.delete(dir);
  }

  private static FileStoreOptions options(long seed) {
    return FileStoreOptions.defaults().withSources(ProductionGenerator.DEFAULT_CLOCK, new Random(seed))
        .withFsync(FileStoreOptions.FsyncPolicy.NONE).withAutoSnapshot(false, 0);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BinarySnapshotEngineTest.class.getResourceAsStream(name)) {
      assertThat(in).as("resource %s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  /** Every stored record of the store in {@code store}, read without the engine. */
  private static List<StoredRecord> rawRecords(Path store) {
    List<StoredRecord> records = new ArrayList<>();
    try (FileStore s = FileStore.open(store, options(1))) {
      s.load(records::add);
    }
    return records;
  }

  private static int snapshotVersion(Path file) throws IOException {
    return ByteBuffer.wrap(Files.readAllBytes(file)).getInt(8);
  }

  private static Path newestSnapshot(Path store) throws IOException {
    try (Stream<Path> files = Files.list(store)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".snap")).max(Comparator.naturalOrder())
          .orElseThrow();
    }
  }

  @Test
  void v1JsonGoldenStore_opensToTheRecordedDigest_andItsNextSnapshotIsVersion2() throws IOException {
    for (String name : V1_FILES) {
      Files.write(dir.resolve(name), resource(V1_STORE + name));
    }
    String recorded = new String(resource(V1_STORE + "state-digest.txt"), StandardCharsets.US_ASCII).strip();
    assertThat(snapshotVersion(dir.resolve(V1_FILES.get(0)))).isEqualTo(1);
    assertThat(rawRecords(dir)).as("the golden store's records are JSON").isNotEmpty()
        .allSatisfy(r -> assertThat(r.payload()[0]).isEqualTo((byte) '{'));

    GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    FileStore store = FileStore.open(dir, options(2));
    String after;
    try (ProdTrack engine = ProdTrack.builder().store(store).clock(clock).idSource(IdSource.seeded(5)).open()) {
      assertThat(engine.stateDigest()).isEqualTo(recorded);
      engine.checkInvariants();
      store.compact();
      after = engine.stateDigest();
    }
    assertThat(after).isEqualTo(recorded);
    assertThat(snapshotVersion(newestSnapshot(dir))).isEqualTo(2);

    try (ProdTrack again = ProdTrack.builder().store(FileStore.open(dir, options(3))).clock(clock)
        .idSource(IdSource.seeded(6)).open()) {
      assertThat(again.stateDigest()).as("reopened from the version-2 snapshot").isEqualTo(recorded);
    }
  }

  @Test
  void freshStore_holdsOnlyBinaryRecords_andReopensToTheSameDigest() throws IOException {
    System.out.println("BinarySnapshotEngineTest seed " + SEED);
    qt().withFixedSeed(SEED).withExamples(3).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      try {
        Path store = Files.createTempDirectory(dir, "store");
        GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
        FileStore files = FileStore.open(store, options(seed));
        String digest;
        try (ProdTrack engine = ProdTrack.builder().store(files).clock(clock).idSource(IdSource.seeded(seed)).open()) {
          Production p = ProductionGenerator.generate(engine, clock, Size.TINY, seed);
          files.compact();
          TaskStatusId wfa = p.defaults().wfa().id();
          TaskId task = p.shotTasks().get(0);
          engine.as(p.managers().get(0)).task().addComment(task, wfa, "after the snapshot, seed " + seed);
          digest = engine.stateDigest();
        }
        assertThat(snapshotVersion(newestSnapshot(store))).as("seed %d", seed).isEqualTo(2);
        List<StoredRecord> raw = rawRecords(store);
        assertThat(raw).as("seed %d", seed).isNotEmpty()
            .allSatisfy(r -> assertThat(r.payload()[0]).as("%s", r).isEqualTo(BinaryRecordCodec.MARKER));
        try (ProdTrack again = ProdTrack.builder().store(FileStore.open(store, options(seed + 1))).clock(clock)
            .idSource(IdSource.seeded(seed + 2)).open()) {
          assertThat(again.stateDigest()).as("seed %d: digest after close/reopen", seed).isEqualTo(digest);
          again.checkInvariants();
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Test
  void binaryRecordThatDoesNotDecode_refusesTheOpen_andTheStoreIsUnchanged() throws IOException {
    GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    FileStore files = FileStore.open(dir, options(9));
    try (ProdTrack engine = ProdTrack.builder().store(files).clock(clock).idSource(IdSource.seeded(9)).open()) {
      ProductionGenerator.generate(engine, clock, Size.TINY, 9);
      files.compact();
    }
    List<StoredRecord> before = rawRecords(dir);
    StoredRecord victim = before.stream().filter(r -> r.key().kind().equals("task")).findFirst().orElseThrow();
    byte[] damaged = victim.payload().clone();
    damaged[2]++; // the field count
    try (FileStore raw = FileStore.open(dir, options(10))) {
      raw.load(r -> { });
      raw.commit(ChangeSet.builder().put(new StoredRecord(victim.key(), damaged)).build());
    }

    List<StoredRecord> beforeOpen = rawRecords(dir);
    assertThat(beforeOpen).hasSameSizeAs(before);

    FileStore refusing = FileStore.open(dir, options(11));
    Throwable refused = catchThrowable(() -> ProdTrack.builder().store(refusing).clock(clock)
        .idSource(IdSource.seeded(12)).open());
    refusing.close(); // a failed engine open leaves the store to its caller

    assertThat(refused).isInstanceOf(CorruptRecordException.class).hasMessageContaining("task");
    List<StoredRecord> after = rawRecords(dir);
    assertThat(after).containsExactlyInAnyOrderElementsOf(beforeOpen);
    assertThat(after).filteredOn(r -> r.key().equals(new RecordKey(victim.key().kind(), victim.key().id())))
        .singleElement().satisfies(r -> assertThat(r.payload()).isEqualTo(damaged));
  }
}
