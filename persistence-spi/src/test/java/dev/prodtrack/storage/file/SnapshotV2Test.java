package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.StoredRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Snapshot format version 2 (compact keys): what is written, that it round-trips, and that every kind of
 * damage is refused with the store's typed errors and never loads part of a snapshot.
 *
 * <p>The damage cases use a store whose only snapshot is the damaged one and whose journal no longer
 * reaches back to change set 1 (the older snapshot and the segments it covered are gone), so that
 * recovery has nothing to fall back on and must refuse; one case keeps the older snapshot and checks
 * that the whole content comes back from it.
 */
class SnapshotV2Test {

  private static final long SEED = Long.getLong("prodtrack.storage.seed", 20261129L);
  private static final int RECORDS = 40;

  private Path dir;

  @AfterEach
  void cleanUp() {
    if (dir != null) {
      TempDirs.delete(dir);
    }
  }

  private static FileStoreOptions options() {
    return FileStoreOptions.defaults()
        .withSources(() -> Instant.parse("2026-01-02T03:04:05Z"), new Random(SEED))
        .withAutoSnapshot(false, 0)
        .withSnapshotExecutor(Runnable::run);
  }

  private static String idOf(int i) {
    return switch (i % 4) {
      case 0 -> new UUID(0x1234_5678_9abc_def0L + i, 0x8000_0000_0000_0000L | i).toString(); // canonical: 16 bytes
      case 1 -> new UUID(i, i).toString().toUpperCase(java.util.Locale.ROOT);               // not canonical: text
      case 2 -> "plain-" + i;
      default -> "ünïcode-✓-" + i;
    };
  }

  private static StoredRecord rec(int i, int version) {
    String kind = i % 3 == 0 ? "task" : i % 3 == 1 ? "comment" : "person";
    byte[] payload = ("{\"n\":" + i + ",\"v\":" + version + "}").getBytes(StandardCharsets.UTF_8);
    if (i % 5 == 0) {
      payload = new byte[] {(byte) 0xB1, 1, (byte) i, (byte) version};
    }
    return new StoredRecord(new RecordKey(kind, idOf(i)), payload);
  }

  /**
   * Commits {@value #RECORDS} records in 20 change sets with snapshots after change sets 10 and 15, then 5
   * more; returns the expected content. Files: snapshot 10 and 15 (both v2), journal segments 11 and 16.
   */
  private static Map<RecordKey, StoredRecord> build(Path store) {
    Map<RecordKey, StoredRecord> expected = new HashMap<>();
    try (FileStore s = FileStore.open(store, options())) {
      s.load(r -> { });
      for (int cs = 1; cs <= 20; cs++) {
        ChangeSet.Builder b = ChangeSet.builder();
        for (int i = 0; i < RECORDS; i++) {
          if (i % 20 == cs - 1 || (cs > 10 && i % 7 == cs % 7)) {
            StoredRecord r = rec(i, cs);
            b.put(r);
            expected.put(r.key(), r);
          }
        }
        s.commit(b.build());
        if (cs == 10 || cs == 15) {
          s.compact();
        }
      }
    }
    return expected;
  }

  private static Map<RecordKey, StoredRecord> load(Path store) {
    Map<RecordKey, StoredRecord> content = new HashMap<>();
    try (FileStore s = FileStore.open(store, options())) {
      s.load(r -> assertThat(content.put(r.key(), r)).as("each key once").isNull());
    }
    return content;
  }

  @Test
  void newSnapshots_areVersion2_andReopenToTheSameContent() throws IOException {
    dir = TempDirs.create("snapv2");
    Map<RecordKey, StoredRecord> expected = build(dir);

    for (long seq : new long[] {10, 15}) {
      byte[] bytes = Files.readAllBytes(dir.resolve(Format.snapshotName(seq)));
      assertThat(ByteBuffer.wrap(bytes).getInt(8)).as("snapshot %d header version", seq).isEqualTo(2);
    }
    assertThat(ByteBuffer.wrap(Files.readAllBytes(dir.resolve(Format.journalName(16)))).getInt(8))
        .as("journal segments stay version 1").isEqualTo(1);
    assertThat(load(dir)).isEqualTo(expected);
  }

