package dev.prodtrack.benchmarks;

import dev.prodtrack.ProdTrack;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;

/** A production generated once per size and seed, shared by the benchmarks of one fork. */
final class GeneratedProduction {
  final ProdTrack engine;
  final GeneratorClock clock;
  final Production production;
  private final long seed;

  private GeneratedProduction(Size size, long seed) {
    this.seed = seed;
    long t0 = System.nanoTime();
    ProductionGenerator.Generated generated = ProductionGenerator.generateInNewEngine(size, seed);
    this.engine = generated.engine();
    this.clock = generated.clock();
    this.production = generated.production();
    System.out.printf("%n# generated %s (seed %d) in %,d ms: %,d tasks, %,d comments, %,d time spents%n", size, seed,
        (System.nanoTime() - t0) / 1_000_000, production.tasks().size(), production.comments(),
        production.timeSpents());
  }

  static GeneratedProduction of(Size size, long seed) {
    return new GeneratedProduction(size, seed);
  }

  /** The production every benchmark class of this JVM uses, with {@code -Dprodtrack.schedule.shared=true}. */
  private static GeneratedProduction shared;

  /**
   * With {@code -Dprodtrack.schedule.shared=true} (run with {@code -f 0}): one production per JVM, generated
   * once and reused by every benchmark class asking for the same size and seed, never closed by them (at XL
   * one generation takes minutes and most of the heap); its used heap after forced GCs is printed once.
   * Without the property: a new production, as {@link #of}.
   */
  static synchronized GeneratedProduction sharedOrNew(Size size, long seed) {
    if (!Boolean.getBoolean("prodtrack.schedule.shared")) {
      return of(size, seed);
    }
    if (shared == null || shared.production.size() != size || shared.seed != seed) {
      shared = null;
      shared = of(size, seed);
      Runtime rt = Runtime.getRuntime();
      for (int i = 0; i < 4; i++) {
        System.gc();
      }
      System.out.printf("# heap used after generating %s and 4 forced GCs: %,d MiB%n", size,
          (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
    return shared;
  }

  /** Whether {@code generated} is the JVM's shared production, which its users must not close. */
  static synchronized boolean isShared(GeneratedProduction generated) {
    return generated == shared;
  }
}
