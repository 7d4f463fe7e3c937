package dev.prodtrack.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoreConformanceTest;
import dev.prodtrack.storage.StoreFixture;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Runs the conformance suite on {@link MemoryStore}, plus its own reopen and fault-hook rules. */
class MemoryStoreTest extends StoreConformanceTest {

  @Override
  protected StoreFixture newFixture() {
    return new StoreFixture() {
      private MemoryStore last;

      @Override
      public Store open() {
        last = last == null ? MemoryStore.create() : last.reopen();
        return last;
      }

      @Override
      public boolean failNextCommit(Store store) {
        ((MemoryStore) store).failNextCommit(Reason.IO);
        return true;
      }
    };
  }

  @Test
  void capabilities_memoryStore_isEmpty() {
    try (MemoryStore store = MemoryStore.create()) {
      assertThat(store.capabilities()).isEmpty();
    }
  }

  @Test
  void create_calledTwice_givesIndependentContents() {
    MemoryStore first = loaded(MemoryStore.create());
    MemoryStore second = loaded(MemoryStore.create());
    first.commit(ChangeSet.builder().put(record("a", "x")).build());
    first.close();
    second.close();

    assertThat(load(first.reopen())).containsOnlyKeys(key("a"));
    assertThat(load(second.reopen())).isEmpty();
  }

  @Test
  void reopen_whileThisHandleIsOpen_isRefusedAndHandleStaysUsable() {
    MemoryStore store = loaded(MemoryStore.create());

    assertThatThrownBy(store::reopen)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("this one");

    assertThat(store.health()).isEqualTo(StoreHealth.OK);
    assertThat(store.commit(ChangeSet.builder().put(record("a", "x")).build())).isEqualTo(1);
  }

  @Test
  void reopen_whileAnotherHandleIsOpen_isRefused() {
    MemoryStore first = loaded(MemoryStore.create());
    first.close();
    MemoryStore second = loaded(first.reopen());

    assertThatThrownBy(first::reopen)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another one");

    assertThat(second.health()).isEqualTo(StoreHealth.OK);
  }

  @Test
  void reopen_fromStaleClosedHandle_seesLatestContentAndSequence() {
    MemoryStore first = loaded(MemoryStore.create());
    first.commit(ChangeSet.builder().put(record("a", "x")).build());
    first.close();
    MemoryStore second = loaded(first.reopen());
    long seq = second.commit(ChangeSet.builder().put(record("b", "y")).build());
    second.close();

    MemoryStore third = first.reopen();
    Map<RecordKey, StoredRecord> records = new HashMap<>();
    RecoveryReport report = third.load(r -> records.put(r.key(), r));

    assertThat(records).containsOnlyKeys(key("a"), key("b"));
    assertThat(report.lastSequence()).isEqualTo(seq).isEqualTo(2);
    assertThat(third.commit(ChangeSet.EMPTY)).isEqualTo(3);
  }

  @Test
  void reopen_afterFailure_startsHealthy() {
    MemoryStore store = loaded(MemoryStore.create());
    store.failNextCommit(Reason.IO);
    assertThatThrownBy(() -> store.commit(ChangeSet.EMPTY)).isInstanceOf(StorageException.class);
    store.close();

    MemoryStore again = loaded(store.reopen());

    assertThat(again.health()).isEqualTo(StoreHealth.OK);
    assertThat(again.commit(ChangeSet.EMPTY)).isEqualTo(1);
  }

