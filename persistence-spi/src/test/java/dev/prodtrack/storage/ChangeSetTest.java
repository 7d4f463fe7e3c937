package dev.prodtrack.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSetTest {

  @Test
  void builder_samePutTwice_lastPutWins() {
    ChangeSet changes = ChangeSet.builder().put(record("a", "one")).put(record("a", "two")).build();

    assertThat(changes.puts()).containsExactly(record("a", "two"));
    assertThat(changes.deletes()).isEmpty();
    assertThat(changes.size()).isEqualTo(1);
  }

  @Test
  void builder_putThenDelete_deleteWins() {
    ChangeSet changes = ChangeSet.builder().put(record("a", "one")).delete(key("a")).build();

    assertThat(changes.puts()).isEmpty();
    assertThat(changes.deletes()).containsExactly(key("a"));
  }

  @Test
  void builder_deleteThenPut_putWins() {
    ChangeSet changes = ChangeSet.builder().delete(key("a")).put(record("a", "back")).build();

    assertThat(changes.puts()).containsExactly(record("a", "back"));
    assertThat(changes.deletes()).isEmpty();
  }

  @Test
  void builder_manyKeys_keepsFirstInsertionOrder() {
    ChangeSet changes = ChangeSet.builder()
        .put(record("b", "1")).put(record("a", "1")).delete(key("c")).put(record("b", "2")).delete(key("d"))
        .build();

    assertThat(changes.puts()).containsExactly(record("b", "2"), record("a", "1"));
    assertThat(changes.deletes()).containsExactly(key("c"), key("d"));
  }

  @Test
  void builder_usedAfterBuild_doesNotChangeBuiltSet() {
    ChangeSet.Builder builder = ChangeSet.builder().put(record("a", "1"));
    ChangeSet first = builder.build();

    builder.put(record("b", "1"));

    assertThat(first.puts()).containsExactly(record("a", "1"));
    assertThat(builder.build().puts()).hasSize(2);
  }

  @Test
  void builder_nullArguments_throwNpe() {
    ChangeSet.Builder builder = ChangeSet.builder();

    assertThatThrownBy(() -> builder.put(null)).isInstanceOf(NullPointerException.class).hasMessage("record");
    assertThatThrownBy(() -> builder.delete(null)).isInstanceOf(NullPointerException.class).hasMessage("key");
    assertThat(builder.build().isEmpty()).isTrue();
  }

  @Test
  void new_duplicatePut_isRejectedNamingKey() {
    assertThatThrownBy(() -> new ChangeSet(List.of(record("a", "1"), record("a", "2")), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key appears twice")
        .hasMessageContaining("id=a");
  }

  @Test
  void new_duplicateDelete_isRejected() {
    assertThatThrownBy(() -> new ChangeSet(List.of(), List.of(key("a"), key("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key appears twice");
  }

  @Test
  void new_putAndDeleteOfSameKey_isRejected() {
    assertThatThrownBy(() -> new ChangeSet(List.of(record("a", "1")), List.of(key("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key appears twice");
  }

  @Test
  void new_nullListsOrElements_throwNpe() {
    List<StoredRecord> withNull = new ArrayList<>();
    withNull.add(null);

    assertThatThrownBy(() -> new ChangeSet(null, List.of())).isInstanceOf(NullPointerException.class).hasMessage("puts");
    assertThatThrownBy(() -> new ChangeSet(List.of(), null)).isInstanceOf(NullPointerException.class).hasMessage("deletes");
    assertThatThrownBy(() -> new ChangeSet(withNull, List.of())).isInstanceOf(NullPointerException.class);
  }

  @Test
  void new_mutableLists_areCopiedAndUnmodifiable() {
    List<StoredRecord> puts = new ArrayList<>(List.of(record("a", "1")));
    ChangeSet changes = new ChangeSet(puts, new ArrayList<>());

    puts.add(record("b", "1"));

    assertThat(changes.puts()).containsExactly(record("a", "1"));
    assertThatThrownBy(() -> changes.puts().add(record("c", "1"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> changes.deletes().add(key("c"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void empty_constant_isEmptyWithSizeZero() {
    assertThat(ChangeSet.EMPTY.isEmpty()).isTrue();
    assertThat(ChangeSet.EMPTY.size()).isZero();
    assertThat(ChangeSet.builder().build()).isEqualTo(ChangeSet.EMPTY);
  }

  @Test
  void size_putsAndDeletes_countsBoth() {
    ChangeSet changes = ChangeSet.builder().put(record("a", "1")).delete(key("b")).delete(key("c")).build();

    assertThat(changes.size()).isEqualTo(3);
    assertThat(changes.isEmpty()).isFalse();
  }

  private static RecordKey key(String id) {
    return new RecordKey("test", id);
  }

  private static StoredRecord record(String id, String text) {
    return new StoredRecord(key(id), text.getBytes(StandardCharsets.UTF_8));
  }
}
