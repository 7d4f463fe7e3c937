package dev.prodtrack.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated, labelled point of a schedule drawn on a chart: a delivery, a review, the project's end date.
 *
 * @param date the day of the milestone
 * @param label a short readable name, not blank
 */
public record Milestone(LocalDate date, String label) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if the label is blank
   */
  public Milestone {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank, was \"" + label + "\"");
    }
  }

  /**
   * The project's end date as a milestone labelled {@code "project end"}.
   *
   * @param endDate the project's end date
   * @return the milestone
   */
  public static Milestone projectEnd(LocalDate endDate) {
    return new Milestone(endDate, "project end");
  }
}
