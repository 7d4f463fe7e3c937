package dev.prodtrack.kitsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.prodtrack.JsonFuzz;
import dev.prodtrack.storage.memory.MemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Decoder fuzzing (storage.md T8) of the JSON input the engine accepts from outside: the Kitsu dump
 * import. One file of the sample dump is replaced by a {@link JsonFuzz} mutation of itself (or random
 * bytes), and the dump imported into an empty store. Allowed outcomes: success, {@link
 * KitsuFormatException} (malformed JSON, past a read limit, wrong type, invalid value) or {@link
 * ImportRefusedException} (a reference to a missing record), and after a refusal the store holds
 * nothing. Any other exception fails; so does an input taking more than {@value #HANG_GUARD_MILLIS} ms
 * (a hang guard, fifty times the plan's 100 ms budget on a shared, loaded machine).
 *
 * <p>Seeded ({@code -Dprodtrack.seed=n}); {@code -Dprodtrack.storage.soak=true} runs 1,000 times as many.
 */
class KitsuImportFuzzProperties {

  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final int SCALE = Boolean.getBoolean("prodtrack.storage.soak") ? 1_000 : 1;
  private static final long HANG_GUARD_MILLIS = 5_000;

  private static long inputs;
  private static long refused;
  private static long slowestNanos;

  @TempDir
  Path tmp;

  @AfterAll
  static void report() {
    System.out.printf("KitsuImportFuzzProperties: %,d fuzzed dump files imported (%,d refused with a typed error,"
        + " nothing written), slowest %.1f ms, seed %d%n", inputs, refused, slowestNanos / 1e6, SEED);
  }

  /** One input: the dump file replaced and its new content. */
  record Input(String file, byte[] content) {
    @Override
    public String toString() {
      String text = new String(content, StandardCharsets.UTF_8);
      return file + ": " + (text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " chars)" : text);
    }
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void kitsuImport_ofFuzzedDumpFiles_onlyRefusesWithTypedErrors() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("dump"));
    List<String> names = files(dir);
    Gen<Input> gen = in -> {
      String name = names.get(integers().between(0, names.size() - 1).generate(in));
      byte[] original;
      try {
        original = Files.readAllBytes(Dumps.sample().resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] content = integers().between(0, 19).generate(in) == 0 ? JsonFuzz.randomDocument(in)
          : JsonFuzz.mutate(original, in);
      return new Input(name, content);
    };
    qt().withFixedSeed(SEED).withExamples(1_000 * SCALE).forAll(gen).checkAssert(input -> {
      try {
        Files.write(dir.resolve(input.file()), input.content());
        MemoryStore store = MemoryStore.create();
        long t0 = System.nanoTime();
        try {
          KitsuImport.importDirectory(dir, store, ImportOptions.defaults());
        } catch (KitsuFormatException | ImportRefusedException e) {
          refused++;
          assertThat(Dumps.recordsIn(store)).as("a refused import writes nothing; %s", input).isZero();
        }
        long took = System.nanoTime() - t0;
        inputs++;
        slowestNanos = Math.max(slowestNanos, took);
        assertThat(took / 1_000_000).as("hang guard: milliseconds for one input, seed %d; %s", SEED, input)
            .isLessThan(HANG_GUARD_MILLIS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        try {
          Files.copy(Dumps.sample().resolve(input.file()), dir.resolve(input.file()),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
  }
}
