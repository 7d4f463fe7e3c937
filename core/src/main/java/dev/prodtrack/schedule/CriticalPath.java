package dev.prodtrack.schedule;

import dev.prodtrack.model.TaskId;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The critical-path method of schedule-analytics.md §5.2 on working-day ordinals.
 *
 * <p>Design note. Dates become working-day ordinals (0 = the first working day on or after the analysis
 * start); the forward pass runs in a topological order, the backward pass in reverse, and the result lists
 * the tasks in Kahn's order. A cycle aborts with the tasks of one cycle, found by walking the links left
 * after Kahn's algorithm. Pure: nothing here reads the engine. A result computed from a {@link CpmNetwork}
 * keeps the passes' arrays and makes each {@link CpmTask} of {@link #tasks()} when it is read (equal, not
 * identical, on each read); a caller that reads every task many times may copy the list once.
 *
 * @param tasks every task's result, in topological order
 * @param finish the project finish (max EF)
 * @param critical the critical tasks, in topological order
 */
public record CriticalPath(List<CpmTask> tasks, LocalDate finish, List<TaskId> critical) {

  /**
   * Copies the lists, except the immutable task view that
   * {@link #compute(CpmNetwork, LocalDate, LocalDate, long, WorkCalendar)} makes.
   */
  public CriticalPath {
    tasks = tasks instanceof Tasks ? tasks : List.copyOf(tasks);
    Objects.requireNonNull(finish, "finish");
    critical = List.copyOf(critical);
  }

  /**
   * Runs the passes.
   *
   * @param durations D(t) in working days (each at least 1), by task, in a stable order
   * @param unestimated tasks whose duration fell back to one day
   * @param links the links (implicit and explicit, already merged)
   * @param analysisStart the analysis start (S is its next working day)
   * @param deadline the deadline for the backward pass, or null for the project finish
   * @param threshold TF at or below which a task is critical
   * @param calendar the calendar
   * @return the result
   * @throws DependencyCycleException if the links form a cycle
   * @throws IllegalArgumentException if a link names a task outside {@code durations}, or no task is given
   */
  public static CriticalPath compute(Map<TaskId, Integer> durations, java.util.Set<TaskId> unestimated,
      List<TaskLink> links, LocalDate analysisStart, LocalDate deadline, long threshold, WorkCalendar calendar) {
    if (durations.isEmpty()) {
      throw new IllegalArgumentException("no task to schedule");
    }
    List<TaskId> ids = new ArrayList<>(durations.keySet());
    Map<TaskId, Integer> index = new HashMap<>();
    int[] d = new int[ids.size()];
    boolean[] u = new boolean[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
      d[i] = durations.get(ids.get(i));
      u[i] = unestimated.contains(ids.get(i));
    }
    CpmNetwork network = new CpmNetwork(ids, d, u);
    for (TaskLink l : links) {
      Integer p = index.get(l.predecessor());
      Integer q = index.get(l.successor());
      if (p == null || q == null) {
        throw new IllegalArgumentException("link " + l + " names a task outside the scope");
      }
      network.link(p, q, l.type(), l.lag());
    }
    return compute(network, analysisStart, deadline, threshold, calendar);
  }

