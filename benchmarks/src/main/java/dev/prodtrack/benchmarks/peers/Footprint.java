package dev.prodtrack.benchmarks.peers;

import dev.prodtrack.IdSource;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.testkit.Size;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Load time and heap after load, per peer (issue 6), each peer in its own JVM so that one peer's garbage
 * or class metadata does not count against another. In each child: the used heap after a forced GC is
 * taken as the baseline; the production is generated (seed {@value SideBySide#SEED}); the peer is loaded
 * and timed — for prodtrack, reopening its memory store (decoding every record and rebuilding every
 * index, checked against the generated engine's state digest), for the others, loading from the records
 * read out of the engine; then everything but the peer is dropped, GC is forced, and the used heap minus
 * the baseline is the peer's footprint. SQLite keeps its pages outside the Java heap: its database size
 * (page count × page size) is reported as off-heap.
 *
 * <p>Usage: {@code java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.prodtrack.benchmarks.peers.Footprint L
 * footprint-L.tsv}; children inherit the parent's {@code -Xmx}. Output lines: size, peer, load ms, heap
 * bytes, off-heap bytes, generation ms (tab-separated), for {@link Report}.
 */
public final class Footprint {
  private static final List<String> PEERS = List.of("prodtrack", "h2", "sqlite", "plain");

  private Footprint() {}

  /**
   * Runs one child JVM per peer and writes their lines to the output file.
   *
   * @param args size, output file; or {@code --child size peer} inside a child
   * @throws Exception if a child fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--child")) {
      System.out.println("RESULT\t" + measure(Size.valueOf(args[1]), args[2]));
      return;
    }
    if (args.length != 2) {
      System.err.println("usage: Footprint SIZE OUTPUT.tsv");
      System.exit(2);
    }
    List<String> lines = new ArrayList<>();
    lines.add("# size\tpeer\tload ms\theap bytes\toff-heap bytes\tgeneration ms");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String peer : PEERS) {
      List<String> command = new ArrayList<>(List.of(java));
      for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (arg.startsWith("-Xm")) {
          command.add(arg);
        }
      }
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), Footprint.class.getName(), "--child",
          args[0], peer));
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      String result = null;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("RESULT\t")) {
            result = line.substring("RESULT\t".length());
          } else {
            System.out.println("  [" + peer + "] " + line);
          }
        }
      }
      int exit = child.waitFor();
      if (exit != 0 || result == null) {
        throw new IllegalStateException("footprint of " + peer + " failed with exit code " + exit);
      }
      System.out.println(result);
      lines.add(result);
    }
    Files.write(Path.of(args[1]), lines, StandardCharsets.UTF_8);
  }

  private static String measure(Size size, String peerName) {
    long baseline = usedAfterGc();
    Snapshot data = Snapshot.generate(size, SideBySide.SEED);
    long generation = data.generationMillis;
    Object held;
    long loadMillis;
    long offHeap = 0;
    if (peerName.equals("prodtrack")) {
      String digest = data.engine.stateDigest();
      data.engine.close();
      long t0 = System.nanoTime();
      ProdTrack reopened = ProdTrack.builder().store(data.store.reopen()).clock(data.clock)
          .idSource(IdSource.seeded(SideBySide.SEED)).open();
      loadMillis = (System.nanoTime() - t0) / 1_000_000;
      if (!reopened.stateDigest().equals(digest)) {
        throw new IllegalStateException("the reopened engine's state differs from the generated one");
      }
      held = reopened;
    } else {
      long t0 = System.nanoTime();
      Peer peer = SideBySide.open(peerName, data, null);
      loadMillis = (System.nanoTime() - t0) / 1_000_000;
      offHeap = peer.offHeapBytes();
      data.engine.close();
      held = peer;
    }
    data = null;
    long heap = usedAfterGc() - baseline;
    System.out.println("# holding " + held.getClass().getSimpleName());
    return size + "\t" + peerName + "\t" + loadMillis + "\t" + heap + "\t" + offHeap + "\t" + generation;
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
