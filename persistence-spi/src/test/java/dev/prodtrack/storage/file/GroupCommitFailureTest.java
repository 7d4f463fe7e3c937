package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Group commit through {@link FileStore#submit} and {@link FileStore#awaitCommitted} with an fsync
 * that fails in the middle of a many-threaded run: every thread submits under one lock (as the engine
 * does under its write lock) and waits apart, a fault fails the n-th fsync, the power is cut, and the
 * rebooted store holds exactly the acknowledged change sets (the failed fsync's batch is lost with
 * the unsynced writes, nothing after it was written).
 */
class GroupCommitFailureTest {

  private static final int THREADS = 8;
  private static final int COMMITS_PER_THREAD = 60;

  private static FileStoreOptions options(long seed) {
    return FileStoreOptions.defaults()
        .withBatchWindow(java.time.Duration.ZERO)
        .withSources(() -> Instant.parse("2026-01-01T00:00:00Z"), new Random(seed))
        .withAutoSnapshot(false, 0);
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

  @ParameterizedTest(name = "fsync {0} fails")
  @ValueSource(ints = {2, 3, 5, 9, 17, 33})
  void failedFsync_midRun_failsEveryWaiterAndLaterCommit_andKeepsExactlyTheAcknowledged(int failingForce)
      throws InterruptedException {
    SimulatedDisk disk = emptyDisk();
    FaultyLayer layer = new FaultyLayer(disk);
    FileStore store = FileStore.open(Workload.DIR, options(failingForce), layer);
    store.load(r -> { });
    layer.failAt(failingForce, false, FaultyLayer.Kind.FORCE_ERROR);

    Object order = new Object();
    Map<RecordKey, StoredRecord> acknowledged = new ConcurrentHashMap<>();
    Set<Reason> reasons = ConcurrentHashMap.newKeySet();
    List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      threads.add(new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < COMMITS_PER_THREAD; i++) {
            StoredRecord r = new StoredRecord(new RecordKey("test", "t" + thread + "-" + i),
                ("payload " + thread + "/" + i).getBytes(StandardCharsets.UTF_8));
            long seq;
            try {
              synchronized (order) {
                seq = store.submit(ChangeSet.builder().put(r).build());
              }
              store.awaitCommitted(seq);
            } catch (StorageException e) {
              reasons.add(e.reason());
              continue; // every later commit of this thread must be refused as well
            }
            acknowledged.put(r.key(), r);
          }
        } catch (Throwable e) {
          unexpected.add(e);
        }
      }, "committer-" + t));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }

    assertThat(unexpected).isEmpty();
    assertThat(layer.failures()).as("the injected fsync failure happened").isEqualTo(1);
    assertThat(reasons).as("waiting and later commits get typed errors").isNotEmpty()
        .isSubsetOf(Reason.IO, Reason.FAILED);
    assertThat(acknowledged.size()).isLessThan(THREADS * COMMITS_PER_THREAD);
    assertThat(store.health().state()).isEqualTo(StoreHealth.State.FAILED);
    assertThat(layer.writesOrForcesAfterForceFailure()).as("no write or fsync after the failed fsync").isZero();
    store.abandon();

    SimulatedDisk rebooted = disk.afterPowerLoss(SimulatedDisk.Damage.UNSYNCED_LOST, new Random(failingForce));
    try (FileStore again = FileStore.open(Workload.DIR, options(failingForce + 1), rebooted)) {
      Workload.Loaded loaded = Workload.load(again);
      assertThat(loaded.content()).as("exactly the acknowledged change sets").isEqualTo(Map.copyOf(acknowledged));
    }
  }
}
