package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.StoredRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Golden files of every released format version keep {@code FORMAT.md} honest: this code must write
 * them byte for byte from a fixed workload and read them back; a file of an unknown version is
 * refused. Regenerate (only when adding a version) with {@code -Dprodtrack.golden.write=true}.
 */
class GoldenFilesTest {

  private static final String RESOURCES = "src/test/resources/dev/prodtrack/storage/file/golden/";
  private static final List<String> V1_FILES = List.of(Format.journalName(1), Format.snapshotName(5),
      Format.journalName(6));
  /** Version 2 changed the snapshot only: the journal segments of a v2 store are v1 segments. */
  private static final List<String> V2_FILES = V1_FILES;
  /** A canonical UUID key (stored as 16 bytes in a v2 snapshot) and a non-canonical one (stored as text). */
  static final String UUID_ID = "0f8e2c4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b";
  static final String UPPER_UUID_ID = "0F8E2C4A-1B3D-4E5F-8A9B-0C1D2E3F4A5B";
  /** A payload in the engine's binary record form (opaque to the store, like any payload). */
  static final byte[] BINARY_PAYLOAD = {(byte) 0xB1, 1, 0, 0, 0, 0, 0, 0, 0, 42, 3, 1, 0};

  private Path dir;

  @AfterEach
  void cleanUp() {
    if (dir != null) {
      TempDirs.delete(dir);
    }
  }

  static FileStoreOptions fixedOptions() {
    return FileStoreOptions.defaults()
        .withSources(() -> Instant.parse("2026-01-02T03:04:05Z"), new Random(42))
        .withAutoSnapshot(false, 0)
        .withSnapshotExecutor(Runnable::run);
  }

  private static RecordKey key(String kind, String id) {
    return new RecordKey(kind, id);
  }

  private static StoredRecord rec(String kind, String id, String json) {
    return new StoredRecord(key(kind, id), json.getBytes(StandardCharsets.UTF_8));
  }

  /** The fixed workload: 5 change sets, a snapshot, 3 more (a delete, non-ASCII keys, an empty set). */
  static Map<RecordKey, StoredRecord> writeWorkload(FileStore store) {
    return writeWorkload(store, false);
  }

  /**
   * The fixed workload; {@code uuidKeys} adds to change set 5 a record keyed by a canonical UUID with a
   * binary payload and one keyed by an upper-case UUID (the version-2 golden files' workload).
   */
  static Map<RecordKey, StoredRecord> writeWorkload(FileStore store, boolean uuidKeys) {
    store.load(r -> { });
    store.commit(ChangeSet.builder().put(rec("person", "p1", "{\"first_name\":\"Ada\"}")).build());
    store.commit(ChangeSet.builder().put(rec("project", "pr1", "{\"name\":\"Big Buck\"}"))
        .put(rec("task", "t1", "{\"task_status_id\":\"todo\"}")).build());
    store.commit(ChangeSet.builder().put(rec("task", "t2", "{\"task_status_id\":\"todo\"}")).build());
    store.commit(ChangeSet.builder().put(rec("comment", "c1", "{\"text\":\"blocking\"}"))
        .put(rec("task", "t1", "{\"task_status_id\":\"wip\"}")).build());
    StoredRecord uuidRecord = new StoredRecord(key("task", UUID_ID), BINARY_PAYLOAD);
    StoredRecord upperRecord = rec("time_spent", UPPER_UUID_ID, "{\"duration\":60}");
    store.commit(uuidKeys ? ChangeSet.builder().put(rec("task", "t3", "{}")).put(uuidRecord).put(upperRecord).build()
        : ChangeSet.builder().put(rec("task", "t3", "{}")).build());
    store.compact();
    store.commit(ChangeSet.builder().delete(key("task", "t2")).put(rec("comment", "c2", "{\"text\":\"ok\"}")).build());
    store.commit(ChangeSet.builder().put(rec("person", "pé-✓", "{\"first_name\":\"Zoë\"}")).build());
    store.commit(ChangeSet.EMPTY);
    Map<RecordKey, StoredRecord> expected = new HashMap<>();
    for (StoredRecord r : List.of(rec("person", "p1", "{\"first_name\":\"Ada\"}"),
        rec("project", "pr1", "{\"name\":\"Big Buck\"}"), rec("task", "t1", "{\"task_status_id\":\"wip\"}"),
        rec("comment", "c1", "{\"text\":\"blocking\"}"), rec("task", "t3", "{}"),
        rec("comment", "c2", "{\"text\":\"ok\"}"), rec("person", "pé-✓", "{\"first_name\":\"Zoë\"}"))) {
      expected.put(r.key(), r);
    }
    if (uuidKeys) {
      expected.put(uuidRecord.key(), uuidRecord);
      expected.put(upperRecord.key(), upperRecord);
    }
    return expected;
  }

