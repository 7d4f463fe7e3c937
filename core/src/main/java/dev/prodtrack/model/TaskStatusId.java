package dev.prodtrack.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a task status: a UUID, as in Kitsu.
 *
 * @param value the UUID
 */
public record TaskStatusId(UUID value) implements Id {

  /** Checks the UUID is present. */
  public TaskStatusId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses an id from its text form.
   *
   * @param text a UUID in its canonical text form
   * @return the id
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static TaskStatusId of(String text) {
    return new TaskStatusId(Id.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
