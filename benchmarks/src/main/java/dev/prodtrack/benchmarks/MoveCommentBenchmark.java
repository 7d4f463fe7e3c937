package dev.prodtrack.benchmarks;

import dev.prodtrack.CommentOptions;
import dev.prodtrack.TaskApi;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.testkit.Size;
import java.time.Duration;
import java.time.Instant;
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
 * gazu's {@code move_comment_to_task} between two tasks of one shot that each carry 10,000 comments: the
 * move replays both histories, so its cost should follow those two histories and not the production's
 * size (compare {@code -p size=S} and {@code -p size=L}). Each call moves one comment from the middle of
 * the history to the other task and back on the next call.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MoveComment -p size=S,L -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@State(Scope.Benchmark)
public class MoveCommentBenchmark {

  /** Comments on each of the two tasks. */
  static final int HISTORY = 10_000;

  @Param({"S", "L"})
  public Size size;

  private GeneratedProduction generated;
  private TaskApi tasks;
  private TaskId a;
  private TaskId b;
  private CommentId[] moving;
  private boolean onA = true;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    generated = GeneratedProduction.of(size, 42);
    tasks = generated.engine.as(generated.production.managers().get(0)).task();
    EntityId shot = generated.production.shots().get(0);
    List<Task> shotTasks = tasks.allTasksForShot(shot);
    a = shotTasks.get(0).id();
    b = shotTasks.get(1).id();
    TaskStatusId[] walk = {generated.production.defaults().wip().id(), generated.production.defaults().wfa().id(),
        generated.production.defaults().retake().id()};
    Instant start = generated.production.now().minus(Duration.ofDays(400));
    moving = new CommentId[64];
    for (int i = 0; i < HISTORY; i++) {
      for (TaskId t : new TaskId[] {a, b}) {
        Instant at = start.plusSeconds(60L * (2L * i + (t == a ? 0 : 1)));
        Comment c = tasks.addComment(t, walk[i % walk.length], "", CommentOptions.NONE.withCreatedAt(at));
        if (t == a && i >= HISTORY / 2 && i < HISTORY / 2 + moving.length) {
          moving[i - HISTORY / 2] = c.id();
        }
      }
    }
    // Golden check before timing: a move there and back leaves both tasks as they were.
    Task beforeA = tasks.getTask(a);
    tasks.moveCommentToTask(a, moving[0], b);
    tasks.moveCommentToTask(b, moving[0], a);
    if (!tasks.getTask(a).taskStatusId().equals(beforeA.taskStatusId())
        || tasks.allCommentsForTask(a).size() < HISTORY) {
      throw new IllegalStateException("a move there and back changed task " + a);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    generated.engine.close();
  }

  /** One move; the same comment comes back on the next call, so the histories keep their size. */
  @Benchmark
  public Comment moveComment() {
    CommentId c = moving[next];
    Comment moved = onA ? tasks.moveCommentToTask(a, c, b) : tasks.moveCommentToTask(b, c, a);
    if (!onA) {
      next = next + 1 == moving.length ? 0 : next + 1;
    }
    onA = !onA;
    return moved;
  }
}
