package dev.prodtrack.benchmarks;

import dev.prodtrack.IdSource;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens of an engine on a file store, measured from outside JMH: wall time, the JVM's process CPU time and GC
 * time of each open, and the used heap after the open and two forced collections (engine and store together).
 * The store is generated first when {@code dir} holds none (the production of the given size, seed 42, no fsync,
 * one compaction, then 1,000 comments journaled after the snapshot).
 *
 * <pre>{@code
 * java -XX:+UseParallelGC -Xms8g -Xmx8g -cp benchmarks.jar dev.prodtrack.benchmarks.OpenHeapProbe L /tmp/Lstore 3
 * }</pre>
 */
public final class OpenHeapProbe {
  private OpenHeapProbe() {}

  /**
   * Runs the opens.
   *
   * @param args the size (TINY, S, M, L, XL), the store directory, the number of opens
   * @throws Exception if the store cannot be made or opened
   */
  public static void main(String[] args) throws Exception {
    Size size = Size.valueOf(args[0]);
    Path dir = Path.of(args[1]);
    int opens = Integer.parseInt(args[2]);
    if (!Files.exists(dir.resolve("store.lock"))) {
      GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
      FileStore store = FileStore.open(dir, FileStoreOptions.defaults().withFsync(FileStoreOptions.FsyncPolicy.NONE)
          .withAutoSnapshot(false, 0));
      try (ProdTrack engine = ProdTrack.builder().store(store).clock(clock).idSource(IdSource.seeded(42)).open()) {
        Production p = ProductionGenerator.generate(engine, clock, size, 42);
        store.compact();
        var tasks = engine.as(p.managers().get(0)).task();
        for (int i = 0; i < 1_000; i++) {
          TaskId t = p.shotTasks().get(i % p.shotTasks().size());
          tasks.addComment(t, p.defaults().wfa().id(), "after the snapshot " + i);
        }
      }
    }
    try (var files = Files.list(dir)) {
      files.forEach(f -> System.out.printf("# %s %,d bytes%n", f.getFileName(), f.toFile().length()));
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < opens; i++) {
      System.gc();
      long cpu0 = os.getProcessCpuTime();
      long gc0 = gcMillis();
      long t0 = System.nanoTime();
      long records;
      long heap;
      long wall;
      long cpu;
      long gc;
      try (ProdTrack engine = ProdTrack.builder().store(FileStore.open(dir)).clock(ProductionGenerator.DEFAULT_CLOCK)
          .idSource(IdSource.seeded(1)).open()) {
        records = engine.recoveryReport().recordsLoaded();
        wall = System.nanoTime() - t0;
        cpu = os.getProcessCpuTime() - cpu0;
        gc = gcMillis() - gc0;
        System.gc();
        System.gc();
        heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      }
      System.out.printf("open %d: %,d records, wall %.2f s, process CPU %.2f s GC %.2f s, heap used after open + GC %,d MiB, load %.1f%n", i + 1, records,
          wall / 1e9, cpu / 1e9, gc / 1e3, heap >> 20, os.getSystemLoadAverage());
    }
  }

  private static long gcMillis() {
    long t = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      t += b.getCollectionTime();
    }
    return t;
  }
}
