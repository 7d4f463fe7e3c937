package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.StatusAutomation;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status automations after a comment, with Kitsu's rollback guard (kitsu-semantics §2.3). */
class StatusAutomationTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  private StatusAutomation automation(String entityType, dev.prodtrack.model.TaskType in,
      dev.prodtrack.model.TaskStatus inStatus, String field, dev.prodtrack.model.TaskType out,
      dev.prodtrack.model.TaskStatus outStatus, boolean link) {
    StatusAutomation a = f.tasks(f.admin).newStatusAutomation(entityType, in.id(), inStatus.id(), field, out.id(),
        outStatus == null ? null : outStatus.id());
    return link ? f.tasks(f.manager).addStatusAutomationToProject(f.project, a.id()) : a;
  }

  private void pipeline() {
    var projects = f.engine.as(f.manager.id()).project();
    projects.addTaskTypeToProject(f.project, f.modeling.id(), 1);
    projects.addTaskTypeToProject(f.project, f.animation.id(), 2);
    projects.addTaskTypeToProject(f.project, f.compositing.id(), 3);
  }

  @Test
  void statusAutomation_postsTheOutStatusOnTheEntitysTask() {
    pipeline();
    automation("Shot", f.animation, f.done, "status", f.compositing, f.wip, true);
    f.tasks(f.manager).addComment(f.animTask.id(), f.done.id(), "approved");
    assertThat(f.task(f.compTask).taskStatusId()).isEqualTo(f.wip.id());
    List<Comment> onComp = f.tasks(f.admin).allCommentsForTask(f.compTask.id());
    assertThat(onComp).singleElement().satisfies(c -> {
      assertThat(c.text()).isEqualTo("Change triggered by Animation set to Done");
      assertThat(c.personId()).isEqualTo(f.manager.id());
    });
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.done.id(), "still approved");
    assertThat(f.tasks(f.admin).allCommentsForTask(f.compTask.id())).as("fires without a status change")
        .hasSize(2);
  }

  @Test
  void statusAutomation_rollbackGuardSkipsBackwardAutomations() {
    pipeline();
    automation("Shot", f.compositing, f.retake, "status", f.animation, f.retake, true);
    f.tasks(f.manager).addComment(f.compTask.id(), f.retake.id(), "");
    assertThat(f.task(f.animTask).taskStatusId()).isEqualTo(f.todo.id());
  }

  @Test
  void statusAutomation_unlinkedArchivedOrOtherKind_doNothing() {
    pipeline();
    automation("Shot", f.animation, f.done, "status", f.compositing, f.wip, false);
    automation("asset", f.animation, f.done, "status", f.compositing, f.wfa, true);
    f.tasks(f.manager).addComment(f.animTask.id(), f.done.id(), "");
    assertThat(f.task(f.compTask).taskStatusId()).isEqualTo(f.todo.id());
  }

  @Test
  void readyForAutomation_marksTheAsset() {
    var shading = f.tasks(f.admin).newTaskType("Shading");
    automation("asset", f.modeling, f.done, "ready_for", shading, null, true);
    f.tasks(f.manager).addComment(f.modelTask.id(), f.done.id(), "");
    assertThat(f.engine.as(f.admin.id()).entity().getEntity(f.asset).readyFor()).isEqualTo(shading.id());
  }

  @Test
  void automationsInALoop_areRefusedAndChangeNothing() {
    automation("Shot", f.animation, f.wip, "status", f.compositing, f.wip, true);
    automation("Shot", f.compositing, f.wip, "status", f.animation, f.wip, true);
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), ""))
        .isInstanceOfSatisfying(RuleViolationException.class,
            e -> assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.AUTOMATION_LOOP));
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void newStatusAutomation_isForAdmins() {
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.manager).newStatusAutomation("Shot", f.animation.id(), f.done.id(), "status",
        f.compositing.id(), f.wip.id())).isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> f.tasks(f.admin).newStatusAutomation("Shot", f.animation.id(), f.done.id(), "status",
        f.compositing.id(), null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }
}
