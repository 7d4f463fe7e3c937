package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TimeSpent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import org.junit.jupiter.api.Test;

/**
 * The comment pipeline's invariants over random action sequences (issue 3): comments added with random
 * statuses, authors and dates (back-dated included), moved, moved there and back, deleted, re-statused,
 * replied to; time logged; tasks reassigned. After every action:
 * <ol>
 *   <li>each comment lives on exactly one task, and moves preserve the set of comments;</li>
 *   <li>a task touched by a replay (move, delete, status edit, back-dated comment) equals the replay of
 *       its comment history, computed here independently; every task carries its newest comment's status
 *       and date;</li>
 *   <li>a move there and back leaves the comment unchanged and both tasks at their replay state;</li>
 *   <li>a refused move or delete leaves the state digest unchanged and publishes nothing;</li>
 *   <li>notifications and news reference existing comments and tasks, one news per non-concept comment,
 *       and 7. the indexes agree with a rebuild ({@code checkInvariants});</li>
 *   <li>moves never touch time spents or durations.</li>
 * </ol>
 * Examples: {@code -Dprodtrack.examples} (1,000 by default; the {@code soak} profile runs more); seed:
 * {@code -Dprodtrack.seed}.
 */
class CommentPipelineProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 31_337L);
  private static final int EXAMPLES = Integer.getInteger("prodtrack.examples", 1_000);
  private static final java.util.concurrent.atomic.AtomicInteger MOVES = new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger REFUSED_MOVES =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger DELETES = new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger REPLAYS = new java.util.concurrent.atomic.AtomicInteger();

  /** One decoded action. */
  record Action(int kind, int a, int b, int c) {
    static Action decode(int code) {
      return new Action(code % 8, (code / 8) % 7, (code / 56) % 5, (code / 280) % 64);
    }

    @Override
    public String toString() {
      return switch (kind) {
        case 0, 1 -> "Add[task=" + a % 3 + ", status=" + b + ", author=" + c % 4 + ", offset=" + (c * 5 - 200) + "]";
        case 2 -> "Move[comment=" + c + ", target=" + a % 3 + ", byArtist=" + (b == 0) + "]";
        case 3 -> "MoveThereAndBack[comment=" + c + ", target=" + a % 3 + "]";
        case 4 -> "Delete[comment=" + c + ", byArtist=" + (b == 0) + "]";
        case 5 -> "EditStatus[comment=" + c + ", status=" + b + "]";
        case 6 -> "Reply[comment=" + c + "]";
        default -> "LogOrAssign[day=" + a % 3 + ", assign=" + (b == 0) + "]";
      };
    }
  }

  @Test
  void commentPipeline_keepsItsInvariants() {
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(lists().of(integers().between(0, 8 * 7 * 5 * 64 - 1)).ofSizeBetween(1, 20))
        .checkAssert(codes -> {
          Run run = new Run(codes.stream().map(Action::decode).toList(), SEED + codes.size());
          try {
            run.play();
          } finally {
            run.engine.close();
          }
        });
    System.out.printf("CommentPipelineProperties: %d sequences, seed %d: %d moves, %d refused moves, %d deletes,"
        + " %d replays checked%n", EXAMPLES, SEED, MOVES.get(), REFUSED_MOVES.get(), DELETES.get(), REPLAYS.get());
    assertThat(MOVES.get()).as("the sequences exercise moves").isPositive();
    assertThat(REFUSED_MOVES.get()).as("and refused moves").isPositive();
    assertThat(DELETES.get()).as("and deletions").isPositive();
  }

  /**
   * One sequence against a freshly generated TINY production (seeded per example): two tasks of its first
   * shot, one task of its first asset, its first manager, supervisor, client and artist.
   */
  private static final class Run {
    final List<Action> actions;
    final ProductionGenerator.Generated g;
    final ProdTrack engine;
    final GeneratorClock clock;
    final List<dev.prodtrack.event.Event> events = new ArrayList<>();
    final List<Task> tasks;
    final TaskStatus[] statuses;
    final PersonId manager;
    final PersonId admin;
    final PersonId artist;
    final PersonId artist2;
    final PersonId[] authors;
    final TaskStatus todo;
    final Map<CommentId, TaskId> where = new HashMap<>();
    final List<CommentId> order = new ArrayList<>();
    int step;

    Run(List<Action> actions, long seed) {
      this.actions = actions;
      g = ProductionGenerator.generateInNewEngine(Size.TINY, seed);
      engine = g.engine();
      clock = g.clock();
      Production p = g.production();
      admin = p.admin();
      manager = p.managers().get(0);
      artist = p.artists().get(0);
      artist2 = p.artists().get(1);
      authors = new PersonId[] {manager, admin, p.supervisors().get(0), p.clients().get(0)};
      TaskApi api = engine.as(admin).task();
      List<Task> onShot = api.allTasksForShot(p.shots().get(0)).stream()
          .sorted(Comparator.comparing((Task t) -> t.id().value())).toList();
      tasks = List.of(onShot.get(0), onShot.get(1), api.getTask(p.assetTasks().get(0)));
      todo = p.defaults().todo();
      statuses = new TaskStatus[] {todo, p.defaults().wip(), p.defaults().wfa(), p.defaults().retake(),
          p.defaults().done()};
      // The artist works on the first task, so that time logged there and the artist's own comments exist.
      engine.as(manager).task().assignTask(tasks.get(0).id(), artist);
      List<Comment> existing = new ArrayList<>();
      for (Task t : tasks) {
        for (Comment c : api.allCommentsForTask(t.id())) {
          where.put(c.id(), t.id());
          existing.add(c);
        }
      }
      existing.sort(Comparator.comparing(Comment::createdAt));
      existing.forEach(c -> order.add(c.id()));
      engine.subscribe(events::add);
    }

    private TaskApi api(PersonId who) {
      return engine.as(who).task();
    }

    private Task current(Task t) {
      return api(admin).getTask(t.id());
    }

    String where() {
      return "seed " + SEED + ", step " + step + " of " + actions;
    }

    void play() {
      for (Action a : actions) {
        apply(a);
        check();
        step++;
      }
    }

    private CommentId pick(int i) {
      return order.isEmpty() ? null : order.get(i % order.size());
    }

    private void apply(Action a) {
      switch (a.kind()) {
        case 0, 1 -> {
          clock.set(clock.instant().plusSeconds(60));
          Task t = tasks.get(a.a() % 3);
          Instant at = clock.instant().plus(Duration.ofMinutes(a.c() * 5L - 200));
          Instant last = current(t).lastCommentDate();
          Comment[] posted = new Comment[1];
          // Supervisors outside the task type's department and clients on closed statuses are refused:
          // a refusal must change nothing; which ones are refused is CommentRulesTest's business.
          if (!attemptAny(() -> posted[0] = api(authors[a.c() % 4]).addComment(t.id(), statuses[a.b()].id(), "",
              CommentOptions.NONE.withCreatedAt(at)))) {
            return;
          }
          Comment c = posted[0];
          // Only managers may back-date: for the others the comment is dated now.
          boolean backDated = last != null && last.isAfter(c.createdAt());
          where.put(c.id(), t.id());
          order.add(c.id());
          if (backDated) {
            assertReplayed(t.id());
          }
        }
        case 2 -> {
          CommentId c = pick(a.c());
          if (c == null) {
            return;
          }
          TaskId source = where.get(c);
          TaskId target = tasks.get(a.a() % 3).id();
          boolean byArtist = a.b() == 0;
          boolean allowed = !byArtist && !source.equals(target) && sameEntity(source, target);
          Map<TaskId, List<TimeSpent>> time = timeSpents();
          Map<TaskId, Duration> durations = durations();
          attempt(() -> api(byArtist ? artist : manager).moveCommentToTask(source, c, target), allowed);
          (allowed ? MOVES : REFUSED_MOVES).incrementAndGet();
          if (allowed) {
            where.put(c, target);
            assertReplayed(source);
            assertReplayed(target);
            assertThat(timeSpents()).as("moves never touch time spents; %s", where()).isEqualTo(time);
            assertThat(durations()).as("moves never touch durations; %s", where()).isEqualTo(durations);
          }
        }
        case 3 -> {
          CommentId c = pick(a.c());
          if (c == null) {
            return;
          }
          TaskId source = where.get(c);
          TaskId target = tasks.get(a.a() % 3).id();
          if (source.equals(target) || !sameEntity(source, target)) {
            return;
          }
          Comment before = comment(c);
          api(manager).moveCommentToTask(source, c, target);
          api(manager).moveCommentToTask(target, c, source);
          assertThat(comment(c)).as("there and back leaves the comment unchanged; %s", where()).isEqualTo(before);
          assertReplayed(source);
          assertReplayed(target);
        }
        case 4 -> {
          CommentId c = pick(a.c());
          if (c == null) {
            return;
          }
          boolean byArtist = a.b() == 0;
          boolean allowed = !byArtist || comment(c).personId().equals(artist);
          TaskId task = where.get(c);
          attempt(() -> api(byArtist ? artist : manager).removeComment(c), allowed);
          if (allowed) {
            DELETES.incrementAndGet();
            where.remove(c);
            order.remove(c);
            assertReplayed(task);
          }
        }
        case 5 -> {
          CommentId c = pick(a.c());
          if (c == null) {
            return;
          }
          boolean changes = !comment(c).taskStatusId().equals(statuses[a.b()].id());
          api(manager).updateComment(c, null, statuses[a.b()].id());
          if (changes) {
            assertReplayed(where.get(c));
          }
        }
        case 6 -> {
          CommentId c = pick(a.c());
          if (c != null) {
            api(manager).replyToComment(c, "noted");
          }
        }
        default -> {
          if (a.b() == 0) {
            api(manager).assignTask(tasks.get(1).id(), a.a() % 2 == 0 ? artist : artist2);
          } else {
            api(artist).addTimeSpent(tasks.get(0).id(), artist, LocalDate.of(2025, 6, 23 + a.a() % 3),
                Duration.ofHours(1 + a.c() % 4));
          }
        }
      }
    }

    private boolean sameEntity(TaskId x, TaskId y) {
      return current(task(x)).entityId().equals(current(task(y)).entityId());
    }

    private Task task(TaskId id) {
      return tasks.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private Comment comment(CommentId id) {
      return api(admin).allCommentsForTask(where.get(id)).stream().filter(c -> c.id().equals(id)).findFirst()
          .orElseThrow();
    }

    private void attempt(Runnable action, boolean allowed) {
      String digest = engine.stateDigest();
      int before = events.size();
      try {
        action.run();
        assertThat(allowed).as("expected a refusal; %s", where()).isTrue();
      } catch (ProdTrackException e) {
        assertThat(allowed).as("unexpected refusal %s; %s", e, where()).isFalse();
        assertThat(engine.stateDigest()).as("a refusal changes nothing; %s", where()).isEqualTo(digest);
        assertThat(events).as("a refusal publishes nothing; %s", where()).hasSize(before);
      }
    }

    /** Runs an action that may be refused; a refusal must leave everything unchanged. */
    private boolean attemptAny(Runnable action) {
      String digest = engine.stateDigest();
      int before = events.size();
      try {
        action.run();
        return true;
      } catch (ProdTrackException e) {
        assertThat(engine.stateDigest()).as("a refusal changes nothing; %s", where()).isEqualTo(digest);
        assertThat(events).as("a refusal publishes nothing; %s", where()).hasSize(before);
        return false;
      }
    }

    private Map<TaskId, List<TimeSpent>> timeSpents() {
      Map<TaskId, List<TimeSpent>> out = new HashMap<>();
      for (Task t : tasks) {
        out.put(t.id(), api(admin).getTimeSpents(t.id()).rows());
      }
      return out;
    }

    private Map<TaskId, Duration> durations() {
      Map<TaskId, Duration> out = new HashMap<>();
      for (Task t : tasks) {
        out.put(t.id(), current(t).duration());
      }
      return out;
    }

    /** The task equals the replay of its comment history, computed here from kitsu-semantics §2.7. */
    private void assertReplayed(TaskId id) {
      REPLAYS.incrementAndGet();
      List<Comment> history = new ArrayList<>(api(admin).allCommentsForTask(id));
      history.sort(Comparator.comparing(Comment::createdAt).thenComparingInt(c -> order.indexOf(c.id())));
      int retakes = 0;
      boolean previousRetake = false;
      Instant realStart = null;
      Instant end = null;
      Instant done = null;
      for (Comment c : history) {
        TaskStatus s = api(admin).getTaskStatus(c.taskStatusId());
        if (s.isRetake() && !previousRetake) {
          retakes++;
        }
        previousRetake = s.isRetake();
        if (s.isWip() && realStart == null) {
          realStart = c.createdAt();
        }
        if (s.isFeedbackRequest() && end == null) {
          end = c.createdAt();
        }
        if (s.isDone()) {
          done = c.createdAt();
        }
      }
      Task t = current(task(id));
      String at = where();
      assertThat(t.retakeCount()).as("retake_count of %s; %s", id, at).isEqualTo(retakes);
      assertThat(t.realStartDate()).as("real_start_date; %s", at).isEqualTo(realStart);
      assertThat(t.endDate()).as("end_date; %s", at).isEqualTo(end);
      assertThat(t.doneDate()).as("done_date; %s", at).isEqualTo(done);
    }

    private void check() {
      engine.checkInvariants();
      Map<CommentId, TaskId> seen = new HashMap<>();
      for (Task t : tasks) {
        for (Comment c : api(admin).allCommentsForTask(t.id())) {
          assertThat(seen.put(c.id(), t.id())).as("comment %s on two tasks; %s", c.id(), where()).isNull();
        }
      }
      Map<CommentId, TaskId> expected = new HashMap<>(where);
      // No hashtags and no automations: every comment is one the model knows.
      assertThat(seen).as("every comment lives on the task the model says; %s", where()).isEqualTo(expected);
      for (Task t : tasks) {
        List<Comment> history = api(admin).allCommentsForTask(t.id());
        Task now = current(t);
        if (history.isEmpty()) {
          assertThat(now.taskStatusId()).as("no comment: default status; %s", where()).isEqualTo(todo.id());
          assertThat(now.lastCommentDate()).isNull();
        } else {
          Comment newest = history.stream().max(Comparator.comparing(Comment::createdAt)
              .thenComparingInt(c -> order.indexOf(c.id()))).orElseThrow();
          assertThat(now.taskStatusId()).as("newest comment's status; %s", where()).isEqualTo(newest.taskStatusId());
          assertThat(now.lastCommentDate()).as("newest comment's date; %s", where()).isEqualTo(newest.createdAt());
        }
      }
    }
  }
}
