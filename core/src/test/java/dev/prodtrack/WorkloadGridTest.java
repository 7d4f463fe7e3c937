package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.WorkCalendar;
import dev.prodtrack.schedule.Workload;
import dev.prodtrack.schedule.WorkloadGrid;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A team's workload grid (schedule-analytics.md §1.4): per person and day, and the team's totals. */
class WorkloadGridTest {
  private final Fixture f = new Fixture();
  private final LocalDate mon = LocalDate.of(2025, 3, 3);

  @Test
  void grid_ofTheProjectTeam_hasTotalsAndOverbookedPeople() {
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withEstimation(Duration.ofHours(24)).withStartDate(mon).withDueDate(mon.plusDays(4)));
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), mon, Duration.ofHours(4));
    api.updateTask(f.compTask.withEstimation(Duration.ofHours(16)).withStartDate(mon.plusDays(2))
        .withDueDate(mon.plusDays(3)).withAssignees(List.of(f.artist.id(), f.artist2.id())));
    f.engine.as(f.artist.id()).person().newDayOff(f.artist.id(), mon.plusDays(3), mon.plusDays(3), "dentist");
    ScheduleApi schedule = f.engine.as(f.manager.id()).schedule();
    WorkCalendar cal = schedule.calendar(List.of());

    WorkloadGrid grid = schedule.workloadGrid(Scope.of(f.project), mon, mon.plusDays(4), cal);
    assertThat(grid.people()).as("the project's team").hasSize(6);
    assertThat(grid.workloadOf(f.artist.id())).isEqualTo(schedule.workload(f.artist.id(), mon, mon.plusDays(4), cal));
    // artist2: comp's 16 h over Wed and Thu (two working days for them), half each = 4 h a day.
    var bo = grid.workloadOf(f.artist2.id()).days();
    assertThat(bo.get(2).demand()).isEqualTo(Duration.ofHours(4));
    assertThat(bo.get(3).demand()).isEqualTo(Duration.ofHours(4));
    WorkloadGrid.TeamDay wed = grid.totals().get(2);
    assertThat(wed.demand()).as("13 h for the artist, 4 h for artist2").isEqualTo(Duration.ofHours(17));
    assertThat(wed.capacity()).isEqualTo(Duration.ofHours(48));
    assertThat(wed.overbookedPeople()).isEqualTo(1);
    assertThat(grid.totals().get(3).capacity()).as("the artist's day off").isEqualTo(Duration.ofHours(40));
    assertThat(grid.overbookedPeople()).containsExactly(f.artist.id());
    assertThat(grid.totalDemand()).as("20 h left on anim + 16 h of comp").isEqualTo(Duration.ofHours(36));
    assertThat(grid.totalCapacity()).isEqualTo(Duration.ofHours(6 * 5 * 8 - 8));

    WorkloadGrid two = schedule.workloadGrid(List.of(f.artist2.id(), f.artist.id(), f.artist2.id()), mon,
        mon.plusDays(4), cal);
    assertThat(two.people()).extracting(w -> w.person()).containsExactly(f.artist2.id(), f.artist.id());
    assertThat(two.totalDemand()).isEqualTo(Duration.ofHours(36));
    WorkloadGrid one = schedule.workloadGrid(Scope.of(f.project).withPerson(f.artist2.id()), mon, mon.plusDays(4),
        cal);
    assertThat(one.people()).hasSize(1);
    assertThat(one.totalDemand()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void grid_refusesAnInvertedRangeAndUnknownPeople() {
    ScheduleApi schedule = f.engine.as(f.manager.id()).schedule();
    WorkCalendar cal = schedule.calendar(List.of());
    assertThatThrownBy(() -> schedule.workloadGrid(Scope.of(f.project), mon, mon.minusDays(1), cal))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schedule.workloadGrid(List.of(new dev.prodtrack.model.PersonId(new java.util.UUID(1, 1))),
        mon, mon, cal)).isInstanceOf(UnknownIdException.class);
  }

  @Test
  void of_sumsTotalsBeyondALongOfNanoseconds_asDurations() {
    // Each person's demand fits a long of nanoseconds (≤ 106,751 days); their sum does not.
    PersonId a = f.artist.id();
    PersonId b = f.artist2.id();
    Duration big = Duration.ofDays(100_000);
    Duration day = Duration.ofHours(8);
    Workload first = new Workload(a, List.of(new Workload.Day(mon, big, day), new Workload.Day(mon.plusDays(1),
        Duration.ofHours(2), day)), List.of());
    Workload second = new Workload(b, List.of(new Workload.Day(mon, big, day), new Workload.Day(mon.plusDays(1),
        Duration.ofHours(9), day)), List.of());

    WorkloadGrid grid = WorkloadGrid.of(mon, mon.plusDays(1), List.of(first, second));

    assertThat(grid.totals().get(0).demand()).isEqualTo(Duration.ofDays(200_000));
    assertThat(grid.totals().get(0).capacity()).isEqualTo(Duration.ofHours(16));
    assertThat(grid.totals().get(0).overbookedPeople()).isEqualTo(2);
    assertThat(grid.totals().get(1).demand()).isEqualTo(Duration.ofHours(11));
    assertThat(grid.totals().get(1).overbookedPeople()).isEqualTo(1);
    assertThat(grid.totals()).extracting(WorkloadGrid.TeamDay::date).containsExactly(mon, mon.plusDays(1));
    assertThatThrownBy(() -> WorkloadGrid.of(mon, mon.plusDays(2), List.of(first)))
        .as("a workload over another range").isInstanceOf(IllegalArgumentException.class);
  }
}
