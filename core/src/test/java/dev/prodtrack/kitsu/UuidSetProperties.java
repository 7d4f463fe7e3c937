package dev.prodtrack.kitsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link UuidSet} behaves as a {@code HashMap<UUID, Integer>} on random ids drawn from a small range (so
 * that ids repeat and collide, the all-zero id included). Seed: {@code -Dprodtrack.seed}.
 */
class UuidSetProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);

  @Test
  void putGetContains_randomIds_agreeWithAHashMap() {
    qt().withFixedSeed(SEED).withExamples(200)
        .forAll(lists().of(longs().between(-40, 40)).ofSizeBetween(0, 300), integers().all())
        .checkAssert((bits, salt) -> {
          UuidSet set = new UuidSet();
          Map<UUID, Integer> expected = new HashMap<>();
          for (int i = 0; i < bits.size(); i++) {
            long b = bits.get(i);
            UUID id = new UUID(b % 3 == 0 ? 0 : b, b);
            boolean added = set.put(id, salt + i);
            assertThat(added).isEqualTo(expected.put(id, salt + i) == null);
          }
          assertThat(set.size()).isEqualTo(expected.size());
          assertThat(set).containsExactlyInAnyOrderElementsOf(expected.keySet());
          for (Map.Entry<UUID, Integer> e : expected.entrySet()) {
            assertThat(set.get(e.getKey(), -1)).isEqualTo(e.getValue());
          }
          for (long b : List.of(41L, -41L, 1000L)) {
            assertThat(set.contains(new UUID(b, b))).isFalse();
            assertThat(set.get(new UUID(b, b), -7)).isEqualTo(-7);
          }
        });
  }
}
