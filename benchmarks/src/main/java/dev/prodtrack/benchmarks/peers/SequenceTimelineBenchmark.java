package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side: the timeline of one sequence (a bar per task of its shots and the enclosing bar); sequences visited round-robin.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.SequenceTimelineBenchmark -p size=S,L}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class SequenceTimelineBenchmark extends SideBySide {
  private int next;

  @Override
  protected void check() {
    Agreement.timeline(golden, subject, data);
  }

  /** One sequence's timeline. */
  @Benchmark
  public Object timeline() {
    int i = next;
    next = i + 1 == data.sequences.length ? 0 : i + 1;
    return subject.timeline(i);
  }
}
