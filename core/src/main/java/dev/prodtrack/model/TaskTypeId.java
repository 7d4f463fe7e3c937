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