  private static byte[] golden(String version, String name) throws IOException {
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("golden/" + version + "/" + name)) {
      assertThat(in).as("golden file %s/%s on the test class path", version, name).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void v1_fixedWorkload_stillWritesTheV1JournalSegmentsByteForByte() throws IOException {
    dir = TempDirs.create("golden");
    Path store = dir.resolve("store");
    try (FileStore s = FileStore.open(store, fixedOptions())) {
      writeWorkload(s);
    }
    for (String name : List.of(Format.journalName(1), Format.journalName(6))) {
      assertThat(Files.readAllBytes(store.resolve(name))).as(name).isEqualTo(golden("v1", name));
    }
    // the snapshot is now written in version 2; the v1 snapshot golden file is read by the test below
    assertThat(ByteBuffer.wrap(Files.readAllBytes(store.resolve(Format.snapshotName(5)))).getInt(8))
        .isEqualTo(Format.SNAPSHOT_VERSION);
  }

  @Test
  void v2_fixedWorkload_writesTheGoldenFilesByteForByte() throws IOException {
    dir = TempDirs.create("golden");
    Path store = dir.resolve("store");
    try (FileStore s = FileStore.open(store, fixedOptions())) {
      writeWorkload(s, true);
    }
    if (Boolean.getBoolean("prodtrack.golden.write")) {
      Path out = Path.of(RESOURCES, "v2");
      Files.createDirectories(out);
      for (String name : V2_FILES) {
        Files.copy(store.resolve(name), out.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      writeUnknownVersionFiles(store);
    }
    for (String name : V2_FILES) {
      assertThat(Files.readAllBytes(store.resolve(name))).as(name).isEqualTo(golden("v2", name));
    }
    byte[] snapshot = golden("v2", Format.snapshotName(5));
    assertThat(ByteBuffer.wrap(snapshot).getInt(8)).as("snapshot header version").isEqualTo(2);
    assertThat(ByteBuffer.wrap(golden("v2", Format.journalName(1))).getInt(8)).as("journal header version")
        .isEqualTo(1);
  }

  @Test
  void v2_goldenFiles_openToTheWorkloadsContent() throws IOException {
    dir = TempDirs.create("golden");
    Path scratch = dir.resolve("scratch");
    Map<RecordKey, StoredRecord> expected;
    try (FileStore s = FileStore.open(scratch, fixedOptions())) {
      expected = writeWorkload(s, true);
    }
    Path store = dir.resolve("store");
    Files.createDirectories(store);
    for (String name : V2_FILES) {
      Files.write(store.resolve(name), golden("v2", name));
    }

    try (FileStore s = FileStore.open(store, fixedOptions())) {
      Map<RecordKey, StoredRecord> content = new HashMap<>();
      RecoveryReport report = s.load(r -> content.put(r.key(), r));
      assertThat(content).isEqualTo(expected);
      assertThat(content).containsKey(key("task", UUID_ID)).containsKey(key("time_spent", UPPER_UUID_ID));
      assertThat(report.lastSequence()).isEqualTo(8);
      assertThat(report.bytesTrimmed()).isZero();
      assertThat(report.notes()).anyMatch(n -> n.startsWith("loaded " + Format.snapshotName(5)));
    }
  }

  @Test
  void v1_goldenFiles_openToTheWorkloadsContent() throws IOException {
    dir = TempDirs.create("golden");
    Path scratch = dir.resolve("scratch");
    Map<RecordKey, StoredRecord> expected;
    try (FileStore s = FileStore.open(scratch, fixedOptions())) {
      expected = writeWorkload(s);
    }
    Path store = dir.resolve("store");
    Files.createDirectories(store);
    for (String name : V1_FILES) {
      Files.write(store.resolve(name), golden("v1", name));
    }

    try (FileStore s = FileStore.open(store, fixedOptions())) {
      Map<RecordKey, StoredRecord> content = new HashMap<>();
      RecoveryReport report = s.load(r -> content.put(r.key(), r));
      assertThat(content).isEqualTo(expected);
      assertThat(report.lastSequence()).isEqualTo(8);
      assertThat(report.bytesTrimmed()).isZero();
    }
  }

  @Test
  void unknownVersion_journalSegment_isRefusedAndLeftUntouched() throws IOException {
    dir = TempDirs.create("golden");
    byte[] bytes = golden("v3-unknown", Format.journalName(1));
    Files.write(dir.resolve(Format.journalName(1)), bytes);

    StorageException e = catchThrowableOfType(StorageException.class, () -> FileStore.open(dir, fixedOptions()));

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(e.getMessage()).contains("version 3");
    assertThat(Files.readAllBytes(dir.resolve(Format.journalName(1)))).isEqualTo(bytes);
  }

  @Test
  void unknownVersion_snapshot_isRefusedAndLeftUntouched() throws IOException {
    dir = TempDirs.create("golden");
    byte[] bytes = golden("v3-unknown", Format.snapshotName(5));
    Files.write(dir.resolve(Format.snapshotName(5)), bytes);

    StorageException e = catchThrowableOfType(StorageException.class, () -> FileStore.open(dir, fixedOptions()));

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(Files.readAllBytes(dir.resolve(Format.snapshotName(5)))).isEqualTo(bytes);
  }

  /** A copy of the v2 files with version 3 in the header and the header CRC recomputed. */
  private static void writeUnknownVersionFiles(Path store) throws IOException {
    Path out = Path.of(RESOURCES, "v3-unknown");
    Files.createDirectories(out);
    for (String name : List.of(Format.journalName(1), Format.snapshotName(5))) {
      byte[] bytes = Files.readAllBytes(store.resolve(name));
      ByteBuffer.wrap(bytes).putInt(8, 3);
      CRC32C crc = new CRC32C();
      crc.update(bytes, 0, 60);
      ByteBuffer.wrap(bytes).putInt(60, (int) crc.getValue());
      Files.write(out.resolve(name), bytes);
    }
  }
}
