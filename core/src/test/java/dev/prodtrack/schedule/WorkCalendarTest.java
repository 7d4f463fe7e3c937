package dev.prodtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.PersonId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The working-day calendar against day-by-day brute force (schedule-analytics §1). */
class WorkCalendarTest {
  private static final long SEED = Long.getLong("prodtrack.seed", 1_964L);
  private static final LocalDate BASE = LocalDate.of(2025, 1, 1);
  private static final PersonId ANA = new PersonId(new UUID(1, 1));
  private static final PersonId BOB = new PersonId(new UUID(1, 2));

  /** A calendar from generated numbers: weekday mask, holidays and day-off ranges near BASE. */
  private static WorkCalendar calendar(int mask, List<Integer> holidays, List<Integer> offs) {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if ((mask >> (d.getValue() - 1) & 1) == 1) {
        days.add(d);
      }
    }
    if (days.isEmpty()) {
      days.add(DayOfWeek.MONDAY);
    }
    WorkCalendar.Builder b = WorkCalendar.builder().workingWeekdays(days);
    holidays.forEach(h -> b.holiday(BASE.plusDays(h)));
    for (int o : offs) {
      LocalDate from = BASE.plusDays(o % 120);
      b.dayOff(ANA, from, from.plusDays(o / 120 % 10));
    }
    return b.build();
  }

  private static long brute(WorkCalendar c, PersonId p, LocalDate a, LocalDate b) {
    long n = 0;
    for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
      if (p == null ? c.isWorking(d) : c.isWorking(p, d)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void workingDays_equalTheDayByDayCount() {
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(integers().between(0, 127), lists().of(integers().between(0, 150)).ofSizeBetween(0, 8),
            lists().of(integers().between(0, 1199)).ofSizeBetween(0, 5), integers().between(0, 160 * 160 - 1))
        .checkAssert((mask, holidays, offs, range) -> {
          WorkCalendar c = calendar(mask, holidays, offs);
          LocalDate a = BASE.plusDays(range % 160 - 5);
          LocalDate b = BASE.plusDays(range / 160 - 5);
          assertThat(c.workingDays(a, b)).as("seed %d", SEED).isEqualTo(brute(c, null, a, b));
          assertThat(c.workingDays(ANA, a, b)).as("seed %d", SEED).isEqualTo(brute(c, ANA, a, b));
          assertThat(c.workingDays(BOB, a, b)).isEqualTo(c.workingDays(a, b));
          long delta = c.wdDelta(a, b);
          assertThat(delta).isEqualTo(b.isAfter(a) ? brute(c, null, a.plusDays(1), b)
              : b.isBefore(a) ? -brute(c, null, b.plusDays(1), a) : 0);
        });
  }

  @Test
  void addAndSubtractWorkingDays_countExactlyNWorkingDays() {
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(integers().between(1, 127), lists().of(integers().between(0, 150)).ofSizeBetween(0, 8),
            lists().of(integers().between(0, 1199)).ofSizeBetween(0, 5), integers().between(0, 120 * 30 - 1))
        .checkAssert((mask, holidays, offs, pick) -> {
          WorkCalendar c = calendar(mask, holidays, offs);
          LocalDate start = BASE.plusDays(pick % 120);
          int n = pick / 120;
          for (PersonId p : new PersonId[] {null, ANA}) {
            LocalDate end = c.addWorkingDays(p, start, n);
            LocalDate first = c.nextWorkingDay(p, start);
            assertThat(p == null ? c.isWorking(end) : c.isWorking(p, end)).isTrue();
            assertThat(brute(c, p, first, end)).as("seed %d", SEED).isEqualTo(n + 1L);
            LocalDate back = c.subtractWorkingDays(p, end, n);
            assertThat(back).as("subtract mirrors add; seed %d", SEED).isEqualTo(first);
          }
        });
  }

  @Test
  void defaults_mondayToFridayAndEightHours() {
    WorkCalendar c = WorkCalendar.builder().holiday(LocalDate.of(2025, 12, 25)).build();
    assertThat(c.workingDays(LocalDate.of(2025, 12, 22), LocalDate.of(2025, 12, 28))).isEqualTo(4);
    assertThat(c.nextWorkingDay(LocalDate.of(2025, 12, 27))).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(c.workingDays(LocalDate.of(2025, 12, 28), LocalDate.of(2025, 12, 22))).isZero();
    assertThat(c.days(Duration.ofHours(12))).isEqualTo(1.5);
    assertThat(c.days(Duration.ofHours(12).toNanos())).isEqualTo(1.5);
    assertThat(c.workingDays(LocalDate.of(2025, 12, 28).toEpochDay(), LocalDate.of(2025, 12, 22).toEpochDay()))
        .isZero();
    assertThat(c.capacity(ANA, LocalDate.of(2025, 12, 24))).isEqualTo(Duration.ofHours(8));
    assertThat(c.capacity(ANA, LocalDate.of(2025, 12, 25))).isZero();
  }

  @Test
  void plannedDates_fromAnEstimation_asKitsusFrontEnd() {
    WorkCalendar c = WorkCalendar.builder().dayOff(ANA, LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 5))
        .capacity(ANA, 0.5).build();
    LocalDate monday = LocalDate.of(2025, 3, 3);
    assertThat(c.plannedDue(null, monday, Duration.ofHours(20))).as("2.5 days: three days, Mon..Wed")
        .isEqualTo(LocalDate.of(2025, 3, 5));
    assertThat(c.plannedDue(ANA, monday, Duration.ofHours(20))).as("Ana is off on Wednesday")
        .isEqualTo(LocalDate.of(2025, 3, 6));
    assertThat(c.plannedDue(null, monday, Duration.ZERO)).as("a zero estimation spans one day").isEqualTo(monday);
    assertThat(c.plannedStart(null, LocalDate.of(2025, 3, 10), Duration.ofHours(16)))
        .isEqualTo(LocalDate.of(2025, 3, 7));
    assertThat(c.capacity(ANA, monday)).isEqualTo(Duration.ofHours(4));
    assertThat(c.capacity(ANA, LocalDate.of(2025, 3, 5))).isZero();
  }

  @Test
  void builder_refusesBadValues() {
    assertThatThrownBy(() -> WorkCalendar.builder().workingWeekdays(EnumSet.noneOf(DayOfWeek.class)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkCalendar.builder().hoursPerDay(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkCalendar.builder().capacity(ANA, 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkCalendar.builder().dayOff(ANA, BASE, BASE.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkCalendar.builder().build().addWorkingDays(null, BASE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
