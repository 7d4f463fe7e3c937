package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.Task;
import dev.prodtrack.schedule.TaskLateness;
import dev.prodtrack.schedule.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lateness rules over the engine's tasks (schedule-analytics.md §2.2, §2.4). */
class ScheduleApiTest {
  private final Fixture f = new Fixture();

  private Map<dev.prodtrack.model.TaskId, TaskLateness> lateness(LocalDate asOf) {
    ScheduleApi api = f.engine.as(f.manager.id()).schedule();
    WorkCalendar cal = api.calendar(List.of());
    return api.lateness(f.project, asOf, ZoneOffset.UTC, cal).stream()
        .collect(Collectors.toMap(TaskLateness::task, Function.identity()));
  }

  @Test
  void lateness_rulesByStatus() {
    TaskApi api = f.tasks(f.manager);
    LocalDate due = LocalDate.of(2025, 3, 5);
    for (Task t : List.of(f.animTask, f.compTask, f.modelTask)) {
      api.updateTask(f.task(t).withDueDate(due));
    }
    api.addComment(f.compTask.id(), f.wfa.id(), "");
    api.addComment(f.modelTask.id(), f.done.id(), "");
    var before = lateness(due);
    assertThat(before.values()).noneMatch(TaskLateness::dueBeforeToday);
    var after = lateness(due.plusDays(1));
    TaskLateness anim = after.get(f.animTask.id());
    assertThat(List.of(anim.dueBeforeToday(), anim.lateVsDone(), anim.lateVsFeedback(), anim.lateOpen()))
        .containsExactly(true, true, true, true);
    TaskLateness comp = after.get(f.compTask.id());
    assertThat(List.of(comp.lateVsDone(), comp.lateVsFeedback(), comp.lateOpen())).containsExactly(true, false, true);
    TaskLateness model = after.get(f.modelTask.id());
    assertThat(List.of(model.lateVsDone(), model.lateVsFeedback(), model.lateOpen())).containsExactly(false, false, false);
  }

  @Test
  void overEstimate_andRatioUndefinedWithoutEstimation() {
    f.tasks(f.manager).updateTask(f.animTask.withEstimation(Duration.ofHours(2)));
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), LocalDate.of(2025, 3, 3), Duration.ofHours(3));
    var l = lateness(LocalDate.of(2025, 3, 3));
    assertThat(l.get(f.animTask.id()).overEstimate()).isTrue();
    assertThat(l.get(f.animTask.id()).overrun()).isEqualTo(Duration.ofHours(1));
    assertThat(l.get(f.animTask.id()).overrunRatio()).hasValue(1.5);
    assertThat(l.get(f.compTask.id()).overrunRatio()).isEmpty();
    assertThat(l.get(f.compTask.id()).overEstimate()).isFalse();
  }

  @Test
  void deliveredLateBy_countsWorkingDaysFromTheDueDate() {
    f.tasks(f.manager).updateTask(f.animTask.withDueDate(LocalDate.of(2025, 3, 6)));
    f.clock.set(Instant.parse("2025-03-11T10:00:00Z"));
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    TaskLateness l = lateness(LocalDate.of(2025, 3, 12)).get(f.animTask.id());
    assertThat(l.deliveredLateByFeedback()).as("Fri, Mon, Tue").hasValue(3);
    assertThat(l.deliveredLateByApproval()).isEmpty();
  }

  @Test
  void calendar_includesDaysOffAndHoliday() {
    f.engine.as(f.artist.id()).person().newDayOff(f.artist.id(), LocalDate.of(2025, 3, 4), LocalDate.of(2025, 3, 5), null);
    WorkCalendar cal = f.engine.as(f.admin.id()).schedule().calendar(List.of(LocalDate.of(2025, 3, 7)));
    assertThat(cal.workingDays(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 9))).isEqualTo(4);
    assertThat(cal.workingDays(f.artist.id(), LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 9))).isEqualTo(2);
  }

  @Test
  void lateness_needsReadAccess() {
    ScheduleApi api = f.engine.as(f.outsider.id()).schedule();
    assertThatThrownBy(() -> api.lateness(f.project, LocalDate.of(2025, 3, 3), ZoneOffset.UTC, api.calendar(List.of())))
        .isInstanceOf(PermissionDeniedException.class);
  }
}
