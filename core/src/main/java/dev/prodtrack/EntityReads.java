package dev.prodtrack;

import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.Task;
import java.util.UUID;

/**
 * Every entity of a {@link State} with what the lock-free point reads need of it: its project (as the
 * state's {@linkplain State#projectOrdinal ordinal}) and its tasks (the very {@link FrozenList} the state
 * answers from {@link State#tasksOn}, or the empty list). One probe answers "the tasks of this entity, if
 * it is in this project", where the maps take two probes and read the stored key, the entity and its project
 * id on the way.
 *
 * <p>An open-addressing table with linear probing: the two halves of each id's UUID, the project ordinal
 * and a spare long lie side by side in one {@code long[]}, so a probe reads no key object; the task lists lie
 * in a parallel array at the same position. A removal shifts the entries that follow back (no tombstones).
 *
 * <p>Written by the state's single writer only. Read without a lock by {@link ProdTrack#readOptimistic}'s
 * fast path, which may see a half-done write (a resize, a shift): the read methods then answer something
 * the stamp validation throws away, answer null, or throw an index out of bounds; they never loop for ever
 * (a probe visits each slot at most once).
 */
final class EntityReads {
  /** Longs per slot: UUID high half, UUID low half, project ordinal (0: empty slot), spare. */
  private static final int STRIDE = 4;
  private static final int MIN_CAPACITY = 16;

  private long[] keys = new long[MIN_CAPACITY * STRIDE];
  private Object[] lists = new Object[MIN_CAPACITY];
  private int size;

