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
  /**
   * Slot {@code i}'s key at {@code 3i} (the UUID's most significant half), {@code 3i + 1} (least) and
   * {@code 3i + 2} (the value type's code, {@link #typeCode}, unique per class, so that a probe
   * compares in one cache line and never reads the value object: a hit costs one cache line).
   */
  private long[] keys;
  /** The id of each slot, or null for a free slot. */
  private Object[] ids;
  private int size;
  private final UnifiedSet<Object> others = new UnifiedSet<>();

  /** A code per class, unique within the JVM (never reused: classes are not unloaded here). */
  private static final java.util.concurrent.atomic.AtomicLong NEXT_CODE = new java.util.concurrent.atomic.AtomicLong(1);
  private static final ClassValue<Long> CODES = new ClassValue<>() {
    @Override
    protected Long computeValue(Class<?> type) {
      return NEXT_CODE.getAndIncrement();
    }
  };

  /**
   * The class's code in the key table: distinct classes have distinct codes. A caller that looks up many
   * values of one class computes it once and uses the methods that take the code.
   *
   * @param type a class
   * @return its code, the same for the JVM's life
   */
  static long typeCode(Class<?> type) {
    return CODES.get(type);
  }

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
    keys = new long[3 * capacity];
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
    return id(most, least, typeCode(type), wrap);
  }

  /**
   * As {@link #id(long, long, Class, Function)}, with the type's {@link #typeCode}.
   *
   * @param most the UUID's most significant bits
   * @param least the UUID's least significant bits
   * @param code the {@link #typeCode} of the class {@code wrap} returns
   * @param wrap makes the id from its UUID
   * @param <T> the id type
   * @return the shared id
   */
  @SuppressWarnings("unchecked")
  <T> T id(long most, long least, long code, Function<UUID, T> wrap) {
    Object hit = get(most, least, code);
    if (hit != null) {
      return (T) hit;
    }
    T made = wrap.apply(new UUID(most, least));
    put(most, least, code, made);
    return made;
  }

  /**
   * The value of {@code type} kept under the key {@code (a, b)}, or null. Besides ids, values with a
   * cheap two-{@code long} key are kept here (instants and dates, keyed by their text's fields), so a
   * repeated value costs neither its construction nor an {@code equals} call.
   *
   * @param a the key's first half
   * @param b the key's second half
   * @param type the value's class, part of the key
   * @return the value {@link #put} kept, or null
   */
  Object get(long a, long b, Class<?> type) {
    return get(a, b, typeCode(type));
  }

  /**
   * As {@link #get(long, long, Class)}, with the class's {@link #typeCode}.
   *
   * @param a the key's first half
   * @param b the key's second half
   * @param typeHash the value class's {@link #typeCode}
   * @return the value {@link #put} kept, or null
   */
  Object get(long a, long b, long typeHash) {
    Object[] table = ids;
    long[] k = keys;
    int mask = table.length - 1;
    int i = slot(a, b, typeHash) & mask;
    while (true) {
      Object v = table[i];
      if (v == null) {
        return null;
      }
      int at = 3 * i;
      if (k[at] == a && k[at + 1] == b && k[at + 2] == typeHash) {
        return v;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Keeps {@code value} under the key {@code (a, b, type)}; {@link #get} must have returned null for it.
   *
   * @param a the key's first half
   * @param b the key's second half
   * @param type the value's class
   * @param value the value, not null, of class {@code type}
   */
  void put(long a, long b, Class<?> type, Object value) {
    put(a, b, typeCode(type), value);
  }

  /**
   * As {@link #put(long, long, Class, Object)}, with the class's {@link #typeCode}.
   *
   * @param a the key's first half
   * @param b the key's second half
   * @param typeHash the value class's {@link #typeCode}
   * @param value the value, not null, of that class
   */
  void put(long a, long b, long typeHash, Object value) {
    int mask = ids.length - 1;
    int i = slot(a, b, typeHash) & mask;
    while (ids[i] != null) {
      i = (i + 1) & mask;
    }
    ids[i] = value;
    keys[3 * i] = a;
    keys[3 * i + 1] = b;
    keys[3 * i + 2] = typeHash;
    if (++size * 2 > ids.length) {
      grow();
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
   * How many distinct ids (and other keyed values) the pool holds.
   *
   * @return the count
   */
  int idCount() {
    return size;
  }

  private static int slot(long most, long least, long typeHash) {
    long h = (most ^ least ^ typeHash) * 0x9E3779B97F4A7C15L;
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
        long most = oldKeys[3 * j];
        long least = oldKeys[3 * j + 1];
        long typeHash = oldKeys[3 * j + 2];
        int i = slot(most, least, typeHash) & mask;
        while (ids[i] != null) {
          i = (i + 1) & mask;
        }
        ids[i] = oldIds[j];
        keys[3 * i] = most;
        keys[3 * i + 1] = least;
        keys[3 * i + 2] = typeHash;
      }
    }
  }
}
