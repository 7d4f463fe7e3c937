package dev.prodtrack.schedule;

import dev.prodtrack.model.TaskId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deliberately naive critical path (schedule-analytics.md §5.2 with maps and day-by-day calendar walks) that the
 * critical-path properties compare the engine against, through the API ({@code CriticalPathProperties}) and on
 * generated networks ({@code CpmNetworkProperties}).
 */
public final class NaiveCpm {
  private NaiveCpm() {}

  /** A calendar of working weekdays and holidays, walked day by day. */
  public record Calendar(Set<DayOfWeek> weekdays, Set<LocalDate> holidays) {
    public boolean working(LocalDate d) {
      return weekdays.contains(d.getDayOfWeek()) && !holidays.contains(d);
    }

    public long count(LocalDate a, LocalDate b) {
      long n = 0;
      for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
        n += working(d) ? 1 : 0;
      }
      return n;
    }

    public LocalDate next(LocalDate d) {
      LocalDate x = d;
      while (!working(x)) {
        x = x.plusDays(1);
      }
      return x;
    }

    public LocalDate previous(LocalDate d) {
      LocalDate x = d;
      while (!working(x)) {
        x = x.minusDays(1);
      }
      return x;
    }

    /** The date of a working-day ordinal counted from a working day. */
    public LocalDate date(LocalDate base, long ordinal) {
      LocalDate x = base;
      for (long k = 0; k < ordinal; k++) {
        x = next(x.plusDays(1));
      }
      for (long k = 0; k > ordinal; k--) {
        x = previous(x.minusDays(1));
      }
      return x;
    }

    public long ordinal(LocalDate base, LocalDate day) {
      return day.isAfter(base) ? count(base.plusDays(1), day) : day.isBefore(base) ? -count(day.plusDays(1), base) : 0;
    }

    public WorkCalendar engine() {
      WorkCalendar.Builder b = WorkCalendar.builder().workingWeekdays(weekdays);
      holidays.forEach(b::holiday);
      return b.build();
    }
  }

  /**
   * §5.2 with maps: the result, or the cycle Kahn's leftovers give (first task in {@code durations} order, first
   * in-link).
   *
   * @param durations each task's duration in working days, in the network's order
   * @param unestimated the tasks whose duration is the one-day default
   * @param links the links
   * @param analysisStart the first day
   * @param deadline the deadline of the backward pass, or null
   * @param threshold the total float at or below which a task is critical
   * @param c the calendar
   * @return the {@link CriticalPath}, or the cycle as a list of task ids
   */
  public static Object solve(Map<TaskId, Integer> durations, Set<TaskId> unestimated, List<TaskLink> links,
      LocalDate analysisStart, LocalDate deadline, long threshold, Calendar c) {
    Map<TaskId, List<TaskLink>> out = new HashMap<>();
    Map<TaskId, List<TaskLink>> in = new HashMap<>();
    Map<TaskId, Integer> indegree = new LinkedHashMap<>();
    durations.keySet().forEach(t -> indegree.put(t, 0));
    for (TaskLink l : links) {
      out.computeIfAbsent(l.predecessor(), k -> new ArrayList<>()).add(l);
      in.computeIfAbsent(l.successor(), k -> new ArrayList<>()).add(l);
      indegree.merge(l.successor(), 1, Integer::sum);
    }
    List<TaskId> order = new ArrayList<>();
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
      TaskId t = indegree.entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow().getKey();
      List<TaskId> path = new ArrayList<>();
      while (!path.contains(t)) {
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
      List<TaskId> cycle = new ArrayList<>(path.subList(path.indexOf(t), path.size()));
      java.util.Collections.reverse(cycle);
      return cycle;
    }
    LocalDate base = c.next(analysisStart);
    Map<TaskId, long[]> v = new HashMap<>();
    long finish = Long.MIN_VALUE;
    for (TaskId j : order) {
      long d = durations.get(j);
      long es = 0;
      for (TaskLink l : in.getOrDefault(j, List.of())) {
        long[] i = v.get(l.predecessor());
        es = Math.max(es, switch (l.type()) {
          case FS -> i[1] + 1 + l.lag();
          case SS -> i[0] + l.lag();
          case FF -> i[1] + l.lag() - d + 1;
          case SF -> i[0] + l.lag() - d;
        });
      }
      v.put(j, new long[] {es, es + d - 1, 0, 0});
      finish = Math.max(finish, es + d - 1);
    }
    long last = deadline == null ? finish : c.ordinal(base, c.previous(deadline));
    for (int k = order.size() - 1; k >= 0; k--) {
      TaskId i = order.get(k);
      long di = durations.get(i);
      long lf = last;
      for (TaskLink l : out.getOrDefault(i, List.of())) {
        long[] j = v.get(l.successor());
        lf = Math.min(lf, switch (l.type()) {
          case FS -> j[2] - 1 - l.lag();
          case SS -> j[2] - l.lag() + di - 1;
          case FF -> j[3] - l.lag();
          case SF -> j[3] - l.lag() + di;
        });
      }
      v.get(i)[3] = lf;
      v.get(i)[2] = lf - di + 1;
    }
    List<CpmTask> result = new ArrayList<>();
    List<TaskId> critical = new ArrayList<>();
    for (TaskId i : order) {
      long[] x = v.get(i);
      long tf = x[2] - x[0];
      long ff = Long.MAX_VALUE;
      for (TaskLink l : out.getOrDefault(i, List.of())) {
        long[] j = v.get(l.successor());
        ff = Math.min(ff, switch (l.type()) {
          case FS -> j[0] - (x[1] + 1 + l.lag());
          case SS -> j[0] - (x[0] + l.lag());
          case FF -> j[1] - (x[1] + l.lag());
          case SF -> j[1] - (x[0] - 1 + l.lag());
        });
      }
      ff = ff == Long.MAX_VALUE ? Math.max(0, last - x[1]) : Math.max(0, ff);
      if (tf <= threshold) {
        critical.add(i);
      }
      result.add(new CpmTask(i, durations.get(i), unestimated.contains(i), c.date(base, x[0]), c.date(base, x[1]),
          c.date(base, x[2]), c.date(base, x[3]), tf, ff, tf <= threshold));
    }
    return new CriticalPath(result, c.date(base, finish), critical);
  }
}
