package dev.prodtrack.kitsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KitsuReader#readAhead}, which parses on a second thread, hands the consumer exactly what the
 * sequential {@link KitsuReader#read} does: the same rows in the same order, then the same error at the same
 * point (after the rows before it), for sound and damaged files and any batch size; an exception of the
 * consumer stops the parsing thread before the call returns. Files are generated from seeds
 * ({@code -Dprodtrack.seed} moves them); every message names the seed.
 */
class KitsuReadAheadProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final int[] BATCHES = {1, 2, 3, 7, 64, 512};

  @TempDir
  Path tmp;

  /** What a read handed over and how it ended. */
  private record Outcome(List<String> rows, long count, String error) {}

  private static Outcome sequential(Path file, Set<String> keep) {
    List<String> rows = new ArrayList<>();
    long[] count = {-1};
    Throwable error = catchThrowable(() -> count[0] = KitsuReader.read(file, keep, row -> rows.add(row.toString())));
    return new Outcome(rows, count[0], describe(error));
  }

  private static Outcome ahead(Path file, Set<String> keep, int batch) {
    List<String> rows = new ArrayList<>();
    long[] count = {-1};
    Throwable error = catchThrowable(
        () -> count[0] = KitsuReader.readAhead(file, keep, batch, row -> rows.add(row.toString())));
    return new Outcome(rows, count[0], describe(error));
  }

  private static String describe(Throwable error) {
    return error == null ? null : error.getClass().getName() + ": " + error.getMessage();
  }

  @Test
  void readAhead_soundAndDamagedFiles_sameRowsAndSameErrorAsTheSequentialRead() throws IOException {
    int damaged = 0;
    for (long seed = SEED; seed < SEED + 60; seed++) {
      Random random = new Random(seed);
      String json = array(random, random.nextInt(1_200));
      String variant = "sound";
      switch ((int) (seed % 6)) {
        case 1 -> { // cut anywhere
          json = json.substring(0, random.nextInt(json.length() + 1));
          variant = "truncated";
        }
        case 2 -> {
          json = json.replaceFirst("\"name\":", "\"name\": 1, \"name\":");
          variant = "duplicate field";
        }
        case 3 -> {
          json = json + " []";
          variant = "content after the array";
        }
        case 4 -> {
          int at = json.lastIndexOf('}');
          json = at < 0 ? "{}" : json.substring(0, at + 1) + ", 42]";
          variant = "an element that is not an object";
        }
        default -> { }
      }
      Path file = tmp.resolve("f" + seed + ".json");
      Files.writeString(file, json, StandardCharsets.UTF_8);
      Set<String> keep = seed % 5 == 0 ? Set.of("id", "name") : null;

      Outcome expected = sequential(file, keep);
      if (expected.error() != null) {
        damaged++;
      }
      for (int batch : BATCHES) {
        assertThat(ahead(file, keep, batch)).as("seed %d (%s), batch %d", seed, variant, batch).isEqualTo(expected);
      }
    }
    assertThat(damaged).as("the damaged variants are refused by the sequential read").isGreaterThanOrEqualTo(30);
  }

  @Test
  void readAhead_consumerThrows_sameExceptionAtOnce_andTheParsingThreadIsGone() throws IOException {
    Random random = new Random(SEED);
    Path file = tmp.resolve("rows.json");
    Files.writeString(file, array(random, 5_000), StandardCharsets.UTF_8);
    for (int stopAt : new int[] {0, 1, 511, 512, 513, 4_999}) {
      for (int batch : BATCHES) {
        IllegalStateException stop = new IllegalStateException("stop at " + stopAt);
        int[] seen = {0};
        assertThatThrownBy(() -> KitsuReader.readAhead(file, null, batch, row -> {
          if (seen[0]++ == stopAt) {
            throw stop;
          }
        })).as("seed %d, stop at %d, batch %d", SEED, stopAt, batch).isSameAs(stop);
        assertThat(seen[0]).as("seed %d, stop at %d, batch %d", SEED, stopAt, batch).isEqualTo(stopAt + 1);
        assertThat(parsingThreads()).as("seed %d, stop at %d, batch %d: no parsing thread left", SEED, stopAt, batch)
            .isEmpty();
      }
    }
  }

  @Test
  void readAhead_missingFileOrZeroBatch_refusedLikeTheSequentialRead() {
    Path missing = tmp.resolve("missing.json");
    assertThat(describe(catchThrowable(() -> KitsuReader.readAhead(missing, null, 8, row -> { }))))
        .isEqualTo(describe(catchThrowable(() -> KitsuReader.read(missing, null, row -> { }))))
        .startsWith("java.nio.file.NoSuchFileException");
    assertThatThrownBy(() -> KitsuReader.readAhead(missing, null, 0, row -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch");
    assertThat(parsingThreads()).isEmpty();
  }

  private static List<Thread> parsingThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("kitsu-read-")).toList();
  }

  /** A JSON array of {@code n} objects: ids, names, numbers, booleans, nulls, nested objects and lists. */
  private static String array(Random random, int n) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "\n" : ",\n").append("{\"id\": \"").append(new UUID(random.nextLong(), random.nextLong()))
          .append("\", \"name\": \"").append(name(random)).append('"');
      if (random.nextBoolean()) {
        out.append(", \"duration\": ").append(random.nextInt(10_000));
      }
      if (random.nextInt(4) == 0) {
        out.append(", \"ratio\": ").append(random.nextDouble());
      }
      if (random.nextInt(3) == 0) {
        out.append(", \"done\": ").append(random.nextBoolean()).append(", \"parent_id\": null");
      }
      if (random.nextInt(5) == 0) {
        out.append(", \"data\": {\"k\": [1, \"two\", {\"three\": 3}], \"upper\": \"")
            .append(new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(java.util.Locale.ROOT))
            .append("\"}");
      }
      out.append('}');
    }
    return out.append("\n]").toString();
  }

  private static String name(Random random) {
    StringBuilder name = new StringBuilder();
    for (int i = random.nextInt(40); i > 0; i--) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return random.nextInt(10) == 0 ? name + "\\u00e9\\\"" : name.toString();
  }
}
