package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.Task;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** gazu's all_open_tasks: scope, filters, statistics and paging (kitsu-semantics §2.14). */
class OpenTasksTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  @Test
  void allOpenTasks_excludesDoneTasksAndCountsStatuses() {
    f.tasks(f.manager).addComment(f.compTask.id(), f.done.id(), "");
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "");
    OpenTasksPage page = f.tasks(f.admin).allOpenTasks(OpenTasksQuery.ALL);
    assertThat(page.data()).extracting(Task::id).containsExactlyInAnyOrder(f.animTask.id(), f.modelTask.id());
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.statusCounts()).containsEntry(f.wip.id(), 1).containsEntry(f.todo.id(), 1);
    assertThat(page.isMore()).isFalse();
  }

  @Test
  void allOpenTasks_filtersAndSums() {
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withDueDate(LocalDate.of(2025, 3, 10)).withEstimation(Duration.ofHours(8))
        .withStartDate(LocalDate.of(2025, 3, 4)));
    api.updateTask(f.modelTask.withDueDate(LocalDate.of(2025, 3, 20)).withEstimation(Duration.ofHours(4)));
    assertThat(api.allOpenTasks(OpenTasksQuery.ALL.withPersons(List.of(f.artist.id()))).data())
        .extracting(Task::id).containsExactly(f.animTask.id());
    assertThat(api.allOpenTasks(OpenTasksQuery.ALL.withUnassigned(true)).data()).extracting(Task::id)
        .containsExactly(f.compTask.id());
    assertThat(api.allOpenTasks(OpenTasksQuery.ALL.withDueDateTo(LocalDate.of(2025, 3, 15))).data())
        .extracting(Task::id).containsExactly(f.animTask.id());
    assertThat(api.allOpenTasks(OpenTasksQuery.ALL.withStartDateFrom(LocalDate.of(2025, 3, 1))).data())
        .extracting(Task::id).containsExactly(f.animTask.id());
    assertThat(api.allOpenTasks(OpenTasksQuery.ALL.withTaskType(f.modeling.id())).data())
        .extracting(Task::id).containsExactly(f.modelTask.id());
    OpenTasksPage all = api.allOpenTasks(OpenTasksQuery.ALL);
    assertThat(all.totalEstimation()).isEqualTo(Duration.ofHours(12));
    assertThat(all.data()).extracting(Task::id).as("by due date, undated last")
        .containsExactly(f.animTask.id(), f.modelTask.id(), f.compTask.id());
  }

  @Test
  void allOpenTasks_pages() {
    OpenTasksPage first = f.tasks(f.admin).allOpenTasks(OpenTasksQuery.ALL.withPage(1, 2));
    OpenTasksPage second = f.tasks(f.admin).allOpenTasks(OpenTasksQuery.ALL.withPage(2, 2));
    assertThat(first.data()).hasSize(2);
    assertThat(first.isMore()).isTrue();
    assertThat(second.data()).hasSize(1);
    assertThat(second.isMore()).isFalse();
    assertThat(second.total()).isEqualTo(3);
    assertThatThrownBy(() -> OpenTasksQuery.ALL.withPage(0, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allOpenTasks_scopeIsOpenTeamProjects() {
    assertThat(f.tasks(f.outsider).allOpenTasks(OpenTasksQuery.ALL).total()).isZero();
    assertThatThrownBy(() -> f.tasks(f.outsider).allOpenTasks(OpenTasksQuery.ALL.withProject(f.project)))
        .isInstanceOf(PermissionDeniedException.class);
    f.setProject(p -> p.withOpen(false));
    assertThat(f.tasks(f.artist).allOpenTasks(OpenTasksQuery.ALL).total()).isZero();
    assertThat(f.tasks(f.artist).allOpenTasks(OpenTasksQuery.ALL.withProject(f.project)).total())
        .as("an explicit project is listed even when closed").isEqualTo(3);
  }

  @Test
  void allLateTasks_dueBeforeTheDayAndNotDone() {
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withDueDate(LocalDate.of(2025, 3, 10)));
    api.updateTask(f.compTask.withDueDate(LocalDate.of(2025, 3, 11)));
    api.updateTask(f.modelTask.withDueDate(LocalDate.of(2025, 3, 5)));
    api.addComment(f.modelTask.id(), f.done.id(), "");
    assertThat(api.allLateTasks(f.project, LocalDate.of(2025, 3, 11))).extracting(Task::id)
        .as("due strictly before the day; a done task is not late").containsExactly(f.animTask.id());
    assertThat(api.allLateTasks(f.project, LocalDate.of(2025, 3, 10))).isEmpty();
    assertThatThrownBy(() -> f.tasks(f.outsider).allLateTasks(f.project, LocalDate.of(2025, 3, 11)))
        .isInstanceOf(PermissionDeniedException.class);
  }
}
