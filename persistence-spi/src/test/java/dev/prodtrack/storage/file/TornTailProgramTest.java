package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StoredRecord;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The torn-tail table (storage.md T4), over a {@link SimulatedDisk}: the journal cut at every byte
 * offset of its last two records, zero tails of 1 B to 64 KiB, random garbage tails, and cuts followed
 * by garbage. Every case must open, keep exactly the complete records, cut and report the rest,
 * open again to the same state with nothing left to cut, and accept a new commit. Seeded; {@code
 * -Dprodtrack.storage.soak=true} multiplies the garbage cases by ten.
 */
class TornTailProgramTest {

  private static final long SEED = Long.getLong("prodtrack.storage.seed", 20261129L);
  private static final boolean SOAK = Boolean.getBoolean("prodtrack.storage.soak");
  private static final int RECORDS = 100;

  private final Workload workload = Workload.random(SEED, RECORDS + 1, 300, 700);
  private final SimulatedDisk base = workload.writeTo(RECORDS, SEED);
  private final Path segment = Workload.DIR.resolve(Format.journalName(1));
  private final byte[] journal = base.read(segment);
  private final List<Integer> offsets = Workload.recordOffsets(journal);
  private int cases;

  @Test
  void tornTails_everyKind_openToTheLastCompleteRecordAndReportTheCut() {
    Random rnd = new Random(SEED);
    int firstCut = offsets.get(RECORDS - 2);
    try {
      // every byte offset of the last two records (a cut at a record boundary is a clean end)
      for (int cut = firstCut; cut < journal.length; cut++) {
        check(Arrays.copyOf(journal, cut));
      }
      // zero tails: 1 B .. 1 KiB one by one, then every KiB up to 64 KiB
      for (int z = 1; z <= 1024; z++) {
        check(Arrays.copyOf(journal, journal.length + z));
      }
      for (int z = 2048; z <= 65536; z += 1024) {
        check(Arrays.copyOf(journal, journal.length + z));
      }
      // random garbage tails
      for (int i = 0; i < (SOAK ? 10_000 : 1_000); i++) {
        byte[] garbage = new byte[1 + rnd.nextInt(8192)];
        rnd.nextBytes(garbage);
        check(concat(journal, garbage));
      }
      // a cut inside the last record, then garbage
      for (int i = 0; i < (SOAK ? 5_000 : 500); i++) {
        int cut = offsets.get(RECORDS - 1) + 1 + rnd.nextInt(offsets.get(RECORDS) - offsets.get(RECORDS - 1) - 1);
        byte[] garbage = new byte[1 + rnd.nextInt(4096)];
        rnd.nextBytes(garbage);
        check(concat(Arrays.copyOf(journal, cut), garbage));
      }
    } catch (AssertionError e) {
      throw new AssertionError("torn-tail case " + cases + " failed (seed " + SEED + ")", e);
    }
    System.out.printf("TornTailProgramTest: %,d torn-tail cases run, all recovered (seed %d)%n", cases, SEED);
    assertThat(cases).isGreaterThanOrEqualTo(3_000);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** How many complete records a file of this content holds (its records are a prefix of the journal's). */
  private int completeRecords(byte[] file) {
    int k = 0;
    while (k < RECORDS && offsets.get(k + 1) <= file.length
        && Arrays.equals(file, offsets.get(k), offsets.get(k + 1), journal, offsets.get(k), offsets.get(k + 1))) {
      k++;
    }
    return k;
  }

  private void check(byte[] damaged) {
    cases++;
    SimulatedDisk disk = base.copy();
    disk.overwrite(segment, damaged);
    int k = completeRecords(damaged);
    long expectedCut = damaged.length - offsets.get(k);

    try (FileStore store = FileStore.open(Workload.DIR, Workload.options(SEED + cases), disk)) {
      Workload.Loaded loaded = Workload.load(store);
      assertThat(loaded.content()).as("content after a tail of %d bytes", expectedCut).isEqualTo(workload.states.get(k));
      assertThat(loaded.report().lastSequence()).isEqualTo(k);
      assertThat(loaded.report().bytesTrimmed()).isEqualTo(expectedCut);
      if (expectedCut > 0) {
        assertThat(loaded.report().notes()).anySatisfy(n -> assertThat(n).contains("torn tail"));
      }
    }
    try (FileStore again = FileStore.open(Workload.DIR, Workload.options(SEED + cases), disk)) {
      Workload.Loaded loaded = Workload.load(again);
      assertThat(loaded.content()).as("recovering twice").isEqualTo(workload.states.get(k));
      assertThat(loaded.report().bytesTrimmed()).isZero();
      if (cases % 10 == 0) {
        ChangeSet next = workload.changeSets.get(k);
        assertThat(again.commit(next)).isEqualTo(k + 1);
      }
    }
    if (cases % 10 == 0) {
      try (FileStore third = FileStore.open(Workload.DIR, Workload.options(SEED), disk)) {
        java.util.Map<RecordKey, StoredRecord> content = Workload.load(third).content();
        assertThat(content).as("writable after the repair").isEqualTo(workload.states.get(k + 1));
      }
    }
  }
}
