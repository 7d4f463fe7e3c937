package dev.prodtrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prodtrack.ProdTrack;
import dev.prodtrack.RuleViolationException;
import dev.prodtrack.Session;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskTypeLink;
import dev.prodtrack.model.TimeSpent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionGeneratorTest {
  private static final long SEED = 42;

  private ProdTrack small;
  private Production s;
  private Session admin;
  private List<Task> tasks;

  @BeforeAll
  void generateS() {
    small = ProductionGenerator.newEngine(SEED);
    s = ProductionGenerator.generate(small, Size.S, SEED);
    admin = small.as(s.admin());
    tasks = admin.task().allTasksForProject(s.project());
  }

  @AfterAll
  void close() {
    small.close();
  }

  private static Production tiny(ProdTrack engine, long seed) {
    return ProductionGenerator.generate(engine, Size.TINY, seed);
  }

  @Test
  void generate_tiny_hasTheSizesStructure() {
    try (ProdTrack engine = ProductionGenerator.newEngine(SEED)) {
      Production p = tiny(engine, SEED);

      assertThat(p.sequences()).hasSize(1);
      assertThat(p.shots()).hasSize(5);
      assertThat(p.shotTaskTypes()).extracting(t -> t.name()).containsExactly("Layout", "Animation", "Compositing");
      assertThat(p.shotTasks()).hasSize(15);
      assertThat(p.assets()).hasSize(4);
      assertThat(p.assetTasks()).hasSize(8);
      assertThat(p.persons()).hasSize(1 + Size.TINY.persons()).doesNotHaveDuplicates();
      assertThat(p.episodes()).isEmpty();
      assertThat(p.now()).isEqualTo(ProductionGenerator.DEFAULT_NOW);
      assertThat(p.asOf()).isEqualTo(ProductionGenerator.DEFAULT_AS_OF);
      engine.checkInvariants();
    }
  }

  @Test
  void generate_sameSeed_sameDigest() {
    try (ProdTrack a = ProductionGenerator.newEngine(SEED); ProdTrack b = ProductionGenerator.newEngine(SEED)) {
      Production pa = tiny(a, SEED);
      Production pb = tiny(b, SEED);

      assertThat(a.stateDigest()).isEqualTo(b.stateDigest());
      assertThat(pa).isEqualTo(pb);
    }
  }

  @Test
  void generate_s_sameSeed_sameDigest() {
    try (ProdTrack again = ProductionGenerator.newEngine(SEED)) {
      ProductionGenerator.generate(again, Size.S, SEED);

      assertThat(again.stateDigest()).isEqualTo(small.stateDigest());
    }
  }

  @Test
  void generate_differentSeed_differentDigest() {
    try (ProdTrack a = ProductionGenerator.newEngine(SEED); ProdTrack b = ProductionGenerator.newEngine(SEED)) {
      tiny(a, SEED);
      tiny(b, SEED + 1);

      assertThat(a.stateDigest()).isNotEqualTo(b.stateDigest());
    }
  }

  @Test
  void generate_intoAStudioWithPeople_isRefusedAndCreatesNothing() {
    try (ProdTrack engine = ProductionGenerator.newEngine(SEED)) {
      tiny(engine, SEED);
      String digest = engine.stateDigest();

      assertThatThrownBy(() -> tiny(engine, SEED)).isInstanceOf(RuleViolationException.class);
      assertThat(engine.stateDigest()).isEqualTo(digest);
    }
  }

  @Test
  void generate_s_passesTheInvariants() {
    small.checkInvariants();
  }

  @Test
  void generate_s_counts() {
    assertThat(s.sequences()).hasSize(10);
    assertThat(s.shots()).hasSize(300);
    assertThat(s.assets()).hasSize(40);
    assertThat(s.shotTaskTypes()).hasSize(8);
    assertThat(s.assetTaskTypes()).hasSize(4);
    assertThat(s.shotTasks()).hasSize(2_400);
    assertThat(s.assetTasks()).hasSize(160);
    assertThat(tasks).hasSize(Size.S.tasks());
    assertThat(admin.shot().allShotsForProject(s.project())).hasSize(300);
    assertThat(admin.asset().allAssetsForProject(s.project())).hasSize(40);
    assertThat(s.persons()).hasSize(1 + Size.S.persons());
    assertThat(s.artists().size()).isGreaterThan(s.persons().size() / 2);
    assertThat(s.managers()).isNotEmpty();
    assertThat(s.supervisors()).isNotEmpty();
    assertThat(s.clients()).isNotEmpty();
    assertThat(s.daysOff()).isPositive();
    assertThat(s.comments()).isBetween(3 * tasks.size(), 6 * tasks.size());
  }

  @Test
  void generate_s_commentsAndTimeSpentsAreInTheEngine() {
    int comments = 0;
    int timeSpents = 0;
    for (Task t : tasks) {
      comments += admin.task().allCommentsForTask(t.id()).size();
      timeSpents += admin.task().getTimeSpents(t.id()).rows().size();
    }
    assertThat(comments).isEqualTo(s.comments());
    assertThat(timeSpents).isEqualTo(s.timeSpents());
  }

  @Test
  void generate_s_everyArtistHasATodoList() {
    for (PersonId artist : s.artists()) {
      assertThat(small.as(artist).user().allTasksToDo()).as("todo of %s", artist).isNotEmpty();
    }
  }

  @Test
  void generate_s_statusesSpread() {
    Defaults d = s.defaults();
    Map<TaskStatusId, Integer> byStatus = new HashMap<>();
    tasks.forEach(t -> byStatus.merge(t.taskStatusId(), 1, Integer::sum));
    int n = tasks.size();

    assertThat(byStatus.getOrDefault(d.done().id(), 0)).isBetween(n / 4, 3 * n / 4);
    assertThat(byStatus.getOrDefault(d.todo().id(), 0)).isBetween(n / 20, n / 2);
    for (TaskStatus st : List.of(d.wip(), d.wfa(), d.retake(), d.ready())) {
      assertThat(byStatus.getOrDefault(st.id(), 0)).as(st.name()).isPositive();
    }
    assertThat(tasks).anyMatch(t -> t.retakeCount() > 0);
    assertThat(admin.user().allTasksToCheck()).isNotEmpty();
    assertThat(admin.task().allLateTasks(s.project(), s.asOf())).isNotEmpty();
  }

  @Test
  void generate_s_taskFields() {
    Map<Integer, Integer> byPriority = new HashMap<>();
    int unassigned = 0;
    for (Task t : tasks) {
      byPriority.merge(t.priority(), 1, Integer::sum);
      assertThat(t.priority()).isBetween(0, 3);
      assertThat(t.difficulty()).isBetween(1, 5);
      assertThat(t.estimation()).isBetween(Duration.ofHours(4), Duration.ofHours(80));
      assertThat(t.startDate()).isNotNull();
      assertThat(t.dueDate()).isAfterOrEqualTo(t.startDate());
      assertThat(t.startDate().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      assertThat(t.dueDate().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      assertThat(t.startDate()).isBetween(s.asOf().minusMonths(10), s.asOf().plusMonths(3));
      assertThat(t.assignees()).hasSizeLessThanOrEqualTo(2);
      unassigned += t.assignees().isEmpty() ? 1 : 0;
    }
    assertThat(byPriority.get(0)).isGreaterThan(tasks.size() / 2);
    assertThat(byPriority).containsKeys(1, 2, 3);
    assertThat(unassigned).isPositive().isLessThan(tasks.size() / 5);
  }

  @Test
  void generate_s_commentsWalkForwardInThePast() {
    Instant now = s.now();
    for (Task t : tasks.subList(0, 500)) {
      List<Comment> newestFirst = admin.task().allCommentsForTask(t.id());
      for (int i = 0; i < newestFirst.size(); i++) {
        Comment c = newestFirst.get(i);
        assertThat(c.createdAt()).isBefore(now);
        assertThat(c.createdAt().atZone(java.time.ZoneOffset.UTC).getDayOfWeek())
            .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        if (i + 1 < newestFirst.size()) {
          assertThat(c.createdAt()).isAfter(newestFirst.get(i + 1).createdAt());
        }
      }
      if (!newestFirst.isEmpty()) {
        assertThat(t.lastCommentDate()).isEqualTo(newestFirst.get(0).createdAt());
        assertThat(t.taskStatusId()).isEqualTo(newestFirst.get(0).taskStatusId());
      }
    }
  }

  @Test
  void generate_s_timeSpentsOnAssigneesOnly() {
    int started = 0;
    int rows = 0;
    for (Task t : tasks) {
      List<TimeSpent> ts = admin.task().getTimeSpents(t.id()).rows();
      Set<String> keys = new HashSet<>();
      for (TimeSpent row : ts) {
        assertThat(t.assignees()).contains(row.personId());
        assertThat(keys.add(row.personId() + "/" + row.date())).isTrue();
        assertThat(row.date()).isBeforeOrEqualTo(s.asOf());
        assertThat(row.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      }
      if (t.realStartDate() != null && !t.assignees().isEmpty()) {
        started++;
        rows += ts.size();
      }
    }
    assertThat((double) rows / started).isCloseTo(2.5, within(0.5));
  }

  @Test
  void generate_s_teamAndLinks() {
    assertThat(admin.project().team(s.project())).hasSize(s.persons().size() - 1);
    List<TaskTypeLink> links = admin.project().taskTypeLinks(s.project());
    assertThat(links).hasSize(s.assetTaskTypes().size() + s.shotTaskTypes().size());
    for (int i = 0; i < s.assetTaskTypes().size(); i++) {
      assertThat(links.get(i).taskTypeId()).isEqualTo(s.assetTaskTypes().get(i).id());
      assertThat(links.get(i).priority()).isEqualTo(i + 1);
    }
    Entity shot = admin.shot().getShot(s.shots().get(0));
    assertThat(shot.nbFrames()).isBetween(25, 275);
    assertThat(shot.data()).containsKeys("frame_in", "frame_out");
  }

  @Test
  void defaultAsOf_isTheDayOfTheDefaultClock() {
    assertThat(ProductionGenerator.DEFAULT_CLOCK.instant()).isEqualTo(ProductionGenerator.DEFAULT_NOW);
    assertThat(LocalDate.ofInstant(ProductionGenerator.DEFAULT_NOW, java.time.ZoneOffset.UTC))
        .isEqualTo(ProductionGenerator.DEFAULT_AS_OF);
  }

  @Test
  void generateWithGeneratorClock_taskDatesFollowTheCommentDates() {
    ProductionGenerator.Generated g = ProductionGenerator.generateInNewEngine(Size.TINY, 11);
    ProductionGenerator.Generated again = ProductionGenerator.generateInNewEngine(Size.TINY, 11);
    try {
      assertThat(g.clock().instant()).as("the clock is set back").isEqualTo(ProductionGenerator.DEFAULT_NOW);
      assertThat(g.engine().stateDigest()).isEqualTo(again.engine().stateDigest());
      g.engine().checkInvariants();
      var api = g.engine().as(g.production().admin()).task();
      int doneChecked = 0;
      for (var id : g.production().tasks()) {
        var t = api.getTask(id);
        var comments = api.allCommentsForTask(id);
        if (t.doneDate() != null) {
          // Live path: the done date is stamped when the status changes into done, i.e. by the oldest
          // comment of the final run of done comments (comments are listed newest first).
          java.time.Instant entered = null;
          for (var c : comments) {
            if (!c.taskStatusId().equals(t.taskStatusId())) {
              break;
            }
            entered = c.createdAt();
          }
          assertThat(t.doneDate()).isEqualTo(entered);
          doneChecked++;
        }
        if (t.realStartDate() != null) {
          assertThat(t.realStartDate()).isBefore(ProductionGenerator.DEFAULT_NOW);
        }
      }
      assertThat(doneChecked).isPositive();
    } finally {
      g.engine().close();
      again.engine().close();
    }
  }
}
