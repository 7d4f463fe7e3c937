package dev.prodtrack.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class StorageExceptionTest {

  @Test
  void new_withReasonAndCause_keepsBoth() {
    IOException cause = new IOException("EIO");

    StorageException e = new StorageException(StorageException.Reason.IO, "fsync failed", cause);

    assertThat(e.reason()).isEqualTo(StorageException.Reason.IO);
    assertThat(e).hasMessage("fsync failed").hasCause(cause);
  }

  @Test
  void new_nullReason_throwsNpe() {
    assertThatThrownBy(() -> new StorageException(null, "x")).isInstanceOf(NullPointerException.class).hasMessage("reason");
    assertThatThrownBy(() -> new StorageException(null, "x", new IOException()))
        .isInstanceOf(NullPointerException.class).hasMessage("reason");
  }
}
