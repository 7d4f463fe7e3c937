package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.StoreHealth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The I/O-error loop (storage.md T7), SQLite style: for each of three workloads and each fault kind
 * (any operation failing once, failing forever, a half-done write, a full disk, a failing fsync), fail
 * the N-th operation for N = 1, 2, … until the workload completes untouched. At the first error the
 * store must fail (reason IO), refuse the next commit with reason FAILED without touching the disk,
 * and never write or sync again after a failed sync. Reopened without the fault, it must hold the state
 * after a prefix of the commits containing every acknowledged one, and accept new commits. A compound
 * loop then fails every operation of a recovery (that must repair a torn tail) in turn.
 */
class IoErrorLoopTest {

  private static final long SEED = Long.getLong("prodtrack.storage.seed", 20261129L);

  private int cases;

  private record Shape(int commits, int minPayload, int maxPayload, long snapshotMinBytes) {}

  private static final Shape[] WORKLOADS = {
    new Shape(40, 10, 100, Long.MAX_VALUE / 4),   // journal only
    new Shape(40, 50, 400, 2048),                 // snapshots and compaction along the way
    new Shape(12, 3000, 9000, 8192),              // large change sets, segment rolls
  };

  private static FileStoreOptions options(Shape shape, long seed) {
    return FileStoreOptions.defaults()
        .withSources(() -> Instant.parse("2026-01-01T00:00:00Z"), new Random(seed))
        .withSegmentBytes(16_384)
        .withAutoSnapshot(true, shape.snapshotMinBytes())
        .withSnapshotExecutor(Runnable::run);
  }

