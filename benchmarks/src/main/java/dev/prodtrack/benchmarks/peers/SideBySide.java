package dev.prodtrack.benchmarks.peers;

import dev.prodtrack.testkit.Size;
import java.util.concurrent.TimeUnit;
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
 * The shared state of the side-by-side benchmarks (issue 6): one generated production per trial (seed
 * {@value #SEED}), prodtrack as the reference, and the peer under measurement loaded from the same
 * records. Each subclass asks one question; its {@link #check()} compares the peer's answers with
 * prodtrack's before anything is timed and throws on the first difference.
 *
 * <p>The defaults are the quick profile (one fork, 2 × 1 s warm-up, 3 × 1 s measurement); see
 * {@code benchmarks/RESULTS.md} for the command and the published settings.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@State(Scope.Benchmark)
public abstract class SideBySide {
  /** The generator's seed; the same production in every fork. */
  public static final long SEED = 42;

  /** The production size. */
  @Param({"L"})
  public Size size;

  /** The engine measured: {@code prodtrack}, {@code h2}, {@code sqlite} or {@code plain}. */
  @Param({"prodtrack", "h2", "sqlite", "plain"})
  public String peer;

  /** The production and its records. */
  protected Snapshot data;
  /** prodtrack, the reference answers. */
  protected Peer golden;
  /** The peer measured (the same object as {@link #golden} when {@code peer} is prodtrack). */
  protected Peer subject;

  /** Generates the production, loads the peer and checks its answers. */
  @Setup(Level.Trial)
  public void setUp() {
    data = Snapshot.generate(size, SEED);
    golden = new ProdtrackPeer(data);
    subject = open(peer, data, golden);
    check();
  }

  /** Closes the peer and the engine. */
  @TearDown(Level.Trial)
  public void tearDown() {
    subject.close();
    data.engine.close();
  }

  /** Compares the subject's answers to the question with prodtrack's; throws on a difference. */
  protected abstract void check();

  /**
   * Opens a peer by name on a snapshot.
   *
   * @param name prodtrack, h2, sqlite or plain
   * @param data the snapshot
   * @param prodtrack the prodtrack peer already open on it
   * @return the peer
   */
  static Peer open(String name, Snapshot data, Peer prodtrack) {
    long t0 = System.nanoTime();
    Peer p = switch (name) {
      case "prodtrack" -> prodtrack;
      case "h2" -> new SqlPeer(SqlPeer.Dialect.H2, data);
      case "sqlite" -> new SqlPeer(SqlPeer.Dialect.SQLITE, data);
      case "plain" -> new PlainPeer(data);
      default -> throw new IllegalArgumentException("peer must be prodtrack, h2, sqlite or plain, was " + name);
    };
    System.out.printf("# %s loaded in %,d ms%n", name, (System.nanoTime() - t0) / 1_000_000);
    return p;
  }
}
