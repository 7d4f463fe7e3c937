package dev.prodtrack.cli;

import dev.prodtrack.CommentOptions;
import dev.prodtrack.IdSource;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.Session;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TaskTypeId;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code prodtrack demo}: generates a production in memory, plays a scripted day of work and prints what
 * a production manager would look at.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "Generate a production in memory, play a scripted day and print a summary.",
        "",
        "The production comes from the test kit's seeded generator: people, teams, shots and assets with "
            + "tasks, comments walking Kitsu's status machine, time spents, dates and estimates. The day then "
            + "assigns work, starts tasks, logs time, asks for reviews, sends one task back as a retake and "
            + "adds a back-dated note (which makes the engine replay that task's history). The summary shows "
            + "the counts per status per task type, one artist's todo list and the tasks late on the demo "
            + "date, then a risk report (late and at-risk tasks, overbooked people, SPI/CPI, forecast end) "
            + "and writes an SVG Gantt chart of one sequence (--svg).",
        "",
        "With --store DIR the production is written to a crash-safe file store in DIR instead of memory: "
            + "generated without fsync, compacted into a snapshot, closed, reopened (the state digest is "
            + "checked), and the day is then played with every commit fsynced before it returns."})
final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--size", defaultValue = "M",
      description = "Production size: TINY, S, M (default, about 20k tasks), L (100k tasks) or XL (1M tasks).")
  Size size;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--svg", defaultValue = "demo-timeline.svg",
      description = "Where to write the SVG Gantt chart of one sequence (default: ${DEFAULT-VALUE} in the working "
          + "directory).")
  java.nio.file.Path svg;

  @Option(names = "--store", paramLabel = "DIR",
      description = "Keep the production in a file store in DIR (created if absent; must be empty) instead of "
          + "memory, and show the close and reopen.")
  Path store;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (store != null && !isAbsentOrEmpty(store)) {
      spec.commandLine().getErr().printf("prodtrack demo: --store %s: the directory must be absent or empty%n", store);
      return 2;
    }
    long t0 = System.nanoTime();
    ProductionGenerator.Generated generated = store == null
        ? ProductionGenerator.generateInNewEngine(size, seed)
        : generateInFileStore(store);
    ProdTrack studio = generated.engine();
    GeneratorClock clock = generated.clock();
    Production p = generated.production();
    long generatedMs = (System.nanoTime() - t0) / 1_000_000;
    out.printf("Generated a %s production in %,d ms: %,d tasks, %,d comments, %,d time spents, %,d people.%n",
        size, generatedMs, p.tasks().size(), p.comments(), p.timeSpents(), p.persons().size());
    if (store != null) {
      String digest = studio.stateDigest();
      studio.close();
      long r0 = System.nanoTime();
      // A second id stream: the reopened engine must not hand out the generation's ids again.
      studio = openFileStore(store, FileStoreOptions.defaults(), clock, seed + 1);
      long reopenMs = (System.nanoTime() - r0) / 1_000_000;
      boolean same = digest.equals(studio.stateDigest());
      out.printf("Stored in %s, closed and reopened in %,d ms: state digest %s.%n", store, reopenMs,
          same ? "identical" : "DIFFERENT");
      if (!same) {
        spec.commandLine().getErr().printf("prodtrack demo: the reopened store's state differs from what was written%n");
        studio.close();
        return 1;
      }
    }

    LocalDate day = p.asOf().plusDays(1);
    while (day.getDayOfWeek().getValue() > 5) {
      day = day.plusDays(1);
    }
    clock.set(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
    out.printf("%nA day at the studio: %s%n", day);
    playDay(studio, p, clock, day, out);

    printStatusTable(studio.as(p.admin()), p, out);
    printTodo(studio, p, out);
    printLate(studio.as(p.admin()), p, day, out);
    RiskReport.print(studio.as(p.managers().get(0)), p, day, svg, out);
    studio.close();
    return 0;
  }

  private void playDay(ProdTrack studio, Production p, GeneratorClock clock, LocalDate day, PrintWriter out) {
    Session manager = studio.as(p.managers().get(0));
    TaskStatusId wip = p.defaults().wip().id();
    TaskStatusId wfa = p.defaults().wfa().id();
    TaskStatusId retake = p.defaults().retake().id();
    TaskStatusId todo = p.defaults().todo().id();

    // 09:00 the manager hands out unassigned work.
    List<Task> unassigned = new ArrayList<>();
    List<Task> waiting = new ArrayList<>();
    for (dev.prodtrack.model.TaskId id : p.shotTasks()) {
      Task t = manager.task().getTask(id);
      if (t.assignees().isEmpty() && t.taskStatusId().equals(todo) && unassigned.size() < 3) {
        unassigned.add(t);
      }
      if (t.taskStatusId().equals(wfa) && waiting.size() < 2) {
        waiting.add(t);
      }
      if (unassigned.size() == 3 && waiting.size() == 2) {
        break;
      }
    }
    List<PersonId> artists = p.artists();
    for (int i = 0; i < unassigned.size(); i++) {
      Task t = unassigned.get(i);
      PersonId artist = artists.get(i % artists.size());
      manager.task().assignTask(t.id(), artist);
      out.printf("  09:%02d  %s assigns %s to %s%n", i, name(manager, manager.actorId()), label(manager, t),
          name(manager, artist));
    }

    // 10:00 the artists start, and log their time at the end of the day.
    clock.set(clock.instant().plus(Duration.ofHours(1)));
    for (int i = 0; i < unassigned.size(); i++) {
      Task t = unassigned.get(i);
      PersonId artist = artists.get(i % artists.size());
      Session s = studio.as(artist);
      s.task().addComment(t.id(), wip, "Starting on it.");
      out.printf("  10:%02d  %s starts %s (Todo -> WIP)%n", i, name(manager, artist), label(manager, t));
    }

    // 14:00 a supervisor reviews: one retake, one approval request stays.
    clock.set(clock.instant().plus(Duration.ofHours(4)));
    if (!waiting.isEmpty()) {
      Task t = waiting.get(0);
      manager.task().addComment(t.id(), retake, "The arc of the jump reads flat: push the anticipation.");
      out.printf("  14:00  %s sends %s back as a retake (retake count now %d)%n", name(manager, manager.actorId()),
          label(manager, t), manager.task().getTask(t.id()).retakeCount());
    }

    // 17:00 artists ask for review and log time.
    clock.set(clock.instant().plus(Duration.ofHours(3)));
    for (int i = 0; i < unassigned.size(); i++) {
      Task t = unassigned.get(i);
      PersonId artist = artists.get(i % artists.size());
      Session s = studio.as(artist);
      s.task().setTimeSpent(t.id(), artist, day, Duration.ofHours(6 + i));
      if (i == 0) {
        s.task().addComment(t.id(), wfa, "First pass ready for review.");
        out.printf("  17:00  %s logs %dh on %s and asks for review (WIP -> WFA)%n", name(manager, artist), 6 + i,
            label(manager, t));
      } else {
        out.printf("  17:0%d  %s logs %dh on %s%n", i, name(manager, artist), 6 + i, label(manager, t));
      }
    }

    // 18:00 a note from yesterday's dailies, back-dated: the task's history is replayed.
    clock.set(clock.instant().plus(Duration.ofHours(1)));
    if (waiting.size() > 1) {
      Task t = waiting.get(1);
      Instant yesterday = day.minusDays(1).atTime(18, 0).toInstant(ZoneOffset.UTC);
      Task before = manager.task().getTask(t.id());
      manager.task().addComment(t.id(), before.taskStatusId(), "From yesterday's dailies: the timing works.",
          CommentOptions.NONE.withCreatedAt(yesterday));
      out.printf("  18:00  %s adds a back-dated dailies note on %s (history replayed, status stays %s)%n",
          name(manager, manager.actorId()), label(manager, t),
          manager.task().getTaskStatus(manager.task().getTask(t.id()).taskStatusId()).name());
    }
  }

  private static void printStatusTable(Session admin, Production p, PrintWriter out) {
    List<TaskStatus> statuses = new ArrayList<>(p.defaults().statuses().values());
    statuses.removeIf(TaskStatus::forConcept);
    Map<TaskTypeId, Map<TaskStatusId, Integer>> counts = new LinkedHashMap<>();
    List<TaskType> types = new ArrayList<>(p.shotTaskTypes());
    types.addAll(p.assetTaskTypes());
    for (TaskType type : types) {
      counts.put(type.id(), new LinkedHashMap<>());
    }
    for (Task t : admin.task().allTasksForProject(p.project())) {
      counts.computeIfAbsent(t.taskTypeId(), k -> new LinkedHashMap<>()).merge(t.taskStatusId(), 1, Integer::sum);
    }
    out.printf("%nTasks per status and task type%n");
    StringBuilder header = new StringBuilder(String.format("  %-12s", "task type"));
    for (TaskStatus s : statuses) {
      header.append(String.format(" %7s", s.shortName()));
    }
    out.println(header.append(String.format(" %8s", "total")));
    for (TaskType type : types) {
      StringBuilder row = new StringBuilder(String.format("  %-12s", type.name()));
      int total = 0;
      for (TaskStatus s : statuses) {
        int n = counts.get(type.id()).getOrDefault(s.id(), 0);
        total += n;
        row.append(String.format(" %,7d", n));
      }
      out.println(row.append(String.format(" %,8d", total)));
    }
  }

  private static void printTodo(ProdTrack studio, Production p, PrintWriter out) {
    PersonId artist = p.artists().get(0);
    Session s = studio.as(artist);
    List<Task> todo = new ArrayList<>(s.user().allTasksToDo());
    todo.sort(java.util.Comparator.comparing(Task::dueDate, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    out.printf("%nTodo list of %s: %d tasks (the first 10 by due date)%n", s.actor().fullName(), todo.size());
    for (Task t : todo.subList(0, Math.min(10, todo.size()))) {
      out.printf("  %-36s %-20s due %s%n", label(s, t), s.task().getTaskStatus(t.taskStatusId()).name(),
          t.dueDate() == null ? "-" : t.dueDate());
    }
  }

  private static void printLate(Session admin, Production p, LocalDate day, PrintWriter out) {
    List<Task> late = admin.task().allLateTasks(p.project(), day);
    out.printf("%nLate on %s (due before the day, not done): %,d tasks; the 10 most overdue%n", day, late.size());
    for (Task t : late.subList(0, Math.min(10, late.size()))) {
      out.printf("  %-36s %-20s due %s%n", label(admin, t), admin.task().getTaskStatus(t.taskStatusId()).name(),
          t.dueDate());
    }
  }

  private static String label(Session s, Task t) {
    Entity e = s.entity().getEntity(t.entityId());
    String parent = e.parentId() == null ? "" : s.entity().getEntity(e.parentId()).name() + " ";
    return parent + e.name() + " / " + s.task().getTaskType(t.taskTypeId()).name();
  }

  private static String name(Session s, PersonId id) {
    return s.person().getPerson(id).fullName();
  }


  private ProductionGenerator.Generated generateInFileStore(Path dir) {
    GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    // Generation is one long import: no fsync per commit, then one snapshot that is fsynced.
    FileStore fileStore = FileStore.open(dir, FileStoreOptions.defaults().withFsync(FileStoreOptions.FsyncPolicy.NONE));
    ProdTrack engine = open(fileStore, clock, seed);
    Production production = ProductionGenerator.generate(engine, clock, size, seed);
    fileStore.compact();
    return new ProductionGenerator.Generated(engine, clock, production);
  }

  private static ProdTrack openFileStore(Path dir, FileStoreOptions options, GeneratorClock clock, long idSeed) {
    return open(FileStore.open(dir, options), clock, idSeed);
  }

  private static ProdTrack open(FileStore fileStore, GeneratorClock clock, long idSeed) {
    try {
      return ProdTrack.builder().store(fileStore).clock(clock).idSource(IdSource.seeded(idSeed)).open();
    } catch (RuntimeException e) {
      fileStore.close();
      throw e;
    }
  }

  private static boolean isAbsentOrEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
