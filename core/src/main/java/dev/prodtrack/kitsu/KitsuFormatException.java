package dev.prodtrack.kitsu;

import java.util.Objects;

/**
 * A Kitsu dump file is not what the importer can read: malformed JSON, input beyond the reader's limits,
 * a field of the wrong type, a missing required field, a value that is not a UUID, date or known name,
 * or the same id twice. The exception names the file, the line and column (1-based) where the problem
 * was found, the field when one is at fault, and the {@link Problem}. Nothing has been written to the
 * store when it is thrown.
 */
public final class KitsuFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the input. */
  public enum Problem {
    /** Not well-formed JSON (or not UTF-8). */
    MALFORMED_JSON,
    /** Arrays and objects nested deeper than the reader allows. */
    NESTING_TOO_DEEP,
    /** A string longer than the reader allows. */
    STRING_TOO_LONG,
    /** A number with more digits than the reader allows. */
    NUMBER_TOO_LONG,
    /** A property name longer than the reader allows. */
    NAME_TOO_LONG,
    /** The same property twice in one object. */
    DUPLICATE_FIELD,
    /** The same id twice in one collection. */
    DUPLICATE_ID,
    /** A value of the wrong JSON type (the file is not an array of objects, a number where a string goes, ...). */
    WRONG_TYPE,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A value of the right type that is not valid: not a UUID, a date, a known role, in range, ... */
    INVALID_VALUE
  }

  private final String file;
  private final long line;
  private final long column;
  private final Problem problem;
  private final String field;

  /**
   * Creates the exception.
   *
   * @param file the file name, not null
   * @param line the 1-based line, or -1 if unknown
   * @param column the 1-based column, or -1 if unknown
   * @param problem what is wrong, not null
   * @param field the offending field (a path such as {@code replies[0].person_id}), or null
   * @param detail what was found, echoing short values
   * @param cause the parser error, or null
   */
  public KitsuFormatException(String file, long line, long column, Problem problem, String field, String detail,
      Throwable cause) {
    super(Objects.requireNonNull(file, "file") + ":" + line + ":" + column + ": " + problem
        + (field == null ? "" : " in field '" + field + "'") + ": " + detail, cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = Objects.requireNonNull(problem, "problem");
    this.field = field;
  }

  /**
   * The file at fault.
   *
   * @return a file name such as {@code tasks.json}
   */
  public String file() {
    return file;
  }

  /**
   * Where the problem was found.
   *
   * @return the 1-based line, or -1 if unknown
   */
  public long line() {
    return line;
  }

  /**
   * Where the problem was found.
   *
   * @return the 1-based column, or -1 if unknown
   */
  public long column() {
    return column;
  }

  /**
   * What is wrong.
   *
   * @return the problem, never null
   */
  public Problem problem() {
    return problem;
  }

  /**
   * The field at fault.
   *
   * @return the field name or path, or null when the problem is not in one field
   */
  public String field() {
    return field;
  }
}
