package dev.prodtrack;

import dev.prodtrack.storage.Capability;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A group-committing store over a simulated disk, for engine tests: {@link #submit} queues, {@link
 * #awaitCommitted} makes the first waiter the writer of every queued change set, whose "fsync" moves
 * them to the {@link Disk}'s durable list. The test can hold each fsync at a gate (to look at the
 * engine while commits wait for durability) and fail the n-th fsync (the batch and every later change
 * set are lost, the store fails). A store reopened over the same disk loads the durable change sets.
 */
final class SimulatedDiskStore implements Store {

  /** What survives the store: the durable change sets, in commit order. */
  static final class Disk {
    final List<ChangeSet> durable = new ArrayList<>();
    int fsyncs;
    /** The fsync (1-based, counted over the disk's life) that fails; 0 for none. */
    int failingFsync;
    /** When set, each fsync first takes a permit. */
    Semaphore gate;

    synchronized List<ChangeSet> durableCopy() {
      return List.copyOf(durable);
    }
  }

  private final Disk disk;
  private final ReentrantLock mutex = new ReentrantLock();
  private final Condition changed = mutex.newCondition();
  private final ArrayDeque<ChangeSet> queue = new ArrayDeque<>();
  private boolean writing;
  private boolean loaded;
  private long lastAssigned;
  private long lastCommitted;
  private StorageException dropped;
  private volatile StoreHealth health = StoreHealth.OK;

  SimulatedDiskStore(Disk disk) {
    this.disk = disk;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.PERSISTENT, Capability.DURABLE_ON_COMMIT);
  }

  @Override
  public RecoveryReport load(Consumer<StoredRecord> sink) {
    Map<RecordKey, StoredRecord> live = new LinkedHashMap<>();
    List<ChangeSet> durable = disk.durableCopy();
    for (ChangeSet cs : durable) {
      cs.puts().forEach(r -> live.put(r.key(), r));
      cs.deletes().forEach(live::remove);
    }
    mutex.lock();
    try {
      loaded = true;
      lastAssigned = durable.size();
      lastCommitted = durable.size();
    } finally {
      mutex.unlock();
    }
    live.values().forEach(sink);
    return new RecoveryReport(live.size(), durable.size(), 0, List.of());
  }

  @Override
  public long commit(ChangeSet changes) {
    long seq = submit(changes);
    awaitCommitted(seq);
    return seq;
  }

  @Override
  public long submit(ChangeSet changes) {
    mutex.lock();
    try {
      if (!loaded) {
        throw new IllegalStateException("commit before load");
      }
      if (!health.isOk()) {
        throw new StorageException(Reason.FAILED, "the store failed or closed earlier");
      }
      queue.add(changes);
      return ++lastAssigned;
    } finally {
      mutex.unlock();
    }
  }

  @Override
  public void awaitCommitted(long sequence) {
    mutex.lock();
    try {
      while (lastCommitted < sequence) {
        if (dropped != null) {
          throw dropped;
        }
        if (writing) {
          changed.awaitUninterruptibly();
          continue;
        }
        writing = true;
        List<ChangeSet> batch = new ArrayList<>(queue);
        queue.clear();
        mutex.unlock();
        boolean ok;
        try {
          ok = fsync(batch);
        } finally {
          mutex.lock();
          writing = false;
        }
        if (ok) {
          lastCommitted += batch.size();
        } else {
          dropped = new StorageException(Reason.IO, "injected fsync failure (fsync " + disk.failingFsync + ")");
          health = StoreHealth.failed(dropped);
          queue.clear();
        }
        changed.signalAll();
      }
    } finally {
      mutex.unlock();
    }
  }

  private boolean fsync(List<ChangeSet> batch) {
    Semaphore gate;
    synchronized (disk) {
      gate = disk.gate;
    }
    if (gate != null) {
      gate.acquireUninterruptibly();
    }
    synchronized (disk) {
      disk.fsyncs++;
      if (disk.fsyncs == disk.failingFsync) {
        return false;
      }
      disk.durable.addAll(batch);
      return true;
    }
  }

  @Override
  public StoreHealth health() {
    return health;
  }

  @Override
  public void close() {
    if (health.isOk() && lastAssigned > 0) {
      awaitCommitted(lastAssigned);
    }
    mutex.lock();
    try {
      if (dropped == null) {
        dropped = new StorageException(Reason.CLOSED, "closed");
      }
      health = StoreHealth.CLOSED;
    } finally {
      mutex.unlock();
    }
  }
}
