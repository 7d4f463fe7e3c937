package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side: the project's tasks with one status (the most frequent open ones, alternately), and with that status and its most frequent task type (gazu {@code all_tasks_for_task_status}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.TasksByStatusBenchmark -p size=S,L}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TasksByStatusBenchmark extends SideBySide {
  private int variant;

  @Override
  protected void check() {
    Agreement.tasksByStatus(golden, subject, data);
  }

  /** The tasks with the status. */
  @Benchmark
  public Object byStatus() {
    variant = variant + 1 == Snapshot.VARIANTS ? 0 : variant + 1;
    return subject.tasksByStatus(variant);
  }

  /** The tasks with the status and the task type. */
  @Benchmark
  public Object byStatusAndTaskType() {
    variant = variant + 1 == Snapshot.VARIANTS ? 0 : variant + 1;
    return subject.tasksByStatusAndType(variant);
  }
}
