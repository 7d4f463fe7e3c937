package dev.prodtrack.benchmarks;

import dev.prodtrack.ScheduleApi;
import dev.prodtrack.schedule.CriticalPath;
import dev.prodtrack.schedule.EarnedValue;
import dev.prodtrack.schedule.EarningRule;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.WorkCalendar;
import dev.prodtrack.schedule.WorkloadGrid;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Schedule analytics over a whole generated production, as its first production manager: earned value
 * of the project, the team's workload grid over 90 days, the critical path (pipeline links) and the
 * tasks at risk, all as of the production's as-of day on the plain studio calendar. Earned value reads
 * the project's earned-value sums, the workload grid each team member's open dated tasks (both indexes
 * kept by the engine), the critical path an int-indexed network over the project's tasks in id order;
 * at risk scans the project's tasks.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScheduleAnalytics -prof gc}; sizes with
 * {@code -p size=S,L}. For XL, where one generation takes minutes and most of the heap, run the
 * benchmarks in one JVM on one production: {@code java -Xmx17g -Dprodtrack.schedule.shared=true -jar
 * benchmarks/target/benchmarks.jar ScheduleAnalytics -p size=XL -f 0}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class ScheduleAnalyticsBenchmark {

  @Param({"L"})
  public Size size;

  private GeneratedProduction generated;
  private ScheduleApi schedule;
  private WorkCalendar calendar;
  private Scope project;
  private LocalDate asOf;

  @Setup(Level.Trial)
  public void setUp() {
    generated = GeneratedProduction.sharedOrNew(size, 42);
    Production p = generated.production;
    schedule = generated.engine.as(p.managers().get(0)).schedule();
    calendar = schedule.calendar(List.of());
    project = Scope.of(p.project());
    asOf = p.asOf();
    // Golden checks before timing: every task has an estimation, the team holds the artists.
    EarnedValue ev = earnedValue();
    if (ev.unestimated() != 0 || ev.bac() <= 0 || ev.ev() > ev.bac()) {
      throw new IllegalStateException("unexpected earned value " + ev);
    }
    WorkloadGrid grid = workloadGrid();
    if (grid.people().size() < p.artists().size() || grid.totalDemand().isZero()) {
      throw new IllegalStateException("unexpected grid: " + grid.people().size() + " people, demand "
          + grid.totalDemand());
    }
    if (criticalPath().tasks().size() != p.tasks().size()) {
      throw new IllegalStateException("the critical path misses tasks");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (GeneratedProduction.isShared(generated)) {
      return;
    }
    generated.engine.close();
  }

  /** Earned value (0/100) of the whole project on the as-of day. */
  @Benchmark
  public EarnedValue earnedValue() {
    return schedule.earnedValue(project, asOf, EarningRule.ZERO_HUNDRED, ZoneOffset.UTC, calendar);
  }

  /** The project team's workload grid, 90 days from the as-of day. */
  @Benchmark
  public WorkloadGrid workloadGrid() {
    return schedule.workloadGrid(project, asOf, asOf.plusDays(89), calendar);
  }

  /** The critical path of the whole project (pipeline links), from the project start. */
  @Benchmark
  public CriticalPath criticalPath() {
    return schedule.criticalPath(generated.production.project(), null, null, 0, calendar);
  }

  /**
   * The critical path of the whole project, then every task's result read once (the result makes each
   * task's record when it is read): what a caller listing every task pays on top of {@link #criticalPath}.
   */
  @Benchmark
  public long criticalPathReadAll() {
    long sum = 0;
    for (dev.prodtrack.schedule.CpmTask t : criticalPath().tasks()) {
      sum += t.totalFloat() + t.freeFloat() + t.earlyStart().toEpochDay() + t.lateFinish().toEpochDay();
    }
    return sum;
  }

  /** The project's tasks at risk on the as-of day. */
  @Benchmark
  public int atRisk() {
    return schedule.atRisk(project, asOf, calendar).size();
  }
}
