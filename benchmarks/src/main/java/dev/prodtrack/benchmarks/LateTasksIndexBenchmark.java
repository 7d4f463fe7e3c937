package dev.prodtrack.benchmarks;

import dev.prodtrack.ScheduleApi;
import dev.prodtrack.Session;
import dev.prodtrack.TaskApi;
import dev.prodtrack.model.Task;
import dev.prodtrack.schedule.LateTasks;
import dev.prodtrack.testkit.Size;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Late tasks of the project as of a date (Kitsu's open-tasks rule: due before the day, no done date), as
 * the production manager: the count and the 100 most late from the engine's due-date index, and the whole
 * list ({@code allLateTasks}). The as-of days cycle over eight dates spread over the production's schedule,
 * so the answer size varies from a few tasks to most of the project.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LateTasksIndex -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@State(Scope.Benchmark)
public class LateTasksIndexBenchmark {

  @Param({"L"})
  public Size size;

  private GeneratedProduction generated;
  private TaskApi tasks;
  private ScheduleApi schedule;
  private LocalDate[] days;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    generated = GeneratedProduction.sharedOrNew(size, 42);
    Session manager = generated.engine.as(generated.production.managers().get(0));
    tasks = manager.task();
    schedule = manager.schedule();
    LocalDate asOf = generated.production.asOf();
    days = new LocalDate[8];
    for (int i = 0; i < days.length; i++) {
      days[i] = asOf.minusDays(120).plusDays(30L * i);
    }
    // Golden check before timing: the index answers as a full scan of the project's tasks does.
    List<Task> all = tasks.allTasksForProject(generated.production.project());
    for (LocalDate day : days) {
      List<Task> scanned = all.stream()
          .filter(t -> t.dueDate() != null && t.dueDate().isBefore(day) && t.doneDate() == null)
          .sorted(Comparator.comparing(Task::dueDate).thenComparing(t -> t.id().value()))
          .toList();
      LateTasks late = schedule.lateTasks(generated.production.project(), day, 100);
      if (late.count() != scanned.size() || !late.mostLate().equals(scanned.subList(0, Math.min(100, scanned.size())))
          || !tasks.allLateTasks(generated.production.project(), day).equals(scanned)) {
        throw new IllegalStateException("late tasks as of " + day + " disagree with a full scan");
      }
      System.out.printf("# late as of %s: %,d tasks%n", day, scanned.size());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (GeneratedProduction.isShared(generated)) {
      return;
    }
    generated.engine.close();
  }

  private LocalDate nextDay() {
    LocalDate day = days[next];
    next = (next + 1) & 7;
    return day;
  }

  /** The count and the 100 most late tasks. */
  @Benchmark
  public LateTasks lateTasksCountAndTop100() {
    return schedule.lateTasks(generated.production.project(), nextDay(), 100);
  }

  /** Every late task, by due date then id. */
  @Benchmark
  public List<Task> allLateTasks() {
    return tasks.allLateTasks(generated.production.project(), nextDay());
  }
}
