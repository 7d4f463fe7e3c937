package dev.prodtrack.benchmarks.peers;

import dev.prodtrack.model.DayOff;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The schedule analytics as a pipeline developer writes them by hand over hash maps, shared by the plain
 * peer (over its own rows) and the SQL peers (over the rows one query reads): a Monday–Friday calendar
 * with each person's days off as a set of dates and working days counted by walking the days; the
 * workload spread (schedule-analytics §1.4); a critical-path pass (§5) with {@code UUID}-keyed maps and
 * Kahn's algorithm. Each follows the reference definitions literally, with the engine's conventions
 * where the answer must be the same to the unit: demand in whole nanoseconds, divided by the working days
 * and the assignees in one integer division.
 */
final class PlainSchedule {
  private PlainSchedule() {}

  /**
   * The studio calendar of the side-by-side (the one {@code schedule().calendar(List.of())} gives
   * prodtrack): Monday to Friday, no holiday, every person's days off, the organisation's hours per day,
   * full capacity. Built once per peer before timing, as prodtrack's calendar is.
   */
  static final class Calendar {
    final double hoursPerDay;
    /** A working day's capacity in nanoseconds. */
    final long dayNanos;
    private final Map<UUID, Set<LocalDate>> daysOff = new HashMap<>();

    Calendar(Snapshot s) {
      hoursPerDay = s.hoursPerDay;
      dayNanos = Math.round(hoursPerDay * 3.6e12);
      for (DayOff d : s.daysOff) {
        Set<LocalDate> off = daysOff.computeIfAbsent(d.personId().value(), k -> new HashSet<>());
        for (LocalDate day = d.date(); !day.isAfter(d.endDate()); day = day.plusDays(1)) {
          off.add(day);
        }
      }
    }

    boolean isWorking(LocalDate d) {
      DayOfWeek w = d.getDayOfWeek();
      return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    boolean isWorking(UUID person, LocalDate d) {
      if (!isWorking(d)) {
        return false;
      }
      Set<LocalDate> off = daysOff.get(person);
      return off == null || !off.contains(d);
    }

    /** Working days of {@code [a, b]}, both ends included. */
    long workingDays(LocalDate a, LocalDate b) {
      long n = 0;
      for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
        if (isWorking(d)) {
          n++;
        }
      }
      return n;
    }

    /** The person's working days of {@code [a, b]}, both ends included. */
    long workingDays(UUID person, LocalDate a, LocalDate b) {
      long n = 0;
      for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
        if (isWorking(person, d)) {
          n++;
        }
      }
      return n;
    }

    LocalDate nextWorkingDay(LocalDate d) {
      while (!isWorking(d)) {
        d = d.plusDays(1);
      }
      return d;
    }

