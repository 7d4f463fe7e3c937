package dev.prodtrack.schedule;

import dev.prodtrack.model.TaskId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The critical-path method of schedule-analytics.md §5.2 on working-day ordinals.
 *
 * <p>Design note. Dates become working-day ordinals (0 = the first working day on or after the analysis
 * start); the forward pass runs in Kahn's topological order, the backward pass in reverse. A cycle aborts
 * with the tasks of one cycle, found by walking the links left after Kahn's algorithm. Pure: nothing
 * here reads the engine.
 *
 * @param tasks every task's result, in topological order
 * @param finish the project finish (max EF)
 * @param critical the critical tasks, in topological order
 */
public record CriticalPath(List<CpmTask> tasks, LocalDate finish, List<TaskId> critical) {

  /** Copies the lists. */
  public CriticalPath {
    tasks = List.copyOf(tasks);
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
   * Runs the passes over an int-indexed network: Kahn's order (ties broken by task index, then link
   * order) and both passes over primitive arrays, in O(tasks + links).
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
    int n = network.size();
    int m = network.linkCount();
    // Adjacency in compressed rows, each row in link order.
    int[] outStart = new int[n + 1];
    int[] inStart = new int[n + 1];
    for (int k = 0; k < m; k++) {
      outStart[network.predecessor(k) + 1]++;
      inStart[network.successor(k) + 1]++;
    }
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
      inStart[i + 1] += inStart[i];
    }
    int[] outLinks = new int[m];
    int[] inLinks = new int[m];
    int[] outAt = java.util.Arrays.copyOf(outStart, n);
    int[] inAt = java.util.Arrays.copyOf(inStart, n);
    for (int k = 0; k < m; k++) {
      outLinks[outAt[network.predecessor(k)]++] = k;
      inLinks[inAt[network.successor(k)]++] = k;
    }
    int[] indegree = new int[n];
    int[] order = new int[n];
    int tail = 0;
    for (int i = 0; i < n; i++) {
      indegree[i] = inStart[i + 1] - inStart[i];
      if (indegree[i] == 0) {
        order[tail++] = i;
      }
    }
    for (int head = 0; head < tail; head++) {
      int t = order[head];
      for (int e = outStart[t]; e < outStart[t + 1]; e++) {
        int j = network.successor(outLinks[e]);
        if (--indegree[j] == 0) {
          order[tail++] = j;
        }
      }
    }
    if (tail < n) {
      throw new DependencyCycleException(findCycle(network, indegree, inStart, inLinks));
    }

    LocalDate base = calendar.nextWorkingDay(analysisStart);
    long[] es = new long[n];
    long[] ef = new long[n];
    long[] ls = new long[n];
    long[] lf = new long[n];
    long finish = Long.MIN_VALUE;
    for (int x = 0; x < n; x++) {
      int j = order[x];
      long d = network.duration(j);
      long start = 0;
      for (int e = inStart[j]; e < inStart[j + 1]; e++) {
        int k = inLinks[e];
        int i = network.predecessor(k);
        long lag = network.lag(k);
        long bound = switch (network.type(k)) {
          case FS -> ef[i] + 1 + lag;
          case SS -> es[i] + lag;
          case FF -> ef[i] + lag - d + 1;
          case SF -> es[i] + lag - d;
        };
        start = Math.max(start, bound);
      }
      es[j] = start;
      ef[j] = start + d - 1;
      finish = Math.max(finish, ef[j]);
    }
    long last = deadline == null ? finish : ordinal(calendar, base, lastWorkingDayOnOrBefore(calendar, deadline));
    for (int x = n - 1; x >= 0; x--) {
      int i = order[x];
      long di = network.duration(i);
      long late = last;
      for (int e = outStart[i]; e < outStart[i + 1]; e++) {
        int k = outLinks[e];
        int j = network.successor(k);
        long lag = network.lag(k);
        long bound = switch (network.type(k)) {
          case FS -> ls[j] - 1 - lag;
          case SS -> ls[j] - lag + di - 1;
          case FF -> lf[j] - lag;
          case SF -> lf[j] - lag + di;
        };
        late = Math.min(late, bound);
      }
      lf[i] = late;
      ls[i] = late - di + 1;
    }
    Dates dates = new Dates(calendar, base, finish, es, ef, ls, lf);
    List<TaskId> ids = network.tasks();
    List<CpmTask> result = new ArrayList<>(n);
    List<TaskId> critical = new ArrayList<>();
    for (int x = 0; x < n; x++) {
      int i = order[x];
      long tf = ls[i] - es[i];
      long ff;
      if (outStart[i] == outStart[i + 1]) {
        ff = Math.max(0, last - ef[i]);
      } else {
        ff = Long.MAX_VALUE;
        for (int e = outStart[i]; e < outStart[i + 1]; e++) {
          int k = outLinks[e];
          int j = network.successor(k);
          long lag = network.lag(k);
          long slack = switch (network.type(k)) {
            case FS -> es[j] - (ef[i] + 1 + lag);
            case SS -> es[j] - (es[i] + lag);
            case FF -> ef[j] - (ef[i] + lag);
            case SF -> ef[j] - (es[i] - 1 + lag);
          };
          ff = Math.min(ff, slack);
        }
        ff = Math.max(0, ff);
      }
      boolean isCritical = tf <= threshold;
      TaskId id = ids.get(i);
      if (isCritical) {
        critical.add(id);
      }
      result.add(new CpmTask(id, network.duration(i), network.unestimated(i), dates.of(es[i]), dates.of(ef[i]),
          dates.of(ls[i]), dates.of(lf[i]), tf, ff, isCritical));
    }
    return new CriticalPath(result, dates.of(finish), critical);
  }

  /**
   * Ordinals to dates, each distinct ordinal converted once: tasks share few distinct ordinals. An array
   * over the ordinals' range when it is not much wider than the tasks, else a map.
   */
  private static final class Dates {
    private final WorkCalendar calendar;
    private final LocalDate base;
    private final long low;
    private final LocalDate[] byOrdinal;
    private final Map<Long, LocalDate> byMap;

    Dates(WorkCalendar calendar, LocalDate base, long finish, long[]... ordinals) {
      this.calendar = calendar;
      this.base = base;
      long lo = finish;
      long hi = finish;
      for (long[] column : ordinals) {
        for (long o : column) {
          lo = Math.min(lo, o);
          hi = Math.max(hi, o);
        }
      }
      this.low = lo;
      if (hi - lo >= 0 && hi - lo < 4L * ordinals[0].length + 1024) {
        byOrdinal = new LocalDate[(int) (hi - lo + 1)];
        byMap = null;
      } else {
        byOrdinal = null;
        byMap = new HashMap<>();
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
      return byMap.computeIfAbsent(ordinal, k -> date(calendar, base, k));
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
   * A cycle among the tasks Kahn's algorithm could not order: each of them has a predecessor that is
   * also left over, so walking predecessors must come back to a task already seen.
   */
  private static List<TaskId> findCycle(CpmNetwork network, int[] indegree, int[] inStart, int[] inLinks) {
    int t = 0;
    while (indegree[t] == 0) {
      t++;
    }
    List<Integer> path = new ArrayList<>();
    int[] seenAt = new int[indegree.length];
    java.util.Arrays.fill(seenAt, -1);
    while (seenAt[t] < 0) {
      seenAt[t] = path.size();
      path.add(t);
      int previous = -1;
      for (int e = inStart[t]; e < inStart[t + 1]; e++) {
        int p = network.predecessor(inLinks[e]);
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
