package dev.prodtrack.storage;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Store#load} found.
 *
 * @param recordsLoaded the number of live records streamed to the sink
 * @param lastSequence the sequence number of the last change set recovered; 0 for an empty store
 * @param bytesTrimmed bytes of a torn tail removed during recovery (0 for adapters without a journal)
 * @param notes human-readable notes on what recovery did (trimmed tails, quarantined files); never null
 */
public record RecoveryReport(long recordsLoaded, long lastSequence, long bytesTrimmed, List<String> notes) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a count is negative
   * @throws NullPointerException if {@code notes} or one of its elements is null
   */
  public RecoveryReport {
    if (recordsLoaded < 0 || lastSequence < 0 || bytesTrimmed < 0) {
      throw new IllegalArgumentException("counts must be >= 0, were recordsLoaded=" + recordsLoaded
          + ", lastSequence=" + lastSequence + ", bytesTrimmed=" + bytesTrimmed);
    }
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
  }
}
