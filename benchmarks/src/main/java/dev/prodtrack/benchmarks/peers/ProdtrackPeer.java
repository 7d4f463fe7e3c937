package dev.prodtrack.benchmarks.peers;

import dev.prodtrack.OpenTasksQuery;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.ScheduleApi;
import dev.prodtrack.TaskApi;
import dev.prodtrack.UserApi;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskTypeId;
import dev.prodtrack.schedule.LateTasks;
import dev.prodtrack.testkit.GeneratorClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * prodtrack on its memory store: the generated engine itself, asked through its public API by the
 * production's first manager (a team member, not an admin, so every permission check runs), and
 * mutated with every rule checked. Where the API has no call for a question, the answer is composed
 * from public calls, as a user of the library would (the Javadoc of each method says so).
 */
final class ProdtrackPeer implements Peer {
  private final ProdTrack engine;
  private final GeneratorClock clock;
  private final TaskApi tasks;
  private final ScheduleApi schedule;
  private final ProjectId project;
  private final EntityId[] shots;
  private final EntityId[] sequences;
  private final TaskStatusId[] statuses;
  private final TaskTypeId[] taskTypes;
  private final OpenTasksQuery[] byStatus;
  private final UserApi[] todo;
  private final LocalDate asOf;
  private final LocalDate[] lateDays;
  private final LocalDate[] monthFroms;
  private final LocalDate[] monthTos;
  private final Map<TaskStatusId, Boolean> done = new HashMap<>();
  private final TaskStatusId wip;
  private final TaskStatusId wfa;
  private final TaskId[] assigned;
  private final PersonId[] firstAssignees;
  private final TaskId[] reassign;
  private final PersonId[] from;
  private final PersonId[] to;
  private final Duration[] minutes = new Duration[1_000];
  private final dev.prodtrack.schedule.WorkCalendar calendar;
  private final dev.prodtrack.schedule.Scope projectScope;

  ProdtrackPeer(Snapshot s) {
    engine = s.engine;
    clock = s.clock;
    tasks = engine.as(new PersonId(s.manager)).task();
    schedule = engine.as(new PersonId(s.manager)).schedule();
    project = s.project.id();
    shots = map(s.shots, EntityId[]::new, EntityId::new);
    sequences = map(s.sequences, EntityId[]::new, EntityId::new);
    statuses = map(s.statusInputs, TaskStatusId[]::new, TaskStatusId::new);
    taskTypes = map(s.taskTypesOfStatuses, TaskTypeId[]::new, TaskTypeId::new);
    byStatus = new OpenTasksQuery[statuses.length];
    for (int v = 0; v < statuses.length; v++) {
      byStatus[v] = OpenTasksQuery.ALL.withProject(project).withTaskStatus(statuses[v])
          .withPage(1, Integer.MAX_VALUE);
    }
    todo = new UserApi[s.todoPersons.length];
    for (int i = 0; i < todo.length; i++) {
      todo[i] = engine.as(new PersonId(s.todoPersons[i])).user();
    }
    asOf = s.asOf;
    lateDays = s.lateDays;
    monthFroms = s.monthFroms;
    monthTos = s.monthTos;
    s.statuses.forEach(st -> done.put(st.id(), st.isDone()));
    wip = new TaskStatusId(s.wip);
    wfa = new TaskStatusId(s.wfa);
    assigned = map(s.assignedTasks, TaskId[]::new, TaskId::new);
    firstAssignees = map(s.firstAssignees, PersonId[]::new, PersonId::new);
    reassign = map(s.reassignTasks, TaskId[]::new, TaskId::new);
    from = map(s.reassignFrom, PersonId[]::new, PersonId::new);
    to = map(s.reassignTo, PersonId[]::new, PersonId::new);
    calendar = schedule.calendar(List.of());
    projectScope = dev.prodtrack.schedule.Scope.of(project);
    for (int m = 0; m < minutes.length; m++) {
      minutes[m] = Duration.ofMinutes(m);
    }
  }

  private static <T> T[] map(UUID[] ids, java.util.function.IntFunction<T[]> array,
      java.util.function.Function<UUID, T> wrap) {
    T[] out = array.apply(ids.length);
    for (int i = 0; i < ids.length; i++) {
      out[i] = wrap.apply(ids[i]);
    }
    return out;
  }

