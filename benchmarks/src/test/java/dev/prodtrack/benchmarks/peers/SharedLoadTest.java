package dev.prodtrack.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code -Dprodtrack.peers.load}: which peers the shared mode loads besides prodtrack. */
class SharedLoadTest {

  @Test
  void theListIsKeptInOrder_withoutDuplicates_blanks_orProdtrack() {
    assertThat(SideBySide.sharedLoad("h2,sqlite,plain")).containsExactly("h2", "sqlite", "plain");
    assertThat(SideBySide.sharedLoad(" plain , sqlite,plain,,prodtrack")).containsExactly("plain", "sqlite");
    assertThat(SideBySide.sharedLoad("")).isEmpty();
  }

  @Test
  void anUnknownPeerIsRefusedByName() {
    assertThatThrownBy(() -> SideBySide.sharedLoad("sqlite,postgres"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'postgres'");
  }
}
