package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.News;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.NotificationType;
import dev.prodtrack.model.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Notifications, news and subscriptions made by comments, assignments, moves and deletions (§2.5, §3.3). */
class NotificationsTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  private List<Notification> of(Person p) {
    return f.engine.as(p.id()).user().allNotifications(false);
  }

  private List<News> news() {
    return f.tasks(f.admin).allNewsForProject(f.project);
  }

  @Test
  void comment_notifiesAssigneesNotTheAuthor_andMakesOneNews() {
    Comment c = f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "go");
    assertThat(of(f.artist)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo(NotificationType.COMMENT);
      assertThat(n.commentId()).isEqualTo(c.id());
      assertThat(n.change()).isTrue();
      assertThat(n.read()).isFalse();
      assertThat(n.authorId()).isEqualTo(f.manager.id());
    });
    assertThat(of(f.manager)).isEmpty();
    assertThat(news()).singleElement().satisfies(n -> {
      assertThat(n.commentId()).isEqualTo(c.id());
      assertThat(n.change()).isTrue();
      assertThat(n.createdAt()).isEqualTo(c.createdAt());
    });
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "same status");
    assertThat(of(f.artist).get(0).change()).as("newest first; no status change").isFalse();
  }

  @Test
  void mentions_personAndDepartmentMembersInTheTeam() {
    var dept = f.engine.as(f.admin.id()).person().newDepartment("Lighting", "#ffff00");
    f.engine.as(f.admin.id()).person().addToDepartment(f.supervisor.id(), dept.id());
    f.engine.as(f.admin.id()).person().addToDepartment(f.outsider.id(), dept.id());
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "@Bo Painter and @Lighting please");
    assertThat(of(f.artist2)).extracting(Notification::type).containsExactly(NotificationType.MENTION);
    assertThat(of(f.supervisor)).extracting(Notification::type).containsExactly(NotificationType.MENTION);
    assertThat(of(f.outsider)).as("not in the team").isEmpty();
  }

  @Test
  void subscribers_ofTheTaskAndOfTheSequenceForTheTaskType() {
    assertThat(f.tasks(f.supervisor).subscribeToTask(f.animTask.id())).isTrue();
    assertThat(f.tasks(f.supervisor).subscribeToTask(f.animTask.id())).isFalse();
    f.tasks(f.artist2).subscribeToSequence(f.sequence, f.animation.id());
    f.tasks(f.client).subscribeToSequence(f.sequence, f.compositing.id());
    assertThat(f.tasks(f.admin).subscribers(f.animTask.id())).containsExactlyInAnyOrder(f.supervisor.id(), f.artist2.id());
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "");
    assertThat(of(f.supervisor)).hasSize(1);
    assertThat(of(f.artist2)).hasSize(1);
    assertThat(of(f.client)).isEmpty();
    assertThat(f.tasks(f.supervisor).unsubscribeFromTask(f.animTask.id())).isTrue();
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "");
    assertThat(of(f.supervisor)).hasSize(1);
  }

  @Test
  void commentNotifications_oncePerPerson_neverTheAuthor_withFewAndWithManyRecipients() {
    // The assignee also follows the task and its sequence; the author follows the task.
    f.tasks(f.artist).subscribeToTask(f.animTask.id());
    f.tasks(f.artist).subscribeToSequence(f.sequence, f.animation.id());
    f.tasks(f.manager).subscribeToTask(f.animTask.id());
    f.tasks(f.supervisor).subscribeToSequence(f.sequence, f.animation.id());
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "");
    assertThat(of(f.artist)).as("assignee and twice a follower").hasSize(1);
    assertThat(of(f.supervisor)).hasSize(1);
    assertThat(of(f.manager)).as("the author").isEmpty();
    // Past the scan's limit (16 recipients), the set path: 20 more followers in the team.
    List<Person> many = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Person p = f.engine.as(f.admin.id()).person().newPerson("Fan" + i, "Follower", "fan" + i + "@studio.test",
          dev.prodtrack.model.Role.USER);
      f.engine.as(f.admin.id()).project().addPersonToTeam(f.project, p.id());
      f.tasks(p).subscribeToTask(f.animTask.id());
      f.tasks(p).subscribeToSequence(f.sequence, f.animation.id());
      many.add(p);
    }
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    assertThat(of(f.artist)).hasSize(2);
    assertThat(of(f.supervisor)).hasSize(2);
    assertThat(of(f.manager)).isEmpty();
    many.forEach(p -> assertThat(of(p)).as("follower %s", p.firstName()).hasSize(1));
  }

  @Test
  void assignation_notifiesTheAssigneeUnlessSelfAssigned() {
    f.tasks(f.manager).assignTask(f.compTask.id(), f.artist2.id());
    assertThat(of(f.artist2)).extracting(Notification::type).containsExactly(NotificationType.ASSIGNATION);
    f.tasks(f.manager).assignTask(f.compTask.id(), f.manager.id());
    assertThat(of(f.manager)).isEmpty();
  }

  @Test
  void move_rebuildsNotificationsAndNewsOnTheTarget() {
    f.tasks(f.manager).assignTask(f.compTask.id(), f.artist2.id());
    f.clock.set(Fixture.START.plus(Duration.ofDays(1)));
    Instant when = Fixture.START.plus(Duration.ofHours(2));
    Comment c = f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "@Ari Artist see",
        CommentOptions.NONE.withCreatedAt(when));
    f.tasks(f.manager).moveCommentToTask(f.animTask.id(), c.id(), f.compTask.id());
    assertThat(of(f.artist)).as("the source assignee keeps only the rebuilt mention")
        .extracting(Notification::type).containsExactly(NotificationType.MENTION);
    assertThat(of(f.artist2)).extracting(Notification::type)
        .containsExactlyInAnyOrder(NotificationType.COMMENT, NotificationType.ASSIGNATION);
    assertThat(of(f.artist2)).filteredOn(n -> n.type() == NotificationType.COMMENT)
        .allSatisfy(n -> assertThat(n.change()).isFalse());
    assertThat(news()).singleElement().satisfies(n -> {
      assertThat(n.taskId()).isEqualTo(f.compTask.id());
      assertThat(n.change()).isFalse();
      assertThat(n.createdAt()).isEqualTo(when);
    });
  }

  @Test
  void removeComment_dropsItsNotificationsAndNews() {
    Comment c = f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "");
    f.tasks(f.manager).removeComment(c.id());
    assertThat(of(f.artist)).isEmpty();
    assertThat(news()).isEmpty();
  }

  @Test
  void removeTask_anAssignationNotificationNeedsForce() {
    f.tasks(f.manager).assignTask(f.compTask.id(), f.artist2.id());
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.manager).removeTask(f.compTask.id(), false))
        .isInstanceOfSatisfying(RuleViolationException.class,
            e -> assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.HAS_DEPENDANTS));
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
    f.tasks(f.artist2).subscribeToTask(f.compTask.id());
    f.tasks(f.manager).removeTask(f.compTask.id(), true);
    assertThat(of(f.artist2)).isEmpty();
  }

  @Test
  void readState_perPersonAndOnlyTheirOwn() {
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "");
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    UserApi artist = f.engine.as(f.artist.id()).user();
    Notification first = artist.allNotifications(true).get(0);
    assertThat(artist.markNotificationRead(first.id(), true).read()).isTrue();
    assertThat(artist.allNotifications(true)).hasSize(1);
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.engine.as(f.artist2.id()).user().markNotificationRead(first.id(), false))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
    assertThat(artist.markAllNotificationsRead()).isEqualTo(1);
    assertThat(artist.allNotifications(true)).isEmpty();
    assertThat(artist.allNotifications(false)).hasSize(2);
  }

  @Test
  void conceptTasks_getNoNews() {
    var concepts = f.tasks(f.admin).newTaskType("Concept Art", "Concept", null);
    var concept = f.engine.as(f.manager.id()).asset().newConcept(f.project, "Hero sketch", null);
    var task = f.tasks(f.manager).newTask(concept.id(), concepts.id());
    assertThat(task.taskStatusId()).isEqualTo(f.neutral.id());
    f.tasks(f.manager).addComment(task.id(), f.wip.id(), "");
    assertThat(news()).isEmpty();
  }
}
