package dev.prodtrack;

import java.util.Objects;

/**
 * A stored record could not be decoded: its bytes are not well-formed JSON, exceed the reader's size
 * limits, lack a required field, hold a field of the wrong type or a malformed id, or hold values that
 * break the record's own rules.
 *
 * <p>The store holding the record is damaged or was written by an incompatible version. Nothing is
 * built from a record that fails to decode; the exception says which record kind and, when the fault
 * lies in one field, which field (a path such as {@code replies[2].person_id} for nested values).
 */
public final class CorruptRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String field;

  /**
   * Creates the exception.
   *
   * @param kind the record kind being decoded, e.g. {@code "task"}
   * @param field the offending field or field path, or {@code null} if the fault is not in one field
   *     (malformed JSON outside any field, a rule spanning several fields)
   * @param reason what is wrong, echoing the bad value when it is short
   * @throws NullPointerException if {@code kind} or {@code reason} is null
   */
  public CorruptRecordException(String kind, String field, String reason) {
    this(kind, field, reason, null);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param kind the record kind being decoded, e.g. {@code "task"}
   * @param field the offending field or field path, or {@code null} if the fault is not in one field
   * @param reason what is wrong, echoing the bad value when it is short
   * @param cause the underlying parser or validation error, may be null
   * @throws NullPointerException if {@code kind} or {@code reason} is null
   */
  public CorruptRecordException(String kind, String field, String reason, Throwable cause) {
    super(message(kind, field, reason), cause);
    this.kind = kind;
    this.field = field;
  }

  private static String message(String kind, String field, String reason) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    return "corrupt " + kind + " record" + (field == null ? "" : ", field '" + field + "'") + ": " + reason;
  }

  /**
   * The kind of record that could not be decoded.
   *
   * @return e.g. {@code "task"} or {@code "comment"}, never null
   */
  public String kind() {
    return kind;
  }

  /**
   * The field at fault.
   *
   * @return the field name or path (e.g. {@code "task_status_id"}, {@code "replies[0].text"}), or
   *     {@code null} when the fault is not in one field
   */
  public String field() {
    return field;
  }
}
