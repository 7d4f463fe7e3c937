package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.RuleViolationException.Rule;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Stateful property for moving comments between tasks (kitsu-semantics §3) mixed with posting (incl.
 * back-dated), deleting and time logging, checked after every action against an independent model: a map
 * comment → task with each comment's date, posting order and status, and the §2.7 replay rules.
 */
class CommentMoveProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20260519L);
  private static final String[] TASK_NAMES = {"anim", "comp", "model"};

  /** A decoded action; toString is what shrinking prints. */
  sealed interface Action permits Add, Move, MoveBack, Delete, SetTime {}

  /** The manager posts on a task with a status, dated now + offset minutes (negative: back-dated). */
  record Add(int task, int status, int offsetMinutes) implements Action {
    @Override
    public String toString() {
      return "Add(" + TASK_NAMES[task] + ", status " + status + ", " + offsetMinutes + "min)";
    }
  }

  /** Moves the index-th live comment from its task to a target, by the manager or the artist. */
  record Move(int index, int target, boolean byArtist) implements Action {
    @Override
    public String toString() {
      return "Move(#" + index + " -> " + TASK_NAMES[target] + (byArtist ? ", by artist)" : ")");
    }
  }

  /** Moves the index-th live comment to a target and straight back. */
  record MoveBack(int index, int target) implements Action {
    @Override
    public String toString() {
      return "MoveBack(#" + index + " <-> " + TASK_NAMES[target] + ")";
    }
  }

  /** Deletes the index-th live comment, by the manager or by a non-author artist. */
  record Delete(int index, boolean byArtist) implements Action {
    @Override
    public String toString() {
      return "Delete(#" + index + (byArtist ? ", by artist)" : ")");
    }
  }

  /** The artist sets the time spent on animTask for a day. */
  record SetTime(int day, int hours) implements Action {}

  static Action decode(int i) {
    int kind = i % 10;
    int r = i / 10;
    if (kind <= 3) {
      return new Add(r % 3, (r / 3) % 5, (r / 15) % 120 - 100);
    }
    if (kind <= 5) {
      return new Move(r % 31, (r / 31) % 3, false);
    }
    if (kind == 6) {
      return new MoveBack(r % 31, (r / 31) % 3);
    }
    if (kind == 7) {
      return new Delete(r % 31, (r / 31) % 3 == 0);
    }
    if (kind == 8) {
      return new SetTime(r % 5, (r / 5) % 8 + 1);
    }
    return new Move(r % 31, (r / 31) % 3, (r / 93) % 2 == 0);
  }

  /** Model of one comment. */
  record MC(CommentId id, Instant date, long order, TaskStatus status) {}

  /** The replayed fields of one task (kitsu-semantics §2.7). */
  record Replay(String status, Instant last, int retakes, Instant realStart, Instant end, Instant done) {}

  /** Independent model: comment → task, comment data, time spents of animTask. */
  static final class Model {
    final Map<CommentId, Integer> taskOf = new LinkedHashMap<>();
    final Map<CommentId, MC> comments = new HashMap<>();
    final Map<LocalDate, Duration> animTime = new TreeMap<>();
    long nextOrder;

    List<CommentId> live() {
      return new ArrayList<>(taskOf.keySet());
    }

    List<MC> on(int task) {
      List<MC> out = new ArrayList<>();
      taskOf.forEach((id, t) -> {
        if (t == task) {
          out.add(comments.get(id));
        }
      });
      out.sort(Comparator.comparing(MC::date).thenComparingLong(MC::order));
      return out;
    }

    Instant lastDate(int task) {
      List<MC> cs = on(task);
      return cs.isEmpty() ? null : cs.get(cs.size() - 1).date();
    }

    Replay replay(int task, TaskStatus fallback) {
      int retakes = 0;
      boolean prevRetake = false;
      Instant realStart = null;
      Instant end = null;
      Instant done = null;
      TaskStatus status = fallback;
      Instant last = null;
      for (MC c : on(task)) {
        if (c.status().isRetake() && !prevRetake) {
          retakes++;
        }
        prevRetake = c.status().isRetake();
        if (c.status().isWip() && realStart == null) {
          realStart = c.date();
        }
        if (c.status().isFeedbackRequest() && end == null) {
          end = c.date();
        }
        if (c.status().isDone()) {
          done = c.date();
        }
        status = c.status();
        last = c.date();
      }
      return new Replay(status.id().toString(), last, retakes, realStart, end, done);
    }
  }

  @Test
  void commentMovesKeepEveryTaskEqualToItsReplay() {
    qt().withFixedSeed(SEED).withExamples(150)
        .forAll(lists().of(integers().between(0, 17_999).map(CommentMoveProperties::decode)).ofSizeBetween(1, 30))
        .checkAssert(actions -> new Run(actions).run());
  }

  /** One example's execution. */
  static final class Run {
    final List<Action> actions;
    final Fixture f = new Fixture();
    final Model m = new Model();
    final Task[] tasks;
    final TaskStatus[] statuses;
    int step;

    Run(List<Action> actions) {
      this.actions = actions;
      tasks = new Task[] {f.animTask, f.compTask, f.modelTask};
      statuses = new TaskStatus[] {f.todo, f.wip, f.wfa, f.retake, f.done};
    }

    String ctx() {
      return "seed " + SEED + ", step " + step + ", actions " + actions;
    }

    boolean sameEntity(int a, int b) {
      return (a == 2) == (b == 2);
    }

    void run() {
      checkAll();
      for (step = 0; step < actions.size(); step++) {
        f.tick();
        Action a = actions.get(step);
        if (a instanceof Add add) {
          doAdd(add);
        } else if (a instanceof Move mv) {
          doMove(mv);
        } else if (a instanceof MoveBack mb) {
          doMoveBack(mb);
        } else if (a instanceof Delete d) {
          doDelete(d);
        } else if (a instanceof SetTime st) {
          doSetTime(st);
        }
        checkAll();
      }
    }

    void doAdd(Add a) {
      Instant date = f.clock.instant().plus(Duration.ofMinutes(a.offsetMinutes()));
      Instant previousLast = m.lastDate(a.task());
      TaskStatus s = statuses[a.status()];
      Comment c = f.tasks(f.manager).addComment(tasks[a.task()].id(), s.id(), "c" + step,
          CommentOptions.NONE.withCreatedAt(date));
      m.taskOf.put(c.id(), a.task());
      m.comments.put(c.id(), new MC(c.id(), date, m.nextOrder++, s));
      if (previousLast != null && previousLast.isAfter(date)) {
        checkReplay(a.task(), "after a back-dated comment");
      }
    }

    CommentId pick(int index) {
      List<CommentId> live = m.live();
      return live.isEmpty() ? null : live.get(index % live.size());
    }

    void doMove(Move mv) {
      CommentId id = pick(mv.index());
      if (id == null) {
        return;
      }
      int source = m.taskOf.get(id);
      int target = mv.target();
      Person who = mv.byArtist() ? f.artist : f.manager;
      Runnable call = () -> f.tasks(who).moveCommentToTask(tasks[source].id(), id, tasks[target].id());
      if (mv.byArtist()) {
        refused(call, PermissionDeniedException.class, null);
      } else if (source == target) {
        refused(call, RuleViolationException.class, Rule.SAME_TASK);
      } else if (!sameEntity(source, target)) {
        refused(call, RuleViolationException.class, Rule.DIFFERENT_ENTITY);
      } else {
        move(id, source, target);
      }
    }

    /** A legal move, checking that time spents and durations do not change. */
    void move(CommentId id, int source, int target) {
      List<Object> timeBefore = timeSnapshot();
      Comment before = comment(source, id);
      Comment moved = f.tasks(f.manager).moveCommentToTask(tasks[source].id(), id, tasks[target].id());
      assertThat(moved).as("the returned comment; %s", ctx()).isEqualTo(before.withTaskId(tasks[target].id()));
      m.taskOf.put(id, target);
      assertThat(timeSnapshot()).as("moves never change time spents or durations; %s", ctx()).isEqualTo(timeBefore);
      checkReplay(source, "move source");
      checkReplay(target, "move target");
    }

    void doMoveBack(MoveBack mb) {
      CommentId id = pick(mb.index());
      if (id == null) {
        return;
      }
      int a = m.taskOf.get(id);
      int b = mb.target();
      if (a == b || !sameEntity(a, b)) {
        doMove(new Move(mb.index(), b, false));
        return;
      }
      Comment original = comment(a, id);
      move(id, a, b);
      move(id, b, a);
      assertThat(comment(a, id)).as("A->B->A leaves the comment unchanged; %s", ctx()).isEqualTo(original);
    }

    void doDelete(Delete d) {
      CommentId id = pick(d.index());
      if (id == null) {
        return;
      }
      int task = m.taskOf.get(id);
      if (d.byArtist()) {
        refused(() -> f.tasks(f.artist).removeComment(id), PermissionDeniedException.class, null);
        return;
      }
      List<Object> timeBefore = timeSnapshot();
      f.tasks(f.manager).removeComment(id);
      m.taskOf.remove(id);
      m.comments.remove(id);
      assertThat(timeSnapshot()).as("deletes do not change time spents; %s", ctx()).isEqualTo(timeBefore);
      checkReplay(task, "after a delete");
    }

    void doSetTime(SetTime st) {
      LocalDate day = LocalDate.of(2025, 3, 3).plusDays(st.day());
      f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), day, Duration.ofHours(st.hours()));
      m.animTime.put(day, Duration.ofHours(st.hours()));
    }

    void refused(Runnable call, Class<? extends Throwable> type, Rule rule) {
      String digest = f.engine.stateDigest();
      int events = f.events.size();
      if (rule == null) {
        assertThatThrownBy(call::run).as("refusal expected; %s", ctx()).isInstanceOf(type);
      } else {
        assertThatThrownBy(call::run).as("refusal expected; %s", ctx())
            .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo(rule));
      }
      assertThat(f.engine.stateDigest()).as("a refusal changes nothing; %s", ctx()).isEqualTo(digest);
      assertThat(f.events.size()).as("a refusal publishes no event; %s", ctx()).isEqualTo(events);
    }

    Comment comment(int task, CommentId id) {
      return f.tasks(f.admin).allCommentsForTask(tasks[task].id()).stream()
          .filter(c -> c.id().equals(id)).findFirst()
          .orElseThrow(() -> new AssertionError("comment " + id + " not on " + TASK_NAMES[task] + "; " + ctx()));
    }

    List<Object> timeSnapshot() {
      List<Object> out = new ArrayList<>();
      for (Task t : tasks) {
        out.add(f.tasks(f.admin).getTimeSpents(t.id()));
        out.add(f.task(t).duration());
      }
      return out;
    }

    void checkReplay(int task, String why) {
      Task t = f.task(tasks[task]);
      Replay actual = new Replay(t.taskStatusId().toString(), t.lastCommentDate(), t.retakeCount(),
          t.realStartDate(), t.endDate(), t.doneDate());
      assertThat(actual).as("%s equals its replay %s; %s", TASK_NAMES[task], why, ctx())
          .isEqualTo(m.replay(task, f.todo));
    }

    void checkAll() {
      int total = 0;
      List<CommentId> seen = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        List<Comment> engineComments = f.tasks(f.admin).allCommentsForTask(tasks[i].id());
        List<String> actual = new ArrayList<>();
        for (Comment c : engineComments) {
          MC mc = m.comments.get(c.id());
          assertThat(mc).as("unexpected comment %s on %s; %s", c.id(), TASK_NAMES[i], ctx()).isNotNull();
          assertThat(c.taskId()).as("comment's task; %s", ctx()).isEqualTo(tasks[i].id());
          assertThat(c.createdAt()).as("comment date preserved; %s", ctx()).isEqualTo(mc.date());
          assertThat(c.taskStatusId()).as("comment status preserved; %s", ctx()).isEqualTo(mc.status().id());
          actual.add(c.id().toString());
          seen.add(c.id());
        }
        total += engineComments.size();
        List<String> expected = m.on(i).stream().map(c -> c.id().toString()).toList();
        assertThat(actual).as("comments of %s; %s", TASK_NAMES[i], ctx()).containsExactlyInAnyOrderElementsOf(expected);
        Task t = f.task(tasks[i]);
        Replay r = m.replay(i, f.todo);
        assertThat(t.taskStatusId().toString()).as("status of %s = newest comment's; %s", TASK_NAMES[i], ctx())
            .isEqualTo(r.status());
        assertThat(t.lastCommentDate()).as("last_comment_date of %s; %s", TASK_NAMES[i], ctx()).isEqualTo(r.last());
      }
      assertThat(seen).as("each comment on exactly one task; %s", ctx()).doesNotHaveDuplicates();
      assertThat(total).as("comment multiset preserved; %s", ctx()).isEqualTo(m.taskOf.size());
      Duration sum = m.animTime.values().stream().reduce(Duration.ZERO, Duration::plus);
      assertThat(f.task(f.animTask).duration()).as("anim duration; %s", ctx()).isEqualTo(sum);
      assertThat(f.task(f.compTask).duration()).as("comp duration; %s", ctx()).isZero();
      assertThat(f.task(f.modelTask).duration()).as("model duration; %s", ctx()).isZero();
      f.engine.checkInvariants();
    }
  }
}
