package dev.prodtrack;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.DayOffId;
import dev.prodtrack.model.Department;
import dev.prodtrack.model.DepartmentId;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.EntityTypeId;
import dev.prodtrack.model.Id;
import dev.prodtrack.model.News;
import dev.prodtrack.model.NewsId;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.NotificationId;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.StatusAutomation;
import dev.prodtrack.model.StatusAutomationId;
import dev.prodtrack.model.Subscription;
import dev.prodtrack.model.SubscriptionId;
import dev.prodtrack.model.TaskDependency;
import dev.prodtrack.model.TaskDependencyId;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TaskTypeId;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.model.TimeSpentId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.collections.api.list.MutableList;
import org.eclipse.collections.api.map.MutableMap;
import org.eclipse.collections.api.map.primitive.MutableIntLongMap;
import org.eclipse.collections.api.map.primitive.MutableObjectIntMap;
import org.eclipse.collections.api.map.primitive.MutableObjectLongMap;
import org.eclipse.collections.api.multimap.set.MutableSetMultimap;
import org.eclipse.collections.api.set.MutableSet;
import org.eclipse.collections.impl.factory.Multimaps;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;
import org.eclipse.collections.impl.map.mutable.primitive.IntLongHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectLongHashMap;

/**
 * The engine's in-memory state: every record by id, and the indexes the queries read.
 *
 * <p>Design note. The state is mutated only by {@link #put} and {@link #remove}, called by the single
 * writer after the store acknowledged a change set (and, while the engine opens, by the {@link
 * StateLoader}'s applying thread, before any reader exists); each call keeps every index in step with
 * the records. Readers hold the engine's read lock, so they never see a half-applied change set. Comments
 * of a task are kept sorted by (created_at, posting order): the posting order is an engine ordinal
 * persisted with the comment, so that replays after a reopen order equal-dated comments as the live
 * path did.
 */
final class State {
  record TaskKey(EntityId entity, TaskTypeId taskType, String name) {}

  record TimeSpentKey(TaskId task, PersonId person, LocalDate date) {}

  /** Kitsu's entity uniqueness: (name, project, entity type, parent). */
  record EntityKey(ProjectId project, EntityTypeId type, EntityId parent, String name) {
    static EntityKey of(Entity e) {
      return new EntityKey(e.projectId(), e.entityTypeId(), e.parentId(), e.name());
    }
  }

  final MutableMap<ProjectId, Project> projects = UnifiedMap.newMap();
  final MutableMap<PersonId, Person> persons = UnifiedMap.newMap();
  final MutableMap<DepartmentId, Department> departments = UnifiedMap.newMap();
  final MutableMap<EntityTypeId, EntityType> entityTypes = UnifiedMap.newMap();
  final MutableMap<EntityId, Entity> entities = new SizedMap<>();
  final MutableMap<TaskTypeId, TaskType> taskTypes = UnifiedMap.newMap();
  final MutableMap<TaskStatusId, TaskStatus> taskStatuses = UnifiedMap.newMap();
  final MutableMap<TaskId, Task> tasks = new SizedMap<>();
  final MutableMap<CommentId, Comment> comments = new SizedMap<>();
  final MutableMap<TimeSpentId, TimeSpent> timeSpents = new SizedMap<>();
  final MutableMap<DayOffId, DayOff> daysOff = UnifiedMap.newMap();
  final MutableMap<NotificationId, Notification> notifications = new SizedMap<>();
  final MutableMap<NewsId, News> news = new SizedMap<>();
  final MutableMap<SubscriptionId, Subscription> subscriptions = UnifiedMap.newMap();
  final MutableMap<StatusAutomationId, StatusAutomation> statusAutomations = UnifiedMap.newMap();
  final MutableMap<TaskDependencyId, TaskDependency> taskDependencies = UnifiedMap.newMap();

  /**
   * Bumped by every put or removal of a person or a project, the records read permissions are decided
   * from: an answer computed from them holds while this has not moved ({@link TaskApi} keeps its caller's
   * last read check by it). Written by the single writer, read under the engine's lock.
   */
  long accessVersion;

  final MutableObjectLongMap<CommentId> commentOrder = new ObjectLongHashMap<>();
  long lastCommentOrder;

