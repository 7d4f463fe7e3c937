package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.News;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The per-task logs ({@link State#logs}: each task's comments, notification ids and news ids in one entry)
 * and the entity task lists ({@link State#tasksOn}: in {@link EntityReads} for a known entity, in {@link
 * State#tasksWithoutEntity} otherwise) kept up to date change by change: after each random change — a comment
 * with any status by the admin or by an assignee, a comment removed, a comment moved to a sibling task, a
 * notification marked read or unread, all of a person's marked read, a subscription, a task removed with
 * everything on it — {@link ProdTrack#checkInvariants} compares every index with one rebuilt from the records
 * (this includes an entry or list left empty), and the logs are also compared with a scan of the records
 * (each task's comments in (created_at, posting order), its notifications and news as sets, no entry for a
 * task without any). Seeded; rerun with {@code -Dprodtrack.seed=<seed>}.
 */
class TaskLogMaintenanceProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final int EXAMPLES = 12;

  @Test
  void logsAndEntityTaskLists_equalARebuild_afterRandomChanges() {
    int[] kinds = new int[8];
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 60))
        .describedAs(actions -> "seed " + SEED + ", actions " + actions)
        .checkAssert(actions -> {
          long seed = SEED + actions.get(0) % 3;
          GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
          try (ProdTrack engine = ProdTrack.builder().store(MemoryStore.create()).clock(clock)
              .idSource(IdSource.seeded(seed)).open()) {
            Production p = ProductionGenerator.generate(engine, clock, Size.TINY, seed);
            TaskApi admin = engine.as(p.admin()).task();
            List<TaskId> tasks = new ArrayList<>(p.tasks());
            List<TaskStatus> statuses = new ArrayList<>(p.defaults().statuses().values());
            List<String> done = new ArrayList<>();
            for (int a : actions) {
              if (tasks.isEmpty()) {
                break;
              }
              TaskId id = tasks.get(a % tasks.size());
              Task t = admin.getTask(id);
              int pick = a / tasks.size();
              clock.set(clock.instant().plus(Duration.ofMinutes(1)));
              List<Comment> comments = admin.allCommentsForTask(id);
              String what;
              switch (pick % 8) {
                case 0, 1 -> {
                  TaskStatus s = statuses.get((pick / 8) % statuses.size());
                  admin.addComment(id, s.id(), "to " + s.shortName());
                  what = "admin comment " + s.shortName();
                }
                case 2 -> {
                  if (t.assignees().isEmpty()) {
                    what = "nothing (no assignee to comment)";
                  } else {
                    PersonId artist = t.assignees().get((pick / 8) % t.assignees().size());
                    engine.as(artist).task().addComment(id, t.taskStatusId(), "a note");
                    what = "assignee comment";
                  }
                }
                case 3 -> {
                  if (comments.isEmpty()) {
                    what = "nothing (no comment to remove)";
                  } else {
                    admin.removeComment(comments.get((pick / 8) % comments.size()).id());
                    what = "comment removed";
                  }
                }
                case 4 -> {
                  List<Task> siblings = new ArrayList<>(engine.read(s -> s.tasksOn(t.entityId())));
                  siblings.removeIf(x -> x.id().equals(id));
                  if (comments.isEmpty() || siblings.isEmpty()) {
                    what = "nothing (no comment or sibling to move to)";
                  } else {
                    Comment c = comments.get((pick / 8) % comments.size());
                    admin.moveCommentToTask(id, c.id(), siblings.get((pick / 8) % siblings.size()).id());
                    what = "comment moved";
                  }
                }
                case 5 -> {
                  List<Notification> theirs = engine.read(s -> {
                    List<Notification> out = new ArrayList<>();
                    s.notificationIdsOf(id).forEach(n -> out.add(s.notifications.get(n)));
                    return out;
                  });
                  if (theirs.isEmpty()) {
                    what = "nothing (no notification)";
                  } else {
                    Notification n = theirs.get((pick / 8) % theirs.size());
                    if (pick / 8 % 3 == 0) {
                      engine.as(n.personId()).user().markAllNotificationsRead();
                      what = "all read";
                    } else {
                      engine.as(n.personId()).user().markNotificationRead(n.id(), !n.read());
                      what = n.read() ? "unread" : "read";
                    }
                  }
                }
                case 6 -> {
                  if (t.assignees().isEmpty()) {
                    what = "nothing (no assignee to subscribe)";
                  } else {
                    engine.as(t.assignees().get(0)).task().subscribeToTask(id);
                    what = "subscribed";
                  }
                }
                default -> {
                  admin.removeTask(id, true);
                  tasks.remove(id);
                  what = "task removed";
                }
              }
              kinds[pick % 8]++;
              done.add(what + " on " + id);
              try {
                engine.checkInvariants();
                String differs = engine.read(TaskLogMaintenanceProperties::logsAgainstTheRecords);
                assertThat(differs).as("logs against the records").isNull();
              } catch (IllegalStateException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", after " + done + ": " + e.getMessage(), e);
              }
            }
          }
        });
    for (int k = 0; k < kinds.length; k++) {
      assertThat(kinds[k]).as("changes of kind %d made, seed %d", k, SEED).isGreaterThan(EXAMPLES);
    }
  }

  /**
   * Each task's log against a scan of the records, and every entity's task list against the tasks.
   *
   * @return the first difference, or null
   */
  private static String logsAgainstTheRecords(State s) {
    Map<TaskId, List<Comment>> comments = new HashMap<>();
    s.comments.forEachValue(c -> comments.computeIfAbsent(c.taskId(), k -> new ArrayList<>()).add(c));
    comments.values().forEach(l -> l.sort(s.commentChronology));
    Map<TaskId, Set<Object>> notifications = new HashMap<>();
    for (Notification n : s.notifications.values()) {
      notifications.computeIfAbsent(n.taskId(), k -> new HashSet<>()).add(n.id());
    }
    Map<TaskId, Set<Object>> news = new HashMap<>();
    for (News n : s.news.values()) {
      news.computeIfAbsent(n.taskId(), k -> new HashSet<>()).add(n.id());
    }
    Set<TaskId> withAny = new LinkedHashSet<>(comments.keySet());
    withAny.addAll(notifications.keySet());
    withAny.addAll(news.keySet());
    if (!withAny.equals(new HashSet<>(s.logs.keySet()))) {
      return "log entries for " + s.logs.keySet() + ", tasks with comments, notifications or news " + withAny;
    }
    for (TaskId task : withAny) {
      if (!comments.getOrDefault(task, List.of()).equals(s.commentsOf(task))) {
        return "task " + task + ": comments " + s.commentsOf(task) + ", records " + comments.get(task);
      }
      if (!notifications.getOrDefault(task, Set.of()).equals(new HashSet<>(s.notificationIdsOf(task)))
          || s.notificationIdsOf(task).size() != notifications.getOrDefault(task, Set.of()).size()) {
        return "task " + task + ": notifications " + s.notificationIdsOf(task) + ", records "
            + notifications.get(task);
      }
      if (!news.getOrDefault(task, Set.of()).equals(new HashSet<>(s.newsIdsOf(task)))
          || s.newsIdsOf(task).size() != news.getOrDefault(task, Set.of()).size()) {
        return "task " + task + ": news " + s.newsIdsOf(task) + ", records " + news.get(task);
      }
    }
    Map<EntityId, Set<Task>> onEntity = new HashMap<>();
    s.tasks.forEachValue(t -> onEntity.computeIfAbsent(t.entityId(), k -> new HashSet<>()).add(t));
    for (Entity e : s.entities.values()) {
      Set<Task> listed = new HashSet<>(s.tasksOn(e.id()));
      if (!listed.equals(onEntity.getOrDefault(e.id(), Set.of())) || listed.size() != s.tasksOn(e.id()).size()) {
        return "entity " + e.id() + ": tasks " + s.tasksOn(e.id()) + ", records " + onEntity.get(e.id());
      }
    }
    return s.tasksWithoutEntity.isEmpty() ? null : "tasks without a known entity " + s.tasksWithoutEntity;
  }
}
