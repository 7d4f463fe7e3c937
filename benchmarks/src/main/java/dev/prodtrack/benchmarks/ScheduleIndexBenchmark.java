package dev.prodtrack.benchmarks;

import dev.prodtrack.ScheduleApi;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.schedule.CriticalPath;
import dev.prodtrack.schedule.EarnedValue;
import dev.prodtrack.schedule.EarningRule;
import dev.prodtrack.schedule.WorkCalendar;
import dev.prodtrack.schedule.Workload;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole-project analytics of schedule-analytics.md as the admin: earned value of the project on the
 * as-of day (0/100 rule), the workload grid of every person over 90 days, and the critical path of the
 * project (implicit task-type links only). The calendar (weekdays, every person's days off) is built once.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScheduleIndex -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@State(Scope.Benchmark)
public class ScheduleIndexBenchmark {

  @Param({"L"})
  public Size size;

  private GeneratedProduction generated;
  private ScheduleApi schedule;
  private WorkCalendar calendar;
  private PersonId[] people;
  private LocalDate asOf;

  @Setup(Level.Trial)
  public void setUp() {
    generated = GeneratedProduction.of(size, 42);
    schedule = generated.engine.as(generated.production.admin()).schedule();
    calendar = schedule.calendar(List.of());
    people = generated.production.persons().toArray(new PersonId[0]);
    asOf = generated.production.asOf();
    EarnedValue ev = earnedValue();
    if (!(ev.ev() <= ev.bac())) {
      throw new IllegalStateException("EV above BAC: " + ev);
    }
    System.out.printf("# %s%n", ev);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    generated.engine.close();
  }

  /** Earned value of the project on the as-of day. */
  @Benchmark
  public EarnedValue earnedValue() {
    return schedule.earnedValue(generated.production.project(), asOf, EarningRule.ZERO_HUNDRED, ZoneOffset.UTC,
        calendar);
  }

  /** Every person's workload over the 90 days from the as-of day. */
  @Benchmark
  public void workloadGrid90Days(Blackhole bh) {
    LocalDate to = asOf.plusDays(89);
    for (PersonId p : people) {
      Workload w = schedule.workload(p, asOf, to, calendar);
      bh.consume(w);
    }
  }

  /** The critical path of the whole project. */
  @Benchmark
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 3, time = 5)
  public CriticalPath criticalPath() {
    return schedule.criticalPath(generated.production.project(), null, null, 0, List.of(), calendar);
  }
}
