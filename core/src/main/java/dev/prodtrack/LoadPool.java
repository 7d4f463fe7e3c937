package dev.prodtrack;

import java.util.UUID;
import java.util.function.Function;
import org.eclipse.collections.impl.set.mutable.UnifiedSet;

/**
 * The values the records decoded by one load share: one id object per id (of each id type), and one
 * object per equal instant, date, duration and string, so that a reopened production does not hold a
 * copy per reference.
 *
 * <p>Design note. Ids are most of the lookups (every reference to a task, person, project and so on),
 * so they have their own open-addressing table keyed by the UUID's two halves, looked up before any
 * object is made: a hit costs no allocation and no {@code equals} call, where a general set of
 * objects needs the UUID and its wrapper built first and then compared field by field. Two ids of
 * different types with the same UUID are different values (a {@code TaskId} never equals a {@code
 * CommentId}), so a slot matches only when the type matches too. Other values go to a general set.
 *
 * <p>Not thread-safe: one decoding thread per pool.
 */
final class LoadPool {
  /** The UUID halves of slot {@code i} at {@code 2i} and {@code 2i + 1}. */
  private long[] keys;
  /** The id of each slot, or null for a free slot. */
  private Object[] ids;
  private int size;
  private final UnifiedSet<Object> others = new UnifiedSet<>();

  /** Creates an empty pool. */
  LoadPool() {
    this(1024);
  }

  /**
   * Creates an empty pool sized for about {@code expectedIds} distinct ids.
   *
   * @param expectedIds a sizing hint; any value
   */
  LoadPool(int expectedIds) {
    int capacity = Integer.highestOneBit(Math.max(16, Math.min(1 << 28, expectedIds * 2 - 1))) << 1;
    keys = new long[2 * capacity];
    ids = new Object[capacity];
  }

  /**
   * The pool's id of this type and UUID, made with {@code wrap} and added if absent.
   *
   * @param most the UUID's most significant bits
   * @param least the UUID's least significant bits
   * @param type the class {@code wrap} returns
   * @param wrap makes the id from its UUID
   * @param <T> the id type
   * @return the shared id
   */
  @SuppressWarnings("unchecked")
  <T> T id(long most, long least, Class<T> type, Function<UUID, T> wrap) {
    Object[] table = ids;
    int mask = table.length - 1;
    int i = slot(most, least) & mask;
    while (true) {
      Object v = table[i];
      if (v == null) {
        T made = wrap.apply(new UUID(most, least));
        table[i] = made;
        keys[2 * i] = most;
        keys[2 * i + 1] = least;
        if (++size * 2 > table.length) {
          grow();
        }
        return made;
      }
      if (keys[2 * i] == most && keys[2 * i + 1] == least && v.getClass() == type) {
        return (T) v;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * The pool's value equal to {@code value}, added if absent.
   *
   * @param value any value with a consistent {@code equals}, or null
   * @param <T> its type
   * @return the shared value, or null for null
   */
  @SuppressWarnings("unchecked")
  <T> T shared(T value) {
    return value == null ? null : (T) others.put(value);
  }

  /**
   * How many distinct ids the pool holds.
   *
   * @return the count
   */
  int idCount() {
    return size;
  }

  private static int slot(long most, long least) {
    long h = (most ^ least) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldIds = ids;
    ids = new Object[oldIds.length * 2];
    keys = new long[oldKeys.length * 2];
    int mask = ids.length - 1;
    for (int j = 0; j < oldIds.length; j++) {
      if (oldIds[j] != null) {
        long most = oldKeys[2 * j];
        long least = oldKeys[2 * j + 1];
        int i = slot(most, least) & mask;
        while (ids[i] != null) {
          i = (i + 1) & mask;
        }
        ids[i] = oldIds[j];
        keys[2 * i] = most;
        keys[2 * i + 1] = least;
      }
    }
  }
}
