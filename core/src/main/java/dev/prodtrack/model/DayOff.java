package dev.prodtrack.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person's days off ({@code day_off}): a range of dates, both ends included.
 *
 * @param id the id
 * @param personId the person
 * @param date the first day off
 * @param endDate the last day off, on or after {@code date}
 * @param description why, nullable
 */
public record DayOff(
    DayOffId id,
    PersonId personId,
    LocalDate date,
    LocalDate endDate,
    String description) {

  /** Validates the components and copies the collections. */
  public DayOff {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(endDate, "endDate");
    if (endDate.isBefore(date)) {
      throw new IllegalArgumentException("day off ends (" + endDate + ") before it starts (" + date + ")");
    }
  }

  /**
   * Returns a copy with another personId.
   *
   * @param value the new personId
   * @return the copy
   */
  public DayOff withPersonId(PersonId value) {
    return new DayOff(id, value, date, endDate, description);
  }

  /**
   * Returns a copy with another date.
   *
   * @param value the new date
   * @return the copy
   */
  public DayOff withDate(LocalDate value) {
    return new DayOff(id, personId, value, endDate, description);
  }

  /**
   * Returns a copy with another endDate.
   *
   * @param value the new endDate
   * @return the copy
   */
  public DayOff withEndDate(LocalDate value) {
    return new DayOff(id, personId, date, value, description);
  }

  /**
   * Returns a copy with another description.
   *
   * @param value the new description
   * @return the copy
   */
  public DayOff withDescription(String value) {
    return new DayOff(id, personId, date, endDate, value);
  }
}
