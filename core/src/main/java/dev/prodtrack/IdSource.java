package dev.prodtrack;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Where the engine takes new ids from. Injected so that tests are deterministic.
 *
 * <p>Implementations are called only by the engine's single writer, so they need not be thread-safe.
 */
@FunctionalInterface
public interface IdSource {

  /**
   * A new id, never returned before by this source.
   *
   * @return a UUID
   */
  UUID next();

  /**
   * Random version-4 UUIDs, as Kitsu generates: the default source.
   *
   * @return a source backed by {@link UUID#randomUUID()}
   */
  static IdSource random() {
    return UUID::randomUUID;
  }

  /**
   * Version-4-shaped UUIDs from a seeded generator: the same seed gives the same sequence.
   *
   * @param seed the seed
   * @return a deterministic source
   */
  static IdSource seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return () -> {
      long hi = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
      long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
      return new UUID(hi, lo);
    };
  }
}
