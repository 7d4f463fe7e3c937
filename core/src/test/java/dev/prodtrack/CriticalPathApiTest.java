package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.schedule.CpmTask;
import dev.prodtrack.schedule.CriticalPath;
import dev.prodtrack.schedule.TaskLink;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The critical path over the engine's tasks: implicit pipeline links plus explicit ones (§5.1). */
class CriticalPathApiTest {
  private final Fixture f = new Fixture();
  private final LocalDate mon = LocalDate.of(2025, 3, 3);

  @Test
  void criticalPath_followsThePipelineAndExplicitLinks() {
    var projects = f.engine.as(f.manager.id()).project();
    projects.addTaskTypeToProject(f.project, f.modeling.id(), 1);
    projects.addTaskTypeToProject(f.project, f.animation.id(), 2);
    projects.addTaskTypeToProject(f.project, f.compositing.id(), 3);
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withStartDate(mon).withDueDate(mon.plusDays(2)));
    api.updateTask(f.compTask.withEstimation(Duration.ofHours(8)));
    ScheduleApi schedule = f.engine.as(f.manager.id()).schedule();
    CriticalPath cp = schedule.criticalPath(f.project, mon, null, 0,
        List.of(TaskLink.fs(f.modelTask.id(), f.animTask.id())), schedule.calendar(List.of()));
    assertThat(cp.tasks()).extracting(CpmTask::task)
        .containsExactly(f.modelTask.id(), f.animTask.id(), f.compTask.id());
    CpmTask model = cp.tasks().get(0);
    assertThat(model.unestimated()).isTrue();
    assertThat(model.earlyStart()).isEqualTo(mon);
    assertThat(cp.tasks().get(1).earlyStart()).isEqualTo(mon.plusDays(1));
    assertThat(cp.tasks().get(1).earlyFinish()).isEqualTo(mon.plusDays(3));
    assertThat(cp.tasks().get(2).earlyStart()).as("implicit FS from animation").isEqualTo(mon.plusDays(4));
    assertThat(cp.finish()).isEqualTo(mon.plusDays(4));
    assertThat(cp.critical()).containsExactly(f.modelTask.id(), f.animTask.id(), f.compTask.id());

    CriticalPath withoutExplicit = schedule.criticalPath(f.project, mon, null, 0, List.of(),
        schedule.calendar(List.of()));
    CpmTask freeModel = withoutExplicit.tasks().stream().filter(t -> t.task().equals(f.modelTask.id())).findFirst()
        .orElseThrow();
    assertThat(freeModel.totalFloat()).as("the asset task is off the shot's chain").isEqualTo(3);
    assertThat(freeModel.critical()).isFalse();
  }
}
