package dev.prodtrack;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.Department;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityKind;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.Id;
import dev.prodtrack.model.News;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.StatusAutomation;
import dev.prodtrack.model.Subscription;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StoredRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The engine's record layer, opened for bulk tools that move whole productions in and out of a store
 * (the Kitsu JSON import and export in {@code dev.prodtrack.kitsu}). <b>Not for applications:</b> records
 * written through this class skip every permission and domain rule of the session API; a store filled
 * with inconsistent records opens, but the engine's invariants and queries then describe that
 * inconsistency. Applications go through {@link ProdTrack#as} and its sub-APIs.
 *
 * <p>Thread safety: every method may be called from any thread; the engine methods read under the
 * engine's read lock, so they see one consistent state.
 */
public final class EngineRecords {
  private EngineRecords() {}

  /**
   * The stored form of a model record: its key ({@code kind/uuid}) and its encoded payload, exactly as the
   * engine writes it.
   *
   * @param record a model record ({@code Project}, {@code Task}, ...; not a comment)
   * @return the record to put in a change set
   * @throws NullPointerException if {@code record} is null
   * @throws IllegalArgumentException if {@code record} is not a stored model record, is a comment, or
   *     holds a value the engine could not load back
   */
  public static StoredRecord toStored(Object record) {
    if (record instanceof Comment) {
      throw new IllegalArgumentException("a comment needs its posting order: use toStoredComment");
    }
    return new StoredRecord(new RecordKey(RecordCodec.kindOf(record), idOf(record).value().toString()),
        RecordCodec.encodeStored(record));
  }

  /**
   * The stored form of a comment with its posting order, which breaks ties between comments of one task
   * dated the same instant (a lower order is older).
   *
   * @param comment the comment
   * @param order its posting order, any value
   * @return the record to put in a change set
   * @throws NullPointerException if {@code comment} is null
   * @throws IllegalArgumentException if the comment holds a value the engine could not load back
   */
  public static StoredRecord toStoredComment(Comment comment, long order) {
    Objects.requireNonNull(comment, "comment");
    return new StoredRecord(new RecordKey(RecordCodec.COMMENT, comment.id().value().toString()),
        RecordCodec.encodeStoredComment(comment, order));
  }

  /**
   * Every record of the engine, read in one consistent snapshot: kinds in dependency order (departments,
   * persons, task types, task statuses, entity types, projects, entities, tasks, comments, time spents,
   * days off, notifications, news, subscriptions, status automations), records of a kind in no
   * particular order, except comments, which come in the engine's chronology (created_at, then posting
   * order).
   *
   * @param engine the engine
   * @return a new mutable list
   * @throws NullPointerException if {@code engine} is null
   */
  public static List<Object> records(ProdTrack engine) {
    Objects.requireNonNull(engine, "engine");
    return engine.read(s -> {
      List<Object> all = new ArrayList<>(s.allRecords().size());
      all.addAll(s.departments.values());
      all.addAll(s.persons.values());
      all.addAll(s.taskTypes.values());
      all.addAll(s.taskStatuses.values());
      all.addAll(s.entityTypes.values());
      all.addAll(s.projects.values());
      all.addAll(s.entities.values());
      all.addAll(s.tasks.values());
      List<Comment> comments = new ArrayList<>(s.comments.values());
      comments.sort(s.commentChronology);
      all.addAll(comments);
      all.addAll(s.timeSpents.values());
      all.addAll(s.daysOff.values());
      all.addAll(s.notifications.values());
      all.addAll(s.news.values());
      all.addAll(s.subscriptions.values());
      all.addAll(s.statusAutomations.values());
      return all;
    });
  }

  /**
   * Replays every task from its comment history with Kitsu's {@code reset_task_data} rules (the replay
   * the engine runs on a comment deletion or move), without changing anything, and hands each stored task
   * and its replayed twin to {@code sink}. The replayed task differs from the stored one only in the
   * fields the replay derives: status, retake count, real start, end, done and last comment dates,
   * duration; its {@code updated_at} is the stored one. A task whose entity has no default status
   * available (neither an {@code is_default} status nor the "todo"/"neutral" short name) and no comment
   * is replayed to its stored status.
   *
   * @param engine the engine
   * @param sink receives (stored, replayed) for each task, under the engine's read lock: it must not call
   *     back into the engine's mutations
   * @throws NullPointerException if an argument is null
   */
  public static void replayTasks(ProdTrack engine, BiConsumer<Task, Task> sink) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(sink, "sink");
    engine.read(s -> {
      TaskStatus entityDefault = TaskApi.findDefaultStatus(s, false);
      TaskStatus conceptDefault = TaskApi.findDefaultStatus(s, true);
      List<Task> tasks = new ArrayList<>(s.tasks.values());
      tasks.sort(Comparator.comparing(t -> t.id().value()));
      for (Task t : tasks) {
        Entity e = s.entities.get(t.entityId());
        boolean concept = e != null && Kinds.kindOf(s, e) == EntityKind.CONCEPT;
        TaskStatus fallback = concept ? conceptDefault : entityDefault;
        Task replayed = StatusRules.replay(t, s.commentsOf(t.id()), s.taskStatuses::get,
            fallback == null ? t.taskStatusId() : fallback.id(), s.timeSpentsOf(t.id()), t.updatedAt());
        sink.accept(t, replayed);
      }
      return null;
    });
  }

  /** The id of a stored model record. */
  static Id idOf(Object record) {
    if (record instanceof Task r) {
      return r.id();
    } else if (record instanceof Comment r) {
      return r.id();
    } else if (record instanceof News r) {
      return r.id();
    } else if (record instanceof Notification r) {
      return r.id();
    } else if (record instanceof TimeSpent r) {
      return r.id();
    } else if (record instanceof Entity r) {
      return r.id();
    } else if (record instanceof Project r) {
      return r.id();
    } else if (record instanceof Person r) {
      return r.id();
    } else if (record instanceof Department r) {
      return r.id();
    } else if (record instanceof EntityType r) {
      return r.id();
    } else if (record instanceof TaskType r) {
      return r.id();
    } else if (record instanceof TaskStatus r) {
      return r.id();
    } else if (record instanceof DayOff r) {
      return r.id();
    } else if (record instanceof Subscription r) {
      return r.id();
    } else if (record instanceof StatusAutomation r) {
      return r.id();
    } else if (record instanceof dev.prodtrack.model.TaskDependency r) {
      return r.id();
    }
    throw new IllegalArgumentException("record must be a stored model record, was a " + record.getClass().getName());
  }
}
