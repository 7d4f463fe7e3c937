package dev.prodtrack;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.DepartmentId;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityKind;
import dev.prodtrack.model.News;
import dev.prodtrack.model.NewsId;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.NotificationId;
import dev.prodtrack.model.NotificationType;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Subscription;
import dev.prodtrack.model.SubscriptionId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TeamMember;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What creates and removes notifications and news (kitsu-semantics §2.5, §3.3): the one place both the
 * comment pipeline and the comment move use.
 */
final class Notifications {
  private Notifications() {}

  /**
   * Notifications and news of a comment just posted or moved onto {@code task}: {@code comment}
   * notifications to the assignees, task subscribers and sequence subscribers, {@code mention}
   * notifications to the people mentioned and the team members of mentioned departments (never the
   * author), and one news entry dated at the comment unless the entity is a concept.
   *
   * @param tx the transaction
   * @param c the comment, on {@code task}
   * @param task the task
   * @param project the task's project
   * @param change whether the comment changed the task's status
   */
  static void forComment(Tx tx, Comment c, Task task, Project project, boolean change) {
    List<PersonId> assignees = task.assignees();
    List<PersonId> subscribers = subscribers(tx.state, task);
    int recipients = assignees.size() + subscribers.size();
    if (recipients <= SMALL) {
      // Assignees then subscribers, each once (first place kept), never the author: what the set below
      // gives, without a set for the usual two or three people.
      for (int i = 0; i < recipients; i++) {
        PersonId p = at(assignees, subscribers, i);
        if (!p.equals(c.personId()) && firstAt(assignees, subscribers, p) == i) {
          notify(tx, p, c.personId(), NotificationType.COMMENT, task, c.id(), null, change);
        }
      }
    } else {
      Set<PersonId> commentRecipients = new LinkedHashSet<>(assignees);
      commentRecipients.addAll(subscribers);
      commentRecipients.remove(c.personId());
      for (PersonId p : commentRecipients) {
        notify(tx, p, c.personId(), NotificationType.COMMENT, task, c.id(), null, change);
      }
    }
    forMentions(tx, c, task, project, change);
    Entity entity = tx.require("entity", task.entityId());
    if (Kinds.kindOf(tx, entity) != EntityKind.CONCEPT) {
      News n = new News(new NewsId(tx.newId()), project.id(), task.id(), c.id(), c.personId(), change,
          c.createdAt(), tx.now);
      tx.put(n.id(), n);
    }
  }

  /** Up to this many recipients, {@link #forComment} finds repeats by scanning instead of with a set. */
  private static final int SMALL = 16;

  private static PersonId at(List<PersonId> first, List<PersonId> then, int i) {
    return i < first.size() ? first.get(i) : then.get(i - first.size());
  }

  private static int firstAt(List<PersonId> first, List<PersonId> then, PersonId p) {
    int i = 0;
    while (!at(first, then, i).equals(p)) {
      i++;
    }
    return i;
  }

  /**
   * {@code mention} notifications for a comment's stored mentions: the people, and the team members of
   * the departments, never the author.
   */
  static void forMentions(Tx tx, Comment c, Task task, Project project, boolean change) {
    if (c.mentions().isEmpty() && c.departmentMentions().isEmpty()) {
      return;
    }
    for (PersonId p : mentioned(tx, c.mentions(), c.departmentMentions(), project)) {
      if (!p.equals(c.personId())) {
        notify(tx, p, c.personId(), NotificationType.MENTION, task, c.id(), null, change);
      }
    }
  }

  /**
   * Notifications of a new reply: {@code reply} to the assignees, the subscribers, the earlier repliers
   * and the comment's author; {@code reply-mention} to the people mentioned in the reply; never the
   * replier.
   */
  static void forReply(Tx tx, Comment c, dev.prodtrack.model.Reply reply, Task task, Project project) {
    Set<PersonId> recipients = new LinkedHashSet<>(task.assignees());
    recipients.addAll(subscribers(tx.state, task));
    for (dev.prodtrack.model.Reply r : c.replies()) {
      recipients.add(r.personId());
    }
    recipients.add(c.personId());
    recipients.remove(reply.personId());
    for (PersonId p : recipients) {
      notify(tx, p, reply.personId(), NotificationType.REPLY, task, c.id(), reply.id(), false);
    }
    for (PersonId p : mentioned(tx, reply.mentions(), reply.departmentMentions(), project)) {
      if (!p.equals(reply.personId())) {
        notify(tx, p, reply.personId(), NotificationType.REPLY_MENTION, task, c.id(), reply.id(), false);
      }
    }
  }

  private static Set<PersonId> mentioned(Tx tx, List<PersonId> people, List<DepartmentId> departments,
      Project project) {
    Set<PersonId> out = new LinkedHashSet<>(people);
    for (DepartmentId d : departments) {
      for (TeamMember m : project.team()) {
        Person p = tx.get(m.personId());
        if (p != null && p.departments().contains(d)) {
          out.add(p.id());
        }
      }
    }
    return out;
  }

  /**
   * Removes every notification and news entry of a comment.
   *
   * @param tx the transaction
   * @param comment the comment
   */
  static void dropForComment(Tx tx, CommentId comment) {
    for (NotificationId id : tx.state.notificationsOfComment(comment)) {
      tx.delete(id);
    }
    for (NewsId id : tx.state.newsOfComment(comment)) {
      tx.delete(id);
    }
  }

  /**
   * Removes everything that refers to a task: notifications, news and subscriptions.
   *
   * @param tx the transaction
   * @param task the task
   */
  static void dropForTask(Tx tx, Task task) {
    tx.state.notificationIdsOf(task.id()).forEach(tx::delete);
    tx.state.newsIdsOf(task.id()).forEach(tx::delete);
    tx.state.subscriptionsByTask.get(task.id()).forEach(tx::delete);
  }

  /**
   * An {@code assignation} notification, unless the person assigned himself.
   *
   * @param tx the transaction
   * @param task the task
   * @param assignee the person assigned
   */
  static void forAssignation(Tx tx, Task task, PersonId assignee) {
    if (!assignee.equals(tx.actor)) {
      notify(tx, assignee, tx.actor, NotificationType.ASSIGNATION, task, null, null, false);
    }
  }

  /** The task's followers: its own subscribers and those of its entity's parent for its task type. */
  static List<PersonId> subscribers(State s, Task task) {
    List<PersonId> out = new ArrayList<>();
    // containsKey first: a multimap's get of an absent key makes a new empty set, and most tasks have none.
    if (s.subscriptionsByTask.containsKey(task.id())) {
      for (SubscriptionId id : s.subscriptionsByTask.get(task.id())) {
        out.add(s.subscriptions.get(id).personId());
      }
    }
    Entity entity = s.entities.get(task.entityId());
    if (entity.parentId() != null && s.subscriptionsBySequence.containsKey(entity.parentId())) {
      for (SubscriptionId id : s.subscriptionsBySequence.get(entity.parentId())) {
        Subscription sub = s.subscriptions.get(id);
        if (task.taskTypeId().equals(sub.taskTypeId())) {
          out.add(sub.personId());
        }
      }
    }
    return out;
  }

  private static void notify(Tx tx, PersonId person, PersonId author, NotificationType type, Task task,
      CommentId comment, java.util.UUID reply, boolean change) {
    Notification n = new Notification(new NotificationId(tx.newId()), person, author, type, task.id(), comment, reply,
        false, change, tx.now, tx.now);
    tx.put(n.id(), n);
  }
}
