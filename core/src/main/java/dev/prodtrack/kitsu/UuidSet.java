package dev.prodtrack.kitsu;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * A compact hash set of UUIDs, each kept as two longs in open-addressed primitive arrays, with an optional
 * {@code int} per id (see {@link #put}). 20 bytes a slot, at most 54 an id (load 3/8 to 3/4), against about 100 for a
 * {@code HashSet<UUID>}: the import's first pass keeps every id of the dump in such sets. Not thread-safe.
 * The all-zero UUID is kept in a flag of its own, the zero slot marking an empty one.
 */
final class UuidSet extends AbstractSet<UUID> {
  private static final int MIN_CAPACITY = 16;

  private long[] most = new long[MIN_CAPACITY];
  private long[] least = new long[MIN_CAPACITY];
  private int[] values = new int[MIN_CAPACITY];
  private int size;
  private boolean hasZero;
  private int zeroValue;

  @Override
  public boolean add(UUID id) {
    return put(id, 0);
  }

  /**
   * Adds an id with a value, or replaces the value of an id already in the set.
   *
   * @param id the id
   * @param value its value
   * @return true if the id was not in the set
   */
  boolean put(UUID id, int value) {
    long m = id.getMostSignificantBits();
    long l = id.getLeastSignificantBits();
    if (m == 0 && l == 0) {
      boolean added = !hasZero;
      hasZero = true;
      zeroValue = value;
      return added;
    }
    int slot = slot(m, l);
    if (most[slot] != 0 || least[slot] != 0) {
      values[slot] = value;
      return false;
    }
    most[slot] = m;
    least[slot] = l;
    values[slot] = value;
    size++;
    if (size * 4L >= most.length * 3L) {
      grow();
    }
    return true;
  }

  /**
   * The value of an id.
   *
   * @param id the id
   * @param absent what to return if the id is not in the set
   * @return its value, or {@code absent}
   */
  int get(UUID id, int absent) {
    long m = id.getMostSignificantBits();
    long l = id.getLeastSignificantBits();
    if (m == 0 && l == 0) {
      return hasZero ? zeroValue : absent;
    }
    int slot = slot(m, l);
    return most[slot] != 0 || least[slot] != 0 ? values[slot] : absent;
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof UUID id)) {
      return false;
    }
    long m = id.getMostSignificantBits();
    long l = id.getLeastSignificantBits();
    if (m == 0 && l == 0) {
      return hasZero;
    }
    int slot = slot(m, l);
    return most[slot] != 0 || least[slot] != 0;
  }

  @Override
  public int size() {
    return size + (hasZero ? 1 : 0);
  }

  @Override
  public Iterator<UUID> iterator() {
    return new Iterator<>() {
      private int next = hasZero ? -1 : advance(0);

      private int advance(int from) {
        int i = from;
        while (i < most.length && most[i] == 0 && least[i] == 0) {
          i++;
        }
        return i;
      }

      @Override
      public boolean hasNext() {
        return next < most.length;
      }

      @Override
      public UUID next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        UUID id = next < 0 ? new UUID(0, 0) : new UUID(most[next], least[next]);
        next = advance(next + 1);
        return id;
      }
    };
  }

  /** The slot holding the id, or the empty slot where it would go (linear probing). */
  private int slot(long m, long l) {
    int mask = most.length - 1;
    long h = (m * 0x9E3779B97F4A7C15L) ^ l;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    int i = (int) h & mask;
    while ((most[i] != 0 || least[i] != 0) && (most[i] != m || least[i] != l)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldMost = most;
    long[] oldLeast = least;
    int[] oldValues = values;
    most = new long[oldMost.length * 2];
    least = new long[oldMost.length * 2];
    values = new int[oldMost.length * 2];
    for (int i = 0; i < oldMost.length; i++) {
      if (oldMost[i] != 0 || oldLeast[i] != 0) {
        int slot = slot(oldMost[i], oldLeast[i]);
        most[slot] = oldMost[i];
        least[slot] = oldLeast[i];
        values[slot] = oldValues[i];
      }
    }
  }
}
