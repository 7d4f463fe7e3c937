package dev.prodtrack.storage;

/**
 * A record handed to a {@link DeferredEncoding} store before it is encoded: the store keeps it as it
 * is and asks for its bytes only when it needs them (to load them into a new session, say).
 *
 * <p>Implementations are immutable: {@link #encode()} returns the same bytes whenever, and from
 * whichever thread, it is called, and {@link #key()} the same key.
 */
public interface DeferredRecord {

  /**
   * The record's identity, cheaper to hash than its {@link #key()}: two deferred records have equal
   * identities if and only if they have equal keys.
   *
   * @return an object with value-based {@code equals} and {@code hashCode}, never null
   */
  Object identity();

  /**
   * The record's key.
   *
   * @return the key, never null
   */
  RecordKey key();

  /**
   * Encodes the record.
   *
   * @return the payload, never null; the caller may keep it but must not modify it
   */
  byte[] encode();
}
