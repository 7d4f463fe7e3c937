package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side: the tasks of one shot (gazu {@code all_tasks_for_shot}), shots visited round-robin.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.TasksForShotBenchmark -p size=S,L}.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class TasksForShotBenchmark extends SideBySide {
  private int next;

  @Override
  protected void check() {
    Agreement.tasksForShot(golden, subject, data);
  }

  /** One shot's tasks. */
  @Benchmark
  public Object tasksForShot() {
    int i = next;
    next = i + 1 == data.shots.length ? 0 : i + 1;
    return subject.tasksForShot(i);
  }
}
