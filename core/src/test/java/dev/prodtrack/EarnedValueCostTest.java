package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.schedule.EarnedValue;
import dev.prodtrack.schedule.EarnedValueCost;
import dev.prodtrack.schedule.EarningRule;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.WorkCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Earned value in money from daily salaries, and as a daily series (schedule-analytics.md §6). */
class EarnedValueCostTest {
  private final Fixture f = new Fixture();
  private final LocalDate mon = LocalDate.of(2025, 3, 3);
  private ScheduleApi schedule;
  private WorkCalendar cal;

  @BeforeEach
  void production() {
    PersonApi people = f.engine.as(f.admin.id()).person();
    people.updatePerson(people.getPerson(f.artist.id()).withDailySalary(300));
    people.updatePerson(people.getPerson(f.artist2.id()).withDailySalary(200));
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withEstimation(Duration.ofHours(16)).withStartDate(mon).withDueDate(mon.plusDays(1)));
    api.updateTask(f.compTask.withEstimation(Duration.ofHours(8)).withAssignees(List.of(f.artist.id(),
        f.artist2.id())));
    api.updateTask(f.task(f.modelTask).withEstimation(Duration.ofHours(8)));
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), mon, Duration.ofHours(4));
    f.tasks(f.manager).addComment(f.animTask.id(), f.done.id(), "");
    schedule = f.engine.as(f.manager.id()).schedule();
    cal = schedule.calendar(List.of());
  }

  @Test
  void cost_pricesEstimationsAndTimeSpentsBySalary() {
    EarnedValueCost cost = schedule.earnedValueCost(Scope.of(f.project), mon, EarningRule.ZERO_HUNDRED,
        ZoneOffset.UTC, cal);
    assertThat(cost.complete()).isTrue();
    EarnedValue v = cost.value();
    // anim 2 d × 300 + comp 1 d × (300 + 200) / 2 + model 1 d × 200.
    assertThat(v.bac()).isEqualTo(1050);
    assertThat(v.ev()).isEqualTo(600);
    assertThat(v.ac()).as("half a day of the artist").isEqualTo(150);
    assertThat(v.pv()).as("anim's first of two days").isEqualTo(300);
    assertThat(v.cpi().getAsDouble()).isEqualTo(4);
    assertThat(v.spi().getAsDouble()).isEqualTo(2);

    EarnedValueCost artist2 = schedule.earnedValueCost(Scope.of(f.project).withPerson(f.artist2.id()), mon,
        EarningRule.ZERO_HUNDRED, ZoneOffset.UTC, cal);
    assertThat(artist2.value().bac()).as("their half of comp and model").isEqualTo(300);
    assertThat(artist2.value().ac()).isZero();
  }

  @Test
  void cost_listsWhatHasNoSalary() {
    PersonApi people = f.engine.as(f.admin.id()).person();
    people.updatePerson(people.getPerson(f.artist.id()).withDailySalary(null));
    EarnedValueCost cost = schedule.earnedValueCost(Scope.of(f.project), mon, EarningRule.ZERO_HUNDRED,
        ZoneOffset.UTC, cal);
    assertThat(cost.complete()).isFalse();
    assertThat(cost.unpricedTasks()).containsExactlyInAnyOrder(f.animTask.id(), f.compTask.id());
    assertThat(cost.unpricedPeople()).containsExactly(f.artist.id());
    assertThat(cost.value().bac()).isEqualTo(300);
    assertThat(cost.value().ac()).isZero();
  }

  @Test
  void series_oneMeasurePerWorkingDay() {
    List<EarnedValue> days = schedule.earnedValueSeries(Scope.of(f.project), mon.minusDays(3), mon.plusDays(1),
        EarningRule.ZERO_HUNDRED, ZoneOffset.UTC, cal);
    assertThat(days).extracting(EarnedValue::day).containsExactly(mon.minusDays(3), mon, mon.plusDays(1));
    assertThat(days).extracting(EarnedValue::ev).containsExactly(0.0, 2.0, 2.0);
    assertThat(days).extracting(EarnedValue::pv).containsExactly(0.0, 1.0, 2.0);
    assertThat(days.get(1)).isEqualTo(schedule.earnedValue(f.project, mon, EarningRule.ZERO_HUNDRED,
        ZoneOffset.UTC, cal));
    List<EarnedValueCost> money = schedule.earnedValueCostSeries(Scope.of(f.project), mon, mon.plusDays(6),
        EarningRule.ZERO_HUNDRED, ZoneOffset.UTC, cal);
    assertThat(money).hasSize(5);
    assertThat(money.get(4).value().pv()).isEqualTo(600);
  }
}
