package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prodtrack.schedule.EarnedValue;
import dev.prodtrack.schedule.EarningRule;
import dev.prodtrack.schedule.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Earned value on a small production, checked against hand-computed values (schedule-analytics.md §6). */
class EarnedValueTest {
  private final Fixture f = new Fixture();
  private final LocalDate mon = LocalDate.of(2025, 3, 3);

  private EarnedValue ev(LocalDate day, EarningRule rule) {
    ScheduleApi api = f.engine.as(f.manager.id()).schedule();
    WorkCalendar cal = api.calendar(List.of());
    return api.earnedValue(f.project, day, rule, ZoneOffset.UTC, cal);
  }

  private void production() {
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withEstimation(Duration.ofHours(16)).withStartDate(mon).withDueDate(mon.plusDays(4)));
    api.updateTask(f.compTask.withEstimation(Duration.ofHours(8)).withStartDate(mon.plusDays(7))
        .withDueDate(mon.plusDays(8)));
    f.clock.set(Instant.parse("2025-03-03T10:00:00Z"));
    f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "");
    f.clock.set(Instant.parse("2025-03-04T17:00:00Z"));
    f.tasks(f.artist).addComment(f.animTask.id(), f.wfa.id(), "");
    f.clock.set(Instant.parse("2025-03-05T10:00:00Z"));
    api.addComment(f.animTask.id(), f.done.id(), "");
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), mon, Duration.ofHours(6));
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), mon.plusDays(1), Duration.ofHours(10));
  }

  @Test
  void earnedValue_zeroHundred_onWednesday() {
    production();
    EarnedValue v = ev(mon.plusDays(2), EarningRule.ZERO_HUNDRED);
    assertThat(v.bac()).isEqualTo(3.0);
    assertThat(v.pv()).isCloseTo(1.2, within(1e-9));
    assertThat(v.ev()).isEqualTo(2.0);
    assertThat(v.ac()).isEqualTo(2.0);
    assertThat(v.sv()).isCloseTo(0.8, within(1e-9));
    assertThat(v.cv()).isZero();
    assertThat(v.spi().getAsDouble()).isCloseTo(2 / 1.2, within(1e-9));
    assertThat(v.cpi()).hasValue(1.0);
    assertThat(v.eacByCpi()).hasValue(3.0);
    assertThat(v.eacAtBudgetRate()).isEqualTo(3.0);
    assertThat(v.eacByCpiSpi().getAsDouble()).isCloseTo(2 + 1 / (2 / 1.2), within(1e-9));
    assertThat(v.tcpi()).hasValue(1.0);
    assertThat(v.unestimated()).isEqualTo(1);
    assertThat(v.unscheduled()).isEqualTo(1);
  }

  @Test
  void earningRules_onTuesday() {
    production();
    LocalDate tue = mon.plusDays(1);
    assertThat(ev(tue, EarningRule.ZERO_HUNDRED).ev()).isZero();
    assertThat(ev(tue, EarningRule.FEEDBACK_COUNTS).ev()).isEqualTo(2.0);
    assertThat(ev(tue, EarningRule.FIFTY_FIFTY).ev()).isEqualTo(1.0);
    assertThat(ev(tue, EarningRule.ZERO_HUNDRED).ac()).as("time spent up to Tuesday").isEqualTo(2.0);
    assertThat(ev(mon, EarningRule.ZERO_HUNDRED).ac()).isEqualTo(0.75);
  }

  @Test
  void emptyDenominators_areUndefined() {
    EarnedValue v = ev(mon, EarningRule.ZERO_HUNDRED);
    assertThat(v.bac()).isZero();
    assertThat(v.spi()).isEmpty();
    assertThat(v.cpi()).isEmpty();
    assertThat(v.eacByCpi()).isEmpty();
    assertThat(v.tcpi()).isEmpty();
  }

  @Test
  void forecast_velocityPredictedEndAndSlip() {
    production();
    f.setProject(p -> p.withEndDate(mon.plusDays(4)));
    ScheduleApi api = f.engine.as(f.manager.id()).schedule();
    WorkCalendar cal = api.calendar(List.of());
    var fc = api.forecast(f.project, mon.plusDays(2), 2, ZoneOffset.UTC, cal);
    // EV went from 0 (Monday) to 2 (Wednesday) over a 2-working-day window: 1 person-day per day.
    assertThat(fc.velocity()).isEqualTo(1.0);
    assertThat(fc.remaining()).isEqualTo(1.0);
    assertThat(fc.predictedEnd()).contains(mon.plusDays(3));
    assertThat(fc.slipWorkingDays()).hasValue(-1);
    var none = api.forecast(f.project, mon.plusDays(1), 1, ZoneOffset.UTC, cal);
    assertThat(none.predictedEnd()).as("zero velocity: no forecast").isEmpty();
    assertThat(none.velocityIfAny()).isEmpty();
  }

  @Test
  void burndown_followsDoneDatesAndTheIdealLine() {
    production();
    f.setProject(p -> p.withStartDate(mon).withEndDate(mon.plusDays(8)));
    ScheduleApi api = f.engine.as(f.manager.id()).schedule();
    var series = api.burndown(f.project, mon, mon.plusDays(8), ZoneOffset.UTC, api.calendar(List.of()));
    assertThat(series).hasSize(7).as("working days only");
    assertThat(series.get(0).remaining()).isEqualTo(3.0);
    assertThat(series.get(1).remaining()).isEqualTo(3.0);
    assertThat(series.get(2).remaining()).as("anim done on Wednesday").isEqualTo(1.0);
    assertThat(series.get(2).earned()).isEqualTo(2.0);
    assertThat(series.get(2).doneTasks()).isEqualTo(1);
    assertThat(series.get(0).ideal()).hasValue(3.0);
    assertThat(series.get(6).ideal()).hasValue(0.0);
    assertThat(series.get(3).ideal().getAsDouble()).isCloseTo(1.5, within(1e-9));
    // Every point agrees with the earned-value measure of its day.
    for (var point : series) {
      assertThat(point.earned()).isEqualTo(ev(point.date(), EarningRule.ZERO_HUNDRED).ev());
    }
  }

  @Test
  void scopes_narrowTheMeasures() {
    production();
    f.tasks(f.manager).updateTask(f.task(f.compTask).withAssignees(List.of(f.artist.id(), f.artist2.id())));
    ScheduleApi api = f.engine.as(f.manager.id()).schedule();
    WorkCalendar cal = api.calendar(List.of());
    LocalDate wed = mon.plusDays(2);
    var project = dev.prodtrack.schedule.Scope.of(f.project);
    assertThat(api.earnedValue(project.withTaskType(f.animation.id()), wed, EarningRule.ZERO_HUNDRED,
        ZoneOffset.UTC, cal).bac()).isEqualTo(2.0);
    assertThat(api.earnedValue(project.withSequence(f.sequence), wed, EarningRule.ZERO_HUNDRED, ZoneOffset.UTC, cal)
        .bac()).isEqualTo(3.0);
    EarnedValue artist = api.earnedValue(project.withPerson(f.artist.id()), wed, EarningRule.ZERO_HUNDRED,
        ZoneOffset.UTC, cal);
    assertThat(artist.bac()).as("animation + half of compositing").isEqualTo(2.5);
    assertThat(artist.ac()).isEqualTo(2.0);
    EarnedValue artist2 = api.earnedValue(project.withPerson(f.artist2.id()), wed, EarningRule.ZERO_HUNDRED,
        ZoneOffset.UTC, cal);
    assertThat(artist2.bac()).as("half of compositing and the model task").isEqualTo(0.5);
    assertThat(artist2.ac()).isZero();
    assertThat(api.lateness(project.withTaskType(f.compositing.id()), wed, ZoneOffset.UTC, cal))
        .extracting(dev.prodtrack.schedule.TaskLateness::task).containsExactly(f.compTask.id());
  }
}
