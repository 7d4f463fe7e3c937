package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Simulated power loss (storage.md T3) through the fault-injecting {@link SimulatedDisk}: a fixed
 * 200-commit workload under the default SYNC policy, with small segments and automatic snapshots so
 * that segment rolls, snapshot writes and compaction happen during it. <b>Every</b> mutating I/O
 * operation of the workload is a crash point; at each one the power is cut and the disk a reboot
 * finds is rebuilt with each of the eight kinds of damage (unsynced writes lost, a random tenth of them
 * kept, reordered, torn at 512 B or 4 KiB, torn with zero or garbage fill, directory changes lost).
 * Every case must open; hold exactly the state after some prefix of the commits containing every
 * acknowledged one (so no partial change set); open a second time to the same state with nothing to
 * repair; and accept and keep a new commit. Every fourth crash point also cuts the power again at a
 * random operation of the first recovery (a compound failure) before checking.
 *
 * <p>Seeded (print on failure; {@code -Dprodtrack.storage.seed=n}); {@code
 * -Dprodtrack.storage.soak=true} adds 200,000 cases over random workloads and crash points.
 */
class PowerLossProgramTest {

  private static final long SEED = Long.getLong("prodtrack.storage.seed", 20261129L);
  private static final boolean SOAK = Boolean.getBoolean("prodtrack.storage.soak");
  private static final int COMMITS = 200;

  private int cases;
  private int compoundCases;
  private int commitsLostUnacknowledged;
  /** Write-ordering checks (T9) run by the {@link OrderCheckingLayer} over every store of the program. */
  private static long orderingChecks;

  private static FileStoreOptions.FsyncPolicy policy = FileStoreOptions.FsyncPolicy.SYNC;

  static FileStoreOptions options(long seed) {
    return FileStoreOptions.defaults()
        .withFsync(policy)
        .withBatchWindow(java.time.Duration.ZERO)
        .withSources(() -> Instant.parse("2026-01-01T00:00:00Z"), new Random(seed))
        .withSegmentBytes(8192)
        .withAutoSnapshot(true, 4096)
        .withSnapshotExecutor(Runnable::run);
  }

  /** What a crashed run acknowledged. */
  private record Run(SimulatedDisk disk, int acknowledged, int attempted) {}

