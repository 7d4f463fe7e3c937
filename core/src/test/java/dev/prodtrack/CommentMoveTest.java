package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.RuleViolationException.Rule;
import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.ChecklistItem;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Moving a comment to another task of the same entity, and deleting a comment (kitsu-semantics §3, §2.12). */
class CommentMoveTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  private Instant at(int hours) {
    return Fixture.START.plus(Duration.ofHours(hours));
  }

  private Comment post(Task task, dev.prodtrack.model.TaskStatus status, int hours) {
    return f.tasks(f.manager).addComment(task.id(), status.id(), "at " + hours,
        CommentOptions.NONE.withCreatedAt(at(hours)).withChecklist(List.of(new ChecklistItem("arm", false))));
  }

  private void refused(Runnable r, Class<? extends Throwable> type) {
    Refusal.check(f.engine, f.events, type, r::run);
  }

  @Test
  void move_newestComment_sourceFallsBackAndTargetTakesItsStatus() {
    f.clock.set(at(48));
    post(f.animTask, f.wip, 1);
    Comment wrong = post(f.animTask, f.wfa, 2);
    f.events.clear();
    Comment moved = f.tasks(f.manager).moveCommentToTask(f.animTask.id(), wrong.id(), f.compTask.id());

    assertThat(moved.id()).isEqualTo(wrong.id());
    assertThat(moved.withTaskId(wrong.taskId())).as("everything but the task is preserved").isEqualTo(wrong);
    Task source = f.task(f.animTask);
    assertThat(source.taskStatusId()).isEqualTo(f.wip.id());
    assertThat(source.lastCommentDate()).isEqualTo(at(1));
    assertThat(source.endDate()).as("replay: no feedback comment left").isNull();
    Task target = f.task(f.compTask);
    assertThat(target.taskStatusId()).isEqualTo(f.wfa.id());
    assertThat(target.endDate()).isEqualTo(at(2));
    assertThat(target.lastCommentDate()).isEqualTo(at(2));
    assertThat(f.tasks(f.admin).allCommentsForTask(f.compTask.id())).extracting(Comment::id).containsExactly(wrong.id());
    assertThat(f.eventNames()).containsExactly(EventNames.COMMENT_DELETE, EventNames.COMMENT_NEW,
        EventNames.TASK_UPDATE, EventNames.TASK_UPDATE);
  }

  @Test
  void move_onlyComment_sourceGoesBackToTheDefaultStatus() {
    Comment only = post(f.animTask, f.wfa, 1);
    f.tasks(f.manager).moveCommentToTask(f.animTask.id(), only.id(), f.compTask.id());
    Task source = f.task(f.animTask);
    assertThat(source.taskStatusId()).isEqualTo(f.todo.id());
    assertThat(source.lastCommentDate()).isNull();
  }

  @Test
  void move_olderThanTheTargetsNewest_keepsTheTargetStatusButCountsTheRetake() {
    post(f.compTask, f.wip, 5);
    Comment old = post(f.animTask, f.retake, 1);
    f.tasks(f.manager).moveCommentToTask(f.animTask.id(), old.id(), f.compTask.id());
    Task target = f.task(f.compTask);
    assertThat(target.taskStatusId()).isEqualTo(f.wip.id());
    assertThat(target.retakeCount()).isEqualTo(1);
  }

  @Test
  void move_thereAndBack_restoresBothReplayStates() {
    post(f.animTask, f.wip, 1);
    Comment c = post(f.animTask, f.wfa, 2);
    post(f.compTask, f.wip, 3);
    // Bring both tasks to their replay state first: the live path's dates differ from the replay's.
    f.engine.write(f.admin.id(), tx -> {
      TaskApi.replay(tx, f.animTask.id());
      TaskApi.replay(tx, f.compTask.id());
      return null;
    });
    Task anim = f.task(f.animTask);
    Task comp = f.task(f.compTask);
    f.tasks(f.manager).moveCommentToTask(f.animTask.id(), c.id(), f.compTask.id());
    f.tasks(f.manager).moveCommentToTask(f.compTask.id(), c.id(), f.animTask.id());
    assertThat(f.task(f.animTask).withUpdatedAt(anim.updatedAt())).isEqualTo(anim);
    assertThat(f.task(f.compTask).withUpdatedAt(comp.updatedAt())).isEqualTo(comp);
    assertThat(f.tasks(f.admin).allCommentsForTask(f.animTask.id())).extracting(Comment::id).contains(c.id());
  }

  @Test
  void move_leavesTimeSpentsWhereTheyAre() {
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), LocalDate.of(2025, 3, 3), Duration.ofHours(3));
    Comment c = post(f.animTask, f.wip, 1);
    f.tasks(f.manager).moveCommentToTask(f.animTask.id(), c.id(), f.compTask.id());
    assertThat(f.task(f.animTask).duration()).isEqualTo(Duration.ofHours(3));
    assertThat(f.task(f.compTask).duration()).isZero();
  }

  @Test
  void move_refusals_inKitsusOrder_changeNothing() {
    Comment c = post(f.animTask, f.wip, 1);
    // 1. global role: a global artist who manages the project is still refused.
    f.join(f.artist, Role.MANAGER);
    refused(() -> f.tasks(f.artist).moveCommentToTask(f.animTask.id(), c.id(), f.compTask.id()),
        PermissionDeniedException.class);
    // 2. access to both tasks: a global manager outside the team.
    var outsideManager = f.engine.as(f.admin.id()).person().newPerson("Gil", "Global", null, Role.MANAGER);
    refused(() -> f.engine.as(outsideManager.id()).task().moveCommentToTask(f.animTask.id(), c.id(), f.compTask.id()),
        PermissionDeniedException.class);
    // 3. the comment must be on the source.
    assertThatThrownBy(() -> f.tasks(f.manager).moveCommentToTask(f.compTask.id(), c.id(), f.animTask.id()))
        .isInstanceOfSatisfying(RuleViolationException.class,
            e -> assertThat(e.rule()).isEqualTo(Rule.COMMENT_NOT_ON_TASK));
    // 4. different tasks.
    assertThatThrownBy(() -> f.tasks(f.manager).moveCommentToTask(f.animTask.id(), c.id(), f.animTask.id()))
        .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.SAME_TASK));
    // 5. same entity.
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.manager).moveCommentToTask(f.animTask.id(), c.id(), f.modelTask.id()))
        .isInstanceOfSatisfying(RuleViolationException.class, e -> {
          assertThat(e.rule()).isEqualTo(Rule.DIFFERENT_ENTITY);
          assertThat(e.ids()).containsExactly(c.id(), f.animTask.id(), f.modelTask.id());
        });
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
    // 6. no preview.
    f.engine.write(f.admin.id(), tx -> {
      tx.putComment(tx.<Comment>require("comment", c.id()).withHasPreview(true));
      return null;
    });
    digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.manager).moveCommentToTask(f.animTask.id(), c.id(), f.compTask.id()))
        .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.HAS_PREVIEW));
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void move_ignoresTheRetakeCapAndStatusRestrictions() {
    f.setProject(p -> p.withMaxRetakes(1));
    post(f.compTask, f.retake, 1);
    post(f.compTask, f.wfa, 2);
    Comment retake = post(f.animTask, f.retake, 3);
    f.tasks(f.manager).moveCommentToTask(f.animTask.id(), retake.id(), f.compTask.id());
    assertThat(f.task(f.compTask).retakeCount()).isEqualTo(2);
  }

  @Test
  void removeComment_replaysAndReportsTheStatusChange() {
    f.clock.set(at(48));
    post(f.animTask, f.wip, 1);
    Comment last = post(f.animTask, f.done, 2);
    f.events.clear();
    Task after = f.tasks(f.manager).removeComment(last.id());
    assertThat(after.taskStatusId()).isEqualTo(f.wip.id());
    assertThat(after.doneDate()).isNull();
    assertThat(f.eventNames()).containsExactly(EventNames.COMMENT_DELETE, EventNames.TASK_STATUS_CHANGED,
        EventNames.TASK_UPDATE);
    assertThat(f.tasks(f.admin).allCommentsForTask(f.animTask.id())).hasSize(1);
  }

  @Test
  void removeComment_byTheAuthorOrAManagerOnly() {
    Comment mine = f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "mine");
    refused(() -> f.tasks(f.artist2).removeComment(mine.id()), PermissionDeniedException.class);
    refused(() -> f.tasks(f.supervisor).removeComment(mine.id()), PermissionDeniedException.class);
    f.tasks(f.artist).removeComment(mine.id());
    assertThat(f.task(f.animTask).taskStatusId()).isEqualTo(f.todo.id());
    refused(() -> f.tasks(f.artist).removeComment(mine.id()), UnknownIdException.class);
  }

  @Test
  void move_whenTheStoreFails_changesNothing() {
    Comment c = post(f.animTask, f.wfa, 1);
    String digest = f.engine.stateDigest();
    f.events.clear();
    f.store.failNextCommit(dev.prodtrack.storage.StorageException.Reason.TOO_LARGE);
    assertThatThrownBy(() -> f.tasks(f.manager).moveCommentToTask(f.animTask.id(), c.id(), f.compTask.id()))
        .isInstanceOf(dev.prodtrack.storage.StorageException.class);
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
    assertThat(f.events).isEmpty();
  }
}
