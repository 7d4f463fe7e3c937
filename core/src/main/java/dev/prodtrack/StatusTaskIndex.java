package dev.prodtrack;

import dev.prodtrack.model.EntityKind;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TaskTypeId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.eclipse.collections.api.map.MutableMap;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;

/**
 * Per project and status, the tasks ordered as Kitsu's open-tasks page orders them (due date, none last,
 * then id), with their count and their duration and estimation sums kept as running totals: "tasks by
 * status" ({@link TaskApi#allOpenTasks} with a project and a status and no other filter) and "by status and
 * task type" ({@link TaskApi#allTasksForTaskStatus}) read a page as array copies and the statistics in O(1),
 * without a lookup per task, a filter, a sort or a pass over the selection.
 *
 * <p>Design note. Per (project, status) a {@link Bucket} of {@link Run}s: one of the tasks whose task type
 * is not a concept type (what the open-tasks page lists when no task type is given) and one per task type
 * (every task of that type, concept ones included). Every task of the state is in its bucket whatever its
 * status's done flag: the page asks the flag of the one status when queried, so a status whose flag changes
 * leaves the index as it is. A run keeps its tasks in chunks of at most {@link Run#CHUNK} entries, each
 * chunk parallel arrays sorted by (due epoch day, id halves) and the task record, so that a change is two
 * binary searches and an array copy of at most one chunk (not of a status's hundred thousand tasks at XL),
 * and a page is one {@link System#arraycopy} per chunk. A change that keeps a task's project, status, type,
 * due date and concept-ness (a comment without a status change, a new estimation) replaces the record in
 * place and adjusts the sums. Which types are concept types is read from the state on every change; a task
 * type whose {@code for_entity} moves in or out of Concept, or that appears or is removed, drops the index
 * (rebuilt by the next query). Built from the state on first use and then maintained by {@link State} on
 * every task change. Not thread-safe: read under the engine's read lock, changed under its write lock;
 * readers copy what they return.
 */
final class StatusTaskIndex {
  private static final long NO_DUE = Long.MAX_VALUE;

  /** One chunk of a run: {@code size} entries of each array, sorted by (due, idHigh, idLow). */
  private static final class Chunk {
    Task[] tasks;
    long[] due;
    long[] idHigh;
    long[] idLow;
    int size;

    Chunk(int capacity) {
      tasks = new Task[capacity];
      due = new long[capacity];
      idHigh = new long[capacity];
      idLow = new long[capacity];
    }

    /** Compares entry {@code i} with the key (day, high, low) as UUID.compareTo orders ids. */
    int compareAt(int i, long day, long high, long low) {
      int c = Long.compare(due[i], day);
      if (c == 0) {
        c = Long.compare(idHigh[i], high);
        if (c == 0) {
          c = Long.compare(idLow[i], low);
        }
      }
      return c;
    }

    /** Where the key is, or {@code -(insertion point) - 1}. */
    int find(long day, long high, long low) {
      int lo = 0;
      int hi = size - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = compareAt(mid, day, high, low);
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

    void insert(int at, long day, long high, long low, Task t) {
      if (size == tasks.length) {
        int grown = Math.min(Run.CHUNK, Math.max(8, size * 2));
        tasks = Arrays.copyOf(tasks, grown);
        due = Arrays.copyOf(due, grown);
        idHigh = Arrays.copyOf(idHigh, grown);
        idLow = Arrays.copyOf(idLow, grown);
      }
      System.arraycopy(tasks, at, tasks, at + 1, size - at);
      System.arraycopy(due, at, due, at + 1, size - at);
      System.arraycopy(idHigh, at, idHigh, at + 1, size - at);
      System.arraycopy(idLow, at, idLow, at + 1, size - at);
      tasks[at] = t;
      due[at] = day;
      idHigh[at] = high;
      idLow[at] = low;
      size++;
    }

    void delete(int at) {
      System.arraycopy(tasks, at + 1, tasks, at, size - at - 1);
      System.arraycopy(due, at + 1, due, at, size - at - 1);
      System.arraycopy(idHigh, at + 1, idHigh, at, size - at - 1);
      System.arraycopy(idLow, at + 1, idLow, at, size - at - 1);
      size--;
      tasks[size] = null;
    }

    /** Moves the upper half of this full chunk into a new chunk, returned. */
    Chunk splitUpper() {
      int keep = size / 2;
      int move = size - keep;
      Chunk upper = new Chunk(Run.CHUNK);
      System.arraycopy(tasks, keep, upper.tasks, 0, move);
      System.arraycopy(due, keep, upper.due, 0, move);
      System.arraycopy(idHigh, keep, upper.idHigh, 0, move);
      System.arraycopy(idLow, keep, upper.idLow, 0, move);
      upper.size = move;
      Arrays.fill(tasks, keep, size, null);
      size = keep;
      return upper;
    }
  }

