package dev.prodtrack.storage.memory;

import dev.prodtrack.storage.Capability;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.DeferredEncoding;
import dev.prodtrack.storage.DeferredRecord;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link Store} that keeps its records on the heap. It declares no {@linkplain Capability
 * capability}: nothing survives the process.
 *
 * <p>A {@code MemoryStore} is a <em>handle</em> over a <em>content</em> (the records and the last
 * sequence number). {@link #create()} makes a new, empty content and opens a handle over it. Closing a
 * handle keeps the content; {@link #reopen()} opens a new handle over it, as reopening a file store
 * opens the same directory again:
 *
 * <pre>{@code
 * MemoryStore store = MemoryStore.create();
 * try (ProdTrack studio = ProdTrack.builder().store(store).open()) {
 *   // ... mutations commit to the store
 * }                                      // closes the engine and the handle
 * MemoryStore again = store.reopen();    // same content, new handle: load() returns every record
 * }</pre>
 *
 * <p>At most one handle over a content is open at a time, as an exclusively locked file store
 * allows: {@link #reopen()} refuses while a handle over the same content is open. Each handle
 * follows the {@link Store} life cycle: {@link #load(Consumer)} once, then commits, then {@link
 * #close()}.
 *
 * <p>Design note. The content is a {@link HashMap} guarded by the content's monitor, shared by all
 * its handles. Records committed through {@link #commitDeferred} are kept as the writer's objects in
 * a second map and encoded only when bytes are needed: at the next load, or before the next plain
 * commit (so that the order of writes to one key is kept). A commit takes the monitor once, checks the handle's state, then puts or removes each
 * record of the change set and increments the sequence number: its cost is one map operation per
 * record and it copies nothing. Since every check that can refuse a commit runs before the first map
 * operation, a commit is applied whole or not at all, and a load (which takes the same monitor) never
 * sees part of one. Payload arrays are neither copied on commit nor on load, as {@link StoredRecord}
 * allows. The handle's health is a {@code volatile} field, so {@link #health()} is readable from any
 * thread without locking.
 *
 * <p>Failures: a real memory store does not fail, but engines must be tested against stores that do.
 * {@link #failNextCommit(Reason)} makes the next commit of a handle throw, leaving the content
 * unchanged.
 *
 * <p>Thread safety: every method may be called from any thread; calls on one content are serialised.
 */
public final class MemoryStore implements Store, DeferredEncoding {

  /**
   * The records and sequence number shared by every handle over one content; guarded by itself. A
   * record is either encoded ({@code records}) or deferred ({@code deferred}, by identity); a deferred
   * record is newer than an encoded one of the same key, which {@link #flush()} replaces.
   */
  private static final class Content {
    Map<RecordKey, StoredRecord> records = new HashMap<>();
    DeferredTable deferred = new DeferredTable();
    long lastSequence;
    MemoryStore openHandle;

    /** Encodes every deferred record into {@code records}. */
    void flush() {
      if (deferred.size() == 0) {
        return;
      }
      deferred.forEach(r -> {
        RecordKey key = r.key();
        records.put(key, new StoredRecord(key, r.encode()));
      });
      deferred = new DeferredTable();
    }
  }

  private final Content content;
  private volatile StoreHealth health = StoreHealth.OK;
  private boolean loaded;
  /** The content's sequence number when this handle loaded it: {@link #keepDecoded} is refused after a commit. */
  private long sequenceAtLoad;
  private Reason injectedFailure;

  private MemoryStore(Content content) {
    this.content = content;
    content.openHandle = this;
  }

  /**
   * Creates an empty content and opens a handle over it.
   *
   * @return an open handle over a new, empty content, on which {@link #load(Consumer)} is to be
   *     called next
   */
  public static MemoryStore create() {
    Content content = new Content();
    synchronized (content) {
      return new MemoryStore(content);
    }
  }

  /**
   * Opens a new handle over this handle's content: its {@link #load(Consumer)} streams every record
   * committed through earlier handles, and its sequence numbers continue theirs. Call it on a closed
   * handle (usually the last one), after the engine that used it was closed.
   *
   * <p>Like reopening a file store, the new handle starts {@linkplain StoreHealth.State#OK healthy}
   * whatever failure the earlier handles met.
   *
   * @return a new open handle over the same content
   * @throws IllegalStateException if a handle over the same content, this one or another, is still
   *     open; nothing changes
   */
  public MemoryStore reopen() {
    synchronized (content) {
      if (content.openHandle != null) {
        throw new IllegalStateException("cannot reopen a MemoryStore while a handle over the same"
            + " content is open (" + (content.openHandle == this ? "this one" : "another one")
            + "); close it first");
      }
      return new MemoryStore(content);
    }
  }

  /**
   * Test hook, for tests of how an engine copes with a failing store: makes the next {@link
   * #commit(ChangeSet)} of this handle throw a {@link StorageException} with the given reason instead
   * of committing. That commit leaves the content unchanged and gives out no sequence number. Like
   * a real adapter, the handle then follows the {@link Store} fail-stop rule: with reason {@link
   * Reason#IO} or {@link Reason#FAILED} it becomes {@linkplain StoreHealth.State#FAILED failed} and
   * refuses every further commit (reason {@link Reason#FAILED}) until {@linkplain #reopen()
   * reopened}; with any other reason (say {@link Reason#TOO_LARGE}) only that one commit is refused.
   * Calling this again before the next commit replaces the armed reason.
   *
   * @param reason the reason the next commit fails with; not null, not {@link Reason#CLOSED}
   * @throws NullPointerException if {@code reason} is null
   * @throws IllegalArgumentException if {@code reason} is {@link Reason#CLOSED}: close the handle
   *     instead
   * @throws StorageException with reason {@link Reason#CLOSED} if this handle is closed
   */
  public void failNextCommit(Reason reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason == Reason.CLOSED) {
      throw new IllegalArgumentException("reason must not be CLOSED (close the handle instead), was "
          + reason);
    }
    synchronized (content) {
      requireOpen("failNextCommit");
      injectedFailure = reason;
    }
  }

  /**
   * {@inheritDoc}
   *
   * @return the empty set: a memory store promises nothing beyond the base contract
   */
  @Override
  public Set<Capability> capabilities() {
    requireOpen("capabilities");
    return Set.of();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The sink is called outside the content's lock, from the calling thread. The report has no
   * trimmed bytes and no notes.
   */
  @Override
  public RecoveryReport load(Consumer<StoredRecord> sink) {
    Objects.requireNonNull(sink, "sink");
    StoredRecord[] records;
    long lastSequence;
    synchronized (content) {
      requireOpen("load");
      if (loaded) {
        throw new IllegalStateException("load may be called once per opened store and was called"
            + " already; reopen the store to load again");
      }
      loaded = true;
      content.flush();
      sequenceAtLoad = content.lastSequence;
      records = content.records.values().toArray(new StoredRecord[0]);
      lastSequence = content.lastSequence;
    }
    for (StoredRecord r : records) {
      sink.accept(r);
    }
    return new RecoveryReport(records.length, lastSequence, 0, List.of());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Costs one hash-map operation per put or delete; nothing is copied.
   */
  @Override
  public long commit(ChangeSet changes) {
    Objects.requireNonNull(changes, "changes");
    synchronized (content) {
      checkCommit(changes.size());
      content.flush();
      Map<RecordKey, StoredRecord> records = content.records;
      for (StoredRecord r : changes.puts()) {
        records.put(r.key(), r);
      }
      for (RecordKey k : changes.deletes()) {
        records.remove(k);
      }
      return ++content.lastSequence;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Costs one hash-map operation per put or delete: a put keeps the record object, and its bytes are
   * encoded at the next {@link #load(Consumer)} of a handle over this content (or the next plain {@link
   * #commit(ChangeSet)}, which encodes every deferred record first). Nothing is copied or encoded here.
   */
  @Override
  public long commitDeferred(List<? extends DeferredRecord> puts, List<? extends DeferredRecord> deletes) {
    Objects.requireNonNull(puts, "puts");
    Objects.requireNonNull(deletes, "deletes");
    synchronized (content) {
      checkCommit(puts.size() + deletes.size());
      DeferredTable deferred = content.deferred;
      for (int i = 0, n = puts.size(); i < n; i++) {
        deferred.put(puts.get(i));
      }
      for (int i = 0, n = deletes.size(); i < n; i++) {
        DeferredRecord r = deletes.get(i);
        deferred.remove(r.identity());
        content.records.remove(r.key());
      }
      return ++content.lastSequence;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each record whose key holds encoded bytes is moved to the deferred records: the bytes become
   * garbage and the record is encoded again only when a later load (or plain commit) needs bytes. After a
   * load by an engine that offers every record, the content holds the engine's own objects and no bytes,
   * so the heap holds each record once. Costs one key construction and two map operations per record.
   */
  @Override
  public void keepDecoded(List<? extends DeferredRecord> records) {
    Objects.requireNonNull(records, "records");
    synchronized (content) {
      requireOpen("keepDecoded");
      if (!loaded) {
        throw new IllegalStateException("keepDecoded before load: it takes the records the load streamed");
      }
      if (content.lastSequence != sequenceAtLoad) {
        throw new IllegalStateException("keepDecoded after a commit: the records loaded may have changed since");
      }
      Map<RecordKey, StoredRecord> encoded = content.records;
      DeferredTable deferred = content.deferred;
      for (int i = 0, n = records.size(); i < n; i++) {
        DeferredRecord r = records.get(i);
        if (encoded.remove(r.key()) != null) {
          deferred.put(r);
        }
      }
      if (encoded.isEmpty()) {
        content.records = new HashMap<>(); // drop the emptied table
      }
    }
  }

  /** The checks that may refuse a commit of {@code size} changes, before anything is applied. */
  private void checkCommit(int size) {
    requireOpen("commit");
    if (!loaded) {
      throw new IllegalStateException("commit before load: call load once on an opened store"
          + " before its first commit");
    }
    StoreHealth h = health;
    if (h.state() == StoreHealth.State.FAILED) {
      throw new StorageException(Reason.FAILED, "commit refused: the store failed earlier and"
          + " refuses commits until reopened", h.cause().orElseThrow());
    }
    Reason injected = injectedFailure;
    if (injected != null) {
      injectedFailure = null;
      StorageException failure = new StorageException(injected, "commit of " + size
          + " changes failed: failure injected by MemoryStore.failNextCommit(" + injected + ")");
      if (injected == Reason.IO || injected == Reason.FAILED) {
        health = StoreHealth.failed(failure);
      }
      throw failure;
    }
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
   * <p>The content is kept: {@link #reopen()} opens it again.
   */
  @Override
  public void close() {
    synchronized (content) {
      health = StoreHealth.CLOSED;
      injectedFailure = null;
      if (content.openHandle == this) {
        content.openHandle = null;
      }
    }
  }

  private void requireOpen(String operation) {
    if (health.state() == StoreHealth.State.CLOSED) {
      throw new StorageException(Reason.CLOSED, operation + " refused: this MemoryStore handle is"
          + " closed; reopen() opens a new handle over the same content");
    }
  }

  /**
   * A short description for logs and test failures: the handle's state and the content's size.
   *
   * @return a description such as {@code MemoryStore[OK, 12 records, lastSequence=40]}
   */
  @Override
  public String toString() {
    synchronized (content) {
      content.flush();
      return "MemoryStore[" + health.state() + ", " + content.records.size() + " records, lastSequence="
          + content.lastSequence + "]";
    }
  }
}
