package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.RuleViolationException.Rule;
import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Task creation, listing, update, assignment and deletion rules (kitsu-semantics §2.8–2.12, §2.15). */
class TaskLifecycleTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  private void refused(Runnable r, Class<? extends Throwable> type) {
    Refusal.check(f.engine, f.events, type, r::run);
  }

  @Test
  void newTask_takesTheDefaultStatusAndTheCallerAsAssigner() {
    assertThat(f.compTask.taskStatusId()).isEqualTo(f.todo.id());
    assertThat(f.compTask.assignerId()).isEqualTo(f.manager.id());
    assertThat(f.compTask.difficulty()).isEqualTo(3);
    assertThat(f.compTask.duration()).isZero();
    assertThat(f.compTask.name()).isEqualTo("main");
  }

  @Test
  void newTask_withoutADefaultStatus_createsTodo() {
    f.engine.write(f.admin.id(), tx -> {
      tx.put(f.todo.id(), f.todo.withIsDefault(false).withShortName("old"));
      return null;
    });
    Task t = f.tasks(f.manager).newTask(f.shot, f.animation.id(), "second", null, List.of());
    var status = f.tasks(f.admin).getTaskStatus(t.taskStatusId());
    assertThat(status.shortName()).isEqualTo("todo");
    assertThat(status.name()).isEqualTo("Todo");
  }

  @Test
  void newTask_duplicate_isRefused() {
    refused(() -> f.tasks(f.manager).newTask(f.shot, f.animation.id()), RuleViolationException.class);
    Task other = f.tasks(f.manager).newTask(f.shot, f.animation.id(), "secondary", null, List.of());
    assertThat(f.tasks(f.admin).allTasksForEntityAndTaskType(f.shot, f.animation.id()))
        .extracting(Task::name).containsExactly("main", "secondary");
    assertThat(other.id()).isNotEqualTo(f.animTask.id());
  }

  @Test
  void newTask_forEntityMismatch_isRefused() {
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.manager).newTask(f.asset, f.animation.id()))
        .isInstanceOfSatisfying(RuleViolationException.class, e -> {
          assertThat(e.rule()).isEqualTo(Rule.FOR_ENTITY_MISMATCH);
          assertThat(e.ids()).containsExactly(f.animation.id(), f.asset);
        });
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void newTask_needsAdminOrProjectManager() {
    refused(() -> f.tasks(f.artist).newTask(f.shot, f.animation.id(), "x", null, List.of()),
        PermissionDeniedException.class);
    refused(() -> f.tasks(f.supervisor).newTask(f.shot, f.animation.id(), "x", null, List.of()),
        PermissionDeniedException.class);
    f.join(f.artist, Role.MANAGER);
    assertThat(f.tasks(f.artist).newTask(f.shot, f.animation.id(), "x", null, List.of()).name()).isEqualTo("x");
  }

  @Test
  void getTaskByEntity_matchesTheNameCaseInsensitively() {
    assertThat(f.tasks(f.admin).getTaskByEntity(f.shot, f.animation.id(), "MAIN")).map(Task::id)
        .contains(f.animTask.id());
    assertThat(f.tasks(f.admin).getTaskByEntity(f.shot, f.animation.id())).map(Task::id).contains(f.animTask.id());
    assertThat(f.tasks(f.admin).getTaskByEntity(f.shot, f.animation.id(), "other")).isEmpty();
  }

  @Test
  void listings_byEntitySequenceProjectStatusAndType() {
    TaskApi api = f.tasks(f.admin);
    assertThat(api.allTasksForShot(f.shot)).extracting(Task::id).containsExactlyInAnyOrder(f.animTask.id(), f.compTask.id());
    assertThat(api.allTasksForAsset(f.asset)).extracting(Task::id).containsExactly(f.modelTask.id());
    assertThat(api.allTasksForSequence(f.sequence)).extracting(Task::id)
        .containsExactlyInAnyOrder(f.animTask.id(), f.compTask.id());
    assertThat(api.allTasksForProject(f.project)).hasSize(3);
    assertThat(api.allTasks()).hasSize(3);
    assertThat(api.allTasksForTaskStatus(f.project, f.animation.id(), f.todo.id())).extracting(Task::id)
        .containsExactly(f.animTask.id());
    assertThat(api.allTaskTypesForShot(f.shot)).extracting(TaskType::name).containsExactly("Animation", "Compositing");
    assertThat(api.allTaskTypesForSequence(f.sequence)).extracting(TaskType::name)
        .containsExactly("Animation", "Compositing");
    assertThat(api.allTaskTypesForProject(f.project)).extracting(TaskType::name)
        .containsExactly("Animation", "Compositing", "Modeling");
    assertThat(api.allTaskTypesForAsset(f.asset)).extracting(TaskType::name).containsExactly("Modeling");
  }

  @Test
  void allTasks_outsiderSeesNothingAndVendorOnlyHisOwn() {
    assertThat(f.tasks(f.outsider).allTasks()).isEmpty();
    assertThat(f.tasks(f.vendor).allTasks()).isEmpty();
    f.tasks(f.manager).assignTask(f.compTask.id(), f.vendor.id());
    assertThat(f.tasks(f.vendor).allTasks()).extracting(Task::id).containsExactly(f.compTask.id());
    assertThatThrownBy(() -> f.tasks(f.outsider).allTasksForProject(f.project))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void assignTask_isIdempotentAddsToTheTeamAndEmitsEvents() {
    f.events.clear();
    Task t = f.tasks(f.manager).assignTask(f.compTask.id(), f.outsider.id());
    assertThat(t.assignees()).containsExactly(f.outsider.id());
    assertThat(f.eventNames()).containsExactly(EventNames.PROJECT_UPDATE, EventNames.TASK_ASSIGN, EventNames.TASK_UPDATE);
    assertThat(f.tasks(f.outsider).allTasks()).as("a team member sees every task of the open project").hasSize(3);
    f.events.clear();
    f.tasks(f.manager).assignTask(f.compTask.id(), f.outsider.id());
    assertThat(f.events).isEmpty();
    assertThat(f.task(f.compTask).assignees()).containsExactly(f.outsider.id());
  }

  @Test
  void assignTask_artistMayAssignOnlyHimselfInHisDepartment() {
    refused(() -> f.tasks(f.artist).assignTask(f.compTask.id(), f.artist.id()), PermissionDeniedException.class);
    var dept = f.engine.as(f.admin.id()).person().newDepartment("Compositing", "#00ff00");
    f.engine.as(f.admin.id()).person().addToDepartment(f.artist.id(), dept.id());
    f.engine.write(f.admin.id(), tx -> {
      tx.put(f.compositing.id(), f.compositing.withDepartmentId(dept.id()));
      return null;
    });
    refused(() -> f.tasks(f.artist).assignTask(f.compTask.id(), f.artist2.id()), PermissionDeniedException.class);
    assertThat(f.tasks(f.artist).assignTask(f.compTask.id(), f.artist.id()).assignees()).contains(f.artist.id());
  }

  @Test
  void unassign_byTheAssigneeHimselfOrAManager() {
    f.tasks(f.manager).assignTask(f.compTask.id(), f.artist2.id());
    f.tasks(f.manager).assignTask(f.compTask.id(), f.artist.id());
    refused(() -> f.tasks(f.artist).unassignTask(f.compTask.id(), f.artist2.id()), PermissionDeniedException.class);
    f.events.clear();
    assertThat(f.tasks(f.artist).unassignTask(f.compTask.id(), f.artist.id()).assignees()).containsExactly(f.artist2.id());
    assertThat(f.eventNames()).containsExactly(EventNames.TASK_UNASSIGN, EventNames.TASK_UPDATE);
    assertThat(f.tasks(f.manager).clearAssignation(f.compTask.id()).assignees()).isEmpty();
  }

  @Test
  void updateTask_managerWritesFieldsAndMergesData() {
    TaskApi api = f.tasks(f.manager);
    Task t = api.updateTask(f.animTask.withDueDate(LocalDate.of(2025, 4, 1)).withEstimation(Duration.ofHours(16))
        .withData(Map.of("a", 1)));
    t = api.updateTask(t.withData(Map.of("b", "two")));
    assertThat(t.data()).containsEntry("a", 1).containsEntry("b", "two");
    assertThat(t.dueDate()).isEqualTo(LocalDate.of(2025, 4, 1));
    assertThat(t.estimation()).isEqualTo(Duration.ofHours(16));
  }

  @Test
  void updateTask_statusChangeAppliesNoDatePolicyAndAReplayRevertsIt() {
    TaskApi api = f.tasks(f.manager);
    Task t = api.updateTask(f.compTask.withTaskStatusId(f.done.id()));
    assertThat(t.taskStatusId()).isEqualTo(f.done.id());
    assertThat(t.doneDate()).isNull();
    f.tick();
    api.addComment(f.compTask.id(), f.wip.id(), "");
    f.clock.set(Fixture.START.plusSeconds(3600));
    api.addComment(f.compTask.id(), f.wfa.id(), "", CommentOptions.NONE.withCreatedAt(Fixture.START.minusSeconds(60)));
    assertThat(f.task(f.compTask).taskStatusId()).as("replay: the newest comment's status").isEqualTo(f.wip.id());
  }

  @Test
  void updateTask_supervisorMayChangeOnlyTheSchedulingFields() {
    TaskApi sup = f.tasks(f.supervisor);
    Task t = sup.updateTask(f.animTask.withPriority(2).withDifficulty(5).withStartDate(LocalDate.of(2025, 3, 10)));
    assertThat(t.priority()).isEqualTo(2);
    refused(() -> sup.updateTask(t.withName("renamed")), PermissionDeniedException.class);
    refused(() -> sup.updateTask(t.withTaskStatusId(f.done.id())), PermissionDeniedException.class);
    refused(() -> f.tasks(f.artist).updateTask(t.withPriority(1)), PermissionDeniedException.class);
  }

  @Test
  void updateTask_assigneesChangeEmitsAssignAndUnassign() {
    f.events.clear();
    f.tasks(f.manager).updateTask(f.animTask.withAssignees(List.of(f.artist2.id())));
    assertThat(f.eventNames()).containsExactly(EventNames.TASK_ASSIGN, EventNames.TASK_UNASSIGN, EventNames.TASK_UPDATE);
  }

  @Test
  void updateTask_protectedProjectId_isRefused() {
    refused(() -> f.tasks(f.admin).updateTask(f.animTask.withProjectId(
        new dev.prodtrack.model.ProjectId(java.util.UUID.randomUUID()))), IllegalArgumentException.class);
  }

  @Test
  void removeTask_withDependantsNeedsForce() {
    f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "");
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), LocalDate.of(2025, 3, 3), Duration.ofHours(1));
    refused(() -> f.tasks(f.manager).removeTask(f.animTask.id(), false), RuleViolationException.class);
    refused(() -> f.tasks(f.artist).removeTask(f.animTask.id(), true), PermissionDeniedException.class);
    f.tasks(f.manager).removeTask(f.animTask.id(), true);
    assertThatThrownBy(() -> f.task(f.animTask)).isInstanceOf(UnknownIdException.class);
    f.tasks(f.manager).removeTask(f.compTask.id(), false);
    assertThat(f.tasks(f.admin).allTasksForShot(f.shot)).isEmpty();
  }

  @Test
  void removeTaskStatus_inUse_isRefused() {
    refused(() -> f.tasks(f.admin).removeTaskStatus(f.todo.id()), RuleViolationException.class);
    f.tasks(f.admin).removeTaskStatus(f.closedToArtists.id());
    assertThat(f.tasks(f.admin).getTaskStatusByShortName("lead")).isEmpty();
  }

  @Test
  void removeTaskType_inUse_isRefused() {
    refused(() -> f.tasks(f.admin).removeTaskType(f.animation.id(), true), RuleViolationException.class);
    TaskType fx = f.tasks(f.admin).newTaskType("FX", "Shot", null);
    f.tasks(f.admin).removeTaskType(fx.id(), false);
    assertThat(f.tasks(f.admin).getTaskTypeByName("FX")).isEmpty();
  }

  @Test
  void newTaskType_andStatus_uniqueNamesAndAdminOnly() {
    refused(() -> f.tasks(f.admin).newTaskType("Animation", "Asset", null), RuleViolationException.class);
    refused(() -> f.tasks(f.admin).newTaskStatus("Whatever", "wip", "#000000", EnumSet.noneOf(StatusFlag.class)),
        RuleViolationException.class);
    refused(() -> f.tasks(f.manager).newTaskType("Lighting", "Shot", null), PermissionDeniedException.class);
  }

  @Test
  void newTaskStatus_default_clearsTheFirstDefaultFoundWhateverItsConceptFlag() {
    var other = f.tasks(f.admin).newTaskStatus("Ready", "ready", "#ffffff", EnumSet.of(StatusFlag.DEFAULT));
    assertThat(f.tasks(f.admin).getTaskStatus(f.todo.id()).isDefault()).isFalse();
    assertThat(f.tasks(f.admin).getDefaultTaskStatus()).map(s -> s.id()).contains(other.id());
  }

  @Test
  void updateTask_renameKeepsTheTaskIndexed() {
    f.tasks(f.manager).assignTask(f.compTask.id(), f.artist2.id());
    f.tasks(f.manager).updateTask(f.task(f.compTask).withName("comp-v2"));
    assertThat(f.tasks(f.admin).allTasksForShot(f.shot)).extracting(Task::name).containsExactlyInAnyOrder("main", "comp-v2");
    assertThat(f.tasks(f.admin).getTaskByEntity(f.shot, f.compositing.id(), "comp-v2")).isPresent();
    assertThat(f.tasks(f.admin).getTaskByEntity(f.shot, f.compositing.id(), "main")).isEmpty();
    assertThat(f.engine.as(f.artist2.id()).user().allTasksToDo()).extracting(Task::id).contains(f.compTask.id());
    refused(() -> f.tasks(f.manager).newTask(f.shot, f.compositing.id(), "comp-v2", null, List.of()),
        RuleViolationException.class);
    refused(() -> f.tasks(f.admin).removeTaskStatus(f.todo.id()), RuleViolationException.class);
  }

  @Test
  void updateTask_unchangedTask_stillNeedsPermission() {
    refused(() -> f.tasks(f.outsider).updateTask(f.animTask), PermissionDeniedException.class);
  }

  @Test
  void allDoneTasks_tasksWithoutEndDateComeFirst() {
    f.tasks(f.manager).assignTask(f.compTask.id(), f.artist.id());
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.done.id(), "");
    f.tick();
    f.tasks(f.manager).addComment(f.compTask.id(), f.done.id(), "straight to done: no end date");
    assertThat(f.engine.as(f.artist.id()).user().allDoneTasks()).extracting(Task::id)
        .containsExactly(f.compTask.id(), f.animTask.id());
  }
}
