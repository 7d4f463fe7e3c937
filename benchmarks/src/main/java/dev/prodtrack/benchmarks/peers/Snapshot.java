package dev.prodtrack.benchmarks.peers;

import dev.prodtrack.IdSource;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.Session;
import dev.prodtrack.TaskApi;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.News;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One generated production and every record of it that the peers hold, read back through the engine's
 * public API as the studio's admin, plus the inputs of every question (the same for every peer). The
 * prodtrack peer is the generated engine itself; the other peers are loaded from these records, so all
 * peers hold the same data.
 *
 * <p>Not thread-safe; built once per JMH trial.
 */
final class Snapshot {
  /** Comment and reassignment targets per trial: enough to cycle without touching a task twice in a row. */
  static final int MUTATION_TARGETS = 20_000;

  final ProdTrack engine;
  final MemoryStore store;
  final GeneratorClock clock;
  final long generationMillis;
  /** The engine's "now" (every generated comment is dated before it). */
  final Instant now;

  final Project project;
  final List<Person> persons;
  final List<TaskStatus> statuses;
  final List<TaskType> taskTypes;
  final List<EntityType> entityTypes;
  final List<Entity> entities;
  final List<Task> tasks;
  final List<Comment> comments;
  final List<TimeSpent> timeSpents;
  final List<News> news;
  final List<Notification> notifications;
  final Map<UUID, Task> taskById = new HashMap<>();
  /** Every person's days off (the calendar of the schedule analytics). */
  final List<DayOff> daysOff;
  /** The organisation's hours per day. */
  final double hoursPerDay;

  // ---- inputs of the questions, as UUIDs (each peer converts them to its own key type once)
  final UUID[] shots;
  final UUID[] sequences;
  /**
   * How many inputs the single-answer questions (tasks by status, late tasks, time spent per person)
   * alternate between: H2 hands back its previous result when a query runs again with the same
   * parameters on unchanged tables, which would time a cache instead of the query.
   */
  static final int VARIANTS = 2;
  /** The statuses of "tasks by status": the most frequent statuses that are not done. */
  final UUID[] statusInputs;
  /** The task type paired with each of {@link #statusInputs}: the most frequent one among its tasks. */
  final UUID[] taskTypesOfStatuses;
  /**
   * The days of "late tasks as of a day": the production's day and a week before; also the as-of days of
   * earned value and the first days of the 90-day workload grids.
   */
  final LocalDate[] lateDays;
  /** The months of the time-spent totals: the last full month before {@link #asOf} and the one before. */
  final LocalDate[] monthFroms;
  final LocalDate[] monthTos;
  /** People with at least one assigned task, for the todo lists. */
  final UUID[] todoPersons;
  /** "Today" of the production. */
  final LocalDate asOf;
  /** The author of the comments of the mutation benchmarks: the first production manager. */
  final UUID manager;
  final UUID wip;
  final UUID wfa;
  /** Tasks with at least one assignee (comment and set-time-spent targets). */
  final UUID[] assignedTasks;
  /** The first assignee of each of {@link #assignedTasks} (who logs the time). */
  final UUID[] firstAssignees;
  /**
   * Tasks with exactly one assignee, for the reassignments (none of them in {@link #assignedTasks}), and
   * the artist each is handed to.
   */
  final UUID[] reassignTasks;
  final UUID[] reassignFrom;
  final UUID[] reassignTo;

