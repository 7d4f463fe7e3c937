package dev.prodtrack.storage.memory;

import dev.prodtrack.storage.DeferredRecord;
import java.util.function.Consumer;

/**
 * The deferred records of a {@link MemoryStore} content, by identity: an open-addressing hash table that
 * holds the records themselves in one array (a record's identity is its key), so that a record costs one
 * array slot instead of a map entry object — a reopened production keeps well over a million of them.
 *
 * <p>Design note. Linear probing in a power-of-two array, at most three quarters full; the home slot of
 * an identity is the top bits of its hash times the golden ratio (Fibonacci hashing, so that identities
 * whose hash codes differ only in high or only in low bits still spread). Each slot's identity hash code
 * is kept in a parallel {@code int} array: a probe compares hash codes first and follows a record to its
 * identity (record, id, UUID: a cache miss each in a table of a million records) only when they are
 * equal, and growing or shifting a run never asks a record for its identity. Removal shifts the
 * following records of the probe run back (Knuth's algorithm R), so no tombstones accumulate. Not
 * thread-safe: the content's monitor guards it.
 */
final class DeferredTable {
  private DeferredRecord[] slots = new DeferredRecord[16];
  /** The identity hash code of each occupied slot of {@link #slots}. */
  private int[] hashes = new int[16];
  private int shift = 32 - 4;
  private int size;

  private int home(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  /**
   * How many records the table holds.
   *
   * @return the count
   */
  int size() {
    return size;
  }

  /**
   * Puts a record, replacing the one of equal identity.
   *
   * @param r the record
   */
  void put(DeferredRecord r) {
    Object identity = r.identity();
    int hash = identity.hashCode();
    int mask = slots.length - 1;
    for (int i = home(hash); ; i = (i + 1) & mask) {
      DeferredRecord at = slots[i];
      if (at == null) {
        slots[i] = r;
        hashes[i] = hash;
        if (++size > slots.length - (slots.length >>> 2)) {
          grow();
        }
        return;
      }
      if (hashes[i] == hash && at.identity().equals(identity)) {
        slots[i] = r;
        return;
      }
    }
  }

  /**
   * Removes the record of an identity, if there is one.
   *
   * @param identity the identity
   */
  void remove(Object identity) {
    int hash = identity.hashCode();
    int mask = slots.length - 1;
    int i = home(hash);
    while (true) {
      DeferredRecord at = slots[i];
      if (at == null) {
        return;
      }
      if (hashes[i] == hash && at.identity().equals(identity)) {
        break;
      }
      i = (i + 1) & mask;
    }
    // Shift back every record of the run that may not stay behind the hole at i.
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      DeferredRecord at = slots[j];
      if (at == null) {
        break;
      }
      int k = home(hashes[j]);
      boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
      if (!stays) {
        slots[i] = at;
        hashes[i] = hashes[j];
        i = j;
      }
    }
    slots[i] = null;
    size--;
  }

  /**
   * Visits every record, in no order.
   *
   * @param action called once per record
   */
  void forEach(Consumer<DeferredRecord> action) {
    for (DeferredRecord r : slots) {
      if (r != null) {
        action.accept(r);
      }
    }
  }

  private void grow() {
    DeferredRecord[] old = slots;
    int[] oldHashes = hashes;
    slots = new DeferredRecord[old.length * 2];
    hashes = new int[old.length * 2];
    shift--;
    int mask = slots.length - 1;
    for (int o = 0; o < old.length; o++) {
      DeferredRecord r = old[o];
      if (r != null) {
        int hash = oldHashes[o];
        int i = home(hash);
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = r;
        hashes[i] = hash;
      }
    }
  }
}