  /**
   * Runs the passes over an int-indexed network: Kahn's order (ties broken by tie rank, then link order)
   * and both passes over primitive arrays, in O(tasks + links). The result's task list is a view over the
   * passes' arrays: each {@link CpmTask} is made when read, its dates taken from a table of the distinct
   * working-day ordinals.
   *
   * <p>Design note. Only the successors are kept, in compressed rows in link order: the forward pass
   * pushes each task's bounds to its successors (the maximum does not depend on the order they arrive
   * in), the backward pass and the free floats read the successors' values. Any topological order gives
   * the same dates, so when every link runs from a lower to a higher index (a network numbered in pipeline
   * order) both passes sweep the arrays in index order; Kahn's order is still computed, for the order of
   * the result and to find cycles.
   *
   * @param network the tasks, their durations and the links (implicit and explicit, already merged)
   * @param analysisStart the analysis start (S is its next working day)
   * @param deadline the deadline for the backward pass, or null for the project finish
   * @param threshold TF at or below which a task is critical
   * @param calendar the calendar
   * @return the result
   * @throws DependencyCycleException if the links form a cycle
   */
  public static CriticalPath compute(CpmNetwork network, LocalDate analysisStart, LocalDate deadline, long threshold,
      WorkCalendar calendar) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(analysisStart, "analysisStart");
    Objects.requireNonNull(calendar, "calendar");
    final int n = network.size();
    final int m = network.linkCount();
    final int[] d = network.durations();
    final boolean fsOnly = network.allFinishToStart();
    final boolean noLags = network.noLags();
    // Successors in compressed rows, each row in link order; in-degrees; whether links only go forward.
    final int[] outStart = new int[n + 1];
    final int[] indegree = new int[n];
    boolean forward = true;
    for (int k = 0; k < m; k++) {
      int p = network.predecessor(k);
      int q = network.successor(k);
      outStart[p]++;
      indegree[q]++;
      forward &= p < q;
    }
    for (int i = 1; i < n; i++) {
      outStart[i] += outStart[i - 1];
    }
    outStart[n] = m;
    final int[] outSucc = new int[m];
    final byte[] outType = fsOnly ? null : new byte[m];
    final int[] outLag = noLags ? null : new int[m];
    // Filled from the last link back, so each row keeps link order and outStart[i] ends at the row's start.
    for (int k = m - 1; k >= 0; k--) {
      int e = --outStart[network.predecessor(k)];
      outSucc[e] = network.successor(k);
      if (outType != null) {
        outType[e] = (byte) network.typeOrdinal(k);
      }
      if (outLag != null) {
        outLag[e] = network.lag(k);
      }
    }
    final int[] order = new int[n];
    int tail = 0;
    int[] byRank = network.byTieRank();
    for (int r = 0; r < n; r++) {
      int i = byRank[r];
      if (indegree[i] == 0) {
        order[tail++] = i;
      }
    }
    for (int head = 0; head < tail; head++) {
      int t = order[head];
      for (int e = outStart[t], end = outStart[t + 1]; e < end; e++) {
        int j = outSucc[e];
        if (--indegree[j] == 0) {
          order[tail++] = j;
        }
      }
    }
    if (tail < n) {
      throw new DependencyCycleException(findCycle(network, indegree, byRank));
    }
    byRank = null;

