package dev.prodtrack;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.TimeSpent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The time spents of a task (gazu {@code get_time_spent}): rows by person and the total.
 *
 * @param rows the rows, ordered by date then person
 * @param total the sum of the rows' durations
 */
public record TimeSpentReport(List<TimeSpent> rows, Duration total) {

  /** Copies the rows. */
  public TimeSpentReport {
    rows = List.copyOf(rows);
    Objects.requireNonNull(total, "total");
  }

  /**
   * The rows grouped by person, as Kitsu's answer {@code {person_id: [rows], total}}.
   *
   * @return an unmodifiable map in row order
   */
  public Map<PersonId, List<TimeSpent>> byPerson() {
    Map<PersonId, List<TimeSpent>> out = new LinkedHashMap<>();
    for (TimeSpent t : rows) {
      out.computeIfAbsent(t.personId(), k -> new java.util.ArrayList<>()).add(t);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return java.util.Collections.unmodifiableMap(out);
  }
}
