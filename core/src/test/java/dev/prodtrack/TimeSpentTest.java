package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.TimeSpent;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Set, add and remove time spents, their access rule and the task duration (kitsu-semantics §2.6). */
class TimeSpentTest {
  private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  @Test
  void setTimeSpent_replacesAndAddTimeSpent_sums() {
    TaskApi api = f.tasks(f.artist);
    api.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(2));
    api.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(3));
    assertThat(f.task(f.animTask).duration()).isEqualTo(Duration.ofHours(3));
    TimeSpent row = api.addTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofMinutes(30));
    assertThat(row.duration()).isEqualTo(Duration.ofMinutes(210));
    api.addTimeSpent(f.animTask.id(), f.artist.id(), MONDAY.plusDays(1), Duration.ofHours(1));
    assertThat(f.task(f.animTask).duration()).isEqualTo(Duration.ofMinutes(270));
    TimeSpentReport report = api.getTimeSpents(f.animTask.id());
    assertThat(report.rows()).hasSize(2);
    assertThat(report.total()).isEqualTo(Duration.ofMinutes(270));
    assertThat(report.byPerson()).containsOnlyKeys(f.artist.id());
    assertThat(api.getTimeSpents(f.animTask.id(), MONDAY).total()).isEqualTo(Duration.ofMinutes(210));
  }

  @Test
  void setTimeSpent_newRow_bumpsLastPresenceAndEmitsEvents() {
    f.events.clear();
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(2));
    assertThat(f.engine.as(f.admin.id()).person().getPerson(f.artist.id()).lastPresence()).isEqualTo(MONDAY);
    assertThat(f.eventNames()).containsExactly(EventNames.TIME_SPENT_NEW, EventNames.TASK_UPDATE);
    f.events.clear();
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(1));
    assertThat(f.eventNames()).containsExactly(EventNames.TIME_SPENT_UPDATE, EventNames.TASK_UPDATE);
  }

  @Test
  void removeTimeSpent_recomputesTheDuration() {
    TaskApi api = f.tasks(f.manager);
    api.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(2));
    api.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY.plusDays(1), Duration.ofHours(4));
    TimeSpent removed = api.removeTimeSpent(f.animTask.id(), f.artist.id(), MONDAY);
    assertThat(removed.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(f.task(f.animTask).duration()).isEqualTo(Duration.ofHours(4));
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> api.removeTimeSpent(f.animTask.id(), f.artist.id(), MONDAY))
        .isInstanceOfSatisfying(RuleViolationException.class,
            e -> assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.NO_TIME_SPENT));
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void setTimeSpent_zeroOrNegative_isRefused() {
    String digest = f.engine.stateDigest();
    TaskApi api = f.tasks(f.artist);
    assertThatThrownBy(() -> api.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
    assertThatThrownBy(() -> api.addTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofMinutes(-5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void setTimeSpent_forANonAssignee_isRefusedEvenForAnAdmin() {
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.admin).setTimeSpent(f.animTask.id(), f.artist2.id(), MONDAY, Duration.ofHours(1)))
        .isInstanceOfSatisfying(RuleViolationException.class, e -> {
          assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.NOT_ASSIGNED);
          assertThat(e.ids()).contains(f.artist2.id(), f.animTask.id());
        });
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void setTimeSpent_forSomeoneElse_needsAdminOrTeamManager() {
    f.tasks(f.manager).assignTask(f.animTask.id(), f.artist2.id());
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist2.id(), MONDAY, Duration.ofHours(1)))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> f.tasks(f.supervisor).setTimeSpent(f.animTask.id(), f.artist2.id(), MONDAY, Duration.ofHours(1)))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
    f.tasks(f.manager).setTimeSpent(f.animTask.id(), f.artist2.id(), MONDAY, Duration.ofHours(1));
    f.tasks(f.admin).setTimeSpent(f.animTask.id(), f.artist2.id(), MONDAY, Duration.ofHours(2));
    assertThat(f.task(f.animTask).duration()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void timeSpents_areIndependentOfComments() {
    TaskApi api = f.tasks(f.artist);
    api.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(2));
    f.tick();
    api.addComment(f.animTask.id(), f.wip.id(), "");
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "", CommentOptions.NONE.withCreatedAt(Fixture.START));
    assertThat(f.task(f.animTask).duration()).as("a replay keeps the sum of time spents").isEqualTo(Duration.ofHours(2));
  }

  @Test
  void setTimeSpent_olderDay_doesNotMoveLastPresenceBackwards() {
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY.plusDays(2), Duration.ofHours(2));
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(2));
    assertThat(f.engine.as(f.admin.id()).person().getPerson(f.artist.id()).lastPresence()).isEqualTo(MONDAY.plusDays(2));
  }
}
