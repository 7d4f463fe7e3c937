package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side (issue 5): the workload grid of the project team over the 90 days from the project's day
 * and from a week before, alternately: each open dated task's remaining work spread evenly over its
 * assignees' working days (days off included), against capacity, with the team's totals per day.
 * prodtrack reads each member's open dated tasks from its schedule index; the plain peer walks each
 * member's tasks in its assignee index; the SQL peers read the team and its open tasks overlapping the
 * range with one query each, and spread in Java with the plain peer's code. Issue 5's target: ≤ 50 ms at
 * XL (1,000 people) for prodtrack.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.WorkloadGridBenchmark -p size=L -prof gc}.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class WorkloadGridBenchmark extends SideBySide {
  private int variant;

  @Override
  protected void check() {
    Agreement.workloadGrid(golden, subject, data);
  }

  /** The team's grid over 90 days. */
  @Benchmark
  public Object workloadGrid() {
    variant = variant + 1 == Snapshot.VARIANTS ? 0 : variant + 1;
    return subject.workloadGrid(variant);
  }
}