  final MutableMap<String, ProjectId> projectByName = UnifiedMap.newMap();
  final MutableMap<String, TaskTypeId> taskTypeByName = UnifiedMap.newMap();
  final MutableMap<String, TaskStatusId> statusByShortName = UnifiedMap.newMap();
  final MutableMap<String, DepartmentId> departmentByName = UnifiedMap.newMap();
  final MutableMap<String, EntityTypeId> entityTypeByName = UnifiedMap.newMap();
  final MutableSetMultimap<ProjectId, EntityId> entitiesByProject = Multimaps.mutable.set.empty();
  final MutableSetMultimap<EntityId, EntityId> entitiesByParent = Multimaps.mutable.set.empty();
  final MutableMap<EntityKey, EntityId> entityByKey = new SizedMap<>();
  final MutableSetMultimap<ProjectId, TaskId> tasksByProject = Multimaps.mutable.set.empty();
  /**
   * The current task records of each task's entity that {@link #entityReads} does not hold (a task loaded
   * before its entity, or left by an entity removed before it), as immutable lists: empty in a consistent
   * state. The tasks of an entity it holds are in {@link #entityReads} only ({@link #tasksOn} reads both), so
   * that a task change costs one probe of one table for its entity's list, not one of each.
   */
  final MutableMap<EntityId, FrozenList<Task>> tasksWithoutEntity = UnifiedMap.newMap();
  /**
   * Every entity with its project's ordinal and its task list ({@link #tasksOn}: the current task records,
   * not ids, as immutable lists replaced on every change of the entity's tasks, {@link FrozenList}; a query
   * returns the list itself): the one probe of the lock-free point reads. Kept by {@link #put} and {@link
   * #remove} of entities and tasks.
   */
  final EntityReads entityReads = new EntityReads();
  /**
   * A small positive number per project id ever seen in an entity or asked for, never reused nor dropped
   * (a state holds few projects): what {@link #entityReads} keeps and a reader's remembered read check
   * compares, instead of reading and comparing ids.
   */
  private final MutableObjectIntMap<ProjectId> projectOrdinals = new ObjectIntHashMap<>();
  final MutableSetMultimap<TaskStatusId, TaskId> tasksByStatus = Multimaps.mutable.set.empty();
  final MutableSetMultimap<TaskTypeId, TaskId> tasksByType = Multimaps.mutable.set.empty();
  final MutableSetMultimap<PersonId, TaskId> tasksByAssignee = Multimaps.mutable.set.empty();
  final MutableMap<TaskKey, TaskId> taskByKey = new SizedMap<>();
  /**
   * Per task with comments, notifications or news: the three in one entry ({@link TaskLog}), so that a
   * comment, its news and its notifications cost one probe of this table instead of one per kind.
   */
  final SizedMap<TaskId, TaskLog> logs = new SizedMap<>();
  final MutableObjectIntMap<TaskStatusId> commentsPerStatus = new ObjectIntHashMap<>();
  final MutableSetMultimap<TaskId, TimeSpentId> timeSpentsByTask = Multimaps.mutable.set.empty();
  final MutableMap<TimeSpentKey, TimeSpentId> timeSpentByKey = new SizedMap<>();
  final MutableSetMultimap<PersonId, TimeSpentId> timeSpentsByPerson = Multimaps.mutable.set.empty();
  final MutableSetMultimap<PersonId, DayOffId> daysOffByPerson = Multimaps.mutable.set.empty();
  final MutableSetMultimap<PersonId, NotificationId> notificationsByPerson = Multimaps.mutable.set.empty();
  final MutableSetMultimap<TaskId, SubscriptionId> subscriptionsByTask = Multimaps.mutable.set.empty();
  final MutableSetMultimap<EntityId, SubscriptionId> subscriptionsBySequence = Multimaps.mutable.set.empty();
  /** Each task's stored dependencies, as predecessor or as successor. */
  final MutableSetMultimap<TaskId, TaskDependencyId> dependenciesByTask = Multimaps.mutable.set.empty();
  final MutableSetMultimap<ProjectId, TaskDependencyId> dependenciesByProject = Multimaps.mutable.set.empty();
  /**
   * Per project, the tasks with a due date and no done date, by due date then id: the tasks late as of
   * a day are a prefix ({@link #undoneByDue}).
   */
  final MutableMap<ProjectId, TreeMap<LocalDate, TreeSet<TaskId>>> undoneByDue = UnifiedMap.newMap();
  /** Per person, the time spent per day (epoch day to nanoseconds, zero sums left out). */
  final MutableMap<PersonId, MutableIntLongMap> spentByPersonDay = UnifiedMap.newMap();
  /**
   * Per person with time spent, the same sums as running totals ({@link RunningSums}): a range of days is
   * two array reads. {@link #NO_RUNNING_SUMS} for a person whose days span too far for them. Null until a
   * query needs them ({@link #spentRunning()}), then kept up to date by every time-spent change; volatile
   * for the same reason as {@link #earnedValue}. Not built while a store loads: building them from the
   * day sums is one pass, where keeping them during a load costs a pass over the span per row.
   */
  private volatile MutableMap<PersonId, RunningSums> spentRunning;
  /** The marker of a person left to the per-day sums. */
  static final RunningSums NO_RUNNING_SUMS = new RunningSums(0);
  /**
   * The earned-value sums per project: null until a query needs them ({@link #earnedValueIndex()}), then
   * kept up to date by every mutation; dropped when a status's done flag changes. Volatile: concurrent
   * readers may build it at once, each a complete index.
   */
  private volatile EarnedValueIndex earnedValue;
  /** The schedule analytics' task views ({@link #scheduleTaskIndex()}): null until needed, as earnedValue. */
  private volatile ScheduleTaskIndex scheduleTasks;
  /**
   * Each person's open tasks by due date: null until the todo list needs it ({@link #todoIndex()}), then
   * kept up to date by every task change; dropped when a status appears or its done flag changes.
   * Volatile for the same reason as {@link #earnedValue}.
   */
  private volatile TodoIndex todo;
  /**
   * Per project and status, the tasks in the open-tasks page's order with running sums: null until "tasks
   * by status" needs it ({@link #statusTaskIndex()}), then kept up to date by every task change; dropped
   * when a task type appears, is removed or moves in or out of Concept. Volatile for the same reason as
   * {@link #earnedValue}.
   */
  private volatile StatusTaskIndex byStatus;

  /**
   * Whether a bulk load runs ({@link #beginBulkLoad}): comments are appended to their task's list, and
   * {@link #endBulkLoad()} orders the lists.
   */
  private boolean bulk;

  /** Orders a task's comments: created_at ascending, then posting order. */
  final Comparator<Comment> commentChronology =
      Comparator.comparing(Comment::createdAt).thenComparingLong(c -> commentOrder.get(c.id()));

  /**
   * Looks a record up by id.
   *
   * @param id the id
   * @return the record, or null
   */
  Object get(Id id) {
    if (id instanceof TaskId t) {
      return tasks.get(t);
    } else if (id instanceof CommentId c) {
      return comments.get(c);
    } else if (id instanceof TimeSpentId t) {
      return timeSpents.get(t);
    } else if (id instanceof EntityId e) {
      return entities.get(e);
    } else if (id instanceof PersonId p) {
      return persons.get(p);
    } else if (id instanceof ProjectId p) {
      return projects.get(p);
    } else if (id instanceof TaskStatusId s) {
      return taskStatuses.get(s);
    } else if (id instanceof TaskTypeId t) {
      return taskTypes.get(t);
    } else if (id instanceof DepartmentId d) {
      return departments.get(d);
    } else if (id instanceof EntityTypeId e) {
      return entityTypes.get(e);
    } else if (id instanceof DayOffId d) {
      return daysOff.get(d);
    } else if (id instanceof NotificationId n) {
      return notifications.get(n);
    } else if (id instanceof NewsId n) {
      return news.get(n);
    } else if (id instanceof SubscriptionId n) {
      return subscriptions.get(n);
    } else if (id instanceof StatusAutomationId a) {
      return statusAutomations.get(a);
    } else if (id instanceof TaskDependencyId d) {
      return taskDependencies.get(d);
    }
    throw new IllegalArgumentException("unknown id kind " + id.getClass());
  }

