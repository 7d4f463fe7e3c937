package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.event.Event;
import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The comment live path, the back-dated replay and the comment permission gate (kitsu-semantics §2.1–2.4). */
class CommentRulesTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  @Test
  void addComment_firstWip_setsStatusRealStartAndEvents() {
    f.tick();
    Instant now = f.clock.instant();
    Comment c = f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "blocking");
    Task t = f.task(f.animTask);
    assertThat(t.taskStatusId()).isEqualTo(f.wip.id());
    assertThat(t.realStartDate()).isEqualTo(now);
    assertThat(t.lastCommentDate()).isEqualTo(now);
    assertThat(t.retakeCount()).isZero();
    assertThat(c.personId()).isEqualTo(f.artist.id());
    assertThat(f.eventNames()).containsExactly(EventNames.COMMENT_NEW, EventNames.TASK_STATUS_CHANGED,
        EventNames.TASK_UPDATE);
    Event changed = f.events.get(1);
    assertThat(changed.data()).containsEntry("previous_task_status_id", f.todo.id().value())
        .containsEntry("new_task_status_id", f.wip.id().value());
  }

  @Test
  void addComment_sameWipAgain_keepsRealStartAndChangesOnlyLastCommentDate() {
    f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "a");
    Task before = f.task(f.animTask);
    f.tick();
    f.events.clear();
    f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "b");
    Task after = f.task(f.animTask);
    assertThat(after.realStartDate()).isEqualTo(before.realStartDate());
    assertThat(after.lastCommentDate()).isEqualTo(f.clock.instant());
    assertThat(after.withLastCommentDate(before.lastCommentDate()).withUpdatedAt(before.updatedAt())).isEqualTo(before);
    assertThat(f.eventNames()).containsExactly(EventNames.COMMENT_NEW, EventNames.TASK_UPDATE);
  }

  @Test
  void addComment_realStartUsesWallClockNotCommentDate() {
    Instant backdate = Fixture.START.minus(Duration.ofDays(3));
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "", CommentOptions.NONE.withCreatedAt(backdate));
    Task t = f.task(f.animTask);
    assertThat(t.lastCommentDate()).isEqualTo(backdate);
    assertThat(t.realStartDate()).isEqualTo(f.clock.instant());
  }

  @Test
  void addComment_feedbackThenRetakeThenFeedbackThenDone_followsTheDatePolicy() {
    TaskApi api = f.tasks(f.manager);
    f.tick();
    api.addComment(f.animTask.id(), f.wip.id(), "");
    f.tick();
    Instant firstWfa = f.clock.instant();
    f.events.clear();
    Comment wfaComment = api.addComment(f.animTask.id(), f.wfa.id(), "please review");
    assertThat(f.task(f.animTask).endDate()).isEqualTo(firstWfa);
    assertThat(f.eventNames()).containsExactly(EventNames.COMMENT_NEW, EventNames.TASK_STATUS_CHANGED,
        EventNames.TASK_TO_REVIEW, EventNames.TASK_UPDATE);
    assertThat(f.events.get(2).id("comment_id")).isEqualTo(wfaComment.id().value());

    f.tick();
    api.addComment(f.animTask.id(), f.retake.id(), "fix the arm");
    Task afterRetake = f.task(f.animTask);
    assertThat(afterRetake.retakeCount()).isEqualTo(1);
    assertThat(afterRetake.endDate()).as("leaving feedback for a retake reopens the task").isNull();

    f.tick();
    Instant secondWfa = f.clock.instant();
    api.addComment(f.animTask.id(), f.wfa.id(), "");
    assertThat(f.task(f.animTask).endDate()).as("overwritten at each entry into feedback").isEqualTo(secondWfa);

    f.tick();
    Instant doneAt = f.clock.instant();
    api.addComment(f.animTask.id(), f.done.id(), "approved");
    Task done = f.task(f.animTask);
    assertThat(done.doneDate()).isEqualTo(doneAt);
    assertThat(done.endDate()).as("a done status keeps the end date").isEqualTo(secondWfa);

    f.tick();
    api.addComment(f.animTask.id(), f.wip.id(), "reopened");
    Task reopened = f.task(f.animTask);
    assertThat(reopened.doneDate()).isNull();
    assertThat(reopened.endDate()).isNull();
  }

  @Test
  void addComment_twoDifferentRetakeStatusesInARow_countTwiceOnTheLivePath() {
    TaskApi admin = f.tasks(f.admin);
    var retake2 = admin.newTaskStatus("Retake Lead", "retake2", "#ff0000", java.util.EnumSet.of(StatusFlag.RETAKE));
    f.tick();
    admin.addComment(f.animTask.id(), f.retake.id(), "");
    f.tick();
    admin.addComment(f.animTask.id(), retake2.id(), "");
    assertThat(f.task(f.animTask).retakeCount()).isEqualTo(2);
  }

  @Test
  void addComment_equalDate_countsAsNewest() {
    TaskApi api = f.tasks(f.manager);
    Instant at = Fixture.START.plus(Duration.ofHours(1));
    api.addComment(f.animTask.id(), f.wip.id(), "", CommentOptions.NONE.withCreatedAt(at));
    api.addComment(f.animTask.id(), f.wfa.id(), "", CommentOptions.NONE.withCreatedAt(at));
    assertThat(f.task(f.animTask).taskStatusId()).isEqualTo(f.wfa.id());
  }

  @Test
  void addComment_backDated_replaysTheHistory() {
    TaskApi api = f.tasks(f.manager);
    Instant t1 = Fixture.START.plus(Duration.ofHours(1));
    Instant t2 = Fixture.START.plus(Duration.ofHours(2));
    Instant t3 = Fixture.START.plus(Duration.ofHours(3));
    f.clock.set(Fixture.START.plus(Duration.ofDays(1)));
    api.addComment(f.animTask.id(), f.wip.id(), "", CommentOptions.NONE.withCreatedAt(t1));
    api.addComment(f.animTask.id(), f.wfa.id(), "", CommentOptions.NONE.withCreatedAt(t3));
    f.events.clear();
    api.addComment(f.animTask.id(), f.retake.id(), "late note", CommentOptions.NONE.withCreatedAt(t2));
    Task t = f.task(f.animTask);
    assertThat(t.taskStatusId()).isEqualTo(f.wfa.id());
    assertThat(t.lastCommentDate()).isEqualTo(t3);
    assertThat(t.retakeCount()).isEqualTo(1);
    assertThat(t.realStartDate()).as("replay: date of the first WIP comment").isEqualTo(t1);
    assertThat(t.endDate()).as("replay: first feedback comment").isEqualTo(t3);
    assertThat(f.eventNames()).containsExactly(EventNames.COMMENT_NEW, EventNames.TASK_UPDATE);
  }

  @Test
  void addComment_nonManagerOptions_areIgnored() {
    Instant backdate = Fixture.START.minus(Duration.ofDays(2));
    f.tick();
    Comment c = f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "",
        CommentOptions.NONE.withCreatedAt(backdate).withAuthor(f.manager.id()).withForClient(true));
    assertThat(c.createdAt()).isEqualTo(f.clock.instant());
    assertThat(c.personId()).isEqualTo(f.artist.id());
    assertThat(c.forClient()).isFalse();
  }

  @Test
  void addComment_managerMayPostAsAnotherAuthor() {
    Comment c = f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "",
        CommentOptions.NONE.withAuthor(f.artist.id()).withForClient(true));
    assertThat(c.personId()).isEqualTo(f.artist.id());
    assertThat(c.forClient()).isTrue();
  }

  @Test
  void addComment_retakeCapReached_isRefusedAndChangesNothing() {
    f.setProject(p -> p.withMaxRetakes(1));
    TaskApi api = f.tasks(f.manager);
    f.tick();
    api.addComment(f.animTask.id(), f.retake.id(), "");
    f.tick();
    api.addComment(f.animTask.id(), f.wfa.id(), "");
    String digest = f.engine.stateDigest();
    f.events.clear();
    assertThatThrownBy(() -> api.addComment(f.animTask.id(), f.retake.id(), ""))
        .isInstanceOfSatisfying(RetakeCapReachedException.class, e -> {
          assertThat(e.task()).isEqualTo(f.animTask.id());
          assertThat(e.cap()).isEqualTo(1);
          assertThat(e.retakeCount()).isEqualTo(1);
        });
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
    assertThat(f.events).isEmpty();
    api.addComment(f.animTask.id(), f.wip.id(), "non-retake statuses are never capped");
  }

  @Test
  void addComment_entityOverride_replacesTheProjectCap() {
    f.setProject(p -> p.withMaxRetakes(5));
    f.engine.write(f.admin.id(), tx -> {
      dev.prodtrack.model.Entity e = tx.require("entity", f.shot);
      tx.put(e.id(), e.withData(Map.of("max_retakes", 1)));
      return null;
    });
    TaskApi api = f.tasks(f.manager);
    api.addComment(f.animTask.id(), f.retake.id(), "");
    f.tick();
    api.addComment(f.animTask.id(), f.wfa.id(), "");
    assertThatThrownBy(() -> api.addComment(f.animTask.id(), f.retake.id(), ""))
        .isInstanceOf(RetakeCapReachedException.class);
  }

  @Test
  void addComment_projectCapZero_ignoresTheEntityOverride() {
    f.engine.write(f.admin.id(), tx -> {
      dev.prodtrack.model.Entity e = tx.require("entity", f.shot);
      tx.put(e.id(), e.withData(Map.of("max_retakes", 1)));
      return null;
    });
    TaskApi api = f.tasks(f.manager);
    for (int i = 0; i < 3; i++) {
      f.tick();
      api.addComment(f.animTask.id(), f.retake.id(), "");
      f.tick();
      api.addComment(f.animTask.id(), f.wfa.id(), "");
    }
    assertThat(f.task(f.animTask).retakeCount()).isEqualTo(3);
  }

  @Test
  void addComment_artistWithStatusClosedToArtists_isRefused() {
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.artist).addComment(f.animTask.id(), f.done.id(), ""))
        .isInstanceOfSatisfying(StatusNotAllowedException.class, e -> {
          assertThat(e.status()).isEqualTo(f.done.id());
          assertThat(e.projectRole()).isEqualTo(Role.USER);
        });
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void addComment_clientWithStatusClosedToClients_isRefused() {
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.client).addComment(f.animTask.id(), f.closedToArtists.id(), ""))
        .isInstanceOf(StatusNotAllowedException.class);
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
    f.tasks(f.client).addComment(f.animTask.id(), f.wfa.id(), "clients act on tasks of their projects");
  }

  @Test
  void addComment_statusRestrictionUsesTheProjectRole() {
    f.join(f.artist, Role.SUPERVISOR);
    f.tasks(f.artist).addComment(f.animTask.id(), f.done.id(), "a supervisor on this project");
    assertThat(f.task(f.animTask).taskStatusId()).isEqualTo(f.done.id());
  }

  @Test
  void addComment_personWithoutAccess_isRefused() {
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.outsider).addComment(f.animTask.id(), f.wip.id(), ""))
        .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
          assertThat(e.actor()).isEqualTo(f.outsider.id());
          assertThat(e.target()).isEqualTo(f.animTask.id());
        });
    assertThatThrownBy(() -> f.tasks(f.artist2).addComment(f.animTask.id(), f.wip.id(), ""))
        .as("a team artist who is not assigned").isInstanceOf(PermissionDeniedException.class);
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void addComment_mentionedTeamMember_mayCommentWithTheCurrentStatusOnly() {
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "@Bo Painter can you look?");
    Comment c = f.tasks(f.artist2).addComment(f.animTask.id(), f.wip.id(), "looks fine");
    assertThat(c.personId()).isEqualTo(f.artist2.id());
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.artist2).addComment(f.animTask.id(), f.wfa.id(), ""))
        .isInstanceOf(StatusNotAllowedException.class);
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void addComment_mentionsNeedTheBoundaryAndTeamMembership() {
    Comment c = f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(),
        "@Bo Painter and @Ari Artistry and @Oz Outsider");
    assertThat(c.mentions()).containsExactly(f.artist2.id());
  }

  @Test
  void addComment_supervisorWithNoDepartment_mayActOnAnyTask() {
    Comment c = f.tasks(f.supervisor).addComment(f.compTask.id(), f.wfa.id(), "");
    assertThat(c.taskStatusId()).isEqualTo(f.wfa.id());
  }

  @Test
  void addComment_unknownTask_isATypedError() {
    var missing = new dev.prodtrack.model.TaskId(java.util.UUID.fromString("00000000-0000-4000-8000-000000000001"));
    assertThatThrownBy(() -> f.tasks(f.admin).addComment(missing, f.wip.id(), ""))
        .isInstanceOfSatisfying(UnknownIdException.class, e -> assertThat(e.id()).isEqualTo(missing));
  }

  @Test
  void startTask_postsTheWipStatus() {
    f.tick();
    Comment c = f.tasks(f.artist).startTask(f.animTask.id());
    assertThat(c.taskStatusId()).isEqualTo(f.wip.id());
    assertThat(f.task(f.animTask).realStartDate()).isEqualTo(f.clock.instant());
  }

  @Test
  void allCommentsForTask_newestFirst_andClientCommentsHiddenFromArtists() {
    f.tick();
    Comment first = f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "one");
    f.tick();
    Comment byClient = f.tasks(f.client).addComment(f.animTask.id(), f.wip.id(), "client says");
    f.tick();
    Comment last = f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "three");
    assertThat(f.tasks(f.manager).allCommentsForTask(f.animTask.id())).extracting(Comment::id)
        .containsExactly(last.id(), byClient.id(), first.id());
    assertThat(f.tasks(f.artist).allCommentsForTask(f.animTask.id())).extracting(Comment::id)
        .containsExactly(last.id(), first.id());
    assertThat(f.tasks(f.client).allCommentsForTask(f.animTask.id())).extracting(Comment::id)
        .containsExactly(byClient.id());
    assertThat(f.tasks(f.manager).getLastComment(f.animTask.id())).map(Comment::id).contains(last.id());
  }
}
