package dev.prodtrack.kitsu;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@link KitsuImport} did.
 *
 * @param imported records imported per collection (links count one each), in collection order
 * @param keptInData unknown fields moved into the record's {@code data}, counted per
 *     {@code "file: field"}, sorted
 * @param ignoredFields fields left out, counted per {@code "file: field"}, sorted: Kitsu fields the engine
 *     does not model and unknown fields of records that have no {@code data}
 * @param skipped the referential errors skipped (empty unless
 *     {@link ImportOptions#skipReferentialErrors()}), at most {@link KitsuImport#MAX_LISTED_ERRORS}
 * @param skippedCount how many referential errors were skipped in all
 * @param recordsWritten the engine records written to the store
 * @param changeSets the change sets committed
 */
public record ImportReport(Map<KitsuCollection, Long> imported, Map<String, Long> keptInData,
    Map<String, Long> ignoredFields, List<ReferentialError> skipped, long skippedCount, long recordsWritten,
    int changeSets) {

  /**
   * Checks for nulls and copies the collections (keeping their order).
   *
   * @throws NullPointerException if a component is null
   */
  public ImportReport {
    Map<KitsuCollection, Long> byCollection = new EnumMap<>(KitsuCollection.class);
    byCollection.putAll(Objects.requireNonNull(imported, "imported"));
    imported = Collections.unmodifiableMap(byCollection);
    keptInData = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(keptInData, "keptInData")));
    ignoredFields = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(ignoredFields, "ignoredFields")));
    skipped = List.copyOf(skipped);
  }

  /**
   * The number of records imported from one collection.
   *
   * @param collection the collection
   * @return the count, 0 if none
   */
  public long imported(KitsuCollection collection) {
    return imported.getOrDefault(collection, 0L);
  }
}