  /**
   * The tasks of an entity when it belongs to a project. Safe to call without a lock (see the class note).
   *
   * @param id the entity's UUID
   * @param project the project's ordinal ({@code > 0})
   * @return the entity's task list, or null if the entity is unknown or in another project
   */
  @SuppressWarnings("unchecked")
  FrozenList<Task> tasksIfIn(UUID id, int project) {
    long hi = id.getMostSignificantBits();
    long lo = id.getLeastSignificantBits();
    long[] k = keys;
    Object[] v = lists;
    int mask = v.length - 1;
    int i = hash(hi, lo) & mask;
    for (int probes = 0; probes <= mask; probes++) {
      int at = i * STRIDE;
      long p = k[at + 2];
      if (p == 0) {
        return null;
      }
      if (k[at] == hi && k[at + 1] == lo) {
        return p == project ? (FrozenList<Task>) v[i] : null;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /**
   * The project ordinal of an entity. Safe to call without a lock (see the class note).
   *
   * @param id the entity's UUID
   * @return its project's ordinal, or 0 if the entity is unknown
   */
  int projectOf(UUID id) {
    int i = slotOf(id.getMostSignificantBits(), id.getLeastSignificantBits());
    return i < 0 ? 0 : (int) keys[i * STRIDE + 2];
  }

  /**
   * The tasks of an entity, whatever its project. Safe to call without a lock (see the class note).
   *
   * @param id the entity's UUID
   * @return its task list, or null if the entity is unknown
   */
  @SuppressWarnings("unchecked")
  FrozenList<Task> tasksOf(UUID id) {
    int i = slotOf(id.getMostSignificantBits(), id.getLeastSignificantBits());
    return i < 0 ? null : (FrozenList<Task>) lists[i];
  }

  /** How many entities the table holds. */
  int size() {
    return size;
  }

  /**
   * Adds an entity or replaces its project and tasks.
   *
   * @param id the entity
   * @param project its project's ordinal ({@code > 0})
   * @param tasks its task list
   */
  void put(EntityId id, int project, FrozenList<Task> tasks) {
    if (project <= 0) {
      throw new IllegalArgumentException("project ordinal " + project);
    }
    long hi = id.value().getMostSignificantBits();
    long lo = id.value().getLeastSignificantBits();
    int i = slotOf(hi, lo);
    if (i < 0) {
      if ((size + 1) * 2 > lists.length) {
        resize(lists.length * 2);
      }
      i = hash(hi, lo) & (lists.length - 1);
      while (keys[i * STRIDE + 2] != 0) {
        i = (i + 1) & (lists.length - 1);
      }
      keys[i * STRIDE] = hi;
      keys[i * STRIDE + 1] = lo;
      size++;
    }
    lists[i] = tasks;
    keys[i * STRIDE + 2] = project;
  }

  /**
   * Replaces the task list of an entity the table holds; does nothing for another (a task may name an
   * entity not loaded yet: the entity's {@link #put} brings its list along).
   *
   * @param id the entity
   * @param tasks its new task list
   * @return whether the table holds the entity (and now its new list)
   */
  boolean setTasks(EntityId id, FrozenList<Task> tasks) {
    int i = slotOf(id.value().getMostSignificantBits(), id.value().getLeastSignificantBits());
    if (i >= 0) {
      lists[i] = tasks;
      return true;
    }
    return false;
  }

  /**
   * Removes an entity; does nothing if the table does not hold it.
   *
   * @param id the entity
   */
  void remove(EntityId id) {
    int hole = slotOf(id.value().getMostSignificantBits(), id.value().getLeastSignificantBits());
    if (hole < 0) {
      return;
    }
    int mask = lists.length - 1;
    // Backward shift: move each following entry of the run into the hole when its home slot allows.
    int i = (hole + 1) & mask;
    while (keys[i * STRIDE + 2] != 0) {
      int home = hash(keys[i * STRIDE], keys[i * STRIDE + 1]) & mask;
      // the entry at i may fill the hole when its home is not in (hole, i], cyclically
      boolean homeBetween = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
      if (!homeBetween) {
        System.arraycopy(keys, i * STRIDE, keys, hole * STRIDE, STRIDE);
        lists[hole] = lists[i];
        hole = i;
      }
      i = (i + 1) & mask;
    }
    keys[hole * STRIDE] = 0;
    keys[hole * STRIDE + 1] = 0;
    keys[hole * STRIDE + 2] = 0;
    lists[hole] = null;
    size--;
  }

  /** Visits every entry: the UUID's halves, the project ordinal and the task list. */
  @SuppressWarnings("unchecked")
  void forEach(EntryVisitor visitor) {
    for (int i = 0; i < lists.length; i++) {
      int at = i * STRIDE;
      if (keys[at + 2] != 0) {
        visitor.visit(new UUID(keys[at], keys[at + 1]), (int) keys[at + 2], (FrozenList<Task>) lists[i]);
      }
    }
  }

  /** One entry of {@link #forEach}. */
  @FunctionalInterface
  interface EntryVisitor {
    void visit(UUID entity, int project, FrozenList<Task> tasks);
  }

  private int slotOf(long hi, long lo) {
    long[] k = keys;
    int mask = lists.length - 1;
    int i = hash(hi, lo) & mask;
    for (int probes = 0; probes <= mask; probes++) {
      int at = i * STRIDE;
      if (k[at + 2] == 0) {
        return -1;
      }
      if (k[at] == hi && k[at + 1] == lo) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    Object[] oldLists = lists;
    long[] k = new long[capacity * STRIDE];
    Object[] v = new Object[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldLists.length; j++) {
      int from = j * STRIDE;
      if (oldKeys[from + 2] != 0) {
        int i = hash(oldKeys[from], oldKeys[from + 1]) & mask;
        while (k[i * STRIDE + 2] != 0) {
          i = (i + 1) & mask;
        }
        System.arraycopy(oldKeys, from, k, i * STRIDE, STRIDE);
        v[i] = oldLists[j];
      }
    }
    // lists first: a reader that sees the new lists with the old keys reads out of bounds or a wrong
    // slot, both thrown away by the stamp validation
    lists = v;
    keys = k;
  }

  private static int hash(long hi, long lo) {
    return (int) (((hi ^ lo) * 0x9E3779B97F4A7C15L) >>> 32);
  }
}
