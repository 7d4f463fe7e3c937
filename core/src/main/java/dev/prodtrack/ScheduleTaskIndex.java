package dev.prodtrack;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskTypeId;
import java.util.Arrays;
import java.util.Comparator;
import org.eclipse.collections.api.map.MutableMap;
import org.eclipse.collections.api.map.primitive.MutableObjectIntMap;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * The task views the whole-project schedule analytics read (schedule-analytics.md §1.4, §5), kept up to
 * date on every task change so that a query neither sorts a project's tasks nor visits every task of a
 * person.
 *
 * <p>Design note. Two views. (1) Per project, the current task records sorted by id value, with each
 * task's position, what the critical path reads of each task as primitive columns ({@link ProjectView}:
 * id, type code, start and due epoch days, estimation in nanoseconds, so that it never touches a
 * record: reading a million scattered records was half its time), (and, once the critical path asked, each task's entity's rank among the project's
 * entities by id, so that the pipeline links are grouped without hashing every task's entity): results
 * and floating-point sums are in task-id order, and sorting a million tasks per query dominated the
 * analytics. A task's new record replaces the old one in place (one position lookup);
 * a task joining or leaving the project drops the project's view, rebuilt (sorted) by the next query.
 * (2) Per person, the open tasks (status not done) with both a start and a due date assigned to them: the
 * only tasks a workload counts, kept as primitive columns ({@link OpenDated}: project code, start and due
 * epoch days, remaining nanoseconds, assignee count) so that a workload grid never visits a task record. The index is built on the first query from the state and then
 * maintained by {@link State}; a status whose done flag changes, or a new or removed status, drops it
 * (rebuilt on the next query). Methods are synchronized: readers under the engine's read lock may build a
 * project's view concurrently; writers call in under the write lock.
 */
final class ScheduleTaskIndex {
  private static final Comparator<Task> BY_ID = Comparator.comparing(t -> t.id().value());

  /**
   * A project's tasks by id value, where each one is, what the critical path reads of each (as columns in
   * the same order, so that it touches no task record) and (built on first use) each task's entity's rank
   * among the project's entities by id value. Readers must hold the engine's read lock and must not change
   * the arrays; writers change a task's slot in place under the write lock.
   */
  static final class ProjectView {
    /** {@link #starts} or {@link #dues} of a task without that date. */
    static final long NO_DATE = Long.MIN_VALUE;
    /** {@link #estimations} of a task whose estimation does not fit a long of nanoseconds. */
    static final long OVERFLOW = Long.MIN_VALUE;

    final Task[] tasks;
    final MutableObjectIntMap<TaskId> positions;
    /** Each task's id. */
    final TaskId[] ids;
    /** Each task's type as a code of {@link ScheduleTaskIndex#typeCode}. */
    final int[] types;
    /** Each task's start date as an epoch day, or {@link #NO_DATE}. */
    final long[] starts;
    /** Each task's due date as an epoch day, or {@link #NO_DATE}. */
    final long[] dues;
    /** Each task's estimation in nanoseconds, or {@link #OVERFLOW}. */
    final long[] estimations;
    int[] entityRanks;

    private ProjectView(Task[] tasks, MutableObjectIntMap<TaskId> positions) {
      this.tasks = tasks;
      this.positions = positions;
      int n = tasks.length;
      ids = new TaskId[n];
      types = new int[n];
      starts = new long[n];
      dues = new long[n];
      estimations = new long[n];
    }

    /** Copies a task's record into slot {@code i} of every column. */
    void set(ScheduleTaskIndex index, int i, Task t) {
      tasks[i] = t;
      ids[i] = t.id();
      types[i] = index.typeCode(t.taskTypeId());
      starts[i] = t.startDate() == null ? NO_DATE : t.startDate().toEpochDay();
      dues[i] = t.dueDate() == null ? NO_DATE : t.dueDate().toEpochDay();
      estimations[i] = estimationNanos(t);
    }

    /**
     * Copies the new record of the task in slot {@code i} (same id and task type, which {@link State}
     * guarantees: a change of either takes the task out and puts it back) into the columns that can change;
     * the estimation column only when it differs from {@code old}, the record in the slot.
     */
    void reset(int i, Task old, Task t) {
      tasks[i] = t;
      starts[i] = t.startDate() == null ? NO_DATE : t.startDate().toEpochDay();
      dues[i] = t.dueDate() == null ? NO_DATE : t.dueDate().toEpochDay();
      if (!old.estimation().equals(t.estimation())) {
        estimations[i] = estimationNanos(t);
      }
    }

    Task[] tasks() {
      return tasks;
    }

    MutableObjectIntMap<TaskId> positions() {
      return positions;
    }

    /** Whether slot {@code i}'s columns are those of its record (for the invariant check). */
    boolean columnsMatch(ScheduleTaskIndex index, int i) {
      Task t = tasks[i];
      return ids[i] == t.id() && types[i] == index.typeCodes.getIfAbsent(t.taskTypeId(), -1)
          && starts[i] == (t.startDate() == null ? NO_DATE : t.startDate().toEpochDay())
          && dues[i] == (t.dueDate() == null ? NO_DATE : t.dueDate().toEpochDay())
          && estimations[i] == estimationNanos(t);
    }
  }

  /**
   * A task's estimation in nanoseconds, or {@link ProjectView#OVERFLOW}.
   *
   * @param t the task
   * @return the nanoseconds
   */
  static long estimationNanos(Task t) {
    try {
      return t.estimation().toNanos();
    } catch (ArithmeticException tooLong) {
      return ProjectView.OVERFLOW;
    }
  }

  /**
   * One person's open, dated tasks as parallel columns (slots {@code 0 .. size − 1}, in no order), so
   * that a workload reads primitive arrays instead of task records: each task's project (as a code of
   * {@link #projectCode}), start and due epoch days, remaining work {@code max(estimation − duration, 0)}
   * in nanoseconds ({@link #OVERFLOW} when it does not fit a long) and number of assignees. A task
   * leaving moves the last slot into its place. Readers must hold the engine's read lock and must not
   * change the arrays.
   */
  static final class OpenDated {
    /** {@link #remaining} of a task whose remaining work does not fit a long of nanoseconds. */
    static final long OVERFLOW = -1;

    int size;
    Task[] tasks = new Task[4];
    int[] projects = new int[4];
    long[] starts = new long[4];
    long[] dues = new long[4];
    long[] remaining = new long[4];
    int[] assignees = new int[4];
    private final MutableObjectIntMap<TaskId> slots = new ObjectIntHashMap<>();

    void add(Task t, int project) {
      if (size == tasks.length) {
        int n = size * 2;
        tasks = Arrays.copyOf(tasks, n);
        projects = Arrays.copyOf(projects, n);
        starts = Arrays.copyOf(starts, n);
        dues = Arrays.copyOf(dues, n);
        remaining = Arrays.copyOf(remaining, n);
        assignees = Arrays.copyOf(assignees, n);
      }
      int i = size++;
      tasks[i] = t;
      projects[i] = project;
      starts[i] = t.startDate().toEpochDay();
      dues[i] = t.dueDate().toEpochDay();
      remaining[i] = remainingNanos(t);
      assignees[i] = t.assignees().size();
      slots.put(t.id(), i);
    }

    /**
     * Rewrites the row of a task already held (same id, same project, same assignees).
     *
     * @param old the task's record in the row
     * @param t the task's new record
     * @return false if the task is not held
     */
    boolean replace(Task old, Task t) {
      int i = slots.getIfAbsent(t.id(), -1);
      if (i < 0) {
        return false;
      }
      tasks[i] = t;
      starts[i] = t.startDate().toEpochDay();
      dues[i] = t.dueDate().toEpochDay();
      if (!old.estimation().equals(t.estimation()) || !old.duration().equals(t.duration())) {
        remaining[i] = remainingNanos(t); // a status change keeps both: no Duration made
      }
      assignees[i] = t.assignees().size();
      return true;
    }

    boolean remove(TaskId id) {
      int i = slots.removeKeyIfAbsent(id, -1);
      if (i < 0) {
        return false;
      }
      int last = --size;
      if (i != last) {
        tasks[i] = tasks[last];
        projects[i] = projects[last];
        starts[i] = starts[last];
        dues[i] = dues[last];
        remaining[i] = remaining[last];
        assignees[i] = assignees[last];
        slots.put(tasks[i].id(), i);
      }
      tasks[last] = null;
      return true;
    }

    /** The tasks by id (for the invariant check). */
    java.util.Map<TaskId, Task> asMap() {
      java.util.Map<TaskId, Task> out = new java.util.HashMap<>();
      for (int i = 0; i < size; i++) {
        out.put(tasks[i].id(), tasks[i]);
      }
      return out;
    }
  }

  /**
   * {@code max(estimation − duration, 0)} in nanoseconds, or {@link OpenDated#OVERFLOW}.
   *
   * @param t the task
   * @return the nanoseconds
   */
  static long remainingNanos(Task t) {
    java.time.Duration remaining = t.estimation().minus(t.duration());
    if (remaining.isNegative() || remaining.isZero()) {
      return 0;
    }
    try {
      return remaining.toNanos();
    } catch (ArithmeticException tooLong) {
      return OpenDated.OVERFLOW;
    }
  }

  private final MutableMap<ProjectId, ProjectView> orders = UnifiedMap.newMap();
  /** Each task type met a code, never reused: the {@link ProjectView#types} column. */
  private final MutableObjectIntMap<TaskTypeId> typeCodes = new ObjectIntHashMap<>();
  private TaskTypeId[] typesByCode = new TaskTypeId[16];
  private final MutableMap<PersonId, OpenDated> openDated = UnifiedMap.newMap();
  /** Each project met a code, never reused: the {@link OpenDated#projects} column. */
  private final MutableObjectIntMap<ProjectId> projectCodes = new ObjectIntHashMap<>();

  private ScheduleTaskIndex() {}

  /**
   * Builds the index from the records (the per-project views are built on demand).
   *
   * @param s the state
   * @return the index
   */
  static ScheduleTaskIndex build(State s) {
    ScheduleTaskIndex index = new ScheduleTaskIndex();
    s.tasks.forEachValue(t -> index.addOpen(s, t));
    return index;
  }

  /**
   * A project's tasks sorted by id value. Callers must not change the array.
   *
   * @param s the state
   * @param project the project
   * @return the tasks, empty when the project has none
   */
  synchronized Task[] tasksOf(State s, ProjectId project) {
    return viewOf(s, project).tasks();
  }

  /**
   * A project's view: its tasks sorted by id value and their columns. Callers must hold the engine's read
   * lock while they read it and must not change it.
   *
   * @param s the state
   * @param project the project
   * @return the view (no task: empty arrays)
   */
  synchronized ProjectView viewOf(State s, ProjectId project) {
    ProjectView order = orders.get(project);
    if (order == null) {
      order = orderOf(s, project);
      orders.put(project, order);
    }
    return order;
  }

  /**
   * The task type of a code of {@link ProjectView#types}.
   *
   * @param code the code
   * @return the task type
   */
  synchronized TaskTypeId typeOfCode(int code) {
    return typesByCode[code];
  }

  /**
   * The number of type codes given so far (codes are {@code 0 .. typeCodeCount() − 1}).
   *
   * @return the count
   */
  synchronized int typeCodeCount() {
    return typeCodes.size();
  }

  private int typeCode(TaskTypeId type) {
    int code = typeCodes.getIfAbsent(type, -1);
    if (code < 0) {
      code = typeCodes.size();
      typeCodes.put(type, code);
      if (code == typesByCode.length) {
        typesByCode = Arrays.copyOf(typesByCode, code * 2);
      }
      typesByCode[code] = type;
    }
    return code;
  }

  /**
   * For each task of {@link #tasksOf}, in the same order, its entity's rank among the project's entities
   * sorted by id value. A task's entity never changes without the task leaving and joining the project,
   * which rebuilds the view, so the ranks stay valid while it lasts. Callers must not change the array.
   *
   * @param s the state
   * @param project the project
   * @param tasks the array {@link #tasksOf} returned in the same read
   * @return the ranks, or null when {@code tasks} is no longer the project's current view
   */
  synchronized int[] entityRanksOf(State s, ProjectId project, Task[] tasks) {
    ProjectView order = orders.get(project);
    if (order == null || order.tasks != tasks) {
      return null;
    }
    if (order.entityRanks == null) {
      order.entityRanks = DependencyNetwork.entityRanks(Arrays.asList(order.tasks));
    }
    return order.entityRanks;
  }

  private ProjectView orderOf(State s, ProjectId project) {
    var ids = s.tasksByProject.get(project);
    Task[] tasks = new Task[ids.size()];
    int[] at = {0};
    ids.forEach(id -> tasks[at[0]++] = s.tasks.get(id));
    Arrays.sort(tasks, BY_ID);
    MutableObjectIntMap<TaskId> positions = new ObjectIntHashMap<>(tasks.length);
    ProjectView view = new ProjectView(tasks, positions);
    for (int i = 0; i < tasks.length; i++) {
      positions.put(tasks[i].id(), i);
      view.set(this, i, tasks[i]);
    }
    return view;
  }

  /**
   * The open, dated tasks assigned to a person. Callers must hold the engine's read lock while they
   * read it and must not change it.
   *
   * @param person the person
   * @return the tasks as columns; null when there are none
   */
  synchronized OpenDated openDatedOf(PersonId person) {
    return openDated.get(person);
  }

  /**
   * A project's code in {@link OpenDated#projects}.
   *
   * @param project the project
   * @return the code, or -1 when no open dated task of the project was ever indexed
   */
  synchronized int projectCode(ProjectId project) {
    return projectCodes.getIfAbsent(project, -1);
  }

  /**
   * The projects by code, {@code -1} codes excluded: {@code result[code]} is the project of that code.
   *
   * @return a fresh array
   */
  synchronized ProjectId[] projectsByCode() {
    ProjectId[] out = new ProjectId[projectCodes.size()];
    projectCodes.forEachKeyValue((project, code) -> out[code] = project);
    return out;
  }

  /** A task joined the state. */
  synchronized void added(State s, Task t) {
    orders.remove(t.projectId());
    addOpen(s, t);
  }

  /** A task left the state. */
  synchronized void removed(Task old) {
    orders.remove(old.projectId());
    removeOpen(old);
  }

  /** A task's record changed, with the same id, project and task type. */
  synchronized void replaced(State s, Task old, Task t) {
    ProjectView order = orders.get(t.projectId());
    if (order != null) {
      order.reset(order.positions().getOrThrow(t.id()), old, t);
    }
    if (old.assignees().equals(t.assignees()) && isOpen(s, old) && isOpen(s, t)) {
      // open before and after for the same people (a comment with a status change, mostly): rewrite each
      // person's row in place instead of removing it and appending it again (a row not found, which a
      // consistent index never has, falls back to that)
      boolean inPlace = true;
      for (PersonId p : t.assignees()) {
        OpenDated open = openDated.get(p);
        inPlace &= open != null && open.replace(old, t);
      }
      if (inPlace) {
        return;
      }
    }
    removeOpen(old);
    addOpen(s, t);
  }

  /** Whether {@link #addOpen} keeps a task: dated, assigned and not in a done status. */
  private static boolean isOpen(State s, Task t) {
    if (t.startDate() == null || t.dueDate() == null || t.assignees().isEmpty()) {
      return false;
    }
    TaskStatus status = s.taskStatuses.get(t.taskStatusId());
    return status == null || !status.isDone();
  }

  private void addOpen(State s, Task t) {
    if (t.startDate() == null || t.dueDate() == null || t.assignees().isEmpty()) {
      return;
    }
    TaskStatus status = s.taskStatuses.get(t.taskStatusId());
    if (status != null && status.isDone()) {
      return;
    }
    int project = projectCodes.getIfAbsentPut(t.projectId(), projectCodes.size());
    for (PersonId p : t.assignees()) {
      openDated.getIfAbsentPut(p, OpenDated::new).add(t, project);
    }
  }

  private void removeOpen(Task old) {
    for (PersonId p : old.assignees()) {
      OpenDated open = openDated.get(p);
      if (open != null && open.remove(old.id()) && open.size == 0) {
        openDated.remove(p);
      }
    }
  }

  /**
   * Compares the index with one rebuilt from the records (an invariant check).
   *
   * @param rebuilt a state rebuilt from the records
   * @throws IllegalStateException naming the first view that differs
   */
  synchronized void check(State rebuilt) {
    ScheduleTaskIndex fresh = build(rebuilt);
    java.util.Map<PersonId, java.util.Map<TaskId, Task>> kept = new java.util.HashMap<>();
    openDated.forEachKeyValue((person, open) -> kept.put(person, open.asMap()));
    java.util.Map<PersonId, java.util.Map<TaskId, Task>> rebuiltOpen = new java.util.HashMap<>();
    fresh.openDated.forEachKeyValue((person, open) -> rebuiltOpen.put(person, open.asMap()));
    if (!kept.equals(rebuiltOpen)) {
      throw new IllegalStateException("index scheduleTasks.openDated disagrees with the records:\n  kept:    "
          + kept + "\n  rebuilt: " + rebuiltOpen);
    }
    openDated.forEachKeyValue((person, open) -> {
      if (open.size == 0 || open.slots.size() != open.size) {
        throw new IllegalStateException("index scheduleTasks.openDated of " + person + " holds " + open.size
            + " tasks and " + open.slots.size() + " slots");
      }
      for (int i = 0; i < open.size; i++) {
        Task t = open.tasks[i];
        if (open.slots.getIfAbsent(t.id(), -1) != i || open.projects[i] != projectCodes.getIfAbsent(t.projectId(), -2)
            || open.starts[i] != t.startDate().toEpochDay() || open.dues[i] != t.dueDate().toEpochDay()
            || open.remaining[i] != remainingNanos(t) || open.assignees[i] != t.assignees().size()) {
          throw new IllegalStateException("index scheduleTasks.openDated of " + person
              + " disagrees with the record of task " + t.id() + " in slot " + i);
        }
      }
    });
    orders.forEachKeyValue((project, order) -> {
      ProjectView expected = orderOf(rebuilt, project);
      for (int i = 0; i < order.tasks.length; i++) {
        if (!order.columnsMatch(this, i)) {
          throw new IllegalStateException("index scheduleTasks.orders of project " + project
              + " disagrees with the record of task " + order.tasks[i].id() + " in its columns (slot " + i + ")");
        }
      }
      if (!Arrays.equals(order.tasks(), expected.tasks()) || !order.positions().equals(expected.positions())
          || (order.entityRanks != null
              && !Arrays.equals(order.entityRanks, DependencyNetwork.entityRanks(Arrays.asList(expected.tasks))))) {
        throw new IllegalStateException("index scheduleTasks.orders disagrees with the records for project "
            + project);
      }
    });
  }
}
