package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prodtrack.model.Task;
import dev.prodtrack.schedule.LateTasks;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The questions answered from indexes kept on every mutation: late tasks of a project by due date, and
 * time spent per person over a range of days. (The property over random mutation sequences is in
 * {@link EngineStateProperties}; these are the hand-worked cases.)
 */
class IndexedQueriesTest {
  private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  private Task due(Task t, LocalDate day) {
    return f.tasks(f.admin).updateTask(f.task(t).withDueDate(day));
  }

  @Test
  void lateTasks_countAll_listTheMostLateFirst_andFollowDueAndDoneChanges() {
    due(f.animTask, MONDAY.plusDays(2));
    due(f.compTask, MONDAY);
    due(f.modelTask, MONDAY.plusDays(9));
    ScheduleApi schedule = f.engine.as(f.admin.id()).schedule();

    LateTasks late = schedule.lateTasks(f.project, MONDAY.plusDays(3), 1);
    assertThat(late.count()).isEqualTo(2);
    assertThat(late.mostLate()).extracting(Task::id).containsExactly(f.compTask.id());
    assertThat(schedule.lateTasks(f.project, MONDAY, 10).count()).as("due on the day is not late").isZero();
    assertThat(schedule.lateTasks(f.project, MONDAY.plusDays(10), 0)).isEqualTo(new LateTasks(3, java.util.List.of()));

    f.tasks(f.admin).addComment(f.compTask.id(), f.done.id(), "done");
    late = schedule.lateTasks(f.project, MONDAY.plusDays(10), 10);
    assertThat(late.count()).as("a done task is not late").isEqualTo(2);
    assertThat(late.mostLate()).extracting(Task::id).containsExactly(f.animTask.id(), f.modelTask.id());
    assertThat(f.tasks(f.admin).allLateTasks(f.project, MONDAY.plusDays(10))).isEqualTo(late.mostLate());

    due(f.modelTask, null);
    assertThat(schedule.lateTasks(f.project, MONDAY.plusDays(10), 10).mostLate()).extracting(Task::id)
        .as("no due date, never late").containsExactly(f.animTask.id());
  }

  @Test
  void lateTasks_negativeLimit_orUnreadableProject_isRefused() {
    Refusal.check(f.engine, f.events, IllegalArgumentException.class,
        () -> f.engine.as(f.admin.id()).schedule().lateTasks(f.project, MONDAY, -1));
    Refusal.check(f.engine, f.events, PermissionDeniedException.class,
        () -> f.engine.as(f.outsider.id()).schedule().lateTasks(f.project, MONDAY, 10));
  }

  @Test
  void timeSpentTotals_sumEachPersonsDaysInTheRange() {
    f.tasks(f.admin).assignTask(f.compTask.id(), f.artist.id());
    TaskApi artist = f.tasks(f.artist);
    artist.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(2));
    artist.setTimeSpent(f.compTask.id(), f.artist.id(), MONDAY, Duration.ofHours(1));
    artist.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY.plusDays(31), Duration.ofHours(4));
    f.tasks(f.artist2).setTimeSpent(f.modelTask.id(), f.artist2.id(), MONDAY.plusDays(1), Duration.ofMinutes(30));
    ScheduleApi admin = f.engine.as(f.admin.id()).schedule();

    assertThat(admin.timeSpentTotals(MONDAY, MONDAY.plusDays(30)))
        .isEqualTo(Map.of(f.artist.id(), Duration.ofHours(3), f.artist2.id(), Duration.ofMinutes(30)));
    assertThat(admin.timeSpentTotals(MONDAY.minusYears(5), MONDAY.plusYears(5)))
        .as("a range longer than the logged days").containsEntry(f.artist.id(), Duration.ofHours(7));

    artist.removeTimeSpent(f.compTask.id(), f.artist.id(), MONDAY);
    artist.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofMinutes(90));
    assertThat(admin.timeSpentTotals(MONDAY, MONDAY)).isEqualTo(Map.of(f.artist.id(), Duration.ofMinutes(90)));
    assertThat(admin.timeSpentTotals(MONDAY.plusDays(2), MONDAY.plusDays(30))).isEmpty();
    assertThat(f.engine.as(f.artist2.id()).schedule().timeSpentTotals(MONDAY, MONDAY.plusDays(30)))
        .as("anyone but an admin or a manager sees his own total").isEqualTo(Map.of(f.artist2.id(), Duration.ofMinutes(30)));
  }

  @Test
  void earnedValue_ofTheProject_equalsTheScan_evenWhenTheSumOverflowsALong() {
    // Two hundred years of estimation each: three of them overflow a long of nanoseconds.
    Duration huge = Duration.ofDays(365L * 200);
    for (Task t : java.util.List.of(f.animTask, f.compTask, f.modelTask)) {
      f.tasks(f.admin).updateTask(f.task(t).withEstimation(huge).withStartDate(MONDAY).withDueDate(MONDAY.plusDays(14)));
    }
    f.tasks(f.admin).addComment(f.compTask.id(), f.done.id(), "done");
    f.tasks(f.admin).addComment(f.animTask.id(), f.wfa.id(), "to review");
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(3));
    ScheduleApi schedule = f.engine.as(f.admin.id()).schedule();
    var calendar = schedule.calendar(java.util.List.of());
    for (var rule : dev.prodtrack.schedule.EarningRule.values()) {
      var indexed = schedule.earnedValue(f.project, MONDAY.plusDays(7), rule, java.time.ZoneOffset.UTC, calendar);
      var scanned = schedule.earnedValueByScan(dev.prodtrack.schedule.Scope.of(f.project), MONDAY.plusDays(7), rule,
          java.time.ZoneOffset.UTC, calendar);
      assertThat(indexed.bac()).as("BAC, %s", rule).isCloseTo(3 * 365 * 200 * 3.0, within(1e-6))
          .isCloseTo(scanned.bac(), within(1e-6));
      assertThat(indexed.pv()).as("PV, %s", rule).isCloseTo(scanned.pv(), within(1e-6));
      assertThat(indexed.ev()).as("EV, %s", rule).isCloseTo(scanned.ev(), within(1e-6)).isPositive();
      assertThat(indexed.ac()).as("AC, %s", rule).isEqualTo(scanned.ac()).isEqualTo(3 / 8.0);
    }
  }

  @Test
  void timeSpentTotals_rangeBackwards_isRefused() {
    Refusal.check(f.engine, f.events, IllegalArgumentException.class,
        () -> f.engine.as(f.admin.id()).schedule().timeSpentTotals(MONDAY, MONDAY.minusDays(1)));
  }
}
