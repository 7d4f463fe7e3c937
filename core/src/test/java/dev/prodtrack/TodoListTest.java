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
