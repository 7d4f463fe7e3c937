package dev.prodtrack.benchmarks;

import dev.prodtrack.Session;
import dev.prodtrack.TaskApi;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.Task;
import dev.prodtrack.testkit.Size;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * gazu's {@code all_tasks_for_shot} on a generated production, as a production manager (team member,
 * not admin, so the read-permission path is measured): the engine's point query.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AllTasksForShot -prof gc}; sizes with
 * {@code -p size=S,L}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@State(Scope.Benchmark)
public class AllTasksForShotBenchmark {

  @Param({"L"})
  public Size size;

  private GeneratedProduction generated;
  private TaskApi tasks;
  private EntityId[] shots;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    generated = GeneratedProduction.of(size, 42);
    Session manager = generated.engine.as(generated.production.managers().get(0));
    tasks = manager.task();
    shots = generated.production.shots().toArray(new EntityId[0]);
    // Golden check before timing: every shot has one task per shot task type.
    int expected = generated.production.shotTaskTypes().size();
    for (int i = 0; i < shots.length; i += Math.max(1, shots.length / 100)) {
      List<Task> found = tasks.allTasksForShot(shots[i]);
      if (found.size() != expected) {
        throw new IllegalStateException("shot " + shots[i] + " has " + found.size() + " tasks, expected " + expected);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    generated.engine.close();
  }

  /** One shot's tasks; shots are visited round-robin so caches see a realistic spread. */
  @Benchmark
  public List<Task> allTasksForShot() {
    EntityId shot = shots[next];
    next = next + 1 == shots.length ? 0 : next + 1;
    return tasks.allTasksForShot(shot);
  }
}
