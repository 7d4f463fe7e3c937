package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side: the late tasks of the project as of its day (Kitsu's open-tasks rule: due before the day, no done date): how many, and the 100 most late; as of that day and a week before, alternately.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.LateTasksBenchmark -p size=S,L}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class LateTasksBenchmark extends SideBySide {
  private int variant;

  @Override
  protected void check() {
    Agreement.late(golden, subject, data);
  }

  /** The count and the 100 most late. */
  @Benchmark
  public Object lateTasks() {
    variant = variant + 1 == Snapshot.VARIANTS ? 0 : variant + 1;
    return subject.late(variant);
  }
}
