package dev.prodtrack.kitsu;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For generated productions of random seeds: export, import, export gives the same files byte for byte,
 * equal records and the same drift report. Seed of the seeds: {@code -Dprodtrack.seed} (a failure prints
 * the production's seed); examples: {@code -Dprodtrack.kitsu.examples}.
 */
class KitsuRoundTripProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final int EXAMPLES = Integer.getInteger("prodtrack.kitsu.examples", 12);

  @TempDir
  Path tmp;

  @Test
  void exportImportExport_generatedTinyProductions_isTheIdentity() {
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(longs().all())
        .checkAssert(seed -> {
          try {
            Path dir = Files.createTempDirectory(tmp, "seed");
            KitsuRoundTripTest.roundTrip(Size.TINY, seed, dir);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
