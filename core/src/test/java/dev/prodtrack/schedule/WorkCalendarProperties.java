package dev.prodtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.PersonId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The O(1) working-day counts and the binary-searched additions of {@link WorkCalendar} against a
 * deliberately naive calendar written here from schedule-analytics.md §1.2 (a weekday set, a set of
 * holiday dates, a list of day-off ranges, and day-by-day loops), on random calendars: any weekday set,
 * up to 40 holidays (some on non-working weekdays, some repeated), overlapping and adjacent day-off
 * ranges, ranges on both sides of the epoch, and calendars whose holidays are centuries apart (where the
 * count falls back from its prefix table to a binary search). Seeded; the seed is in every failure
 * message, rerun with {@code -Dprodtrack.seed=<seed>}.
 */
class WorkCalendarProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final PersonId ANA = new PersonId(new UUID(7, 1));
  private static final PersonId BOB = new PersonId(new UUID(7, 2));

  /** The naive calendar: sets and loops only. */
  private record Naive(Set<DayOfWeek> weekdays, Set<LocalDate> holidays, List<LocalDate[]> anaOff) {
    boolean working(PersonId p, LocalDate d) {
      if (!weekdays.contains(d.getDayOfWeek()) || holidays.contains(d)) {
        return false;
      }
      if (ANA.equals(p)) {
        for (LocalDate[] r : anaOff) {
          if (!d.isBefore(r[0]) && !d.isAfter(r[1])) {
            return false;
          }
        }
      }
      return true;
    }

    long count(PersonId p, LocalDate a, LocalDate b) {
      long n = 0;
      for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
        n += working(p, d) ? 1 : 0;
      }
      return n;
    }

    LocalDate add(LocalDate d, long n) {
      LocalDate x = d;
      while (!working(null, x)) {
        x = x.plusDays(1);
      }
      for (long left = n; left > 0; left--) {
        x = x.plusDays(1);
        while (!working(null, x)) {
          x = x.plusDays(1);
        }
      }
      return x;
    }

    LocalDate subtract(LocalDate d, long n) {
      LocalDate x = d;
      while (!working(null, x)) {
        x = x.minusDays(1);
      }
      for (long left = n; left > 0; left--) {
        x = x.minusDays(1);
        while (!working(null, x)) {
          x = x.minusDays(1);
        }
      }
      return x;
    }

    WorkCalendar engine() {
      WorkCalendar.Builder b = WorkCalendar.builder().workingWeekdays(weekdays);
      holidays.forEach(b::holiday);
      anaOff.forEach(r -> b.dayOff(ANA, r[0], r[1]));
      return b.build();
    }
  }

  /** Decodes generated ints: a weekday mask, a base day, holidays and Ana's ranges around it. */
  private static Naive naive(int mask, int baseOffset, List<Integer> holidays, List<Integer> offs, boolean farApart) {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if ((mask >> (d.getValue() - 1) & 1) == 1) {
        days.add(d);
      }
    }
    if (days.isEmpty()) {
      days.add(DayOfWeek.values()[mask % 7]);
    }
    LocalDate base = LocalDate.EPOCH.plusDays(baseOffset);
    Set<LocalDate> hs = new HashSet<>();
    for (int h : holidays) {
      hs.add(base.plusDays(h % 200 - 20));
    }
    if (farApart && !holidays.isEmpty()) {
      // Two holidays ~3 and ~8 centuries away: the prefix table would be too wide.
      hs.add(base.plusYears(300 + holidays.get(0) % 7));
      hs.add(base.minusYears(800));
    }
    List<LocalDate[]> off = new ArrayList<>();
    for (int o : offs) {
      LocalDate from = base.plusDays(o % 200 - 20);
      off.add(new LocalDate[] {from, from.plusDays(o / 200 % 25)});
    }
    return new Naive(days, hs, off);
  }

  @Test
  void counts_equalTheDayByDayCount() {
    qt().withFixedSeed(SEED).withExamples(400)
        .forAll(integers().between(0, 128 * 80_001 - 1), lists().of(integers().between(0, 9_999)).ofSizeBetween(0, 40),
            lists().of(integers().between(0, 4_999)).ofSizeBetween(0, 8), integers().between(0, 240 * 240 - 1))
        .checkAssert((maskAndBase, holidays, offs, range) -> {
          int mask = maskAndBase % 128;
          int baseOffset = maskAndBase / 128 - 40_000;
          Naive n = naive(mask, baseOffset, holidays, offs, range % 3 == 0);
          WorkCalendar c = n.engine();
          LocalDate base = LocalDate.EPOCH.plusDays(baseOffset);
          LocalDate a = base.plusDays(range % 240 - 30);
          LocalDate b = base.plusDays(range / 240 - 30);
          String what = "seed " + SEED + ", " + n + ", [" + a + ", " + b + "]";
          assertThat(c.workingDays(a, b)).as(what).isEqualTo(n.count(null, a, b));
          assertThat(c.workingDays(a.toEpochDay(), b.toEpochDay())).as(what).isEqualTo(n.count(null, a, b));
          assertThat(c.workingDays(ANA, a, b)).as(what).isEqualTo(n.count(ANA, a, b));
          assertThat(c.workingDays(BOB, a, b)).as(what).isEqualTo(n.count(BOB, a, b));
          for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
            assertThat(c.isWorking(d)).as(what + " " + d).isEqualTo(n.working(null, d));
            assertThat(c.isWorking(ANA, d)).as(what + " " + d).isEqualTo(n.working(ANA, d));
          }
        });
  }

  @Test
  void addAndSubtract_equalTheDayByDayWalk() {
    qt().withFixedSeed(SEED).withExamples(400)
        .forAll(integers().between(0, 128 * 80_001 - 1), lists().of(integers().between(0, 9_999)).ofSizeBetween(0, 40),
            integers().between(0, 399), integers().between(0, 299))
        .checkAssert((maskAndBase, holidays, start, steps) -> {
          int mask = maskAndBase % 128;
          int baseOffset = maskAndBase / 128 - 40_000;
          Naive n = naive(mask, baseOffset, holidays, List.of(), start % 4 == 0);
          WorkCalendar c = n.engine();
          LocalDate day = LocalDate.EPOCH.plusDays(baseOffset).plusDays(start - 100);
          String what = "seed " + SEED + ", " + n + ", " + day + " ± " + steps;
          assertThat(c.nextWorkingDay(day)).as(what).isEqualTo(n.add(day, 0));
          assertThat(c.addWorkingDays(null, day, steps)).as(what).isEqualTo(n.add(day, steps));
          assertThat(c.subtractWorkingDays(null, day, steps)).as(what).isEqualTo(n.subtract(day, steps));
          LocalDate first = n.add(day, 0);
          assertThat(c.wdDelta(first, n.add(day, steps))).as(what).isEqualTo((long) steps);
        });
  }
}
