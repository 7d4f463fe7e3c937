package dev.prodtrack.storage.file;

import dev.prodtrack.storage.Capability;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * A crash-safe {@link Store} in a directory: an append-only journal of change sets in segment files,
 * with chained CRC32C framing, plus snapshots that bound the replay on open. The format is described
 * in {@code FORMAT.md} next to this class.
 *
 * <pre>{@code
 * try (ProdTrack studio = ProdTrack.builder().store(FileStore.open(dir)).open()) {
 *   // every mutation is on disk (fsynced) when its call returns
 * }
 * }</pre>
 *
 * <p>Guarantees under the default {@link FileStoreOptions.FsyncPolicy#SYNC} policy: a commit returns
 * only after an fsync covered its change set; after a crash or a power loss, {@link #open} recovers the
 * state after some prefix of the commits that contains every acknowledged one, never part of a change
 * set. A torn tail (the unacknowledged end of the journal) is cut, copied to {@code quarantine/} and
 * reported; corruption anywhere else refuses to open ({@link CorruptStoreException}) unless {@link
 * FileStoreOptions.CorruptionPolicy#POINT_IN_TIME} is chosen. Any failed write, sync, rename or delete
 * makes the store {@linkplain StoreHealth.State#FAILED failed} until it is reopened; an fsync is never
 * retried. One open store per directory: an OS file lock, held until {@link #close()}, refuses a second
 * open from this or another process.
 *
 * <p>Design note. Single writer with group commit: committing threads queue their change sets
 * ({@link #submit}: a size check and a sequence number, no encoding, so that the engine's write lock
 * is held briefly); whichever waiting thread ({@link #awaitCommitted}, which {@link #commit} calls)
 * finds no write in progress becomes the writer, takes every queued change set (up to 256 or 1 MiB),
 * encodes and frames them straight into one reused buffer, writes it with one write, syncs once,
 * applies them to the in-memory index of changed records (holding the writing token, not the mutex) and
 * unparks exactly the committers whose change sets are now durable (no wake-all), then hands the token
 * to the lowest parked committer if more are queued; the committed watermark ({@code lastWrittenSeq}) only moves forward, after the sync. A
 * failed write or sync drops every queued change set with the same error. Sequence numbers are given in queue order, so the journal, the index
 * and the returned numbers agree. Snapshots are taken from a copy of the index made between two
 * writes (the journal moves to a new segment at the same moment), written off the writer path to a
 * temporary file, synced, renamed and the directory synced; only then are journal segments deleted
 * (those the second-newest snapshot covers, so that one damaged snapshot can still be recovered from)
 * and snapshots beyond the newest two. The records of the newest snapshot (the <em>base</em>) stay on
 * disk: the heap holds only the records put since it and the keys changed since it, so a store costs
 * the heap of its journal, not of its whole content. A load streams the base from its file (checking it
 * again) and then the changed records; the next snapshot merges the base, read in key order, with the
 * changed records, and becomes the base (payload arrays are shared with the caller, as {@link
 * StoredRecord} allows).
 *
 * <p>Thread safety: every method may be called from any thread; concurrent commits are grouped.
 */
public final class FileStore implements Store, dev.prodtrack.storage.LoadSizeHint {

  private static final int MAX_BATCH_RECORDS = 256;
  private static final int MAX_BATCH_BYTES = 1 << 20;
  /** A batch buffer up to this size is kept for the next batch. */
  private static final int BATCH_BUFFER_KEPT = 2 << 20;
  private static final int SNAPSHOT_CHUNK_BYTES = 1 << 20;
  private static final java.util.Comparator<StoredRecord> KEY_ORDER =
      java.util.Comparator.comparing((StoredRecord r) -> r.key().kind()).thenComparing(r -> r.key().id());

  private final Path dir;
  private final FileStoreOptions options;
  private final FileLayer fs;
  private final Closeable lock;
  /** Recovery's notes and figures; the record count is known once counted ({@link #recoveryReport}). */
  private final long recoveredSeq;
  private final long recoveredBytesTrimmed;
  private final List<String> recoveryNotes;
  private volatile RecoveryReport report;
  private final UUID storeId;

  private final ReentrantLock mutex = new ReentrantLock();
  private final Condition changed = mutex.newCondition();
  // guarded by mutex
  /**
   * The records put since the base (every live record when there is no base), and the keys put or
   * deleted since the base. Updated by the token holder; read holding the mutex with no write in progress.
   */
  private final Map<RecordKey, StoredRecord> live;
  private final java.util.Set<RecordKey> touched;
  /** The newest snapshot, whose records not in {@code touched} are live; null without one. Guarded by mutex. */
  private Recovery.Base base;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final TreeMap<Long, String> segments;
  private final TreeMap<Long, Long> snapshots;
  private boolean writing;
  /** Committing threads parked until their change set is written, lowest sequence number first. */
  private final java.util.PriorityQueue<Waiter> waiters = new java.util.PriorityQueue<>();
  /** Threads waiting on {@code changed} (for the writing token, a snapshot, the queue to drain). */
  private int conditionWaiters;
  private boolean snapshotRunning;
  private boolean loaded;
  private final Map<String, Integer> expectedLoadCounts;
  private boolean closed;
  private long lastAssignedSeq;
  /** Written under the mutex; volatile so that a woken committer can see its change set is durable without it. */
  private volatile long lastWrittenSeq;
  /** Set when queued change sets were dropped (the store failed or was abandoned); never cleared. */
  private StorageException dropped;
  private long journalBytesSinceSnapshot;
  /** A cheap hint for {@link #maybeSnapshot}: set by the writer when the journal passed the threshold. */
  private volatile boolean snapshotDue;
  private long lastSnapshotBytes;
  // owned by the thread holding the writing token
  private FileLayer.Handle current;
  private long currentSize;
  private int currentSalt;
  private int chainCrc;
  private long nextSegmentNumber;
  private long lastForceNanos = System.nanoTime();
  /** Reused for every batch that fits; owned by the thread holding the writing token. */
  private byte[] batchBuffer = new byte[BATCH_BUFFER_KEPT / 16];

  private volatile StoreHealth health = StoreHealth.OK;
  private final ExecutorService ownSnapshotThread;
  private final Executor snapshotExecutor;
  private final ScheduledExecutorService asyncSyncer;

  /** One queued commit: the change set, encoded by the writer straight into its batch buffer. */
  private static final class Pending {
    final ChangeSet changes;
    final int size;
    long seq;

    Pending(ChangeSet changes, int size) {
      this.changes = changes;
      this.size = size;
    }
  }

  /** A thread parked in {@link #awaitCommitted} until {@code seq} is written. Guarded by the mutex. */
  private static final class Waiter implements Comparable<Waiter> {
    final long seq;
    final Thread thread;
    boolean queued;
    /** Set (after {@code lastWrittenSeq} moved past {@code seq}) when the writer took it off the queue. */
    volatile boolean released;

    Waiter(long seq, Thread thread) {
      this.seq = seq;
      this.thread = thread;
    }

    @Override
    public int compareTo(Waiter o) {
      return Long.compare(seq, o.seq);
    }
  }

  private FileStore(Path dir, FileStoreOptions options, FileLayer fs, Closeable lock, Recovery.Result r,
      List<String> notes) throws IOException {
    this.dir = dir;
    this.options = options;
    this.fs = fs;
    this.lock = lock;
    this.recoveredSeq = r.lastSeq;
    this.recoveredBytesTrimmed = r.bytesTrimmed;
    this.recoveryNotes = List.copyOf(notes);
    this.storeId = r.storeId;
    this.live = r.live;
    this.touched = r.journalKeys;
    this.base = r.base;
    if (base == null || touched.isEmpty()) {
      // nothing changed since the base (then nothing was put either): the count is known without a scan
      this.report = new RecoveryReport((base == null ? 0 : base.records()) + live.size(), recoveredSeq,
          recoveredBytesTrimmed, recoveryNotes);
    }
    this.expectedLoadCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(r.snapshotCounts));
    this.segments = r.segments;
    this.snapshots = r.snapshots;
    this.lastAssignedSeq = r.lastSeq;
    this.lastWrittenSeq = r.lastSeq;
    this.chainCrc = r.chainCrc;
    this.nextSegmentNumber = r.nextSegmentNumber;
    this.journalBytesSinceSnapshot = r.journalBytesSinceSnapshot;
    this.lastSnapshotBytes = snapshots.isEmpty() ? 0 : snapshots.lastEntry().getValue();
    this.snapshotDue = journalBytesSinceSnapshot > Math.max(options.snapshotMinBytes(), 2 * lastSnapshotBytes);
    if (r.appendSegment != null) {
      this.current = fs.open(dir.resolve(r.appendSegment), false);
      this.currentSize = r.appendSize;
      this.currentSalt = r.appendSalt;
    }
    if (options.snapshotExecutor() != null) {
      this.ownSnapshotThread = null;
      this.snapshotExecutor = options.snapshotExecutor();
    } else {
      this.ownSnapshotThread = Executors.newSingleThreadExecutor(daemon("prodtrack-filestore-snapshot"));
      this.snapshotExecutor = ownSnapshotThread;
    }
    if (options.fsync() == FileStoreOptions.FsyncPolicy.ASYNC) {
      this.asyncSyncer = Executors.newSingleThreadScheduledExecutor(daemon("prodtrack-filestore-fsync"));
      long every = options.asyncInterval().toNanos();
      asyncSyncer.scheduleWithFixedDelay(this::syncNow, every, every, TimeUnit.NANOSECONDS);
    } else {
      this.asyncSyncer = null;
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Opens (creating it if needed) the store in {@code dir} with the default options.
   *
   * @param dir the store directory; its parent must exist
   * @return the open store, recovered; call {@link #load(Consumer)} next (the engine does)
   * @throws NullPointerException if {@code dir} is null
   * @throws StorageException with reason {@link Reason#LOCKED} if the store is open elsewhere, {@link
   *     Reason#CORRUPT} ({@link CorruptStoreException}) on mid-log corruption, {@link
   *     Reason#UNSUPPORTED_VERSION} for files of another format version, {@link Reason#IO} if the
   *     directory cannot be read or written; the lock is released again on failure
   */
  public static FileStore open(Path dir) {
    return open(dir, FileStoreOptions.defaults());
  }

  /**
   * Opens (creating it if needed) the store in {@code dir}.
   *
   * @param dir the store directory; its parent must exist
   * @param options the options; not null
   * @return the open store, recovered; call {@link #load(Consumer)} next (the engine does)
   * @throws NullPointerException if an argument is null
   * @throws StorageException as {@link #open(Path)}
   */
  public static FileStore open(Path dir, FileStoreOptions options) {
    return open(dir, options, OsFileLayer.INSTANCE);
  }

  static FileStore open(Path dir, FileStoreOptions options, FileLayer fs) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    Path base = dir.toAbsolutePath().normalize();
    long started = System.nanoTime();
    Closeable lock;
    try {
      fs.createDirectory(base);
      lock = fs.lock(base.resolve(Format.LOCK_FILE), diagnostics(options));
    } catch (FileLayer.LockHeldException e) {
      throw new StorageException(Reason.LOCKED, "cannot open the store in " + base + ": " + e.getMessage()
          + "; close the other FileStore (or stop the other process) first", e);
    } catch (IOException e) {
      throw new StorageException(Reason.IO, "cannot open the store in " + base + ": " + e, e);
    }
    try {
      Recovery.Result r = Recovery.run(fs, base, options);
      List<String> notes = new ArrayList<>(r.notes);
      notes.add("recovery took " + (System.nanoTime() - started) / 1_000_000 + " ms");
      return new FileStore(base, options, fs, lock, r, notes);
    } catch (StorageException e) {
      closeQuietly(lock, e);
      throw e;
    } catch (IOException e) {
      StorageException failure = new StorageException(Reason.IO, "cannot recover the store in " + base + ": " + e, e);
      closeQuietly(lock, failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      closeQuietly(lock, e);
      throw e;
    }
  }

  private static String diagnostics(FileStoreOptions options) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      host = "unknown";
    }
    return "prodtrack FileStore lock (for diagnostics only; the OS lock is the guard)\npid="
        + ProcessHandle.current().pid() + "\nhost=" + host + "\nstarted=" + options.clock().instant() + "\n";
  }

  private static void closeQuietly(Closeable c, Throwable primary) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      primary.addSuppressed(e);
    }
  }

  /**
   * What recovery did when this store was opened (the same report {@link #load} returns). Before the
   * load, when the journal changed records after the newest snapshot, the first call counts the live
   * records by reading the snapshot's keys from disk.
   *
   * @return the report, never null
   * @throws StorageException with reason {@link Reason#IO} if the snapshot cannot be read for the count,
   *     {@link Reason#CORRUPT} if it no longer passes its checks
   */
  public RecoveryReport recoveryReport() {
    RecoveryReport r = report;
    if (r != null) {
      return r;
    }
    mutex.lock();
    try {
      if (report == null) {
        long[] count = new long[1];
        forEachLive(rec -> count[0]++);
        report = new RecoveryReport(count[0], recoveredSeq, recoveredBytesTrimmed, recoveryNotes);
      }
      return report;
    } finally {
      mutex.unlock();
    }
  }

  /**
   * Called holding the mutex: streams every live record (the base's unchanged ones from its file, then
   * the changed ones), waiting first for a write in progress to end.
   */
  private void forEachLive(Consumer<StoredRecord> sink) {
    while (writing) { // the writer updates the index holding the token, not the mutex
      awaitChange();
    }
    if (base != null) {
      streamBase(base, touched, sink);
    }
    live.values().forEach(sink);
  }

  /**
   * Streams a base snapshot's records, in file order, but those whose key is in {@code changed}.
   *
   * @throws StorageException with reason {@link Reason#IO} if the file cannot be read, {@link
   *     Reason#CORRUPT} if it fails a check it passed at recovery (it changed on disk since)
   */
  private void streamBase(Recovery.Base b, java.util.Set<RecordKey> changed, Consumer<StoredRecord> sink) {
    boolean check = !changed.isEmpty();
    try (SnapshotReader r = openBase(b)) {
      for (List<StoredRecord> chunk; (chunk = r.nextChunk()) != null; ) {
        for (StoredRecord rec : chunk) {
          if (!check || !changed.contains(rec.key())) {
            sink.accept(rec);
          }
        }
      }
      if (r.records() != b.records()) {
        throw new SnapshotReader.Corrupt("holds " + r.records() + " records, " + b.records() + " at recovery");
      }
    } catch (IOException e) {
      throw new StorageException(Reason.IO, "cannot read snapshot " + dir.resolve(b.name()) + ": " + e, e);
    } catch (Format.BadHeader | SnapshotReader.Corrupt e) {
      throw new StorageException(Reason.CORRUPT, "snapshot " + dir.resolve(b.name())
          + " passed its checks when the store was opened and fails them now: " + e.getMessage());
    }
  }

  private SnapshotReader openBase(Recovery.Base b)
      throws IOException, Format.BadHeader, SnapshotReader.Corrupt {
    return SnapshotReader.open(fs, dir.resolve(b.name()), b.seq(), storeId, options.maxRecordBytes(),
        Recovery.WINDOW_BYTES, true, true);
  }

  /**
   * {@inheritDoc}
   *
   * @return {@link Capability#PERSISTENT}, {@link Capability#CRASH_RECOVERY}, {@link
   *     Capability#SNAPSHOTS}, {@link Capability#EXCLUSIVE_LOCK}, and {@link
   *     Capability#DURABLE_ON_COMMIT} under the SYNC and SYNC_BATCH policies
   */
  @Override
  public Set<Capability> capabilities() {
    requireNotClosed("capabilities");
    EnumSet<Capability> caps = EnumSet.of(Capability.PERSISTENT, Capability.CRASH_RECOVERY, Capability.SNAPSHOTS,
        Capability.EXCLUSIVE_LOCK);
    if (options.fsync() == FileStoreOptions.FsyncPolicy.SYNC || options.fsync() == FileStoreOptions.FsyncPolicy.SYNC_BATCH) {
      caps.add(Capability.DURABLE_ON_COMMIT);
    }
    return Set.copyOf(caps);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Recovery already ran in {@link #open}; this streams, from the calling thread, the newest
   * snapshot's records from its file in file order (checking the file again; those the journal changed
   * after it left out), then the records the journal put after it, from memory.
   *
   * @throws StorageException also with reason {@link Reason#IO} if the snapshot cannot be read, {@link
   *     Reason#CORRUPT} if it fails a check it passed when the store was opened
   */
  @Override
  public RecoveryReport load(Consumer<StoredRecord> sink) {
    Objects.requireNonNull(sink, "sink");
    Recovery.Base b;
    java.util.Set<RecordKey> changed;
    StoredRecord[] records;
    mutex.lock();
    try {
      requireNotClosed("load");
      if (loaded) {
        throw new IllegalStateException("load may be called once per opened store and was called already;"
            + " reopen the store to load again");
      }
      loaded = true;
      while (writing) {
        awaitChange();
      }
      b = base;
      changed = b == null || touched.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(touched);
      records = live.values().toArray(new StoredRecord[0]);
    } finally {
      mutex.unlock();
    }
    long[] count = {records.length};
    if (b != null) {
      streamBase(b, changed, r -> {
        count[0]++;
        sink.accept(r);
      });
    }
    for (StoredRecord r : records) {
      sink.accept(r);
    }
    RecoveryReport r = report;
    if (r == null) {
      r = new RecoveryReport(count[0], recoveredSeq, recoveredBytesTrimmed, recoveryNotes);
      report = r;
    }
    return r;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The record count per kind of the snapshot recovery loaded (empty without one); the journal
   * replayed after it is not counted.
   */
  @Override
  public Map<String, Integer> expectedLoadCounts() {
    return expectedLoadCounts;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the change set is written and, under SYNC and SYNC_BATCH, an fsync covered it:
   * {@link #submit(ChangeSet)} followed by {@link #awaitCommitted(long)}. A change set whose encoding
   * exceeds {@link FileStoreOptions#maxRecordBytes()} is refused with reason {@link Reason#TOO_LARGE}
   * before anything is written; the store stays usable.
   */
  @Override
  public long commit(ChangeSet changes) {
    long seq = submit(changes);
    awaitCommitted(seq);
    return seq;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Gives the change set the next sequence number and queues it; nothing is encoded or written yet
   * (the writer encodes it straight into its batch). The queue is written by whichever thread waits in
   * {@link #awaitCommitted(long)} (or {@link #close()}) when no write is in progress, so change sets
   * submitted while an fsync runs share the next one. A change set whose encoding would exceed {@link
   * FileStoreOptions#maxRecordBytes()} is refused with reason {@link Reason#TOO_LARGE}; nothing is
   * queued and the store stays usable.
   */
  @Override
  public long submit(ChangeSet changes) {
    Objects.requireNonNull(changes, "changes");
    long size = PayloadCodec.encodedSize(changes);
    mutex.lock();
    try {
      requireUsable("commit");
      if (!loaded) {
        throw new IllegalStateException("commit before load: call load once on an opened store before its first"
            + " commit");
      }
      if (size > options.maxRecordBytes()) {
        throw new StorageException(Reason.TOO_LARGE, "change set of " + changes.size() + " puts and deletes encodes to "
            + size + " bytes, more than maxRecordBytes=" + options.maxRecordBytes() + "; nothing was written");
      }
      Pending p = new Pending(changes, (int) size);
      p.seq = ++lastAssignedSeq;
      queue.add(p);
      return p.seq;
    } finally {
      mutex.unlock();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>If no write is in progress the calling thread becomes the writer: it writes the queued change
   * sets (up to 256 or 1 MiB per write) and syncs once per write as the policy says, until its own
   * change set is durable; then it hands the writing token on to the parked committer with the lowest
   * sequence number, if change sets are still queued. Otherwise it parks until the writer has written
   * its change set, or hands it the writing token. Each waiting thread is woken once, when its change set
   * is durable or the store failed. An I/O error fails the store and every change set still queued or
   * being written with it.
   *
   * @throws IllegalArgumentException if {@code sequence} was never given out by this opened store
   */
  @Override
  public void awaitCommitted(long sequence) {
    if (sequence <= lastWrittenSeq) {
      maybeSnapshot();
      return;
    }
    Waiter me = null;
    boolean interrupted = false;
    boolean locked = true;
    mutex.lock();
    try {
      if (sequence > lastAssignedSeq) {
        throw new IllegalArgumentException("sequence must be one this store gave out (at most " + lastAssignedSeq
            + "), was " + sequence);
      }
      while (lastWrittenSeq < sequence) {
        if (dropped != null) {
          throw dropped;
        }
        if (!writing) {
          lead(sequence);
        } else {
          if (me == null) {
            me = new Waiter(sequence, Thread.currentThread());
          }
          if (!me.queued) {
            me.queued = true;
            waiters.add(me);
          }
          mutex.unlock();
          locked = false;
          LockSupport.park(this);
          // keep waiting, as awaitUninterruptibly does: an interrupt must not make this loop spin
          interrupted |= Thread.interrupted();
          if (me.released && lastWrittenSeq >= sequence) {
            break; // the writer took this waiter off the queue: no need to take the mutex again
          }
          mutex.lock();
          locked = true;
        }
      }
    } finally {
      if (locked) {
        if (me != null && me.queued) {
          waiters.remove(me);
          me.queued = false;
        }
        mutex.unlock();
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    maybeSnapshot();
  }

  /**
   * Called holding the mutex, with no write in progress: takes the writing token, writes batches until
   * {@code own} is written (or the store failed), and releases the token, waking the parked committer
   * with the lowest sequence number if more change sets are queued. (Going on writing the next batches
   * instead, without waking anyone, was measured too: it made smaller batches, more fsyncs and more
   * context switches per commit, and no more commits per second.)
   */
  private void lead(long own) {
    writing = true;
    try {
      while (lastWrittenSeq < own && !queue.isEmpty() && dropped == null) {
        writeQueued();
      }
    } finally {
      releaseToken();
    }
  }

  /**
   * Called holding the mutex and the writing token: gives the token up, and makes sure someone takes
   * it up if change sets are queued: the threads waiting on {@code changed}, else the parked committer
   * with the lowest sequence number.
   */
  private void releaseToken() {
    writing = false;
    if (conditionWaiters > 0) {
      changed.signalAll();
    }
    if (!queue.isEmpty()) {
      Waiter next = waiters.peek();
      if (next != null) {
        LockSupport.unpark(next.thread);
      }
    }
  }

  /** Waits on {@code changed}, counted, so that a writer releasing the token knows to signal it. */
  private void awaitChange() {
    conditionWaiters++;
    try {
      changed.awaitUninterruptibly();
    } finally {
      conditionWaiters--;
    }
  }

  /** Called holding the mutex: wakes every parked committer whose change set is written. */
  private void wakeWritten() {
    Waiter w;
    while ((w = waiters.peek()) != null && w.seq <= lastWrittenSeq) {
      waiters.poll();
      w.queued = false;
      w.released = true;
      LockSupport.unpark(w.thread);
    }
  }

  /** Called holding the mutex: wakes every parked committer (the store failed or closed). */
  private void wakeAll() {
    Waiter w;
    while ((w = waiters.poll()) != null) {
      w.queued = false;
      LockSupport.unpark(w.thread);
    }
  }

  /** Called holding the mutex and the writing token: writes one batch of queued commits. */
  private void writeQueued() {
    if (options.fsync() == FileStoreOptions.FsyncPolicy.SYNC_BATCH && !options.batchWindow().isZero()) {
      mutex.unlock();
      try {
        LockSupport.parkNanos(options.batchWindow().toNanos());
      } finally {
        mutex.lock();
      }
      if (queue.isEmpty() || dropped != null) {
        return;
      }
    }
    List<Pending> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH_RECORDS));
    int bytes = 0;
    while (!queue.isEmpty() && batch.size() < MAX_BATCH_RECORDS
        && (batch.isEmpty() || bytes + Format.FRAME_BYTES + queue.peek().size <= MAX_BATCH_BYTES)) {
      Pending next = queue.poll();
      bytes += Format.FRAME_BYTES + next.size;
      batch.add(next);
    }
    Throwable error = null;
    mutex.unlock();
    try {
      writeBatch(batch, bytes);
      // the index of changed records is updated only by the token holder (snapshots copy it holding the token)
      for (Pending p : batch) {
        for (StoredRecord r : p.changes.puts()) {
          live.put(r.key(), r);
          touched.add(r.key());
        }
        for (RecordKey k : p.changes.deletes()) {
          live.remove(k);
          touched.add(k);
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      error = e;
    } finally {
      mutex.lock();
    }
    if (error == null) {
      lastWrittenSeq = batch.get(batch.size() - 1).seq;
      journalBytesSinceSnapshot += bytes;
      if (options.autoSnapshot()
          && journalBytesSinceSnapshot > Math.max(options.snapshotMinBytes(), 2 * lastSnapshotBytes)) {
        snapshotDue = true;
      }
      wakeWritten();
    } else {
      failLocked(error, "writing change sets " + batch.get(0).seq + ".." + batch.get(batch.size() - 1).seq);
    }
  }

  /** Called holding the writing token, not the mutex: encodes, frames, writes and syncs one batch. */
  private void writeBatch(List<Pending> batch, int bytes) throws IOException {
    if (current == null || (currentSize > Format.HEADER_BYTES && currentSize + bytes > options.segmentBytes())) {
      roll(batch.get(0).seq);
    }
    byte[] buffer = bytes <= batchBuffer.length ? batchBuffer : new byte[bytes];
    if (buffer != batchBuffer && bytes <= BATCH_BUFFER_KEPT) {
      batchBuffer = buffer;
    }
    int offset = 0;
    int crc = chainCrc;
    for (Pending p : batch) {
      int end = PayloadCodec.encodeInto(p.changes, buffer, offset + Format.FRAME_BYTES);
      if (end != offset + Format.FRAME_BYTES + p.size) {
        throw new IllegalStateException("change set " + p.seq + " encoded to " + (end - offset - Format.FRAME_BYTES)
            + " bytes, " + p.size + " expected");
      }
      crc = Format.frameInPlace(buffer, offset, currentSalt, crc, Format.TYPE_CHANGE_SET, p.seq, p.size);
      offset = end;
    }
    current.write(ByteBuffer.wrap(buffer, 0, bytes), currentSize);
    currentSize += bytes;
    chainCrc = crc;
    switch (options.fsync()) {
      case SYNC, SYNC_BATCH -> current.force(false);
      case ASYNC -> {
        if (System.nanoTime() - lastForceNanos >= options.asyncInterval().toNanos()) {
          current.force(false);
          lastForceNanos = System.nanoTime();
        }
      }
      case NONE -> { }
      default -> throw new IllegalStateException("unknown policy " + options.fsync());
    }
  }

  /** Starts a new journal segment whose first record will be {@code firstSeq}. Holding the token. */
  private void roll(long firstSeq) throws IOException {
    if (current != null) {
      if (options.fsync() == FileStoreOptions.FsyncPolicy.ASYNC) {
        current.force(false);
      }
      current.close();
      current = null;
    }
    String name = Format.journalName(firstSeq);
    Path file = dir.resolve(name);
    fs.delete(file); // only ever an empty segment of an earlier session (recovery read everything else)
    int salt = options.random().nextInt();
    byte[] header = new Format.SegmentHeader(storeId, nextSegmentNumber, firstSeq, options.clock().millis(), salt,
        chainCrc).encode();
    FileLayer.Handle h = fs.open(file, true);
    current = h;
    h.write(ByteBuffer.wrap(header), 0);
    h.force(true);
    fs.syncDirectory(dir);
    nextSegmentNumber++;
    currentSize = header.length;
    currentSalt = salt;
    mutex.lock();
    try {
      segments.put(firstSeq, name);
    } finally {
      mutex.unlock();
    }
  }

  /** ASYNC policy: the periodic fsync. */
  private void syncNow() {
    mutex.lock();
    try {
      if (closed || !health.isOk()) {
        return;
      }
      while (writing) {
        awaitChange();
      }
      if (closed || !health.isOk() || current == null) {
        return;
      }
      writing = true;
    } finally {
      mutex.unlock();
    }
    Throwable error = null;
    try {
      current.force(false);
      lastForceNanos = System.nanoTime();
    } catch (IOException | RuntimeException e) {
      error = e;
    }
    mutex.lock();
    try {
      if (error != null) {
        failLocked(error, "the periodic fsync");
      }
      releaseToken();
    } finally {
      mutex.unlock();
    }
  }

  // ---- snapshots ----

  /**
   * Writes a snapshot of the current state now, then deletes what it makes redundant (journal segments
   * covered by the second-newest snapshot, snapshots beyond the newest two). Waits for a running
   * automatic snapshot first. Commits from other threads continue meanwhile.
   *
   * @return the sequence number of the last change set the snapshot contains
   * @throws StorageException with reason {@link Reason#CLOSED} if closed, {@link Reason#FAILED} if the
   *     store failed earlier, {@link Reason#IO} if writing the snapshot failed (the store is then
   *     failed; the journal still holds every commit)
   * @throws IllegalStateException if {@link #load(Consumer)} has not been called
   */
  public long compact() {
    mutex.lock();
    try {
      requireUsable("compact");
      if (!loaded) {
        throw new IllegalStateException("compact before load: call load once on an opened store first");
      }
      while (snapshotRunning) {
        awaitChange();
        requireUsable("compact");
      }
      snapshotRunning = true;
    } finally {
      mutex.unlock();
    }
    SnapshotTask task = prepareSnapshot();
    if (task == null) {
      throw failure("compact");
    }
    task.run();
    mutex.lock();
    try {
      if (!health.isOk()) {
        throw failure("compact");
      }
      return task.seq;
    } finally {
      mutex.unlock();
    }
  }

  private StorageException failure(String operation) {
    StoreHealth h = health;
    if (h.state() == StoreHealth.State.CLOSED) {
      return new StorageException(Reason.CLOSED, operation + " refused: the store is closed");
    }
    Throwable cause = h.cause().orElse(null);
    return cause instanceof StorageException se && se.reason() == Reason.IO ? se
        : new StorageException(Reason.FAILED, operation + " failed: the store failed", cause);
  }

  private void maybeSnapshot() {
    if (!options.autoSnapshot() || !snapshotDue) {
      return;
    }
    mutex.lock();
    try {
      long threshold = Math.max(options.snapshotMinBytes(), 2 * lastSnapshotBytes);
      if (journalBytesSinceSnapshot <= threshold) {
        snapshotDue = false; // the threshold grew with the last snapshot
      }
      if (snapshotRunning || closed || !health.isOk() || journalBytesSinceSnapshot <= threshold) {
        return;
      }
      snapshotRunning = true;
    } finally {
      mutex.unlock();
    }
    SnapshotTask task = prepareSnapshot();
    if (task != null) {
      try {
        snapshotExecutor.execute(task);
      } catch (RuntimeException e) {
        mutex.lock();
        try {
          snapshotRunning = false;
          changed.signalAll();
        } finally {
          mutex.unlock();
        }
      }
    }
  }

  /**
   * With {@code snapshotRunning} set: waits for the writing token, copies the index and moves the
   * journal to a new segment starting after the snapshot. Returns null (and clears {@code
   * snapshotRunning}) if the store failed or closed meanwhile.
   */
  private SnapshotTask prepareSnapshot() {
    long seq;
    int crc;
    List<StoredRecord> copy;
    java.util.Set<RecordKey> copyTouched;
    List<RecordKey> deleted;
    Recovery.Base from;
    mutex.lock();
    try {
      while (writing && health.isOk() && !closed) {
        awaitChange();
      }
      if (!health.isOk() || closed) {
        snapshotRunning = false;
        changed.signalAll();
        return null;
      }
      writing = true;
      seq = lastWrittenSeq;
      crc = chainCrc;
      copy = new ArrayList<>(live.values());
      from = base;
      // the base's records to leave out (none without a base: the index then holds every record)
      copyTouched = from == null ? java.util.Set.of() : new java.util.HashSet<>(touched);
      deleted = new ArrayList<>();
      for (RecordKey k : touched) {
        if (!live.containsKey(k)) {
          deleted.add(k);
        }
      }
      journalBytesSinceSnapshot = 0;
      snapshotDue = false;
    } finally {
      mutex.unlock();
    }
    Throwable error = null;
    try {
      if (current == null || currentSize > Format.HEADER_BYTES) {
        roll(seq + 1);
      }
    } catch (IOException | RuntimeException e) {
      error = e;
    }
    mutex.lock();
    try {
      if (error != null) {
        failLocked(error, "starting a journal segment for snapshot " + seq);
        snapshotRunning = false;
        return null;
      }
      return new SnapshotTask(seq, crc, from, copy, copyTouched, deleted);
    } finally {
      releaseToken();
      changed.signalAll();
      mutex.unlock();
    }
  }

  /** Writes one snapshot and deletes what it makes redundant. */
  private final class SnapshotTask implements Runnable {
    final long seq;
    final int chain;
    final Recovery.Base from;
    final List<StoredRecord> changedRecords;
    final java.util.Set<RecordKey> changedKeys;
    final List<RecordKey> deletedKeys;

    /**
     * @param from the base the snapshot starts from, or null
     * @param changedRecords the records the index held when the task was made (put since the base, or
     *     every record without one)
     * @param changedKeys the keys put or deleted since the base, as then (empty without a base)
     * @param deletedKeys the keys deleted since the base (or since the store began), as then
     */
    SnapshotTask(long seq, int chain, Recovery.Base from, List<StoredRecord> changedRecords,
        java.util.Set<RecordKey> changedKeys, List<RecordKey> deletedKeys) {
      this.seq = seq;
      this.chain = chain;
      this.from = from;
      this.changedRecords = changedRecords;
      this.changedKeys = changedKeys;
      this.deletedKeys = deletedKeys;
    }

    @Override
    public void run() {
      Throwable error = null;
      long size = 0;
      try {
        long[] written = writeSnapshot(seq, chain, from, changedRecords, changedKeys);
        size = written[0];
        becomeBase(new Recovery.Base(Format.snapshotName(seq), seq, written[1]), changedRecords, deletedKeys);
        deleteRedundant(seq, size);
      } catch (IOException | RuntimeException | Error e) {
        error = e;
      }
      mutex.lock();
      try {
        if (error != null && !closed) {
          failLocked(error, "writing snapshot " + seq);
        }
        snapshotRunning = false;
        changed.signalAll();
      } finally {
        mutex.unlock();
      }
    }
  }

  /**
   * Writes snapshot {@code seq}: the base's records but the changed keys', merged in key order with the
   * changed records. Returns the file's size and its record count.
   */
  private long[] writeSnapshot(long seq, int chain, Recovery.Base from, List<StoredRecord> changedRecords,
      java.util.Set<RecordKey> changedKeys) throws IOException {
    // key order makes snapshot files reproducible (golden files), whatever the index's hash order
    List<StoredRecord> changedSorted = changedRecords;
    changedSorted.sort(KEY_ORDER);
    long count = 0;
    String name = Format.snapshotName(seq);
    Path tmp = dir.resolve(name + Format.TEMP_SUFFIX);
    fs.delete(tmp);
    int salt = options.random().nextInt();
    long position;
    try (FileLayer.Handle h = fs.open(tmp, true)) {
      h.write(ByteBuffer.wrap(new Format.SnapshotHeader(Format.SNAPSHOT_VERSION, storeId, seq, options.clock().millis(), salt, chain).encode()), 0);
      position = Format.HEADER_BYTES;
      CRC32C crcOfCrcs = new CRC32C();
      int prev = 0;
      long index = 1;
      List<StoredRecord> chunk = new ArrayList<>();
      java.util.Set<String> chunkKinds = new java.util.HashSet<>();
      long chunkBytes = 1 + 4; // kind count and record count
      // recovery refuses any frame longer than maxRecordBytes, so a chunk never is: a record fits alone,
      // since its change set did (8 bytes of counts + kind and id with their lengths + the payload's
      // length and bytes, at least the 15 bytes a chunk of one record adds to them in version 2)
      long chunkLimit = Math.min(SNAPSHOT_CHUNK_BYTES, options.maxRecordBytes());
      Merge merge = new Merge(from == null ? null : openBaseForSnapshot(from), changedKeys, changedSorted);
      try {
      for (StoredRecord next = merge.next(); ; next = merge.next()) {
        long entry = 0;
        boolean newKind = false;
        if (next != null) {
          String kind = next.key().kind();
          newKind = !chunkKinds.contains(kind);
          entry = PayloadCodec.chunkEntrySizeV2(next) + (newKind ? PayloadCodec.kindTableSize(kind) : 0);
        }
        boolean flush = next == null
            ? !chunk.isEmpty()
            : !chunk.isEmpty() && (chunkBytes + entry > chunkLimit
                || newKind && chunkKinds.size() == PayloadCodec.MAX_CHUNK_KINDS);
        if (flush) {
          byte[] payload = PayloadCodec.encodeChunkV2(chunk);
          byte[] frame = new byte[Format.FRAME_BYTES + payload.length];
          prev = Format.writeFrame(frame, 0, salt, prev, Format.TYPE_SNAPSHOT_CHUNK, index++, payload);
          crcOfCrcs.update(ByteBuffer.allocate(4).putInt(prev).array());
          h.write(ByteBuffer.wrap(frame), position);
          position += frame.length;
          chunk.clear();
          chunkKinds.clear();
          chunkBytes = 1 + 4;
        }
        if (next == null) {
          break;
        }
        chunk.add(next);
        count++;
        if (chunkKinds.add(next.key().kind())) {
          chunkBytes += PayloadCodec.kindTableSize(next.key().kind());
        }
        chunkBytes += PayloadCodec.chunkEntrySizeV2(next);
      }
      } finally {
        merge.close();
      }
      byte[] footer = ByteBuffer.allocate(28).putLong(count).putLong(index - 1).putLong(seq)
          .putInt((int) crcOfCrcs.getValue()).array();
      byte[] frame = new byte[Format.FRAME_BYTES + footer.length];
      Format.writeFrame(frame, 0, salt, prev, Format.TYPE_SNAPSHOT_FOOTER, index, footer);
      h.write(ByteBuffer.wrap(frame), position);
      position += frame.length;
      h.force(true);
    }
    fs.atomicMove(tmp, dir.resolve(name));
    fs.syncDirectory(dir);
    return new long[] {position, count};
  }

  private SnapshotReader openBaseForSnapshot(Recovery.Base b) throws IOException {
    try {
      return openBase(b);
    } catch (Format.BadHeader | SnapshotReader.Corrupt e) {
      throw new IOException("snapshot " + b.name() + ", the base of the next one, passed its checks when the store"
          + " was opened and fails them now: " + e.getMessage(), e);
    }
  }

  /**
   * The records of the next snapshot in key order: the base's (read from its file, checked again) but
   * those whose key changed since, merged with the changed records.
   */
  private static final class Merge implements Closeable {
    private final SnapshotReader base;
    private final java.util.Set<RecordKey> changedKeys;
    private final List<StoredRecord> changed;
    private List<StoredRecord> chunk = List.of();
    private int inChunk;
    private int inChanged;
    private StoredRecord baseHead;

    Merge(SnapshotReader base, java.util.Set<RecordKey> changedKeys, List<StoredRecord> changedSorted) {
      this.base = base;
      this.changedKeys = changedKeys;
      this.changed = changedSorted;
    }

    /** The next record, or null after the last. */
    StoredRecord next() throws IOException {
      if (baseHead == null) {
        baseHead = nextFromBase();
      }
      StoredRecord c = inChanged < changed.size() ? changed.get(inChanged) : null;
      if (baseHead == null && c == null) {
        return null;
      }
      if (c == null || baseHead != null && Recovery.compareKeys(baseHead.key(), c.key()) < 0) {
        StoredRecord r = baseHead;
        baseHead = null;
        return r;
      }
      inChanged++;
      return c;
    }

    private StoredRecord nextFromBase() throws IOException {
      if (base == null) {
        return null;
      }
      while (true) {
        while (inChunk < chunk.size()) {
          StoredRecord r = chunk.get(inChunk++);
          if (!changedKeys.contains(r.key())) {
            return r;
          }
        }
        try {
          chunk = base.nextChunk();
        } catch (SnapshotReader.Corrupt e) {
          throw new IOException("the base snapshot fails a check it passed when the store was opened: "
              + e.getMessage(), e);
        }
        inChunk = 0;
        if (chunk == null) {
          chunk = List.of();
          return null;
        }
      }
    }

    @Override
    public void close() throws IOException {
      if (base != null) {
        base.close();
      }
    }
  }

  /**
   * After snapshot {@code b} is durable: makes it the base, and drops from the index what it now holds:
   * each record still the one the snapshot was taken from, and the keys deleted then.
   */
  private void becomeBase(Recovery.Base b, List<StoredRecord> records, List<RecordKey> deletedKeys) {
    mutex.lock();
    try {
      while (writing) { // the writer updates the index holding the token, not the mutex
        awaitChange();
      }
      base = b;
      for (StoredRecord r : records) {
        if (live.get(r.key()) == r) {
          live.remove(r.key());
          touched.remove(r.key());
        }
      }
      // a key deleted then is not in the new base: nothing of the base needs hiding behind it, whatever
      // happened to it since (a record put again is in the index)
      for (RecordKey k : deletedKeys) {
        touched.remove(k);
      }
    } finally {
      mutex.unlock();
    }
  }

  /** After snapshot {@code seq} is durable: deletes segments and snapshots it makes redundant. */
  private void deleteRedundant(long seq, long size) throws IOException {
    List<String> doomed = new ArrayList<>();
    mutex.lock();
    try {
      snapshots.put(seq, size);
      lastSnapshotBytes = size;
      while (snapshots.size() > 2) {
        doomed.add(Format.snapshotName(snapshots.pollFirstEntry().getKey()));
      }
      if (snapshots.size() == 2) {
        long covered = snapshots.firstKey();
        // a segment is redundant when the next one starts at or before covered + 1
        List<Long> firsts = new ArrayList<>(segments.keySet());
        for (int i = 0; i + 1 < firsts.size(); i++) {
          if (firsts.get(i + 1) <= covered + 1) {
            doomed.add(segments.remove(firsts.get(i)));
          }
        }
      }
    } finally {
      mutex.unlock();
    }
    if (!doomed.isEmpty()) {
      for (String name : doomed) {
        fs.delete(dir.resolve(name));
      }
      fs.syncDirectory(dir);
    }
  }

  // ---- health and life cycle ----

  /** Called holding the mutex: fails the store and every queued commit. */
  private StorageException failLocked(Throwable error, String what) {
    StorageException failure = error instanceof StorageException se && se.reason() == Reason.IO ? se
        : new StorageException(Reason.IO, "I/O error while " + what + " in " + dir + ": " + error
            + "; the store refuses further commits until reopened", error);
    if (health.isOk()) {
      health = StoreHealth.failed(failure);
    }
    if (dropped == null) {
      dropped = failure;
    }
    queue.clear();
    changed.signalAll();
    wakeAll();
    return failure;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Never blocks.
   */
  @Override
  public StoreHealth health() {
    return health;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Waits for a running write and snapshot, syncs the journal under the ASYNC policy, closes the
   * files and releases the lock.
   */
  @Override
  public void close() {
    shutdown(true);
  }

  /**
   * Abandons the store as a killed process would: no sync, no waiting for queued commits; files are
   * closed and the lock released (as the kernel does at process death). Test hook for crash tests.
   */
  void abandon() {
    shutdown(false);
  }

  private void shutdown(boolean clean) {
    mutex.lock();
    try {
      if (closed) {
        return;
      }
      if (clean) {
        // submitted change sets are written before the store closes, as commit order promises
        while (writing || snapshotRunning || (!queue.isEmpty() && health.isOk())) {
          if (!writing && !queue.isEmpty() && health.isOk()) {
            lead(queue.peekLast().seq);
          } else {
            awaitChange();
          }
        }
      }
      closed = true;
      health = StoreHealth.CLOSED;
      if (dropped == null) {
        dropped = new StorageException(Reason.CLOSED, "the store in " + dir + " was closed before the change set"
            + " was committed");
      }
      queue.clear();
      changed.signalAll();
      wakeAll();
    } finally {
      mutex.unlock();
    }
    if (asyncSyncer != null) {
      asyncSyncer.shutdownNow();
      awaitQuietly(asyncSyncer);
    }
    if (ownSnapshotThread != null) {
      ownSnapshotThread.shutdown();
      awaitQuietly(ownSnapshotThread);
    }
    try {
      if (current != null) {
        if (clean && options.fsync() == FileStoreOptions.FsyncPolicy.ASYNC) {
          current.force(false);
        }
        current.close();
      }
    } catch (IOException e) {
      // closing after the last acknowledged commit: nothing acknowledged depends on it
    } finally {
      current = null;
      try {
        lock.close();
      } catch (IOException e) {
        // the lock goes with the channel; nothing to do
      }
    }
  }

  private static void awaitQuietly(ExecutorService executor) {
    boolean interrupted = false;
    while (true) {
      try {
        if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void requireNotClosed(String operation) {
    if (health.state() == StoreHealth.State.CLOSED) {
      throw new StorageException(Reason.CLOSED, operation + " refused: the FileStore in " + dir
          + " is closed; open it again with FileStore.open");
    }
  }

  private void requireUsable(String operation) {
    requireNotClosed(operation);
    StoreHealth h = health;
    if (h.state() == StoreHealth.State.FAILED) {
      throw new StorageException(Reason.FAILED, operation + " refused: the FileStore in " + dir + " failed earlier ("
          + h.cause().orElseThrow().getMessage() + ") and refuses work until reopened", h.cause().orElseThrow());
    }
  }

  /**
   * A short description for logs: the directory, the state and the last sequence number.
   *
   * @return a description such as {@code FileStore[/data/studio, OK, lastSequence=40]}
   */
  @Override
  public String toString() {
    return "FileStore[" + dir + ", " + health.state() + ", lastSequence=" + lastWrittenSeq + "]";
  }

  // test hooks
  long lastSequence() {
    return lastWrittenSeq;
  }

  Map<RecordKey, StoredRecord> liveCopy() {
    mutex.lock();
    try {
      Map<RecordKey, StoredRecord> copy = new HashMap<>();
      forEachLive(r -> copy.put(r.key(), r));
      return copy;
    } finally {
      mutex.unlock();
    }
  }

  /** The records held on the heap (put since the base snapshot), for the tests. */
  int changedRecordsHeld() {
    mutex.lock();
    try {
      return live.size();
    } finally {
      mutex.unlock();
    }
  }
}
