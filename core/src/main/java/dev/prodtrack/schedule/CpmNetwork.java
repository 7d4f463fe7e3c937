package dev.prodtrack.schedule;

import dev.prodtrack.model.TaskId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dependency network over int-indexed tasks for {@link CriticalPath#compute(CpmNetwork, java.time.LocalDate,
 * java.time.LocalDate, long, WorkCalendar)}: the tasks with their durations in working days, and the links
 * as parallel primitive arrays, with no object per link. Task {@code i} is {@code tasks.get(i)}.
 *
 * <p>Kahn's algorithm breaks ties by each task's <em>tie rank</em> (by default its index), then by the
 * order the links were added, so the same network always gives the same topological order. A caller may
 * number the tasks for locality (e.g. the tasks of one entity next to each other, in pipeline order) and
 * keep the order of the result through the tie ranks: a network whose tasks are a permutation of another's,
 * with the other's indexes as tie ranks and the same links in the same order, gives the same result.
 *
 * <p>Link types and lags are stored only once a link that is not a finish-to-start link without lag is
 * added: a network of implicit pipeline links costs two ints per link.
 *
 * <p>Not thread-safe while links are added; {@link CriticalPath#compute} only reads it.
 */
public final class CpmNetwork {
  private static final TaskLink.Type[] TYPES = TaskLink.Type.values();

  private final List<TaskId> tasks;
  private final int[] durations;
  private final boolean[] unestimated;
  private final int[] tieRank;
  private int[] predecessors;
  private int[] successors;
  /** Null while every link is FS. */
  private byte[] types;
  /** Null while every lag is 0. */
  private int[] lags;
  private int links;

  /**
   * Starts a network without links; ties are broken by task index.
   *
   * @param tasks the tasks, task {@code i} being {@code tasks.get(i)}, at least one
   * @param durations D of each task in working days (at least 1 in the reference)
   * @param unestimated whether each task's duration fell back to one day
   * @throws IllegalArgumentException if there is no task or the arrays do not match the tasks
   */
  public CpmNetwork(List<TaskId> tasks, int[] durations, boolean[] unestimated) {
    this(tasks, durations, unestimated, null);
  }

  /**
   * Starts a network without links, with the rank of each task in the tie-breaking of Kahn's algorithm
   * (the initial ready tasks are taken by increasing rank, and a cycle is looked for from the remaining
   * task of lowest rank).
   *
   * @param tasks the tasks, task {@code i} being {@code tasks.get(i)}, at least one
   * @param durations D of each task in working days (at least 1 in the reference)
   * @param unestimated whether each task's duration fell back to one day
   * @param tieRank a permutation of {@code 0..tasks.size()-1}: each task's tie rank; null for the index
   * @throws IllegalArgumentException if there is no task, the arrays do not match the tasks, or
   *     {@code tieRank} is not a permutation
   */
  public CpmNetwork(List<TaskId> tasks, int[] durations, boolean[] unestimated, int[] tieRank) {
    this.tasks = List.copyOf(tasks);
    int n = this.tasks.size();
    if (n == 0) {
      throw new IllegalArgumentException("no task to schedule");
    }
    if (durations.length != n || unestimated.length != n) {
      throw new IllegalArgumentException("durations (" + durations.length + ") and unestimated ("
          + unestimated.length + ") must have one entry per task (" + n + ")");
    }
    this.durations = durations.clone();
    this.unestimated = unestimated.clone();
    if (tieRank != null) {
      if (tieRank.length != n) {
        throw new IllegalArgumentException("tieRank (" + tieRank.length + ") must have one entry per task (" + n + ")");
      }
      boolean[] seen = new boolean[n];
      for (int r : tieRank) {
        if (r < 0 || r >= n || seen[r]) {
          throw new IllegalArgumentException("tieRank is not a permutation of the task indexes: " + r);
        }
        seen[r] = true;
      }
      this.tieRank = tieRank.clone();
    } else {
      this.tieRank = null;
    }
    // Pipelines have about one link per task: start there, grow by half.
    int capacity = Math.max(16, n);
    predecessors = new int[capacity];
    successors = new int[capacity];
  }

  /**
   * Adds a link; links are kept in the order added.
   *
   * @param predecessor the index of the task that comes first
   * @param successor the index of the dependent task, not {@code predecessor}
   * @param type the link type
   * @param lag working days of lag, may be negative
   * @return this network
   * @throws IllegalArgumentException if an index is out of range or the link is a self-link
   */
  public CpmNetwork link(int predecessor, int successor, TaskLink.Type type, int lag) {
    Objects.requireNonNull(type, "type");
    if (predecessor < 0 || predecessor >= durations.length || successor < 0 || successor >= durations.length) {
      throw new IllegalArgumentException("link " + predecessor + " -> " + successor + " is outside the "
          + durations.length + " tasks");
    }
    if (predecessor == successor) {
      throw new IllegalArgumentException("a task cannot depend on itself: " + tasks.get(predecessor));
    }
    if (links == predecessors.length) {
      int grown = links + (links >> 1) + 16;
      predecessors = Arrays.copyOf(predecessors, grown);
      successors = Arrays.copyOf(successors, grown);
      if (types != null) {
        types = Arrays.copyOf(types, grown);
      }
      if (lags != null) {
        lags = Arrays.copyOf(lags, grown);
      }
    }
    if (type != TaskLink.Type.FS && types == null) {
      types = new byte[predecessors.length];
    }
    if (lag != 0 && lags == null) {
      lags = new int[predecessors.length];
    }
    predecessors[links] = predecessor;
    successors[links] = successor;
    if (types != null) {
      types[links] = (byte) type.ordinal();
    }
    if (lags != null) {
      lags[links] = lag;
    }
    links++;
    return this;
  }

  /**
   * The number of tasks.
   *
   * @return the count
   */
  public int size() {
    return durations.length;
  }

  /**
   * The number of links.
   *
   * @return the count
   */
  public int linkCount() {
    return links;
  }

  List<TaskId> tasks() {
    return tasks;
  }

  int duration(int task) {
    return durations[task];
  }

  /** The durations array itself: callers must not change it. */
  int[] durations() {
    return durations;
  }

  boolean unestimated(int task) {
    return unestimated[task];
  }

  /** The tie rank of a task. */
  int tieRank(int task) {
    return tieRank == null ? task : tieRank[task];
  }

  /** The tasks by increasing tie rank. */
  int[] byTieRank() {
    int n = durations.length;
    int[] byRank = new int[n];
    for (int i = 0; i < n; i++) {
      byRank[tieRank == null ? i : tieRank[i]] = i;
    }
    return byRank;
  }

  int predecessor(int link) {
    return predecessors[link];
  }

  int successor(int link) {
    return successors[link];
  }

  TaskLink.Type type(int link) {
    return TYPES[typeOrdinal(link)];
  }

  int typeOrdinal(int link) {
    return types == null ? 0 : types[link];
  }

  int lag(int link) {
    return lags == null ? 0 : lags[link];
  }

  /** Whether every link is FS (type ordinal 0). */
  boolean allFinishToStart() {
    return types == null;
  }

  /** Whether every lag is 0. */
  boolean noLags() {
    return lags == null;
  }
}
