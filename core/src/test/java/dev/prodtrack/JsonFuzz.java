package dev.prodtrack;

import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.quicktheories.core.RandomnessSource;

/**
 * Hostile JSON for the decoder fuzzing of storage.md T8: mutations of a valid document, drawn from a
 * QuickTheories randomness source (so that failures shrink and replay from the seed). Byte-level
 * mutations (bit flips, overwrites, truncation, insertion, deletion and duplication of ranges) and
 * value replacements by what Jackson's read limits exist for: nesting around the depth limit and far
 * beyond, numbers around the length limit and with huge exponents, long and broken strings (NUL, lone
 * surrogates, invalid UTF-8), long property names, repeated properties, and strings past the length
 * limit (rarely: they cost 10 MiB each).
 */
public final class JsonFuzz {

  /** The string limit of the record codec and the Kitsu reader, in chars. */
  public static final int MAX_STRING_LENGTH = 10 * 1024 * 1024;

  private JsonFuzz() {}

  private static int pick(RandomnessSource in, int bound) {
    return integers().between(0, bound - 1).generate(in);
  }

  /**
   * Applies one to three random mutations to a copy of {@code json}.
   *
   * @param json a document
   * @param in the randomness
   * @return the mutated bytes
   */
  public static byte[] mutate(byte[] json, RandomnessSource in) {
    byte[] b = json.clone();
    int n = 1 + pick(in, 3);
    for (int i = 0; i < n; i++) {
      b = pick(in, 2) == 0 ? mutateBytes(b, in) : replaceValue(b, in);
    }
    return b;
  }

  /**
   * Random bytes, some of them JSON punctuation.
   *
   * @param in the randomness
   * @return up to 200 bytes
   */
  public static byte[] randomDocument(RandomnessSource in) {
    byte[] alphabet = "{}[]:,\"\\0123456789.eE+-truefalsn \u00e9".getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[pick(in, 201)];
    for (int i = 0; i < b.length; i++) {
      b[i] = pick(in, 2) == 0 ? alphabet[pick(in, alphabet.length)] : (byte) pick(in, 256);
    }
    return b;
  }

  private static byte[] mutateBytes(byte[] b, RandomnessSource in) {
    if (b.length == 0) {
      return new byte[] {(byte) pick(in, 256)};
    }
    int p = pick(in, b.length);
    switch (pick(in, 6)) {
      case 0 -> {
        b[p] ^= (byte) (1 << pick(in, 8));
        return b;
      }
      case 1 -> {
        byte[] values = {0, (byte) 0xFF, (byte) 0xC3, (byte) 0x80, '"', '\\', '{', '[', '}', ']', ',', ':', '9', '-'};
        b[p] = values[pick(in, values.length)];
        return b;
      }
      case 2 -> {
        return Arrays.copyOf(b, p);
      }
      case 3 -> {
        int len = Math.min(1 + pick(in, 32), b.length - p);
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, p);
        System.arraycopy(b, p + len, out, p, b.length - p - len);
        return out;
      }
      case 4 -> {
        int len = Math.min(1 + pick(in, 64), b.length - p);
        return splice(b, p, p, Arrays.copyOfRange(b, p, p + len));
      }
      default -> {
        return splice(b, p, p, randomDocument(in));
      }
    }
  }

  /** Replaces the value after a random ':' or '[' or ',' (up to the next ',', '}' or ']') by a hostile one. */
  private static byte[] replaceValue(byte[] b, RandomnessSource in) {
    int count = 0;
    for (byte x : b) {
      if (x == ':' || x == '[' || x == ',') {
        count++;
      }
    }
    if (count == 0) {
      return mutateBytes(b, in);
    }
    int target = pick(in, count);
    int start = -1;
    for (int i = 0, seen = 0; i < b.length; i++) {
      if (b[i] == ':' || b[i] == '[' || b[i] == ',') {
        if (seen++ == target) {
          start = i + 1;
          break;
        }
      }
    }
    int end = start;
    while (end < b.length && b[end] != ',' && b[end] != '}' && b[end] != ']') {
      end++;
    }
    return splice(b, start, end, hostileValue(in).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A hostile JSON value (or, for property names and repeats, a fragment).
   *
   * @param in the randomness
   * @return the text
   */
  public static String hostileValue(RandomnessSource in) {
    int[] depths = {2, 62, 63, 64, 65, 200, 5_000};
    int[] digits = {19, 20, 309, 999, 1_000, 1_001, 5_000};
    int[] lengths = {0, 1, 1_000, 100_000};
    switch (pick(in, 12)) {
      case 0: {
        int d = depths[pick(in, depths.length)];
        return "[".repeat(d) + "]".repeat(d);
      }
      case 1: {
        int d = depths[pick(in, depths.length)];
        return "{\"a\":".repeat(d) + "1" + "}".repeat(d);
      }
      case 2:
        return (pick(in, 2) == 0 ? "-" : "") + "9".repeat(digits[pick(in, digits.length)]);
      case 3: {
        String[] numbers = {"1e400", "-1e-400", "1E2147483648", "1e-2147483649", "0." + "0".repeat(998) + "1",
            "9223372036854775808", "-9223372036854775809", "1.7976931348623157E309", "NaN", "Infinity", "-0", "0x10",
            "01", "1.", ".5", "1e"};
        return numbers[pick(in, numbers.length)];
      }
      case 4:
        return "\"" + "x".repeat(lengths[pick(in, lengths.length)]) + "\"";
      case 5: {
        String[] strings = {"\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u12\"", "\"\\x41\"", "\"unterminated",
            "\"\t\"", "\"" + "\\\\".repeat(1_000) + "\""};
        return strings[pick(in, strings.length)];
      }
      case 6:
        return "{\"" + "n".repeat(pick(in, 2) == 0 ? 50_000 : 50_001) + "\":1}";
      case 7:
        return "1,\"id\":\"00000000-0000-0000-0000-000000000000\",\"id\":\"x\"";
      case 8: {
        String[] plain = {"null", "true", "false", "{}", "[]", "\"\"", "[null]", "{\"\":null}", "\"2025-02-30\"",
            "\"2025-01-01T25:00:00\"", "\"not-a-uuid\"", "-1", "2147483648", "1.5"};
        return plain[pick(in, plain.length)];
      }
      case 9:
        // a string at the length limit, or one char past it (rarely: each costs 10 MiB)
        if (pick(in, 200) == 0) {
          return "\"" + "s".repeat(MAX_STRING_LENGTH + pick(in, 2)) + "\"";
        }
        return "\"s\"";
      case 10: {
        StringBuilder s = new StringBuilder("[");
        for (int i = pick(in, 2_000); i > 0; i--) {
          s.append("1,");
        }
        return s.append("1]").toString();
      }
      default:
        return "\"\u00e9\u6f22\ud83d\ude00\"";
    }
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
    out.write(b, 0, from);
    out.writeBytes(insert);
    out.write(b, to, b.length - to);
    return out.toByteArray();
  }
}
