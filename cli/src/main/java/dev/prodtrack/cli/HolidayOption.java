package dev.prodtrack.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * The {@code --holiday DATE} option of the schedule report commands, repeatable: studio holidays, not
 * working days in the calendar the report uses (beside weekends and each person's days off). Add it with
 * {@code @Mixin HolidayOption holidays;} and pass {@link #dates()} to {@code ScheduleApi.calendar}.
 */
public final class HolidayOption {

  @Option(names = "--holiday", paramLabel = "DATE",
      description = "A studio holiday, as an ISO date (2026-12-25): not a working day in the report's calendar. "
          + "Repeat the option for several days. Default: none.")
  List<LocalDate> holidays = new ArrayList<>();

  /**
   * The holidays given, each once, in date order.
   *
   * @return the dates, possibly empty
   */
  public List<LocalDate> dates() {
    return List.copyOf(new TreeSet<>(holidays));
  }
}
