package dev.prodtrack.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreHealthTest {

  @Test
  void constants_okAndClosed_haveNoCause() {
    assertThat(StoreHealth.OK.state()).isEqualTo(StoreHealth.State.OK);
    assertThat(StoreHealth.OK.cause()).isEmpty();
    assertThat(StoreHealth.OK.isOk()).isTrue();
    assertThat(StoreHealth.CLOSED.state()).isEqualTo(StoreHealth.State.CLOSED);
    assertThat(StoreHealth.CLOSED.cause()).isEmpty();
    assertThat(StoreHealth.CLOSED.isOk()).isFalse();
  }

  @Test
  void failed_withCause_isFailedAndKeepsCause() {
    IOException cause = new IOException("disk full");

    StoreHealth health = StoreHealth.failed(cause);

    assertThat(health.state()).isEqualTo(StoreHealth.State.FAILED);
    assertThat(health.cause()).containsSame(cause);
    assertThat(health.isOk()).isFalse();
  }

  @Test
  void failed_nullCause_throwsNpe() {
    assertThatThrownBy(() -> StoreHealth.failed(null)).isInstanceOf(NullPointerException.class).hasMessage("cause");
  }

  @Test
  void new_failedWithoutCause_isRejected() {
    assertThatThrownBy(() -> new StoreHealth(StoreHealth.State.FAILED, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FAILED");
  }

  @Test
  void new_okOrClosedWithCause_isRejected() {
    Optional<Throwable> cause = Optional.of(new IOException("x"));

    assertThatThrownBy(() -> new StoreHealth(StoreHealth.State.OK, cause))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OK");
    assertThatThrownBy(() -> new StoreHealth(StoreHealth.State.CLOSED, cause))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLOSED");
  }

  @Test
  void new_nullParts_throwNpe() {
    assertThatThrownBy(() -> new StoreHealth(null, Optional.empty())).isInstanceOf(NullPointerException.class).hasMessage("state");
    assertThatThrownBy(() -> new StoreHealth(StoreHealth.State.OK, null)).isInstanceOf(NullPointerException.class).hasMessage("cause");
  }
}