    LocalDate base = calendar.nextWorkingDay(analysisStart);
    // ES is 0 (S) unless a predecessor pushes it later; EF = ES + D - 1, LS = LF - D + 1.
    final long[] es = new long[n];
    final long[] lf = new long[n];
    long finish = Long.MIN_VALUE;
    for (int x = 0; x < n; x++) {
      int i = forward ? x : order[x];
      long esi = es[i];
      long efi = esi + d[i] - 1;
      finish = Math.max(finish, efi);
      for (int e = outStart[i], end = outStart[i + 1]; e < end; e++) {
        int j = outSucc[e];
        long lag = outLag == null ? 0 : outLag[e];
        long bound = switch (outType == null ? 0 : outType[e]) {
          case 0 -> efi + 1 + lag; // FS
          case 1 -> esi + lag; // SS
          case 2 -> efi + lag - d[j] + 1; // FF
          default -> esi + lag - d[j]; // SF
        };
        if (bound > es[j]) {
          es[j] = bound;
        }
      }
    }
    final long last = deadline == null ? finish
        : ordinal(calendar, base, lastWorkingDayOnOrBefore(calendar, deadline));
    for (int x = n - 1; x >= 0; x--) {
      int i = forward ? x : order[x];
      long di = d[i];
      long late = last;
      for (int e = outStart[i], end = outStart[i + 1]; e < end; e++) {
        int j = outSucc[e];
        long lag = outLag == null ? 0 : outLag[e];
        long bound = switch (outType == null ? 0 : outType[e]) {
          case 0 -> lf[j] - d[j] + 1 - 1 - lag; // FS: LS(j) - 1 - lag
          case 1 -> lf[j] - d[j] + 1 - lag + di - 1; // SS: LS(j) - lag + D(i) - 1
          case 2 -> lf[j] - lag; // FF
          default -> lf[j] - lag + di; // SF
        };
        late = Math.min(late, bound);
      }
      lf[i] = late;
    }
    Passes passes = new Passes(network.tasks(), d, network, order, es, lf, outStart, outSucc, outType, outLag, last,
        threshold);
    Dates dates = new Dates(calendar, base, finish, passes);
    List<TaskId> critical = new ArrayList<>();
    for (int x = 0; x < n; x++) {
      int i = order[x];
      if (passes.totalFloat(i) <= threshold) {
        critical.add(passes.ids.get(i));
      }
    }
    return new CriticalPath(new Tasks(passes, dates), dates.of(finish), critical);
  }

  /** The arrays of a finished computation, indexed by task. */
  private static final class Passes {
    final List<TaskId> ids;
    final int[] d;
    final CpmNetwork network;
    final int[] order;
    final long[] es;
    final long[] lf;
    final int[] outStart;
    final int[] outSucc;
    final byte[] outType;
    final int[] outLag;
    final long last;
    final long threshold;

    Passes(List<TaskId> ids, int[] d, CpmNetwork network, int[] order, long[] es, long[] lf, int[] outStart,
        int[] outSucc, byte[] outType, int[] outLag, long last, long threshold) {
      this.ids = ids;
      this.d = d;
      this.network = network;
      this.order = order;
      this.es = es;
      this.lf = lf;
      this.outStart = outStart;
      this.outSucc = outSucc;
      this.outType = outType;
      this.outLag = outLag;
      this.last = last;
      this.threshold = threshold;
    }

    long ef(int i) {
      return es[i] + d[i] - 1;
    }

    long ls(int i) {
      return lf[i] - d[i] + 1;
    }

    long totalFloat(int i) {
      return ls(i) - es[i];
    }

    long freeFloat(int i) {
      int from = outStart[i];
      int to = outStart[i + 1];
      if (from == to) {
        return Math.max(0, last - ef(i));
      }
      long ff = Long.MAX_VALUE;
      for (int e = from; e < to; e++) {
        int j = outSucc[e];
        long lag = outLag == null ? 0 : outLag[e];
        long slack = switch (outType == null ? 0 : outType[e]) {
          case 0 -> es[j] - (ef(i) + 1 + lag); // FS
          case 1 -> es[j] - (es[i] + lag); // SS
          case 2 -> ef(j) - (ef(i) + lag); // FF
          default -> ef(j) - (es[i] - 1 + lag); // SF
        };
        ff = Math.min(ff, slack);
      }
      return Math.max(0, ff);
    }
  }

  /**
   * The result's tasks in topological order, each {@link CpmTask} made when read from the passes' arrays.
   * Immutable.
   */
  private static final class Tasks extends AbstractList<CpmTask> implements RandomAccess {
    private final Passes passes;
    private final Dates dates;

    Tasks(Passes passes, Dates dates) {
      this.passes = passes;
      this.dates = dates;
    }

    @Override
    public CpmTask get(int x) {
      int i = passes.order[x];
      long tf = passes.totalFloat(i);
      return new CpmTask(passes.ids.get(i), passes.d[i], passes.network.unestimated(i), dates.of(passes.es[i]),
          dates.of(passes.ef(i)), dates.of(passes.ls(i)), dates.of(passes.lf[i]), tf, passes.freeFloat(i),
          tf <= passes.threshold);
    }

    @Override
    public int size() {
      return passes.order.length;
    }
  }

  /**
   * Ordinals to dates, each distinct ordinal converted once, when first read: tasks share few distinct
   * ordinals. A table over the ordinals' range when it is not much wider than the tasks, else converted
   * at each read. The table may be filled by several threads at once: each fills a slot with the same
   * immutable date.
   */
  private static final class Dates {
    private final WorkCalendar calendar;
    private final LocalDate base;
    private final long low;
    private final LocalDate[] byOrdinal;

    Dates(WorkCalendar calendar, LocalDate base, long finish, Passes passes) {
      this.calendar = calendar;
      this.base = base;
      long lo = finish;
      long hi = finish;
      int[] d = passes.d;
      long[] es = passes.es;
      long[] lf = passes.lf;
      for (int i = 0; i < d.length; i++) {
        long a = es[i];
        long b = a + d[i] - 1;
        long c = lf[i];
        long e = c - d[i] + 1;
        lo = Math.min(lo, Math.min(Math.min(a, b), Math.min(c, e)));
        hi = Math.max(hi, Math.max(Math.max(a, b), Math.max(c, e)));
      }
      this.low = lo;
      if (hi - lo >= 0 && hi - lo < 4L * d.length + 1024) {
        byOrdinal = new LocalDate[(int) (hi - lo + 1)];
      } else {
        byOrdinal = null;
      }
    }

    LocalDate of(long ordinal) {
      if (byOrdinal != null) {
        int k = (int) (ordinal - low);
        LocalDate d = byOrdinal[k];
        if (d == null) {
          d = date(calendar, base, ordinal);
          byOrdinal[k] = d;
        }
        return d;
      }
      return date(calendar, base, ordinal);
    }
  }

  private static LocalDate lastWorkingDayOnOrBefore(WorkCalendar calendar, LocalDate day) {
    return calendar.subtractWorkingDays(null, day, 0);
  }

  private static long ordinal(WorkCalendar calendar, LocalDate base, LocalDate workingDay) {
    return calendar.wdDelta(base, workingDay);
  }

  private static LocalDate date(WorkCalendar calendar, LocalDate base, long ordinal) {
    return ordinal >= 0 ? calendar.addWorkingDays(null, base, ordinal)
        : calendar.subtractWorkingDays(null, base, -ordinal);
  }

  /**
   * A cycle among the tasks Kahn's algorithm could not order (those with a remaining in-degree): each of
   * them has a predecessor that is also left over, so walking predecessors (each task's first such
   * in-link in link order), from the remaining task of lowest tie rank, must come back to a task already
   * seen. The predecessors are gathered here, only when there is a cycle.
   */
  private static List<TaskId> findCycle(CpmNetwork network, int[] indegree, int[] byRank) {
    int n = network.size();
    int m = network.linkCount();
    int[] inStart = new int[n + 1];
    for (int k = 0; k < m; k++) {
      inStart[network.successor(k)]++;
    }
    for (int i = 1; i < n; i++) {
      inStart[i] += inStart[i - 1];
    }
    inStart[n] = m;
    int[] inPred = new int[m];
    for (int k = m - 1; k >= 0; k--) {
      inPred[--inStart[network.successor(k)]] = network.predecessor(k);
    }
    int r = 0;
    while (indegree[byRank[r]] == 0) {
      r++;
    }
    int t = byRank[r];
    List<Integer> path = new ArrayList<>();
    int[] seenAt = new int[n];
    java.util.Arrays.fill(seenAt, -1);
    while (seenAt[t] < 0) {
      seenAt[t] = path.size();
      path.add(t);
      int previous = -1;
      for (int e = inStart[t]; e < inStart[t + 1]; e++) {
        int p = inPred[e];
        if (indegree[p] > 0) {
          previous = p;
          break;
        }
      }
      t = previous;
    }
    List<TaskId> cycle = new ArrayList<>();
    for (int x = path.size() - 1; x >= seenAt[t]; x--) {
      cycle.add(network.tasks().get(path.get(x)));
    }
    return cycle;
  }
}
