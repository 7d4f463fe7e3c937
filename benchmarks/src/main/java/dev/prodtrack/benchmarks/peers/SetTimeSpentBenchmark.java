package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side: gazu's {@code set_time_spent} — the first assignee's time on a task on the production's
 * day, replaced (inserted on the first pass over the 20,000 targets), and the task's duration
 * recomputed as the sum of its rows. Each call is one committed transaction.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.SetTimeSpent -p size=S,L}.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class SetTimeSpentBenchmark extends SideBySide {
  private int next;
  private long calls;

  @Override
  protected void check() {
    Agreement.setTimeSpent(golden, subject, data);
  }

  /** One time spent set. */
  @Benchmark
  public void setTimeSpent() {
    int i = next;
    next = i + 1 == data.assignedTasks.length ? 0 : i + 1;
    subject.setTimeSpent(i, 30 + (++calls & 255));
  }
}
