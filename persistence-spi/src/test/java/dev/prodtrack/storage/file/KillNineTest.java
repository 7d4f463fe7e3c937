package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StoredRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real {@code kill -9} runs (storage.md T6) on the build directory's disk: a child JVM ({@link
 * KillNineChild}) commits and prints {@code ACK seq} only after each commit returned; the parent kills
 * it with SIGKILL ({@code destroyForcibly}) after a random 5–500 ms, reopens the store in this JVM and
 * checks that it opens, that every acknowledged change set is there byte for byte, and that the state
 * is exactly the one after its last change set. One run in four compacts every 10 commits, so kills
 * land during snapshots and segment deletion. All runs share one store directory, so each restart
 * recovers what the previous kills left. 50 runs; {@code -Dprodtrack.storage.soak=true} runs 2,000.
 * Also: a second process cannot open a store this JVM holds.
 */
class KillNineTest {

  private static final long SEED = Long.getLong("prodtrack.storage.seed", 20261129L);
  private static final int RUNS = Boolean.getBoolean("prodtrack.storage.soak") ? 2_000 : 50;
  /** How long a child may take to open the store and print READY. */
  private static final int STARTUP_SECONDS = 300;

  private final Path dir = TempDirs.create("kill9");

  @AfterEach
  void cleanUp() {
    TempDirs.delete(dir);
  }

  private static Process startChild(Path dir, String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), KillNineChild.class.getName(), dir.toString(), mode);
    pb.redirectErrorStream(true);
    return pb.start();
  }

  @Test
  void killNine_duringCommitsAndCompactions_keepsEveryAcknowledgedCommit() throws Exception {
    Random rnd = new Random(SEED);
    int duringSnapshot = 0;
    int compactRuns = 0;
    long maxAcked = 0;
    for (int run = 1; run <= RUNS; run++) {
      boolean compact = run % 4 == 0;
      compactRuns += compact ? 1 : 0;
      Process child = startChild(dir, compact ? "compact" : "commit");
      AtomicLong acked = new AtomicLong();
      AtomicReference<String> lastSnap = new AtomicReference<>("");
      List<String> other = new CopyOnWriteArrayList<>();
      CountDownLatch ready = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            if (line.startsWith("ACK ")) {
              acked.set(Long.parseLong(line.substring(4)));
            } else if (line.startsWith("SNAP ")) {
              lastSnap.set(line);
            } else if (line.startsWith("READY")) {
              ready.countDown();
            } else {
              other.add(line);
            }
          }
        } catch (IOException e) {
          // the child died
        }
      }, "kill9-reader");
      reader.start();
      // Generous: a child opening a store that hundreds of runs have grown, on a machine busy with other
      // builds, can take tens of seconds to start (a soak run under `nice` once took over 60 s at run 163).
      boolean started = ready.await(STARTUP_SECONDS, TimeUnit.SECONDS);
      assertThat(started).as("run %d: child started; its output: %s", run, other).isTrue();
      Thread.sleep(5 + rnd.nextInt(496));
      boolean inSnapshot = lastSnap.get().equals("SNAP BEGIN");
      child.destroyForcibly();
      child.waitFor();
      reader.join();
      long ackedBeforeKill = acked.get();
      if (compact && inSnapshot) {
        duringSnapshot++;
      }
      assertThat(other).as("run %d: unexpected child output", run).isEmpty();
      maxAcked = Math.max(maxAcked, ackedBeforeKill);
      verify(run, maxAcked);
      if (run % 100 == 0) {
        // a soak runs for an hour or more: say how far it got
        System.out.printf("KillNineTest: %d of %d kill -9 runs verified, %d change sets acknowledged (seed %d)%n", run,
            RUNS, maxAcked, SEED);
      }
    }
    System.out.printf("KillNineTest: %d kill -9 runs (%d compacting, %d of them killed during a compaction), every"
        + " acknowledged commit kept, zero start-up failures; %d change sets acknowledged in all (seed %d)%n", RUNS,
        compactRuns, duringSnapshot, maxAcked, SEED);
  }

  private void verify(int run, long acked) {
    try (FileStore store = FileStore.open(dir)) {
      Map<RecordKey, StoredRecord> content = new HashMap<>();
      long last = store.load(r -> content.put(r.key(), r)).lastSequence();
      assertThat(last).as("run %d: recovered up to %d, acknowledged %d", run, last, acked).isGreaterThanOrEqualTo(acked);
      if (last == 0) {
        assertThat(content).as("run %d: killed before the first commit", run).isEmpty();
        return;
      }
      StoredRecord lastRecord = content.get(new RecordKey("meta", "last"));
      assertThat(lastRecord).as("run %d: the marker of change set %d", run, last).isNotNull();
      assertThat(new String(lastRecord.payload(), StandardCharsets.UTF_8))
          .as("run %d: the state is the one after change set %d", run, last).isEqualTo(Long.toString(last));
      assertThat(content).as("run %d", run).hasSize((int) last + 1);
      for (long seq = 1; seq <= last; seq++) {
        StoredRecord r = content.get(KillNineChild.keyOf(seq));
        assertThat(r).as("run %d: change set %d", run, seq).isNotNull();
        byte[] small = KillNineChild.payloadOf(seq, false);
        byte[] large = KillNineChild.payloadOf(seq, true);
        assertThat(java.util.Arrays.equals(r.payload(), small) || java.util.Arrays.equals(r.payload(), large))
            .as("run %d: change set %d byte for byte", run, seq).isTrue();
      }
    }
  }

  @Test
  void open_whileAnotherProcessHoldsTheStore_isRefusedWithLocked() throws Exception {
    try (FileStore held = FileStore.open(dir)) {
      held.load(r -> { });
      Process child = startChild(dir, "trylock");
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      child.waitFor();

      assertThat(output).startsWith("LOCKED").contains("locked by another process");
      assertThat(held.health().isOk()).isTrue();
    }
    Process after = startChild(dir, "trylock");
    String output = new String(after.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    after.waitFor();
    assertThat(output).startsWith("OPENED");
  }
}
