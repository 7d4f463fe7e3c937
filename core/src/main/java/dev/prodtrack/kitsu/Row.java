package dev.prodtrack.kitsu;

import dev.prodtrack.kitsu.KitsuFormatException.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One object of a dump file: its fields in file order, each with the line and column of its value. The
 * typed getters mark a field as used and throw {@link KitsuFormatException} at the field's position when
 * it is mistyped, invalid or (for required fields) absent or null. Reused from record to record.
 */
final class Row {
  static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT)
      .withChronology(IsoChronology.INSTANCE);
  /** Whole minutes up to this magnitude convert to a {@link Duration} without overflow. */
  private static final long MAX_EXACT_MINUTES = Long.MAX_VALUE / 60;
  private static final BigDecimal NANOS_PER_MINUTE = BigDecimal.valueOf(60_000_000_000L);
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  final String file;
  long line;
  long column;
  private int size;
  private String[] names = new String[32];
  private Object[] values = new Object[32];
  private int[] lines = new int[32];
  private int[] columns = new int[32];
  private boolean[] used = new boolean[32];
  /**
   * The fields by name: open-addressed on the name's hash (cached in the string, and Jackson hands the
   * same canonical string for each name), holding index + 1, 0 for an empty slot; at most half full.
   */
  private int[] table = new int[64];

  Row(String file) {
    this.file = file;
  }

  void reset(long line, long column) {
    this.line = line;
    this.column = column;
    Arrays.fill(values, 0, size, null);
    Arrays.fill(table, 0);
    size = 0;
  }

  /** The file, the object's position and its fields in the file's order, with their values (for messages and tests). */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file).append(':').append(line).append(':').append(column).append(" {");
    for (int i = 0; i < size; i++) {
      out.append(i == 0 ? "" : ", ").append(names[i]).append('@').append(lines[i]).append(':').append(columns[i])
          .append('=').append(values[i] instanceof String text ? '"' + text + '"' : String.valueOf(values[i]));
    }
    return out.append('}').toString();
  }

  /** Whether a field of that name was added to this row (does not mark it used). */
  boolean contains(String name) {
    return find(name) >= 0;
  }

  /** The index of the field of that name, or -1; does not mark it used. */
  private int find(String name) {
    int mask = table.length - 1;
    for (int slot = spread(name.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return -1;
      }
      String candidate = names[entry - 1];
      if (candidate == name || candidate.equals(name)) {
        return entry - 1;
      }
    }
  }

  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B1;
  }

  private void index(int i) {
    int mask = table.length - 1;
    int slot = spread(names[i].hashCode()) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = i + 1;
  }

  void add(String name, Object value, int line, int column) {
    if (size == names.length) {
      int n = size * 2;
      names = Arrays.copyOf(names, n);
      values = Arrays.copyOf(values, n);
      lines = Arrays.copyOf(lines, n);
      columns = Arrays.copyOf(columns, n);
      used = Arrays.copyOf(used, n);
      table = new int[2 * n];
      for (int i = 0; i < size; i++) {
        index(i);
      }
    }
    names[size] = name;
    values[size] = value;
    lines[size] = line;
    columns[size] = column;
    used[size] = false;
    index(size);
    size++;
  }

  private int indexOf(String name) {
    int i = find(name);
    if (i >= 0) {
      used[i] = true;
    }
    return i;
  }

  /** A UUID field read for error messages only: not marked used, null when absent or not a UUID. */
  UUID peekUuid(String name) {
    int i = find(name);
    if (i < 0) {
      return null;
    }
    return values[i] instanceof UUID u ? u : values[i] instanceof String s ? parseUuid(s) : null;
  }

  /** Whether the field is present (null or not); marks it used. */
  boolean has(String name) {
    return indexOf(name) >= 0;
  }

  /** The raw value, or null when absent or null; marks the field used. */
  Object raw(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  KitsuFormatException error(String name, Problem problem, String detail) {
    int i = name == null ? -1 : position(name);
    return i < 0
        ? new KitsuFormatException(file, line, column, problem, name, detail, null)
        : new KitsuFormatException(file, lines[i], columns[i], problem, name, detail, null);
  }

  private int position(String name) {
    int dot = name.indexOf('[');
    String top = dot < 0 ? name : name.substring(0, dot);
    return find(top);
  }

  private KitsuFormatException mistyped(String name, String expected, Object found) {
    return error(name, Problem.WRONG_TYPE, "expected " + expected + ", found " + describe(found));
  }

  static String describe(Object v) {
    if (v == null) {
      return "null";
    } else if (v instanceof String s) {
      return "the string " + quote(s);
    } else if (v instanceof UUID u) {
      return "the string " + quote(u.toString());
    } else if (v instanceof Boolean) {
      return "a boolean";
    } else if (v instanceof Number n) {
      return "the number " + quote(n.toString());
    } else if (v instanceof List) {
      return "an array";
    }
    return "an object";
  }

  static String quote(String value) {
    return value.length() <= 60 ? "'" + value + "'" : "'" + value.substring(0, 60) + "...' (" + value.length() + " chars)";
  }

  private <T> T required(String name, T value) {
    if (value == null) {
      throw error(name, Problem.MISSING_FIELD, "required field is missing or null");
    }
    return value;
  }

  String string(String name) {
    return string(name, raw(name));
  }

  private String string(String name, Object v) {
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof UUID u) {
      return u.toString(); // a first-pass value read as a UUID (see KitsuReader)
    }
    throw mistyped(name, "a string", v);
  }

  String requiredString(String name) {
    return required(name, string(name));
  }

  String string(String name, String fallback) {
    String s = string(name);
    return s == null ? fallback : s;
  }

  UUID uuid(String name) {
    return uuid(name, raw(name));
  }

  private UUID uuid(String name, Object v) {
    if (v instanceof UUID u) {
      return u;
    }
    String text = string(name, v);
    if (text == null) {
      return null;
    }
    UUID id = parseUuid(text);
    if (id == null) {
      throw error(name, Problem.INVALID_VALUE, "not a UUID: " + quote(text));
    }
    return id;
  }

  UUID requiredUuid(String name) {
    return required(name, uuid(name));
  }

  <T> T id(String name, Function<UUID, T> wrap) {
    UUID id = uuid(name);
    return id == null ? null : wrap.apply(id);
  }

  boolean bool(String name, boolean fallback) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw mistyped(name, "true or false", v);
  }

  Boolean boolOrNull(String name) {
    Object v = raw(name);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    throw mistyped(name, "true or false", v);
  }

  Integer integerOrNull(String name) {
    Object v = raw(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Long l) {
      if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
        throw error(name, Problem.INVALID_VALUE, "integer out of range: " + l);
      }
      return (int) (long) l;
    }
    if (v instanceof BigInteger) {
      throw error(name, Problem.INVALID_VALUE, "integer out of range: " + quote(v.toString()));
    }
    if (v instanceof BigDecimal d) {
      try {
        return d.intValueExact();
      } catch (ArithmeticException e) {
        throw error(name, Problem.INVALID_VALUE, "not an integer in range: " + quote(d.toString()));
      }
    }
    throw mistyped(name, "an integer", v);
  }

  int integer(String name, int fallback) {
    Integer i = integerOrNull(name);
    return i == null ? fallback : i;
  }

  long longInteger(String name, long fallback) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof BigInteger || v instanceof BigDecimal) {
      throw error(name, Problem.INVALID_VALUE, "not an integer in range: " + quote(v.toString()));
    }
    throw mistyped(name, "an integer", v);
  }

  /** Minutes as any JSON number, rounded half-up to the nanosecond; absent or null gives the fallback. */
  Duration minutes(String name, Duration fallback) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    BigDecimal minutes;
    if (v instanceof Long l) {
      if (Math.abs(l) <= MAX_EXACT_MINUTES) {
        return Duration.ofMinutes(l); // whole minutes, the common case: no decimal arithmetic
      }
      minutes = BigDecimal.valueOf(l);
    } else if (v instanceof BigInteger b) {
      minutes = new BigDecimal(b);
    } else if (v instanceof BigDecimal d) {
      minutes = d;
    } else {
      throw mistyped(name, "a number of minutes", v);
    }
    if (minutes.signum() == 0) {
      return Duration.ZERO;
    }
    if (minutes.precision() - minutes.scale() > 19) {
      throw error(name, Problem.INVALID_VALUE, "minutes out of the duration range: " + quote(minutes.toString()));
    }
    if (minutes.precision() - minutes.scale() < -12) {
      return Duration.ZERO;
    }
    BigInteger nanos = minutes.multiply(NANOS_PER_MINUTE).setScale(0, RoundingMode.HALF_UP).toBigInteger();
    BigInteger[] sn = nanos.divideAndRemainder(NANOS_PER_SECOND);
    try {
      return Duration.ofSeconds(sn[0].longValueExact(), sn[1].longValue());
    } catch (ArithmeticException e) {
      throw error(name, Problem.INVALID_VALUE, "minutes out of the duration range: " + quote(minutes.toString()));
    }
  }

  Instant instant(String name) {
    return instant(name, raw(name));
  }

  private Instant instant(String name, Object v) {
    String text = string(name, v);
    if (text == null) {
      return null;
    }
    try {
      Instant fast = parseSimpleInstant(text);
      return fast != null ? fast : LocalDateTime.parse(text, DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw error(name, Problem.INVALID_VALUE, "expected a naive UTC date-time yyyy-MM-ddTHH:mm:ss, found "
          + quote(text));
    }
  }

  Instant requiredInstant(String name) {
    return required(name, instant(name));
  }

  /**
   * A plain date, written {@code yyyy-MM-dd}; a naive date-time at midnight (zou's task dates) is accepted.
   * Years outside 1..9999 (beyond what Kitsu stores) are refused.
   */
  LocalDate date(String name) {
    LocalDate d = parseDate(name);
    if (d != null && (d.getYear() < 1 || d.getYear() > 9999)) {
      throw error(name, Problem.INVALID_VALUE, "expected a date in the years 0001..9999, found " + d);
    }
    return d;
  }

  private LocalDate parseDate(String name) {
    String text = string(name);
    if (text == null) {
      return null;
    }
    try {
      if (text.length() > 10) {
        LocalDateTime dt = LocalDateTime.parse(text, DATE_TIME);
        if (!dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
          throw error(name, Problem.INVALID_VALUE, "expected a date; a date-time must be at midnight, found "
              + quote(text));
        }
        return dt.toLocalDate();
      }
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeException e) {
      throw error(name, Problem.INVALID_VALUE, "expected a date yyyy-MM-dd, found " + quote(text));
    }
  }

  LocalDate requiredDate(String name) {
    return required(name, date(name));
  }

  /** A list of values; absent or null gives an empty list. */
  List<Object> list(String name) {
    Object v = raw(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) l;
      return list;
    }
    throw mistyped(name, "an array", v);
  }

  /** A list of UUIDs; absent or null gives an empty list. */
  List<UUID> uuids(String name) {
    List<Object> raw = list(name);
    List<UUID> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Object v = raw.get(i);
      String element = name + "[" + i + "]";
      out.add(required(element, uuid(element, v)));
    }
    return out;
  }

  /** A list of objects; absent or null gives an empty list. */
  List<Map<String, Object>> objects(String name) {
    List<Object> raw = list(name);
    List<Map<String, Object>> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Object v = raw.get(i);
      if (!(v instanceof Map)) {
        throw mistyped(name + "[" + i + "]", "an object", v);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) v;
      out.add(m);
    }
    return out;
  }

  /** Typed access to a nested object's fields, with errors at the enclosing field's position. */
  Nested nested(String path, Map<String, Object> object) {
    return new Nested(path, object);
  }

  /** A nested object (a reply, a checklist item, an attachment). */
  final class Nested {
    private final String path;
    private final Map<String, Object> m;

    Nested(String path, Map<String, Object> m) {
      this.path = path;
      this.m = m;
    }

    private String at(String field) {
      return path + "." + field;
    }

    String string(String field) {
      return Row.this.string(at(field), m.get(field));
    }

    String requiredString(String field) {
      return required(at(field), string(field));
    }

    UUID uuid(String field) {
      return Row.this.uuid(at(field), m.get(field));
    }

    UUID requiredUuid(String field) {
      return required(at(field), uuid(field));
    }

    Instant requiredInstant(String field) {
      return required(at(field), Row.this.instant(at(field), m.get(field)));
    }

    boolean bool(String field, boolean fallback) {
      Object v = m.get(field);
      if (v == null) {
        return fallback;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      throw mistyped(at(field), "true or false", v);
    }

    long longInteger(String field, long fallback) {
      Object v = m.get(field);
      if (v == null) {
        return fallback;
      }
      if (v instanceof Long l) {
        return l;
      }
      throw mistyped(at(field), "an integer", v);
    }

    List<UUID> uuids(String field) {
      Object v = m.get(field);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> l)) {
        throw mistyped(at(field), "an array", v);
      }
      List<UUID> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        String element = at(field) + "[" + i + "]";
        out.add(required(element, Row.this.uuid(element, l.get(i))));
      }
      return out;
    }
  }

  /**
   * The record's {@code data} with the unknown fields added (a key {@code data} already holds is not
   * overwritten, and the field counts as ignored); call after every modelled field was read.
   *
   * @param notModelled Kitsu fields of the collection the engine does not model: counted as ignored
   * @param stats where the counts go
   */
  Map<String, Object> dataWithUnknown(Set<String> notModelled, FieldStats stats) {
    Object v = raw("data");
    Map<String, Object> data;
    if (v == null) {
      data = new LinkedHashMap<>();
    } else if (v instanceof Map<?, ?> m) {
      data = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        data.put((String) e.getKey(), dataValue(e.getValue()));
      }
    } else {
      throw mistyped("data", "an object", v);
    }
    for (int i = 0; i < size; i++) {
      if (used[i]) {
        continue;
      }
      if (notModelled.contains(names[i]) || data.containsKey(names[i])) {
        stats.ignored(file, names[i]);
      } else {
        data.put(names[i], dataValue(values[i]));
        stats.keptInData(file, names[i]);
      }
    }
    return data;
  }

  /** Counts the fields nobody read as ignored; for records without {@code data}. */
  void finish(FieldStats stats) {
    for (int i = 0; i < size; i++) {
      if (!used[i]) {
        stats.ignored(file, names[i]);
      }
    }
  }

  /** Data numbers as a stored record decodes them: fractions become doubles. */
  private Object dataValue(Object v) {
    if (v instanceof UUID u) {
      return u.toString(); // a string the reader kept as a UUID (lower case: the same text)
    } else if (v instanceof BigDecimal d) {
      double value = d.doubleValue();
      if (!Double.isFinite(value)) {
        throw error("data", Problem.INVALID_VALUE, "number out of the double range: " + quote(d.toString()));
      }
      return value;
    } else if (v instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        copy.put((String) e.getKey(), dataValue(e.getValue()));
      }
      return copy;
    } else if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object o : l) {
        copy.add(dataValue(o));
      }
      return copy;
    }
    return v;
  }

  /**
   * The common shape {@code yyyy-MM-ddTHH:mm:ss} without a fraction, parsed without a formatter (the
   * formatter costs about a microsecond, and a dump holds several date-times per record).
   *
   * @return the instant, or null when {@code text} has another shape (the formatter then decides)
   * @throws DateTimeException if the shape matches but a field is out of range
   */
  static Instant parseSimpleInstant(String text) {
    if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    if (hour > 23 || minute > 59 || second > 59) {
      throw new DateTimeException("time out of range: " + text);
    }
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second);
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Parses the canonical 8-4-4-4-12 hex form only. */
  static UUID parseUuid(String text) {
    if (text.length() != 36) {
      return null;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean ok = i == 8 || i == 13 || i == 18 || i == 23
          ? c == '-'
          : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return null;
      }
    }
    return UUID.fromString(text);
  }
}
