package dev.prodtrack.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task ({@code task}): one task type's work on one entity.
 *
 * <p>Durations ({@code estimation}, {@code duration}) are {@link Duration}s; Kitsu stores them as minutes.
 * {@code startDate} and {@code dueDate} are planned calendar dates; the other dates are instants set by the
 * status rules.
 *
 * @param id the id
 * @param projectId the project
 * @param taskTypeId the task type
 * @param taskStatusId the current status
 * @param entityId the entity the task is on
 * @param name the name, "main" by convention
 * @param description a description, nullable
 * @param priority 0 normal, 1 high, 2 very high, 3 emergency
 * @param difficulty 1..5, default 3
 * @param duration time spent: the sum of the task's time spents
 * @param estimation the estimated work
 * @param completionRate completion rate (not maintained, as in Kitsu)
 * @param retakeCount the number of retakes
 * @param sortOrder sort order (not maintained, as in Kitsu)
 * @param startDate the planned start, nullable
 * @param dueDate the planned end, nullable
 * @param realStartDate the first move into a WIP status, nullable
 * @param endDate the feedback-request moment (the real end), nullable
 * @param doneDate when the task reached a done status, nullable
 * @param lastCommentDate the date of the newest comment, nullable
 * @param nbAssetsReady casting readiness counter
 * @param nbDrawings number of drawings, used by quotas
 * @param data free metadata; updates merge keys
 * @param assignerId who assigned the task last, nullable
 * @param assignees the assignees
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record Task(
    TaskId id,
    ProjectId projectId,
    TaskTypeId taskTypeId,
    TaskStatusId taskStatusId,
    EntityId entityId,
    String name,
    String description,
    int priority,
    int difficulty,
    Duration duration,
    Duration estimation,
    int completionRate,
    int retakeCount,
    int sortOrder,
    LocalDate startDate,
    LocalDate dueDate,
    Instant realStartDate,
    Instant endDate,
    Instant doneDate,
    Instant lastCommentDate,
    int nbAssetsReady,
    int nbDrawings,
    Map<String, Object> data,
    PersonId assignerId,
    List<PersonId> assignees,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(taskTypeId, "taskTypeId");
    Objects.requireNonNull(taskStatusId, "taskStatusId");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(estimation, "estimation");
    data = Data.copyOf(data);
    assignees = List.copyOf(Objects.requireNonNull(assignees, "assignees"));
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (name.isBlank()) {
      throw new IllegalArgumentException("task name must not be blank");
    }
    if (difficulty < 1 || difficulty > 5) {
      throw new IllegalArgumentException("difficulty must be 1..5, was " + difficulty);
    }
    if (duration.isNegative() || estimation.isNegative()) {
      throw new IllegalArgumentException("duration and estimation must be >= 0");
    }
    if (retakeCount < 0) {
      throw new IllegalArgumentException("retakeCount must be >= 0, was " + retakeCount);
    }
  }

  /**
   * Returns a copy with another projectId.
   *
   * @param value the new projectId
   * @return the copy
   */
  public Task withProjectId(ProjectId value) {
    return new Task(id, value, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another taskTypeId.
   *
   * @param value the new taskTypeId
   * @return the copy
   */
  public Task withTaskTypeId(TaskTypeId value) {
    return new Task(id, projectId, value, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another taskStatusId.
   *
   * @param value the new taskStatusId
   * @return the copy
   */
  public Task withTaskStatusId(TaskStatusId value) {
    return new Task(id, projectId, taskTypeId, value, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another entityId.
   *
   * @param value the new entityId
   * @return the copy
   */
  public Task withEntityId(EntityId value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, value, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another name.
   *
   * @param value the new name
   * @return the copy
   */
  public Task withName(String value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, value, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another description.
   *
   * @param value the new description
   * @return the copy
   */
  public Task withDescription(String value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, value, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another priority.
   *
   * @param value the new priority
   * @return the copy
   */
  public Task withPriority(int value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, value, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another difficulty.
   *
   * @param value the new difficulty
   * @return the copy
   */
  public Task withDifficulty(int value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, value, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another duration.
   *
   * @param value the new duration
   * @return the copy
   */
  public Task withDuration(Duration value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, value, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another estimation.
   *
   * @param value the new estimation
   * @return the copy
   */
  public Task withEstimation(Duration value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, value, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another completionRate.
   *
   * @param value the new completionRate
   * @return the copy
   */
  public Task withCompletionRate(int value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, value, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another retakeCount.
   *
   * @param value the new retakeCount
   * @return the copy
   */
  public Task withRetakeCount(int value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, value, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another sortOrder.
   *
   * @param value the new sortOrder
   * @return the copy
   */
  public Task withSortOrder(int value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, value, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another startDate.
   *
   * @param value the new startDate
   * @return the copy
   */
  public Task withStartDate(LocalDate value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, value, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another dueDate.
   *
   * @param value the new dueDate
   * @return the copy
   */
  public Task withDueDate(LocalDate value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, value, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another realStartDate.
   *
   * @param value the new realStartDate
   * @return the copy
   */
  public Task withRealStartDate(Instant value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, value, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another endDate.
   *
   * @param value the new endDate
   * @return the copy
   */
  public Task withEndDate(Instant value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, value, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another doneDate.
   *
   * @param value the new doneDate
   * @return the copy
   */
  public Task withDoneDate(Instant value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, value, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another lastCommentDate.
   *
   * @param value the new lastCommentDate
   * @return the copy
   */
  public Task withLastCommentDate(Instant value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, value, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another nbAssetsReady.
   *
   * @param value the new nbAssetsReady
   * @return the copy
   */
  public Task withNbAssetsReady(int value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, value, nbDrawings, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another nbDrawings.
   *
   * @param value the new nbDrawings
   * @return the copy
   */
  public Task withNbDrawings(int value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, value, data, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another data.
   *
   * @param value the new data
   * @return the copy
   */
  public Task withData(Map<String, Object> value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, value, assignerId, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another assignerId.
   *
   * @param value the new assignerId
   * @return the copy
   */
  public Task withAssignerId(PersonId value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, value, assignees, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another assignees.
   *
   * @param value the new assignees
   * @return the copy
   */
  public Task withAssignees(List<PersonId> value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public Task withCreatedAt(Instant value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public Task withUpdatedAt(Instant value) {
    return new Task(id, projectId, taskTypeId, taskStatusId, entityId, name, description, priority, difficulty, duration, estimation, completionRate, retakeCount, sortOrder, startDate, dueDate, realStartDate, endDate, doneDate, lastCommentDate, nbAssetsReady, nbDrawings, data, assignerId, assignees, createdAt, value);
  }
}