  /**
   * Puts a record, replacing the record of the same id, and updates the indexes.
   *
   * @param record a model record
   * @param order the comment's posting order (ignored for other records)
   */
  void put(Object record, long order) {
    if (record instanceof Task t) {
      putTask(t);
    } else if (record instanceof Comment c) {
      putComment(c, order);
    } else if (record instanceof TimeSpent t) {
      putTimeSpent(t);
    } else if (record instanceof Entity e) {
      Entity old = entities.put(e.id(), e);
      if (old != null) {
        entitiesByProject.remove(old.projectId(), old.id());
        if (old.parentId() != null) {
          entitiesByParent.remove(old.parentId(), old.id());
        }
        entityByKey.remove(EntityKey.of(old));
      }
      entityByKey.put(EntityKey.of(e), e.id());
      FrozenList<Task> waiting = tasksWithoutEntity.remove(e.id()); // tasks that came first, if any
      entityReads.put(e.id(), projectOrdinal(e.projectId()), waiting != null ? waiting : tasksOn(e.id()));
      entitiesByProject.put(e.projectId(), e.id());
      if (e.parentId() != null) {
        entitiesByParent.put(e.parentId(), e.id());
      }
    } else if (record instanceof Project p) {
      Project old = projects.put(p.id(), p);
      accessVersion++;
      if (old != null) {
        projectByName.remove(old.name());
      }
      projectByName.put(p.name(), p.id());
    } else if (record instanceof Person p) {
      persons.put(p.id(), p);
      accessVersion++;
    } else if (record instanceof TaskStatus s) {
      TaskStatus old = taskStatuses.put(s.id(), s);
      if (old == null || old.isDone() != s.isDone()) {
        earnedValue = null;
        scheduleTasks = null;
        todo = null;
      }
      if (old != null) {
        statusByShortName.remove(old.shortName());
      }
      statusByShortName.put(s.shortName(), s.id());
    } else if (record instanceof TaskType t) {
      TaskType old = taskTypes.put(t.id(), t);
      if (old == null || StatusTaskIndex.isConcept(old) != StatusTaskIndex.isConcept(t)) {
        byStatus = null;
      }
      if (old != null) {
        taskTypeByName.remove(old.name());
      }
      taskTypeByName.put(t.name(), t.id());
    } else if (record instanceof Department d) {
      Department old = departments.put(d.id(), d);
      if (old != null) {
        departmentByName.remove(old.name());
      }
      departmentByName.put(d.name(), d.id());
    } else if (record instanceof EntityType e) {
      EntityType old = entityTypes.put(e.id(), e);
      if (old != null) {
        entityTypeByName.remove(old.name());
      }
      entityTypeByName.put(e.name(), e.id());
    } else if (record instanceof DayOff d) {
      DayOff old = daysOff.put(d.id(), d);
      if (old != null) {
        daysOffByPerson.remove(old.personId(), old.id());
      }
      daysOffByPerson.put(d.personId(), d.id());
    } else if (record instanceof Notification n) {
      Notification old = notifications.put(n.id(), n);
      if (old != null) {
        if (old.personId().equals(n.personId()) && old.taskId().equals(n.taskId())) {
          return; // marked read or unread: its index entries stay as they are
        }
        unindexNotification(old);
      }
      notificationsByPerson.put(n.personId(), n.id());
      logs.getIfAbsentPut(n.taskId(), TaskLog::new).addNotification(n.id());
    } else if (record instanceof News n) {
      News old = news.put(n.id(), n);
      if (old != null) {
        if (old.taskId().equals(n.taskId())) {
          return; // its one index entry stays as it is
        }
        unindexNews(old);
      }
      logs.getIfAbsentPut(n.taskId(), TaskLog::new).addNews(n.id());
    } else if (record instanceof Subscription n) {
      remove(n.id());
      subscriptions.put(n.id(), n);
      if (n.taskId() != null) {
        subscriptionsByTask.put(n.taskId(), n.id());
      } else {
        subscriptionsBySequence.put(n.sequenceId(), n.id());
      }
    } else if (record instanceof StatusAutomation a) {
      statusAutomations.put(a.id(), a);
    } else if (record instanceof TaskDependency d) {
      remove(d.id());
      taskDependencies.put(d.id(), d);
      dependenciesByTask.put(d.predecessorId(), d.id());
      dependenciesByTask.put(d.successorId(), d.id());
      dependenciesByProject.put(d.projectId(), d.id());
    } else {
      throw new IllegalArgumentException("not a model record: " + record);
    }
  }

  /**
   * Removes a record and its index entries. Removing an absent record does nothing.
   *
   * @param id the record's id
   */
  void remove(Id id) {
    if (id instanceof TaskId t) {
      Task old = tasks.remove(t);
      if (old != null) {
        unindexTask(old);
      }
    } else if (id instanceof CommentId c) {
      Comment old = comments.remove(c);
      if (old != null) {
        unindexComment(old);
        commentOrder.remove(c);
      }
    } else if (id instanceof TimeSpentId t) {
      TimeSpent old = timeSpents.remove(t);
      if (old != null) {
        timeSpentsByTask.remove(old.taskId(), old.id());
        timeSpentsByPerson.remove(old.personId(), old.id());
        timeSpentByKey.remove(new TimeSpentKey(old.taskId(), old.personId(), old.date()));
        addSpent(old, -1);
        EarnedValueIndex ev = earnedValue;
        if (ev != null) {
          ev.spent(old, -1);
        }
      }
    } else if (id instanceof EntityId e) {
      Entity old = entities.remove(e);
      if (old != null) {
        FrozenList<Task> left = tasksOn(e);
        entityReads.remove(e);
        if (!left.isEmpty()) {
          tasksWithoutEntity.put(e, left); // its tasks stay in the state, so they stay listed
        }
        entityByKey.remove(EntityKey.of(old));
        entitiesByProject.remove(old.projectId(), e);
        if (old.parentId() != null) {
          entitiesByParent.remove(old.parentId(), e);
        }
      }
    } else if (id instanceof TaskStatusId s) {
      earnedValue = null;
      scheduleTasks = null;
      todo = null;
      TaskStatus old = taskStatuses.remove(s);
      if (old != null) {
        statusByShortName.remove(old.shortName());
      }
    } else if (id instanceof TaskTypeId t) {
      TaskType old = taskTypes.remove(t);
      byStatus = null;
      if (old != null) {
        taskTypeByName.remove(old.name());
      }
    } else if (id instanceof DayOffId d) {
      DayOff old = daysOff.remove(d);
      if (old != null) {
        daysOffByPerson.remove(old.personId(), d);
      }
    } else if (id instanceof ProjectId p) {
      Project old = projects.remove(p);
      accessVersion++;
      if (old != null) {
        projectByName.remove(old.name());
      }
    } else if (id instanceof PersonId p) {
      persons.remove(p);
      accessVersion++;
    } else if (id instanceof DepartmentId d) {
      Department old = departments.remove(d);
      if (old != null) {
        departmentByName.remove(old.name());
      }
    } else if (id instanceof EntityTypeId e) {
      EntityType old = entityTypes.remove(e);
      if (old != null) {
        entityTypeByName.remove(old.name());
      }
    } else if (id instanceof NotificationId n) {
      Notification old = notifications.remove(n);
      if (old != null) {
        unindexNotification(old);
      }
    } else if (id instanceof NewsId n) {
      News old = news.remove(n);
      if (old != null) {
        unindexNews(old);
      }
    } else if (id instanceof StatusAutomationId a) {
      statusAutomations.remove(a);
    } else if (id instanceof TaskDependencyId d) {
      TaskDependency old = taskDependencies.remove(d);
      if (old != null) {
        dependenciesByTask.remove(old.predecessorId(), d);
        dependenciesByTask.remove(old.successorId(), d);
        dependenciesByProject.remove(old.projectId(), d);
      }
    } else if (id instanceof SubscriptionId n) {
      Subscription old = subscriptions.remove(n);
      if (old != null) {
        if (old.taskId() != null) {
          subscriptionsByTask.remove(old.taskId(), n);
        } else {
          subscriptionsBySequence.remove(old.sequenceId(), n);
        }
      }
    }
  }

  private void unindexNotification(Notification old) {
    notificationsByPerson.remove(old.personId(), old.id());
    TaskLog log = logs.get(old.taskId());
    if (log != null) {
      log.removeNotification(old.id());
      dropIfEmpty(old.taskId(), log);
    }
  }

  private void unindexNews(News old) {
    TaskLog log = logs.get(old.taskId());
    if (log != null) {
      log.removeNews(old.id());
      dropIfEmpty(old.taskId(), log);
    }
  }

