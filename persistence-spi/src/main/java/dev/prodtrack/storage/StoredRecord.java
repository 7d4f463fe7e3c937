package dev.prodtrack.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A record as a store keeps it: a key and an opaque payload.
 *
 * <p>The payload array is not copied, for speed: callers must not modify an array after handing it to
 * a store, nor one received from it.
 *
 * @param key the record's key
 * @param payload the record's bytes, interpreted only by the engine
 */
public record StoredRecord(RecordKey key, byte[] payload) {

  /**
   * Validates the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public StoredRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
  }

  /**
   * Compares key and payload content (not payload identity).
   *
   * @param o the object to compare with
   * @return true if {@code o} is a record with an equal key and an equal payload
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof StoredRecord r && key.equals(r.key) && Arrays.equals(payload, r.payload);
  }

  /**
   * A hash of the key and the payload content.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return 31 * key.hashCode() + Arrays.hashCode(payload);
  }

  /**
   * The key and the payload size; the payload bytes are left out.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "StoredRecord[" + key.kind() + "/" + key.id() + ", " + payload.length + " bytes]";
  }
}