  /**
   * Tasks sorted by (due date, none last; id) with their count and the sums of their durations and
   * estimations (seconds and nanosecond parts summed apart, so that no sum of a million tasks overflows).
   */
  static final class Run {
    /** The most entries a chunk holds; a full chunk splits in two. */
    static final int CHUNK = 512;

    private Chunk[] chunks = new Chunk[4];
    private int chunkCount;
    private int size;
    private long durationSeconds;
    private long durationNanos;
    private long estimationSeconds;
    private long estimationNanos;

    /** How many tasks the run holds. */
    int size() {
      return size;
    }

    /** The sum of the tasks' durations. */
    Duration duration() {
      return Duration.ofSeconds(durationSeconds, durationNanos);
    }

    /** The sum of the tasks' estimations. */
    Duration estimation() {
      return Duration.ofSeconds(estimationSeconds, estimationNanos);
    }

    /** The chunk a key belongs in: the last whose first entry is not after it (the first chunk if none). */
    private int chunkFor(long day, long high, long low) {
      int lo = 1;
      int hi = chunkCount - 1;
      int found = 0;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (chunks[mid].compareAt(0, day, high, low) <= 0) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found;
    }

    private void sum(Task t, int sign) {
      Duration d = t.duration();
      durationSeconds += sign * d.getSeconds();
      durationNanos += sign * d.getNano();
      Duration e = t.estimation();
      estimationSeconds += sign * e.getSeconds();
      estimationNanos += sign * e.getNano();
    }

