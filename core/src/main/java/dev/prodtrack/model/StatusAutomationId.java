package dev.prodtrack.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a status automation: a UUID, as in Kitsu.
 *
 * @param value the UUID
 */
public record StatusAutomationId(UUID value) implements Id {

  /** Checks the UUID is present. */
  public StatusAutomationId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses an id from its text form.
   *
   * @param text a UUID in its canonical text form
   * @return the id
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static StatusAutomationId of(String text) {
    return new StatusAutomationId(Id.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
