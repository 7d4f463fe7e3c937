package dev.prodtrack.benchmarks;

import dev.prodtrack.kitsu.ImportOptions;
import dev.prodtrack.kitsu.ImportReport;
import dev.prodtrack.kitsu.KitsuCollection;
import dev.prodtrack.kitsu.KitsuExport;
import dev.prodtrack.kitsu.KitsuImport;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Importing a Kitsu JSON dump: a generated production is exported once to a temporary directory, then
 * each invocation streams every file, checks every reference and writes every record into a new
 * {@link MemoryStore} (the engine is not opened: that is the store load, measured elsewhere). One
 * invocation is one whole import, so the score is the time of an import and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} the bytes it allocates.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KitsuImport -prof gc}; sizes with
 * {@code -p size=S,M,L}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@State(Scope.Benchmark)
public class KitsuImportBenchmark {

  @Param({"S", "M", "L"})
  public Size size;

  private Path dir;
  private long expectedTasks;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    GeneratedProduction generated = GeneratedProduction.of(size, 42);
    dir = Files.createTempDirectory("prodtrack-kitsu-bench");
    long t0 = System.nanoTime();
    Map<KitsuCollection, Long> counts;
    try {
      counts = KitsuExport.exportDirectory(generated.engine, dir);
    } finally {
      generated.engine.close();
    }
    long bytes;
    try (Stream<Path> files = Files.list(dir)) {
      bytes = files.mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
    expectedTasks = counts.get(KitsuCollection.TASKS);
    System.out.printf("# exported %,d records (%,d bytes) in %,d ms%n",
        counts.values().stream().mapToLong(Long::longValue).sum(), bytes, (System.nanoTime() - t0) / 1_000_000);
    // Golden check before timing: the import reads back every task.
    long imported = importOnce().imported(KitsuCollection.TASKS);
    if (imported != expectedTasks) {
      throw new IllegalStateException("imported " + imported + " tasks, expected " + expectedTasks);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(f);
      }
    }
  }

  /** One whole import into a new memory store. */
  @Benchmark
  public ImportReport importDirectory() throws IOException {
    return importOnce();
  }

  private ImportReport importOnce() throws IOException {
    return KitsuImport.importDirectory(dir, MemoryStore.create(), ImportOptions.defaults());
  }
}
