package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side: the project's tasks with one status (the most frequent open one), and with that status and one task type (gazu {@code all_tasks_for_task_status}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.TasksByStatusBenchmark -p size=S,L}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TasksByStatusBenchmark extends SideBySide {

  @Override
  protected void check() {
    Agreement.tasksByStatus(golden, subject, data);
  }

  /** The tasks with the status. */
  @Benchmark
  public Object byStatus() {
    return subject.tasksByStatus();
  }

  /** The tasks with the status and the task type. */
  @Benchmark
  public Object byStatusAndTaskType() {
    return subject.tasksByStatusAndType();
  }
}