    /** Adds a task that is not in the run. */
    void add(long day, Task t) {
      long high = t.id().value().getMostSignificantBits();
      long low = t.id().value().getLeastSignificantBits();
      if (chunkCount == 0) {
        chunks[0] = new Chunk(8);
        chunkCount = 1;
      }
      int ci = chunkFor(day, high, low);
      Chunk c = chunks[ci];
      int at = c.find(day, high, low);
      if (at >= 0) {
        throw new IllegalStateException("task " + t.id() + " is in its status's index already");
      }
      at = -at - 1;
      if (c.size == CHUNK) {
        Chunk upper = c.splitUpper();
        if (chunkCount == chunks.length) {
          chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        System.arraycopy(chunks, ci + 1, chunks, ci + 2, chunkCount - ci - 1);
        chunks[ci + 1] = upper;
        chunkCount++;
        if (at > c.size) {
          at -= c.size;
          c = upper;
        }
      }
      c.insert(at, day, high, low, t);
      size++;
      sum(t, 1);
    }

    /** Removes a task that is in the run under the key (day, its id). */
    void remove(long day, Task old) {
      long high = old.id().value().getMostSignificantBits();
      long low = old.id().value().getLeastSignificantBits();
      int ci = chunkCount == 0 ? -1 : chunkFor(day, high, low);
      int at = ci < 0 ? -1 : chunks[ci].find(day, high, low);
      if (at < 0) {
        throw new IllegalStateException("task " + old.id() + " is missing from its status's index");
      }
      Chunk c = chunks[ci];
      c.delete(at);
      if (c.size == 0) {
        System.arraycopy(chunks, ci + 1, chunks, ci, chunkCount - ci - 1);
        chunks[--chunkCount] = null;
      }
      size--;
      sum(old, -1);
    }

    /** Replaces the record of a task whose key (day, id) did not change. */
    void replace(long day, Task old, Task t) {
      long high = t.id().value().getMostSignificantBits();
      long low = t.id().value().getLeastSignificantBits();
      int ci = chunkCount == 0 ? -1 : chunkFor(day, high, low);
      int at = ci < 0 ? -1 : chunks[ci].find(day, high, low);
      if (at < 0) {
        throw new IllegalStateException("task " + t.id() + " is missing from its status's index");
      }
      chunks[ci].tasks[at] = t;
      if (!old.duration().equals(t.duration()) || !old.estimation().equals(t.estimation())) {
        sum(old, -1);
        sum(t, 1);
      }
    }

    /**
     * Copies entries {@code [from, to)} of the run, in order.
     *
     * @param from the first position, {@code 0 <= from <= to}
     * @param to the position after the last, {@code <= size()}
     * @return a new array of {@code to - from} tasks
     */
    Task[] copy(int from, int to) {
      Objects.checkFromToIndex(from, to, size);
      Task[] out = new Task[to - from];
      int base = 0;
      int n = 0;
      for (int ci = 0; ci < chunkCount && n < out.length; ci++) {
        Chunk c = chunks[ci];
        int lo = Math.max(from - base, 0);
        int hi = Math.min(to - base, c.size);
        if (lo < hi) {
          System.arraycopy(c.tasks, lo, out, n, hi - lo);
          n += hi - lo;
        }
        base += c.size;
      }
      return out;
    }

    /** Every task of the run, in order, that a person is assigned to. */
    List<Task> assignedTo(PersonId person) {
      List<Task> out = new ArrayList<>();
      for (int ci = 0; ci < chunkCount; ci++) {
        Chunk c = chunks[ci];
        for (int i = 0; i < c.size; i++) {
          if (c.tasks[i].assignees().contains(person)) {
            out.add(c.tasks[i]);
          }
        }
      }
      return out;
    }

    /** The first difference from another run (entries, order, keys and sums; not the chunking), or null. */
    String firstDifference(Run other) {
      if (size != other.size) {
        return size + " tasks vs " + other.size;
      }
      Task[] mine = copy(0, size);
      Task[] theirs = other.copy(0, other.size);
      if (!Arrays.equals(mine, theirs)) {
        return Arrays.toString(mine) + " vs " + Arrays.toString(theirs);
      }
      long[] myKeys = keys();
      if (!Arrays.equals(myKeys, other.keys())) {
        return "due days " + Arrays.toString(myKeys) + " vs " + Arrays.toString(other.keys());
      }
      for (int i = 0; i < size; i++) {
        if (myKeys[i] != day(mine[i])) {
          return "task " + mine[i].id() + " is kept under due day " + myKeys[i];
        }
      }
      if (!duration().equals(other.duration()) || !estimation().equals(other.estimation())) {
        return "sums " + duration() + "/" + estimation() + " vs " + other.duration() + "/" + other.estimation();
      }
      if (chunkCount > 0 && chunks[chunkCount - 1].size == 0) {
        return "an empty chunk";
      }
      return null;
    }

    private long[] keys() {
      long[] out = new long[size];
      int n = 0;
      for (int ci = 0; ci < chunkCount; ci++) {
        System.arraycopy(chunks[ci].due, 0, out, n, chunks[ci].size);
        n += chunks[ci].size;
      }
      return out;
    }

    @Override
    public String toString() {
      return Arrays.toString(copy(0, size));
    }
  }

  /** One project's tasks of one status. */
  static final class Bucket {
    /** The tasks whose task type is not a concept type. */
    final Run listed = new Run();
    /** Per task type, its tasks (concept types included). */
    final MutableMap<TaskTypeId, Run> byType = UnifiedMap.newMap(4);

    boolean isEmpty() {
      return byType.isEmpty();
    }
  }

  private final MutableMap<ProjectId, MutableMap<TaskStatusId, Bucket>> byProject = UnifiedMap.newMap();
  private final State state;

  private StatusTaskIndex(State state) {
    this.state = state;
  }

  /**
   * Builds the index from every task of the state.
   *
   * @param state the state, with the task types its tasks refer to
   * @return the index
   */
  static StatusTaskIndex build(State state) {
    StatusTaskIndex index = new StatusTaskIndex(state);
    state.tasks.forEachValue(index::add);
    return index;
  }

