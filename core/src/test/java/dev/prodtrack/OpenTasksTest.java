package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
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
    // the same scope through the status filter's own path
    assertThat(f.tasks(f.outsider).allOpenTasks(OpenTasksQuery.ALL.withTaskStatus(f.todo.id())).total()).isZero();
    assertThat(f.tasks(f.artist).allOpenTasks(OpenTasksQuery.ALL.withTaskStatus(f.todo.id())).total())
        .as("a closed project's tasks are out of scope, whatever their status").isZero();
    assertThat(f.tasks(f.artist).allOpenTasks(OpenTasksQuery.ALL.withProject(f.project).withTaskStatus(f.todo.id()))
        .total()).as("an explicit project is listed even when closed").isEqualTo(3);
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

  /**
   * A status filter reads the status's tasks instead of walking the scope's (a second path): it must give
   * what the walk gives, filtered on the status, with the same order, totals and counts, for every status
   * (done ones give nothing), with and without a project, for an admin and for a manager of the team.
   */
  @Test
  void allOpenTasks_byStatus_sameAsTheUnfilteredPageFilteredOnTheStatus() {
    long seed = 20261129L;
    var g = ProductionGenerator.generateInNewEngine(Size.TINY, seed);
    try (ProdTrack engine = g.engine()) {
      var p = g.production();
      for (var caller : List.of(p.admin(), p.managers().get(0))) {
        TaskApi api = engine.as(caller).task();
        for (OpenTasksQuery scope : List.of(OpenTasksQuery.ALL, OpenTasksQuery.ALL.withProject(p.project()))) {
          List<Task> open = api.allOpenTasks(scope.withPage(1, Integer.MAX_VALUE)).data();
          assertThat(open).as("seed %d: the production has open tasks", seed).isNotEmpty();
          int found = 0;
          for (TaskStatus status : api.allTaskStatuses()) {
            OpenTasksPage page = api.allOpenTasks(scope.withTaskStatus(status.id()).withPage(1, Integer.MAX_VALUE));
            List<Task> expected = open.stream().filter(t -> t.taskStatusId().equals(status.id())).toList();
            String what = "seed " + seed + ", caller " + caller + ", status " + status.name() + ", " + scope;
            assertThat(page.data()).as(what).isEqualTo(expected);
            assertThat(page.total()).as(what).isEqualTo(expected.size());
            assertThat(page.totalDuration()).as(what)
                .isEqualTo(expected.stream().map(Task::duration).reduce(Duration.ZERO, Duration::plus));
            assertThat(page.totalEstimation()).as(what)
                .isEqualTo(expected.stream().map(Task::estimation).reduce(Duration.ZERO, Duration::plus));
            assertThat(page.statusCounts()).as(what)
                .isEqualTo(expected.isEmpty() ? java.util.Map.of() : java.util.Map.of(status.id(), expected.size()));
            found += expected.size();
          }
          assertThat(found).as("seed %d: every open task has one status", seed).isEqualTo(open.size());
        }
      }
    }
  }
  /**
   * The indexed path of a project and a status (what "tasks by status" asks): pages 1 and 2, the last page,
   * a page beyond the end and one page holding everything, each with the statistics of the whole selection,
   * equal to slices of the full answer, which is in the page's order (due date, undated last, then id).
   */
  @Test
  void allOpenTasks_projectAndStatus_pagesAndStatistics() {
    long seed = 20261129L;
    var g = ProductionGenerator.generateInNewEngine(Size.S, seed);
    try (ProdTrack engine = g.engine()) {
      var p = g.production();
      TaskApi api = engine.as(p.managers().get(0)).task();
      TaskStatus busiest = null;
      List<Task> all = List.of();
      for (TaskStatus status : api.allTaskStatuses()) {
        List<Task> of = api.allOpenTasks(OpenTasksQuery.ALL.withProject(p.project()).withTaskStatus(status.id())
            .withPage(1, Integer.MAX_VALUE)).data();
        if (of.size() > all.size()) {
          busiest = status;
          all = of;
        }
      }
      assertThat(all.size()).as("seed %d: a status with enough open tasks for many pages", seed).isGreaterThan(20);
      List<Task> sorted = new java.util.ArrayList<>(all);
      sorted.sort(java.util.Comparator.comparing(Task::dueDate,
          java.util.Comparator.nullsLast(java.util.Comparator.<LocalDate>naturalOrder())).thenComparing(t -> t.id().value()));
      assertThat(all).as("seed %d: by due date, undated last, then id", seed).isEqualTo(sorted);
      Duration duration = all.stream().map(Task::duration).reduce(Duration.ZERO, Duration::plus);
      Duration estimation = all.stream().map(Task::estimation).reduce(Duration.ZERO, Duration::plus);
      OpenTasksQuery q = OpenTasksQuery.ALL.withProject(p.project()).withTaskStatus(busiest.id());
      int limit = 7;
      int last = (all.size() + limit - 1) / limit;
      for (int page : new int[] {1, 2, last, last + 1, last + 5}) {
        OpenTasksPage got = api.allOpenTasks(q.withPage(page, limit));
        int from = Math.min((page - 1) * limit, all.size());
        int to = Math.min(from + limit, all.size());
        String what = "seed " + seed + ", page " + page + " of " + last;
        assertThat(got.data()).as(what).isEqualTo(all.subList(from, to));
        assertThat(got.total()).as(what).isEqualTo(all.size());
        assertThat(got.totalDuration()).as(what).isEqualTo(duration);
        assertThat(got.totalEstimation()).as(what).isEqualTo(estimation);
        assertThat(got.statusCounts()).as(what).isEqualTo(java.util.Map.of(busiest.id(), all.size()));
        assertThat(got.isMore()).as(what).isEqualTo(page < last);
        assertThat(got.page()).as(what).isEqualTo(page);
        assertThat(got.limit()).as(what).isEqualTo(limit);
        assertThat(got).as(what + ": the general path's answer").isEqualTo(api.allOpenTasksByScan(q.withPage(page, limit)));
      }
      assertThat(api.allOpenTasks(q.withPage(last + 1, limit)).data()).as("beyond the end").isEmpty();
      assertThatThrownBy(() -> engine.as(p.admin()).task().allOpenTasks(q.withProject(
          new dev.prodtrack.model.ProjectId(new java.util.UUID(0, 1))))).isInstanceOf(UnknownIdException.class);
    }
  }
}
