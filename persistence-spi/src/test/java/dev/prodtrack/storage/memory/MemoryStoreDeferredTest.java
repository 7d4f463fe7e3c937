package dev.prodtrack.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.DeferredRecord;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link MemoryStore#commitDeferred}: records kept unencoded, encoded at the next load or before the next
 * plain commit, with the same atomicity, last-write-wins and fail-stop rules as plain commits.
 */
class MemoryStoreDeferredTest {
  private final AtomicInteger encodings = new AtomicInteger();

  /** A deferred test record whose identity is its id, counting how often it is encoded. */
  private DeferredRecord deferred(String id, String text) {
    return new DeferredRecord() {
      @Override
      public Object identity() {
        return id;
      }

      @Override
      public RecordKey key() {
        return MemoryStoreDeferredTest.key(id);
      }

      @Override
      public byte[] encode() {
        encodings.incrementAndGet();
        return text.getBytes(StandardCharsets.UTF_8);
      }
    };
  }

  @Test
  void commitDeferred_encodesNothing_untilALoadOfTheContent() {
    MemoryStore store = loaded(MemoryStore.create());
    long first = store.commitDeferred(List.of(deferred("a", "x"), deferred("b", "y")), List.of());
    long second = store.commitDeferred(List.of(deferred("a", "z")), List.of());
    assertThat(second).isEqualTo(first + 1);
    assertThat(encodings).as("encoded while the session lasts").hasValue(0);
    store.close();

    Map<RecordKey, String> reloaded = load(store.reopen());
    assertThat(reloaded).isEqualTo(Map.of(key("a"), "z", key("b"), "y"));
    assertThat(encodings).as("each live record encoded once").hasValue(2);
  }

  @Test
  void deferredDelete_removesTheRecord_whetherEncodedOrDeferred() {
    MemoryStore store = loaded(MemoryStore.create());
    store.commit(ChangeSet.builder().put(record("a", "old")).build());
    store.commitDeferred(List.of(deferred("b", "y")), List.of());
    store.commitDeferred(List.of(deferred("c", "w")), List.of(deferred("a", ""), deferred("b", "")));
    store.close();

    assertThat(load(store.reopen())).isEqualTo(Map.of(key("c"), "w"));
  }

  @Test
  void writesToOneKey_lastWins_acrossPlainAndDeferredCommits() {
    MemoryStore store = loaded(MemoryStore.create());
    store.commit(ChangeSet.builder().put(record("a", "1")).put(record("b", "1")).build());
    store.commitDeferred(List.of(deferred("a", "2"), deferred("b", "2")), List.of());
    store.commit(ChangeSet.builder().put(record("a", "3")).delete(key("c")).build());
    store.close();
    MemoryStore again = store.reopen();

    assertThat(load(again)).isEqualTo(Map.of(key("a"), "3", key("b"), "2"));
    again.commitDeferred(List.of(deferred("b", "4")), List.of());
    again.close();
    assertThat(load(again.reopen())).isEqualTo(Map.of(key("a"), "3", key("b"), "4"));
  }

  @Test
  void commitDeferred_injectedFailure_leavesContentUnchanged_andFailsTheHandle() {
    MemoryStore store = loaded(MemoryStore.create());
    store.commitDeferred(List.of(deferred("a", "x")), List.of());
    store.failNextCommit(Reason.IO);

    assertThatThrownBy(() -> store.commitDeferred(List.of(deferred("a", "y"), deferred("b", "y")),
        List.of(deferred("a", "")))).isInstanceOf(StorageException.class)
        .extracting(e -> ((StorageException) e).reason()).isEqualTo(Reason.IO);
    assertThatThrownBy(() -> store.commitDeferred(List.of(deferred("c", "z")), List.of()))
        .isInstanceOf(StorageException.class)
        .extracting(e -> ((StorageException) e).reason()).isEqualTo(Reason.FAILED);
    store.close();

    assertThat(load(store.reopen())).isEqualTo(Map.of(key("a"), "x"));
  }

  @Test
  void commitDeferred_beforeLoad_orClosed_isRefused() {
    MemoryStore store = MemoryStore.create();
    assertThatThrownBy(() -> store.commitDeferred(List.of(deferred("a", "x")), List.of()))
        .isInstanceOf(IllegalStateException.class);
    store.load(r -> {});
    store.close();
    assertThatThrownBy(() -> store.commitDeferred(List.of(deferred("a", "x")), List.of()))
        .isInstanceOf(StorageException.class)
        .extracting(e -> ((StorageException) e).reason()).isEqualTo(Reason.CLOSED);
    assertThat(load(store.reopen())).isEmpty();
  }

  @Test
  void keepDecoded_holdsTheRecordsInsteadOfTheirBytes_contentUnchanged() {
    MemoryStore store = loaded(MemoryStore.create());
    store.commit(ChangeSet.builder().put(record("a", "x")).put(record("b", "y")).build());
    store.close();
    MemoryStore again = store.reopen();
    Map<RecordKey, String> first = load(again);
    again.keepDecoded(List.of(deferred("a", "x"), deferred("unknown", "z")));
    assertThat(encodings).as("nothing encoded while the session lasts").hasValue(0);
    long next = again.commitDeferred(List.of(deferred("c", "w")), List.of());
    again.close();

    assertThat(first).isEqualTo(Map.of(key("a"), "x", key("b"), "y"));
    assertThat(next).as("keepDecoded took no sequence number").isEqualTo(2);
    assertThat(load(again.reopen())).as("an offered key the store did not hold is ignored")
        .isEqualTo(Map.of(key("a"), "x", key("b"), "y", key("c"), "w"));
    assertThat(encodings).as("the kept and the committed record, each encoded once").hasValue(2);
  }

  @Test
  void keepDecoded_beforeLoad_afterACommit_orClosed_isRefused_contentUnchanged() {
    MemoryStore store = MemoryStore.create();
    assertThatThrownBy(() -> store.keepDecoded(List.of(deferred("a", "new")))).isInstanceOf(IllegalStateException.class);
    store.load(r -> {});
    store.commit(ChangeSet.builder().put(record("a", "x")).build());
    assertThatThrownBy(() -> store.keepDecoded(List.of(deferred("a", "new")))).isInstanceOf(IllegalStateException.class);
    store.close();
    assertThatThrownBy(() -> store.keepDecoded(List.of(deferred("a", "new"))))
        .isInstanceOf(StorageException.class)
        .extracting(e -> ((StorageException) e).reason()).isEqualTo(Reason.CLOSED);

    assertThat(load(store.reopen())).isEqualTo(Map.of(key("a"), "x"));
    assertThat(encodings).hasValue(0);
  }

  private static MemoryStore loaded(MemoryStore store) {
    store.load(r -> {});
    return store;
  }

  private static Map<RecordKey, String> load(MemoryStore store) {
    Map<RecordKey, String> records = new HashMap<>();
    store.load(r -> records.put(r.key(), new String(r.payload(), StandardCharsets.UTF_8)));
    return records;
  }

  private static RecordKey key(String id) {
    return new RecordKey("test", id);
  }

  private static StoredRecord record(String id, String text) {
    return new StoredRecord(key(id), text.getBytes(StandardCharsets.UTF_8));
  }
}
