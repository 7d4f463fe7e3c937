package dev.prodtrack.schedule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Earned-value measures of a scope on one day, in person-days (schedule-analytics.md §6). Ratios whose
 * denominator is zero are empty.
 *
 * @param day the day measured
 * @param bac budget at completion: the scope's summed estimation
 * @param pv planned value
 * @param ev earned value
 * @param ac actual cost: time spent up to the day
 * @param unestimated tasks with no estimation
 * @param unscheduled tasks without both a start and a due date (they plan nothing)
 * @param spi {@code EV / PV}
 * @param cpi {@code EV / AC}
 * @param eacByCpi {@code BAC / CPI}
 * @param eacAtBudgetRate {@code AC + (BAC − EV)}
 * @param eacByCpiSpi {@code AC + (BAC − EV) / (CPI × SPI)}
 * @param tcpi {@code (BAC − EV) / (BAC − AC)}
 */
public record EarnedValue(LocalDate day, double bac, double pv, double ev, double ac, int unestimated,
    int unscheduled, OptionalDouble spi, OptionalDouble cpi, OptionalDouble eacByCpi, double eacAtBudgetRate,
    OptionalDouble eacByCpiSpi, OptionalDouble tcpi) {

  /** Checks for nulls. */
  public EarnedValue {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(spi, "spi");
    Objects.requireNonNull(cpi, "cpi");
    Objects.requireNonNull(eacByCpi, "eacByCpi");
    Objects.requireNonNull(eacByCpiSpi, "eacByCpiSpi");
    Objects.requireNonNull(tcpi, "tcpi");
  }

  /**
   * Schedule variance {@code EV − PV}.
   *
   * @return person-days
   */
  public double sv() {
    return ev - pv;
  }

  /**
   * Cost variance {@code EV − AC}.
   *
   * @return person-days
   */
  public double cv() {
    return ev - ac;
  }
}
