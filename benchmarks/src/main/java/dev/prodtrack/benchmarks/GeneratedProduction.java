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

  private GeneratedProduction(Size size, long seed) {
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
}
