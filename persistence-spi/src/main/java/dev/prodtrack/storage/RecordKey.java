package dev.prodtrack.storage;

import java.util.Objects;

/**
 * Identifies a record in a store: its kind (for example {@code "task"}) and its id within the kind.
 *
 * @param kind the record kind; non-blank, at most 64 characters
 * @param id the record id within its kind; non-blank, at most 256 characters
 */
public record RecordKey(String kind, String id) {

  /**
   * Validates both parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if a part is blank or too long
   */
  public RecordKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (kind.isBlank() || kind.length() > 64) {
      throw new IllegalArgumentException("kind must be 1..64 non-blank characters, was '" + kind + "'");
    }
    if (id.isBlank() || id.length() > 256) {
      throw new IllegalArgumentException("id must be 1..256 non-blank characters, was '" + id + "'");
    }
  }
}
