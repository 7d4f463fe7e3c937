package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side: a reassignment — the assignee of a single-assignee task removed and another artist
 * assigned (gazu {@code unassign_task} then {@code assign_task}), by a production manager, and back on
 * the next pass over the 20,000 targets. prodtrack commits two mutations with every rule checked; the
 * peers delete and insert the link row and notify the new assignee in one transaction.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.Reassign -p size=S,L}.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ReassignBenchmark extends SideBySide {
  private boolean[] forward;
  private int next;

  @Override
  protected void check() {
    Agreement.reassign(golden, subject, data);
  }

  @Override
  protected void prepare() {
    forward = new boolean[data.reassignTasks.length];
    for (int i = 0; i < forward.length; i++) {
      forward[i] = subject.assigneesOfReassigned(i).contains(data.reassignFrom[i]);
    }
  }

  /** One reassignment. */
  @Benchmark
  public void reassign() {
    int i = next;
    next = i + 1 == forward.length ? 0 : i + 1;
    boolean f = forward[i];
    forward[i] = !f;
    subject.reassign(i, f);
  }
}
