package dev.prodtrack.schedule;

import dev.prodtrack.model.TaskId;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    Map<TaskId, List<TaskLink>> out = new HashMap<>();
    Map<TaskId, List<TaskLink>> in = new HashMap<>();
    Map<TaskId, Integer> indegree = new LinkedHashMap<>();
    durations.keySet().forEach(t -> indegree.put(t, 0));
    for (TaskLink l : links) {
      if (!durations.containsKey(l.predecessor()) || !durations.containsKey(l.successor())) {
        throw new IllegalArgumentException("link " + l + " names a task outside the scope");
      }
      out.computeIfAbsent(l.predecessor(), k -> new ArrayList<>()).add(l);
      in.computeIfAbsent(l.successor(), k -> new ArrayList<>()).add(l);
      indegree.merge(l.successor(), 1, Integer::sum);
    }
    List<TaskId> order = new ArrayList<>(durations.size());
    ArrayDeque<TaskId> ready = new ArrayDeque<>();
    indegree.forEach((t, d) -> {
      if (d == 0) {
        ready.add(t);
      }
    });
    while (!ready.isEmpty()) {
      TaskId t = ready.poll();
      order.add(t);
      for (TaskLink l : out.getOrDefault(t, List.of())) {
        if (indegree.merge(l.successor(), -1, Integer::sum) == 0) {
          ready.add(l.successor());
        }
      }
    }
    if (order.size() < durations.size()) {
      throw new DependencyCycleException(findCycle(indegree, in));
    }

    LocalDate base = calendar.nextWorkingDay(analysisStart);
    Map<TaskId, long[]> v = new HashMap<>(); // ES, EF, LS, LF
    long finish = Long.MIN_VALUE;
    for (TaskId j : order) {
      long d = durations.get(j);
      long es = 0;
      for (TaskLink l : in.getOrDefault(j, List.of())) {
        long[] i = v.get(l.predecessor());
        long bound = switch (l.type()) {
          case FS -> i[1] + 1 + l.lag();
          case SS -> i[0] + l.lag();
          case FF -> i[1] + l.lag() - d + 1;
          case SF -> i[0] + l.lag() - d;
        };
        es = Math.max(es, bound);
      }
      long ef = es + d - 1;
      v.put(j, new long[] {es, ef, 0, 0});
      finish = Math.max(finish, ef);
    }
    long last = deadline == null ? finish : ordinal(calendar, base, lastWorkingDayOnOrBefore(calendar, deadline));
    for (int k = order.size() - 1; k >= 0; k--) {
      TaskId i = order.get(k);
      long di = durations.get(i);
      long lf = last;
      for (TaskLink l : out.getOrDefault(i, List.of())) {
        long[] j = v.get(l.successor());
        long bound = switch (l.type()) {
          case FS -> j[2] - 1 - l.lag();
          case SS -> j[2] - l.lag() + di - 1;
          case FF -> j[3] - l.lag();
          case SF -> j[3] - l.lag() + di;
        };
        lf = Math.min(lf, bound);
      }
      long[] x = v.get(i);
      x[3] = lf;
      x[2] = lf - di + 1;
    }
    // Working-day ordinals to dates: each conversion walks the calendar day by day, and a project's
    // tasks share a few hundred ordinals, so convert each distinct ordinal once.
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (long[] x : v.values()) {
      lo = Math.min(lo, Math.min(x[0], x[2]));
      hi = Math.max(hi, Math.max(x[1], x[3]));
    }
    lo = Math.min(lo, finish);
    hi = Math.max(hi, finish);
    boolean compact = hi - lo >= 0 && hi - lo < 4L * order.size() + 1024;
    LocalDate[] dates = compact ? new LocalDate[(int) (hi - lo + 1)] : null;
    final long first = lo;
    java.util.function.LongFunction<LocalDate> dateOf = ordinal -> {
      if (dates == null) {
        return date(calendar, base, ordinal);
      }
      int k = (int) (ordinal - first);
      LocalDate d = dates[k];
      if (d == null) {
        d = date(calendar, base, ordinal);
        dates[k] = d;
      }
      return d;
    };
    List<CpmTask> result = new ArrayList<>(order.size());
    List<TaskId> critical = new ArrayList<>();
    for (TaskId i : order) {
      long[] x = v.get(i);
      long tf = x[2] - x[0];
      long ff;
      List<TaskLink> succ = out.getOrDefault(i, List.of());
      if (succ.isEmpty()) {
        ff = Math.max(0, last - x[1]);
      } else {
        ff = Long.MAX_VALUE;
        for (TaskLink l : succ) {
          long[] j = v.get(l.successor());
          long slack = switch (l.type()) {
            case FS -> j[0] - (x[1] + 1 + l.lag());
            case SS -> j[0] - (x[0] + l.lag());
            case FF -> j[1] - (x[1] + l.lag());
            case SF -> j[1] - (x[0] - 1 + l.lag());
          };
          ff = Math.min(ff, slack);
        }
        ff = Math.max(0, ff);
      }
      boolean isCritical = tf <= threshold;
      if (isCritical) {
        critical.add(i);
      }
      result.add(new CpmTask(i, durations.get(i), unestimated.contains(i), dateOf.apply(x[0]), dateOf.apply(x[1]),
          dateOf.apply(x[2]), dateOf.apply(x[3]), tf, ff, isCritical));
    }
    return new CriticalPath(result, dateOf.apply(finish), critical);
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
  private static List<TaskId> findCycle(Map<TaskId, Integer> indegree, Map<TaskId, List<TaskLink>> in) {
    TaskId t = null;
    for (Map.Entry<TaskId, Integer> e : indegree.entrySet()) {
      if (e.getValue() > 0) {
        t = e.getKey();
        break;
      }
    }
    List<TaskId> path = new ArrayList<>();
    Map<TaskId, Integer> seenAt = new HashMap<>();
    while (!seenAt.containsKey(t)) {
      seenAt.put(t, path.size());
      path.add(t);
      TaskId previous = null;
      for (TaskLink l : in.get(t)) {
        if (indegree.get(l.predecessor()) > 0) {
          previous = l.predecessor();
          break;
        }
      }
      t = previous;
    }
    List<TaskId> cycle = new ArrayList<>(path.subList(seenAt.get(t), path.size()));
    java.util.Collections.reverse(cycle);
    return cycle;
  }
}
