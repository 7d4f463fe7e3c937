package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.NotificationType;
import dev.prodtrack.model.Person;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Comment edit, replies, acknowledgements, pins and hashtags (kitsu-semantics §2.1 step 3, §2.5). */
class CommentPipelineTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  private List<Notification> of(Person p) {
    return f.engine.as(p.id()).user().allNotifications(false);
  }

  private void refused(Runnable r, Class<? extends Throwable> type) {
    Refusal.check(f.engine, f.events, type, r::run);
  }

  @Test
  void updateComment_textRebuildsMentionNotifications() {
    Comment c = f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "@Bo Painter look");
    assertThat(of(f.artist2)).extracting(Notification::type).containsExactly(NotificationType.MENTION);
    Comment edited = f.tasks(f.manager).updateComment(c.id(), "@Sue Super look", null);
    assertThat(edited.mentions()).containsExactly(f.supervisor.id());
    assertThat(edited.editorId()).isEqualTo(f.manager.id());
    assertThat(of(f.artist2)).isEmpty();
    assertThat(of(f.supervisor)).extracting(Notification::type).containsExactly(NotificationType.MENTION);
    assertThat(of(f.artist)).as("the comment notification is kept").hasSize(1);
  }

  @Test
  void updateComment_statusReplaysAndReportsTheChange() {
    f.tick();
    Comment c = f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    f.events.clear();
    f.tasks(f.manager).updateComment(c.id(), null, f.retake.id());
    assertThat(f.task(f.animTask).taskStatusId()).isEqualTo(f.retake.id());
    assertThat(f.task(f.animTask).retakeCount()).isEqualTo(1);
    assertThat(f.eventNames()).containsExactly(EventNames.COMMENT_UPDATE, EventNames.TASK_STATUS_CHANGED,
        EventNames.TASK_UPDATE);
  }

  @Test
  void updateComment_byTheAuthorOrAManagerOnly() {
    Comment c = f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "mine");
    refused(() -> f.tasks(f.artist2).updateComment(c.id(), "not mine", null), PermissionDeniedException.class);
    assertThat(f.tasks(f.artist).updateComment(c.id(), "still mine", null).text()).isEqualTo("still mine");
  }

  @Test
  void replies_notifyTheThreadAndMentions() {
    Comment c = f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "");
    Comment replied = f.tasks(f.artist).replyToComment(c.id(), "on it @Bo Painter");
    var reply = replied.replies().get(0);
    assertThat(reply.personId()).isEqualTo(f.artist.id());
    assertThat(reply.mentions()).containsExactly(f.artist2.id());
    assertThat(of(f.manager)).extracting(Notification::type).containsExactly(NotificationType.REPLY);
    assertThat(of(f.artist2)).extracting(Notification::type).containsExactly(NotificationType.REPLY_MENTION);
    f.tasks(f.manager).replyToComment(c.id(), "thanks");
    assertThat(of(f.artist)).extracting(Notification::type)
        .contains(NotificationType.REPLY).as("the earlier replier is notified");
    // The mention in the reply gives artist2 comment access on the task, with its current status only.
    f.tasks(f.artist2).addComment(f.animTask.id(), f.wip.id(), "seen");
    f.tasks(f.artist).removeReply(c.id(), reply.id());
    assertThat(of(f.artist2)).extracting(Notification::type).doesNotContain(NotificationType.REPLY_MENTION);
    refused(() -> f.tasks(f.outsider).replyToComment(c.id(), "hi"), PermissionDeniedException.class);
  }

  @Test
  void acknowledge_togglesAndPin_isForManagers() {
    Comment c = f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "");
    assertThat(f.tasks(f.artist).acknowledgeComment(c.id()).acknowledgements()).containsExactly(f.artist.id());
    assertThat(f.tasks(f.artist).acknowledgeComment(c.id()).acknowledgements()).isEmpty();
    refused(() -> f.tasks(f.artist).pinComment(c.id(), true), PermissionDeniedException.class);
    assertThat(f.tasks(f.manager).pinComment(c.id(), true).pinned()).isTrue();
  }

  @Test
  void hashtags_repostOnSiblingTasksWithTheirOwnStatus() {
    f.tasks(f.manager).addComment(f.compTask.id(), f.wfa.id(), "");
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "new timing #compositing");
    List<Comment> onComp = f.tasks(f.admin).allCommentsForTask(f.compTask.id());
    assertThat(onComp).hasSize(2);
    assertThat(onComp.get(0).text()).isEqualTo("new timing #compositing\nFrom Animation task");
    assertThat(onComp.get(0).taskStatusId()).isEqualTo(f.wfa.id());
    assertThat(f.task(f.compTask).taskStatusId()).isEqualTo(f.wfa.id());
    assertThat(f.tasks(f.admin).allCommentsForTask(f.modelTask.id())).as("another entity").isEmpty();
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "everyone #ALL");
    assertThat(f.tasks(f.admin).allCommentsForTask(f.compTask.id())).hasSize(3);
    assertThat(f.tasks(f.admin).allCommentsForTask(f.animTask.id())).hasSize(2);
  }
}
