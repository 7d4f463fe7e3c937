package dev.prodtrack.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Side by side: minutes of time spent per person over one month, the last two months alternately (zou's {@code get_time_spents_range} generalised to everybody).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar peers.TimeSpentPerPersonBenchmark -p size=S,L}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TimeSpentPerPersonBenchmark extends SideBySide {
  private int variant;

  @Override
  protected void check() {
    Agreement.minutesPerPerson(golden, subject, data);
  }

  /** The totals per person of the month before the production's day. */
  @Benchmark
  public Object minutesPerPerson() {
    variant = variant + 1 == Snapshot.VARIANTS ? 0 : variant + 1;
    return subject.minutesPerPerson(variant);
  }
}
