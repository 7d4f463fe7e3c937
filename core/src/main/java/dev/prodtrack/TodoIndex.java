package dev.prodtrack;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.eclipse.collections.api.map.MutableMap;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;

/**
 * Each person's assigned tasks whose status is not done, per project, ordered by due date (tasks without
 * one last), then by id: the todo list (Kitsu's filter) read as an array copy per project, without a
 * lookup, a sort or a pass over the person's done tasks per query.
 *
 * <p>Design note. Per (person, project), parallel arrays sorted by (due day, id): the due date as an
 * epoch day ({@link Integer#MAX_VALUE} for none, after every date), the two halves of the task's id (so
 * that a binary search compares primitives in three arrays instead of following each probed record to its
 * id and UUID, a cache miss or two per step) and the current task record. Adding or
 * removing a task is a binary search on those keys and an array copy of at most the person's open tasks
 * of the project (a few thousand); a change that keeps the membership, the assignees, the project and the
 * due date (a comment moving a task between two open statuses, say) only replaces the record in place,
 * found by binary search. A task belongs when it is assigned and its status is not done. The index is
 * built from the state on first use and then maintained by {@link State} on every task change; a status
 * that appears or changes its done flag drops it (rebuilt on the next query). Not thread-safe: read under
 * the engine's read lock, changed under its write lock; readers copy what they return.
 */
final class TodoIndex {
  private static final int NO_DUE = Integer.MAX_VALUE;

  /** One person's open tasks of one project, sorted; {@code size} entries of each array are used. */
  static final class Open {
    Task[] tasks = new Task[8];
    int[] due = new int[8];
    /** Each task's id: {@link java.util.UUID#getMostSignificantBits()}. */
    long[] idHigh = new long[8];
    /** Each task's id: {@link java.util.UUID#getLeastSignificantBits()}. */
    long[] idLow = new long[8];
    int size;

    /** Where (day, id) is, or {@code -(insertion point) - 1}. */
    private int find(int day, TaskId id) {
      long high = id.value().getMostSignificantBits();
      long low = id.value().getLeastSignificantBits();
      int lo = 0;
      int hi = size - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        // UUID.compareTo's order: the most significant halves as signed longs, then the least
        int c = Integer.compare(due[mid], day);
        if (c == 0) {
          c = Long.compare(idHigh[mid], high);
          if (c == 0) {
            c = Long.compare(idLow[mid], low);
          }
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

    /** Adds a task; already there (a person listed twice among a task's assignees), nothing changes. */
    void add(int day, Task t) {
      int at = find(day, t.id());
      if (at >= 0) {
        return;
      }
      at = -at - 1;
      if (size == tasks.length) {
        tasks = Arrays.copyOf(tasks, size * 2);
        due = Arrays.copyOf(due, size * 2);
        idHigh = Arrays.copyOf(idHigh, size * 2);
        idLow = Arrays.copyOf(idLow, size * 2);
      }
      System.arraycopy(tasks, at, tasks, at + 1, size - at);
      System.arraycopy(due, at, due, at + 1, size - at);
      System.arraycopy(idHigh, at, idHigh, at + 1, size - at);
      System.arraycopy(idLow, at, idLow, at + 1, size - at);
      tasks[at] = t;
      due[at] = day;
      idHigh[at] = t.id().value().getMostSignificantBits();
      idLow[at] = t.id().value().getLeastSignificantBits();
      size++;
    }

    /** Removes a task; absent (removed for an earlier listing of the same person), nothing changes. */
    void remove(int day, TaskId id) {
      int at = find(day, id);
      if (at < 0) {
        return;
      }
      System.arraycopy(tasks, at + 1, tasks, at, size - at - 1);
      System.arraycopy(due, at + 1, due, at, size - at - 1);
      System.arraycopy(idHigh, at + 1, idHigh, at, size - at - 1);
      System.arraycopy(idLow, at + 1, idLow, at, size - at - 1);
      size--;
      tasks[size] = null;
    }

    /** Replaces the record of a task whose keys did not change. */
    void replace(int day, Task t) {
      int at = find(day, t.id());
      if (at >= 0) {
        tasks[at] = t;
      }
    }
  }

  private static int compare(int dayA, Task a, int dayB, TaskId b) {
    int c = Integer.compare(dayA, dayB);
    return c != 0 ? c : a.id().value().compareTo(b.value());
  }

  private final MutableMap<PersonId, MutableMap<ProjectId, Open>> byPerson = UnifiedMap.newMap();
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
    state.tasks.forEachValue(index::add);
    return index;
  }

