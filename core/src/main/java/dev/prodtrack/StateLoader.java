package dev.prodtrack;

import dev.prodtrack.storage.StoredRecord;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Fills a {@link State} from the records a store loads, decoding on the store's thread while a second
 * thread applies the decoded records: a two-stage pipeline for the two halves of an engine open.
 *
 * <p>Design note. Decoding (JSON, ids, shared values) and applying ({@link State#put}, the indexes)
 * take most of an open, in a ratio of about two to one, and neither needs the other's data
 * structures: the decoding thread owns the {@link LoadPool}, the applying thread owns the state. The
 * decoded records go over in batches ({@value #BATCH} records) through a bounded queue (a few batches deep, so
 * decoding never runs far ahead of applying and the decoded objects do not pile up), in the order the
 * store delivered them, so the state is built by exactly the same sequence of {@code put} calls as a
 * single-threaded load and ends up identical. The applying thread starts only once the first batch is
 * full: a small store loads on the calling thread alone. The queue hands each batch over with a
 * happens-before edge, and {@link #finish()} joins the thread, so the caller sees the whole state.
 *
 * <p>The state is filled in its bulk-load mode ({@link State#beginBulkLoad()}): each task's comments are
 * appended as they arrive and ordered once by {@link #finish()}, which gives the lists one-by-one
 * ordered insertions give (a stable sort of the arrival order).
 *
 * <p>Errors: a record that does not decode throws {@link CorruptRecordException} from the sink, on the
 * store's thread, exactly as before; {@link #abort()} (called by the owner in a {@code finally}) then
 * stops the applying thread without applying the rest. An error while applying is rethrown by the next
 * hand-over or by {@link #finish()}.
 */
final class StateLoader implements Consumer<StoredRecord> {
  /** Records per batch handed to the applying thread, by default. */
  static final int BATCH = 2048;
  /** Batches queued at most. */
  private static final int DEPTH = 4;

  private final int batch;
  private final State state;
  private final List<PendingRecord> loaded;
  private final boolean concurrent;
  private LoadPool pool = new LoadPool(1 << 16);
  private boolean started;
  private final long[] order = new long[1];

  private Object[] records;
  private long[] orders;
  private int count;

  private BlockingQueue<Batch> queue;
  private Thread applier;
  private volatile Throwable applyFailure;
  private volatile boolean aborted;

  private record Batch(Object[] records, long[] orders, int count) {
    static final Batch END = new Batch(new Object[0], new long[0], 0);
  }

  /**
   * Creates a loader.
   *
   * @param state the empty state to fill
   * @param loaded receives a {@link PendingRecord} per record, in load order, or null
   * @param concurrent whether a second thread may apply (false: everything on the calling thread)
   * @param batch records per batch, at least 1 ({@link #BATCH} outside tests)
   * @throws IllegalStateException if the state holds comments already (a load fills an empty state)
   */
  StateLoader(State state, List<PendingRecord> loaded, boolean concurrent, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, was " + batch);
    }
    this.state = state;
    this.loaded = loaded;
    this.concurrent = concurrent;
    this.batch = batch;
    this.records = new Object[batch];
    this.orders = new long[batch];
    state.beginBulkLoad();
  }

  /**
   * Sizes the state's tables and the loader's pool of shared values for the records the store says it
   * is about to stream ({@link dev.prodtrack.storage.LoadSizeHint}); only before the first record
   * (afterwards nothing happens). A hint: the loaded state is the same whatever the counts.
   *
   * @param counts the expected record count per kind
   */
  void expect(java.util.Map<String, Integer> counts) {
    if (started) {
      return;
    }
    long total = 0;
    for (int c : counts.values()) {
      total += Math.max(0, c);
    }
    if (total > 1 << 16) {
      pool = new LoadPool((int) Math.min(1 << 27, total));
    }
    state.presize(counts);
  }

  /**
   * Decodes one stored record and queues it for applying.
   *
   * @param r the record
   * @throws CorruptRecordException if it does not decode
   */
  @Override
  public void accept(StoredRecord r) {
    started = true;
    Object record = RecordCodec.decodeLoaded(r.key().kind(), r.payload(), order, pool);
    records[count] = record;
    orders[count] = order[0];
    if (++count == batch) {
      handOver();
    }
  }

  /**
   * Applies what is left and waits for the applying thread.
   *
   * @throws RuntimeException what applying threw
   */
  void finish() {
    if (count > 0) {
      if (applier == null) {
        apply(records, orders, count);
      } else {
        put(new Batch(records, orders, count));
      }
      count = 0;
    }
    if (applier != null) {
      put(Batch.END);
      join();
      applier = null;
    }
    rethrow();
    state.endBulkLoad();
  }

  /** Stops the applying thread, if any, without applying what is queued; idempotent. */
  void abort() {
    aborted = true;
    if (applier != null) {
      queue.clear();
      applier.interrupt();
      join();
      applier = null;
    }
  }

  private void handOver() {
    if (!concurrent) {
      apply(records, orders, count);
      count = 0;
      return;
    }
    if (applier == null) {
      queue = new ArrayBlockingQueue<>(DEPTH);
      applier = new Thread(this::applyQueued, "prodtrack-load-apply");
      applier.setDaemon(true);
      applier.start();
    }
    put(new Batch(records, orders, count));
    records = new Object[batch];
    orders = new long[batch];
    count = 0;
  }

  private void put(Batch b) {
    try {
      while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        rethrow();
        if (!applier.isAlive()) {
          throw new IllegalStateException("the load's applying thread stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the store", e);
    }
  }

  private void join() {
    boolean interrupted = false;
    while (true) {
      try {
        applier.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void rethrow() {
    Throwable t = applyFailure;
    if (t instanceof RuntimeException e) {
      throw e;
    } else if (t instanceof Error e) {
      throw e;
    } else if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  private void applyQueued() {
    try {
      while (!aborted) {
        Batch b = queue.take();
        if (b == Batch.END) {
          return;
        }
        apply(b.records, b.orders, b.count);
      }
    } catch (InterruptedException e) {
      // aborted
    } catch (RuntimeException | Error e) {
      applyFailure = e;
    }
  }

  private void apply(Object[] rs, long[] os, int n) {
    for (int i = 0; i < n; i++) {
      Object record = rs[i];
      long o = os[i];
      state.put(record, o);
      if (loaded != null) {
        loaded.add(new PendingRecord(EngineRecords.idOf(record), record, o));
      }
      rs[i] = null;
    }
  }
}
