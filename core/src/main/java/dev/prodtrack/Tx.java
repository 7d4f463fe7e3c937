package dev.prodtrack;

import dev.prodtrack.event.Event;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.Id;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.model.TimeSpentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One mutation in progress: the records it writes and deletes, kept beside the committed state until
 * the store acknowledges them.
 *
 * <p>Design note. A mutation reads through the transaction ({@link #get}), which sees its own writes
 * over the committed state; the committed state is never touched before the commit, so a mutation
 * that throws leaves nothing behind. Writes are keyed by id: writing a record twice keeps the last.
 */
final class Tx {
  private static final Object DELETED = new Object();

  final State state;
  final Instant now;
  final PersonId actor;
  private final IdSource ids;
  private final Map<Id, Object> writes = new LinkedHashMap<>();
  /** The posting orders of the comments this transaction created; made on the first (most have none). */
  private Map<CommentId, Long> newCommentOrder = NO_ORDERS;
  private static final Map<CommentId, Long> NO_ORDERS = Map.of();
  /** The events queued; made on the first (a transaction without listeners queues none). */
  private List<PendingEvent> events = List.of();
  private long nextOrder;

  record PendingEvent(String name, ProjectId project, Map<String, Object> data) {}

  private final boolean recordEvents;

  Tx(State state, Instant now, PersonId actor, IdSource ids, boolean recordEvents) {
    this.recordEvents = recordEvents;
    this.state = state;
    this.now = now;
    this.actor = actor;
    this.ids = ids;
    this.nextOrder = state.lastCommentOrder;
  }

  /**
   * A fresh id from the engine's id source.
   *
   * @return a UUID
   */
  UUID newId() {
    return ids.next();
  }

  /**
   * The record of an id as this transaction sees it.
   *
   * @param id the id
   * @param <T> the record type
   * @return the record, or null when absent or deleted
   */
  @SuppressWarnings("unchecked")
  <T> T get(Id id) {
    Object w = writes.get(id);
    if (w == DELETED) {
      return null;
    }
    return (T) (w != null ? w : state.get(id));
  }

  /**
   * The record of an id, or a typed refusal.
   *
   * @param kind the kind named in the error
   * @param id the id
   * @param <T> the record type
   * @return the record
   * @throws UnknownIdException when absent
   */
  <T> T require(String kind, Id id) {
    T r = get(id);
    if (r == null) {
      throw new UnknownIdException(kind, id);
    }
    return r;
  }

  Task task(TaskId id) {
    return require("task", id);
  }

  Project project(ProjectId id) {
    return require("project", id);
  }

  Person person(PersonId id) {
    return require("person", id);
  }

  /**
   * Writes a record (creates or replaces).
   *
   * @param id the record's id
   * @param record the record
   * @throws IllegalArgumentException if a date of the record is outside the years Kitsu stores ({@link Dates})
   */
  void put(Id id, Object record) {
    Dates.check(record);
    writes.put(id, record);
  }

  /**
   * Writes a comment just created with a fresh id: it gets the next posting order.
   *
   * @param c the new comment
   */
  void putNewComment(Comment c) {
    newOrders().put(c.id(), ++nextOrder);
    writes.put(c.id(), c);
  }

  /**
   * Writes a comment with its posting order: a new comment gets the next ordinal, an existing one
   * keeps its own.
   *
   * @param c the comment
   */
  void putComment(Comment c) {
    if (!newCommentOrder.containsKey(c.id()) && !state.commentOrder.containsKey(c.id())) {
      newOrders().put(c.id(), ++nextOrder);
    }
    writes.put(c.id(), c);
  }

  private Map<CommentId, Long> newOrders() {
    if (newCommentOrder == NO_ORDERS) {
      newCommentOrder = new HashMap<>(4);
    }
    return newCommentOrder;
  }

  /**
   * Whether events are recorded: callers with many arguments check it first, so that no argument array is
   * made for nothing.
   *
   * @return true when a listener is subscribed
   */
  boolean recordsEvents() {
    return recordEvents;
  }

  /**
   * The posting order of a comment written or committed.
   *
   * @param id the comment
   * @return its ordinal
   */
  long commentOrder(CommentId id) {
    Long o = newCommentOrder.get(id);
    return o != null ? o : state.commentOrder.get(id);
  }

  /**
   * Deletes a record.
   *
   * @param id the record's id
   */
  void delete(Id id) {
    writes.put(id, DELETED);
  }

  /**
   * Queues an event, published after the commit. Nothing is built when no listener is subscribed.
   *
   * @param name the Kitsu event name
   * @param project the project, nullable
   * @param data alternating field names and values
   */
  void event(String name, ProjectId project, Object... data) {
    if (!recordEvents) {
      return;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < data.length; i += 2) {
      Object v = data[i + 1];
      map.put((String) data[i], v instanceof Id id ? id.value() : v);
    }
    if (events.isEmpty()) {
      events = new ArrayList<>(4);
    }
    events.add(new PendingEvent(name, project, map));
  }

  /**
   * The comments of a task as this transaction sees them, oldest first (created_at, then posting
   * order).
   *
   * @param task the task
   * @return a new list
   */
  List<Comment> commentsOf(TaskId task) {
    List<Comment> out = new ArrayList<>();
    for (Comment c : state.commentsOf(task)) {
      Comment now = get(c.id());
      if (now != null && now.taskId().equals(task) && !writes.containsKey(c.id())) {
        out.add(now);
      }
    }
    for (Object w : writes.values()) {
      if (w instanceof Comment c && c.taskId().equals(task)) {
        out.add(c);
      }
    }
    out.sort(java.util.Comparator.comparing(Comment::createdAt).thenComparingLong(c -> commentOrder(c.id())));
    return out;
  }

  /**
   * The time spents of a task as this transaction sees them.
   *
   * @param task the task
   * @return a new list
   */
  List<TimeSpent> timeSpentsOf(TaskId task) {
    List<TimeSpent> out = new ArrayList<>();
    for (TimeSpent t : state.timeSpentsOf(task)) {
      if (!writes.containsKey(t.id())) {
        out.add(t);
      }
    }
    for (Object w : writes.values()) {
      if (w instanceof TimeSpent t && t.taskId().equals(task)) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The time spent of a person on a task and day as this transaction sees it.
   *
   * @param task the task
   * @param person the person
   * @param date the day
   * @return the row, or null
   */
  TimeSpent timeSpent(TaskId task, PersonId person, java.time.LocalDate date) {
    for (Object w : writes.values()) {
      if (w instanceof TimeSpent t && t.taskId().equals(task) && t.personId().equals(person)
          && t.date().equals(date)) {
        return t;
      }
    }
    TimeSpentId id = state.timeSpentByKey.get(new State.TimeSpentKey(task, person, date));
    return id == null ? null : get(id);
  }

  Map<Id, Object> writes() {
    return writes;
  }

  boolean isDeleted(Object w) {
    return w == DELETED;
  }

  boolean isEmpty() {
    return writes.isEmpty();
  }

  List<Event> events(long sequence) {
    if (events.isEmpty()) {
      return List.of(); // no listener (or nothing to say): nothing made
    }
    List<Event> out = new ArrayList<>(events.size());
    for (PendingEvent e : events) {
      out.add(new Event(e.name(), e.project() == null ? null : e.project().value(), e.data(), sequence));
    }
    return out;
  }
}
