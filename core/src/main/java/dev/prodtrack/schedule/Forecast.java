package dev.prodtrack.schedule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A velocity forecast (schedule-analytics.md §7): earned value per working day over a trailing window,
 * the predicted end, and the slip against the project's end date.
 *
 * @param asOf the day of the forecast
 * @param windowWorkingDays the trailing window, in working days
 * @param velocity person-days earned per working day over the window
 * @param remaining person-days left ({@code BAC − EV}); zero or less means complete
 * @param predictedEnd the predicted end; empty when complete or when the velocity is zero ("no forecast")
 * @param slipWorkingDays working days from the project's end date to the predicted end (positive = late);
 *     empty without an end date or a prediction
 */
public record Forecast(LocalDate asOf, int windowWorkingDays, double velocity, double remaining,
    Optional<LocalDate> predictedEnd, OptionalLong slipWorkingDays) {

  /** Checks for nulls. */
  public Forecast {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(predictedEnd, "predictedEnd");
    Objects.requireNonNull(slipWorkingDays, "slipWorkingDays");
  }

  /**
   * Computes a forecast from two earned-value measures.
   *
   * @param today the measure on the as-of day
   * @param windowStart the measure on the window's first day ({@code subtractWorkingDays(today, W)})
   * @param window the window in working days, {@code > 0}
   * @param projectEnd the project's end date, nullable
   * @param calendar the calendar
   * @return the forecast
   */
  public static Forecast of(EarnedValue today, EarnedValue windowStart, int window, LocalDate projectEnd,
      WorkCalendar calendar) {
    if (window <= 0) {
      throw new IllegalArgumentException("window must be > 0 working days, was " + window);
    }
    double velocity = (today.ev() - windowStart.ev()) / window;
    double remaining = today.bac() - today.ev();
    Optional<LocalDate> end;
    if (remaining <= 0) {
      end = Optional.empty();
    } else if (velocity <= 0) {
      end = Optional.empty();
    } else {
      end = Optional.of(calendar.addWorkingDays(null, today.day(), (long) Math.ceil(remaining / velocity - 1e-9)));
    }
    OptionalLong slip = end.isPresent() && projectEnd != null
        ? OptionalLong.of(calendar.wdDelta(projectEnd, end.get())) : OptionalLong.empty();
    return new Forecast(today.day(), window, velocity, remaining, end, slip);
  }

  /**
   * Whether the scope is complete.
   *
   * @return true when nothing remains
   */
  public boolean complete() {
    return remaining <= 0;
  }

  /**
   * The velocity as an optional: empty when zero (no forecast).
   *
   * @return the velocity, or empty
   */
  public OptionalDouble velocityIfAny() {
    return velocity > 0 ? OptionalDouble.of(velocity) : OptionalDouble.empty();
  }
}
