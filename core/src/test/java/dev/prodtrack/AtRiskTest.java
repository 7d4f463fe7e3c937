package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.schedule.AtRisk;
import dev.prodtrack.schedule.AtRisk.Reason;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks at risk: remaining work against the assignees' capacity before the due date, with reasons. */
class AtRiskTest {
  private final Fixture f = new Fixture();
  private final LocalDate mon = LocalDate.of(2025, 3, 3);

  private void production() {
    var projects = f.engine.as(f.manager.id()).project();
    projects.addTaskTypeToProject(f.project, f.animation.id(), 1);
    projects.addTaskTypeToProject(f.project, f.compositing.id(), 2);
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withEstimation(Duration.ofHours(24)).withStartDate(mon.minusDays(3))
        .withDueDate(mon.plusDays(1)));
    api.updateTask(f.compTask.withEstimation(Duration.ofHours(12)).withDueDate(mon.plusDays(2))
        .withAssignees(List.of(f.artist.id())));
    api.updateTask(f.task(f.modelTask).withEstimation(Duration.ofHours(8)).withDueDate(mon.plusDays(4)));
  }

  private List<AtRisk> atRisk(LocalDate asOf) {
    ScheduleApi schedule = f.engine.as(f.manager.id()).schedule();
    return schedule.atRisk(f.project, asOf, schedule.calendar(List.of()));
  }

  @Test
  void atRisk_onMonday_capacityNetOfEarlierTasks() {
    production();
    List<AtRisk> risks = atRisk(mon);
    assertThat(risks).extracting(AtRisk::task).containsExactly(f.animTask.id(), f.compTask.id());
    AtRisk anim = risks.get(0);
    assertThat(anim.remaining()).as("not started: the whole estimation").isEqualTo(Duration.ofHours(24));
    assertThat(anim.shortfall()).isEqualTo(Duration.ofHours(8));
    assertThat(anim.tightestAssignee()).isEqualTo(f.artist.id());
    assertThat(anim.reasons()).containsExactlyInAnyOrder(Reason.OVERLOADED_ASSIGNEE, Reason.NOT_STARTED);
    assertThat(risks.get(1).shortfall()).as("24 h of animation first, then 12 h, in 24 h").isEqualTo(Duration.ofHours(12));
  }

  @Test
  void atRisk_onWednesday_predecessorLateAndRetakeCap() {
    production();
    f.setProject(p -> p.withMaxRetakes(1));
    f.tasks(f.manager).addComment(f.compTask.id(), f.retake.id(), "");
    List<AtRisk> risks = atRisk(mon.plusDays(2));
    assertThat(risks).extracting(AtRisk::task).containsExactly(f.compTask.id());
    assertThat(risks.get(0).reasons()).containsExactlyInAnyOrder(Reason.OVERLOADED_ASSIGNEE,
        Reason.PREDECESSOR_LATE, Reason.TOO_MANY_RETAKES);
  }

  @Test
  void atRisk_startedTasksCountWhatIsLeft() {
    production();
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), mon.minusDays(3), Duration.ofHours(20));
    // Animation has 4 h left (not 24): 4 h + 12 h of compositing fit in Monday to Wednesday's 24 h.
    assertThat(atRisk(mon)).isEmpty();
  }
}
