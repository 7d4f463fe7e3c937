package dev.prodtrack.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordKeyTest {

  @Test
  void new_validParts_keepsThem() {
    RecordKey key = new RecordKey("task", "6f1c");

    assertThat(key.kind()).isEqualTo("task");
    assertThat(key.id()).isEqualTo("6f1c");
  }

  @Test
  void new_maximumLengths_areAccepted() {
    RecordKey key = new RecordKey("k".repeat(64), "i".repeat(256));

    assertThat(key.kind()).hasSize(64);
    assertThat(key.id()).hasSize(256);
  }

  @Test
  void new_nullKind_throwsNpeNamingKind() {
    assertThatThrownBy(() -> new RecordKey(null, "x")).isInstanceOf(NullPointerException.class).hasMessage("kind");
  }

  @Test
  void new_nullId_throwsNpeNamingId() {
    assertThatThrownBy(() -> new RecordKey("task", null)).isInstanceOf(NullPointerException.class).hasMessage("id");
  }

  @Test
  void new_blankKind_isRejectedEchoingValue() {
    assertThatThrownBy(() -> new RecordKey(" \t", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind")
        .hasMessageContaining("' \t'");
  }

  @Test
  void new_emptyId_isRejected() {
    assertThatThrownBy(() -> new RecordKey("task", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
  }

  @Test
  void new_kindTooLong_isRejected() {
    assertThatThrownBy(() -> new RecordKey("k".repeat(65), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind must be 1..64");
  }

  @Test
  void new_idTooLong_isRejected() {
    assertThatThrownBy(() -> new RecordKey("task", "i".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id must be 1..256");
  }

  @Test
  void equals_samePartsEqual_differentKindsDiffer() {
    assertThat(new RecordKey("task", "1")).isEqualTo(new RecordKey("task", "1"))
        .hasSameHashCodeAs(new RecordKey("task", "1"))
        .isNotEqualTo(new RecordKey("comment", "1"));
  }

  @Test
  void equalsAndHashCode_followBothParts_andKeepTheRecordsHashValue() {
    RecordKey key = new RecordKey("task", "6f1c");
    RecordKey same = new RecordKey(new String("task"), new String("6f1c"));

    assertThat(key).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(key).isNotEqualTo(new RecordKey("task", "6f1d")).isNotEqualTo(new RecordKey("tasks", "6f1c"))
        .isNotEqualTo("task/6f1c").isNotEqualTo(null);
    // the value a generated record hash code has, so that hash-map iteration orders stay as they were
    assertThat(key.hashCode()).isEqualTo(31 * "task".hashCode() + "6f1c".hashCode());
  }
}
