package dev.prodtrack.model;

import java.util.List;
import java.util.Objects;

/**
 * An entity type ({@code entity_type}). The reserved names Shot, Sequence, Episode, Scene, Edit and
 * Concept name the temporal kinds; any other name is an asset type.
 *
 * @param id the id
 * @param name the name, unique
 * @param shortName a short name, nullable
 * @param description a description, nullable
 * @param archived whether archived
 * @param taskTypes the asset-type workflow: the task types allowed; empty = all
 */
public record EntityType(
    EntityTypeId id,
    String name,
    String shortName,
    String description,
    boolean archived,
    List<TaskTypeId> taskTypes) {

  /** Validates the components and copies the collections. */
  public EntityType {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    taskTypes = List.copyOf(Objects.requireNonNull(taskTypes, "taskTypes"));
    if (name.isBlank()) {
      throw new IllegalArgumentException("entity type name must not be blank");
    }
  }

  /**
   * Returns a copy with another name.
   *
   * @param value the new name
   * @return the copy
   */
  public EntityType withName(String value) {
    return new EntityType(id, value, shortName, description, archived, taskTypes);
  }

  /**
   * Returns a copy with another shortName.
   *
   * @param value the new shortName
   * @return the copy
   */
  public EntityType withShortName(String value) {
    return new EntityType(id, name, value, description, archived, taskTypes);
  }

  /**
   * Returns a copy with another description.
   *
   * @param value the new description
   * @return the copy
   */
  public EntityType withDescription(String value) {
    return new EntityType(id, name, shortName, value, archived, taskTypes);
  }

  /**
   * Returns a copy with another archived.
   *
   * @param value the new archived
   * @return the copy
   */
  public EntityType withArchived(boolean value) {
    return new EntityType(id, name, shortName, description, value, taskTypes);
  }

  /**
   * Returns a copy with another taskTypes.
   *
   * @param value the new taskTypes
   * @return the copy
   */
  public EntityType withTaskTypes(List<TaskTypeId> value) {
    return new EntityType(id, name, shortName, description, archived, value);
  }

  /**
   * The kind of the entities of this type.
   *
   * @return the kind
   */
  public EntityKind kind() {
    return EntityKind.ofEntityTypeName(name);
  }
}
