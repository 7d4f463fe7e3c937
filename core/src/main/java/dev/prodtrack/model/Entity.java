package dev.prodtrack.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An entity of any kind ({@code entity}): episode, sequence, shot, scene, edit, asset or concept.
 * Its kind is its entity type's (see {@link EntityType#kind()}).
 *
 * @param id the id
 * @param projectId the project
 * @param entityTypeId the entity type
 * @param name the name
 * @param code a code, nullable
 * @param description a description, nullable
 * @param canceled whether canceled
 * @param nbFrames the number of frames (shots), nullable
 * @param nbEntitiesOut casting counter
 * @param castingStandby casting stand-by flag
 * @param shared whether shared between projects
 * @param status standby, running, complete or canceled (default running)
 * @param parentId the parent (episode of a sequence, sequence of a shot or scene), nullable
 * @param sourceId the source (scene of a shot, main episode of an asset), nullable
 * @param readyFor the task type the entity is ready for, nullable
 * @param createdBy the creator, nullable
 * @param data free metadata: frame_in, frame_out, fps, max_retakes override, ...
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record Entity(
    EntityId id,
    ProjectId projectId,
    EntityTypeId entityTypeId,
    String name,
    String code,
    String description,
    boolean canceled,
    Integer nbFrames,
    int nbEntitiesOut,
    boolean castingStandby,
    boolean shared,
    String status,
    EntityId parentId,
    EntityId sourceId,
    TaskTypeId readyFor,
    PersonId createdBy,
    Map<String, Object> data,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public Entity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(entityTypeId, "entityTypeId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    data = Data.copyOf(data);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (name.isBlank()) {
      throw new IllegalArgumentException("entity name must not be blank");
    }
  }

  /**
   * Returns a copy with another projectId.
   *
   * @param value the new projectId
   * @return the copy
   */
  public Entity withProjectId(ProjectId value) {
    return new Entity(id, value, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another entityTypeId.
   *
   * @param value the new entityTypeId
   * @return the copy
   */
  public Entity withEntityTypeId(EntityTypeId value) {
    return new Entity(id, projectId, value, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another name.
   *
   * @param value the new name
   * @return the copy
   */
  public Entity withName(String value) {
    return new Entity(id, projectId, entityTypeId, value, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another code.
   *
   * @param value the new code
   * @return the copy
   */
  public Entity withCode(String value) {
    return new Entity(id, projectId, entityTypeId, name, value, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another description.
   *
   * @param value the new description
   * @return the copy
   */
  public Entity withDescription(String value) {
    return new Entity(id, projectId, entityTypeId, name, code, value, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another canceled.
   *
   * @param value the new canceled
   * @return the copy
   */
  public Entity withCanceled(boolean value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, value, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another nbFrames.
   *
   * @param value the new nbFrames
   * @return the copy
   */
  public Entity withNbFrames(Integer value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, value, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another nbEntitiesOut.
   *
   * @param value the new nbEntitiesOut
   * @return the copy
   */
  public Entity withNbEntitiesOut(int value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, value, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another castingStandby.
   *
   * @param value the new castingStandby
   * @return the copy
   */
  public Entity withCastingStandby(boolean value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, value, shared, status, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another shared.
   *
   * @param value the new shared
   * @return the copy
   */
  public Entity withShared(boolean value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, value, status, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another status.
   *
   * @param value the new status
   * @return the copy
   */
  public Entity withStatus(String value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, value, parentId, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another parentId.
   *
   * @param value the new parentId
   * @return the copy
   */
  public Entity withParentId(EntityId value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, value, sourceId, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another sourceId.
   *
   * @param value the new sourceId
   * @return the copy
   */
  public Entity withSourceId(EntityId value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, value, readyFor, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another readyFor.
   *
   * @param value the new readyFor
   * @return the copy
   */
  public Entity withReadyFor(TaskTypeId value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, value, createdBy, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdBy.
   *
   * @param value the new createdBy
   * @return the copy
   */
  public Entity withCreatedBy(PersonId value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, value, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another data.
   *
   * @param value the new data
   * @return the copy
   */
  public Entity withData(Map<String, Object> value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public Entity withCreatedAt(Instant value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, data, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public Entity withUpdatedAt(Instant value) {
    return new Entity(id, projectId, entityTypeId, name, code, description, canceled, nbFrames, nbEntitiesOut, castingStandby, shared, status, parentId, sourceId, readyFor, createdBy, data, createdAt, value);
  }
}
