package dev.prodtrack.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kitsu's free-form {@code data} JSON: an immutable map whose values are JSON-like ({@code null},
 * {@link String}, {@link Boolean}, {@link Number}, {@link List} and {@link Map} of those).
 */
public final class Data {
  private Data() {}

  /**
   * A deep, immutable copy of a JSON-like map; {@code null} gives an empty map. Keys keep their order.
   *
   * @param data the map to copy, may be null
   * @return an unmodifiable deep copy
   * @throws IllegalArgumentException if a value is not JSON-like
   */
  public static Map<String, Object> copyOf(Map<String, ?> data) {
    if (data == null || data.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : data.entrySet()) {
      if (e.getKey() == null) {
        throw new IllegalArgumentException("data keys must not be null");
      }
      copy.put(e.getKey(), copyValue(e.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Merges {@code changes} into {@code base} key by key, as Kitsu's task update does.
   *
   * @param base the current data
   * @param changes the keys to set
   * @return the merged, immutable data
   */
  public static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> changes) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    merged.putAll(changes);
    return copyOf(merged);
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      return copyOf((Map<String, ?>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object o : l) {
        copy.add(copyValue(o));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException("data values must be JSON-like, found " + v.getClass().getName());
  }
}
