package dev.prodtrack;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * A minimal JSON writer into a reusable byte buffer, for the record codec's hot path.
 *
 * <p>Design note. Encoding records is on every mutation's path, so this writer avoids what a general
 * generator pays for: no output stream, no buffer-recycler pool, no formatter objects. It writes UTF-8;
 * strings escape the quote, the backslash, control characters and lone surrogates ({@code \\uXXXX}), as
 * any JSON parser expects. Commas are placed from a per-depth "first element" flag; nesting deeper than
 * the limit is refused. Not thread-safe: one instance per thread (see {@link #forThisThread()}).
 */
final class JsonWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<JsonWriter> PER_THREAD = ThreadLocal.withInitial(JsonWriter::new);

  /** Field names are mostly the codec's string literals: keep their encoded form, by identity. */
  private static final int MAX_CACHED_NAMES = 256;

  private final java.util.IdentityHashMap<String, byte[]> names = new java.util.IdentityHashMap<>();
  private final int maxDepth;
  private byte[] buf = new byte[1024];
  private int len;
  private boolean[] first = new boolean[16];
  private int depth;
  private boolean afterName;

  JsonWriter() {
    this(RecordCodec.MAX_NESTING_DEPTH);
  }

  JsonWriter(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  /**
   * This thread's writer, reset and ready for a new document.
   *
   * @return the writer
   */
  static JsonWriter forThisThread() {
    JsonWriter w = PER_THREAD.get();
    w.reset();
    return w;
  }

  void reset() {
    len = 0;
    depth = 0;
    afterName = false;
    if (buf.length > 1 << 20) {
      buf = new byte[1024];
    }
  }

  int size() {
    return len;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  void writeStartObject() {
    beforeValue();
    open((byte) '{');
  }

  void writeEndObject() {
    close((byte) '}');
  }

  void writeStartArray() {
    beforeValue();
    open((byte) '[');
  }

  void writeEndArray() {
    close((byte) ']');
  }

  void writeName(String name) {
    if (depth == 0) {
      throw new IllegalStateException("a name outside an object");
    }
    byte[] encoded = names.get(name);
    if (encoded == null) {
      int start = len;
      if (!first[depth]) {
        put((byte) ',');
      }
      quoted(name);
      put((byte) ':');
      if (names.size() < MAX_CACHED_NAMES) {
        // Cache the quoted name with its colon (not the comma, which depends on position).
        int from = first[depth] ? start : start + 1;
        names.put(name, Arrays.copyOfRange(buf, from, len));
      }
    } else {
      ensure(encoded.length + 1);
      if (!first[depth]) {
        buf[len++] = ',';
      }
      System.arraycopy(encoded, 0, buf, len, encoded.length);
      len += encoded.length;
    }
    first[depth] = false;
    afterName = true;
  }

  void writeNull() {
    beforeValue();
    ascii("null");
  }

  void writeBoolean(boolean value) {
    beforeValue();
    ascii(value ? "true" : "false");
  }

  void writeNumber(long value) {
    beforeValue();
    ascii(Long.toString(value));
  }

  void writeNumber(int value) {
    beforeValue();
    ascii(Integer.toString(value));
  }

  void writeNumber(double value) {
    beforeValue();
    ascii(Double.toString(value));
  }

  void writeNumber(float value) {
    beforeValue();
    ascii(Float.toString(value));
  }

  /** A number already in JSON form (digits, sign, fraction, exponent). */
  void writeNumber(String jsonNumber) {
    beforeValue();
    ascii(jsonNumber);
  }

  void writeString(String value) {
    beforeValue();
    quoted(value);
  }

  /** A UUID in its canonical 36-character form, quoted. */
  void writeUuid(UUID id) {
    beforeValue();
    ensure(38);
    buf[len++] = '"';
    long hi = id.getMostSignificantBits();
    long lo = id.getLeastSignificantBits();
    hex(hi >>> 32, 8);
    buf[len++] = '-';
    hex(hi >>> 16, 4);
    buf[len++] = '-';
    hex(hi, 4);
    buf[len++] = '-';
    hex(lo >>> 48, 4);
    buf[len++] = '-';
    hex(lo, 12);
    buf[len++] = '"';
  }

  /**
   * A naive UTC date-time, {@code yyyy-MM-ddTHH:mm:ss} plus the shortest fraction that keeps the
   * nanoseconds, quoted. Years outside 0..9999 are refused (the caller falls back to a formatter).
   */
  boolean writeDateTime(long epochSecond, int nano) {
    long days = Math.floorDiv(epochSecond, 86_400L);
    int secs = (int) Math.floorMod(epochSecond, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(days);
    if (date.getYear() < 0 || date.getYear() > 9999) {
      return false;
    }
    beforeValue();
    ensure(32);
    buf[len++] = '"';
    dateDigits(date);
    buf[len++] = 'T';
    two(secs / 3600);
    buf[len++] = ':';
    two(secs / 60 % 60);
    buf[len++] = ':';
    two(secs % 60);
    if (nano != 0) {
      buf[len++] = '.';
      int digits = 9;
      int n = nano;
      while (n % 10 == 0) {
        n /= 10;
        digits--;
      }
      int start = len;
      for (int i = digits - 1; i >= 0; i--) {
        buf[start + i] = (byte) ('0' + n % 10);
        n /= 10;
      }
      len += digits;
    }
    buf[len++] = '"';
    return true;
  }

  /** A plain date {@code yyyy-MM-dd}, quoted; years outside 0..9999 are refused. */
  boolean writeDate(LocalDate date) {
    if (date.getYear() < 0 || date.getYear() > 9999) {
      return false;
    }
    beforeValue();
    ensure(12);
    buf[len++] = '"';
    dateDigits(date);
    buf[len++] = '"';
    return true;
  }

  private void dateDigits(LocalDate date) {
    int y = date.getYear();
    buf[len++] = (byte) ('0' + y / 1000);
    buf[len++] = (byte) ('0' + y / 100 % 10);
    buf[len++] = (byte) ('0' + y / 10 % 10);
    buf[len++] = (byte) ('0' + y % 10);
    buf[len++] = '-';
    two(date.getMonthValue());
    buf[len++] = '-';
    two(date.getDayOfMonth());
  }

  private void two(int v) {
    buf[len++] = (byte) ('0' + v / 10);
    buf[len++] = (byte) ('0' + v % 10);
  }

  private void hex(long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      buf[len + i] = HEX[(int) (v & 0xf)];
      v >>>= 4;
    }
    len += digits;
  }

  private void open(byte b) {
    if (depth + 1 > maxDepth) {
      throw new IllegalArgumentException("nesting depth " + (depth + 1) + " exceeds the maximum allowed ("
          + maxDepth + ")");
    }
    put(b);
    depth++;
    if (depth == first.length) {
      first = Arrays.copyOf(first, depth * 2);
    }
    first[depth] = true;
  }

  private void close(byte b) {
    if (depth == 0) {
      throw new IllegalStateException("nothing to close");
    }
    depth--;
    put(b);
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (!first[depth]) {
        put((byte) ',');
      }
      first[depth] = false;
    }
  }

  private void quoted(String s) {
    int n = s.length();
    // Three bytes per char covers UTF-8 (a surrogate pair takes four for two chars) and two-char
    // escapes; a six-byte escape re-ensures room for itself and the chars after it.
    ensure(3 * n + 2);
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c == '"' || c == '\\') {
          buf[len++] = '\\';
          buf[len++] = (byte) c;
        } else if (c < 0x20) {
          escape(c, n - i - 1);
        } else {
          buf[len++] = (byte) c;
        }
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xc0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xf0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        escape(c, n - i - 1);
      } else {
        buf[len++] = (byte) (0xe0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    ensure(1);
    buf[len++] = '"';
  }

  private void escape(char c, int charsAfter) {
    ensure(6 + 3 * charsAfter + 1);
    buf[len++] = '\\';
    switch (c) {
      case '\n' -> buf[len++] = 'n';
      case '\r' -> buf[len++] = 'r';
      case '\t' -> buf[len++] = 't';
      case '\b' -> buf[len++] = 'b';
      case '\f' -> buf[len++] = 'f';
      default -> {
        buf[len++] = 'u';
        buf[len++] = HEX_UPPER[(c >> 12) & 0xf];
        buf[len++] = HEX_UPPER[(c >> 8) & 0xf];
        buf[len++] = HEX_UPPER[(c >> 4) & 0xf];
        buf[len++] = HEX_UPPER[c & 0xf];
      }
    }
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
