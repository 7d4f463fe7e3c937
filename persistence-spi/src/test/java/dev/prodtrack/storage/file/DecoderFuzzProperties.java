package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Decoder fuzzing (storage.md T8) of everything {@link FileStore} decodes: change-set payloads and
 * snapshot chunks ({@link PayloadCodec}), and whole journal segments and snapshots read by recovery.
 * Inputs are QuickTheories-generated: random byte arrays, and mutations of valid encodings (bit flips,
 * byte and field overwrites with boundary values such as lengths near {@code maxRecordBytes}, 0xFFFF
 * string lengths and negative counts, truncation, insertion, duplication and deletion of ranges). For
 * the file decoders half of the mutations recompute every CRC after mutating a record's payload (and the
 * snapshot footer), so that the payload decoder behind the CRC check is reached too.
 *
 * <p>Pass criterion per input: the decoder returns, or throws only its typed error ({@code
 * MalformedException} for payloads, {@link StorageException} with reason {@code CORRUPT} for files);
 * any other exception or error fails. A payload that decodes re-encodes to the same bytes (the encoding
 * is canonical); a file mutated without CRC repair either is refused or loads exactly the state after
 * some prefix of its change sets (never silently altered content). Each input must finish within
 * {@value #HANG_GUARD_MILLIS} ms, a hang guard fifty times the plan's 100 ms budget so that a loaded
 * shared runner does not make it flaky; the slowest input is printed.
 *
 * <p>Seeded ({@code -Dprodtrack.storage.seed=n}, printed on failure by QuickTheories and here); {@code
 * -Dprodtrack.storage.soak=true} multiplies the counts by 1,000 (10M inputs in all with the core JSON
 * fuzzing).
 */
class DecoderFuzzProperties {

  private static final long SEED = Long.getLong("prodtrack.storage.seed", 20261129L);
  private static final int SCALE = Boolean.getBoolean("prodtrack.storage.soak") ? 1_000 : 1;
  private static final long HANG_GUARD_MILLIS = 5_000;
  private static final int MAX_RECORD_BYTES = 4096;

  private static long inputs;
  private static long refused;
  private static long slowestNanos;

  @AfterAll
  static void report() {
    System.out.printf("DecoderFuzzProperties: %,d fuzzed inputs (%,d refused with the typed error, the rest"
        + " decoded), slowest %.1f ms, seed %d%n", inputs, refused, slowestNanos / 1e6, SEED);
  }

  private static void timed(Runnable decodeOne) {
    long t0 = System.nanoTime();
    decodeOne.run();
    long took = System.nanoTime() - t0;
    inputs++;
    slowestNanos = Math.max(slowestNanos, took);
    assertThat(took / 1_000_000).as("hang guard: milliseconds for one input (seed %d)", SEED)
        .isLessThan(HANG_GUARD_MILLIS);
  }

  // ------------------------------------------------------------------------------- mutations

  /** Values a fuzzer writes over 4-byte fields: lengths and counts at and around every bound. */
  private static int interestingInt(RandomnessSource in, int remaining) {
    int[] values = {0, 1, -1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 16, MAX_RECORD_BYTES - 1,
        MAX_RECORD_BYTES, MAX_RECORD_BYTES + 1, MAX_RECORD_BYTES - Format.FRAME_BYTES, 0xFFFF, 0x10000, 1 << 30,
        remaining - 1, remaining, remaining + 1, remaining / 4, remaining / 4 + 1};
    return values[integers().between(0, values.length - 1).generate(in)];
  }

  /** Applies 1-4 random mutations to a copy of {@code base}. */
  static byte[] mutate(byte[] base, RandomnessSource in) {
    byte[] b = base.clone();
    int n = integers().between(1, 4).generate(in);
    for (int m = 0; m < n; m++) {
      b = mutateOnce(b, in);
    }
    return b;
  }

  private static int pos(byte[] b, RandomnessSource in) {
    return integers().between(0, Math.max(0, b.length - 1)).generate(in);
  }

  private static byte[] mutateOnce(byte[] b, RandomnessSource in) {
    int kind = integers().between(0, 8).generate(in);
    if (b.length == 0 && kind != 5) {
      kind = 5;
    }
    switch (kind) {
      case 0 -> { // bit flip
        int p = pos(b, in);
        b[p] ^= (byte) (1 << integers().between(0, 7).generate(in));
        return b;
      }
      case 1 -> { // byte overwrite
        int p = pos(b, in);
        int[] values = {0, 0xFF, 0x7F, 0x80, integers().between(0, 255).generate(in)};
        b[p] = (byte) values[integers().between(0, values.length - 1).generate(in)];
        return b;
      }
      case 2 -> { // 4-byte field
        if (b.length < 4) {
          return b;
        }
        int p = integers().between(0, b.length - 4).generate(in);
        ByteBuffer.wrap(b).putInt(p, interestingInt(in, b.length - p - 4));
        return b;
      }
      case 3 -> { // 2-byte field (string lengths)
        if (b.length < 2) {
          return b;
        }
        int p = integers().between(0, b.length - 2).generate(in);
        int[] values = {0, 1, 0xFFFF, 0x7FFF, 0x8000, b.length - p - 2, b.length - p - 1};
        ByteBuffer.wrap(b).putShort(p, (short) values[integers().between(0, values.length - 1).generate(in)]);
        return b;
      }
      case 4 -> { // truncate
        return Arrays.copyOf(b, pos(b, in));
      }
      case 5 -> { // insert random bytes
        int p = b.length == 0 ? 0 : integers().between(0, b.length).generate(in);
        byte[] extra = new byte[integers().between(1, 16).generate(in)];
        for (int i = 0; i < extra.length; i++) {
          extra[i] = (byte) (int) integers().between(0, 255).generate(in);
        }
        byte[] out = new byte[b.length + extra.length];
        System.arraycopy(b, 0, out, 0, p);
        System.arraycopy(extra, 0, out, p, extra.length);
        System.arraycopy(b, p, out, p + extra.length, b.length - p);
        return out;
      }
      case 6 -> { // duplicate a range
        int from = pos(b, in);
        int len = integers().between(1, Math.max(1, Math.min(64, b.length - from))).generate(in);
        len = Math.min(len, b.length - from);
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, from + len);
        System.arraycopy(b, from, out, from + len, b.length - from);
        return out;
      }
      case 7 -> { // delete a range
        int from = pos(b, in);
        int len = Math.min(integers().between(1, 64).generate(in), b.length - from);
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(b, from + len, out, from, b.length - from - len);
        return out;
      }
      default -> { // zero a range
        int from = pos(b, in);
        Arrays.fill(b, from, Math.min(b.length, from + integers().between(1, 32).generate(in)), (byte) 0);
        return b;
      }
    }
  }

  private static byte[] randomBytes(RandomnessSource in, int maxLength) {
    byte[] b = new byte[integers().between(0, maxLength).generate(in)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (int) integers().between(0, 255).generate(in);
    }
    return b;
  }

  // ------------------------------------------------------------------------------- payloads

  private static final String[] KINDS = {"task", "comment", "person", "émoji-😀", "k"};

  private static ChangeSet changeSet(RandomnessSource in) {
    ChangeSet.Builder b = ChangeSet.builder();
    int puts = integers().between(0, 4).generate(in);
    for (int i = 0; i < puts; i++) {
      byte[] payload = randomBytes(in, 40);
      b.put(new StoredRecord(new RecordKey(KINDS[integers().between(0, KINDS.length - 1).generate(in)], "id" + i),
          payload.length == 0 ? new byte[] {1} : payload));
    }
    int deletes = integers().between(0, 3).generate(in);
    for (int i = 0; i < deletes; i++) {
      b.delete(new RecordKey(KINDS[integers().between(0, KINDS.length - 1).generate(in)], "gone" + i));
    }
    return b.build();
  }

  /** A payload input: random bytes, or a mutated valid change set or chunk. */
  record PayloadInput(boolean chunk, byte[] bytes) {
    @Override
    public String toString() {
      return (chunk ? "chunk " : "change set ") + Arrays.toString(bytes.length > 200 ? Arrays.copyOf(bytes, 200) : bytes);
    }
  }

  private static Gen<PayloadInput> payloadInputs() {
    return in -> {
      boolean chunk = integers().between(0, 1).generate(in) == 1;
      if (integers().between(0, 9).generate(in) == 0) {
        return new PayloadInput(chunk, randomBytes(in, 300));
      }
      ChangeSet cs = changeSet(in);
      byte[] valid = chunk ? PayloadCodec.encodeChunk(cs.puts()) : PayloadCodec.encode(cs);
      return new PayloadInput(chunk, mutate(valid, in));
    };
  }

  @Test
  void payloadDecoders_onFuzzedInput_onlyThrowMalformed_andDecodeCanonically() {
    qt().withFixedSeed(SEED).withExamples(3_000 * SCALE).forAll(payloadInputs())
        .checkAssert(input -> timed(() -> {
          byte[] b = input.bytes();
          try {
            if (input.chunk()) {
              List<StoredRecord> records = PayloadCodec.decodeChunk(b, 0, b.length);
              assertThat(PayloadCodec.encodeChunk(records)).as("a decoded chunk re-encodes to its bytes").isEqualTo(b);
            } else {
              ChangeSet cs = PayloadCodec.decode(b, 0, b.length);
              assertThat(PayloadCodec.encode(cs)).as("a decoded change set re-encodes to its bytes").isEqualTo(b);
            }
          } catch (PayloadCodec.MalformedException expected) {
            refused++;
          }
        }));
  }

  // ------------------------------------------------------------------------------- files

  /** One prepared store: a disk and the workload it holds. */
  private record Base(SimulatedDisk disk, Workload workload, String file, boolean snapshot) {}

  private static final Base JOURNAL = journalBase();
  private static final Base SNAPSHOT = snapshotBase();

  private static FileStoreOptions options() {
    return Workload.options(5).withMaxRecordBytes(MAX_RECORD_BYTES);
  }

  private static Base journalBase() {
    Workload w = Workload.random(31, 12, 10, 300);
    SimulatedDisk disk = w.writeTo(12, 31);
    return new Base(disk, w, only(disk, Format.JOURNAL_PREFIX), false);
  }

  private static Base snapshotBase() {
    Workload w = Workload.random(32, 24, 50, 400);
    SimulatedDisk disk = new SimulatedDisk();
    try {
      disk.createDirectory(Workload.DIR.getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try (FileStore store = FileStore.open(Workload.DIR, options(), disk)) {
      store.load(r -> { });
      for (int i = 0; i < 24; i++) {
        store.commit(w.changeSets.get(i));
      }
      store.compact();
    }
    return new Base(disk, w, only(disk, Format.SNAPSHOT_PREFIX), true);
  }

  private static String only(SimulatedDisk disk, String prefix) {
    List<String> names = disk.names(Workload.DIR).stream().filter(n -> n.startsWith(prefix)).toList();
    assertThat(names).hasSize(1);
    return names.get(0);
  }

  /** A frame of a file: its type, sequence or index, and payload. */
  private record Rec(byte type, long seq, byte[] payload) {}

  private static List<Rec> frames(byte[] file) {
    List<Rec> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(file);
    int pos = Format.HEADER_BYTES;
    while (pos < file.length) {
      int len = b.getInt(pos);
      out.add(new Rec(b.get(pos + 8), b.getLong(pos + 12),
          Arrays.copyOfRange(file, pos + Format.FRAME_BYTES, pos + Format.FRAME_BYTES + len)));
      pos += Format.FRAME_BYTES + len;
    }
    return out;
  }

  /** Writes a file again from its header and frames, with every CRC (and a snapshot's footer) valid. */
  private static byte[] reframe(byte[] header, List<Rec> recs, boolean snapshot) throws Format.BadHeader {
    int salt;
    int crc;
    if (snapshot) {
      salt = Format.decodeSnapshotHeader(header, header.length).salt();
      crc = 0;
    } else {
      Format.SegmentHeader h = Format.decodeSegmentHeader(header, header.length);
      salt = h.salt();
      crc = h.prevCrc();
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(header);
    CRC32C crcOfCrcs = new CRC32C();
    for (Rec r : recs) {
      byte[] payload = r.payload();
      if (snapshot && r.type() == Format.TYPE_SNAPSHOT_FOOTER && payload.length == 28) {
        payload = payload.clone();
        ByteBuffer.wrap(payload).putInt(24, (int) crcOfCrcs.getValue());
      }
      byte[] frame = new byte[Format.FRAME_BYTES + payload.length];
      crc = Format.writeFrame(frame, 0, salt, crc, r.type(), r.seq(), payload);
      if (r.type() == Format.TYPE_SNAPSHOT_CHUNK) {
        crcOfCrcs.update(ByteBuffer.allocate(4).putInt(crc).array());
      }
      out.writeBytes(frame);
    }
    return out.toByteArray();
  }

  /** A file input: which store, whether CRCs were repaired after mutating, and the file's new bytes. */
  record FileInput(boolean snapshot, boolean crcRepaired, byte[] bytes) {
    @Override
    public String toString() {
      return (snapshot ? "snapshot" : "journal") + (crcRepaired ? ", CRCs repaired" : ", raw") + ", " + bytes.length
          + " bytes";
    }
  }

  private static Gen<FileInput> fileInputs(Base base) {
    byte[] valid = base.disk().read(Workload.DIR.resolve(base.file()));
    byte[] header = Arrays.copyOf(valid, Format.HEADER_BYTES);
    List<Rec> recs = frames(valid);
    return in -> {
      int how = integers().between(0, 9).generate(in);
      if (how < 4) {
        return new FileInput(base.snapshot(), false, mutate(valid, in));
      }
      List<Rec> changed = new ArrayList<>(recs);
      int victim = integers().between(0, changed.size() - 1).generate(in);
      Rec r = changed.get(victim);
      byte[] payload;
      if (how == 9) { // a payload of a length at and around maxRecordBytes, random content
        int[] lengths = {MAX_RECORD_BYTES - 1, MAX_RECORD_BYTES, MAX_RECORD_BYTES + 1};
        payload = new byte[lengths[integers().between(0, 2).generate(in)]];
        new Random(integers().all().generate(in)).nextBytes(payload);
        ByteBuffer.wrap(payload).putInt(0, integers().between(0, 3).generate(in));
      } else {
        payload = mutate(r.payload(), in);
        if (payload.length == 0) {
          payload = new byte[] {0};
        }
      }
      changed.set(victim, new Rec(r.type(), r.seq(), payload));
      try {
        return new FileInput(base.snapshot(), true, reframe(header, changed, base.snapshot()));
      } catch (Format.BadHeader e) {
        throw new AssertionError(e);
      }
    };
  }

  private static void openFuzzed(Base base, FileInput input) {
    SimulatedDisk disk = base.disk().copy();
    Path file = Workload.DIR.resolve(base.file());
    disk.overwrite(file, input.bytes());
    try (FileStore store = FileStore.open(Workload.DIR, options(), disk)) {
      Map<RecordKey, StoredRecord> content = Workload.load(store).content();
      if (!input.crcRepaired()) {
        assertThat(base.workload().states).as("a raw mutation loads the state after some prefix, or is refused; %s",
            input).contains(content);
      }
    } catch (StorageException e) {
      assertThat(e.reason()).as("only CORRUPT refusals; %s", input).isEqualTo(StorageException.Reason.CORRUPT);
      refused++;
    }
  }

  @Test
  void journalRecovery_onFuzzedSegments_onlyRefusesWithCorrupt() {
    qt().withFixedSeed(SEED).withExamples(2_000 * SCALE).forAll(fileInputs(JOURNAL))
        .checkAssert(input -> timed(() -> openFuzzed(JOURNAL, input)));
  }

  @Test
  void snapshotRecovery_onFuzzedSnapshots_onlyRefusesWithCorrupt() {
    qt().withFixedSeed(SEED).withExamples(1_000 * SCALE).forAll(fileInputs(SNAPSHOT))
        .checkAssert(input -> timed(() -> openFuzzed(SNAPSHOT, input)));
  }

  @Test
  void theFileBases_areValid_andLoadTheirWholeWorkload() {
    for (Base base : List.of(JOURNAL, SNAPSHOT)) {
      try (FileStore store = FileStore.open(Workload.DIR, options(), base.disk().copy())) {
        assertThat(Workload.load(store).content())
            .isEqualTo(base.workload().states.get(base.workload().changeSets.size()));
      }
      byte[] valid = base.disk().read(Workload.DIR.resolve(base.file()));
      if (base.snapshot()) {
        // the snapshot alone holds the state: fuzzing it reaches the chunk decoder, not a fallback
        SimulatedDisk withoutOldJournal = base.disk().copy();
        try {
          withoutOldJournal.delete(Workload.DIR.resolve(Format.journalName(1)));
        } catch (java.io.IOException e) {
          throw new AssertionError(e);
        }
        try (FileStore store = FileStore.open(Workload.DIR, options(), withoutOldJournal)) {
          assertThat(Workload.load(store).content()).isEqualTo(base.workload().states.get(24));
        }
      }
      try {
        assertThat(reframe(Arrays.copyOf(valid, Format.HEADER_BYTES), frames(valid), base.snapshot()))
            .as("reframing an unchanged file gives the same bytes").isEqualTo(valid);
      } catch (Format.BadHeader e) {
        throw new AssertionError(e);
      }
    }
  }
}
