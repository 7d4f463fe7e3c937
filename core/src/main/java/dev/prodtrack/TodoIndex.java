package dev.prodtrack;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.eclipse.collections.api.map.MutableMap;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;

/**
 * Each person's assigned tasks whose status is not done, ordered by due date (tasks without one last),
 * then by id: the todo list (Kitsu's filter, less its project checks) read in order, without a sort or a
 * pass over the person's done tasks per query.
 *
 * <p>Design note. Per person, two parallel arrays sorted by (due day, id): the due date as an epoch day
 * ({@link Integer#MAX_VALUE} for none, after every date) and the task id. Adding or removing a task is a
 * binary search on those keys and an array copy of at most the person's open tasks (a few thousand), so
 * the stored keys, not the current task records, decide every comparison. A task belongs when it is
 * assigned and its status is not done; a change that keeps the membership, the assignees and the due date
 * (a comment moving a task between two open statuses, say) touches nothing. The index is built from the
 * state on first use and then maintained by {@link State} on every task change; a status that appears or
 * changes its done flag drops it (rebuilt on the next query). Not thread-safe: read under the engine's
 * read lock, changed under its write lock.
 */
final class TodoIndex {
  private static final int NO_DUE = Integer.MAX_VALUE;

  /** One person's open tasks, sorted; {@code size} entries of each array are used. */
  static final class Open {
    TaskId[] ids = new TaskId[8];
    int[] due = new int[8];
    int size;

    /** Where (day, id) is, or {@code -(insertion point) - 1}. */
    private int find(int day, TaskId id) {
      int lo = 0;
      int hi = size - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = Integer.compare(due[mid], day);
        if (c == 0) {
          c = ids[mid].value().compareTo(id.value());
        }
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -(lo + 1);
    }

    /** Adds (day, id); already there (a person listed twice among a task's assignees), nothing changes. */
    void add(int day, TaskId id) {
      int at = find(day, id);
      if (at >= 0) {
        return;
      }
      at = -at - 1;
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        due = Arrays.copyOf(due, size * 2);
      }
      System.arraycopy(ids, at, ids, at + 1, size - at);
      System.arraycopy(due, at, due, at + 1, size - at);
      ids[at] = id;
      due[at] = day;
      size++;
    }

    /** Removes (day, id); absent (removed for an earlier listing of the same person), nothing changes. */
    void remove(int day, TaskId id) {
      int at = find(day, id);
      if (at < 0) {
        return;
      }
      System.arraycopy(ids, at + 1, ids, at, size - at - 1);
      System.arraycopy(due, at + 1, due, at, size - at - 1);
      size--;
      ids[size] = null;
    }

    /**
     * The task id at a position.
     *
     * @param i the position, below {@link #size()}
     * @return the id
     */
    TaskId id(int i) {
      return ids[i];
    }

    /**
     * How many open tasks the person has.
     *
     * @return the count
     */
    int size() {
      return size;
    }
  }

  private final MutableMap<PersonId, Open> byPerson = UnifiedMap.newMap();
  private final State state;

  private TodoIndex(State state) {
    this.state = state;
  }

  /**
   * Builds the index from every task of the state.
   *
   * @param state the state, with every status its tasks refer to
   * @return the index
   */
  static TodoIndex build(State state) {
    TodoIndex index = new TodoIndex(state);
    state.tasks.forEachValue(t -> index.add(t));
    return index;
  }

  /**
   * A person's open tasks.
   *
   * @param person the person
   * @return them in order, or null when the person has none
   */
  Open of(PersonId person) {
    return byPerson.get(person);
  }

  /** Whether a task belongs: its status is known and not done (assignment is checked per person). */
  private boolean open(Task t) {
    TaskStatus status = state.taskStatuses.get(t.taskStatusId());
    return status != null && !status.isDone();
  }

  private static int day(Task t) {
    LocalDate due = t.dueDate();
    return due == null ? NO_DUE : Math.toIntExact(due.toEpochDay());
  }

  /**
   * Adds a task that was not in the state.
   *
   * @param t the task
   */
  void add(Task t) {
    if (!t.assignees().isEmpty() && open(t)) {
      int day = day(t);
      for (PersonId p : t.assignees()) {
        byPerson.getIfAbsentPut(p, Open::new).add(day, t.id());
      }
    }
  }

  /**
   * Removes a task that was in the state.
   *
   * @param t the task as it was
   */
  void remove(Task t) {
    if (!t.assignees().isEmpty() && open(t)) {
      int day = day(t);
      for (PersonId p : t.assignees()) {
        Open open = byPerson.get(p);
        if (open == null) {
          continue;
        }
        open.remove(day, t.id());
        if (open.size == 0) {
          byPerson.remove(p);
        }
      }
    }
  }

  /**
   * Replaces a task's record.
   *
   * @param old the task as it was
   * @param t the task as it is now
   */
  void replace(Task old, Task t) {
    if (open(old) == open(t) && Objects.equals(old.dueDate(), t.dueDate()) && old.assignees().equals(t.assignees())) {
      return;
    }
    remove(old);
    add(t);
  }

  /**
   * Compares with an index built from the records.
   *
   * @param other the rebuilt index
   * @return a description of the first difference, or null when equal
   */
  String firstDifference(TodoIndex other) {
    if (!byPerson.keySet().equals(other.byPerson.keySet())) {
      return "persons " + byPerson.keySet() + " vs " + other.byPerson.keySet();
    }
    for (PersonId p : byPerson.keySet()) {
      Open a = byPerson.get(p);
      Open b = other.byPerson.get(p);
      if (!Arrays.equals(a.ids, 0, a.size, b.ids, 0, b.size) || !Arrays.equals(a.due, 0, a.size, b.due, 0, b.size)) {
        return "person " + p + ": " + Arrays.toString(Arrays.copyOf(a.ids, a.size)) + " vs "
            + Arrays.toString(Arrays.copyOf(b.ids, b.size));
      }
    }
    return null;
  }
}
