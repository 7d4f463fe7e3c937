package dev.prodtrack.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Time a person logged on a task one day ({@code time_spent}); unique per (person, task, day).
 *
 * @param id the id
 * @param taskId the task
 * @param personId the person
 * @param date the day
 * @param duration the time, strictly positive
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record TimeSpent(
    TimeSpentId id,
    TaskId taskId,
    PersonId personId,
    LocalDate date,
    Duration duration,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public TimeSpent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("time spent duration must be > 0, was " + duration);
    }
  }

  /**
   * Returns a copy with another taskId.
   *
   * @param value the new taskId
   * @return the copy
   */
  public TimeSpent withTaskId(TaskId value) {
    return new TimeSpent(id, value, personId, date, duration, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another personId.
   *
   * @param value the new personId
   * @return the copy
   */
  public TimeSpent withPersonId(PersonId value) {
    return new TimeSpent(id, taskId, value, date, duration, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another date.
   *
   * @param value the new date
   * @return the copy
   */
  public TimeSpent withDate(LocalDate value) {
    return new TimeSpent(id, taskId, personId, value, duration, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another duration.
   *
   * @param value the new duration
   * @return the copy
   */
  public TimeSpent withDuration(Duration value) {
    return new TimeSpent(id, taskId, personId, date, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public TimeSpent withCreatedAt(Instant value) {
    return new TimeSpent(id, taskId, personId, date, duration, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public TimeSpent withUpdatedAt(Instant value) {
    return new TimeSpent(id, taskId, personId, date, duration, createdAt, value);
  }
}