  @Override
  public String name() {
    return "prodtrack";
  }

  @Override
  public List<Task> tasksForShot(int i) {
    return tasks.allTasksForShot(shots[i]);
  }

  /** {@code all_open_tasks} filtered on the project and the status (the status is not a done one). */
  @Override
  public List<Task> tasksByStatus(int v) {
    return tasks.allOpenTasks(byStatus[v]).data();
  }

  @Override
  public List<Task> tasksByStatusAndType(int v) {
    return tasks.allTasksForTaskStatus(project, taskTypes[v], statuses[v]);
  }

  /** {@code all_tasks_to_do} of that person's session, which comes ordered by due date, then id. */
  @Override
  public List<Task> todo(int i) {
    return todo[i].allTasksToDo();
  }

  /** {@code schedule().lateTasks}: the count and the 100 most late, from the engine's due-date index. */
  @Override
  public Late late(int v) {
    LateTasks late = schedule.lateTasks(project, lateDays[v], 100);
    return new Late(late.count(), late.mostLate());
  }

  /**
   * {@code schedule().timeSpentTotals} over the month (the caller is a production manager, so every
   * person's total comes back), converted to minutes as the other peers answer.
   */
  @Override
  public Map<PersonId, Long> minutesPerPerson(int v) {
    Map<PersonId, Duration> totals = schedule.timeSpentTotals(monthFroms[v], monthTos[v]);
    Map<PersonId, Long> out = new HashMap<>(totals.size() * 2);
    totals.forEach((p, d) -> out.put(p, d.toMinutes()));
    return out;
  }

  /** Composed from {@code all_tasks_for_sequence}: the engine's timeline is per project only. */
  @Override
  public SequenceTimeline timeline(int i) {
    List<Task> on = tasks.allTasksForSequence(sequences[i]);
    List<Bar> bars = new ArrayList<>(on.size());
    for (Task t : on) {
      bars.add(Bar.of(t.id().value(), t.startDate(), t.dueDate(), t.realStartDate(), t.endDate(),
          done.get(t.taskStatusId()), asOf));
    }
    return SequenceTimeline.of(bars);
  }

  /** {@code schedule().earnedValue} of the project (0/100, UTC) on the studio calendar. */
  @Override
  public dev.prodtrack.schedule.EarnedValue earnedValue(int v) {
    return schedule.earnedValue(projectScope, lateDays[v], dev.prodtrack.schedule.EarningRule.ZERO_HUNDRED,
        java.time.ZoneOffset.UTC, calendar);
  }

  /** {@code schedule().workloadGrid} of the project team over 90 days on the studio calendar. */
  @Override
  public dev.prodtrack.schedule.WorkloadGrid workloadGrid(int v) {
    return schedule.workloadGrid(projectScope, lateDays[v], lateDays[v].plusDays(89), calendar);
  }

  /** {@code schedule().criticalPath} of the project from its start, threshold 0, no extra link. */
  @Override
  public dev.prodtrack.schedule.CriticalPath criticalPath() {
    return schedule.criticalPath(project, null, null, 0, calendar);
  }

  @Override
  public void commentWithStatus(int i, boolean toWip, Instant at) {
    clock.set(at);
    tasks.addComment(assigned[i], toWip ? wip : wfa, "");
  }

  @Override
  public void setTimeSpent(int i, long m) {
    tasks.setTimeSpent(assigned[i], firstAssignees[i], asOf, m < minutes.length ? minutes[(int) m]
        : Duration.ofMinutes(m));
  }

  @Override
  public void reassign(int i, boolean forward) {
    tasks.unassignTask(reassign[i], forward ? from[i] : to[i]);
    tasks.assignTask(reassign[i], forward ? to[i] : from[i]);
  }

  @Override
  public UUID statusOfAssigned(int i) {
    return tasks.getTask(assigned[i]).taskStatusId().value();
  }

  @Override
  public long durationOfAssigned(int i) {
    return tasks.getTask(assigned[i]).duration().toMinutes();
  }

  @Override
  public List<UUID> assigneesOfReassigned(int i) {
    return tasks.getTask(reassign[i]).assignees().stream().map(PersonId::value).toList();
  }

  /** The engine belongs to the snapshot, which closes it. */
  @Override
  public void close() {}
}
