package dev.prodtrack.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a comment: a UUID, as in Kitsu.
 *
 * @param value the UUID
 */
public record CommentId(UUID value) implements Id {

  /** Checks the UUID is present. */
  public CommentId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses an id from its text form.
   *
   * @param text a UUID in its canonical text form
   * @return the id
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static CommentId of(String text) {
    return new CommentId(Id.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
