package dev.prodtrack.schedule;

import dev.prodtrack.model.TaskId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dependency network over int-indexed tasks for {@link CriticalPath#compute(CpmNetwork, java.time.LocalDate,
 * java.time.LocalDate, long, WorkCalendar)}: the tasks with their durations in working days, and the links
 * as parallel primitive arrays, with no object per link. Task {@code i} is {@code tasks.get(i)}; the order
 * of the tasks and of the links is the order Kahn's algorithm breaks ties in, so the same network always
 * gives the same topological order.
 *
 * <p>Not thread-safe while links are added; {@link CriticalPath#compute} only reads it.
 */
public final class CpmNetwork {
  private static final TaskLink.Type[] TYPES = TaskLink.Type.values();

  private final List<TaskId> tasks;
  private final int[] durations;
  private final boolean[] unestimated;
  private int[] predecessors = new int[16];
  private int[] successors = new int[16];
  private byte[] types = new byte[16];
  private int[] lags = new int[16];
  private int links;

  /**
   * Starts a network without links.
   *
   * @param tasks the tasks, task {@code i} being {@code tasks.get(i)}, at least one
   * @param durations D of each task in working days (at least 1 in the reference)
   * @param unestimated whether each task's duration fell back to one day
   * @throws IllegalArgumentException if there is no task or the arrays do not match the tasks
   */
  public CpmNetwork(List<TaskId> tasks, int[] durations, boolean[] unestimated) {
    this.tasks = List.copyOf(tasks);
    if (this.tasks.isEmpty()) {
      throw new IllegalArgumentException("no task to schedule");
    }
    if (durations.length != this.tasks.size() || unestimated.length != this.tasks.size()) {
      throw new IllegalArgumentException("durations (" + durations.length + ") and unestimated ("
          + unestimated.length + ") must have one entry per task (" + this.tasks.size() + ")");
    }
    this.durations = durations.clone();
    this.unestimated = unestimated.clone();
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
      int grown = links * 2;
      predecessors = Arrays.copyOf(predecessors, grown);
      successors = Arrays.copyOf(successors, grown);
      types = Arrays.copyOf(types, grown);
      lags = Arrays.copyOf(lags, grown);
    }
    predecessors[links] = predecessor;
    successors[links] = successor;
    types[links] = (byte) type.ordinal();
    lags[links] = lag;
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

  boolean unestimated(int task) {
    return unestimated[task];
  }

  int predecessor(int link) {
    return predecessors[link];
  }

  int successor(int link) {
    return successors[link];
  }

  TaskLink.Type type(int link) {
    return TYPES[types[link]];
  }

  int typeOrdinal(int link) {
    return types[link];
  }

  int lag(int link) {
    return lags[link];
  }
}
