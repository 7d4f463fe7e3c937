package dev.prodtrack.schedule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One working day of a burn-down / burn-up series (schedule-analytics.md §6, 0/100 rule).
 *
 * @param date the day
 * @param remaining person-days not yet earned ({@code BAC − EV(d)})
 * @param earned person-days earned up to the day (the burn-up)
 * @param doneTasks tasks done on or before the day
 * @param ideal the ideal remaining line, falling linearly in working days from BAC on the project's start
 *     date to 0 on its end date; empty when the project lacks either date
 */
public record BurndownPoint(LocalDate date, double remaining, double earned, int doneTasks, OptionalDouble ideal) {

  /** Checks for nulls. */
  public BurndownPoint {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(ideal, "ideal");
  }
}