  /**
   * The open tasks of a person, in order, in the projects {@code listed} accepts.
   *
   * @param person the person
   * @param listed whether a project's tasks are listed
   * @return a new array, by due date then id
   */
  Task[] of(PersonId person, Predicate<ProjectId> listed) {
    MutableMap<ProjectId, Open> projects = byPerson.get(person);
    if (projects == null) {
      return new Task[0];
    }
    List<Open> runs = new ArrayList<>(projects.size());
    projects.forEachKeyValue((project, open) -> {
      if (listed.test(project)) {
        runs.add(open);
      }
    });
    if (runs.size() == 1) {
      Open only = runs.get(0);
      return Arrays.copyOf(only.tasks, only.size);
    }
    int total = 0;
    for (Open o : runs) {
      total += o.size;
    }
    Task[] out = new Task[total];
    int[] next = new int[runs.size()];
    for (int n = 0; n < total; n++) {
      int best = -1;
      for (int r = 0; r < runs.size(); r++) {
        Open o = runs.get(r);
        if (next[r] < o.size && (best < 0 || compare(o.due[next[r]], o.tasks[next[r]],
            runs.get(best).due[next[best]], runs.get(best).tasks[next[best]].id()) < 0)) {
          best = r;
        }
      }
      out[n] = runs.get(best).tasks[next[best]++];
    }
    return out;
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
        byPerson.getIfAbsentPut(p, UnifiedMap::new).getIfAbsentPut(t.projectId(), Open::new).add(day, t);
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
        MutableMap<ProjectId, Open> projects = byPerson.get(p);
        Open open = projects == null ? null : projects.get(t.projectId());
        if (open == null) {
          continue;
        }
        open.remove(day, t.id());
        if (open.size == 0) {
          projects.remove(t.projectId());
          if (projects.isEmpty()) {
            byPerson.remove(p);
          }
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
    boolean open = open(t);
    if (open(old) == open && Objects.equals(old.dueDate(), t.dueDate()) && old.assignees().equals(t.assignees())
        && old.projectId().equals(t.projectId())) {
      if (open) {
        int day = day(t);
        for (PersonId p : t.assignees()) {
          byPerson.get(p).get(t.projectId()).replace(day, t);
        }
      }
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
      MutableMap<ProjectId, Open> mine = byPerson.get(p);
      MutableMap<ProjectId, Open> theirs = other.byPerson.get(p);
      if (!mine.keySet().equals(theirs.keySet())) {
        return "person " + p + ": projects " + mine.keySet() + " vs " + theirs.keySet();
      }
      for (ProjectId project : mine.keySet()) {
        Open a = mine.get(project);
        Open b = theirs.get(project);
        if (!Arrays.equals(a.tasks, 0, a.size, b.tasks, 0, b.size) || !Arrays.equals(a.due, 0, a.size, b.due, 0, b.size)
            || !Arrays.equals(a.idHigh, 0, a.size, b.idHigh, 0, b.size)
            || !Arrays.equals(a.idLow, 0, a.size, b.idLow, 0, b.size)) {
          return "person " + p + ", project " + project + ": " + Arrays.toString(Arrays.copyOf(a.tasks, a.size))
              + " vs " + Arrays.toString(Arrays.copyOf(b.tasks, b.size));
        }
      }
    }
    return null;
  }
}