  @Test
  void version2Snapshot_isSmallerThanTheSameRecordsInVersion1() {
    List<StoredRecord> records = new ArrayList<>();
    for (int i = 0; i < 200; i += 4) { // canonical UUID ids only
      records.add(rec(i, 1));
    }
    byte[] v1 = PayloadCodec.encodeChunk(records);
    byte[] v2 = PayloadCodec.encodeChunkV2(records);
    // per record: v1 spends 2 + kind + 2 + 36 on the key, v2 spends 1 + 1 + 16
    assertThat(v2.length).isLessThan(v1.length - 20 * records.size());
  }

  // ---- round trip of the chunk codec ----

  private static final Gen<String> KINDS = integers().between(0, 300).map(i -> i < 250 ? "kind" + (i % 4) : "k-" + i);

  private static Gen<StoredRecord> records() {
    return in -> {
      long most = longs().all().generate(in);
      long least = longs().all().generate(in);
      String id = switch (integers().between(0, 4).generate(in)) {
        case 0, 1 -> new UUID(most, least).toString();
        case 2 -> new UUID(most, least).toString().toUpperCase(java.util.Locale.ROOT);
        case 3 -> "id-" + Long.toHexString(most);
        default -> "é" + least + "✓";
      };
      byte[] payload = new byte[integers().between(0, 40).generate(in)];
      for (int i = 0; i < payload.length; i++) {
        payload[i] = (byte) (int) integers().between(-128, 127).generate(in);
      }
      return new StoredRecord(new RecordKey(KINDS.generate(in), id), payload);
    };
  }

  private static Gen<List<StoredRecord>> chunks() {
    return in -> {
      List<StoredRecord> out = new ArrayList<>();
      java.util.Set<RecordKey> keys = new java.util.HashSet<>();
      java.util.Set<String> kinds = new java.util.HashSet<>();
      for (int n = integers().between(1, 60).generate(in); n > 0; n--) {
        StoredRecord r = records().generate(in);
        if (kinds.size() < PayloadCodec.MAX_CHUNK_KINDS || kinds.contains(r.key().kind())) {
          if (keys.add(r.key())) {
            kinds.add(r.key().kind());
            out.add(r);
          }
        }
      }
      return out;
    };
  }

  @Test
  void chunkV2_decodeOfEncode_isTheSameRecords_andEveryTruncationIsMalformed() {
    System.out.println("SnapshotV2Test seed " + SEED + " (-Dprodtrack.storage.seed=" + SEED + " to repeat)");
    qt().withFixedSeed(SEED).withExamples(500).forAll(chunks()).checkAssert(records -> {
      byte[] bytes = PayloadCodec.encodeChunkV2(records);
      try {
        assertThat(PayloadCodec.decodeChunkV2(bytes, 0, bytes.length)).as("seed %d", SEED).isEqualTo(records);
        for (int cut = 0; cut < bytes.length; cut++) {
          int at = cut;
          assertThat(catchThrowableOfType(PayloadCodec.MalformedException.class,
              () -> PayloadCodec.decodeChunkV2(bytes, 0, at))).as("seed %d, cut at %d", SEED, at).isNotNull();
        }
      } catch (PayloadCodec.MalformedException e) {
        throw new AssertionError("seed " + SEED + ": a chunk this code wrote does not decode", e);
      }
    });
  }

  // ---- damage ----

