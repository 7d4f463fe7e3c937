package dev.prodtrack.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a task type: a UUID, as in Kitsu.
 *
 * @param value the UUID
 */
public record TaskTypeId(UUID value) implements Id {

  /** Checks the UUID is present. */
  public TaskTypeId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Whether {@code o} is a {@code TaskTypeId} of an equal UUID. Written out rather than left to the record's
   * generated method, which ids reach through megamorphic call sites (the hash maps of every id kind).
   *
   * @param o another object
   * @return true when equal
   */
  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof TaskTypeId other && value.equals(other.value));
  }

  /**
   * The UUID's hash code, the value the record's generated method gave (hash maps keep their order).
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * Parses an id from its text form.
   *
   * @param text a UUID in its canonical text form
   * @return the id
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static TaskTypeId of(String text) {
    return new TaskTypeId(Id.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
