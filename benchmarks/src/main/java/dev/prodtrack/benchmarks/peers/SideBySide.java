package dev.prodtrack.benchmarks.peers;

import dev.prodtrack.testkit.Size;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * With {@code -Dprodtrack.peers.shared=true}, for runs without forks ({@code -f 0}): one production
   * per size and one instance of each peer for the whole JVM, every peer checked once against prodtrack
   * when they are loaded, instead of a production per trial. Run the questions and the mutations in
   * separate JVMs, so that no question runs on data one peer's mutations changed more than another's.
   */
  static final boolean SHARED = Boolean.getBoolean("prodtrack.peers.shared");

  /**
   * In the shared mode, the peers loaded besides prodtrack: {@code -Dprodtrack.peers.load=sqlite,plain}
   * skips H2's load (minutes at L) when the run asks no question of it; all three by default. A peer not
   * loaded cannot be measured: asking for it fails the trial's setup with the list that was loaded.
   */
  static final List<String> SHARED_LOAD = sharedLoad(System.getProperty("prodtrack.peers.load", "h2,sqlite,plain"));

  private static final Map<Size, Map<String, Peer>> SHARED_PEERS = new HashMap<>();
  private static final Map<Size, Snapshot> SHARED_DATA = new HashMap<>();

  /** Generates the production (or takes the shared one), loads the peer and checks its answers. */
  @Setup(Level.Trial)
  public void setUp() {
    if (SHARED) {
      Map<String, Peer> peers = SHARED_PEERS.computeIfAbsent(size, SideBySide::share);
      data = SHARED_DATA.get(size);
      golden = peers.get("prodtrack");
      subject = peers.get(peer);
      if (subject == null) {
        throw new IllegalArgumentException("peer " + peer + " is not loaded in this JVM; loaded: " + peers.keySet()
            + " (-Dprodtrack.peers.load)");
      }
    } else {
      data = Snapshot.generate(size, SEED);
      golden = new ProdtrackPeer(data);
      subject = open(peer, data, golden);
      check();
    }
    prepare();
  }

  private static Map<String, Peer> share(Size size) {
    Snapshot data = Snapshot.generate(size, SEED);
    Peer golden = new ProdtrackPeer(data);
    List<Peer> others = SHARED_LOAD.stream().map(name -> open(name, data, golden)).toList();
    Agreement.all(golden, others, data);
    Map<String, Peer> peers = new LinkedHashMap<>();
    peers.put("prodtrack", golden);
    others.forEach(p -> peers.put(p.name(), p));
    SHARED_DATA.put(size, data);
    return peers;
  }

  /**
   * Parses the list of peers to load in the shared mode.
   *
   * @param list comma-separated names among h2, sqlite and plain
   * @return the names, in the order given, without duplicates
   * @throws IllegalArgumentException for an unknown name
   */
  static List<String> sharedLoad(String list) {
    List<String> names = new java.util.ArrayList<>();
    for (String name : list.split(",")) {
      String n = name.strip();
      if (n.isEmpty() || n.equals("prodtrack") || names.contains(n)) {
        continue;
      }
      if (!List.of("h2", "sqlite", "plain").contains(n)) {
        throw new IllegalArgumentException("prodtrack.peers.load lists h2, sqlite or plain, not '" + n + "'");
      }
      names.add(n);
    }
    return List.copyOf(names);
  }

  /** Closes the peer and the engine (shared ones stay open until the JVM exits). */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (!SHARED) {
      subject.close();
      data.engine.close();
    }
  }

  /** Sets up the benchmark's own state from the subject's current state; nothing by default. */
  protected void prepare() {}

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
