package dev.prodtrack;

import java.util.Arrays;
import org.eclipse.collections.api.map.primitive.IntLongMap;

/**
 * One person's time spent as running totals over consecutive days: slot {@code i} holds the sum of every
 * day from {@link #base} to {@code base + i}, so the time spent over any range of days is one subtraction.
 *
 * <p>Design note. The per-day sums ({@code State.spentByPersonDay}) answer a month with a lookup per day
 * and person; these answer it with two array reads per person. A change of one day's sum adds to every
 * slot from that day on (a few hundred longs for a production spanning a year or two, on a mutation that
 * already costs microseconds). The days covered grow on demand, with slack on the side that grew; a
 * person whose days would span more than {@link #MAX_SPAN} days is left to the per-day sums (the state
 * then keeps no running sums for him; see {@link #add}). The state builds them on the first query that needs
 * them ({@link #of}), not while a store is loaded, and keeps them up to date from then on.
 */
final class RunningSums {
  /** The most days one person's running sums cover (about 180 years): a guard against absurd dates. */
  static final int MAX_SPAN = 1 << 16;
  private static final int SLACK = 32;

  private int base;
  private long[] sums;

  /**
   * Running sums covering a day.
   *
   * @param day the first day to cover (epoch day)
   */
  RunningSums(int day) {
    this.base = day - SLACK;
    this.sums = new long[2 * SLACK];
  }

  /**
   * Running sums of per-day sums, built in one pass over the days and one over the span.
   *
   * @param days the per-day sums (epoch day to nanoseconds), not empty
   * @return the running sums, or null if the days span more than {@link #MAX_SPAN}
   */
  static RunningSums of(IntLongMap days) {
    int first = days.keysView().min();
    int last = days.keysView().max();
    if ((long) last - first + 1 + 2L * SLACK > MAX_SPAN) {
      return null;
    }
    RunningSums r = new RunningSums(first);
    r.sums = new long[last - first + 1 + 2 * SLACK];
    days.forEachKeyValue((d, nanos) -> r.sums[d - r.base] += nanos);
    long[] s = r.sums;
    for (int i = 1; i < s.length; i++) {
      s[i] += s[i - 1];
    }
    return r;
  }

  /**
   * Adds a signed amount to a day.
   *
   * @param day the epoch day
   * @param nanos the amount, in nanoseconds, negative to take away
   * @return false if the day would take the span over {@link #MAX_SPAN} (nothing was changed)
   */
  boolean add(int day, long nanos) {
    if (day < base || day - base >= sums.length) {
      if (!cover(day)) {
        return false;
      }
    }
    long[] s = sums;
    for (int i = day - base; i < s.length; i++) {
      s[i] += nanos;
    }
    return true;
  }

  private boolean cover(int day) {
    long from = Math.min(base, (long) day - (day < base ? Math.max(SLACK, sums.length / 4) : 0));
    long to = Math.max((long) base + sums.length, (long) day + 1 + (day >= base ? Math.max(SLACK, sums.length / 4) : 0));
    if (to - from > MAX_SPAN) {
      return false;
    }
    long[] grown = new long[(int) (to - from)];
    int shift = (int) (base - from);
    System.arraycopy(sums, 0, grown, shift, sums.length);
    Arrays.fill(grown, shift + sums.length, grown.length, sums[sums.length - 1]);
    base = (int) from;
    sums = grown;
    return true;
  }

  /**
   * The sum over a range of days.
   *
   * @param first the first day (epoch day)
   * @param last the last day, inclusive
   * @return the total in nanoseconds
   */
  long between(long first, long last) {
    long lo = first - base;
    long hi = last - base;
    long[] s = sums;
    if (hi < 0 || lo >= s.length || hi < lo) {
      return 0;
    }
    long upTo = s[(int) Math.min(hi, s.length - 1)];
    return lo <= 0 ? upTo : upTo - s[(int) lo - 1];
  }

  /**
   * Compares these sums with per-day sums, day by day over the days covered, and checks that no day
   * with a sum lies outside them.
   *
   * @param days the per-day sums (epoch day to nanoseconds)
   * @return a description of the first difference, or null when they agree
   */
  String firstDifference(IntLongMap days) {
    long previous = 0;
    for (int i = 0; i < sums.length; i++) {
      long day = sums[i] - previous;
      if (day != days.get(base + i)) {
        return "day " + (base + i) + ": running sums say " + day + ", the day sums " + days.get(base + i);
      }
      previous = sums[i];
    }
    int[] outside = {Integer.MIN_VALUE};
    days.forEachKey(d -> {
      if (d < base || d - base >= sums.length) {
        outside[0] = d;
      }
    });
    return outside[0] == Integer.MIN_VALUE ? null : "day " + outside[0] + " lies outside the running sums";
  }
}
