package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.storage.StorageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mid-log corruption table (storage.md T5), over a {@link SimulatedDisk}: every single-bit flip
 * in the segment header and in every record header of a 100-record journal, 10,000 random payload bit
 * flips, and record swaps, duplications and drops. Each case must be detected: the default policy
 * refuses to open ({@link CorruptStoreException} naming the first damaged change set) and changes no
 * byte, and point-in-time recovery keeps exactly the change sets before the damage. The only other
 * outcome allowed is the documented blind spot: damage confined to the last two records may be cut
 * as a torn tail, which is reported (bytes cut, a note) and keeps exactly the records before it.
 * Never silent acceptance. Seeded; {@code -Dprodtrack.storage.soak=true} multiplies the random cases.
 */
class CorruptionProgramTest {

  private static final long SEED = Long.getLong("prodtrack.storage.seed", 20261129L);
  private static final boolean SOAK = Boolean.getBoolean("prodtrack.storage.soak");
  private static final int RECORDS = 100;

  private final Workload workload = Workload.random(SEED, RECORDS, 20, 120);
  private final SimulatedDisk base = workload.writeTo(RECORDS, SEED);
  private final Path segment = Workload.DIR.resolve(Format.journalName(1));
  private final byte[] journal = base.read(segment);
  private final List<Integer> offsets = Workload.recordOffsets(journal);

  private int cases;
  private int refused;
  private int cutAsTornTail;
  private int pointInTimeChecked;

  @Test
  void corruption_everyCase_isDetectedNeverSilentlyAccepted() {
    Random rnd = new Random(SEED);
    try {
      for (int bit = 0; bit < Format.HEADER_BYTES * 8; bit++) {
        check(flip(journal, bit / 8, bit % 8), 1);
      }
      for (int r = 1; r <= RECORDS; r++) {
        int start = offsets.get(r - 1);
        for (int bit = 0; bit < Format.FRAME_BYTES * 8; bit++) {
          check(flip(journal, start + bit / 8, bit % 8), r);
        }
      }
      int payloadFlips = SOAK ? 100_000 : 10_000;
      for (int i = 0; i < payloadFlips; i++) {
        int r = 1 + rnd.nextInt(RECORDS);
        int from = offsets.get(r - 1) + Format.FRAME_BYTES;
        int to = offsets.get(r);
        check(flip(journal, from + rnd.nextInt(to - from), rnd.nextInt(8)), r);
      }
      for (int r = 1; r < RECORDS; r++) {
        check(swap(r, r + 1), r);
      }
      for (int i = 0; i < (SOAK ? 2_000 : 200); i++) {
        int a = 1 + rnd.nextInt(RECORDS - 2);
        int b = a + 2 + rnd.nextInt(RECORDS - a - 1);
        check(swap(a, b), a);
      }
      for (int r = 1; r <= RECORDS; r++) {
        check(duplicate(r), r + 1);
      }
      for (int r = 1; r < RECORDS; r++) { // dropping the last record is indistinguishable from never writing it
        check(drop(r), r);
      }
    } catch (AssertionError e) {
      throw new AssertionError("corruption case " + cases + " failed (seed " + SEED + ")", e);
    }
    System.out.printf("CorruptionProgramTest: %,d corruption cases run, 100%% detected: %,d refused (default policy;"
        + " %,d of them also opened point-in-time to the exact prefix), %,d in the last two records cut and reported"
        + " as a torn tail, 0 silently accepted (seed %d)%n", cases, refused, pointInTimeChecked, cutAsTornTail, SEED);
    assertThat(cases).isGreaterThanOrEqualTo(27_000);
    assertThat(refused + cutAsTornTail).isEqualTo(cases);
  }

  private static byte[] flip(byte[] bytes, int offset, int bit) {
    byte[] out = bytes.clone();
    out[offset] ^= (byte) (1 << bit);
    return out;
  }

  private byte[] record(int r) {
    return Arrays.copyOfRange(journal, offsets.get(r - 1), offsets.get(r));
  }

  private byte[] rebuild(List<byte[]> records) {
    int size = Format.HEADER_BYTES + records.stream().mapToInt(b -> b.length).sum();
    byte[] out = Arrays.copyOf(journal, size);
    int pos = Format.HEADER_BYTES;
    for (byte[] rec : records) {
      System.arraycopy(rec, 0, out, pos, rec.length);
      pos += rec.length;
    }
    return out;
  }

  private List<byte[]> records() {
    List<byte[]> list = new ArrayList<>();
    for (int r = 1; r <= RECORDS; r++) {
      list.add(record(r));
    }
    return list;
  }

  private byte[] swap(int a, int b) {
    List<byte[]> list = records();
    byte[] x = list.get(a - 1);
    list.set(a - 1, list.get(b - 1));
    list.set(b - 1, x);
    return rebuild(list);
  }

  private byte[] duplicate(int r) {
    List<byte[]> list = records();
    list.add(r, record(r));
    return rebuild(list);
  }

  private byte[] drop(int r) {
    List<byte[]> list = records();
    list.remove(r - 1);
    return rebuild(list);
  }

  /**
   * Opens a copy of the base disk whose journal is {@code damaged}; {@code firstBad} is the first
   * change set whose bytes are damaged or out of place (RECORDS + 1 when only bytes after the last
   * record are).
   */
  private void check(byte[] damaged, int firstBad) {
    cases++;
    SimulatedDisk disk = base.copy();
    disk.overwrite(segment, damaged);
    try (FileStore store = FileStore.open(Workload.DIR, Workload.options(SEED), disk)) {
      Workload.Loaded loaded = Workload.load(store);
      // not refused: only the torn-tail blind spot of the last two records is allowed, and it must be reported
      assertThat(firstBad).as("opened although change set %d of %d is damaged", firstBad, RECORDS)
          .isGreaterThanOrEqualTo(RECORDS - 1);
      assertThat(loaded.report().bytesTrimmed()).as("damage accepted silently").isPositive();
      assertThat(loaded.report().notes()).anySatisfy(n -> assertThat(n).contains("torn tail"));
      long kept = loaded.report().lastSequence();
      assertThat(kept).isLessThan(firstBad);
      assertThat(loaded.content()).isEqualTo(workload.states.get((int) kept));
      cutAsTornTail++;
      return;
    } catch (CorruptStoreException e) {
      assertThat(e.reason()).isEqualTo(StorageException.Reason.CORRUPT);
      assertThat(e.expectedSequence()).as("first damaged change set").isEqualTo(firstBad);
      assertThat(disk.read(segment)).as("refusal changes nothing").isEqualTo(damaged);
      refused++;
    }
    if (cases % 10 == 0) {
      pointInTimeChecked++;
      FileStoreOptions pit = Workload.options(SEED).withCorruption(FileStoreOptions.CorruptionPolicy.POINT_IN_TIME);
      try (FileStore salvaged = FileStore.open(Workload.DIR, pit, disk)) {
        Workload.Loaded loaded = Workload.load(salvaged);
        assertThat(loaded.content()).as("point-in-time prefix").isEqualTo(workload.states.get(firstBad - 1));
        assertThat(loaded.report().lastSequence()).isEqualTo(firstBad - 1);
        assertThat(loaded.report().bytesTrimmed()).isPositive();
      }
      try (FileStore again = FileStore.open(Workload.DIR, Workload.options(SEED), disk)) {
        assertThat(Workload.load(again).content()).as("after salvage, the default policy opens")
            .isEqualTo(workload.states.get(firstBad - 1));
      }
    }
  }
}
