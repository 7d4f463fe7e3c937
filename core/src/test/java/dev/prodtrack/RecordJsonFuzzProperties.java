package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Decoder fuzzing (storage.md T8) of the JSON records the engine reads from a store: QuickTheories
 * mutates the encoding of every record kind ({@link RecordCodecTest#records()}) with {@link JsonFuzz}
 * (byte damage, and values at and past the read limits: deep nesting, long numbers and huge exponents,
 * long and broken strings, long names, repeated properties) or generates random documents, and decodes
 * each input both ways the engine does ({@link RecordCodec#decode} with duplicate detection, {@link
 * RecordCodec#decodeLoaded} without). The only error allowed is {@link CorruptRecordException} (the read
 * limits' constraint errors arrive wrapped in it); a record that decodes re-encodes and decodes to an
 * equal record. A hang guard of {@value #HANG_GUARD_MILLIS} ms per input (fifty times the plan's 100 ms,
 * because the shared machine often runs eight threads per core) catches pathological parsing; the slowest
 * input is printed.
 *
 * <p>Seeded ({@code -Dprodtrack.seed=n}); {@code -Dprodtrack.storage.soak=true} runs 1,000 times as many.
 */
class RecordJsonFuzzProperties {

  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final int SCALE = Boolean.getBoolean("prodtrack.storage.soak") ? 1_000 : 1;
  private static final long HANG_GUARD_MILLIS = 5_000;

  private static final List<Object[]> RECORDS = RecordCodecTest.records().map(a -> a.get()).toList();

  private static long inputs;
  private static long refused;
  private static long slowestNanos;

  @AfterAll
  static void report() {
    System.out.printf("RecordJsonFuzzProperties: %,d fuzzed record documents (%,d refused with"
        + " CorruptRecordException by both decoders), slowest %.1f ms, seed %d%n", inputs, refused, slowestNanos / 1e6,
        SEED);
  }

  /** One input: a record kind and the bytes to decode as that kind. */
  record Input(String kind, byte[] json) {
    @Override
    public String toString() {
      String text = new String(json, StandardCharsets.UTF_8);
      return kind + ": " + (text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " chars)" : text);
    }
  }

  private static Gen<Input> inputs() {
    return in -> {
      Object[] base = RECORDS.get(integers().between(0, RECORDS.size() - 1).generate(in));
      String kind = (String) base[0];
      if (integers().between(0, 19).generate(in) == 0) {
        return new Input(kind, JsonFuzz.randomDocument(in));
      }
      return new Input(kind, JsonFuzz.mutate(RecordCodec.encode(base[1]), in));
    };
  }

  @Test
  void recordDecoders_onFuzzedJson_onlyThrowCorruptRecord() {
    qt().withFixedSeed(SEED).withExamples(4_000 * SCALE).forAll(inputs()).checkAssert(input -> {
      long t0 = System.nanoTime();
      int failures = 0;
      try {
        Object record = RecordCodec.decode(input.kind(), input.json());
        assertThat(RecordCodec.decode(input.kind(), RecordCodec.encode(record)))
            .as("a decoded record survives a round trip; %s", input).isEqualTo(record);
      } catch (CorruptRecordException expected) {
        failures++;
      }
      try {
        RecordCodec.decodeLoaded(input.kind(), input.json(), new long[1]);
      } catch (CorruptRecordException expected) {
        failures++;
      }
      long took = System.nanoTime() - t0;
      inputs++;
      refused += failures == 2 ? 1 : 0;
      slowestNanos = Math.max(slowestNanos, took);
      assertThat(took / 1_000_000).as("hang guard: milliseconds for one input, seed %d; %s", SEED, input)
          .isLessThan(HANG_GUARD_MILLIS);
    });
  }
}
