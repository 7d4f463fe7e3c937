package dev.prodtrack.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoredRecordTest {
  private static final RecordKey KEY = new RecordKey("task", "1");

  @Test
  void equals_equalPayloadContent_isEqualWithSameHash() {
    StoredRecord a = new StoredRecord(KEY, new byte[] {1, 2, 3});
    StoredRecord b = new StoredRecord(KEY, new byte[] {1, 2, 3});

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @Test
  void equals_differentPayloadOrKey_isNotEqual() {
    StoredRecord a = new StoredRecord(KEY, new byte[] {1, 2, 3});

    assertThat(a).isNotEqualTo(new StoredRecord(KEY, new byte[] {1, 2, 4}))
        .isNotEqualTo(new StoredRecord(new RecordKey("task", "2"), new byte[] {1, 2, 3}))
        .isNotEqualTo("not a record");
  }

  @Test
  void new_nullParts_throwNpeNamingThem() {
    assertThatThrownBy(() -> new StoredRecord(null, new byte[0])).isInstanceOf(NullPointerException.class).hasMessage("key");
    assertThatThrownBy(() -> new StoredRecord(KEY, null)).isInstanceOf(NullPointerException.class).hasMessage("payload");
  }

  @Test
  void toString_anyRecord_showsKeyAndSizeNotBytes() {
    assertThat(new StoredRecord(KEY, new byte[] {7, 7, 7})).hasToString("StoredRecord[task/1, 3 bytes]");
  }
}
