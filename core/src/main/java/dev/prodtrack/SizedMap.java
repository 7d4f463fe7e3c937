package dev.prodtrack;

import org.eclipse.collections.impl.map.mutable.UnifiedMap;

/**
 * A {@link UnifiedMap} that can be given its size before it is filled: a bulk load that knows how many
 * records of a kind it will put sizes the kind's tables once, instead of rehashing each of them about
 * twenty times on the way to millions of entries (each rehash walks the whole table: cache misses).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class SizedMap<K, V> extends UnifiedMap<K, V> {
  private static final long serialVersionUID = 1L;

  /** Creates an empty map of the default capacity. */
  SizedMap() {
  }

  /**
   * Grows the empty map's table to hold {@code expected} entries without a rehash; does nothing when the
   * map holds entries or is large enough already.
   *
   * @param expected the number of entries about to be put; any value
   */
  void presize(int expected) {
    if (!isEmpty() || expected <= 0) {
      return;
    }
    int capacity = 1;
    while (capacity < (int) Math.min(1 << 29, (long) Math.ceil(expected / loadFactor))) {
      capacity <<= 1;
    }
    if (capacity > table.length >> 1) {
      rehash(capacity);
    }
  }
}