  private static SimulatedDisk emptyDisk() {
    SimulatedDisk disk = new SimulatedDisk();
    try {
      disk.createDirectory(Workload.DIR.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return disk;
  }

  @Test
  void ioErrorAtEveryOperation_failsStopAndReopensToAnAcknowledgedPrefix() {
    int workloads = 0;
    for (Shape shape : WORKLOADS) {
      Workload workload = Workload.random(SEED + workloads++, shape.commits() + 1, shape.minPayload(), shape.maxPayload());
      loop(workload, shape, FaultyLayer.Kind.ERROR, false);
      loop(workload, shape, FaultyLayer.Kind.ERROR, true);
      loop(workload, shape, FaultyLayer.Kind.PARTIAL_WRITE, false);
      loop(workload, shape, FaultyLayer.Kind.DISK_FULL, true);
      loop(workload, shape, FaultyLayer.Kind.FORCE_ERROR, false);
    }
    int compound = compoundLoop();
    System.out.printf("IoErrorLoopTest: %,d injected I/O-error cases over %d workloads x 5 fault kinds, plus %,d errors"
        + " injected during recovery, all failed stop and reopened to an acknowledged prefix (seed %d)%n", cases,
        WORKLOADS.length, compound, SEED);
    assertThat(cases).isGreaterThan(500);
  }

  private void loop(Workload workload, Shape shape, FaultyLayer.Kind kind, boolean forever) {
    for (int n = 1; ; n++) {
      SimulatedDisk disk = emptyDisk();
      FaultyLayer layer = new FaultyLayer(disk);
      layer.failAt(n, forever, kind);
      int acknowledged = 0;
      int attempted = 0;
      FileStore store = null;
      try {
        store = FileStore.open(Workload.DIR, options(shape, SEED), layer);
        store.load(r -> { });
        for (int i = 0; i < shape.commits(); i++) {
          attempted++;
          store.commit(workload.changeSets.get(i));
          acknowledged++;
        }
      } catch (StorageException e) {
        // IO for the commit whose write failed; FAILED if a snapshot after the last acknowledged commit failed
        assertThat(e.reason()).as("%s #%d forever=%s: %s", kind, n, forever, e).isIn(Reason.IO, Reason.FAILED);
        if (e.reason() == Reason.FAILED) {
          assertThat(e.getCause()).isInstanceOfSatisfying(StorageException.class,
              c -> assertThat(c.reason()).isEqualTo(Reason.IO));
        }
        if (store != null) {
          checkFailedStop(store, layer, workload.changeSets.get(attempted));
        }
      }
      if (store != null) {
        store.close();
      }
      if (layer.failures() == 0) {
        return; // the workload completed before the N-th operation: the loop is done
      }
      cases++;
      assertThat(layer.writesOrForcesAfterForceFailure()).as("%s #%d: a write or sync after a failed sync", kind, n)
          .isZero();
      if (forever) {
        FaultyLayer still = layer;
        StorageException again = catchThrowableOfType(StorageException.class, () -> {
          try (FileStore s = FileStore.open(Workload.DIR, options(shape, SEED), still)) {
            s.load(r -> { });
            s.commit(workload.changeSets.get(0));
          }
        });
        if (kind == FaultyLayer.Kind.ERROR) {
          assertThat(again).as("an always-failing disk cannot be opened").isNotNull();
        }
      }
      layer.disarm();
      verifyReopen(workload, shape, layer, acknowledged, attempted, kind + " #" + n);
    }
  }

  /** A failed store refuses the next commit with FAILED and touches nothing. */
  private static void checkFailedStop(FileStore store, FaultyLayer layer, ChangeSet next) {
    assertThat(store.health().state()).isEqualTo(StoreHealth.State.FAILED);
    long opsBefore = layer.operations();
    StorageException refused = catchThrowableOfType(StorageException.class, () -> store.commit(next));
    assertThat(refused.reason()).isEqualTo(Reason.FAILED);
    assertThat(layer.operations()).as("a refused commit does no I/O").isEqualTo(opsBefore);
  }

  private static void verifyReopen(Workload workload, Shape shape, FileLayer layer, int acknowledged, int attempted,
      String what) {
    long recovered;
    try (FileStore store = FileStore.open(Workload.DIR, options(shape, SEED + 1), layer)) {
      Workload.Loaded loaded = Workload.load(store);
      recovered = loaded.report().lastSequence();
      assertThat(recovered).as("%s: acknowledged %d, attempted %d", what, acknowledged, attempted)
          .isBetween((long) acknowledged, (long) attempted);
      assertThat(loaded.content()).as(what).isEqualTo(workload.states.get((int) recovered));
      assertThat(store.commit(workload.changeSets.get((int) recovered))).isEqualTo(recovered + 1);
    }
    try (FileStore store = FileStore.open(Workload.DIR, options(shape, SEED + 2), layer)) {
      assertThat(Workload.load(store).content()).as(what + ", then a commit")
          .isEqualTo(workload.states.get((int) recovered + 1));
    }
  }

  /** Fails each operation of a recovery that has a torn tail to repair, once; then recovers cleanly. */
  private int compoundLoop() {
    Shape shape = WORKLOADS[1];
    Workload workload = Workload.random(SEED + 1, shape.commits() + 1, shape.minPayload(), shape.maxPayload());
    int count = 0;
    for (int n = 1; ; n++) {
      SimulatedDisk disk = emptyDisk();
      FaultyLayer layer = new FaultyLayer(disk);
      int acknowledged = 0;
      try (FileStore store = FileStore.open(Workload.DIR, options(shape, SEED), layer)) {
        store.load(r -> { });
        for (int i = 0; i < 30; i++) {
          store.commit(workload.changeSets.get(i));
          acknowledged++;
        }
        layer.failAt(1, false, FaultyLayer.Kind.PARTIAL_WRITE); // leaves a torn tail
        catchThrowableOfType(StorageException.class, () -> store.commit(workload.changeSets.get(30)));
      }
      int failuresBefore = layer.failures();
      layer.failAt(n, false, FaultyLayer.Kind.ERROR);
      try {
        FileStore s = FileStore.open(Workload.DIR, options(shape, SEED), layer);
        s.close();
      } catch (StorageException e) {
        assertThat(e.reason()).isEqualTo(Reason.IO);
      }
      if (layer.failures() == failuresBefore) {
        return count; // recovery completed before its N-th operation: the loop is done
      }
      count++;
      layer.disarm();
      verifyReopen(workload, shape, layer, acknowledged, acknowledged + 1, "error at operation " + n + " of recovery");
    }
  }
}