  private static SimulatedDisk emptyDisk() {
    SimulatedDisk disk = new SimulatedDisk();
    try {
      disk.createDirectory(Workload.DIR.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return disk;
  }

  /** Runs the workload, cutting the power at mutating operation {@code crashAt} (counted from the empty disk). */
  private static Run run(Workload workload, int commits, long crashAt, long seed) {
    SimulatedDisk disk = emptyDisk();
    disk.crashAt(crashAt);
    int acknowledged = 0;
    int attempted = 0;
    FileStore store = null;
    OrderCheckingLayer io = new OrderCheckingLayer(disk);
    try {
      store = FileStore.open(Workload.DIR, options(seed), io);
      store.load(r -> { });
      for (int i = 0; i < commits; i++) {
        attempted++;
        io.acknowledged(store.commit(workload.changeSets.get(i)));
        acknowledged++;
      }
    } catch (StorageException e) {
      // the power went out: the store failed
    } finally {
      if (store != null) {
        store.abandon();
      }
    }
    checked(io);
    return new Run(disk, acknowledged, attempted);
  }

  @Test
  void powerLoss_atEveryOperationWithEveryDamage_keepsEveryAcknowledgedCommit() {
    try {
      long points = program(SEED, COMMITS, 20, 200, FileStoreOptions.FsyncPolicy.SYNC);
      // a second fixed workload: fewer, larger change sets under SYNC_BATCH, more snapshot chunks per commit
      points += program(SEED + 1, 100, 200, 1_500, FileStoreOptions.FsyncPolicy.SYNC_BATCH);
      System.out.printf("PowerLossProgramTest: %,d simulated power-loss cases (%,d crash points x %d damage kinds,"
          + " %,d of them compound: a second power cut during recovery), %,d unacknowledged commits lost, every"
          + " acknowledged one kept; %,d write-ordering checks (T9), no violation (seed %d)%n", cases, points,
          SimulatedDisk.Damage.values().length, compoundCases, commitsLostUnacknowledged, orderingChecks, SEED);
    } finally {
      policy = FileStoreOptions.FsyncPolicy.SYNC;
    }
    assertThat(cases).isGreaterThanOrEqualTo(5_000);
    if (SOAK) {
      soak();
    }
  }

  /** Every crash point of one fixed workload with every damage kind; returns the number of crash points. */
  private long program(long seed, int commits, int minPayload, int maxPayload, FileStoreOptions.FsyncPolicy fsync) {
    policy = fsync;
    Workload workload = Workload.random(seed, commits + 1, minPayload, maxPayload);
    long total = run(workload, commits, Long.MAX_VALUE, seed).disk().operations();
    Random rnd = new Random(SEED);
    long crashPoint = 0;
    try {
      for (crashPoint = 2; crashPoint <= total + 1; crashPoint++) {
        Run run = run(workload, commits, crashPoint, seed);
        for (SimulatedDisk.Damage damage : SimulatedDisk.Damage.values()) {
          long caseSeed = rnd.nextLong();
          SimulatedDisk rebooted = run.disk().afterPowerLoss(damage, new Random(caseSeed));
          if (crashPoint % 4 == 0) {
            rebooted = crashDuringRecovery(rebooted, new Random(caseSeed));
            compoundCases++;
          }
          verify(workload, run, rebooted, damage, caseSeed);
        }
      }
    } catch (AssertionError e) {
      throw new AssertionError("power-loss case " + cases + " (" + fsync + ", crash at operation " + crashPoint
          + ") failed; seed " + seed, e);
    }
    return total;
  }

  /** Fails on any write-ordering violation the wrapper saw, and counts its checks. */
  private static void checked(OrderCheckingLayer io) {
    io.assertNoViolations();
    orderingChecks += io.checks();
  }

  /** Cuts the power again at a random operation of the recovery of {@code disk}. */
  private static SimulatedDisk crashDuringRecovery(SimulatedDisk disk, Random rnd) {
    SimulatedDisk probe = disk.copy();
    long before = probe.operations();
    try (FileStore s = FileStore.open(Workload.DIR, options(1), probe)) {
      s.load(r -> { });
    }
    long recoveryOps = probe.operations() - before;
    if (recoveryOps == 0) {
      return disk;
    }
    SimulatedDisk victim = disk.copy();
    victim.crashAt(victim.operations() + 1 + rnd.nextInt((int) recoveryOps));
    OrderCheckingLayer io = new OrderCheckingLayer(victim);
    try {
      FileStore s = FileStore.open(Workload.DIR, options(1), io);
      s.abandon();
    } catch (StorageException e) {
      // the power went out during recovery
    }
    checked(io);
    SimulatedDisk.Damage[] kinds = SimulatedDisk.Damage.values();
    return victim.afterPowerLoss(kinds[rnd.nextInt(kinds.length)], rnd);
  }

  private void verify(Workload workload, Run run, SimulatedDisk disk, SimulatedDisk.Damage damage, long caseSeed) {
    cases++;
    long recovered;
    OrderCheckingLayer io = new OrderCheckingLayer(disk);
    try (FileStore store = FileStore.open(Workload.DIR, options(caseSeed), io)) {
      Workload.Loaded loaded = Workload.load(store);
      recovered = loaded.report().lastSequence();
      assertThat(recovered).as("%s: acknowledged %d, attempted %d", damage, run.acknowledged(), run.attempted())
          .isBetween((long) run.acknowledged(), (long) run.attempted());
      assertThat(loaded.content()).as("%s: the state after change set %d", damage, recovered)
          .isEqualTo(workload.states.get((int) recovered));
    }
    commitsLostUnacknowledged += run.attempted() - recovered;
    try (FileStore again = FileStore.open(Workload.DIR, options(caseSeed + 1), io)) {
      Workload.Loaded loaded = Workload.load(again);
      assertThat(loaded.report().lastSequence()).as("%s: recovering twice", damage).isEqualTo(recovered);
      assertThat(loaded.content()).isEqualTo(workload.states.get((int) recovered));
      assertThat(loaded.report().bytesTrimmed()).as("%s: nothing left to repair", damage).isZero();
      ChangeSet next = workload.changeSets.get((int) recovered);
      long seq = again.commit(next);
      io.acknowledged(seq);
      assertThat(seq).isEqualTo(recovered + 1);
    }
    checked(io);
    try (FileStore third = FileStore.open(Workload.DIR, options(caseSeed + 2), disk)) {
      assertThat(Workload.load(third).content()).as("%s: writable after recovery", damage)
          .isEqualTo(workload.states.get((int) recovered + 1));
    }
  }

  /** 200,000 cases over random workloads, crash points and damage kinds. */
  private void soak() {
    Random rnd = new Random(SEED ^ 0x5EED);
    int soakCases = 0;
    while (soakCases < 200_000) {
      long workloadSeed = rnd.nextLong();
      Workload workload = Workload.random(workloadSeed, 61, 10, 2_000);
      long total = run(workload, 60, Long.MAX_VALUE, workloadSeed).disk().operations();
      for (int i = 0; i < 100; i++) {
        long crashPoint = 2 + (long) rnd.nextInt((int) total);
        Run run = run(workload, 60, crashPoint, workloadSeed);
        SimulatedDisk.Damage damage = SimulatedDisk.Damage.values()[rnd.nextInt(SimulatedDisk.Damage.values().length)];
        long caseSeed = rnd.nextLong();
        try {
          verify(workload, run, run.disk().afterPowerLoss(damage, new Random(caseSeed)), damage, caseSeed);
        } catch (AssertionError e) {
          throw new AssertionError("soak case failed: workload seed " + workloadSeed + ", crash at " + crashPoint
              + ", damage " + damage + ", case seed " + caseSeed, e);
        }
        soakCases++;
      }
    }
    System.out.printf("PowerLossProgramTest soak: %,d random power-loss cases (seed %d)%n", soakCases, SEED);
  }
}
