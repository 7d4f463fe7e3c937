package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.schedule.Workload;
import dev.prodtrack.schedule.WorkCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workload: remaining work spread over working days, split among assignees (schedule-analytics.md §1.4). */
class WorkloadTest {
  private final Fixture f = new Fixture();
  private final LocalDate mon = LocalDate.of(2025, 3, 3);

  @Test
  void workload_spreadsRemainingWorkAndFindsOverbookedDays() {
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withEstimation(Duration.ofHours(24)).withStartDate(mon).withDueDate(mon.plusDays(4)));
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), mon, Duration.ofHours(4));
    api.updateTask(f.compTask.withEstimation(Duration.ofHours(16)).withStartDate(mon.plusDays(2))
        .withDueDate(mon.plusDays(3)).withAssignees(List.of(f.artist.id(), f.artist2.id())));
    api.updateTask(f.task(f.modelTask).withStartDate(mon.plusDays(5)).withDueDate(mon.plusDays(6))
        .withEstimation(Duration.ofHours(8)).withAssignees(List.of(f.artist.id())));
    f.engine.as(f.artist.id()).person().newDayOff(f.artist.id(), mon.plusDays(3), mon.plusDays(3), "dentist");
    ScheduleApi schedule = f.engine.as(f.manager.id()).schedule();
    WorkCalendar cal = schedule.calendar(List.of());
    Workload w = schedule.workload(f.artist.id(), mon, mon.plusDays(6), cal);

    assertThat(w.days()).hasSize(7);
    // anim: 20 h left over Mon, Tue, Wed, Fri (Thursday off) = 5 h a day.
    assertThat(w.days().get(0).demand()).isEqualTo(Duration.ofHours(5));
    // comp: 16 h over its one working day for the artist (Wed), split between two assignees = 8 h.
    assertThat(w.days().get(2).demand()).isEqualTo(Duration.ofHours(13));
    assertThat(w.days().get(3).demand()).isZero();
    assertThat(w.days().get(3).capacity()).isZero();
    assertThat(w.overbooked()).extracting(Workload.Day::date).containsExactly(mon.plusDays(2));
    assertThat(w.overbooked().get(0).overload()).isEqualTo(Duration.ofHours(5));
    assertThat(w.unplaceable()).containsExactly(f.modelTask.id());
    assertThat(w.totalDemand()).isEqualTo(Duration.ofHours(28));
  }

  @Test
  void workload_leavesDoneAndUndatedTasksOut() {
    f.tasks(f.manager).updateTask(f.animTask.withEstimation(Duration.ofHours(8)));
    ScheduleApi schedule = f.engine.as(f.manager.id()).schedule();
    Workload w = schedule.workload(f.artist.id(), mon, mon.plusDays(4), schedule.calendar(List.of()));
    assertThat(w.totalDemand()).isZero();
    assertThatThrownBy(() -> schedule.workload(f.artist.id(), mon, mon.minusDays(1), schedule.calendar(List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workload_ofATaskSpanningCenturies_asksTheCalendarPerTaskAndAgreesWithItsTable() {
    // A window wider than the calculator's tables (2^16 days): the calendar is asked per task and per day.
    LocalDate start = LocalDate.of(2000, 1, 3);
    LocalDate due = LocalDate.of(2199, 12, 31);
    f.tasks(f.manager).updateTask(f.animTask.withEstimation(Duration.ofDays(400_000 / 24)).withStartDate(start)
        .withDueDate(due));
    f.tasks(f.manager).updateTask(f.compTask.withEstimation(Duration.ofHours(16)).withStartDate(mon)
        .withDueDate(mon.plusDays(1)).withAssignees(List.of(f.artist.id())));
    f.engine.as(f.artist.id()).person().newDayOff(f.artist.id(), mon.plusDays(1), mon.plusDays(1), "dentist");
    ScheduleApi schedule = f.engine.as(f.manager.id()).schedule();
    WorkCalendar cal = schedule.calendar(List.of());
    long span = cal.workingDays(f.artist.id(), start, due);
    assertThat(span).as("200 years of weekdays but one").isBetween(52_000L, 52_200L);
    long share = Duration.ofDays(400_000 / 24).toNanos() / span;

    Workload wide = schedule.workload(f.artist.id(), mon, mon.plusDays(6), cal);
    assertThat(wide.days().get(0).demand()).as("anim's share + comp's 16 h on its one working day")
        .isEqualTo(Duration.ofNanos(share).plusHours(16));
    assertThat(wide.days().get(1).demand()).as("the day off").isZero();
    assertThat(wide.days().get(2).demand()).isEqualTo(Duration.ofNanos(share));
    assertThat(wide.days().get(5).demand()).as("Saturday").isZero();

    // Without the centuries-long task the same person's workload comes from the table: same comp share.
    f.tasks(f.manager).updateTask(f.task(f.animTask).withStartDate(null));
    Workload narrow = schedule.workload(f.artist.id(), mon, mon.plusDays(6), cal);
    assertThat(narrow.days().get(0).demand()).isEqualTo(Duration.ofHours(16));
    assertThat(narrow.days().get(2).demand()).isZero();
  }

  @Test
  void workload_ofATaskWhoseRemainingWorkExceedsALongOfNanoseconds_failsAsDurationDoes_unlessUnplaceable() {
    // 300,000 days of work is more nanoseconds than a long holds: Duration.toNanos fails, as it always did.
    f.tasks(f.manager).updateTask(f.animTask.withEstimation(Duration.ofDays(300_000)).withStartDate(mon)
        .withDueDate(mon.plusDays(4)));
    ScheduleApi schedule = f.engine.as(f.manager.id()).schedule();
    WorkCalendar cal = schedule.calendar(List.of());
    assertThatThrownBy(() -> schedule.workload(f.artist.id(), mon, mon.plusDays(4), cal))
        .isInstanceOf(ArithmeticException.class);
    // On a weekend only, the task is unplaceable before its work is counted.
    f.tasks(f.manager).updateTask(f.task(f.animTask).withStartDate(mon.plusDays(5)).withDueDate(mon.plusDays(6)));
    Workload w = schedule.workload(f.artist.id(), mon, mon.plusDays(6), cal);
    assertThat(w.unplaceable()).containsExactly(f.animTask.id());
    assertThat(w.totalDemand()).isZero();
  }
}
