package dev.prodtrack.schedule;

import dev.prodtrack.model.PersonId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working-day calendar of schedule-analytics.md §1: working weekdays, studio holidays, per-person
 * day-off ranges, hours per day and per-person capacity. Every schedule metric uses this one class.
 *
 * <p>Design note. Counts are inclusive at both ends (Engine decision 6.4). Every count is a difference
 * of one function, {@code before(x)} = the working days before epoch day {@code x} counted from a fixed
 * Monday: whole weeks times the working weekdays, plus a table for the part week, minus the holidays on
 * working weekdays before {@code x} (a prefix-count table over the holidays' date range, a binary search
 * when that range is huge). So {@link #workingDays} is O(1) for the calendar. A person's day-off ranges
 * are merged at build time (overlapping ranges never count a day twice) and carry prefix sums of the
 * calendar's working days they cover, so a person's count is O(log ranges). {@link #addWorkingDays} and
 * {@link #subtractWorkingDays} on the plain calendar binary-search the day whose count is reached instead
 * of walking day by day (a person's variants walk). Instances are immutable and thread-safe.
 */
public final class WorkCalendar {
  /**
   * A calendar with this many holidays on working weekdays could hold ten years without a working day,
   * where the day-by-day walk gives up: below it the plain calendar's searches need no walk.
   */
  private static final int WALK_ONLY_HOLIDAYS = 522;
  /** Largest holiday date range (in days) given a prefix-count table; beyond it, binary search. */
  private static final long MAX_TABLE_SPAN = 1 << 20;

  private final boolean[] workingWeekday = new boolean[8];
  /** {@code weekPrefix[k]}: the working weekdays among the first {@code k} days of a week from Monday. */
  private final int[] weekPrefix = new int[8];
  private final int workingPerWeek;
  /** The holidays that fall on a working weekday (the others never change a count), sorted. */
  private final long[] holidays;
  /** {@code holidayPrefix[i]}: the holidays before epoch day {@code holidays[0] + i}; null when too wide. */
  private final int[] holidayPrefix;
  /** Per person (by the id's UUID, cheaper to hash than the id record), the merged day-off ranges. */
  private final Map<java.util.UUID, Off> daysOff;
  private final Map<PersonId, Double> capacity;
  private final double hoursPerDay;

  private WorkCalendar(Builder b) {
    for (DayOfWeek d : b.weekdays) {
      workingWeekday[d.getValue()] = true;
    }
    workingPerWeek = b.weekdays.size();
    for (int k = 0; k < 7; k++) {
      weekPrefix[k + 1] = weekPrefix[k] + (workingWeekday[k + 1] ? 1 : 0);
    }
    holidays = b.holidays.stream().mapToLong(LocalDate::toEpochDay).filter(d -> workingWeekday[weekday(d)]).toArray();
    if (holidays.length > 0 && holidays[holidays.length - 1] - holidays[0] < MAX_TABLE_SPAN) {
      holidayPrefix = new int[(int) (holidays[holidays.length - 1] - holidays[0]) + 2];
      for (int i = 0, h = 0; i < holidayPrefix.length; i++) {
        while (h < holidays.length && holidays[h] < holidays[0] + i) {
          h++;
        }
        holidayPrefix[i] = h;
      }
    } else {
      holidayPrefix = null;
    }
    Map<java.util.UUID, Off> off = new HashMap<>();
    b.daysOff.forEach((p, ranges) -> {
      long[][] merged = merge(ranges);
      long[] sums = new long[merged.length + 1];
      for (int i = 0; i < merged.length; i++) {
        sums[i + 1] = sums[i] + count(merged[i][0], merged[i][1]);
      }
      off.put(p.value(), new Off(merged, sums));
    });
    daysOff = java.util.Collections.unmodifiableMap(off);
    capacity = Map.copyOf(b.capacity);
    hoursPerDay = b.hoursPerDay;
  }

  /**
   * Starts a calendar: Monday to Friday, no holiday, no day off, 8 hours per day.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link WorkCalendar}. Not thread-safe. */
  public static final class Builder {
    private final Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private final TreeSet<LocalDate> holidays = new TreeSet<>();
    private final Map<PersonId, List<long[]>> daysOff = new HashMap<>();
    private final Map<PersonId, Double> capacity = new HashMap<>();
    private double hoursPerDay = 8;

    private Builder() {}

    /**
     * The working weekdays (default Monday to Friday).
     *
     * @param days at least one weekday
     * @return this builder
     * @throws IllegalArgumentException if {@code days} is empty
     */
    public Builder workingWeekdays(Set<DayOfWeek> days) {
      if (days.isEmpty()) {
        throw new IllegalArgumentException("a calendar needs at least one working weekday");
      }
      weekdays.clear();
      weekdays.addAll(days);
      return this;
    }

    /**
     * Adds a studio holiday (a non-working day for everyone).
     *
     * @param day the day
     * @return this builder
     */
    public Builder holiday(LocalDate day) {
      holidays.add(Objects.requireNonNull(day, "day"));
      return this;
    }

    /**
     * Adds a range of days off for a person (Kitsu's DayOff), both ends included.
     *
     * @param person the person
     * @param from the first day off
     * @param to the last day off, on or after {@code from}
     * @return this builder
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public Builder dayOff(PersonId person, LocalDate from, LocalDate to) {
      Objects.requireNonNull(person, "person");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("day off ends (" + to + ") before it starts (" + from + ")");
      }
      daysOff.computeIfAbsent(person, k -> new ArrayList<>()).add(new long[] {from.toEpochDay(), to.toEpochDay()});
      return this;
    }

    /**
     * The organisation's hours per working day (Kitsu's {@code hours_by_day}).
     *
     * @param hours in (0, 24]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder hoursPerDay(double hours) {
      if (!(hours > 0 && hours <= 24)) {
        throw new IllegalArgumentException("hoursPerDay must be in (0, 24], was " + hours);
      }
      this.hoursPerDay = hours;
      return this;
    }

    /**
     * A person's capacity as a fraction of a full day (default 1.0).
     *
     * @param person the person
     * @param fraction in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder capacity(PersonId person, double fraction) {
      Objects.requireNonNull(person, "person");
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("capacity must be in [0, 1], was " + fraction);
      }
      capacity.put(person, fraction);
      return this;
    }

    /**
     * Builds the calendar.
     *
     * @return an immutable calendar
     */
    public WorkCalendar build() {
      return new WorkCalendar(this);
    }
  }

  /**
   * A person's merged day-off ranges ({@code [from, to]} epoch days, sorted, disjoint and not adjacent)
   * and, before each range, the calendar's working days the earlier ranges cover.
   */
  private record Off(long[][] ranges, long[] sums) {}

  private static long[][] merge(List<long[]> ranges) {
    long[][] sorted = ranges.toArray(new long[0][]);
    Arrays.sort(sorted, (x, y) -> Long.compare(x[0], y[0]));
    List<long[]> out = new ArrayList<>();
    for (long[] r : sorted) {
      long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && r[0] <= last[1] + 1) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        out.add(new long[] {r[0], r[1]});
      }
    }
    return out.toArray(new long[0][]);
  }

  /**
   * Hours per working day.
   *
   * @return the hours
   */
  public double hoursPerDay() {
    return hoursPerDay;
  }

  /**
   * An effort in days: {@code effort / hoursPerDay}.
   *
   * @param effort the effort
   * @return the days it represents
   */
  public double days(Duration effort) {
    return days(effort.toNanos());
  }

  /**
   * An effort given in nanoseconds, in days: {@code effort / hoursPerDay}, as {@link #days(Duration)}.
   *
   * @param effortNanos the effort in nanoseconds
   * @return the days it represents
   */
  public double days(long effortNanos) {
    return effortNanos / 3.6e12 / hoursPerDay;
  }

  /**
   * {@code working(d)}: a working weekday and not a holiday.
   *
   * @param day the day
   * @return whether everyone works that day
   */
  public boolean isWorking(LocalDate day) {
    return isWorkingDay(day.toEpochDay());
  }

  private boolean isWorkingDay(long day) {
    return workingWeekday[weekday(day)] && Arrays.binarySearch(holidays, day) < 0;
  }

  /** The ISO day of week (1 = Monday) of an epoch day (day 0, 1970-01-01, was a Thursday). */
  private static int weekday(long epochDay) {
    return (int) Math.floorMod(epochDay + 3, 7L) + 1;
  }

  /**
   * {@code working_p(d)}: a working day that none of the person's days off covers.
   *
   * @param person the person
   * @param day the day
   * @return whether the person works that day
   */
  public boolean isWorking(PersonId person, LocalDate day) {
    return isWorking(day) && !isOff(person, day.toEpochDay());
  }

  private boolean isOff(PersonId person, long day) {
    Off off = daysOff.get(person.value());
    if (off == null) {
      return false;
    }
    long[][] ranges = off.ranges();
    int lo = 0;
    int hi = ranges.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ranges[mid][1] < day) {
        lo = mid + 1;
      } else if (ranges[mid][0] > day) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code workingDays(a, b)}: the working days in {@code [a, b]}, both ends counted; 0 when
   * {@code b < a}.
   *
   * @param from the first day
   * @param to the last day
   * @return the count
   */
  public long workingDays(LocalDate from, LocalDate to) {
    return count(from.toEpochDay(), to.toEpochDay());
  }

  /**
   * {@code workingDays(a, b)} of days given as epoch days ({@link LocalDate#toEpochDay()}), as
   * {@link #workingDays(LocalDate, LocalDate)}: for callers that keep dates as numbers.
   *
   * @param fromEpochDay the first day
   * @param toEpochDay the last day
   * @return the count, 0 when {@code toEpochDay < fromEpochDay}
   */
  public long workingDays(long fromEpochDay, long toEpochDay) {
    return count(fromEpochDay, toEpochDay);
  }

  /**
   * {@code workingDays_p(a, b)}: the person's working days in {@code [a, b]}.
   *
   * @param person the person
   * @param from the first day
   * @param to the last day
   * @return the count
   */
  public long workingDays(PersonId person, LocalDate from, LocalDate to) {
    long a = from.toEpochDay();
    long b = to.toEpochDay();
    long total = count(a, b);
    if (total == 0) {
      return 0;
    }
    Off off = daysOff.get(person.value());
    if (off == null) {
      return total;
    }
    return total - (offBefore(off.ranges(), off.sums(), b + 1) - offBefore(off.ranges(), off.sums(), a));
  }

  /** The calendar's working days before epoch day {@code x} that the merged ranges cover. */
  private long offBefore(long[][] ranges, long[] sums, long x) {
    // k = the ranges starting before x; all but the last of them end before x too (they are disjoint).
    int lo = 0;
    int hi = ranges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ranges[mid][0] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == 0) {
      return 0;
    }
    long[] last = ranges[lo - 1];
    return sums[lo - 1] + count(last[0], Math.min(x - 1, last[1]));
  }

  /** The working days in {@code [a, b]} of epoch days, 0 when {@code b < a}. */
  private long count(long a, long b) {
    return b < a ? 0 : before(b + 1) - before(a);
  }

  /**
   * The working days before epoch day {@code x}, counted from the Monday 1969-12-29 (negative before
   * it): whole weeks, the part week from the table, minus the holidays before {@code x}.
   */
  private long before(long x) {
    long y = x + 3;
    long weekdays = Math.floorDiv(y, 7L) * workingPerWeek + weekPrefix[(int) Math.floorMod(y, 7L)];
    return weekdays - holidaysBefore(x);
  }

  private long holidaysBefore(long x) {
    if (holidays.length == 0 || x <= holidays[0]) {
      return 0;
    }
    if (x > holidays[holidays.length - 1]) {
      return holidays.length;
    }
    return holidayPrefix != null ? holidayPrefix[(int) (x - holidays[0])] : lowerBound(holidays, x);
  }

  private static int lowerBound(long[] sorted, long key) {
    int i = Arrays.binarySearch(sorted, key);
    return i >= 0 ? i : -i - 1;
  }

  /**
   * {@code nextWorkingDay(d)}: {@code d} if it is a working day, else the first working day after it.
   *
   * @param day the day
   * @return the working day
   */
  public LocalDate nextWorkingDay(LocalDate day) {
    return nextWorkingDay(null, day);
  }

  /**
   * The person's next working day on or after {@code day}.
   *
   * @param person the person, or null for the plain calendar
   * @param day the day
   * @return the working day
   * @throws IllegalStateException if the person has no working day in the next ten years
   */
  public LocalDate nextWorkingDay(PersonId person, LocalDate day) {
    if (person == null && holidays.length < WALK_ONLY_HOLIDAYS) {
      return LocalDate.ofEpochDay(forward(day.toEpochDay(), 1));
    }
    return step(person, day, 1);
  }

  /**
   * The {@code k}-th working day ({@code k >= 1}) on or after epoch day {@code a}: the smallest {@code x}
   * with {@code count(a, x) = k}, by binary search. Every 7 days hold a working weekday, so {@code k}
   * working days lie within {@code 7 (k + holidays) + 7} days.
   */
  private long forward(long a, long k) {
    long lo = a;
    long hi = a + 7 * (k + holidays.length) + 7;
    long base = before(a);
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (before(mid + 1) - base >= k) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The {@code k}-th working day ({@code k >= 1}) on or before epoch day {@code b}, the mirror of {@link #forward}. */
  private long backward(long b, long k) {
    long lo = b - 7 * (k + holidays.length) - 7;
    long hi = b;
    long top = before(b + 1);
    while (lo < hi) {
      long mid = lo + (hi - lo + 1) / 2;
      if (top - before(mid) >= k) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private LocalDate step(PersonId person, LocalDate day, int direction) {
    LocalDate d = day;
    for (int i = 0; i < 3660; i++) {
      if (person == null ? isWorking(d) : isWorking(person, d)) {
        return d;
      }
      d = d.plusDays(direction);
    }
    throw new IllegalStateException("no working day within ten years of " + day + (person == null ? "" : " for " + person));
  }

  /**
   * {@code addWorkingDays(d, n)}: from the first working day on or after {@code d}, {@code n} further
   * working days.
   *
   * @param person the person whose days off count, or null for the plain calendar
   * @param day the start
   * @param n how many working days to add, {@code >= 0}
   * @return the day reached
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public LocalDate addWorkingDays(PersonId person, LocalDate day, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    if (person == null && holidays.length < WALK_ONLY_HOLIDAYS) {
      return LocalDate.ofEpochDay(forward(day.toEpochDay(), n + 1));
    }
    LocalDate d = step(person, day, 1);
    for (long left = n; left > 0; left--) {
      d = step(person, d.plusDays(1), 1);
    }
    return d;
  }

  /**
   * {@code subtractWorkingDays(d, n)}: from the last working day on or before {@code d}, {@code n}
   * working days back.
   *
   * @param person the person whose days off count, or null for the plain calendar
   * @param day the start
   * @param n how many working days to go back, {@code >= 0}
   * @return the day reached
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public LocalDate subtractWorkingDays(PersonId person, LocalDate day, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    if (person == null && holidays.length < WALK_ONLY_HOLIDAYS) {
      return LocalDate.ofEpochDay(backward(day.toEpochDay(), n + 1));
    }
    LocalDate d = step(person, day, -1);
    for (long left = n; left > 0; left--) {
      d = step(person, d.minusDays(1), -1);
    }
    return d;
  }

  /**
   * {@code wdDelta(a, b)}: the signed working-day distance from {@code a} to {@code b}.
   *
   * @param a the first day
   * @param b the second day
   * @return {@code workingDays(a+1, b)} when {@code b > a}, its negation the other way, 0 when equal
   */
  public long wdDelta(LocalDate a, LocalDate b) {
    int c = b.compareTo(a);
    return c > 0 ? workingDays(a.plusDays(1), b) : c < 0 ? -workingDays(b.plusDays(1), a) : 0;
  }

  /**
   * The planned due date from a start and an estimation (§1.3, Kitsu's {@code getDatesFromStartDate}):
   * {@code addWorkingDays_p(start, max(1, ceil(days)) - 1)}.
   *
   * @param person the person, or null
   * @param start the start
   * @param estimation the estimation
   * @return the due date
   */
  public LocalDate plannedDue(PersonId person, LocalDate start, Duration estimation) {
    return addWorkingDays(person, start, span(estimation) - 1);
  }

  /**
   * The planned start from a due date and an estimation (§1.3): {@code subtractWorkingDays_p(due,
   * max(1, ceil(days)) - 1)}.
   *
   * @param person the person, or null
   * @param due the due date
   * @param estimation the estimation
   * @return the start
   */
  public LocalDate plannedStart(PersonId person, LocalDate due, Duration estimation) {
    return subtractWorkingDays(person, due, span(estimation) - 1);
  }

  private long span(Duration estimation) {
    return Math.max(1, (long) Math.ceil(days(estimation) - 1e-9));
  }

  /**
   * {@code capacity(p, d)}: hours per day times the person's capacity fraction on the person's working
   * days, zero otherwise.
   *
   * @param person the person
   * @param day the day
   * @return the capacity
   */
  public Duration capacity(PersonId person, LocalDate day) {
    if (!isWorking(person, day)) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(capacityNanos(person));
  }

  /**
   * The sum of {@code capacity(p, d)} over {@code [from, to]}: the person's working days there times
   * their daily capacity, computed without walking the days.
   *
   * @param person the person
   * @param from the first day
   * @param to the last day (an empty range when before {@code from})
   * @return the capacity, zero for an empty range
   */
  public Duration capacity(PersonId person, LocalDate from, LocalDate to) {
    return Duration.ofNanos(Math.multiplyExact(workingDays(person, from, to), capacityNanos(person)));
  }

  private long capacityNanos(PersonId person) {
    double fraction = capacity.getOrDefault(person, 1.0);
    return Math.round(hoursPerDay * fraction * 3.6e12);
  }
}
