package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.Person;
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
        .checkAssert(codes -> new Run(codes.stream().map(Action::decode).toList()).play());
    System.out.printf("CommentPipelineProperties: %d sequences, seed %d%n", EXAMPLES, SEED);
  }

  /** One sequence against a fresh fixture. */
  private static final class Run {
    final List<Action> actions;
    final Fixture f = new Fixture();
    final List<Task> tasks;
    final TaskStatus[] statuses;
    final Person[] authors;
    final Map<CommentId, TaskId> where = new HashMap<>();
    final List<CommentId> order = new ArrayList<>();
    int step;

    Run(List<Action> actions) {
      this.actions = actions;
      tasks = List.of(f.animTask, f.compTask, f.modelTask);
      statuses = new TaskStatus[] {f.todo, f.wip, f.wfa, f.retake, f.done};
      authors = new Person[] {f.manager, f.admin, f.supervisor, f.client};
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
          f.tick();
          Task t = tasks.get(a.a() % 3);
          Instant at = f.clock.instant().plus(Duration.ofMinutes(a.c() * 5L - 200));
          Instant last = f.task(t).lastCommentDate();
          Comment c = f.tasks(authors[a.c() % 4]).addComment(t.id(), statuses[a.b()].id(), "",
              CommentOptions.NONE.withCreatedAt(at));
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
          attempt(() -> f.tasks(byArtist ? f.artist : f.manager).moveCommentToTask(source, c, target), allowed);
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
          f.tasks(f.manager).moveCommentToTask(source, c, target);
          f.tasks(f.manager).moveCommentToTask(target, c, source);
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
          boolean allowed = !byArtist || comment(c).personId().equals(f.artist.id());
          TaskId task = where.get(c);
          attempt(() -> f.tasks(byArtist ? f.artist : f.manager).removeComment(c), allowed);
          if (allowed) {
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
          f.tasks(f.manager).updateComment(c, null, statuses[a.b()].id());
          if (changes) {
            assertReplayed(where.get(c));
          }
        }
        case 6 -> {
          CommentId c = pick(a.c());
          if (c != null) {
            f.tasks(f.manager).replyToComment(c, "noted @Ari Artist");
          }
        }
        default -> {
          if (a.b() == 0) {
            f.tasks(f.manager).assignTask(f.compTask.id(), a.a() % 2 == 0 ? f.artist.id() : f.artist2.id());
          } else {
            f.tasks(f.artist).addTimeSpent(f.animTask.id(), f.artist.id(), LocalDate.of(2025, 3, 3 + a.a() % 3),
                Duration.ofHours(1 + a.c() % 4));
          }
        }
      }
    }

    private boolean sameEntity(TaskId x, TaskId y) {
      return f.task(task(x)).entityId().equals(f.task(task(y)).entityId());
    }

    private Task task(TaskId id) {
      return tasks.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private Comment comment(CommentId id) {
      return f.tasks(f.admin).allCommentsForTask(where.get(id)).stream().filter(c -> c.id().equals(id)).findFirst()
          .orElseThrow();
    }

    private void attempt(Runnable action, boolean allowed) {
      String digest = f.engine.stateDigest();
      int events = f.events.size();
      try {
        action.run();
        assertThat(allowed).as("expected a refusal; %s", where()).isTrue();
      } catch (ProdTrackException e) {
        assertThat(allowed).as("unexpected refusal %s; %s", e, where()).isFalse();
        assertThat(f.engine.stateDigest()).as("a refusal changes nothing; %s", where()).isEqualTo(digest);
        assertThat(f.events).as("a refusal publishes nothing; %s", where()).hasSize(events);
      }
    }

    private Map<TaskId, List<TimeSpent>> timeSpents() {
      Map<TaskId, List<TimeSpent>> out = new HashMap<>();
      for (Task t : tasks) {
        out.put(t.id(), f.tasks(f.admin).getTimeSpents(t.id()).rows());
      }
      return out;
    }

    private Map<TaskId, Duration> durations() {
      Map<TaskId, Duration> out = new HashMap<>();
      for (Task t : tasks) {
        out.put(t.id(), f.task(t).duration());
      }
      return out;
    }

    /** The task equals the replay of its comment history, computed here from kitsu-semantics §2.7. */
    private void assertReplayed(TaskId id) {
      List<Comment> history = new ArrayList<>(f.tasks(f.admin).allCommentsForTask(id));
      history.sort(Comparator.comparing(Comment::createdAt).thenComparingInt(c -> order.indexOf(c.id())));
      int retakes = 0;
      boolean previousRetake = false;
      Instant realStart = null;
      Instant end = null;
      Instant done = null;
      for (Comment c : history) {
        TaskStatus s = f.tasks(f.admin).getTaskStatus(c.taskStatusId());
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
      Task t = f.task(task(id));
      String at = where();
      assertThat(t.retakeCount()).as("retake_count of %s; %s", id, at).isEqualTo(retakes);
      assertThat(t.realStartDate()).as("real_start_date; %s", at).isEqualTo(realStart);
      assertThat(t.endDate()).as("end_date; %s", at).isEqualTo(end);
      assertThat(t.doneDate()).as("done_date; %s", at).isEqualTo(done);
    }

    private void check() {
      f.engine.checkInvariants();
      Map<CommentId, TaskId> seen = new HashMap<>();
      for (Task t : tasks) {
        for (Comment c : f.tasks(f.admin).allCommentsForTask(t.id())) {
          assertThat(seen.put(c.id(), t.id())).as("comment %s on two tasks; %s", c.id(), where()).isNull();
        }
      }
      Map<CommentId, TaskId> expected = new HashMap<>(where);
      // Hashtag-free texts and no automations: every comment is one this run posted.
      assertThat(seen).as("every comment lives on the task the model says; %s", where()).isEqualTo(expected);
      for (Task t : tasks) {
        List<Comment> history = f.tasks(f.admin).allCommentsForTask(t.id());
        Task now = f.task(t);
        if (history.isEmpty()) {
          assertThat(now.taskStatusId()).as("no comment: default status; %s", where()).isEqualTo(f.todo.id());
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
