package dev.prodtrack.benchmarks.peers;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side: a comment that changes a task's status (gazu {@code add_comment}), by a production
 * manager, round-robin over 20,000 assigned shot tasks, each flipping between WIP and Waiting For
 * Approval. prodtrack checks every rule on its memory store; the peers write the same rows (comment,
 * task, news, notifications) and check nothing. Each call is one committed transaction; the clock moves
 * one millisecond per call.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.CommentWithStatus -p size=S,L}.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CommentWithStatusBenchmark extends SideBySide {
  private boolean[] toWip;
  private int next;
  private Instant at;

  @Override
  protected void check() {
    Agreement.commentWithStatus(golden, subject, data, data.now.plusSeconds(1));
  }

  @Override
  protected void prepare() {
    at = data.now.plusSeconds(2);
    toWip = new boolean[data.assignedTasks.length];
    for (int i = 0; i < toWip.length; i++) {
      toWip[i] = !subject.statusOfAssigned(i).equals(data.wip);
    }
  }

  /** One comment with a status change. */
  @Benchmark
  public void commentWithStatusChange() {
    int i = next;
    next = i + 1 == toWip.length ? 0 : i + 1;
    boolean wip = toWip[i];
    toWip[i] = !wip;
    at = at.plusMillis(1);
    subject.commentWithStatus(i, wip, at);
  }
}
