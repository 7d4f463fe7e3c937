package dev.prodtrack;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.schedule.WorkCalendar;
import dev.prodtrack.schedule.Workload;
import dev.prodtrack.schedule.WorkloadGrid;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The workload of schedule-analytics.md §1.4 over one range of days, for the people of one query (a grid
 * or a single workload), read from each person's open dated tasks as primitive columns
 * ({@link ScheduleTaskIndex.OpenDated}).
 *
 * <p>Design note. For each task: {@code workingDays_p(start, due)}; zero makes it unplaceable, else its
 * remaining nanoseconds divided by those days and by its assignees (integer division, in that order) is
 * added to a difference array over the range at its first day in the range, and subtracted after its
 * last; one running sum then gives each day's demand, reported on the person's working days only. Sums
 * of whole nanoseconds, so the order of the tasks does not change the result; the unplaceable tasks are
 * sorted by id.
 *
 * <p>Working days without the calendar per task: a table of the plain calendar's working days (prefix
 * counts, one {@link WorkCalendar#isWorking(LocalDate)} per day) covers the days the query needs, built
 * once per query and widened when a person's tasks reach further. A person's window (the range plus
 * their tasks' spans) with as many working days for them as for the calendar
 * ({@link WorkCalendar#workingDays(PersonId, LocalDate, LocalDate)}, one call) holds none of their days
 * off, so the plain table answers for them. Otherwise their days off in the window are found by halving
 * it (an interval whose count agrees has none; one with no working day for them is all off), and a
 * table of their own is built. Both rest on the calendar's definition: {@code workingDays_p(a, b)} counts
 * the days {@code d} of {@code [a, b]} with {@code isWorking(p, d)}. A window wider than
 * {@link #MAX_TABLE_DAYS} asks the calendar per task and per day instead. Not thread-safe: one instance
 * per query.
 */
final class WorkloadCalculator {
  /** The widest window given a table; beyond it, the calendar is asked per task and per day. */
  static final long MAX_TABLE_DAYS = 1 << 16;
  /** Days added on each side when the plain table grows, so that the next person rarely grows it again. */
  private static final long SLACK = 64;
  private static final long MIN_DAY = LocalDate.MIN.toEpochDay();
  private static final long MAX_DAY = LocalDate.MAX.toEpochDay();

  private final WorkCalendar calendar;
  private final long first;
  private final long last;
  private final int n;
  private final LocalDate[] dates;
  /** The entry of a non-working day, shared by every person (built on first use). */
  private final Workload.Day[] idle;
  /** {@code plain[i]}: the calendar's working days in {@code [base, base + i)}; null until needed. */
  private int[] plain;
  private long base;
  /** A person's own prefix counts over their window (reused between people). */
  private int[] own = new int[0];
  private boolean[] off = new boolean[0];
  /** The team's totals per day over the workloads computed so far, in nanoseconds. */
  private final long[] teamDemand;
  private final long[] teamCapacity;
  private final int[] teamOverbooked;
  private int computed;
  /** False once a total left a long: {@link #grid} then sums durations instead. */
  private boolean exact = true;

  /**
   * Starts a query.
   *
   * @param calendar the calendar
   * @param from the first day
   * @param to the last day, not before {@code from}
   */
  WorkloadCalculator(WorkCalendar calendar, LocalDate from, LocalDate to) {
    this.calendar = calendar;
    this.first = from.toEpochDay();
    this.last = to.toEpochDay();
    this.n = (int) (last - first + 1);
    this.dates = new LocalDate[n];
    for (int i = 0; i < n; i++) {
      dates[i] = from.plusDays(i);
    }
    this.idle = new Workload.Day[n];
    this.teamDemand = new long[n];
    this.teamCapacity = new long[n];
    this.teamOverbooked = new int[n];
  }

  /**
   * The grid of the workloads this calculator computed, in the order given, with the team's totals kept
   * while computing them (the values {@link WorkloadGrid#of} would sum).
   *
   * @param from the query's first day
   * @param to the query's last day
   * @param rows every workload {@link #of} returned, each once
   * @return the grid
   */
  WorkloadGrid grid(LocalDate from, LocalDate to, List<Workload> rows) {
    if (!exact || rows.size() != computed) {
      return WorkloadGrid.of(from, to, rows);
    }
    List<WorkloadGrid.TeamDay> totals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      totals.add(new WorkloadGrid.TeamDay(dates[i], Duration.ofNanos(teamDemand[i]), Duration.ofNanos(teamCapacity[i]),
          teamOverbooked[i]));
    }
    return new WorkloadGrid(from, to, rows, totals);
  }

  /**
   * Columns holding the given tasks that are open (status not done) and dated, for a person assigned to
   * each of them; project code 0.
   *
   * @param s the state
   * @param tasks tasks assigned to the person, each once
   * @return the columns, null when none qualifies
   */
  static ScheduleTaskIndex.OpenDated columnsOf(State s, List<Task> tasks) {
    ScheduleTaskIndex.OpenDated out = null;
    for (Task t : tasks) {
      if (t.startDate() == null || t.dueDate() == null || s.taskStatuses.get(t.taskStatusId()).isDone()) {
        continue;
      }
      if (out == null) {
        out = new ScheduleTaskIndex.OpenDated();
      }
      out.add(t, 0);
    }
    return out;
  }

  /**
   * A person's workload from their open dated tasks.
   *
   * @param person the person
   * @param open their tasks, null for none
   * @param allowed which project codes count (codes beyond its length do not), null for every task
   * @return the workload over the query's range
   */
  Workload of(PersonId person, ScheduleTaskIndex.OpenDated open, boolean[] allowed) {
    int size = open == null ? 0 : open.size;
    long lo = first;
    long hi = last;
    for (int i = 0; i < size; i++) {
      if (selected(open, i, allowed) && open.starts[i] <= open.dues[i]) {
        lo = Math.min(lo, open.starts[i]);
        hi = Math.max(hi, open.dues[i]);
      }
    }
    // The person's working-day prefix counts over [lo, hi]: q[d − qBase] for the days before d.
    int[] q = null;
    long qBase = 0;
    if (hi - lo < MAX_TABLE_DAYS) {
      plainCovering(lo, hi);
      int plainDays = plain[(int) (hi + 1 - base)] - plain[(int) (lo - base)];
      if (plainDays == 0 || calendar.workingDays(person, LocalDate.ofEpochDay(lo), LocalDate.ofEpochDay(hi))
          == plainDays) {
        q = plain;
        qBase = base;
      } else {
        q = ownTable(person, lo, hi);
        qBase = lo;
      }
    }
    long[] change = new long[n + 1];
    List<Task> unplaceable = null;
    for (int i = 0; i < size; i++) {
      if (!selected(open, i, allowed)) {
        continue;
      }
      long a = open.starts[i];
      long b = open.dues[i];
      long days;
      if (b < a) {
        days = 0;
      } else if (q != null) {
        days = q[(int) (b + 1 - qBase)] - q[(int) (a - qBase)];
      } else {
        days = calendar.workingDays(person, LocalDate.ofEpochDay(a), LocalDate.ofEpochDay(b));
      }
      if (days == 0) {
        if (unplaceable == null) {
          unplaceable = new ArrayList<>();
        }
        unplaceable.add(open.tasks[i]);
        continue;
      }
      long remaining = open.remaining[i];
      if (remaining == 0) {
        continue;
      }
      if (remaining == ScheduleTaskIndex.OpenDated.OVERFLOW) {
        // Does not fit a long of nanoseconds: fails as Duration.toNanos does (whatever the range).
        remaining = open.tasks[i].estimation().minus(open.tasks[i].duration()).toNanos();
      }
      long ca = Math.max(first, a);
      long cb = Math.min(last, b);
      if (ca > cb) {
        continue; // outside the range: no share to compute
      }
      // remaining / days / assignees in one division: ⌊⌊r / d⌋ / k⌋ = ⌊r / (d·k)⌋ for r ≥ 0, d, k > 0.
      int assignees = open.assignees[i];
      long perDay = days < Integer.MAX_VALUE ? remaining / (days * assignees) : remaining / days / assignees;
      change[(int) (ca - first)] += perDay;
      change[(int) (cb - first) + 1] -= perDay;
    }
    List<TaskId> unplaceableIds;
    if (unplaceable == null) {
      unplaceableIds = List.of();
    } else {
      unplaceable.sort(Comparator.comparing(t -> t.id().value()));
      unplaceableIds = new ArrayList<>(unplaceable.size());
      for (Task t : unplaceable) {
        unplaceableIds.add(t.id());
      }
    }
    Workload.Day[] out = new Workload.Day[n];
    Duration fullDay = null;
    long fullDayNanos = 0;
    long running = 0;
    for (int i = 0; i < n; i++) {
      running += change[i];
      long d = first + i;
      boolean working = q != null ? q[(int) (d + 1 - qBase)] != q[(int) (d - qBase)]
          : calendar.isWorking(person, dates[i]);
      if (working) {
        if (fullDay == null) {
          fullDay = calendar.capacity(person, dates[i]);
          try {
            fullDayNanos = fullDay.toNanos();
          } catch (ArithmeticException beyondALong) {
            exact = false;
          }
        }
        out[i] = new Workload.Day(dates[i], Duration.ofNanos(running), fullDay);
        if (exact) {
          try {
            teamDemand[i] = Math.addExact(teamDemand[i], running);
            teamCapacity[i] = Math.addExact(teamCapacity[i], fullDayNanos);
          } catch (ArithmeticException beyondALong) {
            exact = false;
          }
          if (running > fullDayNanos) {
            teamOverbooked[i]++;
          }
        }
      } else {
        Workload.Day none = idle[i];
        if (none == null) {
          none = new Workload.Day(dates[i], Duration.ZERO, Duration.ZERO);
          idle[i] = none;
        }
        out[i] = none;
      }
    }
    computed++;
    return new Workload(person, Arrays.asList(out), unplaceableIds);
  }

  private static boolean selected(ScheduleTaskIndex.OpenDated open, int i, boolean[] allowed) {
    if (allowed == null) {
      return true;
    }
    int code = open.projects[i];
    return code < allowed.length && allowed[code];
  }

  /** Makes {@link #plain} cover {@code [lo, hi]} (a span below {@link #MAX_TABLE_DAYS}). */
  private void plainCovering(long lo, long hi) {
    if (plain != null && base <= lo && hi + 1 - base < plain.length) {
      return;
    }
    long from = Math.max(MIN_DAY, lo - SLACK);
    long to = Math.min(MAX_DAY, hi + SLACK);
    if (plain != null && Math.max(to, base + plain.length - 2) - Math.min(from, base) < 4 * MAX_TABLE_DAYS) {
      // Widen, keeping what the table covered (people far apart in time get a table of their own).
      from = Math.min(from, base);
      to = Math.max(to, base + plain.length - 2);
    }
    int[] table = new int[(int) (to - from + 2)];
    for (long d = from; d <= to; d++) {
      int i = (int) (d - from);
      table[i + 1] = table[i] + (calendar.isWorking(LocalDate.ofEpochDay(d)) ? 1 : 0);
    }
    plain = table;
    base = from;
  }

  /**
   * The person's prefix counts over {@code [lo, hi]}: {@code result[d − lo]} is their working days in
   * {@code [lo, d)}. Their days off are found by halving the window; the array is reused by the next
   * person.
   */
  private int[] ownTable(PersonId person, long lo, long hi) {
    int w = (int) (hi - lo + 1);
    if (own.length < w + 1) {
      own = new int[w + 1];
      off = new boolean[w];
    } else {
      Arrays.fill(off, 0, w, false);
    }
    findOff(person, lo, lo, hi);
    for (int i = 0; i < w; i++) {
      long d = lo + i;
      boolean working = plain[(int) (d + 1 - base)] != plain[(int) (d - base)] && !off[i];
      own[i + 1] = own[i] + (working ? 1 : 0);
    }
    return own;
  }

  /** Marks in {@link #off} the calendar's working days of {@code [a, b]} that the person does not work. */
  private void findOff(PersonId person, long lo, long a, long b) {
    int plainDays = plain[(int) (b + 1 - base)] - plain[(int) (a - base)];
    if (plainDays == 0) {
      return;
    }
    long theirs = calendar.workingDays(person, LocalDate.ofEpochDay(a), LocalDate.ofEpochDay(b));
    if (theirs == plainDays) {
      return;
    }
    if (theirs == 0) {
      Arrays.fill(off, (int) (a - lo), (int) (b - lo) + 1, true);
      return;
    }
    long mid = a + (b - a) / 2;
    findOff(person, lo, a, mid);
    findOff(person, lo, mid + 1, b);
  }
}
