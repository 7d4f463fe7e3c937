package dev.prodtrack.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a stored task dependency: a UUID, as in Kitsu.
 *
 * @param value the UUID
 */
public record TaskDependencyId(UUID value) implements Id {

  /** Checks the UUID is present. */
  public TaskDependencyId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses an id from its text form.
   *
   * @param text a UUID in its canonical text form
   * @return the id
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static TaskDependencyId of(String text) {
    return new TaskDependencyId(Id.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
