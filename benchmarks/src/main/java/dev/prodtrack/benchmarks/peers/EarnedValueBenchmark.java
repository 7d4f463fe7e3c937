package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side (issue 5): earned value of the whole project as of its day and a week before, alternately
 * (0/100 rule; BAC, PV, EV and AC in person-days, and the unestimated and unscheduled counts). prodtrack
 * reads its earned-value index; the plain peer makes one pass over its task rows and their time-spent
 * rows; the SQL peers run two aggregate queries (the task sums, with PV through a calendar table, and the
 * time spent up to the day). Issue 5's target: ≤ 20 ms at XL for prodtrack.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.EarnedValueBenchmark -p size=L -prof gc}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class EarnedValueBenchmark extends SideBySide {
  private int variant;

  @Override
  protected void check() {
    Agreement.earnedValue(golden, subject, data);
  }

  /** BAC, PV, EV, AC of the project as of the day. */
  @Benchmark
  public Object earnedValue() {
    variant = variant + 1 == Snapshot.VARIANTS ? 0 : variant + 1;
    return subject.earnedValue(variant);
  }
}
