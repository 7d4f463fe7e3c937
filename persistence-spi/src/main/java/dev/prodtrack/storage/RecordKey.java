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

  /**
   * Equal kinds and equal ids. Written out (rather than the record's generated method) so that the
   * store's maps of live records compare the id, the part that differs, first and without indirection.
   *
   * @param o another object
   * @return whether {@code o} is a key of the same kind and id
   */
  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof RecordKey k && id.equals(k.id) && kind.equals(k.kind);
  }

  /**
   * The same value as the record's generated hash code ({@code 31 * kind.hashCode() + id.hashCode()}),
   * so that the iteration order of hash maps of keys does not change; both strings cache their hash.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + id.hashCode();
  }
}