  private void dropIfEmpty(TaskId task, TaskLog log) {
    if (log.isEmpty()) {
      logs.remove(task);
    }
  }

  /**
   * The ids of a task's notifications.
   *
   * @param task the task
   * @return a read-only view, in no particular order; empty when it has none
   */
  List<NotificationId> notificationIdsOf(TaskId task) {
    TaskLog log = logs.get(task);
    return log == null ? List.of() : TaskLog.view(log.notifications);
  }

  /**
   * The ids of a task's news.
   *
   * @param task the task
   * @return a read-only view, in no particular order; empty when it has none
   */
  List<NewsId> newsIdsOf(TaskId task) {
    TaskLog log = logs.get(task);
    return log == null ? List.of() : TaskLog.view(log.news);
  }

  /**
   * The notifications of a comment: those of its task that name it (every notification of a comment is on
   * the comment's task; {@link Invariants} checks it).
   *
   * @param comment a committed comment
   * @return the ids, a new list
   */
  List<NotificationId> notificationsOfComment(CommentId comment) {
    List<NotificationId> out = new ArrayList<>(4);
    Comment c = comments.get(comment);
    if (c != null) {
      notificationIdsOf(c.taskId()).forEach(id -> {
        if (comment.equals(notifications.get(id).commentId())) {
          out.add(id);
        }
      });
    }
    return out;
  }

  /**
   * The news of a comment: those of its task that name it (every news entry of a comment is on the
   * comment's task; {@link Invariants} checks it).
   *
   * @param comment a committed comment
   * @return the ids, a new list
   */
  List<NewsId> newsOfComment(CommentId comment) {
    List<NewsId> out = new ArrayList<>(2);
    Comment c = comments.get(comment);
    if (c != null) {
      newsIdsOf(c.taskId()).forEach(id -> {
        if (comment.equals(news.get(id).commentId())) {
          out.add(id);
        }
      });
    }
    return out;
  }

  private void putTask(Task t) {
    Task old = tasks.put(t.id(), t);
    if (old == null) {
      indexNewTask(t);
      return;
    }
    if (!old.name().equals(t.name()) || !old.entityId().equals(t.entityId())
        || !old.taskTypeId().equals(t.taskTypeId()) || !old.projectId().equals(t.projectId())) {
      unindexTask(old);
      indexNewTask(t);
      return;
    }
    if (!Objects.equals(old.dueDate(), t.dueDate()) || (old.doneDate() == null) != (t.doneDate() == null)) {
      unindexDue(old);
      indexDue(t);
    }
    EarnedValueIndex ev = earnedValue;
    if (ev != null) {
      ev.replaceTask(old, t);
    }
    ScheduleTaskIndex st = scheduleTasks;
    if (st != null) {
      st.replaced(this, old, t);
    }
    TodoIndex open = todo;
    if (open != null) {
      open.replace(old, t);
    }
    StatusTaskIndex bs = byStatus;
    if (bs != null) {
      bs.replace(old, t);
    }
    FrozenList<Task> onEntity = tasksOn(t.entityId());
    setTasksOn(t.entityId(), onEntity.with(indexOf(onEntity, old), t));
    if (!old.taskStatusId().equals(t.taskStatusId())) {
      tasksByStatus.remove(old.taskStatusId(), t.id());
      tasksByStatus.put(t.taskStatusId(), t.id());
    }
    if (!old.assignees().equals(t.assignees())) {
      for (PersonId p : old.assignees()) {
        tasksByAssignee.remove(p, t.id());
      }
      for (PersonId p : t.assignees()) {
        tasksByAssignee.put(p, t.id());
      }
    }
  }

  private void indexNewTask(Task t) {
    tasksByProject.put(t.projectId(), t.id());
    setTasksOn(t.entityId(), tasksOn(t.entityId()).appended(t));
    tasksByStatus.put(t.taskStatusId(), t.id());
    tasksByType.put(t.taskTypeId(), t.id());
    for (PersonId p : t.assignees()) {
      tasksByAssignee.put(p, t.id());
    }
    taskByKey.put(new TaskKey(t.entityId(), t.taskTypeId(), t.name()), t.id());
    indexDue(t);
    EarnedValueIndex ev = earnedValue;
    if (ev != null) {
      ev.task(t, 1);
    }
    ScheduleTaskIndex st = scheduleTasks;
    if (st != null) {
      st.added(this, t);
    }
    TodoIndex open = todo;
    if (open != null) {
      open.add(t);
    }
    StatusTaskIndex bs = byStatus;
    if (bs != null) {
      bs.add(t);
    }
  }

  private void unindexTask(Task old) {
    unindexDue(old);
    EarnedValueIndex ev = earnedValue;
    if (ev != null) {
      ev.task(old, -1);
    }
    ScheduleTaskIndex st = scheduleTasks;
    if (st != null) {
      st.removed(old);
    }
    TodoIndex open = todo;
    if (open != null) {
      open.remove(old);
    }
    StatusTaskIndex bs = byStatus;
    if (bs != null) {
      bs.remove(old);
    }
    tasksByProject.remove(old.projectId(), old.id());
    FrozenList<Task> was = tasksOn(old.entityId());
    FrozenList<Task> onEntity = was.without(indexOf(was, old.id()));
    setTasksOn(old.entityId(), onEntity);
    tasksByStatus.remove(old.taskStatusId(), old.id());
    tasksByType.remove(old.taskTypeId(), old.id());
    for (PersonId p : old.assignees()) {
      tasksByAssignee.remove(p, old.id());
    }
    taskByKey.remove(new TaskKey(old.entityId(), old.taskTypeId(), old.name()));
  }

  private static final Comparator<TaskId> BY_ID_VALUE = Comparator.comparing(TaskId::value);

  private void indexDue(Task t) {
    if (t.dueDate() != null && t.doneDate() == null) {
      undoneByDue.getIfAbsentPut(t.projectId(), TreeMap::new)
          .computeIfAbsent(t.dueDate(), d -> new TreeSet<>(BY_ID_VALUE)).add(t.id());
    }
  }

  private void unindexDue(Task old) {
    if (old.dueDate() == null || old.doneDate() != null) {
      return;
    }
    TreeMap<LocalDate, TreeSet<TaskId>> byDue = undoneByDue.get(old.projectId());
    TreeSet<TaskId> onDay = byDue.get(old.dueDate());
    onDay.remove(old.id());
    if (onDay.isEmpty()) {
      byDue.remove(old.dueDate());
      if (byDue.isEmpty()) {
        undoneByDue.remove(old.projectId());
      }
    }
  }