    /** Effort in minutes as person-days. */
    double days(long minutes) {
      return minutes / 60.0 / hoursPerDay;
    }
  }

  // ---- earned value

  /** Earned value as of a day, in person-days (0/100 rule), with the tasks lacking an estimation or dates. */
  record Ev(double bac, double pv, double ev, double ac, int unestimated, int unscheduled) {}

  /**
   * {@code plannedFraction(t, d)} of §6: 0 before the start, 1 from the due date, else the share of working
   * days elapsed (0 for a span without a working day); -1 when a date is missing (unscheduled).
   */
  static double plannedFraction(LocalDate start, LocalDate due, LocalDate day, Calendar calendar) {
    if (start == null || due == null) {
      return -1;
    }
    if (day.isBefore(start)) {
      return 0;
    }
    if (!day.isBefore(due)) {
      return 1;
    }
    long span = calendar.workingDays(start, due);
    return span == 0 ? 0 : (double) calendar.workingDays(start, day) / span;
  }

  // ---- workload

  /**
   * A workload grid: per person (in the team's order) and day of {@code [from, from + days)}, demand and
   * capacity in nanoseconds, and the team's totals per day.
   */
  record Grid(LocalDate from, List<UUID> people, long[][] demand, long[][] capacity, long[] teamDemand,
      long[] teamCapacity, int[] overbooked) {}

  /**
   * Adds an open task's share to a person's demand over the grid's days: its remaining work over the
   * person's working days of its span, divided among its assignees, on each working day of the span that
   * falls in the grid. A span with no working day for the person adds nothing (unplaceable).
   */
  static void spread(Calendar calendar, UUID person, LocalDate from, long[] demand, LocalDate start, LocalDate due,
      long remainingMinutes, int assignees) {
    long days = calendar.workingDays(person, start, due);
    if (days == 0 || remainingMinutes <= 0) {
      return;
    }
    long perDay = remainingMinutes * 60_000_000_000L / (days * assignees);
    LocalDate to = from.plusDays(demand.length - 1);
    LocalDate a = start.isBefore(from) ? from : start;
    LocalDate b = due.isAfter(to) ? to : due;
    for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
      if (calendar.isWorking(person, d)) {
        demand[(int) (d.toEpochDay() - from.toEpochDay())] += perDay;
      }
    }
  }

  /** The grid of the people's demand rows: each one's capacity and the team's totals per day. */
  static Grid grid(Calendar calendar, LocalDate from, List<UUID> people, long[][] demand) {
    int n = demand.length == 0 ? 0 : demand[0].length;
    long[][] capacity = new long[people.size()][n];
    long[] teamDemand = new long[n];
    long[] teamCapacity = new long[n];
    int[] overbooked = new int[n];
    for (int p = 0; p < people.size(); p++) {
      for (int i = 0; i < n; i++) {
        LocalDate d = from.plusDays(i);
        capacity[p][i] = calendar.isWorking(people.get(p), d) ? calendar.dayNanos : 0;
        teamDemand[i] += demand[p][i];
        teamCapacity[i] += capacity[p][i];
        if (demand[p][i] > capacity[p][i]) {
          overbooked[i]++;
        }
      }
    }
    return new Grid(from, people, demand, capacity, teamDemand, teamCapacity, overbooked);
  }

  // ---- critical path

  /** What the critical path reads of a task. */
  interface Job {
    UUID id();

    UUID entity();

    UUID type();

    LocalDate start();

    LocalDate due();

    /** Minutes. */
    long estimation();
  }

  /** A task as a query reads it. */
  record JobRow(UUID id, UUID entity, UUID type, LocalDate start, LocalDate due, long estimation) implements Job {}

  /** The project's finish and its critical tasks (total float ≤ 0). */
  record Cpm(LocalDate finish, List<UUID> critical) {}

  /**
   * The critical path of §5 with the implicit links only: within each entity, every task of one
   * task-type priority group precedes every task of the next group (types without a priority in the
   * project get no link); durations in working days from the planned dates, else the estimation, else
   * one day; forward and backward passes in working-day ordinals from the next working day of the
   * project's start (else the earliest task start); the backward pass from the project finish.
   *
   * @param jobs the project's tasks
   * @param priorities each task type's link priority in the project
   * @param projectStart the project's start date, nullable
   * @param calendar the calendar
   * @return the finish and the critical tasks
   */
  static Cpm criticalPath(Collection<? extends Job> jobs, Map<UUID, Integer> priorities, LocalDate projectStart,
      Calendar calendar) {
    Map<UUID, Integer> duration = new HashMap<>();
    Map<UUID, TreeMap<Integer, List<UUID>>> groups = new HashMap<>();
    Map<UUID, List<UUID>> successors = new HashMap<>();
    Map<UUID, Integer> indegree = new HashMap<>();
    LocalDate earliest = null;
    for (Job j : jobs) {
      int d;
      if (j.start() != null && j.due() != null) {
        d = (int) Math.max(1, calendar.workingDays(j.start(), j.due()));
      } else if (j.estimation() > 0) {
        d = (int) Math.max(1, Math.ceil(calendar.days(j.estimation()) - 1e-9));
      } else {
        d = 1;
      }
      duration.put(j.id(), d);
      indegree.put(j.id(), 0);
      if (j.start() != null && (earliest == null || j.start().isBefore(earliest))) {
        earliest = j.start();
      }
      Integer priority = priorities.get(j.type());
      if (priority != null) {
        groups.computeIfAbsent(j.entity(), k -> new TreeMap<>()).computeIfAbsent(priority, k -> new ArrayList<>())
            .add(j.id());
      }
    }
    for (TreeMap<Integer, List<UUID>> entity : groups.values()) {
      List<UUID> previous = null;
      for (List<UUID> group : entity.values()) {
        if (previous != null) {
          for (UUID p : previous) {
            successors.computeIfAbsent(p, k -> new ArrayList<>()).addAll(group);
            for (UUID q : group) {
              indegree.merge(q, 1, Integer::sum);
            }
          }
        }
        previous = group;
      }
    }
    // Kahn's algorithm.
    ArrayDeque<UUID> ready = new ArrayDeque<>();
    indegree.forEach((id, in) -> {
      if (in == 0) {
        ready.add(id);
      }
    });
    List<UUID> order = new ArrayList<>(duration.size());
    while (!ready.isEmpty()) {
      UUID id = ready.poll();
      order.add(id);
      for (UUID q : successors.getOrDefault(id, List.of())) {
        if (indegree.merge(q, -1, Integer::sum) == 0) {
          ready.add(q);
        }
      }
    }
    if (order.size() != duration.size()) {
      throw new IllegalStateException("the links form a cycle");
    }
    // Forward pass, in ordinals from the analysis start (0).
    Map<UUID, Integer> es = new HashMap<>();
    Map<UUID, Integer> ef = new HashMap<>();
    int finish = 0;
    for (UUID id : order) {
      int start = es.getOrDefault(id, 0);
      int end = start + duration.get(id) - 1;
      ef.put(id, end);
      finish = Math.max(finish, end);
      for (UUID q : successors.getOrDefault(id, List.of())) {
        es.merge(q, end + 1, Math::max);
      }
    }
    // Backward pass from the finish.
    Map<UUID, Integer> ls = new HashMap<>();
    List<UUID> critical = new ArrayList<>();
    for (int k = order.size() - 1; k >= 0; k--) {
      UUID id = order.get(k);
      int lf = finish;
      for (UUID q : successors.getOrDefault(id, List.of())) {
        lf = Math.min(lf, ls.get(q) - 1);
      }
      int lateStart = lf - duration.get(id) + 1;
      ls.put(id, lateStart);
      if (lateStart - es.getOrDefault(id, 0) <= 0) {
        critical.add(id);
      }
    }
    LocalDate start = projectStart != null ? projectStart : earliest != null ? earliest : LocalDate.EPOCH;
    LocalDate day = calendar.nextWorkingDay(start);
    for (int k = 0; k < finish; k++) {
      day = calendar.nextWorkingDay(day.plusDays(1));
    }
    return new Cpm(day, critical);
  }
}