  /**
   * Reads everything from an engine holding one generated production. Every input is derived from the
   * engine alone (sorted by id), so a generated engine and one reopened from its records give the same
   * inputs.
   */
  private Snapshot(ProdTrack engine, MemoryStore store, GeneratorClock clock, long generationMillis, PersonId admin) {
    this.engine = engine;
    this.store = store;
    this.clock = clock;
    this.generationMillis = generationMillis;
    now = clock.instant();
    Comparator<Person> byId = Comparator.comparing(p -> p.id().value());
    Session as = engine.as(admin);
    TaskApi api = as.task();
    project = as.project().allProjects().get(0);
    List<Person> people = new ArrayList<>(as.person().allPersons());
    people.sort(byId);
    persons = List.copyOf(people);
    statuses = api.allTaskStatuses();
    taskTypes = api.allTaskTypes();
    entityTypes = as.entity().allEntityTypes();
    List<Entity> sequenceList = sortedById(as.shot().allSequencesForProject(project.id()));
    List<Entity> shotList = sortedById(as.shot().allShotsForProject(project.id()));
    List<Entity> all = new ArrayList<>();
    all.addAll(as.shot().allEpisodesForProject(project.id()));
    all.addAll(sequenceList);
    all.addAll(shotList);
    all.addAll(as.asset().allAssetsForProject(project.id()));
    entities = List.copyOf(all);
    List<Task> projectTasks = new ArrayList<>(api.allTasksForProject(project.id()));
    projectTasks.sort(Comparator.comparing(t -> t.id().value()));
    tasks = List.copyOf(projectTasks);
    List<Comment> allComments = new ArrayList<>();
    List<TimeSpent> allTime = new ArrayList<>();
    for (Task t : tasks) {
      taskById.put(t.id().value(), t);
      allComments.addAll(api.allCommentsForTask(t.id()));
      allTime.addAll(api.getTimeSpents(t.id()).rows());
    }
    comments = List.copyOf(allComments);
    timeSpents = List.copyOf(allTime);
    news = api.allNewsForProject(project.id());
    List<Notification> allNotifications = new ArrayList<>();
    for (Person p : persons) {
      allNotifications.addAll(engine.as(p.id()).user().allNotifications(false));
    }
    notifications = List.copyOf(allNotifications);
    List<DayOff> allDaysOff = new ArrayList<>();
    for (Person p : persons) {
      allDaysOff.addAll(as.person().allDaysOff(p.id()));
    }
    daysOff = List.copyOf(allDaysOff);
    hoursPerDay = as.schedule().calendar(List.of()).hoursPerDay();

    shots = shotList.stream().map(e -> e.id().value()).toArray(UUID[]::new);
    sequences = sequenceList.stream().map(e -> e.id().value()).toArray(UUID[]::new);
    Set<UUID> done = new HashSet<>();
    for (TaskStatus s : statuses) {
      if (s.isDone()) {
        done.add(s.id().value());
      }
    }
    Map<UUID, Integer> byStatus = new HashMap<>();
    for (Task t : tasks) {
      if (!done.contains(t.taskStatusId().value())) {
        byStatus.merge(t.taskStatusId().value(), 1, Integer::sum);
      }
    }
    statusInputs = new UUID[VARIANTS];
    taskTypesOfStatuses = new UUID[VARIANTS];
    for (int v = 0; v < VARIANTS; v++) {
      UUID status = mostFrequent(byStatus);
      byStatus.remove(status);
      Map<UUID, Integer> byType = new HashMap<>();
      for (Task t : tasks) {
        if (t.taskStatusId().value().equals(status)) {
          byType.merge(t.taskTypeId().value(), 1, Integer::sum);
        }
      }
      statusInputs[v] = status;
      taskTypesOfStatuses[v] = mostFrequent(byType);
    }
    Set<UUID> assignedPeople = new HashSet<>();
    for (Task t : tasks) {
      t.assignees().forEach(p -> assignedPeople.add(p.value()));
    }
    todoPersons = persons.stream().map(p -> p.id().value()).filter(assignedPeople::contains).toArray(UUID[]::new);
    asOf = LocalDate.ofInstant(now, ZoneOffset.UTC);
    lateDays = new LocalDate[VARIANTS];
    monthFroms = new LocalDate[VARIANTS];
    monthTos = new LocalDate[VARIANTS];
    for (int v = 0; v < VARIANTS; v++) {
      lateDays[v] = asOf.minusWeeks(v);
      YearMonth month = YearMonth.from(asOf).minusMonths(1 + v);
      monthFroms[v] = month.atDay(1);
      monthTos[v] = month.atEndOfMonth();
    }
    manager = persons.stream().filter(p -> p.role() == Role.MANAGER).findFirst()
        .orElseThrow(() -> new IllegalStateException("no production manager")).id().value();
    wip = api.getTaskStatusByShortName("wip").orElseThrow().id().value();
    wfa = api.getTaskStatusByShortName("wfa").orElseThrow().id().value();

    List<PersonId> artists = persons.stream().filter(p -> p.role() == Role.USER).map(Person::id).toList();
    Set<UUID> shotIds = new HashSet<>(List.of(shots));
    List<UUID> assigned = new ArrayList<>();
    List<UUID> first = new ArrayList<>();
    List<UUID> single = new ArrayList<>();
    List<UUID> from = new ArrayList<>();
    List<UUID> to = new ArrayList<>();
    boolean even = true;
    for (Task t : tasks) {
      if (t.assignees().isEmpty() || !shotIds.contains(t.entityId().value())) {
        continue;
      }
      // Alternate assigned shot tasks between the two target lists, so that reassignments never take a
      // task away from the person who logs time on it.
      even = !even;
      if (!even && assigned.size() < MUTATION_TARGETS) {
        assigned.add(t.id().value());
        first.add(t.assignees().get(0).value());
      }
      if (even && t.assignees().size() == 1 && single.size() < MUTATION_TARGETS) {
        PersonId other = artists.get(single.size() % artists.size());
        if (other.equals(t.assignees().get(0))) {
          other = artists.get((single.size() + 1) % artists.size());
        }
        single.add(t.id().value());
        from.add(t.assignees().get(0).value());
        to.add(other.value());
      }
    }
    assignedTasks = assigned.toArray(UUID[]::new);
    firstAssignees = first.toArray(UUID[]::new);
    reassignTasks = single.toArray(UUID[]::new);
    reassignFrom = from.toArray(UUID[]::new);
    reassignTo = to.toArray(UUID[]::new);
    System.out.printf("%n# %,d tasks, %,d comments, %,d time spents, %,d news, %,d notifications, %,d people,"
        + " %,d days off%n", tasks.size(), comments.size(), timeSpents.size(), news.size(), notifications.size(),
        persons.size(), daysOff.size());
  }

  private static List<Entity> sortedById(List<Entity> entities) {
    List<Entity> out = new ArrayList<>(entities);
    out.sort(Comparator.comparing(e -> e.id().value()));
    return out;
  }

  /**
   * Generates a production into a new engine on a memory store and reads it back.
   *
   * @param size the size
   * @param seed the seed of the generator and of the ids
   * @return the snapshot; the caller closes {@link #engine}
   */
  static Snapshot generate(Size size, long seed) {
    long t0 = System.nanoTime();
    GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    MemoryStore store = MemoryStore.create();
    ProdTrack engine = ProdTrack.builder().store(store).clock(clock).idSource(IdSource.seeded(seed)).open();
    PersonId admin = ProductionGenerator.generate(engine, clock, size, seed).admin();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("%n# %s seed %d: generated in %,d ms%n", size, seed, millis);
    return new Snapshot(engine, store, clock, millis, admin);
  }

  private static UUID mostFrequent(Map<UUID, Integer> counts) {
    return counts.entrySet().stream()
        .max(Map.Entry.<UUID, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow(() -> new IllegalStateException("empty production")).getKey();
  }
}
