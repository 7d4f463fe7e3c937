package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.schedule.AtRisk;
import dev.prodtrack.schedule.BurndownPoint;
import dev.prodtrack.schedule.CpmTask;
import dev.prodtrack.schedule.EarningRule;
import dev.prodtrack.schedule.Quotas;
import dev.prodtrack.schedule.RetakeStats;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.TimelineBar;
import dev.prodtrack.schedule.WorkCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every metric narrowed by a {@link Scope}: the fixture's sequence holds the animation and compositing
 * tasks of its shot, the asset holds the modeling task.
 */
class ScheduleScopeTest {
  private final Fixture f = new Fixture();
  private final LocalDate mon = LocalDate.of(2025, 3, 3);
  private ScheduleApi schedule;
  private WorkCalendar cal;
  private Scope project;
  private Scope sequence;
  private Scope modeling;

  @BeforeEach
  void production() {
    var projects = f.engine.as(f.manager.id()).project();
    projects.addTaskTypeToProject(f.project, f.modeling.id(), 1);
    projects.addTaskTypeToProject(f.project, f.animation.id(), 2);
    projects.addTaskTypeToProject(f.project, f.compositing.id(), 3);
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withEstimation(Duration.ofHours(24)).withStartDate(mon.minusDays(3))
        .withDueDate(mon.plusDays(1)));
    api.updateTask(f.compTask.withEstimation(Duration.ofHours(12)).withDueDate(mon.plusDays(2))
        .withAssignees(List.of(f.artist.id())));
    api.updateTask(f.task(f.modelTask).withEstimation(Duration.ofHours(80)).withStartDate(mon)
        .withDueDate(mon.plusDays(4)));
    schedule = f.engine.as(f.manager.id()).schedule();
    cal = schedule.calendar(List.of());
    project = Scope.of(f.project);
    sequence = project.withSequence(f.sequence);
    modeling = project.withTaskType(f.modeling.id());
  }

  @AfterEach
  void checkInvariants() {
    f.engine.checkInvariants();
  }

  @Test
  void atRisk_narrowedToTheScopesTasks() {
    assertThat(schedule.atRisk(project, mon, cal)).extracting(AtRisk::task)
        .containsExactlyInAnyOrder(f.animTask.id(), f.compTask.id(), f.modelTask.id());
    assertThat(schedule.atRisk(sequence, mon, cal)).extracting(AtRisk::task)
        .containsExactly(f.animTask.id(), f.compTask.id());
    assertThat(schedule.atRisk(modeling, mon, cal)).extracting(AtRisk::task).containsExactly(f.modelTask.id());
    assertThat(schedule.atRisk(project.withPerson(f.artist2.id()), mon, cal)).extracting(AtRisk::task)
        .containsExactly(f.modelTask.id());
    assertThat(schedule.atRisk(f.project, mon, cal)).isEqualTo(schedule.atRisk(project, mon, cal));
  }

  @Test
  void timeline_onlyTheScopesBars() {
    List<TimelineBar> tasks = schedule.timeline(sequence, mon, ZoneOffset.UTC, cal).level("task");
    assertThat(tasks).extracting(TimelineBar::id)
        .containsExactlyInAnyOrder(f.animTask.id().toString(), f.compTask.id().toString());
    TimelineBar sq = schedule.timeline(sequence, mon, ZoneOffset.UTC, cal).level("sequence").get(0);
    assertThat(sq.plannedStart()).isEqualTo(mon.minusDays(3));
    assertThat(schedule.timeline(modeling, mon, ZoneOffset.UTC, cal).level("sequence")).isEmpty();
  }

  @Test
  void burndownAndEarnedValue_budgetOfTheScope() {
    List<BurndownPoint> seq = schedule.burndown(sequence, mon, mon.plusDays(4), ZoneOffset.UTC, cal);
    assertThat(seq).hasSize(5);
    assertThat(seq.get(0).remaining()).as("24 h + 12 h").isEqualTo(4.5);
    assertThat(schedule.burndown(modeling, mon, mon, ZoneOffset.UTC, cal).get(0).remaining()).isEqualTo(10);
    assertThat(schedule.earnedValue(sequence, mon, EarningRule.ZERO_HUNDRED, ZoneOffset.UTC, cal).bac())
        .isEqualTo(4.5);
    f.tasks(f.manager).addComment(f.compTask.id(), f.done.id(), "");
    assertThat(schedule.forecast(sequence, mon, 1, ZoneOffset.UTC, cal).velocity())
        .as("1.5 person-days earned on Monday").isEqualTo(1.5);
    assertThat(schedule.forecast(modeling, mon, 1, ZoneOffset.UTC, cal).velocityIfAny()).isEmpty();
  }

  @Test
  void criticalPath_ofASequence() {
    var cp = schedule.criticalPath(sequence, mon, null, 0, List.of(), cal);
    assertThat(cp.tasks()).extracting(CpmTask::task).containsExactly(f.animTask.id(), f.compTask.id());
    assertThat(cp.tasks().get(1).earlyStart()).as("comp after 3 days of animation").isEqualTo(mon.plusDays(3));
  }

  @Test
  void retakeStatsAndQuotas_narrowed() {
    f.tasks(f.manager).addComment(f.compTask.id(), f.retake.id(), "");
    assertThat(schedule.retakeStats(f.project)).hasSize(2);
    assertThat(schedule.retakeStats(project.withTaskType(f.compositing.id()))).extracting(RetakeStats::taskType)
        .containsExactly(f.compositing.id());
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    Quotas all = schedule.quotas(project, Quotas.Mode.RAW, Quotas.Delivery.FEEDBACK, ZoneOffset.UTC, cal);
    assertThat(all.credits()).extracting(Quotas.Credit::person).containsExactlyInAnyOrder(f.artist.id(), null);
    Quotas none = schedule.quotas(project.withPerson(f.artist2.id()), Quotas.Mode.RAW, Quotas.Delivery.FEEDBACK,
        ZoneOffset.UTC, cal);
    assertThat(none.credits()).isEmpty();
    Quotas artist = schedule.quotas(project.withPerson(f.artist.id()), Quotas.Mode.RAW, Quotas.Delivery.FEEDBACK,
        ZoneOffset.UTC, cal);
    assertThat(artist.credits()).extracting(Quotas.Credit::frames).containsExactly(48L, 48L);
  }

  @Test
  void workload_ofAScope() {
    var all = schedule.workload(f.artist.id(), mon, mon.plusDays(4), cal);
    var seq = schedule.workload(sequence, f.artist.id(), mon, mon.plusDays(4), cal);
    var mod = schedule.workload(modeling, f.artist.id(), mon, mon.plusDays(4), cal);
    assertThat(seq).isEqualTo(all);
    assertThat(mod.totalDemand()).isZero();
    assertThat(schedule.workload(modeling, f.artist2.id(), mon, mon.plusDays(4), cal).totalDemand())
        .isEqualTo(Duration.ofHours(80));
  }
}
