package dev.prodtrack.storage.file;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * How a {@link FileStore} writes, snapshots and recovers. Immutable; start from {@link #defaults()}
 * and change one setting at a time with the {@code withX} methods.
 *
 * @param fsync when a commit is acknowledged relative to fsync
 * @param batchWindow for {@link FsyncPolicy#SYNC_BATCH}: how long the writer waits for more commits
 *     before one write and one fsync cover them all
 * @param asyncInterval for {@link FsyncPolicy#ASYNC}: the longest time between fsyncs
 * @param maxRecordBytes the largest encoded change set (and snapshot chunk), checked before allocating
 *     on both the write and the read path; at least 1 KiB
 * @param segmentBytes the size after which the journal moves to a new segment file
 * @param snapshotMinBytes automatic snapshots start once the journal written since the last snapshot
 *     exceeds {@code max(snapshotMinBytes, 2 × last snapshot size)}
 * @param autoSnapshot whether automatic snapshots are taken at all ({@link FileStore#compact()} works
 *     either way)
 * @param corruption what recovery does on corruption in the middle of the journal
 * @param clock where the creation times written into file headers come from (for humans only)
 * @param random where the store id and the per-file CRC salts come from
 * @param snapshotExecutor where automatic snapshots are written; null for a dedicated daemon thread
 *     per store
 */
public record FileStoreOptions(FsyncPolicy fsync, Duration batchWindow, Duration asyncInterval, int maxRecordBytes,
    long segmentBytes, long snapshotMinBytes, boolean autoSnapshot, CorruptionPolicy corruption,
    InstantSource clock, RandomGenerator random, Executor snapshotExecutor) {

  /** When a commit is acknowledged. */
  public enum FsyncPolicy {
    /** After an fsync covered the change set (the default): survives power loss. */
    SYNC,
    /**
     * After an fsync covered the change set, but the writer first waits {@code batchWindow} so that
     * one fsync covers more commits: more latency, more throughput. Survives power loss.
     */
    SYNC_BATCH,
    /**
     * After the change set reached the operating system; an fsync follows within {@code
     * asyncInterval}. Survives a process crash; power loss may drop up to that interval of commits.
     */
    ASYNC,
    /** After the change set reached the operating system; no fsync at all. Tests and benchmarks. */
    NONE
  }

  /** What recovery does when the journal is corrupt before its last record. */
  public enum CorruptionPolicy {
    /** Refuse to open with {@link CorruptStoreException} (the default). */
    FAIL,
    /**
     * Keep the longest valid prefix: quarantine everything after the first bad record, report it,
     * and open.
     */
    POINT_IN_TIME
  }

  /**
   * Validates every setting.
   *
   * @throws NullPointerException if a setting other than {@code snapshotExecutor} is null
   * @throws IllegalArgumentException if a size or duration is out of range
   */
  public FileStoreOptions {
    Objects.requireNonNull(fsync, "fsync");
    Objects.requireNonNull(batchWindow, "batchWindow");
    Objects.requireNonNull(asyncInterval, "asyncInterval");
    Objects.requireNonNull(corruption, "corruption");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    if (batchWindow.isNegative() || batchWindow.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("batchWindow must be in [0, 1 s], was " + batchWindow);
    }
    if (asyncInterval.isNegative() || asyncInterval.isZero() || asyncInterval.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("asyncInterval must be in (0, 10 min], was " + asyncInterval);
    }
    if (maxRecordBytes < 1024 || maxRecordBytes > (1 << 30)) {
      throw new IllegalArgumentException("maxRecordBytes must be in [1 KiB, 1 GiB], was " + maxRecordBytes);
    }
    if (segmentBytes < 4096 || segmentBytes > (1L << 30)) {
      throw new IllegalArgumentException("segmentBytes must be in [4 KiB, 1 GiB], was " + segmentBytes);
    }
    if (snapshotMinBytes < 0) {
      throw new IllegalArgumentException("snapshotMinBytes must be >= 0, was " + snapshotMinBytes);
    }
  }

  /**
   * The defaults: {@link FsyncPolicy#SYNC}, 200 µs batch window, 1 s async interval, 16 MiB records,
   * 64 MiB segments, automatic snapshots past 64 MiB of journal, {@link CorruptionPolicy#FAIL}, the
   * system clock, a {@link SecureRandom}, a dedicated snapshot thread.
   *
   * @return the default options
   */
  public static FileStoreOptions defaults() {
    return new FileStoreOptions(FsyncPolicy.SYNC, Duration.ofNanos(200_000), Duration.ofSeconds(1), 16 << 20,
        64L << 20, 64L << 20, true, CorruptionPolicy.FAIL, InstantSource.system(), new SecureRandom(), null);
  }

  /**
   * A copy with another fsync policy.
   *
   * @param policy the policy; not null
   * @return the copy
   */
  public FileStoreOptions withFsync(FsyncPolicy policy) {
    return new FileStoreOptions(policy, batchWindow, asyncInterval, maxRecordBytes, segmentBytes, snapshotMinBytes,
        autoSnapshot, corruption, clock, random, snapshotExecutor);
  }

  /**
   * A copy with another batch window (for {@link FsyncPolicy#SYNC_BATCH}).
   *
   * @param window the window, in [0, 1 s]
   * @return the copy
   */
  public FileStoreOptions withBatchWindow(Duration window) {
    return new FileStoreOptions(fsync, window, asyncInterval, maxRecordBytes, segmentBytes, snapshotMinBytes,
        autoSnapshot, corruption, clock, random, snapshotExecutor);
  }

  /**
   * A copy with another fsync interval (for {@link FsyncPolicy#ASYNC}).
   *
   * @param interval the interval, in (0, 10 min]
   * @return the copy
   */
  public FileStoreOptions withAsyncInterval(Duration interval) {
    return new FileStoreOptions(fsync, batchWindow, interval, maxRecordBytes, segmentBytes, snapshotMinBytes,
        autoSnapshot, corruption, clock, random, snapshotExecutor);
  }

  /**
   * A copy with another record size bound.
   *
   * @param bytes the bound, in [1 KiB, 1 GiB]
   * @return the copy
   */
  public FileStoreOptions withMaxRecordBytes(int bytes) {
    return new FileStoreOptions(fsync, batchWindow, asyncInterval, bytes, segmentBytes, snapshotMinBytes,
        autoSnapshot, corruption, clock, random, snapshotExecutor);
  }

  /**
   * A copy with another segment size.
   *
   * @param bytes the size, in [4 KiB, 1 GiB]
   * @return the copy
   */
  public FileStoreOptions withSegmentBytes(long bytes) {
    return new FileStoreOptions(fsync, batchWindow, asyncInterval, maxRecordBytes, bytes, snapshotMinBytes,
        autoSnapshot, corruption, clock, random, snapshotExecutor);
  }

  /**
   * A copy with other automatic snapshot settings.
   *
   * @param enabled whether automatic snapshots are taken
   * @param minBytes the journal size threshold floor, at least 0
   * @return the copy
   */
  public FileStoreOptions withAutoSnapshot(boolean enabled, long minBytes) {
    return new FileStoreOptions(fsync, batchWindow, asyncInterval, maxRecordBytes, segmentBytes, minBytes,
        enabled, corruption, clock, random, snapshotExecutor);
  }

  /**
   * A copy with another corruption policy.
   *
   * @param policy the policy; not null
   * @return the copy
   */
  public FileStoreOptions withCorruption(CorruptionPolicy policy) {
    return new FileStoreOptions(fsync, batchWindow, asyncInterval, maxRecordBytes, segmentBytes, snapshotMinBytes,
        autoSnapshot, policy, clock, random, snapshotExecutor);
  }

  /**
   * A copy with another clock and random source, for reproducible files.
   *
   * @param clock the clock; not null
   * @param random the random source; not null
   * @return the copy
   */
  public FileStoreOptions withSources(InstantSource clock, RandomGenerator random) {
    return new FileStoreOptions(fsync, batchWindow, asyncInterval, maxRecordBytes, segmentBytes, snapshotMinBytes,
        autoSnapshot, corruption, clock, random, snapshotExecutor);
  }

  /**
   * A copy with another snapshot executor ({@code Runnable::run} writes snapshots in the committing
   * thread, which makes tests deterministic).
   *
   * @param executor the executor; null for a dedicated daemon thread
   * @return the copy
   */
  public FileStoreOptions withSnapshotExecutor(Executor executor) {
    return new FileStoreOptions(fsync, batchWindow, asyncInterval, maxRecordBytes, segmentBytes, snapshotMinBytes,
        autoSnapshot, corruption, clock, random, executor);
  }
}
