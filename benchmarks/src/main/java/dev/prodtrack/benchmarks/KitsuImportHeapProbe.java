package dev.prodtrack.benchmarks;

import dev.prodtrack.kitsu.ImportOptions;
import dev.prodtrack.kitsu.ImportReport;
import dev.prodtrack.kitsu.KitsuExport;
import dev.prodtrack.kitsu.KitsuImport;
import dev.prodtrack.storage.Capability;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The heap a Kitsu import needs, outside JMH: {@code export SIZE DIR} writes a generated production's dump
 * (seed 42, as {@link KitsuImportBenchmark}); {@code import DIR} imports it into a store that counts and
 * discards the change sets, so that only the import's own memory is on the heap, and prints the records
 * written and the peak heap used. Run {@code import} in JVMs with decreasing {@code -Xmx}: the smallest
 * that finishes is the import's heap need.
 *
 * <pre>{@code
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.prodtrack.benchmarks.KitsuImportHeapProbe export L /tmp/l
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.prodtrack.benchmarks.KitsuImportHeapProbe import /tmp/l
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.prodtrack.benchmarks.KitsuImportHeapProbe time /tmp/l 3
 * }</pre>
 *
 * <p>{@code time DIR N} imports the dump N times in one JVM into the discarding store and prints, per import,
 * the records written, the wall time, the process's CPU time, the importing thread's CPU time and the bytes that
 * thread allocated (the parsing thread of {@code -Dprodtrack.import.readAhead=true}, the default on more than
 * one core, is in the process's CPU but not in the importing thread's figures).
 */
public final class KitsuImportHeapProbe {
  private KitsuImportHeapProbe() {}

  /**
   * Runs the probe.
   *
   * @param args {@code export SIZE DIR} or {@code import DIR}
   * @throws IOException if the dump cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("export")) {
      GeneratedProduction generated = GeneratedProduction.of(Size.valueOf(args[1]), 42);
      try {
        Files.createDirectories(Path.of(args[2]));
        System.out.println(KitsuExport.exportDirectory(generated.engine, Path.of(args[2])));
      } finally {
        generated.engine.close();
      }
    } else if (args.length == 2 && args[0].equals("import")) {
      long t0 = System.nanoTime();
      ImportReport report = KitsuImport.importDirectory(Path.of(args[1]), new DiscardingStore(),
          ImportOptions.defaults());
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf("written %,d records in %,d ms, max heap %,d MB, peak heap used %,d MB%n",
          report.recordsWritten(), (System.nanoTime() - t0) / 1_000_000,
          Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    } else if (args.length == 3 && args[0].equals("time")) {
      time(Path.of(args[1]), Integer.parseInt(args[2]));
    } else {
      throw new IllegalArgumentException("usage: export SIZE DIR | import DIR | time DIR N");
    }
  }

  /** N imports of one dump, each with its wall time, CPU times and allocation. */
  private static void time(Path dir, int n) throws IOException {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    for (int i = 0; i < n; i++) {
      long wall = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      long thread = threads.getCurrentThreadCpuTime();
      long allocated = threads.getThreadAllocatedBytes(self);
      ImportReport report = KitsuImport.importDirectory(dir, new DiscardingStore(), ImportOptions.defaults());
      System.out.printf("import %d (readAhead=%s): %,d records, wall %.2f s, process CPU %.2f s, importing thread"
          + " CPU %.2f s, importing thread allocated %,d MB, load %.2f%n", i,
          System.getProperty("prodtrack.import.readAhead", "default"), report.recordsWritten(),
          (System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
          (threads.getCurrentThreadCpuTime() - thread) / 1e9,
          (threads.getThreadAllocatedBytes(self) - allocated) >> 20, os.getSystemLoadAverage());
    }
  }

  /** Counts the change sets and forgets them. */
  private static final class DiscardingStore implements Store {
    @Override
    public Set<Capability> capabilities() {
      return Set.of();
    }

    @Override
    public RecoveryReport load(Consumer<StoredRecord> sink) {
      return new RecoveryReport(0, 0, 0, List.of());
    }

    @Override
    public long commit(ChangeSet changes) {
      return changes.size();
    }

    @Override
    public StoreHealth health() {
      return StoreHealth.OK;
    }

    @Override
    public void close() {
      // nothing held
    }
  }
}
