package dev.prodtrack;

import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskTypeId;
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
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.Forecast forecast(ProjectId project, LocalDate asOf, int windowWorkingDays,
      ZoneId zone, WorkCalendar calendar) {
    return forecast(dev.prodtrack.schedule.Scope.of(Objects.requireNonNull(project, "project")), asOf,
        windowWorkingDays, zone, calendar);
  }

  /**
   * A velocity forecast of a scope (schedule-analytics.md §7) under the 0/100 earning rule; the slip is
   * measured against the project's end date.
   *
   * @param scope the tasks covered
   * @param asOf "today"
   * @param windowWorkingDays the trailing window (20 in the reference), {@code > 0}
   * @param zone the zone the tasks' instants are read in
   * @param calendar the calendar
   * @return the forecast
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.Forecast forecast(dev.prodtrack.schedule.Scope scope, LocalDate asOf,
      int windowWorkingDays, ZoneId zone, WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(calendar, "calendar");
    if (windowWorkingDays <= 0) {
      throw new IllegalArgumentException("windowWorkingDays must be > 0, was " + windowWorkingDays);
    }
    var rule = dev.prodtrack.schedule.EarningRule.ZERO_HUNDRED;
    var today = earnedValue(scope, asOf, rule, zone, calendar);
    var start = earnedValue(scope, calendar.subtractWorkingDays(null, asOf, windowWorkingDays), rule, zone, calendar);
    LocalDate end = engine.read(s -> s.projects.get(scope.project()).endDate());
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
    checkRange(from, to);
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      TaskApi.found("person", person, s.persons.get(person));
      ScheduleTaskIndex index = s.scheduleTaskIndex();
      return new WorkloadCalculator(calendar, from, to).of(person, index.openDatedOf(person),
          readableCodes(s, index));
    });
  }

  /**
   * A person's workload over {@code [from, to]} counting only the tasks of a scope (schedule-analytics.md
   * §1.4); see {@link #workload(PersonId, LocalDate, LocalDate, WorkCalendar)}.
   *
   * @param scope the tasks counted
   * @param person the person
   * @param from the first day
   * @param to the last day, not before {@code from}
   * @param calendar the calendar
   * @return the workload
   * @throws PermissionDeniedException if the caller may not read the project
   * @throws UnknownIdException if the person does not exist
   */
  public dev.prodtrack.schedule.Workload workload(dev.prodtrack.schedule.Scope scope, PersonId person,
      LocalDate from, LocalDate to, WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(person, "person");
    checkRange(from, to);
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      TaskApi.found("person", person, s.persons.get(person));
      List<Task> assigned = new ArrayList<>();
      for (Task t : tasksIn(s, scope)) {
        if (t.assignees().contains(person)) {
          assigned.add(t);
        }
      }
      return new WorkloadCalculator(calendar, from, to).of(person, WorkloadCalculator.columnsOf(s, assigned), null);
    });
  }

  /**
   * The workload grid of a team over {@code [from, to]} (schedule-analytics.md §1.4): per person and day,
   * demand against capacity, with the team's totals per day. The team is the scope's person when it names
   * one, else the project's team; only the scope's tasks count.
   *
   * @param scope the tasks counted and, through its project or person, the team
   * @param from the first day
   * @param to the last day, not before {@code from}
   * @param calendar the calendar
   * @return the grid, people in the team's order
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.WorkloadGrid workloadGrid(dev.prodtrack.schedule.Scope scope, LocalDate from,
      LocalDate to, WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    checkRange(from, to);
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      if (scope.episode() == null && scope.sequence() == null && scope.taskType() == null
          && scope.department() == null && scope.person() == null) {
        // The whole project: each team member's open dated tasks of the project, from the index's columns.
        ProjectApi.readableProject(s, actor, scope.project());
        ScheduleTaskIndex index = s.scheduleTaskIndex();
        int code = index.projectCode(scope.project());
        boolean[] project = new boolean[code + 1];
        if (code >= 0) {
          project[code] = true;
        }
        WorkloadCalculator calculator = new WorkloadCalculator(calendar, from, to);
        List<dev.prodtrack.schedule.Workload> rows = new ArrayList<>();
        for (var member : s.projects.get(scope.project()).team()) {
          rows.add(calculator.of(member.personId(), index.openDatedOf(member.personId()), project));
        }
        return calculator.grid(from, to, rows);
      }
      List<Task> tasks = tasksIn(s, scope);
      List<PersonId> people = new ArrayList<>();
      if (scope.person() != null) {
        people.add(scope.person());
      } else {
        s.projects.get(scope.project()).team().forEach(m -> people.add(m.personId()));
      }
      java.util.Map<PersonId, List<Task>> byPerson = new java.util.HashMap<>();
      for (Task t : tasks) {
        for (PersonId person : t.assignees()) {
          byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(t);
        }
      }
      WorkloadCalculator calculator = new WorkloadCalculator(calendar, from, to);
      List<dev.prodtrack.schedule.Workload> rows = new ArrayList<>();
      for (PersonId person : people) {
        rows.add(calculator.of(person, WorkloadCalculator.columnsOf(s, byPerson.getOrDefault(person, List.of())),
            null));
      }
      return calculator.grid(from, to, rows);
    });
  }

  /**
   * The workload grid of a set of people over {@code [from, to]}, counting every task of theirs in the
   * projects the caller may read; see {@link #workloadGrid(dev.prodtrack.schedule.Scope, LocalDate, LocalDate,
   * WorkCalendar)}.
   *
   * @param people the people, in the order wanted (duplicates kept once)
   * @param from the first day
   * @param to the last day, not before {@code from}
   * @param calendar the calendar
   * @return the grid
   * @throws UnknownIdException if a person does not exist
   */
  public dev.prodtrack.schedule.WorkloadGrid workloadGrid(Collection<PersonId> people, LocalDate from, LocalDate to,
      WorkCalendar calendar) {
    Objects.requireNonNull(people, "people");
    checkRange(from, to);
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      List<dev.prodtrack.schedule.Workload> rows = new ArrayList<>();
      ScheduleTaskIndex index = s.scheduleTaskIndex();
      boolean[] readable = readableCodes(s, index);
      WorkloadCalculator calculator = new WorkloadCalculator(calendar, from, to);
      for (PersonId person : new java.util.LinkedHashSet<>(people)) {
        TaskApi.found("person", Objects.requireNonNull(person, "person"), s.persons.get(person));
        rows.add(calculator.of(person, index.openDatedOf(person), readable));
      }
      return calculator.grid(from, to, rows);
    });
  }

  private static void checkRange(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
  }

  /**
   * Which project codes of the index ({@link ScheduleTaskIndex#projectCode}) the caller may read.
   *
   * @return {@code result[code]} true when the caller may read that project
   */
  private boolean[] readableCodes(State s, ScheduleTaskIndex index) {
    var caller = s.persons.get(actor);
    ProjectId[] projects = index.projectsByCode();
    boolean[] readable = new boolean[projects.length];
    for (int code = 0; code < projects.length; code++) {
      Project p = s.projects.get(projects[code]);
      readable[code] = p != null && Access.canRead(caller, p);
    }
    return readable;
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
    return burndown(dev.prodtrack.schedule.Scope.of(Objects.requireNonNull(project, "project")), from, to, zone, calendar);
  }

  /**
   * The burn-down and burn-up series of a project over the working days of {@code [from, to]} under the
   * 0/100 rule: remaining and earned person-days, done tasks, and the ideal line. Computed in one pass
   * over the tasks plus one over the days.
   *
   * @param scope the tasks covered (a project, narrowed to an episode, sequence, task type,
   *     department or person)
   * @param from the first day
   * @param to the last day
   * @param zone the zone done dates are read in
   * @param calendar the calendar
   * @return one point per working day
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<dev.prodtrack.schedule.BurndownPoint> burndown(dev.prodtrack.schedule.Scope scope, LocalDate from, LocalDate to,
      ZoneId zone, WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      List<Task> scoped = tasksIn(s, scope);
      Project p = s.projects.get(scope.project());
      double bac = 0;
      java.util.TreeMap<LocalDate, double[]> earnedOn = new java.util.TreeMap<>();
      for (Task t : scoped) {
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
   * The critical path of a project (schedule-analytics.md §5) over its stored dependencies: implicit
   * finish-to-start links between the priority groups of each entity's tasks (the project's task-type link
   * priorities) and the links stored with {@link #addTaskDependency}, an explicit link replacing the
   * implicit one of the same pair; durations from the planned dates, else the estimation, else one day
   * (reported as unestimated).
   *
   * @param project the project
   * @param analysisStart the first day (null: the project's start date, else the earliest task start)
   * @param deadline the deadline of the backward pass (null: the project finish)
   * @param threshold the total float at or below which a task is critical (0 in the reference)
   * @param calendar the calendar
   * @return the result
   * @throws dev.prodtrack.schedule.DependencyCycleException if the links form a cycle
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.CriticalPath criticalPath(ProjectId project, LocalDate analysisStart,
      LocalDate deadline, long threshold, WorkCalendar calendar) {
    return criticalPath(project, analysisStart, deadline, threshold, List.of(), calendar);
  }

  /**
   * The critical path of a project with extra explicit links on top of the stored ones (they replace a
   * stored or implicit link of the same pair); see {@link #criticalPath(ProjectId, LocalDate, LocalDate,
   * long, WorkCalendar)}.
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
    return criticalPath(dev.prodtrack.schedule.Scope.of(Objects.requireNonNull(project, "project")), analysisStart,
        deadline, threshold, explicitLinks, calendar);
  }

  /**
   * The critical path of the tasks of a scope (an episode, a sequence, a department...): the network is
   * restricted to the scope's tasks, links with an end outside it are left out.
   *
   * @param scope the scope
   * @param analysisStart the first day (null: the project's start date, else the earliest task start)
   * @param deadline the deadline of the backward pass (null: the scope's finish)
   * @param threshold the total float at or below which a task is critical (0 in the reference)
   * @param explicitLinks extra links between tasks of the scope
   * @param calendar the calendar
   * @return the result
   * @throws dev.prodtrack.schedule.DependencyCycleException if the links form a cycle
   * @throws IllegalArgumentException if the scope holds no task
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.CriticalPath criticalPath(dev.prodtrack.schedule.Scope scope, LocalDate analysisStart,
      LocalDate deadline, long threshold, List<dev.prodtrack.schedule.TaskLink> explicitLinks, WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(explicitLinks, "explicitLinks");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      boolean wholeProject = scope.episode() == null && scope.sequence() == null && scope.taskType() == null
          && scope.department() == null && scope.person() == null;
      List<Task> tasks;
      int n;
      TaskId[] ids;
      int[] durations;
      boolean[] unestimated;
      int[] priorities;
      int[] entityRanks = null;
      LocalDate earliest = null;
      Project p;
      if (wholeProject) {
        // The index's view of the project, in id order, with the columns read here: no task record is read.
        ProjectApi.readableProject(s, actor, scope.project());
        p = s.projects.get(scope.project());
        ScheduleTaskIndex index = s.scheduleTaskIndex();
        ScheduleTaskIndex.ProjectView view = index.viewOf(s, scope.project());
        tasks = java.util.Arrays.asList(view.tasks);
        n = view.ids.length;
        if (n == 0) {
          throw new IllegalArgumentException("no task to schedule");
        }
        ids = view.ids;
        durations = new int[n];
        unestimated = new boolean[n];
        priorities = new int[n];
        int[] priorityOfCode = new int[index.typeCodeCount()];
        boolean[] known = new boolean[priorityOfCode.length];
        long earliestDay = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
          int code = view.types[i];
          if (!known[code]) {
            java.util.OptionalInt prio = p.taskTypePriority(index.typeOfCode(code));
            priorityOfCode[code] = prio.isPresent() ? prio.getAsInt() : Integer.MIN_VALUE;
            known[code] = true;
          }
          priorities[i] = priorityOfCode[code];
          long startDay = view.starts[i];
          long dueDay = view.dues[i];
          long estimation = view.estimations[i];
          if (startDay != ScheduleTaskIndex.ProjectView.NO_DATE && dueDay != ScheduleTaskIndex.ProjectView.NO_DATE) {
            durations[i] = (int) Math.max(1, calendar.workingDays(startDay, dueDay));
          } else if (estimation != 0) {
            double days = estimation == ScheduleTaskIndex.ProjectView.OVERFLOW
                ? calendar.days(view.tasks[i].estimation()) : calendar.days(estimation);
            durations[i] = (int) Math.max(1, Math.ceil(days - 1e-9));
          } else {
            durations[i] = 1;
            unestimated[i] = true;
          }
          if (startDay != ScheduleTaskIndex.ProjectView.NO_DATE && startDay < earliestDay) {
            earliestDay = startDay;
          }
        }
        earliest = earliestDay == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(earliestDay);
        // The index keeps its view's entity ranks.
        entityRanks = index.entityRanksOf(s, p.id(), view.tasks);
      } else {
        tasks = tasksIn(s, scope);
        p = s.projects.get(scope.project());
        if (tasks.isEmpty()) {
          throw new IllegalArgumentException("no task to schedule");
        }
        // One pass over the task records: everything the network needs from each.
        n = tasks.size();
        ids = new TaskId[n];
        durations = new int[n];
        unestimated = new boolean[n];
        priorities = new int[n];
        TypePriorities types = new TypePriorities(p);
        for (int i = 0; i < n; i++) {
          Task t = tasks.get(i);
          ids[i] = t.id();
          priorities[i] = types.of(t.taskTypeId());
          LocalDate startDate = t.startDate();
          LocalDate dueDate = t.dueDate();
          if (startDate != null && dueDate != null) {
            durations[i] = (int) Math.max(1, calendar.workingDays(startDate, dueDate));
          } else if (!t.estimation().isZero()) {
            durations[i] = (int) Math.max(1, Math.ceil(calendar.days(t.estimation()) - 1e-9));
          } else {
            durations[i] = 1;
            unestimated[i] = true;
          }
          if (startDate != null && (earliest == null || startDate.isBefore(earliest))) {
            earliest = startDate;
          }
        }
      }
      var network = DependencyNetwork.network(s, p, tasks, ids, entityRanks, priorities, durations, unestimated,
          explicitLinks);
      LocalDate start = analysisStart != null ? analysisStart : p.startDate() != null ? p.startDate()
          : earliest != null ? earliest : LocalDate.EPOCH;
      return dev.prodtrack.schedule.CriticalPath.compute(network, start, deadline, threshold, calendar);
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
    return atRisk(dev.prodtrack.schedule.Scope.of(Objects.requireNonNull(project, "project")), asOf, calendar);
  }

  /**
   * The project's tasks at risk as of a day: open (not done), not yet late (due on or after the day),
   * assigned, and for at least one assignee the remaining work of this task plus that of their other open
   * tasks due earlier (each split among its assignees) exceeds their capacity from the day to this task's
   * due date. Remaining work is estimation − duration floored at zero, or the whole estimation when the
   * task has not started. Each comes with its reasons.
   *
   * @param scope the tasks covered (a project, narrowed to an episode, sequence, task type,
   *     department or person)
   * @param asOf "today"
   * @param calendar the calendar
   * @return the tasks at risk, by due date then id
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<dev.prodtrack.schedule.AtRisk> atRisk(dev.prodtrack.schedule.Scope scope, LocalDate asOf, WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      List<Task> scoped = tasksIn(s, scope);
      Project p = s.projects.get(scope.project());
      List<dev.prodtrack.schedule.AtRisk> out = new ArrayList<>();
      java.util.Map<PersonId, OpenLoad> loads = new java.util.HashMap<>();
      for (Task t : scoped) {
        if (!isOpen(s, t) || t.dueDate() == null || t.dueDate().isBefore(asOf) || t.assignees().isEmpty()) {
          continue;
        }
        java.time.Duration remaining = remaining(t);
        PersonId tightest = null;
        java.time.Duration worst = java.time.Duration.ZERO;
        for (PersonId person : t.assignees()) {
          java.time.Duration demand = remaining.dividedBy(t.assignees().size())
              .plus(loads.computeIfAbsent(person, k -> OpenLoad.of(s, k, asOf)).dueBefore(t.dueDate()));
          java.time.Duration capacity = calendar.capacity(person, asOf, t.dueDate());
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

  /**
   * A person's open work due on or after a day, by due date, with running sums: the work due before any
   * later day is one binary search away. Each task counts its remaining work split among its assignees.
   */
  private record OpenLoad(long[] dueDays, long[] cumulativeNanos) {
    static OpenLoad of(State s, PersonId person, LocalDate asOf) {
      List<Task> open = new ArrayList<>();
      for (TaskId id : s.tasksByAssignee.get(person)) {
        Task o = s.tasks.get(id);
        if (isOpen(s, o) && o.dueDate() != null && !o.dueDate().isBefore(asOf)) {
          open.add(o);
        }
      }
      open.sort(Comparator.comparing(Task::dueDate));
      long[] days = new long[open.size()];
      long[] sums = new long[open.size() + 1];
      for (int i = 0; i < open.size(); i++) {
        Task o = open.get(i);
        days[i] = o.dueDate().toEpochDay();
        sums[i + 1] = Math.addExact(sums[i], remaining(o).dividedBy(o.assignees().size()).toNanos());
      }
      return new OpenLoad(days, sums);
    }

    /** The summed shares of the tasks due strictly before a day. */
    java.time.Duration dueBefore(LocalDate day) {
      int i = java.util.Arrays.binarySearch(dueDays, day.toEpochDay());
      if (i < 0) {
        i = -i - 1;
      } else {
        while (i > 0 && dueDays[i - 1] == dueDays[i]) {
          i--;
        }
      }
      return java.time.Duration.ofNanos(cumulativeNanos[i]);
    }
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
    return timeline(dev.prodtrack.schedule.Scope.of(Objects.requireNonNull(project, "project")), asOf, zone, calendar);
  }

  /**
   * The project's timeline (schedule-analytics.md §2.3): one bar per task — planned start = start date,
   * else real start; planned end = due date, else end date, else the start plus the estimation in working
   * days; at least one day; late when not done and ending before {@code asOf} — and roll-ups per entity,
   * sequence, episode, task type, assignee and for the project, each enclosing its children. A task row's
   * {@link dev.prodtrack.schedule.TimelineBar#parentId() parentId} is its entity, an entity row's its
   * sequence (when it is a shot or scene of one), a sequence row's its episode.
   *
   * @param scope the tasks covered (a project, narrowed to an episode, sequence, task type,
   *     department or person)
   * @param asOf "today", for the late flag
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the timeline
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.Timeline timeline(dev.prodtrack.schedule.Scope scope, LocalDate asOf, ZoneId zone,
      WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      List<Task> scoped = tasksIn(s, scope);
      Project p = s.projects.get(scope.project());
      java.util.Map<String, java.util.Map<String, dev.prodtrack.schedule.TimelineBar>> rollups =
          new java.util.LinkedHashMap<>();
      for (String level : List.of("project", "episode", "sequence", "entity", "task_type", "person")) {
        rollups.put(level, new java.util.HashMap<>());
      }
      List<dev.prodtrack.schedule.TimelineBar> taskBars = new ArrayList<>();
      for (Task t : scoped) {
        TaskId id = t.id();
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
            end, date(t.realStartDate(), zone), actualEnd, late, e.id().toString());
        taskBars.add(bar);
        roll(rollups, "project", bar, p.id().toString(), p.name());
        roll(rollups, "task_type", bar, t.taskTypeId().toString(), typeName);
        dev.prodtrack.model.Entity parent = e.parentId() == null ? null : s.entities.get(e.parentId());
        boolean inSequence = parent != null && Kinds.kindOf(s, parent) == dev.prodtrack.model.EntityKind.SEQUENCE;
        roll(rollups, "entity", bar.withParentId(inSequence ? parent.id().toString() : null), e.id().toString(),
            e.name());
        if (inSequence) {
          dev.prodtrack.model.Entity episode = parent.parentId() == null ? null : s.entities.get(parent.parentId());
          roll(rollups, "sequence", bar.withParentId(episode == null ? null : episode.id().toString()),
              parent.id().toString(), parent.name());
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
    // The roll-up takes the parent the child carries here (the entity's sequence, the sequence's episode).
    rollups.get(level).merge(id, dev.prodtrack.schedule.TimelineBar.rollupOf(child, level, id, label)
        .withParentId(level.equals("entity") || level.equals("sequence") ? child.parentId() : null),
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
    return quotas(dev.prodtrack.schedule.Scope.of(Objects.requireNonNull(project, "project")), mode, delivery, zone, calendar);
  }

  /**
   * Quotas of a project's shot tasks (schedule-analytics.md §4): raw (everything on the delivery day to
   * each assignee and to the total) or weighted (along the task's time spents; without time spents, spread
   * evenly over the working days from the real start to the delivery day). Rounding is half to even.
   *
   * @param scope the tasks covered (a project, narrowed to an episode, sequence, task type,
   *     department or person)
   * @param mode raw or weighted
   * @param delivery feedback request or approval
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the credits and their buckets
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.Quotas quotas(dev.prodtrack.schedule.Scope scope, dev.prodtrack.schedule.Quotas.Mode mode,
      dev.prodtrack.schedule.Quotas.Delivery delivery, ZoneId zone, WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      List<Task> scoped = tasksIn(s, scope);
      Project p = s.projects.get(scope.project());
      double fps = Double.parseDouble(p.fps());
      List<dev.prodtrack.schedule.Quotas.Credit> credits = new ArrayList<>();
      for (Task t : scoped) {
        TaskId id = t.id();
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
      if (scope.person() != null) {
        // A person's quotas: only their own credits, and the total line is theirs.
        List<dev.prodtrack.schedule.Quotas.Credit> own = new ArrayList<>();
        for (var c : credits) {
          if (scope.person().equals(c.person())) {
            own.add(c);
            own.add(new dev.prodtrack.schedule.Quotas.Credit(null, c.day(), c.frames(), c.drawings(), c.shots()));
          }
        }
        credits = own;
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
    return retakeStats(dev.prodtrack.schedule.Scope.of(Objects.requireNonNull(project, "project")));
  }

  /**
   * Kitsu's retake statistics of a project's shot tasks per episode and task type (kitsu-semantics §4.1):
   * the closest upstream equivalent of a burn-up.
   *
   * @param scope the tasks covered (a project, narrowed to an episode, sequence, task type,
   *     department or person)
   * @return one entry per (episode, task type) with shot tasks, by episode id (null first) then task type
   *     id
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<dev.prodtrack.schedule.RetakeStats> retakeStats(dev.prodtrack.schedule.Scope scope) {
    Objects.requireNonNull(scope, "scope");
    return engine.read(s -> {
      List<Task> scoped = tasksIn(s, scope);
      Project p = s.projects.get(scope.project());
      java.util.Map<List<Object>, List<Task>> groups = new java.util.HashMap<>();
      for (Task t : scoped) {
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
   * The tasks a scope's filters are applied to, read from the narrowest index at hand: the sequence's
   * entities, else the person's assignments, else the task type's tasks, else the project's tasks. They may
   * include tasks outside the scope (and, through a person or task type, of other projects).
   */
  private static List<Task> candidates(State s, dev.prodtrack.schedule.Scope scope) {
    List<Task> out = new ArrayList<>();
    if (scope.sequence() != null) {
      s.entitiesByParent.get(scope.sequence()).forEach(e -> out.addAll(s.tasksOn(e)));
    } else if (scope.person() != null) {
      s.tasksByAssignee.get(scope.person()).forEach(id -> out.add(s.tasks.get(id)));
    } else if (scope.taskType() != null) {
      s.tasksByType.get(scope.taskType()).forEach(id -> out.add(s.tasks.get(id)));
    } else {
      s.tasksByProject.get(scope.project()).forEach(id -> out.add(s.tasks.get(id)));
    }
    return out;
  }

  /**
   * The project's link priority of each task type ({@link Integer#MIN_VALUE} for none), for a pass over
   * many tasks: the few types are compared by reference first (tasks of one type usually share their
   * type id), then by value, before the project's links are searched.
   */
  private static final class TypePriorities {
    private final Project project;
    private TaskTypeId[] types = new TaskTypeId[16];
    private int[] priorities = new int[16];
    private int size;

    TypePriorities(Project project) {
      this.project = project;
    }

    int of(TaskTypeId type) {
      for (int k = 0; k < size; k++) {
        if (types[k] == type) {
          return priorities[k];
        }
      }
      for (int k = 0; k < size; k++) {
        if (types[k].equals(type)) {
          remember(type, priorities[k]);
          return priorities[k];
        }
      }
      java.util.OptionalInt prio = project.taskTypePriority(type);
      int value = prio.isPresent() ? prio.getAsInt() : Integer.MIN_VALUE;
      remember(type, value);
      return value;
    }

    /** Remembers another reference to a type, up to 64 references (then by value only). */
    private void remember(TaskTypeId type, int priority) {
      if (size == 64) {
        return;
      }
      if (size == types.length) {
        types = java.util.Arrays.copyOf(types, size * 2);
        priorities = java.util.Arrays.copyOf(priorities, size * 2);
      }
      types[size] = type;
      priorities[size++] = priority;
    }
  }

  /**
   * The tasks of a scope that the caller may read.
   */
  private List<Task> tasksIn(State s, dev.prodtrack.schedule.Scope scope) {
    Project p = ProjectApi.readableProject(s, actor, scope.project());
    List<Task> out = new ArrayList<>();
    boolean sorted = scope.sequence() == null && scope.person() == null && scope.taskType() == null;
    // The project's tasks come from the index already in id order: no sort per query.
    Iterable<Task> candidates = sorted ? java.util.Arrays.asList(s.scheduleTaskIndex().tasksOf(s, p.id()))
        : candidates(s, scope);
    for (Task t : candidates) {
      if (!t.projectId().equals(p.id())) {
        continue;
      }
      if (scope.taskType() != null && !scope.taskType().equals(t.taskTypeId())) {
        continue;
      }
      if (scope.department() != null && !scope.department().equals(s.taskTypes.get(t.taskTypeId()).departmentId())) {
        continue;
      }
      if (scope.person() != null && !t.assignees().contains(scope.person())) {
        continue;
      }
      if (scope.sequence() == null && scope.episode() == null) {
        out.add(t);
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
    if (!sorted) {
      out.sort(Comparator.comparing(t -> t.id().value()));
    }
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

  /**
   * Earned value of a scope in money (schedule-analytics.md §6, cost view): each person-day of a task's
   * estimation costs its assignees' daily salaries, split evenly among them (with a person scope, only that
   * person's share); each person-day of time spent costs its person's daily salary. Tasks and people
   * without a salary count zero and are listed.
   *
   * @param scope the scope
   * @param day the day
   * @param rule the earning rule
   * @param zone the zone instants are read in
   * @param calendar the calendar (hours per day turn durations into person-days)
   * @return the measures in money, with what could not be priced
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public dev.prodtrack.schedule.EarnedValueCost earnedValueCost(dev.prodtrack.schedule.Scope scope, LocalDate day,
      dev.prodtrack.schedule.EarningRule rule, ZoneId zone, WorkCalendar calendar) {
    Objects.requireNonNull(day, "day");
    return earnedValueCostSeries(scope, day, day, rule, zone, calendar, false).get(0);
  }

  /**
   * Earned value of a scope as a daily series: one measure per working day of {@code [from, to]} (every
   * day when none is working), in person-days. Past days use the tasks' current statuses and stored
   * dates (§6: not an audit trail).
   *
   * @param scope the scope
   * @param from the first day
   * @param to the last day, not before {@code from}
   * @param rule the earning rule
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the measures, by day
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<dev.prodtrack.schedule.EarnedValue> earnedValueSeries(dev.prodtrack.schedule.Scope scope,
      LocalDate from, LocalDate to, dev.prodtrack.schedule.EarningRule rule, ZoneId zone, WorkCalendar calendar) {
    Objects.requireNonNull(scope, "scope");
    checkRange(from, to);
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      List<Task> tasks = tasksIn(s, scope);
      List<dev.prodtrack.model.TimeSpent> spent = spentIn(s, scope, tasks);
      java.util.function.Function<Task, Double> share = scope.person() == null ? t -> 1.0
          : t -> 1.0 / t.assignees().size();
      List<dev.prodtrack.schedule.EarnedValue> out = new ArrayList<>();
      for (LocalDate d : seriesDays(from, to, calendar)) {
        out.add(dev.prodtrack.schedule.EarnedValueCalculator.measure(tasks, share,
            t -> s.taskStatuses.get(t.taskStatusId()), spent, d, rule, zone, calendar));
      }
      return List.copyOf(out);
    });
  }

  /**
   * Earned value of a scope in money as a daily series; see {@link #earnedValueCost} and
   * {@link #earnedValueSeries}.
   *
   * @param scope the scope
   * @param from the first day
   * @param to the last day, not before {@code from}
   * @param rule the earning rule
   * @param zone the zone instants are read in
   * @param calendar the calendar
   * @return the measures in money, by day
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<dev.prodtrack.schedule.EarnedValueCost> earnedValueCostSeries(dev.prodtrack.schedule.Scope scope,
      LocalDate from, LocalDate to, dev.prodtrack.schedule.EarningRule rule, ZoneId zone, WorkCalendar calendar) {
    return earnedValueCostSeries(scope, from, to, rule, zone, calendar, true);
  }

  private List<dev.prodtrack.schedule.EarnedValueCost> earnedValueCostSeries(dev.prodtrack.schedule.Scope scope,
      LocalDate from, LocalDate to, dev.prodtrack.schedule.EarningRule rule, ZoneId zone, WorkCalendar calendar,
      boolean workingDaysOnly) {
    Objects.requireNonNull(scope, "scope");
    checkRange(from, to);
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    return engine.read(s -> {
      List<Task> tasks = tasksIn(s, scope);
      List<dev.prodtrack.model.TimeSpent> spent = spentIn(s, scope, tasks);
      java.util.Set<TaskId> unpricedTasks = new java.util.LinkedHashSet<>();
      java.util.Map<Task, Double> weights = new java.util.HashMap<>();
      for (Task t : tasks) {
        double w = 0;
        if (t.assignees().isEmpty()) {
          unpricedTasks.add(t.id());
        }
        for (PersonId person : t.assignees()) {
          if (scope.person() != null && !scope.person().equals(person)) {
            continue;
          }
          Integer salary = s.persons.get(person).dailySalary();
          if (salary == null) {
            unpricedTasks.add(t.id());
          } else {
            w += (double) salary / t.assignees().size();
          }
        }
        weights.put(t, w);
      }
      java.util.Set<PersonId> unpricedPeople = new java.util.LinkedHashSet<>();
      for (dev.prodtrack.model.TimeSpent r : spent) {
        if (s.persons.get(r.personId()).dailySalary() == null) {
          unpricedPeople.add(r.personId());
        }
      }
      List<TaskId> tasksOut = new ArrayList<>(unpricedTasks);
      List<PersonId> peopleOut = new ArrayList<>(unpricedPeople);
      peopleOut.sort(Comparator.comparing(PersonId::value));
      List<dev.prodtrack.schedule.EarnedValueCost> out = new ArrayList<>();
      for (LocalDate d : workingDaysOnly ? seriesDays(from, to, calendar) : List.of(from)) {
        var value = dev.prodtrack.schedule.EarnedValueCalculator.measure(tasks, weights::get,
            t -> s.taskStatuses.get(t.taskStatusId()), spent, r -> {
              Integer salary = s.persons.get(r.personId()).dailySalary();
              return salary == null ? 0 : salary;
            }, d, rule, zone, calendar);
        out.add(new dev.prodtrack.schedule.EarnedValueCost(value, tasksOut, peopleOut));
      }
      return List.copyOf(out);
    });
  }

  /** The working days of a range, or every day when none is working. */
  private static List<LocalDate> seriesDays(LocalDate from, LocalDate to, WorkCalendar calendar) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (calendar.isWorking(d)) {
        days.add(d);
      }
    }
    if (days.isEmpty()) {
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        days.add(d);
      }
    }
    return days;
  }

  /** The time-spent rows of a scope's tasks: with a person scope, that person's own rows (§3.4). */
  private static List<dev.prodtrack.model.TimeSpent> spentIn(State s, dev.prodtrack.schedule.Scope scope,
      List<Task> tasks) {
    List<dev.prodtrack.model.TimeSpent> spent = new ArrayList<>();
    for (Task t : tasks) {
      for (dev.prodtrack.model.TimeSpent r : s.timeSpentsOf(t.id())) {
        if (scope.person() == null || scope.person().equals(r.personId())) {
          spent.add(r);
        }
      }
    }
    return spent;
  }

  // ---------------------------------------------------------------- stored task dependencies

  /**
   * Stores an explicit dependency between two tasks of one project (schedule-analytics.md §5.1, item 3),
   * used by every later {@link #criticalPath} of the project. Allowed to whoever may change both tasks'
   * dates: an admin, a manager in the team, or a supervisor in the team whose department matches both
   * task types. Publishes {@code task-dependency:new}.
   *
   * <p>The link is refused when it would close a cycle in the project's network: the stored links plus
   * the implicit pipeline links (each entity's task-type priority groups), an explicit link replacing the
   * implicit one of the same pair. A refused call changes nothing.
   *
   * @param predecessor the task that comes first
   * @param successor the task that depends on it
   * @param type the link type
   * @param lag working days of lag, may be negative
   * @return the stored dependency
   * @throws UnknownIdException if a task does not exist
   * @throws PermissionDeniedException if the caller may not change both tasks' dates
   * @throws RuleViolationException with rule {@code WRONG_PROJECT} when the tasks are in different
   *     projects, or {@code DUPLICATE_DEPENDENCY} when the pair is already linked (either way)
   * @throws dev.prodtrack.schedule.DependencyCycleException with the cycle's task ids when the link is a
   *     self-link or closes a cycle
   */
  public dev.prodtrack.model.TaskDependency addTaskDependency(TaskId predecessor, TaskId successor,
      dev.prodtrack.model.TaskDependency.Type type, int lag) {
    Objects.requireNonNull(predecessor, "predecessor");
    Objects.requireNonNull(successor, "successor");
    Objects.requireNonNull(type, "type");
    return engine.write(actor, tx -> {
      Task pred = tx.task(predecessor);
      Task succ = tx.task(successor);
      Project project = tx.project(pred.projectId());
      requireScheduleEditor(tx, project, pred, "add_task_dependency");
      if (!succ.projectId().equals(pred.projectId())) {
        throw new RuleViolationException(RuleViolationException.Rule.WRONG_PROJECT,
            "task " + successor + " is not in the project " + pred.projectId() + " of task " + predecessor,
            successor, pred.projectId());
      }
      requireScheduleEditor(tx, project, succ, "add_task_dependency");
      if (predecessor.equals(successor)) {
        throw new dev.prodtrack.schedule.DependencyCycleException(List.of(predecessor));
      }
      for (var id : tx.state.dependenciesByTask.get(predecessor)) {
        var d = tx.state.taskDependencies.get(id);
        if (d.predecessorId().equals(successor) || d.successorId().equals(successor)) {
          throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_DEPENDENCY,
              "tasks " + predecessor + " and " + successor + " are already linked by " + d.id(), d.id(),
              predecessor, successor);
        }
      }
      List<TaskId> cycle = DependencyNetwork.cycleThrough(tx.state, project, predecessor, successor);
      if (!cycle.isEmpty()) {
        throw new dev.prodtrack.schedule.DependencyCycleException(cycle);
      }
      var d = new dev.prodtrack.model.TaskDependency(new dev.prodtrack.model.TaskDependencyId(tx.newId()),
          project.id(), predecessor, successor, type, lag, tx.now, tx.now);
      tx.put(d.id(), d);
      tx.event(dev.prodtrack.event.EventNames.TASK_DEPENDENCY_NEW, project.id(), "task_dependency_id", d.id(),
          "predecessor_id", predecessor, "successor_id", successor);
      return d;
    });
  }

  /**
   * Removes a stored dependency. Same permission as {@link #addTaskDependency}. Publishes
   * {@code task-dependency:delete}.
   *
   * @param dependency the dependency
   * @throws UnknownIdException if it does not exist
   * @throws PermissionDeniedException if the caller may not change both tasks' dates
   */
  public void removeTaskDependency(dev.prodtrack.model.TaskDependencyId dependency) {
    Objects.requireNonNull(dependency, "dependency");
    engine.write(actor, tx -> {
      dev.prodtrack.model.TaskDependency d = tx.require("task dependency", dependency);
      Project project = tx.project(d.projectId());
      requireScheduleEditor(tx, project, tx.task(d.predecessorId()), "remove_task_dependency");
      requireScheduleEditor(tx, project, tx.task(d.successorId()), "remove_task_dependency");
      tx.delete(dependency);
      tx.event(dev.prodtrack.event.EventNames.TASK_DEPENDENCY_DELETE, project.id(), "task_dependency_id", d.id(),
          "predecessor_id", d.predecessorId(), "successor_id", d.successorId());
      return null;
    });
  }

  /**
   * The stored dependencies a task takes part in, as predecessor or successor.
   *
   * @param task the task
   * @return the dependencies, oldest first (then by id)
   * @throws UnknownIdException if the task does not exist
   * @throws PermissionDeniedException if the caller may not read the task's project
   */
  public List<dev.prodtrack.model.TaskDependency> allTaskDependenciesForTask(TaskId task) {
    Objects.requireNonNull(task, "task");
    return engine.read(s -> {
      Task t = TaskApi.found("task", task, s.tasks.get(task));
      ProjectApi.readableProject(s, actor, t.projectId());
      return dependencies(s, s.dependenciesByTask.get(task));
    });
  }

  /**
   * The stored dependencies of a project.
   *
   * @param project the project
   * @return the dependencies, oldest first (then by id)
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<dev.prodtrack.model.TaskDependency> allTaskDependenciesForProject(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> {
      ProjectApi.readableProject(s, actor, project);
      return dependencies(s, s.dependenciesByProject.get(project));
    });
  }

  private static List<dev.prodtrack.model.TaskDependency> dependencies(State s,
      Iterable<dev.prodtrack.model.TaskDependencyId> ids) {
    List<dev.prodtrack.model.TaskDependency> out = new ArrayList<>();
    ids.forEach(id -> out.add(s.taskDependencies.get(id)));
    out.sort(Comparator.comparing(dev.prodtrack.model.TaskDependency::createdAt)
        .thenComparing(d -> d.id().value()));
    return List.copyOf(out);
  }

  /** Whoever may change a task's dates through {@code updateTask}: manager, or supervisor of its department. */
  private void requireScheduleEditor(Tx tx, Project project, Task task, String action) {
    dev.prodtrack.model.Person caller = tx.person(actor);
    if (Access.isManagerOf(caller, project)) {
      return;
    }
    boolean supervisor = Access.inTeam(caller, project)
        && Access.effectiveRole(caller, project) == dev.prodtrack.model.Role.SUPERVISOR
        && Access.departmentMatches(caller, tx.require("task type", task.taskTypeId()));
    if (!supervisor) {
      throw new PermissionDeniedException(actor, action, task.id(),
          "only an admin, a manager in the team or a supervisor of the task's department may link tasks");
    }
  }
}
