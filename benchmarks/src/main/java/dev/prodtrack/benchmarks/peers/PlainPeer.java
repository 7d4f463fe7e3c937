package dev.prodtrack.benchmarks.peers;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.News;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TimeSpent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The "plain collections" baseline: what a developer would write by hand with {@code java.util}
 * collections keyed by UUID — mutable row objects, hash maps for the indexes (entity, status, assignee,
 * sequence children, time spent by key and by person), a tree map per project for due dates and one per
 * person for time-spent days — and no rule, permission or validation at all. Mutations write the same
 * rows as the SQL peers (comment, task, news, notifications; time spent and the task's duration;
 * assignment and notification) and keep the indexes up to date.
 */
final class PlainPeer implements Peer {

  /** A task row. */
  static final class Row implements PlainSchedule.Job {
    final UUID id;
    final UUID project;
    final UUID type;
    final UUID entity;
    UUID status;
    long duration;
    final long estimation;
    final LocalDate start;
    final LocalDate due;
    final Instant realStart;
    final Instant end;
    final Instant done;
    Instant lastComment;
    final List<UUID> assignees;

    Row(Task t) {
      id = t.id().value();
      project = t.projectId().value();
      type = t.taskTypeId().value();
      entity = t.entityId().value();
      status = t.taskStatusId().value();
      duration = t.duration().toMinutes();
      estimation = t.estimation().toMinutes();
      start = t.startDate();
      due = t.dueDate();
      realStart = t.realStartDate();
      end = t.endDate();
      done = t.doneDate();
      lastComment = t.lastCommentDate();
      assignees = new ArrayList<>(2);
      t.assignees().forEach(p -> assignees.add(p.value()));
    }

    @Override
    public UUID id() {
      return id;
    }

    @Override
    public UUID entity() {
      return entity;
    }

    @Override
    public UUID type() {
      return type;
    }

    @Override
    public LocalDate start() {
      return start;
    }

    @Override
    public LocalDate due() {
      return due;
    }

    @Override
    public long estimation() {
      return estimation;
    }
  }

  /** A time-spent row. */
  static final class Spent {
    final UUID id;
    final UUID task;
    final UUID person;
    final LocalDate date;
    long minutes;

    Spent(UUID id, UUID task, UUID person, LocalDate date, long minutes) {
      this.id = id;
      this.task = task;
      this.person = person;
      this.date = date;
      this.minutes = minutes;
    }
  }

  /** A comment, news or notification row: only what the mutations write. */
  record Note(UUID id, UUID task, UUID person, UUID status, String kind, Instant at) {}

  private record SpentKey(UUID task, UUID person, LocalDate date) {}

