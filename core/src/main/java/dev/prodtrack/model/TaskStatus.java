package dev.prodtrack.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A task status ({@code task_status}) and its flags; every rule keys off the flags, never the name.
 *
 * @param id the id
 * @param name the name
 * @param shortName the short name, unique in the studio
 * @param description a description, nullable
 * @param color the colour
 * @param priority display order
 * @param archived whether archived
 * @param isDefault whether new tasks take this status (one for entities, one for concepts)
 * @param isDone the task is finished
 * @param isRetake entering it counts a retake
 * @param isWip first entry sets the real start date
 * @param isFeedbackRequest a request for review: sets the end date
 * @param isArtistAllowed artists may post it
 * @param isClientAllowed clients may post it
 * @param forConcept belongs to the concept workflow
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record TaskStatus(
    TaskStatusId id,
    String name,
    String shortName,
    String description,
    String color,
    int priority,
    boolean archived,
    boolean isDefault,
    boolean isDone,
    boolean isRetake,
    boolean isWip,
    boolean isFeedbackRequest,
    boolean isArtistAllowed,
    boolean isClientAllowed,
    boolean forConcept,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public TaskStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shortName, "shortName");
    Objects.requireNonNull(color, "color");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (name.isBlank() || shortName.isBlank()) {
      throw new IllegalArgumentException("task status name and short name must not be blank");
    }
  }

  /**
   * Returns a copy with another name.
   *
   * @param value the new name
   * @return the copy
   */
  public TaskStatus withName(String value) {
    return new TaskStatus(id, value, shortName, description, color, priority, archived, isDefault, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another shortName.
   *
   * @param value the new shortName
   * @return the copy
   */
  public TaskStatus withShortName(String value) {
    return new TaskStatus(id, name, value, description, color, priority, archived, isDefault, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another description.
   *
   * @param value the new description
   * @return the copy
   */
  public TaskStatus withDescription(String value) {
    return new TaskStatus(id, name, shortName, value, color, priority, archived, isDefault, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another color.
   *
   * @param value the new color
   * @return the copy
   */
  public TaskStatus withColor(String value) {
    return new TaskStatus(id, name, shortName, description, value, priority, archived, isDefault, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another priority.
   *
   * @param value the new priority
   * @return the copy
   */
  public TaskStatus withPriority(int value) {
    return new TaskStatus(id, name, shortName, description, color, value, archived, isDefault, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another archived.
   *
   * @param value the new archived
   * @return the copy
   */
  public TaskStatus withArchived(boolean value) {
    return new TaskStatus(id, name, shortName, description, color, priority, value, isDefault, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another isDefault.
   *
   * @param value the new isDefault
   * @return the copy
   */
  public TaskStatus withIsDefault(boolean value) {
    return new TaskStatus(id, name, shortName, description, color, priority, archived, value, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another isDone.
   *
   * @param value the new isDone
   * @return the copy
   */
  public TaskStatus withIsDone(boolean value) {
    return new TaskStatus(id, name, shortName, description, color, priority, archived, isDefault, value, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another isRetake.
   *
   * @param value the new isRetake
   * @return the copy
   */
  public TaskStatus withIsRetake(boolean value) {
    return new TaskStatus(id, name, shortName, description, color, priority, archived, isDefault, isDone, value, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another isWip.
   *
   * @param value the new isWip
   * @return the copy
   */
  public TaskStatus withIsWip(boolean value) {
    return new TaskStatus(id, name, shortName, description, color, priority, archived, isDefault, isDone, isRetake, value, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another isFeedbackRequest.
   *
   * @param value the new isFeedbackRequest
   * @return the copy
   */
  public TaskStatus withIsFeedbackRequest(boolean value) {
    return new TaskStatus(id, name, shortName, description, color, priority, archived, isDefault, isDone, isRetake, isWip, value, isArtistAllowed, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another isArtistAllowed.
   *
   * @param value the new isArtistAllowed
   * @return the copy
   */
  public TaskStatus withIsArtistAllowed(boolean value) {
    return new TaskStatus(id, name, shortName, description, color, priority, archived, isDefault, isDone, isRetake, isWip, isFeedbackRequest, value, isClientAllowed, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another isClientAllowed.
   *
   * @param value the new isClientAllowed
   * @return the copy
   */
  public TaskStatus withIsClientAllowed(boolean value) {
    return new TaskStatus(id, name, shortName, description, color, priority, archived, isDefault, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, value, forConcept, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another forConcept.
   *
   * @param value the new forConcept
   * @return the copy
   */
  public TaskStatus withForConcept(boolean value) {
    return new TaskStatus(id, name, shortName, description, color, priority, archived, isDefault, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public TaskStatus withCreatedAt(Instant value) {
    return new TaskStatus(id, name, shortName, description, color, priority, archived, isDefault, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public TaskStatus withUpdatedAt(Instant value) {
    return new TaskStatus(id, name, shortName, description, color, priority, archived, isDefault, isDone, isRetake, isWip, isFeedbackRequest, isArtistAllowed, isClientAllowed, forConcept, createdAt, value);
  }
}
