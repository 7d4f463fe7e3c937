package dev.prodtrack.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A person following a task, or (Kitsu's older form) a sequence for one task type
 * ({@code subscription}). Exactly one of {@code taskId} and {@code sequenceId} is set.
 *
 * @param id the id
 * @param personId the follower
 * @param taskId the task followed, nullable
 * @param sequenceId the sequence followed, nullable
 * @param taskTypeId the task type followed on the sequence, nullable
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record Subscription(
    SubscriptionId id,
    PersonId personId,
    TaskId taskId,
    EntityId sequenceId,
    TaskTypeId taskTypeId,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public Subscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if ((taskId == null) == (sequenceId == null) || (sequenceId == null) != (taskTypeId == null)) {
      throw new IllegalArgumentException("a subscription follows a task, or a sequence for a task type");
    }
  }

  /**
   * Returns a copy with another personId.
   *
   * @param value the new personId
   * @return the copy
   */
  public Subscription withPersonId(PersonId value) {
    return new Subscription(id, value, taskId, sequenceId, taskTypeId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another taskId.
   *
   * @param value the new taskId
   * @return the copy
   */
  public Subscription withTaskId(TaskId value) {
    return new Subscription(id, personId, value, sequenceId, taskTypeId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another sequenceId.
   *
   * @param value the new sequenceId
   * @return the copy
   */
  public Subscription withSequenceId(EntityId value) {
    return new Subscription(id, personId, taskId, value, taskTypeId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another taskTypeId.
   *
   * @param value the new taskTypeId
   * @return the copy
   */
  public Subscription withTaskTypeId(TaskTypeId value) {
    return new Subscription(id, personId, taskId, sequenceId, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public Subscription withCreatedAt(Instant value) {
    return new Subscription(id, personId, taskId, sequenceId, taskTypeId, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public Subscription withUpdatedAt(Instant value) {
    return new Subscription(id, personId, taskId, sequenceId, taskTypeId, createdAt, value);
  }
}
