package dev.prodtrack.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An atomic group of puts and deletes: the records one engine mutation creates, changes or removes.
 *
 * <p>Within a change set each key appears at most once. Instances are immutable (the payload arrays
 * of the records excepted, see {@link StoredRecord}) and safe to share between threads.
 *
 * @param puts records created or replaced
 * @param deletes keys removed
 */
public record ChangeSet(List<StoredRecord> puts, List<RecordKey> deletes) {

  /** An empty change set. */
  public static final ChangeSet EMPTY = new ChangeSet(List.of(), List.of());

  /**
   * Validates the parts and copies the lists.
   *
   * @throws NullPointerException if a list or one of its elements is null
   * @throws IllegalArgumentException if a key appears twice
   */
  public ChangeSet {
    puts = List.copyOf(Objects.requireNonNull(puts, "puts"));
    deletes = List.copyOf(Objects.requireNonNull(deletes, "deletes"));
    int size = puts.size() + deletes.size();
    if (size > 1 && size <= SMALL) {
      requireDistinctSmall(puts, deletes);
    } else if (size > 1) {
      var seen = new HashSet<RecordKey>();
      for (StoredRecord r : puts) {
        if (!seen.add(r.key())) {
          throw new IllegalArgumentException("key appears twice in a change set: " + r.key());
        }
      }
      for (RecordKey k : deletes) {
        if (!seen.add(k)) {
          throw new IllegalArgumentException("key appears twice in a change set: " + k);
        }
      }
    }
  }

  /** Up to this many keys, duplicates are looked for pairwise: cheaper than a hash set. */
  private static final int SMALL = 12;

  private static void requireDistinctSmall(List<StoredRecord> puts, List<RecordKey> deletes) {
    RecordKey[] keys = new RecordKey[puts.size() + deletes.size()];
    int n = 0;
    for (StoredRecord r : puts) {
      keys[n++] = r.key();
    }
    for (RecordKey k : deletes) {
      keys[n++] = k;
    }
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (keys[i].equals(keys[j])) {
          throw new IllegalArgumentException("key appears twice in a change set: " + keys[i]);
        }
      }
    }
  }

  /**
   * Whether this change set holds nothing.
   *
   * @return true when there is no put and no delete
   */
  public boolean isEmpty() {
    return puts.isEmpty() && deletes.isEmpty();
  }

  /**
   * The number of puts and deletes.
   *
   * @return the size of the change set
   */
  public int size() {
    return puts.size() + deletes.size();
  }

  /**
   * Starts building a change set.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects puts and deletes; a later put or delete of the same key replaces the earlier one. Not
   * thread-safe.
   */
  public static final class Builder {
    private final Map<RecordKey, StoredRecord> entries = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds or replaces a put.
     *
     * @param record the record to store; not null
     * @return this builder
     * @throws NullPointerException if {@code record} is null
     */
    public Builder put(StoredRecord record) {
      Objects.requireNonNull(record, "record");
      entries.put(record.key(), record);
      return this;
    }

    /**
     * Adds or replaces a delete.
     *
     * @param key the key to remove; not null
     * @return this builder
     * @throws NullPointerException if {@code key} is null
     */
    public Builder delete(RecordKey key) {
      Objects.requireNonNull(key, "key");
      entries.put(key, null);
      return this;
    }

    /**
     * Builds the change set. The builder stays usable; later changes do not affect the result.
     *
     * @return an immutable change set holding the last put or delete of each key, in the order the
     *     keys were first added
     */
    public ChangeSet build() {
      List<StoredRecord> puts = new ArrayList<>();
      List<RecordKey> deletes = new ArrayList<>();
      entries.forEach((k, v) -> {
        if (v == null) {
          deletes.add(k);
        } else {
          puts.add(v);
        }
      });
      return new ChangeSet(puts, deletes);
    }
  }
}