  @Test
  void failNextCommit_withIo_failsHandleWithThrownExceptionAsCause() {
    MemoryStore store = loaded(MemoryStore.create());
    store.failNextCommit(Reason.IO);

    StorageException failure = catchThrowableOfType(StorageException.class,
        () -> store.commit(ChangeSet.builder().put(record("a", "x")).build()));

    assertThat(failure.reason()).isEqualTo(Reason.IO);
    assertThat(failure).hasMessageContaining("failNextCommit(IO)").hasMessageContaining("1 changes");
    assertThat(store.health().state()).isEqualTo(StoreHealth.State.FAILED);
    assertThat(store.health().cause()).containsSame(failure);
    assertThatThrownBy(() -> store.commit(ChangeSet.EMPTY))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED))
        .hasCause(failure);
  }

  @Test
  void failNextCommit_withFailed_alsoFailsHandle() {
    MemoryStore store = loaded(MemoryStore.create());
    store.failNextCommit(Reason.FAILED);

    assertThatThrownBy(() -> store.commit(ChangeSet.EMPTY))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));

    assertThat(store.health().state()).isEqualTo(StoreHealth.State.FAILED);
  }

  @Test
  void failNextCommit_withTooLarge_refusesOnlyThatCommitAndUsesNoSequence() {
    MemoryStore store = loaded(MemoryStore.create());
    long first = store.commit(ChangeSet.builder().put(record("a", "x")).build());
    store.failNextCommit(Reason.TOO_LARGE);

    assertThatThrownBy(() -> store.commit(ChangeSet.builder().put(record("b", "y")).build()))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));

    assertThat(store.health()).isEqualTo(StoreHealth.OK);
    assertThat(store.commit(ChangeSet.builder().put(record("c", "z")).build())).isEqualTo(first + 1);
    store.close();
    assertThat(load(store.reopen())).containsOnlyKeys(key("a"), key("c"));
  }

  @Test
  void failNextCommit_calledTwice_lastReasonWinsAndFiresOnce() {
    MemoryStore store = loaded(MemoryStore.create());
    store.failNextCommit(Reason.IO);
    store.failNextCommit(Reason.TOO_LARGE);

    assertThatThrownBy(() -> store.commit(ChangeSet.EMPTY))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));

    assertThat(store.commit(ChangeSet.EMPTY)).isEqualTo(1);
  }

  @Test
  void failNextCommit_withClosedReason_isRejected() {
    MemoryStore store = loaded(MemoryStore.create());

    assertThatThrownBy(() -> store.failNextCommit(Reason.CLOSED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLOSED");

    assertThat(store.commit(ChangeSet.EMPTY)).isEqualTo(1);
  }

  @Test
  void failNextCommit_nullReason_throwsNpe() {
    MemoryStore store = loaded(MemoryStore.create());

    assertThatThrownBy(() -> store.failNextCommit(null)).isInstanceOf(NullPointerException.class);

    assertThat(store.commit(ChangeSet.EMPTY)).isEqualTo(1);
  }

  @Test
  void failNextCommit_onClosedHandle_throwsClosed() {
    MemoryStore store = MemoryStore.create();
    store.close();

    assertThatThrownBy(() -> store.failNextCommit(Reason.IO))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));
  }

  @Test
  void failNextCommit_armedThenClosed_doesNotFireOnReopenedHandle() {
    MemoryStore store = loaded(MemoryStore.create());
    store.failNextCommit(Reason.IO);
    store.close();

    MemoryStore again = loaded(store.reopen());

    assertThat(again.commit(ChangeSet.EMPTY)).isEqualTo(1);
  }

  @Test
  void commit_fromManyThreads_appliesEveryChangeSetWithUniqueSequences() throws Exception {
    MemoryStore store = loaded(MemoryStore.create());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<Long>>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          List<Long> sequences = new ArrayList<>();
          for (int i = 0; i < 500; i++) {
            sequences.add(store.commit(ChangeSet.builder().put(record(thread + "-" + i, "v")).build()));
          }
          return sequences;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : futures) {
        List<Long> sequences = f.get();
        assertThat(sequences).as("one thread's sequences").isSorted();
        all.addAll(sequences);
      }

      assertThat(all).hasSize(4_000).doesNotHaveDuplicates().allMatch(s -> s >= 1 && s <= 4_000);
    } finally {
      pool.shutdown();
    }
    store.close();
    assertThat(load(store.reopen())).hasSize(4_000);
  }

  @Test
  void load_sinkThatCommits_seesTheContentAsOfLoad() {
    MemoryStore store = loaded(MemoryStore.create());
    store.commit(ChangeSet.builder().put(record("a", "x")).put(record("b", "y")).build());
    store.close();
    MemoryStore again = store.reopen();
    List<RecordKey> streamed = new ArrayList<>();

    RecoveryReport report = again.load(r -> {
      streamed.add(r.key());
      again.commit(ChangeSet.builder().put(record("from-sink-" + r.key().id(), "z")).build());
    });

    assertThat(streamed).containsExactlyInAnyOrder(key("a"), key("b"));
    assertThat(report.recordsLoaded()).isEqualTo(2);
    assertThat(report.lastSequence()).isEqualTo(1);
  }

  @Test
  void toString_openStore_showsStateSizeAndSequence() {
    MemoryStore store = loaded(MemoryStore.create());
    store.commit(ChangeSet.builder().put(record("a", "x")).put(record("b", "y")).build());

    assertThat(store).hasToString("MemoryStore[OK, 2 records, lastSequence=1]");
    store.close();
    assertThat(store).hasToString("MemoryStore[CLOSED, 2 records, lastSequence=1]");
  }

  private static MemoryStore loaded(MemoryStore store) {
    store.load(r -> {});
    return store;
  }

  private static Map<RecordKey, StoredRecord> load(MemoryStore store) {
    Map<RecordKey, StoredRecord> records = new HashMap<>();
    store.load(r -> records.put(r.key(), r));
    return records;
  }

  private static RecordKey key(String id) {
    return new RecordKey("test", id);
  }

  private static StoredRecord record(String id, String text) {
    return new StoredRecord(key(id), text.getBytes(StandardCharsets.UTF_8));
  }
}
