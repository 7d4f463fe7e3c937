package dev.prodtrack;

import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Data;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.EntityKind;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.EntityTypeId;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.TaskTypeId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Asset types, assets and concepts: gazu's {@code asset} and {@code concept} modules. Obtained from
 * {@link Session#asset()}.
 *
 * <p>An asset type is any entity type whose name is not one of the reserved names Shot, Sequence,
 * Episode, Scene, Edit, Concept (kitsu-semantics §1.4). Asset types are studio-wide: admins create them
 * and set their workflow; anyone may list them. Creating an asset or a concept requires the caller to
 * manage the project (a global admin, or a team member whose effective role on the project is manager);
 * reading them requires read access to the project (admin, or team member). Assets and concepts have no
 * parent; names are unique per (project, entity type). A refused mutation leaves the state unchanged
 * and publishes nothing. Listings are sorted by name. Thread-safe.
 */
public final class AssetApi {
  private final ProdTrack engine;
  private final PersonId actor;

  AssetApi(ProdTrack engine, PersonId actor) {
    this.engine = engine;
    this.actor = actor;
  }

  /**
   * Creates an asset type (gazu {@code new_asset_type}), with an empty workflow (all task types
   * allowed). Admins only.
   *
   * @param name the name, unique among entity types; not blank and not a reserved name
   * @return the asset type
   * @throws IllegalArgumentException if the name is blank or one of Shot, Sequence, Episode, Scene,
   *     Edit, Concept
   * @throws PermissionDeniedException if the caller is not an admin
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if an entity type has that name
   */
  public EntityType newAssetType(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("asset type name must not be blank, was '" + name + "'");
    }
    if (EntityKind.ofEntityTypeName(name) != EntityKind.ASSET) {
      throw new IllegalArgumentException("asset type name '" + name
          + "' is reserved; reserved names: Shot, Sequence, Episode, Scene, Edit, Concept");
    }
    return engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "new_asset_type", null);
      EntityTypeId existing = tx.state.entityTypeByName.get(name);
      if (existing != null) {
        throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_NAME,
            "entity type name '" + name + "' is already used by " + existing, existing);
      }
      EntityType t = new EntityType(new EntityTypeId(tx.newId()), name, null, null, false, List.of());
      tx.put(t.id(), t);
      tx.event(EventNames.ASSET_TYPE_NEW, null, "asset_type_id", t.id());
      return t;
    });
  }

  /**
   * Sets an asset type's workflow: the task types its assets may have tasks of
   * ({@code task_type_asset_type_link}); an empty list allows every task type. Admins only. Setting
   * the workflow it already has changes nothing and publishes nothing.
   *
   * @param assetType the asset type
   * @param taskTypes the task types, in order; no duplicates
   * @return the stored asset type
   * @throws IllegalArgumentException if {@code taskTypes} names a task type twice
   * @throws UnknownIdException if the asset type does not exist or is not an asset type, or a task type
   *     does not exist
   * @throws PermissionDeniedException if the caller is not an admin
   */
  public EntityType setAssetTypeWorkflow(EntityTypeId assetType, List<TaskTypeId> taskTypes) {
    Objects.requireNonNull(assetType, "assetType");
    List<TaskTypeId> workflow = List.copyOf(Objects.requireNonNull(taskTypes, "taskTypes"));
    if (new HashSet<>(workflow).size() != workflow.size()) {
      throw new IllegalArgumentException("taskTypes must not repeat a task type, was " + workflow);
    }
    return engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "update_asset_type", assetType);
      EntityType old = tx.get(assetType);
      if (old == null || old.kind() != EntityKind.ASSET) {
        throw new UnknownIdException("asset type", assetType);
      }
      for (TaskTypeId t : workflow) {
        tx.require("task type", t);
      }
      if (old.taskTypes().equals(workflow)) {
        return old;
      }
      EntityType updated = old.withTaskTypes(workflow);
      tx.put(updated.id(), updated);
      tx.event(EventNames.ASSET_TYPE_UPDATE, null, "asset_type_id", updated.id());
      return updated;
    });
  }

  /**
   * Every asset type of the studio, by name (gazu {@code all_asset_types}).
   *
   * @return the asset types, immutable
   */
  public List<EntityType> allAssetTypes() {
    return engine.read(s -> {
      List<EntityType> out = new ArrayList<>();
      for (EntityType t : s.entityTypes.values()) {
        if (t.kind() == EntityKind.ASSET) {
          out.add(t);
        }
      }
      return PersonApi.sorted(out, Comparator.comparing(EntityType::name));
    });
  }

  /**
   * The asset types of a project's assets, by name (gazu {@code all_asset_types_for_project}).
   *
   * @param project the project
   * @return the asset types, immutable
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<EntityType> allAssetTypesForProject(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> {
      ProjectApi.readableProject(s, actor, project);
      Set<EntityType> types = new LinkedHashSet<>();
      for (EntityId id : s.entitiesByProject.get(project)) {
        EntityType t = s.entityTypes.get(s.entities.get(id).entityTypeId());
        if (t.kind() == EntityKind.ASSET) {
          types.add(t);
        }
      }
      return PersonApi.sorted(new ArrayList<>(types), Comparator.comparing(EntityType::name));
    });
  }

  /**
   * An asset type by id (gazu {@code get_asset_type}).
   *
   * @param id the id
   * @return the asset type
   * @throws UnknownIdException if no asset type has that id (a Shot, Sequence, ... type is not one)
   */
  public EntityType getAssetType(EntityTypeId id) {
    Objects.requireNonNull(id, "id");
    return engine.read(s -> {
      EntityType t = s.entityTypes.get(id);
      if (t == null || t.kind() != EntityKind.ASSET) {
        throw new UnknownIdException("asset type", id);
      }
      return t;
    });
  }

  /**
   * An asset type by exact name (gazu {@code get_asset_type_by_name}).
   *
   * @param name the name
   * @return the asset type, or empty (always empty for a reserved name)
   */
  public Optional<EntityType> getAssetTypeByName(String name) {
    Objects.requireNonNull(name, "name");
    return engine.read(s -> {
      EntityTypeId id = s.entityTypeByName.get(name);
      EntityType t = id == null ? null : s.entityTypes.get(id);
      return t != null && t.kind() == EntityKind.ASSET ? Optional.of(t) : Optional.empty();
    });
  }

  /**
   * Creates an asset (gazu {@code new_asset}), created by the caller, with status running.
   *
   * @param project the project
   * @param assetType the asset type
   * @param name the name, unique among the project's assets of that type; not blank
   * @param description a description, nullable
   * @param data free metadata, nullable
   * @return the asset
   * @throws IllegalArgumentException if the name is blank or {@code data} holds a value that is not
   *     JSON-like
   * @throws UnknownIdException if the project does not exist, or the asset type does not exist or is
   *     not an asset type
   * @throws PermissionDeniedException if the caller does not manage the project
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if the project has an asset of that
   *     type and name
   */
  public Entity newAsset(ProjectId project, EntityTypeId assetType, String name, String description,
      Map<String, ?> data) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(assetType, "assetType");
    ShotApi.requireName(EntityKind.ASSET, name);
    Map<String, Object> copy = Data.copyOf(data);
    return engine.write(actor, tx -> {
      Project p = tx.project(project);
      Access.requireManagerOf(tx.person(actor), p, "new_asset", project);
      EntityType type = tx.get(assetType);
      if (type == null || type.kind() != EntityKind.ASSET) {
        throw new UnknownIdException("asset type", assetType);
      }
      ShotApi.requireUniqueName(tx, project, type, null, name);
      Entity e = ShotApi.newEntityRecord(tx, project, assetType, name, description, null, null, copy);
      tx.put(e.id(), e);
      tx.event(EventNames.ASSET_NEW, project, "asset_id", e.id());
      return e;
    });
  }

  /**
   * Creates a concept (gazu {@code concept.new_concept}), created by the caller, with status running.
   *
   * @param project the project
   * @param name the name, unique among the project's concepts; not blank
   * @param description a description, nullable
   * @return the concept
   * @throws IllegalArgumentException if the name is blank
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if the project has a concept of
   *     that name
   */
  public Entity newConcept(ProjectId project, String name, String description) {
    Objects.requireNonNull(project, "project");
    ShotApi.requireName(EntityKind.CONCEPT, name);
    return engine.write(actor, tx -> {
      Project p = tx.project(project);
      Access.requireManagerOf(tx.person(actor), p, "new_concept", project);
      EntityType type = Kinds.typeOf(tx, EntityKind.CONCEPT);
      ShotApi.requireUniqueName(tx, project, type, null, name);
      Entity e = ShotApi.newEntityRecord(tx, project, type.id(), name, description, null, null, Map.of());
      tx.put(e.id(), e);
      tx.event(EventNames.CONCEPT_NEW, project, "concept_id", e.id());
      return e;
    });
  }

  /**
   * The assets of a project, every type, by name (gazu {@code all_assets_for_project}).
   *
   * @param project the project
   * @return the assets, immutable
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<Entity> allAssetsForProject(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> {
      ProjectApi.readableProject(s, actor, project);
      List<Entity> out = new ArrayList<>();
      for (EntityId id : s.entitiesByProject.get(project)) {
        Entity e = s.entities.get(id);
        if (Kinds.kindOf(s, e) == EntityKind.ASSET) {
          out.add(e);
        }
      }
      return ShotApi.sortedByName(out);
    });
  }

  /**
   * The assets of a project of one asset type, by name (gazu
   * {@code all_assets_for_project_and_type}).
   *
   * @param project the project
   * @param assetType the asset type
   * @return the assets, immutable
   * @throws UnknownIdException if the project does not exist, or the asset type does not exist or is
   *     not an asset type
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<Entity> allAssetsForProjectAndType(ProjectId project, EntityTypeId assetType) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(assetType, "assetType");
    return engine.read(s -> {
      ProjectApi.readableProject(s, actor, project);
      EntityType t = s.entityTypes.get(assetType);
      if (t == null || t.kind() != EntityKind.ASSET) {
        throw new UnknownIdException("asset type", assetType);
      }
      return ShotApi.ofType(s, project, assetType);
    });
  }

  /**
   * An asset by id (gazu {@code get_asset}).
   *
   * @param id the id
   * @return the asset
   * @throws UnknownIdException if no asset has that id (a shot, a concept... is not an asset)
   * @throws PermissionDeniedException if the caller may not read its project
   */
  public Entity getAsset(EntityId id) {
    Objects.requireNonNull(id, "id");
    return engine.read(s -> ShotApi.readableEntity(s, actor, id, EntityKind.ASSET));
  }

  /**
   * An asset of a project by exact name, whatever its type (gazu {@code get_asset_by_name}); when
   * assets of several types share the name, the first by asset type name.
   *
   * @param project the project
   * @param name the name
   * @return the asset, or empty
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public Optional<Entity> getAssetByName(ProjectId project, String name) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(name, "name");
    return engine.read(s -> {
      ProjectApi.readableProject(s, actor, project);
      Entity best = null;
      for (EntityId id : s.entitiesByProject.get(project)) {
        Entity e = s.entities.get(id);
        if (e.name().equals(name) && Kinds.kindOf(s, e) == EntityKind.ASSET
            && (best == null || typeName(s, e).compareTo(typeName(s, best)) < 0)) {
          best = e;
        }
      }
      return Optional.ofNullable(best);
    });
  }

  /**
   * The concepts of a project, by name (gazu {@code concept.all_concepts_for_project}).
   *
   * @param project the project
   * @return the concepts, immutable
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<Entity> allConceptsForProject(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> {
      ProjectApi.readableProject(s, actor, project);
      return ShotApi.ofKind(s, project, EntityKind.CONCEPT);
    });
  }

  /**
   * A concept by id (gazu {@code concept.get_concept}).
   *
   * @param id the id
   * @return the concept
   * @throws UnknownIdException if no concept has that id
   * @throws PermissionDeniedException if the caller may not read its project
   */
  public Entity getConcept(EntityId id) {
    Objects.requireNonNull(id, "id");
    return engine.read(s -> ShotApi.readableEntity(s, actor, id, EntityKind.CONCEPT));
  }

  private static String typeName(State s, Entity e) {
    return s.entityTypes.get(e.entityTypeId()).name();
  }
}