  private static final Comparator<Row> BY_DUE = Comparator
      .comparing((Row r) -> r.due, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
      .thenComparing(r -> r.id);

  private final Map<UUID, Row> tasks = new HashMap<>();
  private final Map<UUID, List<Row>> byEntity = new HashMap<>();
  private final Map<UUID, Set<Row>> byStatus = new HashMap<>();
  private final Map<UUID, Set<Row>> byAssignee = new HashMap<>();
  private final Map<UUID, NavigableMap<LocalDate, List<Row>>> byProjectDue = new HashMap<>();
  private final Map<UUID, List<UUID>> children = new HashMap<>();
  private final Map<UUID, Boolean> done;
  private final Map<UUID, Boolean> openProjects = new HashMap<>();
  private final Map<SpentKey, Spent> spentByKey = new HashMap<>();
  private final Map<UUID, List<Spent>> spentByTask = new HashMap<>();
  private final Map<UUID, NavigableMap<LocalDate, List<Spent>>> spentByPerson = new HashMap<>();
  private final Map<UUID, List<Note>> commentsByTask = new HashMap<>();
  private final List<Note> news = new ArrayList<>();
  private final Map<UUID, List<Note>> notificationsByPerson = new HashMap<>();
  private final long loadMillis;
  private long ids;

  private final UUID project;
  private final UUID[] shots;
  private final UUID[] sequences;
  private final UUID[] statuses;
  private final UUID[] taskTypes;
  private final UUID[] todoPersons;
  private final LocalDate asOf;
  private final LocalDate[] lateDays;
  private final LocalDate[] monthFroms;
  private final LocalDate[] monthTos;
  private final UUID manager;
  private final UUID wip;
  private final UUID wfa;
  private final UUID[] assigned;
  private final UUID[] firstAssignees;
  private final UUID[] reassign;
  private final UUID[] from;
  private final UUID[] to;
  private final List<UUID> team = new ArrayList<>();
  private final Map<UUID, Integer> typePriorities = new HashMap<>();
  private final LocalDate projectStart;
  private final PlainSchedule.Calendar calendar;

  PlainPeer(Snapshot s) {
    long t0 = System.nanoTime();
    project = s.project.id().value();
    openProjects.put(project, s.project.open());
    s.project.team().forEach(m -> team.add(m.personId().value()));
    s.project.taskTypeLinks().forEach(l -> typePriorities.put(l.taskTypeId().value(), l.priority()));
    projectStart = s.project.startDate();
    calendar = new PlainSchedule.Calendar(s);
    done = new HashMap<>();
    for (TaskStatus st : s.statuses) {
      done.put(st.id().value(), st.isDone());
    }
    for (Entity e : s.entities) {
      if (e.parentId() != null) {
        children.computeIfAbsent(e.parentId().value(), k -> new ArrayList<>()).add(e.id().value());
      }
    }
    for (Task t : s.tasks) {
      Row r = new Row(t);
      tasks.put(r.id, r);
      byEntity.computeIfAbsent(r.entity, k -> new ArrayList<>()).add(r);
      byStatus.computeIfAbsent(r.status, k -> new LinkedHashSet<>()).add(r);
      for (UUID p : r.assignees) {
        byAssignee.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(r);
      }
      byProjectDue.computeIfAbsent(r.project, k -> new TreeMap<>())
          .computeIfAbsent(r.due == null ? LocalDate.MAX : r.due, k -> new ArrayList<>()).add(r);
    }
    for (TimeSpent t : s.timeSpents) {
      index(new Spent(t.id().value(), t.taskId().value(), t.personId().value(), t.date(), t.duration().toMinutes()));
    }
    for (Comment c : s.comments) {
      commentsByTask.computeIfAbsent(c.taskId().value(), k -> new ArrayList<>()).add(new Note(c.id().value(),
          c.taskId().value(), c.personId().value(), c.taskStatusId() == null ? null : c.taskStatusId().value(),
          "comment", c.createdAt()));
    }
    for (News n : s.news) {
      news.add(new Note(n.id().value(), n.taskId() == null ? null : n.taskId().value(),
          n.authorId() == null ? null : n.authorId().value(), null, "news", n.createdAt()));
    }
    for (Notification n : s.notifications) {
      notificationsByPerson.computeIfAbsent(n.personId().value(), k -> new ArrayList<>()).add(new Note(
          n.id().value(), n.taskId() == null ? null : n.taskId().value(), n.authorId() == null ? null
              : n.authorId().value(), null, n.type().name(), n.createdAt()));
    }
    shots = s.shots;
    sequences = s.sequences;
    statuses = s.statusInputs;
    taskTypes = s.taskTypesOfStatuses;
    todoPersons = s.todoPersons;
    asOf = s.asOf;
    lateDays = s.lateDays;
    monthFroms = s.monthFroms;
    monthTos = s.monthTos;
    manager = s.manager;
    wip = s.wip;
    wfa = s.wfa;
    assigned = s.assignedTasks;
    firstAssignees = s.firstAssignees;
    reassign = s.reassignTasks;
    from = s.reassignFrom;
    to = s.reassignTo;
    loadMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  private void index(Spent t) {
    spentByKey.put(new SpentKey(t.task, t.person, t.date), t);
    spentByTask.computeIfAbsent(t.task, k -> new ArrayList<>()).add(t);
    spentByPerson.computeIfAbsent(t.person, k -> new TreeMap<>()).computeIfAbsent(t.date, k -> new ArrayList<>())
        .add(t);
  }

  /** Milliseconds spent building the maps from the snapshot. */
  long loadMillis() {
    return loadMillis;
  }

  private UUID newId() {
    return new UUID(0x9a1e_0000_0000_4000L, 0x8000_0000_0000_0000L | ++ids);
  }

  @Override
  public String name() {
    return "plain";
  }

  @Override
  public List<Row> tasksForShot(int i) {
    return new ArrayList<>(byEntity.getOrDefault(shots[i], List.of()));
  }

  @Override
  public List<Row> tasksByStatus(int v) {
    List<Row> out = new ArrayList<>();
    for (Row r : byStatus.getOrDefault(statuses[v], Set.of())) {
      if (r.project.equals(project)) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public List<Row> tasksByStatusAndType(int v) {
    List<Row> out = new ArrayList<>();
    for (Row r : byStatus.getOrDefault(statuses[v], Set.of())) {
      if (r.project.equals(project) && r.type.equals(taskTypes[v])) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public List<Row> todo(int i) {
    List<Row> out = new ArrayList<>();
    for (Row r : byAssignee.getOrDefault(todoPersons[i], Set.of())) {
      if (!done.get(r.status) && openProjects.get(r.project)) {
        out.add(r);
      }
    }
    out.sort(BY_DUE);
    return out;
  }

  @Override
  public Late late(int v) {
    int count = 0;
    List<Row> first = new ArrayList<>(100);
    for (List<Row> day : byProjectDue.get(project).headMap(lateDays[v], false).values()) {
      int before = first.size();
      for (Row r : day) {
        if (r.done == null) {
          count++;
          if (before < 100) {
            first.add(r);
          }
        }
      }
      if (before < 100 && first.size() > before) {
        first.subList(before, first.size()).sort(BY_DUE);
        if (first.size() > 100) {
          first.subList(100, first.size()).clear();
        }
      }
    }
    return new Late(count, first);
  }

  @Override
  public Map<UUID, Long> minutesPerPerson(int v) {
    LocalDate monthFrom = monthFroms[v];
    LocalDate monthTo = monthTos[v];
    Map<UUID, Long> out = new HashMap<>();
    for (Map.Entry<UUID, NavigableMap<LocalDate, List<Spent>>> e : spentByPerson.entrySet()) {
      long sum = 0;
      for (List<Spent> day : e.getValue().subMap(monthFrom, true, monthTo, true).values()) {
        for (Spent t : day) {
          sum += t.minutes;
        }
      }
      if (sum > 0) {
        out.put(e.getKey(), sum);
      }
    }
    return out;
  }

  @Override
  public SequenceTimeline timeline(int i) {
    List<Bar> bars = new ArrayList<>();
    for (UUID shot : children.getOrDefault(sequences[i], List.of())) {
      for (Row r : byEntity.getOrDefault(shot, List.of())) {
        bars.add(Bar.of(r.id, r.start, r.due, r.realStart, r.end, done.get(r.status), asOf));
      }
    }
    return SequenceTimeline.of(bars);
  }

  /** One pass over the project's tasks and their time-spent rows. */
  @Override
  public PlainSchedule.Ev earnedValue(int v) {
    LocalDate day = lateDays[v];
    double bac = 0;
    double pv = 0;
    double ev = 0;
    double ac = 0;
    int unestimated = 0;
    int unscheduled = 0;
    for (Row r : tasks.values()) {
      if (!r.project.equals(project)) {
        continue;
      }
      double estimation = calendar.days(r.estimation);
      bac += estimation;
      if (r.estimation == 0) {
        unestimated++;
      }
      double fraction = PlainSchedule.plannedFraction(r.start, r.due, day, calendar);
      if (fraction < 0) {
        unscheduled++;
      } else {
        pv += estimation * fraction;
      }
      if (done.get(r.status) && r.done != null && !LocalDate.ofInstant(r.done, ZoneOffset.UTC).isAfter(day)) {
        ev += estimation;
      }
      for (Spent t : spentByTask.getOrDefault(r.id, List.of())) {
        if (!t.date.isAfter(day)) {
          ac += calendar.days(t.minutes);
        }
      }
    }
    return new PlainSchedule.Ev(bac, pv, ev, ac, unestimated, unscheduled);
  }

  /** Each team member's assigned tasks (the assignee index), the open dated ones of the project spread. */
  @Override
  public PlainSchedule.Grid workloadGrid(int v) {
    LocalDate from = lateDays[v];
    long[][] demand = new long[team.size()][90];
    for (int p = 0; p < team.size(); p++) {
      UUID person = team.get(p);
      for (Row r : byAssignee.getOrDefault(person, Set.of())) {
        if (r.project.equals(project) && !done.get(r.status) && r.start != null && r.due != null) {
          PlainSchedule.spread(calendar, person, from, demand[p], r.start, r.due,
              Math.max(r.estimation - r.duration, 0), r.assignees.size());
        }
      }
    }
    return PlainSchedule.grid(calendar, from, team, demand);
  }

  /** The plain critical path over the project's rows. */
  @Override
  public PlainSchedule.Cpm criticalPath() {
    List<Row> rows = new ArrayList<>();
    for (Row r : tasks.values()) {
      if (r.project.equals(project)) {
        rows.add(r);
      }
    }
    return PlainSchedule.criticalPath(rows, typePriorities, projectStart, calendar);
  }

  @Override
  public void commentWithStatus(int i, boolean toWip, Instant at) {
    Row r = tasks.get(assigned[i]);
    UUID newStatus = toWip ? wip : wfa;
    UUID comment = newId();
    commentsByTask.computeIfAbsent(r.id, k -> new ArrayList<>())
        .add(new Note(comment, r.id, manager, newStatus, "comment", at));
    if (!newStatus.equals(r.status)) {
      byStatus.get(r.status).remove(r);
      byStatus.computeIfAbsent(newStatus, k -> new LinkedHashSet<>()).add(r);
      r.status = newStatus;
    }
    r.lastComment = at;
    news.add(new Note(newId(), r.id, manager, newStatus, "news", at));
    for (UUID p : r.assignees) {
      if (!p.equals(manager)) {
        notificationsByPerson.computeIfAbsent(p, k -> new ArrayList<>())
            .add(new Note(newId(), r.id, manager, null, "COMMENT", at));
      }
    }
  }

  @Override
  public void setTimeSpent(int i, long minutes) {
    UUID task = assigned[i];
    SpentKey key = new SpentKey(task, firstAssignees[i], asOf);
    Spent row = spentByKey.get(key);
    if (row == null) {
      index(new Spent(newId(), task, firstAssignees[i], asOf, minutes));
    } else {
      row.minutes = minutes;
    }
    long sum = 0;
    for (Spent t : spentByTask.get(task)) {
      sum += t.minutes;
    }
    tasks.get(task).duration = sum;
  }

  @Override
  public void reassign(int i, boolean forward) {
    Row r = tasks.get(reassign[i]);
    UUID out = forward ? from[i] : to[i];
    UUID in = forward ? to[i] : from[i];
    r.assignees.remove(out);
    byAssignee.get(out).remove(r);
    r.assignees.add(in);
    byAssignee.computeIfAbsent(in, k -> new LinkedHashSet<>()).add(r);
    notificationsByPerson.computeIfAbsent(in, k -> new ArrayList<>())
        .add(new Note(newId(), r.id, manager, null, "ASSIGNATION", null));
  }

  @Override
  public UUID statusOfAssigned(int i) {
    return tasks.get(assigned[i]).status;
  }

  @Override
  public long durationOfAssigned(int i) {
    return tasks.get(assigned[i]).duration;
  }

  @Override
  public List<UUID> assigneesOfReassigned(int i) {
    return List.copyOf(tasks.get(reassign[i]).assignees);
  }

  @Override
  public void close() {}
}
