package dev.prodtrack.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a news: a UUID, as in Kitsu.
 *
 * @param value the UUID
 */
public record NewsId(UUID value) implements Id {

  /** Checks the UUID is present. */
  public NewsId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses an id from its text form.
   *
   * @param text a UUID in its canonical text form
   * @return the id
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static NewsId of(String text) {
    return new NewsId(Id.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
