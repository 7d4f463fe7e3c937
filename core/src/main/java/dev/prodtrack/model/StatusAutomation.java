package dev.prodtrack.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A status automation ({@code status_automation}): when a task of {@code inTaskTypeId} reaches
 * {@code inTaskStatusId} on an entity of {@code entityType}, either post {@code outTaskStatusId} on the
 * entity's task of {@code outTaskTypeId} ({@code outFieldType} "status"), or mark the entity ready for
 * {@code outTaskTypeId} ("ready_for"). It runs only in the projects it is linked to (Kitsu's
 * {@code project_status_automation_link}, kept here as {@code projectIds}).
 *
 * @param id the id
 * @param entityType {@code asset} for any asset type, else an entity type name (case-insensitive)
 * @param inTaskTypeId the task type watched
 * @param inTaskStatusId the status watched
 * @param outFieldType {@code status} or {@code ready_for}
 * @param outTaskTypeId the task type acted on
 * @param outTaskStatusId the status posted, nullable for ready_for
 * @param importLastRevision copy the last preview revision (previews are not modelled)
 * @param archived whether archived (archived automations never run)
 * @param projectIds the projects it is linked to
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record StatusAutomation(
    StatusAutomationId id,
    String entityType,
    TaskTypeId inTaskTypeId,
    TaskStatusId inTaskStatusId,
    String outFieldType,
    TaskTypeId outTaskTypeId,
    TaskStatusId outTaskStatusId,
    boolean importLastRevision,
    boolean archived,
    List<ProjectId> projectIds,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public StatusAutomation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(inTaskTypeId, "inTaskTypeId");
    Objects.requireNonNull(inTaskStatusId, "inTaskStatusId");
    Objects.requireNonNull(outFieldType, "outFieldType");
    Objects.requireNonNull(outTaskTypeId, "outTaskTypeId");
    projectIds = List.copyOf(Objects.requireNonNull(projectIds, "projectIds"));
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (!outFieldType.equals("status") && !outFieldType.equals("ready_for")) {
      throw new IllegalArgumentException("outFieldType must be status or ready_for, was '" + outFieldType + "'");
    }
    if (outFieldType.equals("status") && outTaskStatusId == null) {
      throw new IllegalArgumentException("a status automation needs an out status");
    }
  }

  /**
   * Returns a copy with another entityType.
   *
   * @param value the new entityType
   * @return the copy
   */
  public StatusAutomation withEntityType(String value) {
    return new StatusAutomation(id, value, inTaskTypeId, inTaskStatusId, outFieldType, outTaskTypeId, outTaskStatusId, importLastRevision, archived, projectIds, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another inTaskTypeId.
   *
   * @param value the new inTaskTypeId
   * @return the copy
   */
  public StatusAutomation withInTaskTypeId(TaskTypeId value) {
    return new StatusAutomation(id, entityType, value, inTaskStatusId, outFieldType, outTaskTypeId, outTaskStatusId, importLastRevision, archived, projectIds, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another inTaskStatusId.
   *
   * @param value the new inTaskStatusId
   * @return the copy
   */
  public StatusAutomation withInTaskStatusId(TaskStatusId value) {
    return new StatusAutomation(id, entityType, inTaskTypeId, value, outFieldType, outTaskTypeId, outTaskStatusId, importLastRevision, archived, projectIds, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another outFieldType.
   *
   * @param value the new outFieldType
   * @return the copy
   */
  public StatusAutomation withOutFieldType(String value) {
    return new StatusAutomation(id, entityType, inTaskTypeId, inTaskStatusId, value, outTaskTypeId, outTaskStatusId, importLastRevision, archived, projectIds, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another outTaskTypeId.
   *
   * @param value the new outTaskTypeId
   * @return the copy
   */
  public StatusAutomation withOutTaskTypeId(TaskTypeId value) {
    return new StatusAutomation(id, entityType, inTaskTypeId, inTaskStatusId, outFieldType, value, outTaskStatusId, importLastRevision, archived, projectIds, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another outTaskStatusId.
   *
   * @param value the new outTaskStatusId
   * @return the copy
   */
  public StatusAutomation withOutTaskStatusId(TaskStatusId value) {
    return new StatusAutomation(id, entityType, inTaskTypeId, inTaskStatusId, outFieldType, outTaskTypeId, value, importLastRevision, archived, projectIds, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another importLastRevision.
   *
   * @param value the new importLastRevision
   * @return the copy
   */
  public StatusAutomation withImportLastRevision(boolean value) {
    return new StatusAutomation(id, entityType, inTaskTypeId, inTaskStatusId, outFieldType, outTaskTypeId, outTaskStatusId, value, archived, projectIds, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another archived.
   *
   * @param value the new archived
   * @return the copy
   */
  public StatusAutomation withArchived(boolean value) {
    return new StatusAutomation(id, entityType, inTaskTypeId, inTaskStatusId, outFieldType, outTaskTypeId, outTaskStatusId, importLastRevision, value, projectIds, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another projectIds.
   *
   * @param value the new projectIds
   * @return the copy
   */
  public StatusAutomation withProjectIds(List<ProjectId> value) {
    return new StatusAutomation(id, entityType, inTaskTypeId, inTaskStatusId, outFieldType, outTaskTypeId, outTaskStatusId, importLastRevision, archived, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public StatusAutomation withCreatedAt(Instant value) {
    return new StatusAutomation(id, entityType, inTaskTypeId, inTaskStatusId, outFieldType, outTaskTypeId, outTaskStatusId, importLastRevision, archived, projectIds, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public StatusAutomation withUpdatedAt(Instant value) {
    return new StatusAutomation(id, entityType, inTaskTypeId, inTaskStatusId, outFieldType, outTaskTypeId, outTaskStatusId, importLastRevision, archived, projectIds, createdAt, value);
  }
}
