package dev.prodtrack.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A task type ({@code task_type}): Modeling, Animation, Compositing, ...
 *
 * @param id the id
 * @param name the name, unique in the studio
 * @param shortName a short name, nullable
 * @param description a description, nullable
 * @param color the colour (default {@code #FFFFFF})
 * @param priority the global column order
 * @param forEntity the entity kind its tasks go on: Asset, Shot, Sequence, Episode, Edit, Concept, Scene
 * @param allowTimelog whether time may be logged (UI only, not enforced, as in Kitsu)
 * @param archived whether archived
 * @param departmentId the department, nullable
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record TaskType(
    TaskTypeId id,
    String name,
    String shortName,
    String description,
    String color,
    int priority,
    String forEntity,
    boolean allowTimelog,
    boolean archived,
    DepartmentId departmentId,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public TaskType {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(color, "color");
    Objects.requireNonNull(forEntity, "forEntity");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (name.isBlank()) {
      throw new IllegalArgumentException("task type name must not be blank");
    }
    EntityKind.ofForEntity(forEntity);
  }

  /**
   * Returns a copy with another name.
   *
   * @param value the new name
   * @return the copy
   */
  public TaskType withName(String value) {
    return new TaskType(id, value, shortName, description, color, priority, forEntity, allowTimelog, archived, departmentId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another shortName.
   *
   * @param value the new shortName
   * @return the copy
   */
  public TaskType withShortName(String value) {
    return new TaskType(id, name, value, description, color, priority, forEntity, allowTimelog, archived, departmentId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another description.
   *
   * @param value the new description
   * @return the copy
   */
  public TaskType withDescription(String value) {
    return new TaskType(id, name, shortName, value, color, priority, forEntity, allowTimelog, archived, departmentId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another color.
   *
   * @param value the new color
   * @return the copy
   */
  public TaskType withColor(String value) {
    return new TaskType(id, name, shortName, description, value, priority, forEntity, allowTimelog, archived, departmentId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another priority.
   *
   * @param value the new priority
   * @return the copy
   */
  public TaskType withPriority(int value) {
    return new TaskType(id, name, shortName, description, color, value, forEntity, allowTimelog, archived, departmentId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another forEntity.
   *
   * @param value the new forEntity
   * @return the copy
   */
  public TaskType withForEntity(String value) {
    return new TaskType(id, name, shortName, description, color, priority, value, allowTimelog, archived, departmentId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another allowTimelog.
   *
   * @param value the new allowTimelog
   * @return the copy
   */
  public TaskType withAllowTimelog(boolean value) {
    return new TaskType(id, name, shortName, description, color, priority, forEntity, value, archived, departmentId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another archived.
   *
   * @param value the new archived
   * @return the copy
   */
  public TaskType withArchived(boolean value) {
    return new TaskType(id, name, shortName, description, color, priority, forEntity, allowTimelog, value, departmentId, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another departmentId.
   *
   * @param value the new departmentId
   * @return the copy
   */
  public TaskType withDepartmentId(DepartmentId value) {
    return new TaskType(id, name, shortName, description, color, priority, forEntity, allowTimelog, archived, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public TaskType withCreatedAt(Instant value) {
    return new TaskType(id, name, shortName, description, color, priority, forEntity, allowTimelog, archived, departmentId, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public TaskType withUpdatedAt(Instant value) {
    return new TaskType(id, name, shortName, description, color, priority, forEntity, allowTimelog, archived, departmentId, createdAt, value);
  }
}