  /**
   * Visits the tasks of a project that are late as of a day by Kitsu's open-tasks rule (a due date
   * strictly before the day, no done date), most late first: by due date, then id.
   *
   * @param project the project
   * @param asOf the day
   * @param limit how many tasks to collect at most
   * @param into receives up to {@code limit} tasks, most late first
   * @return how many tasks are late (all of them, not only those collected)
   */
  int lateTasks(ProjectId project, LocalDate asOf, int limit, List<Task> into) {
    TreeMap<LocalDate, TreeSet<TaskId>> byDue = undoneByDue.get(project);
    if (byDue == null) {
      return 0;
    }
    int count = 0;
    for (TreeSet<TaskId> onDay : byDue.headMap(asOf, false).values()) {
      if (into.size() < limit) {
        for (TaskId id : onDay) {
          if (into.size() == limit) {
            break;
          }
          into.add(tasks.get(id));
        }
      }
      count += onDay.size();
    }
    return count;
  }

  /**
   * Where a task's current record is in its entity's list: found by reference (the list holds the record
   * {@link #tasks} held, so no record is followed to its id), else by id.
   */
  private static int indexOf(List<Task> tasks, Task current) {
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i) == current) {
        return i;
      }
    }
    return indexOf(tasks, current.id());
  }

  private static int indexOf(List<Task> tasks, TaskId id) {
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("task " + id + " missing from its entity's index");
  }

  /**
   * Sets an entity's task list: in {@link #entityReads} when it holds the entity, else in {@link
   * #tasksWithoutEntity} (none when empty).
   */
  private void setTasksOn(EntityId entity, FrozenList<Task> onEntity) {
    if (onEntity.isEmpty()) {
      if (!entityReads.setTasks(entity, FrozenList.empty())) {
        tasksWithoutEntity.remove(entity);
      }
    } else {
      if (!entityReads.setTasks(entity, onEntity)) {
        tasksWithoutEntity.put(entity, onEntity);
      }
    }
  }

  /**
   * The ordinal of a project id for {@link #entityReads}, given on first use. Writer only.
   *
   * @param project the project id
   * @return its ordinal, {@code > 0}
   */
  int projectOrdinal(ProjectId project) {
    int known = projectOrdinals.getIfAbsent(project, 0);
    if (known != 0) {
      return known;
    }
    int next = projectOrdinals.size() + 1;
    projectOrdinals.put(project, next);
    return next;
  }

  /**
   * The ordinal of a project id if it has one ({@link #projectOrdinal}). Changes nothing.
   *
   * @param project the project id
   * @return its ordinal, or 0 if it has none yet
   */
  int projectOrdinalIfAny(ProjectId project) {
    return projectOrdinals.getIfAbsent(project, 0);
  }

  /**
   * The tasks of an entity.
   *
   * @param entity the entity
   * @return the state's immutable list, empty when the entity has none (a later change of the entity's
   *     tasks replaces the list, it does not change this one)
   */
  FrozenList<Task> tasksOn(EntityId entity) {
    FrozenList<Task> list = entityReads.tasksOf(entity.value());
    if (list == null) {
      list = tasksWithoutEntity.get(entity);
    }
    return list == null ? FrozenList.empty() : list;
  }

  private void putComment(Comment c, long order) {
    Comment old = comments.put(c.id(), c);
    if (old != null) {
      unindexComment(old);
    }
    commentOrder.put(c.id(), order);
    lastCommentOrder = Math.max(lastCommentOrder, order);
    MutableList<Comment> list = logs.getIfAbsentPut(c.taskId(), TaskLog::new).comments();
    commentsPerStatus.addToValue(c.taskStatusId(), 1);
    if (bulk) {
      // a bulk load appends; endBulkLoad() orders each task's comments once
      list.add(c);
      return;
    }
    int at = list.size();
    // Comments usually arrive newest last: walk back from the end to the insertion point.
    while (at > 0 && commentChronology.compare(list.get(at - 1), c) > 0) {
      at--;
    }
    list.add(at, c);
  }

  /**
   * Starts a bulk load: until {@link #endBulkLoad()}, {@link #put} appends each comment to its task's
   * list instead of inserting it in order (an ordered insertion compares through a hash lookup of each
   * comment's posting order, and records arrive from a store in no particular order, so each insertion
   * walks a good part of the list). Only the loader calls this, on an empty state, before any reader.
   *
   * @throws IllegalStateException if a bulk load runs already or the state holds comments
   */
  void beginBulkLoad() {
    if (bulk || !comments.isEmpty()) {
      throw new IllegalStateException("a bulk load starts once, on a state without comments");
    }
    bulk = true;
  }

  /**
   * Ends a bulk load: orders each task's comments by (created_at, posting order), a stable sort of the
   * lists in the order the comments arrived, which is what inserting them one by one gives. Does nothing
   * when no bulk load runs.
   */
  void endBulkLoad() {
    if (!bulk) {
      return;
    }
    bulk = false;
    logs.forEachValue(log -> {
      if (log.comments != null) {
        orderComments(log.comments, commentOrder);
      }
    });
  }

  /**
   * Sizes the tables of the kinds a bulk load is about to put, from the store's counts per kind
   * ({@link dev.prodtrack.storage.LoadSizeHint}), so that they do not rehash on the way; only while a
   * bulk load runs on an empty state (otherwise nothing happens). The counts are a hint: a wrong one
   * costs memory or rehashes, never a different state.
   *
   * @param counts the expected record count per kind (kinds as {@link RecordCodec#KINDS} names them)
   */
  void presize(java.util.Map<String, Integer> counts) {
    if (!bulk || !tasks.isEmpty() || !comments.isEmpty() || !timeSpents.isEmpty()) {
      return;
    }
    int taskCount = counts.getOrDefault(RecordCodec.TASK, 0);
    int entityCount = counts.getOrDefault(RecordCodec.ENTITY, 0);
    int spentCount = counts.getOrDefault(RecordCodec.TIME_SPENT, 0);
    presize(tasks, taskCount);
    presize(taskByKey, taskCount);
    presize(logs, Math.min(taskCount, counts.getOrDefault(RecordCodec.COMMENT, 0)
        + counts.getOrDefault(RecordCodec.NOTIFICATION, 0) + counts.getOrDefault(RecordCodec.NEWS, 0)));
    presize(comments, counts.getOrDefault(RecordCodec.COMMENT, 0));
    presize(timeSpents, spentCount);
    presize(timeSpentByKey, spentCount);
    presize(entities, entityCount);
    presize(entityByKey, entityCount);
    presize(notifications, counts.getOrDefault(RecordCodec.NOTIFICATION, 0));
    presize(news, counts.getOrDefault(RecordCodec.NEWS, 0));
  }

  private static void presize(MutableMap<?, ?> map, int expected) {
    if (map instanceof SizedMap<?, ?> sized) {
      sized.presize(expected);
    }
  }

  /** Whether a bulk load runs ({@link #beginBulkLoad}). */
  boolean inBulkLoad() {
    return bulk;
  }

  /**
   * Sorts one task's comments by created_at then posting order, stably: an insertion sort on the
   * instants and the orders read once per comment (a task holds tens of comments, they are usually
   * nearly in order), a merge sort for a long list.
   */
  private static void orderComments(MutableList<Comment> list, MutableObjectLongMap<CommentId> orders) {
    int n = list.size();
    if (n < 2) {
      return;
    }
    Comment[] cs = list.toArray(new Comment[n]);
    long[] os = new long[n];
    for (int i = 0; i < n; i++) {
      os[i] = orders.get(cs[i].id());
    }
    if (n <= 64) {
      insertionSort(cs, os, 0, n);
    } else {
      mergeSort(cs, os, new Comment[n], new long[n], 0, n);
    }
    for (int i = 0; i < n; i++) {
      list.set(i, cs[i]);
    }
  }

  private static int chronology(Comment a, long aOrder, Comment b, long bOrder) {
    int byTime = a.createdAt().compareTo(b.createdAt());
    return byTime != 0 ? byTime : Long.compare(aOrder, bOrder);
  }

  /** A stable insertion sort of {@code cs[from, end)} with its orders. */
  private static void insertionSort(Comment[] cs, long[] os, int from, int end) {
    for (int i = from + 1; i < end; i++) {
      Comment c = cs[i];
      long o = os[i];
      int j = i;
      while (j > from && chronology(cs[j - 1], os[j - 1], c, o) > 0) {
        cs[j] = cs[j - 1];
        os[j] = os[j - 1];
        j--;
      }
      cs[j] = c;
      os[j] = o;
    }
  }

  /** A stable top-down merge sort of {@code cs[from, end)} with its orders. */
  private static void mergeSort(Comment[] cs, long[] os, Comment[] tc, long[] to, int from, int end) {
    if (end - from <= 16) {
      insertionSort(cs, os, from, end);
      return;
    }
    int mid = (from + end) >>> 1;
    mergeSort(cs, os, tc, to, from, mid);
    mergeSort(cs, os, tc, to, mid, end);
    if (chronology(cs[mid - 1], os[mid - 1], cs[mid], os[mid]) <= 0) {
      return;
    }
    System.arraycopy(cs, from, tc, from, end - from);
    System.arraycopy(os, from, to, from, end - from);
    int i = from;
    int j = mid;
    for (int k = from; k < end; k++) {
      // take from the left run on ties: stable
      if (j >= end || (i < mid && chronology(tc[i], to[i], tc[j], to[j]) <= 0)) {
        cs[k] = tc[i];
        os[k] = to[i++];
      } else {
        cs[k] = tc[j];
        os[k] = to[j++];
      }
    }
  }

  private void unindexComment(Comment old) {
    TaskLog log = logs.get(old.taskId());
    if (log != null && log.comments != null) {
      log.comments.removeIf(x -> x.id().equals(old.id()));
      log.trimComments();
      dropIfEmpty(old.taskId(), log);
    }
    if (commentsPerStatus.addToValue(old.taskStatusId(), -1) == 0) {
      commentsPerStatus.remove(old.taskStatusId());
    }
  }

  private void putTimeSpent(TimeSpent t) {
    TimeSpent old = timeSpents.put(t.id(), t);
    if (old != null) {
      timeSpentsByTask.remove(old.taskId(), old.id());
      timeSpentsByPerson.remove(old.personId(), old.id());
      timeSpentByKey.remove(new TimeSpentKey(old.taskId(), old.personId(), old.date()));
      addSpent(old, -1);
    }
    timeSpentsByTask.put(t.taskId(), t.id());
    timeSpentsByPerson.put(t.personId(), t.id());
    timeSpentByKey.put(new TimeSpentKey(t.taskId(), t.personId(), t.date()), t.id());
    addSpent(t, 1);
    EarnedValueIndex ev = earnedValue;
    if (ev != null) {
      if (old != null) {
        ev.spent(old, -1);
      }
      ev.spent(t, 1);
    }
  }

  /**
   * The earned-value sums per project, built from the records on first use. Call under the engine's
   * read or write lock.
   *
   * @return the index, kept up to date by every later mutation
   */
  EarnedValueIndex earnedValueIndex() {
    EarnedValueIndex ev = earnedValue;
    if (ev == null) {
      ev = EarnedValueIndex.build(this);
      earnedValue = ev;
    }
    return ev;
  }

  /**
   * The running sums of time spent per person, built from the per-day sums on first use. Call under the
   * engine's read or write lock.
   *
   * @return the sums by person, kept up to date by every later time-spent change
   */
  MutableMap<PersonId, RunningSums> spentRunning() {
    MutableMap<PersonId, RunningSums> byPerson = spentRunning;
    if (byPerson == null) {
      MutableMap<PersonId, RunningSums> built = UnifiedMap.newMap(spentByPersonDay.size());
      spentByPersonDay.forEachKeyValue((person, days) -> {
        RunningSums r = RunningSums.of(days);
        built.put(person, r == null ? NO_RUNNING_SUMS : r);
      });
      byPerson = built;
      spentRunning = byPerson;
    }
    return byPerson;
  }

  /**
   * The schedule analytics' task views, built from the records on first use. Call under the engine's
   * read or write lock.
   *
   * @return the index, kept up to date by every later mutation
   */
  ScheduleTaskIndex scheduleTaskIndex() {
    ScheduleTaskIndex st = scheduleTasks;
    if (st == null) {
      st = ScheduleTaskIndex.build(this);
      scheduleTasks = st;
    }
    return st;
  }

  /**
   * Each person's open tasks by due date, built from the records on first use. Call under the engine's
   * read or write lock.
   *
   * @return the index, kept up to date by every later task change
   */
  TodoIndex todoIndex() {
    TodoIndex open = todo;
    if (open == null) {
      open = TodoIndex.build(this);
      todo = open;
    }
    return open;
  }

  /**
   * Per project and status, the tasks in the open-tasks page's order with their sums, built from the records
   * on first use. Call under the engine's read or write lock.
   *
   * @return the index, kept up to date by every later task change
   */
  StatusTaskIndex statusTaskIndex() {
    StatusTaskIndex index = byStatus;
    if (index == null) {
      index = StatusTaskIndex.build(this);
      byStatus = index;
    }
    return index;
  }

  /** Adds (sign 1) or takes away (sign -1) a row from its person's day sum; a zero sum is dropped. */
  private void addSpent(TimeSpent t, int sign) {
    MutableIntLongMap days = spentByPersonDay.getIfAbsentPut(t.personId(), IntLongHashMap::new);
    int day = Math.toIntExact(t.date().toEpochDay());
    long nanos = sign * t.duration().toNanos();
    MutableMap<PersonId, RunningSums> byPerson = spentRunning;
    if (byPerson != null) {
      RunningSums running = byPerson.get(t.personId());
      if (running == null) {
        running = new RunningSums(day);
        byPerson.put(t.personId(), running);
      }
      if (running != NO_RUNNING_SUMS && !running.add(day, nanos)) {
        byPerson.put(t.personId(), NO_RUNNING_SUMS);
      }
    }
    if (days.addToValue(day, nanos) == 0) {
      days.remove(day);
      if (days.isEmpty()) {
        spentByPersonDay.remove(t.personId());
        if (byPerson != null) {
          byPerson.remove(t.personId());
        }
      }
    }
  }

  /**
   * The time a person spent over a range of days, from the per-day sums.
   *
   * @param person the person
   * @param from the first day
   * @param to the last day (inclusive)
   * @return the total in nanoseconds
   */
  long spentBetween(PersonId person, LocalDate from, LocalDate to) {
    RunningSums running = spentRunning().get(person);
    if (running == null) {
      return 0;
    }
    long first = from.toEpochDay();
    long last = to.toEpochDay();
    return running != NO_RUNNING_SUMS ? running.between(first, last) : spentByDays(person, first, last);
  }

  /**
   * The time a person spent over a range of days, added up from the per-day sums (the path of a person
   * without running sums, and the reference the tests compare them with).
   *
   * @param person the person
   * @param first the first epoch day
   * @param last the last epoch day, inclusive
   * @return the total in nanoseconds
   */
  long spentByDays(PersonId person, long first, long last) {
    MutableIntLongMap days = spentByPersonDay.get(person);
    if (days == null) {
      return 0;
    }
    long total = 0;
    if (last - first + 1 > days.size()) {
      long[] sum = new long[1];
      days.forEachKeyValue((d, nanos) -> {
        if (d >= first && d <= last) {
          sum[0] += nanos;
        }
      });
      return sum[0];
    }
    for (long d = first; d <= last; d++) {
      total += days.get((int) d);
    }
    return total;
  }

  /**
   * The comments of a task, oldest first.
   *
   * @param task the task
   * @return a read-only view; empty when the task has none
   */
  List<Comment> commentsOf(TaskId task) {
    TaskLog log = logs.get(task);
    return log == null ? List.of() : TaskLog.view(log.comments);
  }

  /**
   * The time spents of a task.
   *
   * @param task the task
   * @return the rows, in no order
   */
  List<TimeSpent> timeSpentsOf(TaskId task) {
    MutableSet<TimeSpentId> ids = timeSpentsByTask.get(task);
    List<TimeSpent> out = new ArrayList<>(ids.size());
    ids.forEach(id -> out.add(timeSpents.get(id)));
    return out;
  }

  /**
   * Records with their kind, for digests and invariant checks.
   *
   * @return every record of the state
   */
  List<Object> allRecords() {
    List<Object> all = new ArrayList<>();
    all.addAll(projects.values());
    all.addAll(persons.values());
    all.addAll(departments.values());
    all.addAll(entityTypes.values());
    all.addAll(entities.values());
    all.addAll(taskTypes.values());
    all.addAll(taskStatuses.values());
    all.addAll(tasks.values());
    all.addAll(comments.values());
    all.addAll(timeSpents.values());
    all.addAll(daysOff.values());
    all.addAll(notifications.values());
    all.addAll(news.values());
    all.addAll(subscriptions.values());
    all.addAll(statusAutomations.values());
    all.addAll(taskDependencies.values());
    return all;
  }

  /**
   * Checks that every index agrees with a recomputation from the records.
   *
   * @throws IllegalStateException naming the first disagreement
   */
  void checkIndexes() {
    State rebuilt = new State();
    allRecords().forEach(r -> rebuilt.put(r, r instanceof Comment c ? commentOrder.get(c.id()) : 0));
    String differs = firstIndexDifference(rebuilt);
    if (differs != null) {
      throw new IllegalStateException(differs);
    }
  }

  /**
   * Compares every index of this state with another's: the maintained ones, and the lazily built ones
   * (todo, earned value, schedule views) that either state has built. The order of a task's tasks on an
   * entity, notifications and news is not compared (it follows the order the records arrived in); every
   * other index is compared as it is, including the order of each task's comments.
   *
   * @param other a state holding the same records
   * @return a description of the first disagreement, or null if every index agrees
   */
  String firstIndexDifference(State other) {
    String[] first = new String[1];
    BiConsumerOfIndex check = (name, actual, expected) -> {
      if (first[0] == null && !Objects.equals(actual, expected)) {
        first[0] = "index " + name + " disagrees with the records:\n  kept:    " + actual + "\n  rebuilt: " + expected;
      }
    };
    State rebuilt = other;
    check.accept("commentOrder", commentOrder, rebuilt.commentOrder);
    check.accept("projectByName", projectByName, rebuilt.projectByName);
    check.accept("taskTypeByName", taskTypeByName, rebuilt.taskTypeByName);
    check.accept("statusByShortName", statusByShortName, rebuilt.statusByShortName);
    check.accept("departmentByName", departmentByName, rebuilt.departmentByName);
    check.accept("entityTypeByName", entityTypeByName, rebuilt.entityTypeByName);
    check.accept("entitiesByProject", entitiesByProject, rebuilt.entitiesByProject);
    check.accept("entitiesByParent", entitiesByParent, rebuilt.entitiesByParent);
    check.accept("entityByKey", entityByKey, rebuilt.entityByKey);
    check.accept("tasksByProject", tasksByProject, rebuilt.tasksByProject);
    check.accept("tasksByEntity", asSets(tasksByEntity()), asSets(rebuilt.tasksByEntity()));
    check.accept("tasksWithoutEntity holding a known entity",
        tasksWithoutEntity.keysView().detect(entities::containsKey), null);
    check.accept("entityReads", entityReadsView(), rebuilt.entityReadsView());
    check.accept("entityReads against this state's own records", entityReadsOwnDifference(), null);
    check.accept("tasksByStatus", tasksByStatus, rebuilt.tasksByStatus);
    check.accept("tasksByType", tasksByType, rebuilt.tasksByType);
    check.accept("tasksByAssignee", tasksByAssignee, rebuilt.tasksByAssignee);
    check.accept("taskByKey", taskByKey, rebuilt.taskByKey);
    check.accept("commentsByTask", commentsByTask(), rebuilt.commentsByTask());
    check.accept("logs without an empty entry or list", emptyLog(), null);
    check.accept("commentsPerStatus", commentsPerStatus, rebuilt.commentsPerStatus);
    check.accept("timeSpentsByTask", timeSpentsByTask, rebuilt.timeSpentsByTask);
    check.accept("timeSpentByKey", timeSpentByKey, rebuilt.timeSpentByKey);
    check.accept("timeSpentsByPerson", timeSpentsByPerson, rebuilt.timeSpentsByPerson);
    check.accept("daysOffByPerson", daysOffByPerson, rebuilt.daysOffByPerson);
    check.accept("notificationsByPerson", notificationsByPerson, rebuilt.notificationsByPerson);
    check.accept("notificationsByTask", idSets(true), rebuilt.idSets(true));
    check.accept("newsByTask", idSets(false), rebuilt.idSets(false));
    check.accept("subscriptionsByTask", subscriptionsByTask, rebuilt.subscriptionsByTask);
    check.accept("subscriptionsBySequence", subscriptionsBySequence, rebuilt.subscriptionsBySequence);
    check.accept("dependenciesByTask", dependenciesByTask, rebuilt.dependenciesByTask);
    check.accept("dependenciesByProject", dependenciesByProject, rebuilt.dependenciesByProject);
    check.accept("undoneByDue", undoneByDue, rebuilt.undoneByDue);
    check.accept("spentByPersonDay", spentByPersonDay, rebuilt.spentByPersonDay);
    MutableMap<PersonId, RunningSums> running = spentRunning != null ? spentRunning : rebuilt.spentRunning;
    if (running != null) {
      check.accept("spentRunning persons", running.keySet(), spentByPersonDay.keySet());
    }
    (running != null ? running : UnifiedMap.<PersonId, RunningSums>newMap()).forEachKeyValue((person, sums) -> {
      if (sums != NO_RUNNING_SUMS) {
        MutableIntLongMap days = spentByPersonDay.get(person);
        check.accept("spentRunning of " + person, days == null ? "no day sums" : sums.firstDifference(days), null);
      }
    });
    if (first[0] != null) {
      return first[0];
    }
    TodoIndex open = todo != null ? todo : rebuilt.todo;
    if (open != null) {
      String differs = (todo != null ? todo : TodoIndex.build(this))
          .firstDifference(rebuilt.todo != null ? rebuilt.todo : TodoIndex.build(rebuilt));
      if (differs != null) {
        return "index todo disagrees with the records: " + differs;
      }
    }
    if (byStatus != null || rebuilt.byStatus != null) {
      String differs = (byStatus != null ? byStatus : StatusTaskIndex.build(this))
          .firstDifference(rebuilt.byStatus != null ? rebuilt.byStatus : StatusTaskIndex.build(rebuilt));
      if (differs != null) {
        return "index byStatus disagrees with the records: " + differs;
      }
    }
    if (earnedValue != null || rebuilt.earnedValue != null) {
      EarnedValueIndex ev = earnedValue != null ? earnedValue : EarnedValueIndex.build(this);
      EarnedValueIndex other2 = rebuilt.earnedValue != null ? rebuilt.earnedValue : EarnedValueIndex.build(rebuilt);
      ProjectId differs = ev.firstDifference(other2);
      if (differs != null) {
        return "index earnedValue disagrees with the records for project " + differs
            + ":\n  kept:    " + ev.byProject.get(differs) + "\n  rebuilt: " + other2.byProject.get(differs);
      }
    }
    if (scheduleTasks != null) {
      try {
        scheduleTasks.check(rebuilt);
      } catch (IllegalStateException e) {
        return e.getMessage();
      }
    }
    if (rebuilt.scheduleTasks != null) {
      try {
        rebuilt.scheduleTasks.check(this);
      } catch (IllegalStateException e) {
        return e.getMessage();
      }
    }
    return null;
  }

  /**
   * What {@link #entityReads} holds, with the project ordinals turned back into ids: per entity its project
   * and its tasks as a set (their order follows the order the records arrived in).
   */
  private java.util.Map<EntityId, java.util.Map.Entry<ProjectId, java.util.Set<Task>>> entityReadsView() {
    java.util.Map<Integer, ProjectId> byOrdinal = new java.util.HashMap<>();
    projectOrdinals.forEachKeyValue((project, ordinal) -> byOrdinal.put(ordinal, project));
    java.util.Map<EntityId, java.util.Map.Entry<ProjectId, java.util.Set<Task>>> out = new java.util.HashMap<>();
    entityReads.forEach((uuid, ordinal, list) -> out.put(new EntityId(uuid),
        java.util.Map.entry(byOrdinal.getOrDefault(ordinal, new ProjectId(new java.util.UUID(0, ordinal))),
            new java.util.HashSet<>(list))));
    return out;
  }

  /**
   * Checks {@link #entityReads} against this state's own records and index: one entry per entity, its
   * project's ordinal, and the very list instance {@link #tasksOn} answers (a reader gets the list a
   * locked read would).
   *
   * @return the first difference, or null
   */
  private String entityReadsOwnDifference() {
    if (entityReads.size() != entities.size()) {
      return entityReads.size() + " entries for " + entities.size() + " entities";
    }
    for (Entity e : entities.values()) {
      int ordinal = projectOrdinalIfAny(e.projectId());
      if (ordinal == 0 || entityReads.projectOf(e.id().value()) != ordinal) {
        return "entity " + e.id() + ": project ordinal " + entityReads.projectOf(e.id().value())
            + ", expected " + ordinal;
      }
      if (entityReads.tasksIfIn(e.id().value(), ordinal) != tasksOn(e.id())) {
        return "entity " + e.id() + ": task list " + entityReads.tasksOf(e.id().value())
            + " is not the state's " + tasksOn(e.id());
      }
    }
    return null;
  }

  /** One index comparison of {@link #firstIndexDifference}. */
  @FunctionalInterface
  private interface BiConsumerOfIndex {
    void accept(String name, Object actual, Object expected);
  }

  private static java.util.Map<EntityId, java.util.Set<Task>> asSets(java.util.Map<EntityId, FrozenList<Task>> m) {
    java.util.Map<EntityId, java.util.Set<Task>> out = new java.util.HashMap<>();
    m.forEach((k, v) -> out.put(k, new java.util.HashSet<>(v)));
    return out;
  }

  /**
   * Every entity's task list ({@link #tasksOn}), entities without tasks left out: those of {@link
   * #entityReads} and of {@link #tasksWithoutEntity}.
   *
   * @return a new map of the state's lists
   */
  java.util.Map<EntityId, FrozenList<Task>> tasksByEntity() {
    java.util.Map<EntityId, FrozenList<Task>> out = new java.util.HashMap<>();
    entityReads.forEach((uuid, ordinal, list) -> {
      if (!list.isEmpty()) {
        out.put(new EntityId(uuid), list);
      }
    });
    tasksWithoutEntity.forEachKeyValue(out::put);
    return out;
  }

  /**
   * Each task's comments as {@link #logs} keeps them, oldest first (tasks without comments left out).
   *
   * @return a new map of the state's lists
   */
  java.util.Map<TaskId, List<Comment>> commentsByTask() {
    java.util.Map<TaskId, List<Comment>> out = new java.util.HashMap<>();
    logs.forEachKeyValue((task, log) -> {
      if (log.comments != null) {
        out.put(task, log.comments);
      }
    });
    return out;
  }

  /** Each task's notification ids (or news ids) as sets, tasks without any left out. */
  private java.util.Map<TaskId, java.util.Set<Object>> idSets(boolean ofNotifications) {
    java.util.Map<TaskId, java.util.Set<Object>> out = new java.util.HashMap<>();
    logs.forEachKeyValue((task, log) -> {
      List<?> ids = ofNotifications ? log.notifications : log.news;
      if (ids != null) {
        out.put(task, new java.util.HashSet<>(ids));
      }
    });
    return out;
  }

  /** The first log entry that is empty or holds an empty list (an entry or list not dropped), or null. */
  private String emptyLog() {
    String[] first = new String[1];
    logs.forEachKeyValue((task, log) -> {
      if (first[0] == null && (log.isEmpty() || (log.comments != null && log.comments.isEmpty())
          || (log.notifications != null && log.notifications.isEmpty()) || (log.news != null && log.news.isEmpty()))) {
        first[0] = "task " + task + ": an empty log or list kept";
      }
    });
    return first[0];
  }
}
