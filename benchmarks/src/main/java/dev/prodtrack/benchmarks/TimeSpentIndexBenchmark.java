package dev.prodtrack.benchmarks;

import dev.prodtrack.ScheduleApi;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.testkit.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
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
 * Time spent per person over one month, every person of the studio (zou's {@code get_time_spents_range}
 * generalised to all persons), as the admin, from the per-person per-day sums. The month cycles over the
 * six months before the production's as-of day.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TimeSpentIndex -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@State(Scope.Benchmark)
public class TimeSpentIndexBenchmark {

  @Param({"L"})
  public Size size;

  private GeneratedProduction generated;
  private ScheduleApi schedule;
  private LocalDate[] months;
  private dev.prodtrack.TaskApi tasks;
  private TaskId[] taskIds;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    generated = GeneratedProduction.sharedOrNew(size, 42);
    schedule = generated.engine.as(generated.production.admin()).schedule();
    LocalDate first = generated.production.asOf().withDayOfMonth(1);
    months = new LocalDate[8];
    for (int i = 0; i < months.length; i++) {
      months[i] = first.minusMonths(i % 6);
    }
    // Golden check before timing: the sums over the whole history add up to every time spent logged.
    long rows = 0;
    Map<PersonId, Duration> all = schedule.timeSpentTotals(LocalDate.of(1970, 1, 1), LocalDate.of(2200, 1, 1));
    Duration total = all.values().stream().reduce(Duration.ZERO, Duration::plus);
    Duration perTask = Duration.ZERO;
    tasks = generated.engine.as(generated.production.admin()).task();
    taskIds = generated.production.tasks().toArray(new TaskId[0]);
    for (var id : generated.production.tasks()) {
      var report = tasks.getTimeSpents(id);
      perTask = perTask.plus(report.total());
      rows += report.rows().size();
    }
    if (!total.equals(perTask) || rows != generated.production.timeSpents()) {
      throw new IllegalStateException("time spent per person " + total + " != per task " + perTask + " (" + rows
          + " rows)");
    }
    System.out.printf("# %,d people logged %s in %,d rows%n", all.size(), total, rows);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (GeneratedProduction.isShared(generated)) {
      return;
    }
    generated.engine.close();
  }

  /** Every person's total over one calendar month. */
  @Benchmark
  public Map<PersonId, Duration> timeSpentPerPersonOneMonth() {
    LocalDate from = months[next];
    next = (next + 1) & 7;
    return schedule.timeSpentTotals(from, from.plusMonths(1).minusDays(1));
  }

  /**
   * The same answer without the index, as a caller of the task API computes it: every task's time spents,
   * kept when in the month, summed per person. The reference the index is measured against.
   */
  @Benchmark
  public Map<PersonId, Duration> timeSpentPerPersonOneMonthByScan() {
    LocalDate from = months[next];
    next = (next + 1) & 7;
    LocalDate to = from.plusMonths(1).minusDays(1);
    Map<PersonId, Duration> out = new java.util.HashMap<>();
    for (TaskId id : taskIds) {
      for (TimeSpent row : tasks.getTimeSpents(id).rows()) {
        if (!row.date().isBefore(from) && !row.date().isAfter(to)) {
          out.merge(row.personId(), row.duration(), Duration::plus);
        }
      }
    }
    return out;
  }
}
