package dev.prodtrack.kitsu;

import dev.prodtrack.kitsu.KitsuFormatException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams one Kitsu dump file, a JSON array of objects, one {@link Row} per object; the row is reused, so
 * a consumer must take what it needs before returning. Only one record's fields are in memory at a time.
 *
 * <p>Limits (Jackson's {@link StreamReadConstraints}): nesting {@value #MAX_NESTING_DEPTH} deep (the file's
 * array counts), strings of {@value #MAX_STRING_LENGTH} chars, numbers of {@value #MAX_NUMBER_LENGTH}
 * chars, property names of {@value #MAX_NAME_LENGTH} chars. Duplicate properties in an object are refused
 * here rather than by Jackson's duplicate detection, which allocates a hash set per object.
 * The document length is not limited: a dump file grows with the production.
 */
final class KitsuReader {
  /** Deepest nesting, the file's array included: one more than a stored record allows for its own object. */
  static final int MAX_NESTING_DEPTH = 64;
  /** Longest string, in chars (a stored record's limit). */
  static final int MAX_STRING_LENGTH = 10 * 1024 * 1024;
  /** Longest number, in chars (a stored record's limit). */
  static final int MAX_NUMBER_LENGTH = 1000;
  /** Longest property name, in chars. */
  static final int MAX_NAME_LENGTH = 50_000;

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxNameLength(MAX_NAME_LENGTH)
          .build())
      .build();

  private KitsuReader() {}

  /**
   * Reads a file, handing each object to {@code sink} as a row.
   *
   * @param file the file
   * @param sink receives each row; may throw {@link KitsuFormatException}
   * @return the number of rows read
   * @throws IOException if the file cannot be read
   * @throws KitsuFormatException if the file is not an array of objects within the limits
   */
  static long read(Path file, Consumer<Row> sink) throws IOException {
    return read(file, null, sink);
  }

  /**
   * Reads a file, handing each object to {@code sink} as a row that holds only the fields named in
   * {@code keep}: the values of other fields are skipped unread ({@link JsonParser#skipChildren()} for
   * objects and arrays, strings and numbers left undecoded), so that neither their contents nor their
   * duplicates are checked here. The JSON syntax and the shape of the file (an array of objects) are
   * checked as by {@link #read(Path, Consumer)}.
   *
   * @param file the file
   * @param keep the top-level fields to read, or null for all of them
   * @param sink receives each row; may throw {@link KitsuFormatException}
   * @return the number of rows read
   * @throws IOException if the file cannot be read
   * @throws KitsuFormatException if the file is not an array of objects within the limits, or a kept field
   *     appears twice in an object
   */
  static long read(Path file, Set<String> keep, Consumer<Row> sink) throws IOException {
    Row row = new Row(file.getFileName().toString());
    return read(file, keep, () -> row, sink);
  }

  /**
   * Reads a file as {@link #read(Path, Set, Consumer)} does, on a second thread: that thread parses the
   * file into batches of {@code batch} rows while the calling thread hands the previous batch's rows to
   * {@code sink}, so that parsing and what {@code sink} does run on two cores. {@code sink} sees the
   * same rows in the same order, on the calling thread, and what either side throws reaches the caller
   * as the sequential read would throw it: an error of the file after the rows before it were handed
   * over, an exception of {@code sink} at once (the parsing thread is then stopped and joined before
   * this method returns or throws; no thread outlives the call). At most three batches of rows exist.
   *
   * @param file the file
   * @param keep the top-level fields to read, or null for all of them
   * @param batch rows per batch, at least 1
   * @param sink receives each row on the calling thread; may throw {@link KitsuFormatException}
   * @return the number of rows read
   * @throws IOException if the file cannot be read, or the calling thread is interrupted while waiting
   *     ({@link java.io.InterruptedIOException}, with the thread's interrupt status set again)
   * @throws KitsuFormatException as {@link #read(Path, Set, Consumer)}
   */
  static long readAhead(Path file, Set<String> keep, int batch, Consumer<Row> sink) throws IOException {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, was " + batch);
    }
    ReadAhead ahead = new ReadAhead(file, keep, batch);
    Thread parser = new Thread(ahead::parse, "kitsu-read-" + file.getFileName());
    parser.setDaemon(true);
    parser.start();
    boolean done = false;
    try {
      long count = ahead.drain(sink);
      done = true;
      return count;
    } finally {
      if (!done) {
        parser.interrupt();
      }
      boolean interrupted = false;
      while (true) {
        try {
          parser.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          parser.interrupt();
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Rows parsed ahead of their consumer: batches passed between the two threads through two queues. */
  private static final class ReadAhead {
    /** Rows of one batch; {@code error} or {@code last} closes the stream of batches. */
    private static final class Batch {
      final Row[] rows;
      int size;
      Throwable error;
      boolean last;

      Batch(String file, int n) {
        rows = new Row[n];
        for (int i = 0; i < n; i++) {
          rows[i] = new Row(file);
        }
      }
    }

    /** Thrown inside the parsing thread to unwind it once the consumer is gone. */
    private static final class Stopped extends RuntimeException {
      Stopped() {
        super(null, null, false, false);
      }
    }

    private final Path file;
    private final Set<String> keep;
    private final java.util.concurrent.BlockingQueue<Batch> filled = new java.util.concurrent.ArrayBlockingQueue<>(3);
    private final java.util.concurrent.BlockingQueue<Batch> free = new java.util.concurrent.ArrayBlockingQueue<>(3);
    /** The batch the parsing thread fills (its own field: only that thread touches it). */
    private Batch filling;

    ReadAhead(Path file, Set<String> keep, int batch) {
      this.file = file;
      this.keep = keep;
      String name = file.getFileName().toString();
      for (int i = 0; i < 3; i++) {
        free.add(new Batch(name, batch));
      }
    }

    /** The parsing thread: fills batches until the file ends or fails, then hands over the last one. */
    void parse() {
      try {
        filling = take(free);
        filling.size = 0;
        read(file, keep, () -> filling.rows[filling.size], row -> {
          if (++filling.size == filling.rows.length) {
            put(filling);
            filling = take(free);
            filling.size = 0;
          }
        });
        filling.last = true;
        put(filling);
      } catch (Stopped stopped) {
        // the consumer is gone: nothing to hand over
      } catch (IOException | RuntimeException | Error e) {
        if (filling != null && !Thread.currentThread().isInterrupted()) {
          filling.error = e;
          try {
            put(filling);
          } catch (Stopped stopped) {
            // the consumer is gone
          }
        }
      }
    }

    private static Batch take(java.util.concurrent.BlockingQueue<Batch> queue) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        throw new Stopped();
      }
    }

    private void put(Batch b) {
      try {
        filled.put(b);
      } catch (InterruptedException e) {
        throw new Stopped();
      }
    }

    /** The calling thread: hands every row to {@code sink}, batch by batch, until the last or a failure. */
    long drain(Consumer<Row> sink) throws IOException {
      long count = 0;
      while (true) {
        Batch b;
        try {
          b = filled.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while reading " + file);
        }
        for (int i = 0; i < b.size; i++) {
          sink.accept(b.rows[i]);
        }
        count += b.size;
        if (b.error != null) {
          if (b.error instanceof IOException io) {
            throw io;
          } else if (b.error instanceof RuntimeException re) {
            throw re;
          }
          throw (Error) b.error;
        }
        if (b.last) {
          return count;
        }
        free.add(b);
      }
    }
  }

  /**
   * The sequential read: each object's row comes from {@code rows} (the same row again, or the next one
   * of a batch), is reset and filled, then handed to {@code sink}.
   */
  private static long read(Path file, Set<String> keep, java.util.function.Supplier<Row> rows, Consumer<Row> sink)
      throws IOException {
    String name = file.getFileName().toString();
    long count = 0;
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
      try {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_ARRAY) {
          throw at(name, p, Problem.WRONG_TYPE, null, "a Kitsu dump file holds one JSON array, found "
              + describe(t));
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == null) {
            throw at(name, p, Problem.MALFORMED_JSON, null, "the file ends inside the array");
          }
          if (t != JsonToken.START_OBJECT) {
            throw at(name, p, Problem.WRONG_TYPE, "[" + count + "]", "expected an object, found " + describe(t));
          }
          TokenStreamLocation start = p.currentTokenLocation();
          Row row = rows.get();
          row.reset(start.getLineNr(), start.getColumnNr());
          String field;
          while ((field = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            if (keep != null && !keep.contains(field)) {
              if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                p.skipChildren();
              }
              continue;
            }
            TokenStreamLocation at = p.currentTokenLocation();
            if (row.contains(field)) {
              throw at(name, p, Problem.DUPLICATE_FIELD, field, "the field appears twice in the object");
            }
            row.add(field, value(name, p, keep == null ? LOWER_CASE_IDS : ANY_CASE_IDS), at.getLineNr(),
                at.getColumnNr());
          }
          sink.accept(row);
          count++;
        }
        if (p.nextToken() != null) {
          throw at(name, p, Problem.MALFORMED_JSON, null, "content after the array");
        }
      } catch (JacksonException e) {
        throw fromJackson(name, p, e);
      }
    } catch (JacksonException e) {
      throw fromJackson(name, null, e);
    }
    return count;
  }

  /** Strings in the canonical UUID form, either case, are read as {@link UUID}s (first pass: ids only). */
  private static final int ANY_CASE_IDS = 1;
  /**
   * Strings in the canonical UUID form in lower case are read as {@link UUID}s, whose {@link UUID#toString}
   * gives back the same text (second pass: every field, ids or not).
   */
  private static final int LOWER_CASE_IDS = 2;

  /**
   * Reads the value the parser is on, objects and arrays recursively (depth bounded by the constraints).
   * A string in the canonical UUID form (see {@code ids}) is read straight from the parser's buffer into a
   * {@link UUID}, without a {@code String}: most values of a dump are ids. {@link Row}'s getters take such
   * a value as its text.
   *
   * @param ids {@link #ANY_CASE_IDS} or {@link #LOWER_CASE_IDS}
   */
  private static Object value(String file, JsonParser p, int ids) {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        String key;
        while ((key = p.nextName()) != null) {
          if (map.containsKey(key)) {
            throw at(file, p, Problem.DUPLICATE_FIELD, key, "the field appears twice in a nested object");
          }
          p.nextToken();
          map.put(key, value(file, p, ids));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(file, p, ids));
        }
        return list;
      }
      case VALUE_STRING: {
        UUID id = uuid(p.getStringCharacters(), p.getStringOffset(), p.getStringLength(), ids == ANY_CASE_IDS);
        return id != null ? id : p.getString();
      }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        try {
          if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
          }
          JsonParser.NumberType type = p.getNumberType();
          if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
            return p.getLongValue();
          }
          return p.getBigIntegerValue();
        } catch (NumberFormatException e) {
          // within the length limit but not representable, e.g. 1E2147483648 (BigDecimal's scale is an int)
          throw at(file, p, Problem.INVALID_VALUE, null, "the number " + abbreviated(p.getString())
              + " is out of range");
        }
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected token " + t);
    }
  }

  /**
   * A UUID in the canonical 8-4-4-4-12 hex form (either case), as {@link UUID#fromString} reads it, or null
   * for any other text.
   */
  static UUID uuid(char[] text, int offset, int length) {
    return uuid(text, offset, length, true);
  }

  /**
   * A UUID in the canonical 8-4-4-4-12 hex form, or null for any other text.
   *
   * @param anyCase whether upper-case hex digits are taken; if not, only a lower-case UUID, whose
   *     {@link UUID#toString} is the text itself, is read
   */
  static UUID uuid(char[] text, int offset, int length, boolean anyCase) {
    if (length != 36 || text[offset + 8] != '-' || text[offset + 13] != '-' || text[offset + 18] != '-'
        || text[offset + 23] != '-') {
      return null;
    }
    long most = 0;
    long least = 0;
    int nibbles = 0;
    for (int i = offset, end = offset + 36; i < end; i++) {
      char c = text[i];
      if (c == '-' && (i - offset == 8 || i - offset == 13 || i - offset == 18 || i - offset == 23)) {
        continue;
      }
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (anyCase && c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else {
        return null;
      }
      if (nibbles++ < 16) {
        most = most << 4 | d;
      } else {
        least = least << 4 | d;
      }
    }
    return new UUID(most, least);
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the file";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a fractional number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }

  private static KitsuFormatException at(String file, JsonParser p, Problem problem, String field, String detail) {
    TokenStreamLocation l = p.currentTokenLocation();
    return new KitsuFormatException(file, l.getLineNr(), Math.max(1, l.getColumnNr()), problem, field, detail, null);
  }

  private static KitsuFormatException fromJackson(String file, JsonParser p, JacksonException e) {
    TokenStreamLocation l = e.getLocation();
    if (l == null && p != null) {
      l = p.currentLocation();
    }
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    Problem problem = Problem.MALFORMED_JSON;
    if (e instanceof StreamConstraintsException) {
      if (message.contains("nesting depth")) {
        problem = Problem.NESTING_TOO_DEEP;
      } else if (message.contains("String value length")) {
        problem = Problem.STRING_TOO_LONG;
      } else if (message.contains("Name length")) {
        problem = Problem.NAME_TOO_LONG;
      } else {
        problem = Problem.NUMBER_TOO_LONG;
      }
    } else if (message.startsWith("Duplicate Object property")) {
      problem = Problem.DUPLICATE_FIELD;
    }
    String detail = message.length() > 300 ? message.substring(0, 300) + "..." : message;
    return new KitsuFormatException(file, l == null ? -1 : l.getLineNr(), l == null ? -1 : Math.max(1, l.getColumnNr()),
        problem, null, detail, e);
  }
}
