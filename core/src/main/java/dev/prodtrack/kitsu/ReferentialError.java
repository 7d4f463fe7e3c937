package dev.prodtrack.kitsu;

import java.util.Objects;
import java.util.UUID;

/**
 * A record of a Kitsu dump refers to a record the dump does not hold (or that the import dropped).
 *
 * @param collection the collection of the referring record
 * @param id the referring record's id
 * @param field the referring field, e.g. {@code entity_id} or {@code assignees}
 * @param missingId the id that was not found
 * @param recordDropped when the error was skipped: true if the whole record was left out (the field is
 *     required), false if only the reference was removed (a nullable field set to null, or a list element
 *     removed)
 */
public record ReferentialError(KitsuCollection collection, UUID id, String field, UUID missingId,
    boolean recordDropped) {

  /**
   * Checks for nulls.
   *
   * @throws NullPointerException if a component is null
   */
  public ReferentialError {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(missingId, "missingId");
  }

  @Override
  public String toString() {
    return collection.fileName() + " " + id + ": " + field + " refers to missing " + missingId
        + (recordDropped ? " (record dropped)" : " (reference removed)");
  }
}
