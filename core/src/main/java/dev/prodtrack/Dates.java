package dev.prodtrack;

import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TimeSpent;
import java.time.LocalDate;

/**
 * The dates a record may hold: Kitsu keeps dates as Python dates, years 1 to 9999, and refuses others
 * (400). The engine's day indexes (todo list, earned value, time spent per day) count days in an
 * {@code int}, which a date of a year beyond 5,800,000 would overflow after the change set is committed;
 * refusing such dates before the commit keeps state and store unchanged.
 */
final class Dates {
  static final int MIN_YEAR = 1;
  static final int MAX_YEAR = 9999;

  private Dates() {}

  /**
   * Checks the calendar dates of a record about to be written.
   *
   * @param record any record
   * @throws IllegalArgumentException if one of its dates lies outside the years 1..9999
   */
  static void check(Object record) {
    if (record instanceof Task t) {
      check("start_date", t.startDate());
      check("due_date", t.dueDate());
    } else if (record instanceof TimeSpent ts) {
      check("date", ts.date());
    } else if (record instanceof DayOff d) {
      check("date", d.date());
      check("end_date", d.endDate());
    } else if (record instanceof Project p) {
      check("start_date", p.startDate());
      check("end_date", p.endDate());
    } else if (record instanceof Person p) {
      check("last_presence", p.lastPresence());
    }
  }

  private static void check(String field, LocalDate date) {
    if (date != null && (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR)) {
      throw new IllegalArgumentException(field + " " + date + " is outside the years " + MIN_YEAR + ".." + MAX_YEAR
          + " that Kitsu can store");
    }
  }
}
