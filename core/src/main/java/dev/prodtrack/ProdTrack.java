package dev.prodtrack;

import dev.prodtrack.event.Event;
import dev.prodtrack.event.EventListener;
import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Id;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Role;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.DeferredEncoding;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoredRecord;
import dev.prodtrack.storage.memory.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The entry point: a studio's production data and Kitsu's rules, in memory, persisted through a
 * {@link Store}.
 *
 * <pre>{@code
 * ProdTrack studio = ProdTrack.builder().store(MemoryStore.create()).open();
 * Person admin = studio.createFirstAdmin("Ada", "Admin", "ada@studio.test");
 * Session session = studio.as(admin.id());
 * }</pre>
 *
 * <p>Design note. One writer at a time, many callers per fsync (group commit): every mutation runs
 * under the write lock, is authorised and validated through a {@link Tx}, handed to the store as one
 * change set ({@link Store#submit}, which fixes its place in the commit order) and applied to memory;
 * then the lock is released and the caller waits for durability ({@link Store#awaitCommitted})
 * outside it, so that the mutations of many callers share one fsync. Events are published after
 * durability, in commit order. A refused mutation, or one the store refuses at once, leaves memory
 * and store unchanged.
 *
 * <p>Durability and visibility, precisely:
 * <ul>
 *   <li>A mutating call returns only after its change set is committed as far as the store promises
 *       (fsynced under a SYNC {@code FileStore}); with it every earlier change set is committed.</li>
 *   <li>Mutations see the applied state, including change sets of other callers still waiting for
 *       their fsync. That is safe: the store commits in order, so if an earlier change set is lost, so
 *       is every later one.</li>
 *   <li>Readers (every query, and a mutating call's result or refusal) see only durable state: a
 *       query that finds change sets applied but not yet committed waits for them first. Unlike a
 *       SQLite WAL reader, which may see a commit whose fsync is still running under {@code
 *       synchronous=NORMAL}, no reader ever sees a change set whose durability later fails.</li>
 *   <li>Fail-stop: when the store fails to commit a submitted change set (a failed write or fsync),
 *       the engine fails. Every caller waiting for that or a later change set, every later mutation
 *       and every later query (memory now holds change sets the store lost) throws {@link
 *       StorageException} with reason {@link StorageException.Reason#IO} or {@link
 *       StorageException.Reason#FAILED}; nothing acknowledged is lost. Reopen the store and the engine
 *       to go on.</li>
 * </ul>
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class ProdTrack implements AutoCloseable {
  private final Store store;
  private final InstantSource clock;
  private final IdSource ids;
  private final double hoursPerDay;
  private final BiConsumer<Event, Throwable> listenerErrorHandler;
  private final State state = new State();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /**
   * Held in write mode, inside {@link #lock}'s write lock, only while a committed change set is applied
   * to {@link #state} (and {@link #appliedSequence} moved): a sequence lock for the optimistic reads of
   * {@link #readOptimistic}, which take no lock. Never held by a reader, never held across a call out
   * of the engine, so its write mode cannot nest.
   */
  private final StampedLock applying = new StampedLock();
  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final Queue<SequencedEvents> pendingEvents = new ArrayDeque<>();
  /** How many entries {@link #pendingEvents} holds; read without its lock by the publishing fast path. */
  private final java.util.concurrent.atomic.AtomicInteger pendingEventCount =
      new java.util.concurrent.atomic.AtomicInteger();
  /** The sequence number of the last change set applied to memory; written under the write lock. */
  private volatile long appliedSequence;
  /** Every change set up to this sequence number is committed; only grows. */
  private final java.util.concurrent.atomic.AtomicLong durableSequence = new java.util.concurrent.atomic.AtomicLong();
  /** The error that failed the engine (a change set the store could not commit), or null. */
  private volatile StorageException failure;

  /** The events of one committed change set, published once it is durable. */
  private record SequencedEvents(long sequence, List<Event> events) {}
  private final Object publishLock = new Object();
  private final RecoveryReport recoveryReport;

  private ProdTrack(Builder b) {
    this.store = b.store != null ? b.store : MemoryStore.create();
    this.clock = b.clock;
    this.ids = b.ids;
    this.hoursPerDay = b.hoursPerDay;
    this.listenerErrorHandler = b.listenerErrorHandler;
    // A store that keeps records unencoded is offered the decoded records back afterwards
    // (DeferredEncoding.keepDecoded), so that it holds them instead of their bytes.
    List<PendingRecord> loaded = store instanceof DeferredEncoding ? new ArrayList<>() : null;
    StateLoader loader = new StateLoader(state, loaded, b.loadThreads > 1, b.loadBatch);
    if (store instanceof dev.prodtrack.storage.LoadSizeHint hint) {
      loader.expect(hint.expectedLoadCounts());
    }
    try {
      this.recoveryReport = store.load(loader);
      loader.finish();
    } finally {
      loader.abort();
    }
    if (loaded != null) {
      ((DeferredEncoding) store).keepDecoded(loaded);
    }
  }

  /**
   * Starts configuring an engine.
   *
   * @return a builder with the defaults: a new {@link MemoryStore}, the system clock, random ids,
   *     8 hours per day
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures and opens a {@link ProdTrack}. Not thread-safe. */
  public static final class Builder {
    private Store store;
    private InstantSource clock = InstantSource.system();
    private IdSource ids = IdSource.random();
    private double hoursPerDay = 8;
    /** Threads that load the store on open: 2 decodes and applies in a pipeline ({@link StateLoader}). */
    private int loadThreads = Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1;
    private int loadBatch = StateLoader.BATCH;
    private BiConsumer<Event, Throwable> listenerErrorHandler = (e, t) -> {
      Thread th = Thread.currentThread();
      th.getUncaughtExceptionHandler().uncaughtException(th, t);
    };

    private Builder() {}

    /**
     * How many threads load the store on open (package-private: tests compare both paths).
     *
     * @param threads 1 to decode and apply on the opening thread, 2 to apply on a second thread
     * @param batch records per hand-over to the second thread, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads} is not 1 or 2, or {@code batch} is below 1
     */
    Builder loadThreads(int threads, int batch) {
      if (threads != 1 && threads != 2) {
        throw new IllegalArgumentException("loadThreads must be 1 or 2, was " + threads);
      }
      if (batch < 1) {
        throw new IllegalArgumentException("batch must be at least 1, was " + batch);
      }
      this.loadThreads = threads;
      this.loadBatch = batch;
      return this;
    }

    /**
     * The store to load from and commit to.
     *
     * @param store an unopened store (its {@code load} has not been called); not null
     * @return this builder
     */
    public Builder store(Store store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The clock the engine reads "now" from.
     *
     * @param clock the clock; not null
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where new ids come from.
     *
     * @param ids the id source; not null
     * @return this builder
     */
    public Builder idSource(IdSource ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * The organisation's hours per working day (Kitsu's {@code hours_by_day}), for day conversions.
     *
     * @param hours hours per day, in (0, 24]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder hoursPerDay(double hours) {
      if (!(hours > 0 && hours <= 24)) {
        throw new IllegalArgumentException("hoursPerDay must be in (0, 24], was " + hours);
      }
      this.hoursPerDay = hours;
      return this;
    }

    /**
     * Receives the errors thrown by event listeners (by default, the thread's uncaught exception
     * handler). A throwing listener never affects the engine or the other listeners.
     *
     * @param handler the handler; not null
     * @return this builder
     */
    public Builder listenerErrorHandler(BiConsumer<Event, Throwable> handler) {
      this.listenerErrorHandler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Opens the engine: loads every record of the store and rebuilds the indexes. On a machine with more
     * than one processor the records are decoded on the calling thread while a second, short-lived thread
     * applies them to the engine's state (the state is the same either way); it has ended when this
     * method returns or throws.
     *
     * <p>Once opened, the engine owns the store and {@link ProdTrack#close()} closes it. If this method
     * throws, the store is left open and unchanged, and it is the caller's to close: keep a reference,
     * as in {@code FileStore files = FileStore.open(dir); try { ...open() } catch (...) { files.close(); }},
     * or a file store's lock stays held until it is closed.
     *
     * @return the engine
     * @throws dev.prodtrack.storage.StorageException if the store cannot be loaded
     * @throws CorruptRecordException if a stored record cannot be decoded
     */
    public ProdTrack open() {
      return new ProdTrack(this);
    }
  }

  /**
   * What the store reported when the engine loaded it.
   *
   * @return the recovery report
   */
  public RecoveryReport recoveryReport() {
    return recoveryReport;
  }

  /**
   * The organisation's hours per working day.
   *
   * @return hours per day (8 by default)
   */
  public double hoursPerDay() {
    return hoursPerDay;
  }

  /**
   * Creates the first person of an empty studio, with the admin role. This is the only operation
   * that needs no acting person.
   *
   * @param firstName the first name
   * @param lastName the last name
   * @param email the e-mail, nullable
   * @return the admin
   * @throws RuleViolationException with rule {@code STUDIO_NOT_EMPTY} if the studio has people already
   */
  public Person createFirstAdmin(String firstName, String lastName, String email) {
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    return write(null, tx -> {
      if (!tx.state.persons.isEmpty()) {
        throw new RuleViolationException(RuleViolationException.Rule.STUDIO_NOT_EMPTY,
            "the studio already has " + tx.state.persons.size() + " people: ask an admin to create persons");
      }
      Person p = PersonApi.newPersonRecord(tx, firstName, lastName, email, Role.ADMIN);
      tx.put(p.id(), p);
      tx.event(EventNames.PERSON_NEW, null, "person_id", p.id());
      return p;
    });
  }

  /**
   * A session acting as a person: every call is checked against that person's role, as Kitsu checks
   * the logged-in user.
   *
   * @param person the acting person
   * @return the session
   * @throws UnknownIdException if no such person exists
   * @throws PermissionDeniedException if the person is inactive (cannot log in)
   */
  public Session as(PersonId person) {
    Objects.requireNonNull(person, "person");
    Person p = read(s -> s.persons.get(person));
    if (p == null) {
      throw new UnknownIdException("person", person);
    }
    if (!p.active()) {
      throw new PermissionDeniedException(person, "log_in", person, "the person is inactive");
    }
    return new Session(this, person);
  }

  /**
   * Subscribes a listener to every event published from now on.
   *
   * @param listener the listener; not null
   * @return a handle whose {@code close} unsubscribes
   */
  public AutoCloseable subscribe(EventListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * A digest of the whole state: equal digests mean equal records, field for field. Used to check
   * that a refused operation changed nothing and that a reopened store gives the same state.
   *
   * @return a hex SHA-256
   */
  public String stateDigest() {
    return read(s -> {
      List<byte[]> encoded = new ArrayList<>();
      for (Object r : s.allRecords()) {
        String key = RecordCodec.kindOf(r) + "/" + idOf(r);
        byte[] body = r instanceof Comment c ? RecordCodec.encodeComment(c, s.commentOrder.get(c.id()))
            : RecordCodec.encode(r);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[k.length + 1 + body.length];
        System.arraycopy(k, 0, both, 0, k.length);
        System.arraycopy(body, 0, both, k.length + 1, body.length);
        encoded.add(both);
      }
      encoded.sort(Comparator.comparing(ProdTrack::keyPart));
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] e : encoded) {
          md.update(e);
          md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static String keyPart(byte[] both) {
    int i = 0;
    while (both[i] != 0) {
      i++;
    }
    return new String(both, 0, i, StandardCharsets.UTF_8);
  }

  /**
   * Checks the engine's invariants: every index agrees with the records, no record points at a
   * missing one, each task's duration is the sum of its time spents and its status and last comment
   * date are those of its newest comment (when it has comments). Meant for tests.
   *
   * @throws IllegalStateException describing the first violation
   */
  public void checkInvariants() {
    read(s -> {
      s.checkIndexes();
      Invariants.check(s);
      return null;
    });
  }

  /**
   * Closes the engine and its store. Idempotent.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      store.close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---- engine internals used by the API classes ----

  <T> T read(Function<State, T> query) {
    long applied = appliedSequence;
    if (applied > durableSequence.get()) {
      awaitDurable(applied); // outside the lock first, so that writers go on meanwhile
    }
    lock.readLock().lock();
    try {
      applied = appliedSequence; // stable while the read lock is held
      if (applied > durableSequence.get()) {
        awaitDurable(applied); // writers came in between; waiting under the lock bounds the retries to one
      }
      return query.apply(state);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * A read without the read lock, for short queries that only look records and indexes up: {@code
   * fast} runs on the state while no change set is being applied, and its answer is kept only if no
   * change set was applied meanwhile and every applied change set is durable (a {@link StampedLock}
   * optimistic read: a volatile read before, a fence and a volatile read after). Otherwise, or when
   * {@code fast} answers null or throws (it may have seen a half-applied state), {@code slow} runs
   * under the read lock as {@link #read} runs it.
   *
   * <p>{@code fast} must not change anything, not even a cache, and must not call out of the engine:
   * what it reads may be torn until the stamp is validated. It may answer null to ask for the slow
   * path (a refusal, a cache to fill); its exceptions are dropped and the slow path decides.
   */
  <A, B, T> T readOptimistic(A a, B b, Query<A, B, T> fast, Query<A, B, T> slow) {
    long stamp = applying.tryOptimisticRead();
    if (stamp != 0 && appliedSequence <= durableSequence.get()) {
      T answer;
      try {
        answer = fast.apply(state, a, b);
      } catch (RuntimeException | StackOverflowError torn) {
        answer = null;
      }
      if (answer != null && applying.validate(stamp)) {
        return answer;
      }
    }
    return read(s -> slow.apply(s, a, b));
  }

  /**
   * A query of {@link #readOptimistic} with its two arguments passed in, so that a caller's lambdas
   * capture nothing and cost no allocation per call.
   *
   * @param <A> the first argument
   * @param <B> the second argument
   * @param <T> the answer
   */
  @FunctionalInterface
  interface Query<A, B, T> {
    /**
     * Answers on a state.
     *
     * @param s the state
     * @param a the first argument
     * @param b the second argument
     * @return the answer; null asks an optimistic read for the locked path
     */
    T apply(State s, A a, B b);
  }

  /**
   * Waits until the change set {@code sequence} is committed.
   *
   * @throws StorageException if it cannot be (the engine is then failed)
   */
  private void awaitDurable(long sequence) {
    if (sequence <= durableSequence.get()) {
      return;
    }
    StorageException failed = failure;
    if (failed != null) {
      throw refusedAfterFailure(failed);
    }
    try {
      store.awaitCommitted(sequence);
    } catch (StorageException e) {
      synchronized (durableSequence) {
        if (failure == null) {
          failure = e;
        }
      }
      throw e;
    }
    durableSequence.accumulateAndGet(sequence, Math::max);
  }

  private static StorageException refusedAfterFailure(StorageException cause) {
    return new StorageException(StorageException.Reason.FAILED, "the engine failed: its store could not commit a"
        + " change set (" + cause.getMessage() + "); memory holds change sets that are not on disk, so reads and"
        + " writes are refused until the store and the engine are reopened", cause);
  }

  /**
   * Runs a mutation: builds a transaction, commits its writes as one change set, applies them, then
   * publishes its events.
   */
  <T> T write(PersonId actor, Function<Tx, T> mutation) {
    T result;
    long sequence;
    lock.writeLock().lock();
    try {
      StorageException failed = failure;
      if (failed != null) {
        throw refusedAfterFailure(failed);
      }
      Tx tx = new Tx(state, clock.instant(), actor, ids, !listeners.isEmpty());
      try {
        result = mutation.apply(tx);
      } catch (RuntimeException | Error refusal) {
        sequence = appliedSequence;
        lock.writeLock().unlock();
        try {
          awaitDurable(sequence); // the refusal was decided on this state: it must be durable
        } catch (StorageException e) {
          e.addSuppressed(refusal);
          throw e;
        } finally {
          lock.writeLock().lock(); // released again by the outer finally
        }
        throw refusal;
      }
      if (tx.isEmpty()) {
        sequence = appliedSequence;
      } else {
        if (store instanceof DeferredEncoding deferred) {
          sequence = commitDeferred(deferred, tx);
          durableSequence.accumulateAndGet(sequence, Math::max); // a deferred commit returns committed
        } else {
          sequence = store.submit(encode(tx));
        }
        long stamp = applying.writeLock();
        try {
          for (Map.Entry<Id, Object> w : tx.writes().entrySet()) {
            Object rec = w.getValue();
            if (tx.isDeleted(rec)) {
              state.remove(w.getKey());
            } else {
              state.put(rec, rec instanceof Comment c ? tx.commentOrder(c.id()) : 0);
            }
          }
          appliedSequence = sequence;
        } finally {
          applying.unlockWrite(stamp);
        }
        List<Event> published = tx.events(sequence);
        if (!published.isEmpty()) {
          synchronized (pendingEvents) {
            pendingEvents.add(new SequencedEvents(sequence, published));
            pendingEventCount.incrementAndGet();
          }
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    awaitDurable(sequence);
    drainEvents();
    return result;
  }

  /**
   * A transaction's writes encoded to bytes. The writes are keyed by typed id, so their record keys are
   * distinct: the lists go to the change set as they are, without a builder's map.
   */
  private static ChangeSet encode(Tx tx) {
    List<StoredRecord> puts = new ArrayList<>(tx.writes().size());
    List<RecordKey> deletes = List.of();
    for (Map.Entry<Id, Object> w : tx.writes().entrySet()) {
      Object rec = w.getValue();
      if (tx.isDeleted(rec)) {
        if (deletes.isEmpty()) {
          deletes = new ArrayList<>();
        }
        deletes.add(new RecordKey(kindOfId(w.getKey()), w.getKey().value().toString()));
      } else {
        byte[] payload = rec instanceof Comment c ? RecordCodec.encodeStoredComment(c, tx.commentOrder(c.id()))
            : RecordCodec.encodeStored(rec);
        puts.add(new StoredRecord(new RecordKey(RecordCodec.kindOf(rec), w.getKey().value().toString()), payload));
      }
    }
    return new ChangeSet(puts, deletes);
  }

  /** Commits a transaction's writes unencoded, to a store that encodes them only if it must. */
  private static long commitDeferred(DeferredEncoding store, Tx tx) {
    List<PendingRecord> puts = new ArrayList<>(tx.writes().size());
    List<PendingRecord> deletes = List.of();
    for (Map.Entry<Id, Object> w : tx.writes().entrySet()) {
      Object rec = w.getValue();
      if (tx.isDeleted(rec)) {
        if (deletes.isEmpty()) {
          deletes = new ArrayList<>();
        }
        deletes.add(new PendingRecord(w.getKey()));
      } else {
        puts.add(new PendingRecord(w.getKey(), rec, rec instanceof Comment c ? tx.commentOrder(c.id()) : 0));
      }
    }
    return store.commitDeferred(puts, deletes);
  }

  private void drainEvents() {
    if (pendingEventCount.get() == 0) {
      return; // nothing to publish (no listener, or already published): skip both locks
    }
    synchronized (publishLock) {
      while (true) {
        List<Event> batch;
        synchronized (pendingEvents) {
          SequencedEvents next = pendingEvents.peek();
          if (next == null || next.sequence() > durableSequence.get()) {
            return; // not durable yet: whoever waits for it publishes it
          }
          batch = pendingEvents.poll().events();
          pendingEventCount.decrementAndGet();
        }
        for (Event e : batch) {
          for (EventListener l : listeners) {
            try {
              l.onEvent(e);
            } catch (RuntimeException | Error t) {
              try {
                listenerErrorHandler.accept(e, t);
              } catch (RuntimeException ignored) {
                // The handler itself failed; the engine and the other listeners go on regardless.
              }
            }
          }
        }
      }
    }
  }

  static String kindOfId(Id id) {
    if (id instanceof dev.prodtrack.model.TaskId) {
      return "task";
    } else if (id instanceof dev.prodtrack.model.CommentId) {
      return "comment";
    } else if (id instanceof dev.prodtrack.model.TimeSpentId) {
      return "time_spent";
    } else if (id instanceof dev.prodtrack.model.EntityId) {
      return "entity";
    } else if (id instanceof dev.prodtrack.model.ProjectId) {
      return "project";
    } else if (id instanceof PersonId) {
      return "person";
    } else if (id instanceof dev.prodtrack.model.DepartmentId) {
      return "department";
    } else if (id instanceof dev.prodtrack.model.EntityTypeId) {
      return "entity_type";
    } else if (id instanceof dev.prodtrack.model.TaskTypeId) {
      return "task_type";
    } else if (id instanceof dev.prodtrack.model.TaskStatusId) {
      return "task_status";
    } else if (id instanceof dev.prodtrack.model.NotificationId) {
      return "notification";
    } else if (id instanceof dev.prodtrack.model.NewsId) {
      return "news";
    } else if (id instanceof dev.prodtrack.model.SubscriptionId) {
      return "subscription";
    } else if (id instanceof dev.prodtrack.model.StatusAutomationId) {
      return "status_automation";
    } else if (id instanceof dev.prodtrack.model.TaskDependencyId) {
      return RecordCodec.TASK_DEPENDENCY;
    } else {
      return "day_off";
    }
  }

  private static Object idOf(Object record) {
    try {
      return record.getClass().getMethod("id").invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
