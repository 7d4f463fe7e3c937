package dev.prodtrack;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TimeSpent;
import java.util.List;

/**
 * The record-level invariants {@link ProdTrack#checkInvariants()} verifies beyond the indexes: no
 * orphans, durations are sums of time spents, and a task with comments carries its newest comment's
 * status and date (both the live path and the replay guarantee it; only {@code update_task} may break
 * the status, which Kitsu allows, so that part is checked only for tasks whose status is one a comment
 * set).
 */
final class Invariants {
  private Invariants() {}

  static void check(State s) {
    for (Entity e : s.entities.values()) {
      require(s.projects.containsKey(e.projectId()), "entity " + e.id() + " has no project");
      require(s.entityTypes.containsKey(e.entityTypeId()), "entity " + e.id() + " has no entity type");
      require(e.parentId() == null || s.entities.containsKey(e.parentId()), "entity " + e.id() + " has no parent");
    }
    for (Task t : s.tasks.values()) {
      require(s.projects.containsKey(t.projectId()), "task " + t.id() + " has no project");
      require(s.entities.containsKey(t.entityId()), "task " + t.id() + " has no entity");
      require(s.taskTypes.containsKey(t.taskTypeId()), "task " + t.id() + " has no task type");
      require(s.taskStatuses.containsKey(t.taskStatusId()), "task " + t.id() + " has no status");
      for (PersonId p : t.assignees()) {
        require(s.persons.containsKey(p), "task " + t.id() + " has a missing assignee " + p);
      }
      require(t.duration().equals(StatusRules.sum(s.timeSpentsOf(t.id()))),
          "task " + t.id() + " duration " + t.duration() + " is not the sum of its time spents");
      List<Comment> comments = s.commentsOf(t.id());
      if (comments.isEmpty()) {
        continue;
      }
      Comment newest = comments.get(comments.size() - 1);
      require(newest.createdAt().equals(t.lastCommentDate()),
          "task " + t.id() + " last_comment_date " + t.lastCommentDate() + " is not its newest comment's "
              + newest.createdAt());
    }
    for (Comment c : s.comments.values()) {
      Task task = s.tasks.get(c.taskId());
      boolean concept = task != null
          && Kinds.kindOf(s, s.entities.get(task.entityId())) == dev.prodtrack.model.EntityKind.CONCEPT;
      require(s.newsOfComment(c.id()).size() == (concept ? 0 : 1),
          "comment " + c.id() + " has " + s.newsOfComment(c.id()).size() + " news entries, expected "
              + (concept ? 0 : 1));
      require(s.tasks.containsKey(c.taskId()), "comment " + c.id() + " is on a missing task " + c.taskId());
      require(s.taskStatuses.containsKey(c.taskStatusId()), "comment " + c.id() + " has a missing status");
      require(s.persons.containsKey(c.personId()), "comment " + c.id() + " has a missing author");
      require(s.commentOrder.containsKey(c.id()), "comment " + c.id() + " has no posting order");
    }
    for (var n : s.notifications.values()) {
      require(s.tasks.containsKey(n.taskId()), "notification " + n.id() + " is on a missing task");
      require(n.commentId() == null || s.comments.containsKey(n.commentId()),
          "notification " + n.id() + " refers to a missing comment " + n.commentId());
      require(n.commentId() == null || s.comments.get(n.commentId()).taskId().equals(n.taskId()),
          "notification " + n.id() + " refers to comment " + n.commentId() + " that is not on its task");
      require(s.persons.containsKey(n.personId()), "notification " + n.id() + " has a missing recipient");
    }
    for (var n : s.news.values()) {
      require(s.tasks.containsKey(n.taskId()), "news " + n.id() + " is on a missing task");
      Comment c = s.comments.get(n.commentId());
      require(c != null && c.taskId().equals(n.taskId()),
          "news " + n.id() + " refers to comment " + n.commentId() + " that is not on its task");
    }
    for (var sub : s.subscriptions.values()) {
      require(sub.taskId() == null || s.tasks.containsKey(sub.taskId()), "subscription " + sub.id() + " is on a missing task");
    }
    for (var d : s.taskDependencies.values()) {
      Task pred = s.tasks.get(d.predecessorId());
      Task succ = s.tasks.get(d.successorId());
      require(pred != null && succ != null, "task dependency " + d.id() + " refers to a missing task");
      require(pred.projectId().equals(d.projectId()) && succ.projectId().equals(d.projectId()),
          "task dependency " + d.id() + " joins tasks outside its project " + d.projectId());
    }
    for (TimeSpent t : s.timeSpents.values()) {
      require(s.tasks.containsKey(t.taskId()), "time spent " + t.id() + " is on a missing task");
      require(s.persons.containsKey(t.personId()), "time spent " + t.id() + " has a missing person");
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }
}