  /**
   * Whether a task type's tasks are left out of the open-tasks page when no task type is given.
   *
   * @param type the task type, or null when unknown (not concept)
   * @return whether it is a concept type
   */
  static boolean isConcept(TaskType type) {
    return type != null && EntityKind.CONCEPT.typeName().equals(type.forEntity());
  }

  private boolean concept(Task t) {
    return isConcept(state.taskTypes.get(t.taskTypeId()));
  }

  private static long day(Task t) {
    LocalDate due = t.dueDate();
    return due == null ? NO_DUE : due.toEpochDay();
  }

  /**
   * The run of a project's tasks of a status: of one task type, or (type null) of every task type that is
   * not a concept type.
   *
   * @param project the project
   * @param status the status
   * @param type the task type, or null
   * @return the run, or null when no such task exists
   */
  Run run(ProjectId project, TaskStatusId status, TaskTypeId type) {
    MutableMap<TaskStatusId, Bucket> statuses = byProject.get(project);
    Bucket b = statuses == null ? null : statuses.get(status);
    if (b == null) {
      return null;
    }
    return type == null ? b.listed : b.byType.get(type);
  }

  /**
   * Adds a task that was not in the state.
   *
   * @param t the task
   */
  void add(Task t) {
    long day = day(t);
    Bucket b = byProject.getIfAbsentPut(t.projectId(), UnifiedMap::new).getIfAbsentPut(t.taskStatusId(), Bucket::new);
    b.byType.getIfAbsentPut(t.taskTypeId(), Run::new).add(day, t);
    if (!concept(t)) {
      b.listed.add(day, t);
    }
  }

  /**
   * Removes a task that was in the state.
   *
   * @param old the task as it was
   */
  void remove(Task old) {
    long day = day(old);
    MutableMap<TaskStatusId, Bucket> statuses = byProject.get(old.projectId());
    Bucket b = statuses == null ? null : statuses.get(old.taskStatusId());
    Run ofType = b == null ? null : b.byType.get(old.taskTypeId());
    if (ofType == null) {
      throw new IllegalStateException("task " + old.id() + " is missing from its status's index");
    }
    ofType.remove(day, old);
    if (ofType.size() == 0) {
      b.byType.remove(old.taskTypeId());
    }
    if (!concept(old)) {
      b.listed.remove(day, old);
    }
    if (b.isEmpty()) {
      statuses.remove(old.taskStatusId());
      if (statuses.isEmpty()) {
        byProject.remove(old.projectId());
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
    if (old.projectId().equals(t.projectId()) && old.taskStatusId().equals(t.taskStatusId())
        && old.taskTypeId().equals(t.taskTypeId()) && Objects.equals(old.dueDate(), t.dueDate())) {
      long day = day(t);
      Bucket b = byProject.get(t.projectId()).get(t.taskStatusId());
      b.byType.get(t.taskTypeId()).replace(day, old, t);
      if (!concept(t)) {
        b.listed.replace(day, old, t);
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
  String firstDifference(StatusTaskIndex other) {
    if (!byProject.keySet().equals(other.byProject.keySet())) {
      return "projects " + byProject.keySet() + " vs " + other.byProject.keySet();
    }
    for (ProjectId project : byProject.keySet()) {
      MutableMap<TaskStatusId, Bucket> mine = byProject.get(project);
      MutableMap<TaskStatusId, Bucket> theirs = other.byProject.get(project);
      if (!mine.keySet().equals(theirs.keySet())) {
        return "project " + project + ": statuses " + mine.keySet() + " vs " + theirs.keySet();
      }
      for (TaskStatusId status : mine.keySet()) {
        Bucket a = mine.get(status);
        Bucket b = theirs.get(status);
        String where = "project " + project + ", status " + status;
        String differs = a.listed.firstDifference(b.listed);
        if (differs != null) {
          return where + ", non-concept tasks: " + differs;
        }
        if (!a.byType.keySet().equals(b.byType.keySet())) {
          return where + ": task types " + a.byType.keySet() + " vs " + b.byType.keySet();
        }
        for (TaskTypeId type : a.byType.keySet()) {
          differs = a.byType.get(type).firstDifference(b.byType.get(type));
          if (differs != null) {
            return where + ", task type " + type + ": " + differs;
          }
        }
      }
    }
    return null;
  }

}
