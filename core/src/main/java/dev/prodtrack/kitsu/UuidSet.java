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

  /** Slot i holds its id's bits at 2i (most significant) and 2i + 1: one cache line per probe. */
  private long[] keys = new long[2 * MIN_CAPACITY];
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
    if (keys[2 * slot] != 0 || keys[2 * slot + 1] != 0) {
      values[slot] = value;
      return false;
    }
    keys[2 * slot] = m;
    keys[2 * slot + 1] = l;
    values[slot] = value;
    size++;
    if (size * 4L >= values.length * 3L) {
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
    return keys[2 * slot] != 0 || keys[2 * slot + 1] != 0 ? values[slot] : absent;
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
    return keys[2 * slot] != 0 || keys[2 * slot + 1] != 0;
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
        while (i < values.length && keys[2 * i] == 0 && keys[2 * i + 1] == 0) {
          i++;
        }
        return i;
      }

      @Override
      public boolean hasNext() {
        return next < values.length;
      }

      @Override
      public UUID next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        UUID id = next < 0 ? new UUID(0, 0) : new UUID(keys[2 * next], keys[2 * next + 1]);
        next = advance(next + 1);
        return id;
      }
    };
  }

  /** The slot holding the id, or the empty slot where it would go (linear probing). */
  private int slot(long m, long l) {
    int mask = values.length - 1;
    long h = (m * 0x9E3779B97F4A7C15L) ^ l;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    int i = (int) h & mask;
    while (true) {
      long km = keys[2 * i];
      long kl = keys[2 * i + 1];
      if ((km == m && kl == l) || (km == 0 && kl == 0)) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldValues.length * 2];
    for (int i = 0; i < oldValues.length; i++) {
      long m = oldKeys[2 * i];
      long l = oldKeys[2 * i + 1];
      if (m != 0 || l != 0) {
        int slot = slot(m, l);
        keys[2 * slot] = m;
        keys[2 * slot + 1] = l;
        values[slot] = oldValues[i];
      }
    }
  }
}
