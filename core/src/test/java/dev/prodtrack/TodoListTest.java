package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.Entity;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TeamMember;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The todo, done and to-check filters, exactly as kitsu-semantics §2.13. */
class TodoListTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  private List<Task> todo(dev.prodtrack.model.Person p) {
    return f.engine.as(p.id()).user().allTasksToDo();
  }

  @Test
  void allTasksToDo_assignedOpenProjectTeamNotDone() {
    assertThat(todo(f.artist)).extracting(Task::id).containsExactly(f.animTask.id());
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    assertThat(todo(f.artist)).as("feedback-request tasks stay").extracting(Task::id).containsExactly(f.animTask.id());
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.done.id(), "");
    assertThat(todo(f.artist)).isEmpty();
    assertThat(f.engine.as(f.artist.id()).user().allDoneTasks()).extracting(Task::id).containsExactly(f.animTask.id());
  }

  @Test
  void allTasksToDo_tasksOfSeveralProjects_comeMergedByDueDateThenId() {
    // A second project with the same team and one shot, written directly as the fixture's own.
    Object[] ids = f.engine.write(f.admin.id(), tx -> {
      Project first = tx.project(f.project);
      Project p = new Project(new dev.prodtrack.model.ProjectId(tx.newId()), "Second", null, null, true, "25", "16:9",
          "1920x1080", "short", "2d3d", null, null, null, 0, 0, false, false, first.team(), List.of(), List.of(),
          List.of(), java.util.Map.of(), tx.now, tx.now);
      tx.put(p.id(), p);
      Entity seq = tx.require("entity", f.sequence);
      Entity shot = tx.require("entity", f.shot);
      Entity otherSeq = new Entity(new dev.prodtrack.model.EntityId(tx.newId()), p.id(), seq.entityTypeId(), "SQ02",
          null, null, false, null, 0, false, false, "running", null, null, null, null, java.util.Map.of(), tx.now,
          tx.now);
      Entity other = new Entity(new dev.prodtrack.model.EntityId(tx.newId()), p.id(), shot.entityTypeId(), "SH020",
          null, null, false, null, 0, false, false, "running", otherSeq.id(), null, null, null, java.util.Map.of(),
          tx.now, tx.now);
      tx.put(otherSeq.id(), otherSeq);
      tx.put(other.id(), other);
      return new Object[] {p.id(), other.id()};
    });
    TaskApi manager = f.tasks(f.manager);
    Task a = manager.newTask((dev.prodtrack.model.EntityId) ids[1], f.animation.id(), "main", null, List.of(f.artist.id()));
    Task b = manager.newTask((dev.prodtrack.model.EntityId) ids[1], f.compositing.id(), "main", null,
        List.of(f.artist.id()));
    java.time.LocalDate day = java.time.LocalDate.of(2025, 3, 3);
    manager.updateTask(f.task(a).withDueDate(day.plusDays(2)));
    manager.updateTask(f.task(b).withDueDate(day));
    manager.updateTask(f.task(f.animTask).withDueDate(day.plusDays(1)));

    assertThat(todo(f.artist)).extracting(Task::id).containsExactly(b.id(), f.animTask.id(), a.id());
    f.setProject(p -> p.withOpen(false));
    assertThat(todo(f.artist)).as("the closed project's task drops out").extracting(Task::id)
        .containsExactly(b.id(), a.id());
  }

  @Test
  void allTasksToDo_closedProjectHidesTasks() {
    f.setProject(p -> p.withOpen(false));
    assertThat(todo(f.artist)).isEmpty();
  }

  @Test
  void allTasksToDo_assignedButNotInTheTeamHidesTasks() {
    f.engine.write(f.admin.id(), tx -> {
      Project p = tx.project(f.project);
      List<TeamMember> team = new ArrayList<>(p.team());
      team.removeIf(m -> m.personId().equals(f.artist.id()));
      tx.put(p.id(), p.withTeam(team));
      return null;
    });
    assertThat(todo(f.artist)).isEmpty();
  }

  @Test
  void allTasksToDo_canceledEntityTasksStay() {
    f.engine.write(f.admin.id(), tx -> {
      Entity e = tx.require("entity", f.shot);
      tx.put(e.id(), e.withCanceled(true));
      return null;
    });
    assertThat(todo(f.artist)).extracting(Task::id).containsExactly(f.animTask.id());
  }

  @Test
  void allTasksToCheck_byRole() {
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    assertThat(f.engine.as(f.admin.id()).user().allTasksToCheck()).extracting(Task::id).containsExactly(f.animTask.id());
    assertThat(f.engine.as(f.manager.id()).user().allTasksToCheck()).extracting(Task::id).containsExactly(f.animTask.id());
    assertThat(f.engine.as(f.supervisor.id()).user().allTasksToCheck()).extracting(Task::id)
        .as("a supervisor without department sees every type").containsExactly(f.animTask.id());
    assertThat(f.engine.as(f.artist.id()).user().allTasksToCheck()).isEmpty();
    f.setProject(p -> p.withOpen(false));
    assertThat(f.engine.as(f.admin.id()).user().allTasksToCheck()).isEmpty();
  }

  @Test
  void allTasksToCheck_supervisorIsRestrictedToHisDepartments() {
    var dept = f.engine.as(f.admin.id()).person().newDepartment("Compositing", "#00ff00");
    f.engine.as(f.admin.id()).person().addToDepartment(f.supervisor.id(), dept.id());
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    assertThat(f.engine.as(f.supervisor.id()).user().allTasksToCheck()).isEmpty();
  }

  @Test
  void allTasksForPerson_scopedToTheCallersTeamsAndRoles() {
    assertThat(f.engine.as(f.manager.id()).user().allTasksForPerson(f.artist.id())).extracting(Task::id)
        .containsExactly(f.animTask.id());
    assertThat(f.engine.as(f.outsider.id()).user().allTasksForPerson(f.artist.id())).isEmpty();
    assertThat(f.engine.as(f.client.id()).user().allTasksForPerson(f.artist.id())).isEmpty();
    assertThatThrownBy(() -> f.engine.as(f.vendor.id()).user().allTasksForPerson(f.artist.id()))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void allTasksToDo_projectRoleDoesNotMatter() {
    f.join(f.artist, Role.SUPERVISOR);
    assertThat(todo(f.artist)).extracting(Task::id).containsExactly(f.animTask.id());
  }
}