  /** Builds the store, then leaves snapshot 15 as the only way to reach change sets 1..10. */
  private Path withOnlyTheNewestSnapshot() throws IOException {
    dir = TempDirs.create("snapv2");
    build(dir);
    Files.delete(dir.resolve(Format.snapshotName(10)));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(Format.journalName(1));
    }
    return dir.resolve(Format.snapshotName(15));
  }

  /** Opening refuses with a corrupt-store error: the journal (from 11) cannot replace the damaged snapshot. */
  private void assertRefusedAsCorrupt() {
    CorruptStoreException e = catchThrowableOfType(CorruptStoreException.class, () -> FileStore.open(dir, options()));
    assertThat(e).as("open refuses").isNotNull();
    assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
    assertThat(e.getMessage()).contains("gap");
    assertThat(dir.resolve("quarantine").resolve(Format.snapshotName(15))).as("damaged snapshot set aside").exists();
  }

  private static byte[] rewriteHeaderCrc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, 60);
    ByteBuffer.wrap(bytes).putInt(60, (int) crc.getValue());
    return bytes;
  }

  @Test
  void badMagic_refused() throws IOException {
    Path snap = withOnlyTheNewestSnapshot();
    byte[] bytes = Files.readAllBytes(snap);
    bytes[3] = 'X';
    Files.write(snap, rewriteHeaderCrc(bytes));
    assertRefusedAsCorrupt();
  }

  @Test
  void unknownVersion_refusedAsUnsupported_andLeftUntouched() throws IOException {
    Path snap = withOnlyTheNewestSnapshot();
    byte[] bytes = Files.readAllBytes(snap);
    ByteBuffer.wrap(bytes).putInt(8, 3);
    Files.write(snap, rewriteHeaderCrc(bytes));

    StorageException e = catchThrowableOfType(StorageException.class, () -> FileStore.open(dir, options()));

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(e.getMessage()).contains("version 3").contains("versions 1 to 2");
    assertThat(Files.readAllBytes(snap)).isEqualTo(bytes);
  }

  @Test
  void truncatedChunk_refused() throws IOException {
    Path snap = withOnlyTheNewestSnapshot();
    byte[] bytes = Files.readAllBytes(snap);
    int firstChunkLength = ByteBuffer.wrap(bytes).getInt(Format.HEADER_BYTES);
    Files.write(snap, java.util.Arrays.copyOf(bytes, Format.HEADER_BYTES + Format.FRAME_BYTES + firstChunkLength / 2));
    assertRefusedAsCorrupt();
  }

  @Test
  void badChunkCrc_refused() throws IOException {
    Path snap = withOnlyTheNewestSnapshot();
    byte[] bytes = Files.readAllBytes(snap);
    bytes[Format.HEADER_BYTES + Format.FRAME_BYTES + 30] ^= 0x04;
    Files.write(snap, bytes);
    assertRefusedAsCorrupt();
  }

  @Test
  void hugeFrameLength_refusedWithoutAllocating() throws IOException {
    Path snap = withOnlyTheNewestSnapshot();
    byte[] bytes = Files.readAllBytes(snap);
    ByteBuffer.wrap(bytes).putInt(Format.HEADER_BYTES, 0x7FFF_FFF0);
    Files.write(snap, bytes);
    assertRefusedAsCorrupt();
  }

  @Test
  void hugePayloadLengthInsideAChunkWithAValidCrc_refused() throws IOException {
    Path snap = withOnlyTheNewestSnapshot();
    byte[] bytes = Files.readAllBytes(snap);
    Format.SnapshotHeader h;
    try {
      h = Format.decodeSnapshotHeader(bytes, bytes.length);
    } catch (Format.BadHeader e) {
      throw new AssertionError(e);
    }
    int payload = Format.HEADER_BYTES + Format.FRAME_BYTES;
    int length = ByteBuffer.wrap(bytes).getInt(Format.HEADER_BYTES);
    int at = payload;
    int kinds = bytes[at++] & 0xFF;
    for (int k = 0; k < kinds; k++) {
      at += 2 + (ByteBuffer.wrap(bytes).getShort(at) & 0xFFFF);
    }
    at += 4; // record count
    at += 1; // kind index
    int form = bytes[at++];
    at += form == PayloadCodec.ID_UUID ? 16 : 2 + (ByteBuffer.wrap(bytes).getShort(at) & 0xFFFF);
    ByteBuffer.wrap(bytes).putInt(at, 0x7FFF_FFF0); // the first record's payload length
    byte[] chunk = java.util.Arrays.copyOfRange(bytes, payload, payload + length);
    byte[] frame = new byte[Format.FRAME_BYTES + length];
    Format.writeFrame(frame, 0, h.salt(), 0, Format.TYPE_SNAPSHOT_CHUNK, 1, chunk);
    System.arraycopy(frame, 0, bytes, Format.HEADER_BYTES, frame.length);
    assertThat(Format.readFrame(bytes, Format.HEADER_BYTES, bytes.length, h.salt(), 0, 1 << 24))
        .as("the damaged chunk's frame verifies, so the chunk decoder must refuse it").isNotNull();
    Files.write(snap, bytes);
    assertRefusedAsCorrupt();
  }

  /**
   * Rewrites a snapshot with the given records, in the given order, in one chunk: header kept, a sound
   * frame, footer and chain, so that only the order (or a key twice) differs from what the writer makes.
   */
  private static void rewriteSnapshot(Path snap, List<StoredRecord> records) throws IOException {
    byte[] old = Files.readAllBytes(snap);
    Format.SnapshotHeader h;
    try {
      h = Format.decodeSnapshotHeader(old, old.length);
    } catch (Format.BadHeader e) {
      throw new AssertionError(e);
    }
    byte[] chunk = PayloadCodec.encodeChunkV2(records);
    byte[] frame = new byte[Format.FRAME_BYTES + chunk.length];
    int crc = Format.writeFrame(frame, 0, h.salt(), 0, Format.TYPE_SNAPSHOT_CHUNK, 1, chunk);
    CRC32C crcOfCrcs = new CRC32C();
    crcOfCrcs.update(ByteBuffer.allocate(4).putInt(crc).array());
    byte[] footer = ByteBuffer.allocate(28).putLong(records.size()).putLong(1).putLong(h.lastSeq())
        .putInt((int) crcOfCrcs.getValue()).array();
    byte[] footerFrame = new byte[Format.FRAME_BYTES + footer.length];
    Format.writeFrame(footerFrame, 0, h.salt(), crc, Format.TYPE_SNAPSHOT_FOOTER, 2, footer);
    ByteBuffer out = ByteBuffer.allocate(Format.HEADER_BYTES + frame.length + footerFrame.length);
    out.put(old, 0, Format.HEADER_BYTES).put(frame).put(footerFrame);
    Files.write(snap, out.array());
  }

  /** The records of change sets 1..15 (what snapshot 15 holds), the writer's key order reversed. */
  private static List<StoredRecord> contentAt15Reversed() {
    Map<RecordKey, StoredRecord> at15 = new HashMap<>();
    for (int cs = 1; cs <= 15; cs++) {
      for (int i = 0; i < RECORDS; i++) {
        if (i % 20 == cs - 1 || (cs > 10 && i % 7 == cs % 7)) {
          at15.put(rec(i, cs).key(), rec(i, cs));
        }
      }
    }
    List<StoredRecord> records = new ArrayList<>(at15.values());
    records.sort((a, b) -> Recovery.compareKeys(b.key(), a.key()));
    return records;
  }

  @Test
  void snapshotOutOfKeyOrder_isHeldInMemory_andLoadsTheWholeContent() throws IOException {
    Path snap = withOnlyTheNewestSnapshot();
    Map<RecordKey, StoredRecord> expected = new HashMap<>();
    // build() again into a scratch store gives the expected content after change set 20
    Path scratch = TempDirs.create("snapv2-expected");
    try {
      expected.putAll(build(scratch));
    } finally {
      TempDirs.delete(scratch);
    }
    rewriteSnapshot(snap, contentAt15Reversed());
    try (FileStore s = FileStore.open(dir, options())) {
      assertThat(s.changedRecordsHeld()).as("an unsorted snapshot's records are held, not streamed from disk")
          .isGreaterThanOrEqualTo(expected.size());
    }
    assertThat(load(dir)).isEqualTo(expected);
  }

  @Test
  void snapshotOutOfKeyOrder_withAKeyTwice_isRefusedAsCorrupt() throws IOException {
    Path snap = withOnlyTheNewestSnapshot();
    List<StoredRecord> records = new ArrayList<>(contentAt15Reversed());
    records.add(records.get(0)); // the first (largest) key again, at the end: out of order and twice
    rewriteSnapshot(snap, records);
    assertRefusedAsCorrupt();
  }

  @Test
  void damagedNewestSnapshot_withTheOlderOneKept_loadsTheWholeContentFromTheOlder() throws IOException {
    dir = TempDirs.create("snapv2");
    Map<RecordKey, StoredRecord> expected = build(dir);
    Path snap = dir.resolve(Format.snapshotName(15));
    byte[] bytes = Files.readAllBytes(snap);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(snap, bytes);

    Map<RecordKey, StoredRecord> content = new HashMap<>();
    RecoveryReport report;
    try (FileStore s = FileStore.open(dir, options())) {
      report = s.load(r -> content.put(r.key(), r));
    }

    assertThat(content).isEqualTo(expected);
    assertThat(report.lastSequence()).isEqualTo(20);
    assertThat(report.notes()).anyMatch(n -> n.contains("loaded " + Format.snapshotName(10)));
  }
}
