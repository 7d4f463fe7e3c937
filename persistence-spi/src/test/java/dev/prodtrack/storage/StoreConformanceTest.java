package dev.prodtrack.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.storage.StorageException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The conformance suite of the {@link Store} contract. Every adapter's test extends it and supplies
 * only {@link #newFixture()}; {@code AdapterConformanceGuardTest} fails the build of this module when
 * an adapter has no such test, and the suite's tests are package-private so that a subclass cannot
 * override them.
 *
 * <p>What every adapter must do, beyond the {@link Store} Javadoc: accept records of up to 1 MiB
 * and change sets of up to 8 MiB; accept any valid {@link RecordKey}, including non-ASCII text and
 * separators; report in {@link RecoveryReport#lastSequence()} exactly the sequence number of the last
 * commit before a clean close.
 *
 * <p>Tests that need more than the base contract are skipped unless the adapter declares the
 * matching {@link Capability} or its fixture offers the matching hook: fault injection ({@link
 * StoreFixture#failNextCommit}), exclusive locking ({@link Capability#EXCLUSIVE_LOCK}) and crash
 * survival ({@link Capability#DURABLE_ON_COMMIT}, with {@link StoreFixture#crash}). The property test
 * uses QuickTheories' defaults (1,000 examples); {@code -DQT_EXAMPLES=n} and {@code -DQT_SEED=seed}
 * override them.
 */
public abstract class StoreConformanceTest {

  /** Generous for an adapter, small for a test: 1 MiB. */
  private static final int LARGE_PAYLOAD = 1 << 20;

  private StoreFixture fixture;
  private final List<Store> opened = new ArrayList<>();

  /**
   * Creates a fixture over a new, empty content. Called once before each test, and once per example
   * by the property test; the suite closes every fixture it creates.
   *
   * @return a new fixture, never null
   */
  protected abstract StoreFixture newFixture();

  @BeforeEach
  void createFixture() {
    fixture = Objects.requireNonNull(newFixture(), "newFixture() returned null");
  }

  @AfterEach
  void closeFixture() {
    for (Store s : opened) {
      s.close();
    }
    fixture.close();
  }

  // ---- life cycle and capabilities ----

  @Test
  void load_emptyStore_streamsNothingAndReportsZero() {
    Store store = open();
    List<StoredRecord> seen = new ArrayList<>();

    RecoveryReport report = store.load(seen::add);

    assertThat(seen).isEmpty();
    assertThat(report.recordsLoaded()).isZero();
    assertThat(report.lastSequence()).isZero();
    assertThat(report.bytesTrimmed()).isZero();
  }

  @Test
  void health_openStore_isOk() {
    Store store = open();

    assertThat(store.health()).isEqualTo(StoreHealth.OK);
    store.load(r -> {});
    assertThat(store.health().isOk()).isTrue();
  }

  @Test
  void capabilities_declared_areImmutableAndConsistent() {
    Set<Capability> caps = open().capabilities();

    assertThat(caps).isNotNull();
    assertThatThrownBy(() -> caps.add(Capability.SNAPSHOTS))
        .isInstanceOf(UnsupportedOperationException.class);
    if (caps.contains(Capability.DURABLE_ON_COMMIT) || caps.contains(Capability.CRASH_RECOVERY)) {
      assertThat(caps).as("durability and crash recovery need persistence").contains(Capability.PERSISTENT);
    }
  }

  @Test
  void load_calledTwice_isRefusedAndStoreStaysUsable() {
    Store store = open();
    store.load(r -> {});

    assertThatThrownBy(() -> store.load(r -> {})).isInstanceOf(IllegalStateException.class);
    long seq = store.commit(ChangeSet.builder().put(record("a", "x")).build());

    assertThat(reopen(store).records()).containsOnlyKeys(key("a"));
    assertThat(seq).isPositive();
  }

  @Test
  void commit_beforeLoad_isRefusedAndCommitsNothing() {
    Store store = open();

    assertThatThrownBy(() -> store.commit(ChangeSet.builder().put(record("a", "x")).build()))
        .isInstanceOf(IllegalStateException.class);

    Loaded after = reopen(store);
    assertThat(after.records()).isEmpty();
    assertThat(after.report().lastSequence()).isZero();
  }

  @Test
  void load_nullSink_throwsAndStoreStaysLoadable() {
    Store store = open();

    assertThatThrownBy(() -> store.load(null)).isInstanceOf(NullPointerException.class);

    assertThat(store.load(r -> {}).recordsLoaded()).isZero();
  }

  @Test
  void commit_null_throwsAndCommitsNothing() {
    Store store = openLoaded();
    long first = store.commit(ChangeSet.builder().put(record("a", "x")).build());

    assertThatThrownBy(() -> store.commit(null)).isInstanceOf(NullPointerException.class);

    Loaded after = reopen(store);
    assertThat(after.records()).containsOnlyKeys(key("a"));
    assertThat(after.report().lastSequence()).isEqualTo(first);
  }

  @Test
  void close_calledTwice_isIdempotentAndHealthIsClosed() {
    Store store = openLoaded();

    store.close();

    assertThatCode(store::close).doesNotThrowAnyException();
    assertThat(store.health()).isEqualTo(StoreHealth.CLOSED);
    assertThat(store.health().isOk()).isFalse();
  }

  @Test
  void commit_afterClose_throwsClosedAndCommitsNothing() {
    Store store = openLoaded();
    long seq = store.commit(ChangeSet.builder().put(record("a", "x")).build());
    store.close();

    assertThatThrownBy(() -> store.commit(ChangeSet.builder().put(record("b", "y")).build()))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));

    Loaded after = reopen(store);
    assertThat(after.records()).containsOnlyKeys(key("a"));
    assertThat(after.report().lastSequence()).isEqualTo(seq);
  }

  @Test
  void load_afterClose_throwsClosed() {
    Store store = open();
    store.close();

    assertThatThrownBy(() -> store.load(r -> {}))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));
  }

  @Test
  void capabilities_afterClose_throwsClosed() {
    Store store = openLoaded();
    store.close();

    assertThatThrownBy(store::capabilities)
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));
  }

  // ---- content ----

  @Test
  void commit_puts_areLoadedAfterReopen() {
    Store store = openLoaded();
    StoredRecord a = record("a", "alpha");
    StoredRecord b = record("b", "beta");
    StoredRecord c = record("c", "");

    store.commit(ChangeSet.builder().put(a).put(b).build());
    long last = store.commit(ChangeSet.builder().put(c).build());

    Loaded after = reopen(store);
    assertThat(after.records().values()).containsExactlyInAnyOrder(a, b, c);
    assertThat(after.report().recordsLoaded()).isEqualTo(3);
    assertThat(after.report().lastSequence()).isEqualTo(last);
  }

  @Test
  void commit_sameKeyInLaterChangeSet_lastWriteWins() {
    Store store = openLoaded();
    store.commit(ChangeSet.builder().put(record("a", "one")).put(record("b", "keep")).build());
    store.commit(ChangeSet.builder().put(record("a", "two")).build());
    store.commit(ChangeSet.builder().put(record("a", "three")).build());

    Map<RecordKey, StoredRecord> after = reopen(store).records();

    assertThat(after).containsOnlyKeys(key("a"), key("b"));
    assertThat(text(after.get(key("a")))).isEqualTo("three");
    assertThat(text(after.get(key("b")))).isEqualTo("keep");
  }

  @Test
  void commit_delete_removesKeyAndKeepsOthers() {
    Store store = openLoaded();
    store.commit(ChangeSet.builder().put(record("a", "x")).put(record("b", "y")).build());

    store.commit(ChangeSet.builder().delete(key("a")).build());

    Loaded after = reopen(store);
    assertThat(after.records()).containsOnlyKeys(key("b"));
    assertThat(after.report().recordsLoaded()).isEqualTo(1);
  }

  @Test
  void commit_deleteOfAbsentKey_isAcceptedAndChangesNothing() {
    Store store = openLoaded();
    store.commit(ChangeSet.builder().put(record("a", "x")).build());

    long seq = store.commit(ChangeSet.builder().delete(key("never-written")).build());

    Loaded after = reopen(store);
    assertThat(after.records()).containsOnlyKeys(key("a"));
    assertThat(after.report().lastSequence()).isEqualTo(seq);
  }

  @Test
  void commit_deletedKeyPutAgain_isLoadedWithNewPayload() {
    Store store = openLoaded();
    store.commit(ChangeSet.builder().put(record("a", "old")).build());
    store.commit(ChangeSet.builder().delete(key("a")).build());
    store.commit(ChangeSet.builder().put(record("a", "new")).build());

    Map<RecordKey, StoredRecord> after = reopen(store).records();

    assertThat(after).containsOnlyKeys(key("a"));
    assertThat(text(after.get(key("a")))).isEqualTo("new");
  }

  @Test
  void commit_putsAndDeletesInOneChangeSet_areAppliedTogether() {
    Store store = openLoaded();
    store.commit(ChangeSet.builder().put(record("a", "x")).put(record("b", "y")).build());

    store.commit(ChangeSet.builder().delete(key("a")).put(record("b", "y2")).put(record("c", "z")).build());

    Map<RecordKey, StoredRecord> after = reopen(store).records();
    assertThat(after).containsOnlyKeys(key("b"), key("c"));
    assertThat(text(after.get(key("b")))).isEqualTo("y2");
  }

  @Test
  void commit_emptyChangeSet_getsSequenceAndChangesNothing() {
    Store store = openLoaded();
    long first = store.commit(ChangeSet.builder().put(record("a", "x")).build());

    long empty = store.commit(ChangeSet.EMPTY);

    assertThat(empty).isGreaterThan(first);
    Loaded after = reopen(store);
    assertThat(after.records()).containsOnlyKeys(key("a"));
    assertThat(after.report().lastSequence()).isEqualTo(empty);
  }

  @Test
  void commit_keysDifferingOnlyByKindOrSeparator_stayDistinct() {
    Store store = openLoaded();
    List<StoredRecord> records = List.of(
        new StoredRecord(new RecordKey("task", "1"), bytes("task")),
        new StoredRecord(new RecordKey("comment", "1"), bytes("comment")),
        new StoredRecord(new RecordKey("a/b", "c"), bytes("a/b|c")),
        new StoredRecord(new RecordKey("a", "b/c"), bytes("a|b/c")),
        new StoredRecord(new RecordKey("a:b", "c"), bytes("a:b|c")),
        new StoredRecord(new RecordKey("a", "b:c"), bytes("a|b:c")),
        new StoredRecord(new RecordKey("k", "Id"), bytes("upper")),
        new StoredRecord(new RecordKey("k", "id"), bytes("lower")));
    ChangeSet.Builder changes = ChangeSet.builder();
    records.forEach(changes::put);

    store.commit(changes.build());

    assertThat(reopen(store).records().values()).containsExactlyInAnyOrderElementsOf(records);
  }

  @Test
  void commit_unusualButValidKeys_roundTrip() {
    Store store = openLoaded();
    List<StoredRecord> records = List.of(
        new StoredRecord(new RecordKey("k".repeat(64), "i".repeat(256)), bytes("longest")),
        new StoredRecord(new RecordKey("tâche", "résumé-日本語-\uD83C\uDFAC"), bytes("unicode")),
        new StoredRecord(new RecordKey("line\nbreak", "tab\tand\u0000nul"), bytes("controls")),
        new StoredRecord(new RecordKey(" padded ", "..\\..\\etc/passwd"), bytes("paths")),
        new StoredRecord(new RecordKey("x", "y"), new byte[0]));
    ChangeSet.Builder changes = ChangeSet.builder();
    records.forEach(changes::put);

    store.commit(changes.build());

    assertThat(reopen(store).records().values()).containsExactlyInAnyOrderElementsOf(records);
  }

  @Test
  void commit_largePayloads_roundTripByteExact() {
    Store store = openLoaded();
    Random random = new Random(42);
    ChangeSet.Builder changes = ChangeSet.builder();
    List<StoredRecord> records = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      byte[] payload = new byte[LARGE_PAYLOAD];
      random.nextBytes(payload);
      StoredRecord r = new StoredRecord(key("big-" + i), payload);
      records.add(r);
      changes.put(r);
    }

    store.commit(changes.build());

    Map<RecordKey, StoredRecord> after = reopen(store).records();
    assertThat(after).hasSize(8);
    for (StoredRecord r : records) {
      assertThat(after.get(r.key()).payload()).as("payload of %s", r.key()).isEqualTo(r.payload());
    }
  }

  @Test
  void commit_manyRecords_allLoadedAfterReopen() {
    Store store = openLoaded();
    Map<RecordKey, StoredRecord> model = new HashMap<>();
    ChangeSet.Builder bulk = ChangeSet.builder();
    for (int i = 0; i < 10_000; i++) {
      StoredRecord r = record("bulk-" + i, "payload " + i);
      bulk.put(r);
      model.put(r.key(), r);
    }
    store.commit(bulk.build());
    for (int c = 0; c < 200; c++) {
      ChangeSet.Builder changes = ChangeSet.builder();
      for (int i = 0; i < 50; i++) {
        StoredRecord r = record("small-" + c + "-" + i, "v" + c);
        changes.put(r);
        model.put(r.key(), r);
      }
      changes.delete(key("bulk-" + c));
      model.remove(key("bulk-" + c));
      store.commit(changes.build());
    }

    Loaded after = reopen(store);

    assertThat(after.records()).hasSize(19_800).isEqualTo(model);
    assertThat(after.report().recordsLoaded()).isEqualTo(19_800);
  }

  // ---- sequence numbers ----

  @Test
  void commit_sequenceNumbers_strictlyIncreaseAcrossReopens() {
    Store store = openLoaded();
    List<Long> sequences = new ArrayList<>();
    for (int session = 0; session < 3; session++) {
      for (int i = 0; i < 5; i++) {
        sequences.add(store.commit(ChangeSet.builder().put(record("k" + i, "s" + session)).build()));
      }
      Loaded after = reopen(store);
      assertThat(after.report().lastSequence()).isEqualTo(sequences.get(sequences.size() - 1));
      store = after.store();
    }

    assertThat(sequences).hasSize(15).isSorted().doesNotHaveDuplicates();
    assertThat(sequences.get(0)).isPositive();
  }

  @Test
  void health_readFromAnotherThreadDuringCommits_isAlwaysOk() throws InterruptedException {
    Store store = openLoaded();
    AtomicBoolean stop = new AtomicBoolean();
    Set<StoreHealth> seen = ConcurrentHashMap.newKeySet();
    AtomicReference<Throwable> error = new AtomicReference<>();
    java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try {
        while (!stop.get()) {
          seen.add(store.health());
          reading.countDown();
        }
      } catch (Throwable t) {
        error.set(t);
        reading.countDown();
      }
    }, "health-reader");
    reader.start();
    reading.await(); // on a busy machine the reader may otherwise start after the last commit
    try {
      for (int i = 0; i < 2_000; i++) {
        store.commit(ChangeSet.builder().put(record("k" + (i % 10), "v" + i)).build());
      }
    } finally {
      stop.set(true);
      reader.join();
    }

    assertThat(error.get()).isNull();
    assertThat(seen).containsOnly(StoreHealth.OK);
  }

  // ---- submit and awaitCommitted (group commit) ----

  @Test
  void submit_thenAwait_commitsInSubmissionOrder() {
    Store store = openLoaded();
    long first = store.submit(ChangeSet.builder().put(record("a", "one")).put(record("b", "one")).build());
    long second = store.submit(ChangeSet.builder().put(record("a", "two")).build());
    long third = store.submit(ChangeSet.builder().delete(key("b")).put(record("c", "three")).build());

    store.awaitCommitted(third);
    store.awaitCommitted(first); // an earlier number is committed too: returns at once

    assertThat(first).isPositive();
    assertThat(second).isGreaterThan(first);
    assertThat(third).isGreaterThan(second);
    Loaded after = reopen(store);
    assertThat(after.records()).containsOnlyKeys(key("a"), key("c"));
    assertThat(text(after.records().get(key("a")))).isEqualTo("two");
    assertThat(after.report().lastSequence()).isEqualTo(third);
  }

  @Test
  void submit_andCommit_shareOneSequence() {
    Store store = openLoaded();
    long submitted = store.submit(ChangeSet.builder().put(record("a", "x")).build());
    long committed = store.commit(ChangeSet.builder().put(record("b", "x")).build());
    store.awaitCommitted(submitted);

    assertThat(committed).isEqualTo(submitted + 1);
    assertThat(reopen(store).records()).containsOnlyKeys(key("a"), key("b"));
  }

  @Test
  void submit_beforeLoad_isRefusedAndQueuesNothing() {
    Store store = open();

    assertThatThrownBy(() -> store.submit(ChangeSet.builder().put(record("a", "x")).build()))
        .isInstanceOf(IllegalStateException.class);

    Loaded after = reopen(store);
    assertThat(after.records()).isEmpty();
    assertThat(after.report().lastSequence()).isZero();
  }

  @Test
  void submit_afterClose_throwsClosedAndQueuesNothing() {
    Store store = openLoaded();
    long seq = store.commit(ChangeSet.builder().put(record("a", "x")).build());
    store.close();

    assertThatThrownBy(() -> store.submit(ChangeSet.builder().put(record("b", "y")).build()))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));

    Loaded after = reopen(store);
    assertThat(after.records()).containsOnlyKeys(key("a"));
    assertThat(after.report().lastSequence()).isEqualTo(seq);
  }

  @Test
  void close_afterSubmitWithoutAwait_commitsTheSubmittedChangeSets() {
    Store store = openLoaded();
    long seq = 0;
    for (int i = 0; i < 5; i++) {
      seq = store.submit(ChangeSet.builder().put(record("k" + i, "v" + i)).build());
    }

    store.close();

    store.awaitCommitted(seq); // committed by close, so it returns although the store is closed
    Loaded after = reopen(store);
    assertThat(after.records()).containsOnlyKeys(key("k0"), key("k1"), key("k2"), key("k3"), key("k4"));
    assertThat(after.report().lastSequence()).isEqualTo(seq);
  }

  @Test
  void submit_manyThreadsSubmittingInOrderAndWaitingApart_keepsEveryAwaitedChangeSet() throws InterruptedException {
    Store store = openLoaded();
    Object order = new Object(); // the caller's serialisation of submit, as the engine's write lock
    Map<RecordKey, StoredRecord> acknowledged = new ConcurrentHashMap<>();
    List<Long> sequences = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Throwable> error = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      threads.add(new Thread(() -> {
        try {
          for (int i = 0; i < 50; i++) {
            StoredRecord r = record("t" + thread + "-" + i, "v" + i);
            long seq;
            synchronized (order) {
              seq = store.submit(ChangeSet.builder().put(r).build());
              sequences.add(seq);
            }
            store.awaitCommitted(seq);
            acknowledged.put(r.key(), r);
          }
        } catch (Throwable e) {
          error.compareAndSet(null, e);
        }
      }, "submitter-" + t));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }

    assertThat(error.get()).isNull();
    assertThat(sequences).hasSize(400).isSorted().doesNotHaveDuplicates();
    Loaded after = reopen(store);
    assertThat(after.records()).isEqualTo(acknowledged);
    assertThat(after.report().lastSequence()).isEqualTo(sequences.get(sequences.size() - 1));
  }

  // ---- failures (need the fixture's fault hook) ----

  @Test
  void submit_failingWrite_failsTheStoreAndKeepsOnlyEarlierChangeSets() {
    Store store = openLoaded();
    long base = store.commit(ChangeSet.builder().put(record("a", "one")).build());
    assumeThat(fixture.failNextCommit(store)).as("fixture has a fault hook").isTrue();

    // the failure surfaces from submit (a synchronous adapter) or from awaitCommitted (a grouping one)
    StorageException failure = catchThrowableOfType(StorageException.class,
        () -> store.awaitCommitted(store.submit(ChangeSet.builder().put(record("b", "x")).build())));

    assertThat(failure).isNotNull();
    assertThat(failure.reason()).isIn(Reason.IO, Reason.FAILED);
    assertThat(store.health().state()).isEqualTo(StoreHealth.State.FAILED);
    assertThatThrownBy(() -> store.submit(ChangeSet.builder().put(record("c", "x")).build()))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
    Loaded after = reopen(store);
    assertThat(after.records()).containsOnlyKeys(key("a"));
    assertThat(after.report().lastSequence()).isEqualTo(base);
  }

  @Test
  void commit_failing_leavesContentUnchanged() {
    Store store = openLoaded();
    long base = store.commit(ChangeSet.builder().put(record("a", "one")).put(record("b", "one")).build());
    assumeThat(fixture.failNextCommit(store)).as("fixture has a fault hook").isTrue();

    ChangeSet failing = ChangeSet.builder()
        .put(record("a", "two")).delete(key("b")).put(record("c", "new")).build();
    assertThatThrownBy(() -> store.commit(failing)).isInstanceOf(StorageException.class);

    Loaded after = reopen(store);
    assertThat(after.records()).containsOnlyKeys(key("a"), key("b"));
    assertThat(text(after.records().get(key("a")))).isEqualTo("one");
    assertThat(after.report().lastSequence()).isEqualTo(base);
  }

  @Test
  void commit_afterIoFailure_isRefusedUntilReopen() {
    Store store = openLoaded();
    long base = store.commit(ChangeSet.builder().put(record("a", "one")).build());
    assumeThat(fixture.failNextCommit(store)).as("fixture has a fault hook").isTrue();

    StorageException failure = catchThrowableOfType(StorageException.class,
        () -> store.commit(ChangeSet.builder().put(record("b", "x")).build()));

    assertThat(failure).isNotNull();
    assertThat(failure.reason()).isEqualTo(Reason.IO);
    assertThat(store.health().state()).isEqualTo(StoreHealth.State.FAILED);
    assertThat(store.health().cause()).isPresent();
    assertThatThrownBy(() -> store.commit(ChangeSet.builder().put(record("c", "x")).build()))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));

    Loaded after = reopen(store);
    assertThat(after.store().health()).isEqualTo(StoreHealth.OK);
    assertThat(after.records()).containsOnlyKeys(key("a"));
    long next = after.store().commit(ChangeSet.builder().put(record("d", "x")).build());
    assertThat(next).isGreaterThan(base);
  }

  // ---- capability-gated ----

  @Test
  void open_whileAnotherStoreIsOpen_isRefusedWithLocked() {
    Store store = openLoaded();
    assumeThat(store.capabilities()).contains(Capability.EXCLUSIVE_LOCK);
    store.commit(ChangeSet.builder().put(record("a", "x")).build());

    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED));

    assertThat(store.health()).isEqualTo(StoreHealth.OK);
    store.commit(ChangeSet.builder().put(record("b", "x")).build());
    assertThat(reopen(store).records()).containsOnlyKeys(key("a"), key("b"));
  }

  @Test
  void open_afterCrash_keepsEveryAcknowledgedCommit() {
    Store store = openLoaded();
    assumeThat(store.capabilities()).contains(Capability.PERSISTENT, Capability.DURABLE_ON_COMMIT);
    Map<RecordKey, StoredRecord> model = new HashMap<>();
    long last = 0;
    for (int i = 0; i < 20; i++) {
      StoredRecord r = record("k" + (i % 7), "v" + i);
      last = store.commit(ChangeSet.builder().put(r).build());
      model.put(r.key(), r);
    }

    fixture.crash(store);
    Store again = open();
    Map<RecordKey, StoredRecord> records = new HashMap<>();
    RecoveryReport report = again.load(r -> records.put(r.key(), r));

    assertThat(records).isEqualTo(model);
    assertThat(report.lastSequence()).isEqualTo(last);
  }

  // ---- model-based property ----

  @Test
  void commit_randomHistories_reloadEqualToHashMapModel() {
    qt().forAll(histories()).checkAssert(this::replayAgainstModel);
  }

  /** One step of a generated history. */
  sealed interface Action {}

  /** Commits the change set built from {@code ops}, through the builder (so the last op of a key wins). */
  record Commit(List<Op> ops) implements Action {}

  /** Arms the fixture's fault hook, then commits {@code ops}: the commit must fail and change nothing. */
  record FailedCommit(List<Op> ops) implements Action {}

  /** Closes the store, opens it again and compares its content with the model. */
  record Reopen() implements Action {}

  /** One put or delete; keys are small integers so that histories touch the same keys often. */
  sealed interface Op {}

  /** Puts key {@code key} with a payload of {@code length} bytes derived from {@code seed}. */
  record Put(int key, int length, int seed) implements Op {}

  /** Deletes key {@code key}. */
  record Delete(int key) implements Op {}

  private static Gen<List<Action>> histories() {
    Gen<Integer> keys = Generate.range(0, 11);
    Gen<Op> put = keys.zip(Generate.range(0, 40), Generate.range(0, 255), Put::new);
    Gen<Op> delete = keys.map(Delete::new);
    Gen<Op> op = Generate.frequency(Pair.of(3, put), Pair.of(1, delete));
    Gen<List<Op>> ops = lists().of(op).ofSizeBetween(0, 6);
    Gen<Action> action = Generate.frequency(
        Pair.of(8, ops.map(Commit::new)),
        Pair.of(1, ops.map(FailedCommit::new)),
        Pair.of(2, Generate.constant(new Reopen())));
    return lists().of(action).ofSizeBetween(1, 40);
  }

  private void replayAgainstModel(List<Action> history) {
    StoreFixture f = Objects.requireNonNull(newFixture(), "newFixture() returned null");
    Store store = null;
    try {
      store = f.open();
      store.load(r -> fail("a new store streamed %s", r));
      Map<RecordKey, StoredRecord> model = new HashMap<>();
      long lastSequence = 0;
      for (Action action : history) {
        if (action instanceof Commit c) {
          ChangeSet changes = changeSetOf(c.ops());
          long seq = store.commit(changes);
          assertThat(seq).as("sequence after %d", lastSequence).isGreaterThan(lastSequence);
          lastSequence = seq;
          changes.puts().forEach(r -> model.put(r.key(), r));
          changes.deletes().forEach(model::remove);
        } else if (action instanceof FailedCommit c) {
          if (f.failNextCommit(store)) {
            Store failing = store;
            assertThatThrownBy(() -> failing.commit(changeSetOf(c.ops()))).isInstanceOf(StorageException.class);
            store = reopenAndCompare(f, store, model, lastSequence);
          }
        } else if (action instanceof Reopen) {
          store = reopenAndCompare(f, store, model, lastSequence);
        }
      }
      store = reopenAndCompare(f, store, model, lastSequence);
    } finally {
      if (store != null) {
        store.close();
      }
      f.close();
    }
  }

  private static Store reopenAndCompare(StoreFixture f, Store store, Map<RecordKey, StoredRecord> model,
      long lastSequence) {
    store.close();
    Store again = f.open();
    Map<RecordKey, StoredRecord> loaded = new HashMap<>();
    RecoveryReport report = again.load(r -> assertThat(loaded.put(r.key(), r)).as("%s streamed twice", r.key()).isNull());
    assertThat(loaded).isEqualTo(model);
    assertThat(report.recordsLoaded()).isEqualTo(model.size());
    assertThat(report.lastSequence()).isEqualTo(lastSequence);
    return again;
  }

  private static ChangeSet changeSetOf(List<Op> ops) {
    ChangeSet.Builder b = ChangeSet.builder();
    for (Op op : ops) {
      if (op instanceof Put p) {
        byte[] payload = new byte[p.length()];
        for (int i = 0; i < payload.length; i++) {
          payload[i] = (byte) (p.seed() + 31 * i);
        }
        b.put(new StoredRecord(propertyKey(p.key()), payload));
      } else if (op instanceof Delete d) {
        b.delete(propertyKey(d.key()));
      }
    }
    return b.build();
  }

  private static RecordKey propertyKey(int i) {
    return new RecordKey(i % 2 == 0 ? "task" : "comment", "id-" + i);
  }

  // ---- helpers ----

  /** A store just opened and loaded, with what its load returned. */
  private record Loaded(Store store, Map<RecordKey, StoredRecord> records, RecoveryReport report) {}

  private Store open() {
    Store store = Objects.requireNonNull(fixture.open(), "StoreFixture.open() returned null");
    opened.add(store);
    return store;
  }

  private Store openLoaded() {
    Store store = open();
    store.load(r -> fail("a new store streamed %s", r));
    return store;
  }

  /** Closes {@code store}, opens the content again and loads it, checking each key comes once. */
  private Loaded reopen(Store store) {
    store.close();
    Store again = open();
    Map<RecordKey, StoredRecord> records = new HashMap<>();
    RecoveryReport report = again.load(r -> assertThat(records.put(r.key(), r)).as("%s streamed twice", r.key()).isNull());
    return new Loaded(again, records, report);
  }

  private static RecordKey key(String id) {
    return new RecordKey("test", id);
  }

  private static StoredRecord record(String id, String text) {
    return new StoredRecord(key(id), bytes(text));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(StoredRecord r) {
    return new String(r.payload(), StandardCharsets.UTF_8);
  }
}
