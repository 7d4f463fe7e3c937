package dev.prodtrack;

import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.schedule.Lateness;
import dev.prodtrack.schedule.TaskLateness;
import dev.prodtrack.schedule.WorkCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Schedule analytics over the engine's data (schedule-analytics.md). Obtained from
 * {@link Session#schedule()}. Every call takes its as-of day explicitly. Thread-safe.
 */
public final class ScheduleApi {
  private final ProdTrack engine;
  private final PersonId actor;

  ScheduleApi(ProdTrack engine, PersonId actor) {
    this.engine = engine;
    this.actor = actor;
  }

  /**
   * The studio's working-day calendar: Monday to Friday, the organisation's hours per day, every
   * person's days off, and the holidays given.
   *
   * @param holidays studio holidays
   * @return the calendar
   */
  public WorkCalendar calendar(Collection<LocalDate> holidays) {
    Objects.requireNonNull(holidays, "holidays");
    return engine.read(s -> {
      WorkCalendar.Builder b = WorkCalendar.builder().hoursPerDay(engine.hoursPerDay());
      holidays.forEach(b::holiday);
      for (DayOff d : s.daysOff.values()) {
        b.dayOff(d.personId(), d.date(), d.endDate());
      }
      return b.build();
    });
  }

  /**
   * The lateness rules for every task of a project as of a day (schedule-analytics.md §2.2, §2.4).
   *
   * @param project the project
   * @param asOf "today"
   * @param zone the zone the tasks' instants are read in
   * @param calendar the calendar delivered-late working days are counted on
   * @return one entry per task, by task id
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<TaskLateness> lateness(ProjectId project, LocalDate asOf, ZoneId zone, WorkCalendar calendar) {
    return lateness(dev.prodtrack.schedule.Scope.of(Objects.requireNonNull(project, "project")), asOf, zone, calendar);
  }

  /**
   * How many tasks of a project are late as of a day, and the most late of them (Kitsu's open-tasks
   * rule, as {@link TaskApi#allLateTasks}: a due date strictly before {@code asOf} and no done date).
   * Answered from an index of the project's undone tasks by due date: the cost follows the number of
   * distinct due dates before {@code asOf} plus {@code limit}, not the size of the project.
   *
   * @param project the project
   * @param asOf the day lateness is judged on ("today")
   * @param limit how many of the most late tasks to return, at least 0
   * @return the count and up to {@code limit} tasks, by due date then id
   * @throws IllegalArgumentException if {@code limit} is negative
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.LateTasks lateTasks(ProjectId project, LocalDate asOf, int limit) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(asOf, "asOf");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    return engine.read(s -> {
      Project p = TaskApi.found("project", project, s.projects.get(project));
      Access.requireRead(s.persons.get(actor), p, project);
      List<Task> most = new ArrayList<>(Math.min(limit, 1024));
      int count = s.lateTasks(project, asOf, limit, most);
      return new dev.prodtrack.schedule.LateTasks(count, most);
    });
  }

  /**
   * The time each person spent over a range of days, all projects together (zou's
   * {@code get_time_spents_range} for every person at once). An admin, or a person with a global manager
   * role, gets every person who spent time in the range; anyone else gets only his own total. Answered
   * from per-person per-day sums kept up to date on every time-spent change: the cost follows the number
   * of people times the days of the range.
   *
   * @param from the first day
   * @param to the last day, inclusive
   * @return the non-zero totals by person
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public java.util.Map<PersonId, java.time.Duration> timeSpentTotals(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    return engine.read(s -> {
      var caller = s.persons.get(actor);
      java.util.Map<PersonId, java.time.Duration> out = new java.util.HashMap<>();
      if (Access.isAdmin(caller) || Access.hasGlobalManagerRole(caller)) {
        s.spentByPersonDay.forEachKey(person -> {
          long nanos = s.spentBetween(person, from, to);
          if (nanos != 0) {
            out.put(person, java.time.Duration.ofNanos(nanos));
          }
        });
      } else {
        long nanos = s.spentBetween(actor, from, to);
        if (nanos != 0) {
          out.put(actor, java.time.Duration.ofNanos(nanos));
        }
      }
      return java.util.Collections.unmodifiableMap(out);
    });
  }

  /**
   * Earned value of a project on one day (schedule-analytics.md §6), in person-days.
   *
   * @param project the project
   * @param day the day
   * @param rule the earning rule
   * @param zone the zone the tasks' instants are read in
   * @param calendar the calendar
   * @return the measures
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.EarnedValue earnedValue(ProjectId project, LocalDate day,
      dev.prodtrack.schedule.EarningRule rule, ZoneId zone, WorkCalendar calendar) {
    return earnedValue(dev.prodtrack.schedule.Scope.of(Objects.requireNonNull(project, "project")), day, rule, zone,
        calendar);
  }

  /**
   * A velocity forecast of a project (schedule-analytics.md §7) under the 0/100 earning rule.
   *
   * @param project the project
   * @param asOf "today"
   * @param windowWorkingDays the trailing window (20 in the reference)
   * @param zone the zone the tasks' instants are read in
   * @param calendar the calendar
   * @return the forecast
   */
  public dev.prodtrack.schedule.Forecast forecast(ProjectId project, LocalDate asOf, int windowWorkingDays,
      ZoneId zone, WorkCalendar calendar) {
    var rule = dev.prodtrack.schedule.EarningRule.ZERO_HUNDRED;
    var today = earnedValue(project, asOf, rule, zone, calendar);
    var start = earnedValue(project, calendar.subtractWorkingDays(null, asOf, windowWorkingDays), rule, zone, calendar);
    LocalDate end = engine.read(s -> s.projects.get(project).endDate());
    return dev.prodtrack.schedule.Forecast.of(today, start, windowWorkingDays, end, calendar);
  }

  /**
   * A person's workload over {@code [from, to]} (schedule-analytics.md §1.4): for each open task
   * assigned to the person that has both a start and a due date, {@code max(estimation − duration, 0)}
   * divided by the task's working days for the person and by its number of assignees, placed on each of
   * those working days; against {@code capacity(p, d)}. Tasks of projects the caller cannot read are left
   * out.
   *
   * @param person the person
   * @param from the first day
   * @param to the last day
   * @param calendar the calendar
   * @return the workload
   */
  public dev.prodtrack.schedule.Workload workload(PersonId person, LocalDate from, LocalDate to, WorkCalendar calendar) {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(calendar, "calendar");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    return engine.read(s -> {
      TaskApi.found("person", person, s.persons.get(person));
      var caller = s.persons.get(actor);
      int n = (int) (to.toEpochDay() - from.toEpochDay() + 1);
      long[] demand = new long[n];
      List<TaskId> unplaceable = new ArrayList<>();
      List<Task> assigned = new ArrayList<>();
      s.tasksByAssignee.get(person).forEach(id -> assigned.add(s.tasks.get(id)));
      assigned.sort(Comparator.comparing(t -> t.id().value()));
      for (Task t : assigned) {
        if (s.taskStatuses.get(t.taskStatusId()).isDone() || t.startDate() == null || t.dueDate() == null
            || !Access.canRead(caller, s.projects.get(t.projectId()))) {
          continue;
        }
        long days = calendar.workingDays(person, t.startDate(), t.dueDate());
        if (days == 0) {
          unplaceable.add(t.id());
          continue;
        }
        java.time.Duration remaining = t.estimation().minus(t.duration());
        if (remaining.isNegative() || remaining.isZero()) {
          continue;
        }
        long perDay = remaining.toNanos() / days / t.assignees().size();
        LocalDate a = t.startDate().isBefore(from) ? from : t.startDate();
        LocalDate b = t.dueDate().isAfter(to) ? to : t.dueDate();
        for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
          if (calendar.isWorking(person, d)) {
            demand[(int) (d.toEpochDay() - from.toEpochDay())] += perDay;
          }
        }
      }
      List<dev.prodtrack.schedule.Workload.Day> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        LocalDate d = from.plusDays(i);
        out.add(new dev.prodtrack.schedule.Workload.Day(d, java.time.Duration.ofNanos(demand[i]),
            calendar.capacity(person, d)));
      }
      return new dev.prodtrack.schedule.Workload(person, out, unplaceable);
    });
  }

  /**
   * The burn-down and burn-up series of a project over the working days of {@code [from, to]} under the
   * 0/100 rule: remaining and earned person-days, done tasks, and the ideal line. Computed in one pass
   * over the tasks plus one over the days.
   *
   * @param project the project
   * @param from the first day
   * @param to the last day
   * @param zone the zone done dates are read in
   * @param calendar the calendar
   * @return one point per working day
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<dev.prodtrack.schedule.BurndownPoint> burndown(ProjectId project, LocalDate from, LocalDate to,
      ZoneId zone, WorkCalendar calendar) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      Project p = ProjectApi.readableProject(s, actor, project);
      double bac = 0;
      java.util.TreeMap<LocalDate, double[]> earnedOn = new java.util.TreeMap<>();
      for (TaskId id : s.tasksByProject.get(project)) {
        Task t = s.tasks.get(id);
        double estimation = calendar.days(t.estimation());
        bac += estimation;
        if (s.taskStatuses.get(t.taskStatusId()).isDone() && t.doneDate() != null) {
          double[] slot = earnedOn.computeIfAbsent(LocalDate.ofInstant(t.doneDate(), zone), k -> new double[2]);
          slot[0] += estimation;
          slot[1] += 1;
        }
      }
      double earned = 0;
      int done = 0;
      for (double[] slot : earnedOn.headMap(from).values()) {
        earned += slot[0];
        done += (int) slot[1];
      }
      LocalDate start = p.startDate();
      LocalDate end = p.endDate();
      long idealSpan = start != null && end != null ? calendar.workingDays(start, end) : 0;
      List<dev.prodtrack.schedule.BurndownPoint> out = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        double[] slot = earnedOn.get(d);
        if (slot != null) {
          earned += slot[0];
          done += (int) slot[1];
        }
        if (!calendar.isWorking(d)) {
          continue;
        }
        java.util.OptionalDouble ideal = java.util.OptionalDouble.empty();
        if (idealSpan > 1) {
          long elapsed = d.isBefore(start) ? 0 : d.isAfter(end) ? idealSpan - 1 : calendar.workingDays(start, d) - 1;
          ideal = java.util.OptionalDouble.of(Math.max(0, bac * (1 - (double) elapsed / (idealSpan - 1))));
        }
        out.add(new dev.prodtrack.schedule.BurndownPoint(d, bac - earned, earned, done, ideal));
      }
      return List.copyOf(out);
    });
  }

  /**
   * The critical path of a project (schedule-analytics.md §5): implicit finish-to-start links between
   * the priority groups of each entity's tasks (the project's task-type link priorities), plus the
   * explicit links given (an explicit link replaces the implicit one of the same pair); durations from the
   * planned dates, else the estimation, else one day (reported as unestimated).
   *
   * @param project the project
   * @param analysisStart the first day (null: the project's start date, else the earliest task start)
   * @param deadline the deadline of the backward pass (null: the project finish)
   * @param threshold the total float at or below which a task is critical (0 in the reference)
   * @param explicitLinks extra links between tasks of the project
   * @param calendar the calendar
   * @return the result
   * @throws dev.prodtrack.schedule.DependencyCycleException if the links form a cycle
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.CriticalPath criticalPath(ProjectId project, LocalDate analysisStart,
      LocalDate deadline, long threshold, List<dev.prodtrack.schedule.TaskLink> explicitLinks, WorkCalendar calendar) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(explicitLinks, "explicitLinks");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      Project p = ProjectApi.readableProject(s, actor, project);
      java.util.Map<TaskId, Integer> durations = new java.util.LinkedHashMap<>();
      java.util.Set<TaskId> unestimated = new java.util.HashSet<>();
      java.util.Map<dev.prodtrack.model.EntityId, List<Task>> byEntity = new java.util.TreeMap<>(
          Comparator.comparing(e -> e.value()));
      List<Task> tasks = new ArrayList<>();
      s.tasksByProject.get(project).forEach(id -> tasks.add(s.tasks.get(id)));
      tasks.sort(Comparator.comparing(t -> t.id().value()));
      LocalDate earliest = null;
      for (Task t : tasks) {
        int d;
        if (t.startDate() != null && t.dueDate() != null) {
          d = (int) Math.max(1, calendar.workingDays(t.startDate(), t.dueDate()));
        } else if (!t.estimation().isZero()) {
          d = (int) Math.max(1, Math.ceil(calendar.days(t.estimation()) - 1e-9));
        } else {
          d = 1;
          unestimated.add(t.id());
        }
        durations.put(t.id(), d);
        byEntity.computeIfAbsent(t.entityId(), k -> new ArrayList<>()).add(t);
        if (t.startDate() != null && (earliest == null || t.startDate().isBefore(earliest))) {
          earliest = t.startDate();
        }
      }
      java.util.Map<List<TaskId>, dev.prodtrack.schedule.TaskLink> links = new java.util.LinkedHashMap<>();
      for (List<Task> group : byEntity.values()) {
        java.util.TreeMap<Integer, List<Task>> byPriority = new java.util.TreeMap<>();
        for (Task t : group) {
          java.util.OptionalInt prio = p.taskTypePriority(t.taskTypeId());
          if (prio.isPresent()) {
            byPriority.computeIfAbsent(prio.getAsInt(), k -> new ArrayList<>()).add(t);
          }
        }
        List<Task> previous = null;
        for (List<Task> level : byPriority.values()) {
          if (previous != null) {
            for (Task a : previous) {
              for (Task b : level) {
                links.put(List.of(a.id(), b.id()), dev.prodtrack.schedule.TaskLink.fs(a.id(), b.id()));
              }
            }
          }
          previous = level;
        }
      }
      for (dev.prodtrack.schedule.TaskLink l : explicitLinks) {
        links.remove(List.of(l.successor(), l.predecessor()));
        links.put(List.of(l.predecessor(), l.successor()), l);
      }
      LocalDate start = analysisStart != null ? analysisStart : p.startDate() != null ? p.startDate()
          : earliest != null ? earliest : LocalDate.EPOCH;
      return dev.prodtrack.schedule.CriticalPath.compute(durations, unestimated, new ArrayList<>(links.values()),
          start, deadline, threshold, calendar);
    });
  }

  /**
   * The project's tasks at risk as of a day: open (not done), not yet late (due on or after the day),
   * assigned, and for at least one assignee the remaining work of this task plus that of their other open
   * tasks due earlier (each split among its assignees) exceeds their capacity from the day to this task's
   * due date. Remaining work is estimation − duration floored at zero, or the whole estimation when the
   * task has not started. Each comes with its reasons.
   *
   * @param project the project
   * @param asOf "today"
   * @param calendar the calendar
   * @return the tasks at risk, by due date then id
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<dev.prodtrack.schedule.AtRisk> atRisk(ProjectId project, LocalDate asOf, WorkCalendar calendar) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      Project p = ProjectApi.readableProject(s, actor, project);
      List<dev.prodtrack.schedule.AtRisk> out = new ArrayList<>();
      for (TaskId id : s.tasksByProject.get(project)) {
        Task t = s.tasks.get(id);
        if (!isOpen(s, t) || t.dueDate() == null || t.dueDate().isBefore(asOf) || t.assignees().isEmpty()) {
          continue;
        }
        java.time.Duration remaining = remaining(t);
        PersonId tightest = null;
        java.time.Duration worst = java.time.Duration.ZERO;
        for (PersonId person : t.assignees()) {
          java.time.Duration demand = remaining.dividedBy(t.assignees().size());
          for (TaskId otherId : s.tasksByAssignee.get(person)) {
            Task other = s.tasks.get(otherId);
            if (!other.id().equals(t.id()) && isOpen(s, other) && other.dueDate() != null
                && !other.dueDate().isBefore(asOf) && other.dueDate().isBefore(t.dueDate())) {
              demand = demand.plus(remaining(other).dividedBy(other.assignees().size()));
            }
          }
          java.time.Duration capacity = java.time.Duration.ZERO;
          for (LocalDate d = asOf; !d.isAfter(t.dueDate()); d = d.plusDays(1)) {
            capacity = capacity.plus(calendar.capacity(person, d));
          }
          java.time.Duration shortfall = demand.minus(capacity);
          if (shortfall.compareTo(worst) > 0) {
            worst = shortfall;
            tightest = person;
          }
        }
        if (tightest == null) {
          continue;
        }
        java.util.EnumSet<dev.prodtrack.schedule.AtRisk.Reason> reasons =
            java.util.EnumSet.of(dev.prodtrack.schedule.AtRisk.Reason.OVERLOADED_ASSIGNEE);
        if (!t.estimation().isZero() && t.duration().compareTo(t.estimation()) > 0) {
          reasons.add(dev.prodtrack.schedule.AtRisk.Reason.UNDER_ESTIMATED);
        }
        if (!started(t) && t.startDate() != null && t.startDate().isBefore(asOf)) {
          reasons.add(dev.prodtrack.schedule.AtRisk.Reason.NOT_STARTED);
        }
        if (p.maxRetakes() > 0 && t.retakeCount() >= p.maxRetakes()) {
          reasons.add(dev.prodtrack.schedule.AtRisk.Reason.TOO_MANY_RETAKES);
        }
        java.util.OptionalInt prio = p.taskTypePriority(t.taskTypeId());
        if (prio.isPresent()) {
          for (Task sibling : s.tasksOn(t.entityId())) {
            java.util.OptionalInt sp = p.taskTypePriority(sibling.taskTypeId());
            if (sp.isPresent() && sp.getAsInt() < prio.getAsInt() && isOpen(s, sibling)
                && sibling.dueDate() != null && sibling.dueDate().isBefore(asOf)) {
              reasons.add(dev.prodtrack.schedule.AtRisk.Reason.PREDECESSOR_LATE);
            }
          }
        }
        out.add(new dev.prodtrack.schedule.AtRisk(t.id(), remaining, tightest, worst, reasons));
      }
      out.sort(Comparator.comparing((dev.prodtrack.schedule.AtRisk r) -> s.tasks.get(r.task()).dueDate())
          .thenComparing(r -> r.task().value()));
      return List.copyOf(out);
    });
  }

  private static boolean isOpen(State s, Task t) {
    return !s.taskStatuses.get(t.taskStatusId()).isDone();
  }

  private static boolean started(Task t) {
    return t.realStartDate() != null || !t.duration().isZero();
  }

  private static java.time.Duration remaining(Task t) {
    if (!started(t)) {
      return t.estimation();
    }
    java.time.Duration r = t.estimation().minus(t.duration());
    return r.isNegative() ? java.time.Duration.ZERO : r;
  }

  /**
   * The project's timeline (schedule-analytics.md §2.3): one bar per task — planned start = start date,
   * else real start; planned end = due date, else end date, else the start plus the estimation in working
   * days; at least one day; late when not done and ending before {@code asOf} — and roll-ups per entity,
   * sequence, episode, task type, assignee and for the project, each enclosing its children.
   *
   * @param project the project
   * @param asOf "today", for the late flag
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the timeline
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.Timeline timeline(ProjectId project, LocalDate asOf, ZoneId zone,
      WorkCalendar calendar) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      Project p = ProjectApi.readableProject(s, actor, project);
      java.util.Map<String, java.util.Map<String, dev.prodtrack.schedule.TimelineBar>> rollups =
          new java.util.LinkedHashMap<>();
      for (String level : List.of("project", "episode", "sequence", "entity", "task_type", "person")) {
        rollups.put(level, new java.util.HashMap<>());
      }
      List<dev.prodtrack.schedule.TimelineBar> taskBars = new ArrayList<>();
      for (TaskId id : s.tasksByProject.get(project)) {
        Task t = s.tasks.get(id);
        dev.prodtrack.model.Entity e = s.entities.get(t.entityId());
        String typeName = s.taskTypes.get(t.taskTypeId()).name();
        LocalDate start = t.startDate() != null ? t.startDate() : date(t.realStartDate(), zone);
        LocalDate end = t.dueDate() != null ? t.dueDate() : date(t.endDate(), zone);
        if (end == null && start != null) {
          end = calendar.plannedDue(null, start, t.estimation());
        }
        if (start != null && end != null && end.isBefore(start)) {
          end = start;
        }
        boolean late = !s.taskStatuses.get(t.taskStatusId()).isDone() && end != null && end.isBefore(asOf);
        LocalDate actualEnd = t.doneDate() != null ? date(t.doneDate(), zone) : date(t.endDate(), zone);
        var bar = new dev.prodtrack.schedule.TimelineBar("task", id.toString(), e.name() + " / " + typeName, start,
            end, date(t.realStartDate(), zone), actualEnd, late);
        taskBars.add(bar);
        roll(rollups, "project", bar, p.id().toString(), p.name());
        roll(rollups, "entity", bar, e.id().toString(), e.name());
        roll(rollups, "task_type", bar, t.taskTypeId().toString(), typeName);
        dev.prodtrack.model.Entity parent = e.parentId() == null ? null : s.entities.get(e.parentId());
        if (parent != null && Kinds.kindOf(s, parent) == dev.prodtrack.model.EntityKind.SEQUENCE) {
          roll(rollups, "sequence", bar, parent.id().toString(), parent.name());
          dev.prodtrack.model.Entity episode = parent.parentId() == null ? null : s.entities.get(parent.parentId());
          if (episode != null) {
            roll(rollups, "episode", bar, episode.id().toString(), episode.name());
          }
        }
        for (PersonId person : t.assignees()) {
          roll(rollups, "person", bar, person.toString(), s.persons.get(person).fullName());
        }
      }
      Comparator<dev.prodtrack.schedule.TimelineBar> byLabel =
          Comparator.comparing(dev.prodtrack.schedule.TimelineBar::label).thenComparing(dev.prodtrack.schedule.TimelineBar::id);
      List<dev.prodtrack.schedule.TimelineBar> out = new ArrayList<>();
      for (var level : rollups.values()) {
        List<dev.prodtrack.schedule.TimelineBar> rows = new ArrayList<>(level.values());
        rows.sort(byLabel);
        out.addAll(rows);
      }
      taskBars.sort(byLabel);
      out.addAll(taskBars);
      return new dev.prodtrack.schedule.Timeline(out);
    });
  }

  private static void roll(java.util.Map<String, java.util.Map<String, dev.prodtrack.schedule.TimelineBar>> rollups,
      String level, dev.prodtrack.schedule.TimelineBar child, String id, String label) {
    rollups.get(level).merge(id, dev.prodtrack.schedule.TimelineBar.rollupOf(child, level, id, label),
        (a, b) -> a.enclosing(b));
  }

  private static LocalDate date(java.time.Instant instant, ZoneId zone) {
    return instant == null ? null : LocalDate.ofInstant(instant, zone);
  }

  /**
   * Quotas of a project's shot tasks (schedule-analytics.md §4): raw (everything on the delivery day to
   * each assignee and to the total) or weighted (along the task's time spents; without time spents, spread
   * evenly over the working days from the real start to the delivery day). Rounding is half to even.
   *
   * @param project the project
   * @param mode raw or weighted
   * @param delivery feedback request or approval
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the credits and their buckets
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.Quotas quotas(ProjectId project, dev.prodtrack.schedule.Quotas.Mode mode,
      dev.prodtrack.schedule.Quotas.Delivery delivery, ZoneId zone, WorkCalendar calendar) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      Project p = ProjectApi.readableProject(s, actor, project);
      double fps = Double.parseDouble(p.fps());
      List<dev.prodtrack.schedule.Quotas.Credit> credits = new ArrayList<>();
      for (TaskId id : s.tasksByProject.get(project)) {
        Task t = s.tasks.get(id);
        dev.prodtrack.model.Entity shot = s.entities.get(t.entityId());
        if (Kinds.kindOf(s, shot) != dev.prodtrack.model.EntityKind.SHOT) {
          continue;
        }
        java.time.Instant moment = delivery == dev.prodtrack.schedule.Quotas.Delivery.FEEDBACK ? t.endDate()
            : t.doneDate();
        if (moment == null) {
          continue;
        }
        LocalDate day = LocalDate.ofInstant(moment, zone);
        long frames = shot.nbFrames() == null ? 0 : shot.nbFrames();
        long drawings = t.nbDrawings();
        List<PersonId> people = new ArrayList<>(t.assignees());
        people.add(null);
        if (mode == dev.prodtrack.schedule.Quotas.Mode.RAW) {
          for (PersonId person : people) {
            credits.add(new dev.prodtrack.schedule.Quotas.Credit(person, day, frames, drawings, 1));
          }
          continue;
        }
        List<dev.prodtrack.model.TimeSpent> rows = s.timeSpentsOf(id);
        if (!t.duration().isZero() && !rows.isEmpty()) {
          rows.sort(Comparator.comparing(dev.prodtrack.model.TimeSpent::date).thenComparing(r -> r.personId().value()));
          for (dev.prodtrack.model.TimeSpent r : rows) {
            double share = (double) r.duration().toNanos() / t.duration().toNanos();
            long f = (long) Math.rint(frames * share);
            long d = (long) Math.rint(drawings * share);
            credits.add(new dev.prodtrack.schedule.Quotas.Credit(r.personId(), r.date(), f, d, share));
            credits.add(new dev.prodtrack.schedule.Quotas.Credit(null, r.date(), f, d, share));
          }
        } else if (t.realStartDate() != null) {
          LocalDate start = LocalDate.ofInstant(t.realStartDate(), zone);
          long n = calendar.workingDays(start, day);
          if (n == 0) {
            for (PersonId person : people) {
              credits.add(new dev.prodtrack.schedule.Quotas.Credit(person, day, frames, drawings, 1));
            }
            continue;
          }
          long f = (long) Math.rint((double) frames / n);
          long d = (long) Math.rint((double) drawings / n);
          for (LocalDate x = start; !x.isAfter(day); x = x.plusDays(1)) {
            if (calendar.isWorking(x)) {
              for (PersonId person : people) {
                credits.add(new dev.prodtrack.schedule.Quotas.Credit(person, x, f, d, 1.0 / n));
              }
            }
          }
        }
      }
      return new dev.prodtrack.schedule.Quotas(fps, credits);
    });
  }

  /**
   * Kitsu's retake statistics of a project's shot tasks per episode and task type (kitsu-semantics §4.1):
   * the closest upstream equivalent of a burn-up.
   *
   * @param project the project
   * @return one entry per (episode, task type) with shot tasks, by episode id (null first) then task type
   *     id
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<dev.prodtrack.schedule.RetakeStats> retakeStats(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> {
      Project p = ProjectApi.readableProject(s, actor, project);
      java.util.Map<List<Object>, List<Task>> groups = new java.util.HashMap<>();
      for (TaskId id : s.tasksByProject.get(project)) {
        Task t = s.tasks.get(id);
        dev.prodtrack.model.Entity shot = s.entities.get(t.entityId());
        if (Kinds.kindOf(s, shot) != dev.prodtrack.model.EntityKind.SHOT) {
          continue;
        }
        dev.prodtrack.model.Entity seq = shot.parentId() == null ? null : s.entities.get(shot.parentId());
        dev.prodtrack.model.EntityId episode = seq == null ? null : seq.parentId();
        groups.computeIfAbsent(java.util.Arrays.asList(episode, t.taskTypeId()), k -> new ArrayList<>()).add(t);
      }
      List<dev.prodtrack.schedule.RetakeStats> out = new ArrayList<>();
      for (var e : groups.entrySet()) {
        int done = 0;
        int retake = 0;
        int other = 0;
        long doneFrames = 0;
        long retakeFrames = 0;
        long otherFrames = 0;
        int max = 0;
        for (Task t : e.getValue()) {
          var status = s.taskStatuses.get(t.taskStatusId());
          Integer nb = s.entities.get(t.entityId()).nbFrames();
          long frames = nb == null ? 0 : nb;
          if (status.isDone()) {
            done++;
            doneFrames += frames;
          } else if (status.isRetake()) {
            retake++;
            retakeFrames += frames;
          } else {
            other++;
            otherFrames += frames;
          }
          max = Math.max(max, t.retakeCount());
        }
        List<dev.prodtrack.schedule.RetakeStats.Take> evolution = new ArrayList<>();
        for (int take = 1; take <= max; take++) {
          int r = 0;
          int d = 0;
          int o = 0;
          for (Task t : e.getValue()) {
            if (t.retakeCount() >= take) {
              r++;
            } else if (s.taskStatuses.get(t.taskStatusId()).isDone()) {
              d++;
            } else {
              o++;
            }
          }
          evolution.add(new dev.prodtrack.schedule.RetakeStats.Take(take, r, d, o));
        }
        out.add(new dev.prodtrack.schedule.RetakeStats((dev.prodtrack.model.EntityId) e.getKey().get(0),
            (dev.prodtrack.model.TaskTypeId) e.getKey().get(1), done, retake, other, doneFrames, retakeFrames,
            otherFrames, max, evolution));
      }
      out.sort(Comparator.comparing((dev.prodtrack.schedule.RetakeStats r) -> r.episode() == null ? "" : r.episode().toString())
          .thenComparing(r -> r.taskType().toString()));
      return List.copyOf(out);
    });
  }

  /**
   * The tasks of a scope that the caller may read.
   */
  private List<Task> tasksIn(State s, dev.prodtrack.schedule.Scope scope) {
    Project p = ProjectApi.readableProject(s, actor, scope.project());
    List<Task> out = new ArrayList<>();
    for (TaskId id : s.tasksByProject.get(p.id())) {
      Task t = s.tasks.get(id);
      if (scope.taskType() != null && !scope.taskType().equals(t.taskTypeId())) {
        continue;
      }
      if (scope.department() != null && !scope.department().equals(s.taskTypes.get(t.taskTypeId()).departmentId())) {
        continue;
      }
      if (scope.person() != null && !t.assignees().contains(scope.person())) {
        continue;
      }
      dev.prodtrack.model.Entity e = s.entities.get(t.entityId());
      if (scope.sequence() != null && !scope.sequence().equals(e.parentId())) {
        continue;
      }
      if (scope.episode() != null) {
        dev.prodtrack.model.Entity parent = e.parentId() == null ? null : s.entities.get(e.parentId());
        boolean inEpisode = scope.episode().equals(e.parentId()) || scope.episode().equals(e.sourceId())
            || (parent != null && scope.episode().equals(parent.parentId()));
        if (!inEpisode) {
          continue;
        }
      }
      out.add(t);
    }
    out.sort(Comparator.comparing(t -> t.id().value()));
    return out;
  }

  /**
   * The lateness rules for the tasks of a scope (episode, sequence, task type, department, person).
   *
   * @param scope the scope
   * @param asOf "today"
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return one entry per task, by task id
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<TaskLateness> lateness(dev.prodtrack.schedule.Scope scope, LocalDate asOf, ZoneId zone,
      WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      List<TaskLateness> out = new ArrayList<>();
      for (Task t : tasksIn(s, scope)) {
        out.add(Lateness.of(t, s.taskStatuses.get(t.taskStatusId()), asOf, zone, calendar));
      }
      return List.copyOf(out);
    });
  }

  /**
   * Earned value of a scope. With a person, each task's estimation counts for the person's share (split
   * evenly among assignees) and the actual cost is the person's own time spent (§3.4).
   *
   * @param scope the scope
   * @param day the day
   * @param rule the earning rule
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the measures
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.EarnedValue earnedValue(dev.prodtrack.schedule.Scope scope, LocalDate day,
      dev.prodtrack.schedule.EarningRule rule, ZoneId zone, WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    if (scope.episode() == null && scope.sequence() == null && scope.taskType() == null && scope.department() == null
        && scope.person() == null) {
      return engine.read(s -> {
        ProjectApi.readableProject(s, actor, scope.project());
        return s.earnedValueIndex().measure(scope.project(), day, rule, zone, calendar);
      });
    }
    return earnedValueByScan(scope, day, rule, zone, calendar);
  }

  /**
   * {@link #earnedValue(dev.prodtrack.schedule.Scope, LocalDate, dev.prodtrack.schedule.EarningRule, ZoneId,
   * WorkCalendar)} by a pass over the scope's tasks and time spents: the way every scope narrower than a
   * project is measured, and the reference the project-wide index is tested against.
   */
  dev.prodtrack.schedule.EarnedValue earnedValueByScan(dev.prodtrack.schedule.Scope scope, LocalDate day,
      dev.prodtrack.schedule.EarningRule rule, ZoneId zone, WorkCalendar calendar) {
    return engine.read(s -> {
      List<Task> tasks = tasksIn(s, scope);
      List<dev.prodtrack.model.TimeSpent> spent = new ArrayList<>();
      for (Task t : tasks) {
        for (dev.prodtrack.model.TimeSpent r : s.timeSpentsOf(t.id())) {
          if (scope.person() == null || scope.person().equals(r.personId())) {
            spent.add(r);
          }
        }
      }
      java.util.function.Function<Task, Double> share = scope.person() == null ? t -> 1.0
          : t -> 1.0 / t.assignees().size();
      return dev.prodtrack.schedule.EarnedValueCalculator.measure(tasks, share,
          t -> s.taskStatuses.get(t.taskStatusId()), spent, day, rule, zone, calendar);
    });
  }
}
