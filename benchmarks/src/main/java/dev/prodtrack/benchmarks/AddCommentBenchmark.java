package dev.prodtrack.benchmarks;

import dev.prodtrack.Session;
import dev.prodtrack.TaskApi;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.testkit.Size;
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
 * gazu's {@code add_comment} with a status change, on the memory store: the whole write path (permission
 * gate, status rules, record encoding, store commit, index update, events) by a production manager.
 * Each call flips one task between WIP and Waiting For Approval, round-robin over the open tasks, so
 * every call changes a status. The engine's clock moves one millisecond per call, as comments in a studio
 * are not all posted in the same instant (moving it is one volatile write).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AddComment -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@State(Scope.Benchmark)
public class AddCommentBenchmark {

  @Param({"L"})
  public Size size;

  /**
   * Whether "tasks by status" was asked once before timing, so that its index ({@code StatusTaskIndex},
   * built on the first such query) exists and every comment keeps it up to date: {@code -p
   * statusIndex=false,true} measures what that maintenance costs the comment path, back to back.
   */
  @Param({"false"})
  public boolean statusIndex;

  private GeneratedProduction generated;
  private TaskApi tasks;
  private TaskId[] targets;
  private TaskStatusId[] next;
  private TaskStatusId wip;
  private TaskStatusId wfa;
  private int cursor;
  private java.time.Instant now;

  @Setup(Level.Trial)
  public void setUp() {
    generated = GeneratedProduction.of(size, 42);
    Session manager = generated.engine.as(generated.production.managers().get(0));
    tasks = manager.task();
    now = generated.clock.instant();
    wip = generated.production.defaults().wip().id();
    wfa = generated.production.defaults().wfa().id();
    targets = generated.production.shotTasks().stream().limit(20_000).toArray(TaskId[]::new);
    next = new TaskStatusId[targets.length];
    for (int i = 0; i < targets.length; i++) {
      Task t = tasks.getTask(targets[i]);
      next[i] = t.taskStatusId().equals(wip) ? wfa : wip;
    }
    // Golden check before timing: the comment changes the status as the live path says.
    Comment c = tasks.addComment(targets[0], next[0], "setup check");
    if (!tasks.getTask(targets[0]).taskStatusId().equals(c.taskStatusId())) {
      throw new IllegalStateException("addComment did not change the status of " + targets[0]);
    }
    next[0] = next[0].equals(wip) ? wfa : wip;
    if (statusIndex) {
      int open = tasks.allOpenTasks(dev.prodtrack.OpenTasksQuery.ALL.withProject(generated.production.project())
          .withTaskStatus(wip).withPage(1, 1)).total();
      if (open == 0) {
        throw new IllegalStateException("no open task with status WIP to build the status index from");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    generated.engine.close();
  }

  /** One comment that changes the task's status (WIP and WFA alternate per task). */
  @Benchmark
  public Comment addCommentWithStatusChange() {
    int i = cursor;
    cursor = i + 1 == targets.length ? 0 : i + 1;
    TaskStatusId status = next[i];
    next[i] = status.equals(wip) ? wfa : wip;
    now = now.plusMillis(1);
    generated.clock.set(now);
    return tasks.addComment(targets[i], status, "");
  }
}
