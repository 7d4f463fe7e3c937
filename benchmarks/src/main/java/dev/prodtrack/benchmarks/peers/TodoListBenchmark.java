package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side: a person's todo list (Kitsu's filter: assigned, open project, status not done), ordered by due date; people visited round-robin.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.TodoListBenchmark -p size=S,L}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TodoListBenchmark extends SideBySide {
  private int next;

  @Override
  protected void check() {
    Agreement.todo(golden, subject, data);
  }

  /** One person's todo list. */
  @Benchmark
  public Object todoList() {
    int i = next;
    next = i + 1 == data.todoPersons.length ? 0 : i + 1;
    return subject.todo(i);
  }
}
