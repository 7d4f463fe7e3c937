package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side (issue 5): the critical path over the whole project, with the implicit pipeline links
 * (task-type priority order within each entity), forward and backward passes in working days; the
 * answer compared is the project finish and the set of critical tasks. prodtrack runs
 * {@code schedule().criticalPath}; the plain peer a hand-written CPM over hash maps keyed by task id; the
 * SQL peers read the project's tasks with one query and run the same plain CPM in Java (SQL has no
 * reasonable way to run CPM). Issue 5's target: ≤ 1 s at XL for prodtrack.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.CriticalPathBenchmark -p size=L -prof gc}.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class CriticalPathBenchmark extends SideBySide {

  @Override
  protected void check() {
    Agreement.criticalPath(golden, subject, data);
  }

  /** The whole project's critical path. */
  @Benchmark
  public Object criticalPath() {
    return subject.criticalPath();
  }
}
