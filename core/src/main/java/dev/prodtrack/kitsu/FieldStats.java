package dev.prodtrack.kitsu;

import java.util.HashMap;
import java.util.Map;

/** Counts the fields an import moved into {@code data} or left out, per {@code "file: field"}. */
final class FieldStats {
  final Map<String, Long> keptInData = new HashMap<>();
  final Map<String, Long> ignored = new HashMap<>();

  void keptInData(String file, String field) {
    keptInData.merge(file + ": " + field, 1L, Long::sum);
  }

  void ignored(String file, String field) {
    ignored.merge(file + ": " + field, 1L, Long::sum);
  }
}
