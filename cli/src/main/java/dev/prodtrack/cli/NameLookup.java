package dev.prodtrack.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Resolves what the user typed ({@code --project Dragon}, {@code --sequence EP01/SQ010}, a UUID) to one
 * record: an exact id first, then a case-insensitive match on any of the record's names. Nothing found and
 * several found are usage errors (exit code 2) that list what exists or what matched.
 */
final class NameLookup {
  private static final int LISTED = 10;

  private NameLookup() {}

  /**
   * Finds the one candidate the text names.
   *
   * @param <T> the record type
   * @param option the option, for the message ({@code --project})
   * @param kind the kind, for the message ({@code project})
   * @param text what the user typed
   * @param candidates the records to search
   * @param id the record's id as a UUID
   * @param names the names a record answers to (the first is shown in messages)
   * @return the record
   * @throws CommandFailedException (exit code 2) if none or several match
   */
  static <T> T one(String option, String kind, String text, List<T> candidates, Function<T, UUID> id,
      Function<T, List<String>> names) {
    String wanted = text.strip();
    UUID asId = parseUuid(wanted);
    if (asId != null) {
      for (T c : candidates) {
        if (id.apply(c).equals(asId)) {
          return c;
        }
      }
    }
    String lower = wanted.toLowerCase(Locale.ROOT);
    List<T> matches = new ArrayList<>();
    for (T c : candidates) {
      for (String n : names.apply(c)) {
        if (n != null && n.toLowerCase(Locale.ROOT).equals(lower)) {
          matches.add(c);
          break;
        }
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw CommandFailedException.usage(option + " " + text + ": no " + kind + " has this name or id; "
          + (candidates.isEmpty() ? "the store has none" : "known: " + list(candidates, id, names)));
    }
    throw CommandFailedException.usage(option + " " + text + ": ambiguous, " + matches.size() + " " + kind
        + "s match: " + list(matches, id, names) + "; pass the id");
  }

  /**
   * Lists records as {@code name (id)}, at most ten.
   *
   * @param <T> the record type
   * @param records the records
   * @param id the id of a record
   * @param names the names of a record
   * @return the list text
   */
  static <T> String list(List<T> records, Function<T, UUID> id, Function<T, List<String>> names) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(LISTED, records.size()); i++) {
      if (i > 0) {
        b.append(", ");
      }
      T r = records.get(i);
      b.append(names.apply(r).get(0)).append(" (").append(id.apply(r)).append(')');
    }
    if (records.size() > LISTED) {
      b.append(" and ").append(records.size() - LISTED).append(" more");
    }
    return b.toString();
  }

  private static UUID parseUuid(String text) {
    if (text.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
