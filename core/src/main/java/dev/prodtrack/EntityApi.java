package dev.prodtrack;

import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.EntityKind;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.PersonId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Entities of any kind: gazu's {@code entity} module. Obtained from {@link Session#entity()}. Thread-safe.
 */
public final class EntityApi {
  private final ProdTrack engine;
  private final PersonId actor;

  EntityApi(ProdTrack engine, PersonId actor) {
    this.engine = engine;
    this.actor = actor;
  }

  /**
   * An entity of any kind (gazu {@code get_entity}).
   *
   * @param id the entity
   * @return the entity
   * @throws UnknownIdException if absent
   * @throws PermissionDeniedException if the caller may not read its project
   */
  public Entity getEntity(EntityId id) {
    Objects.requireNonNull(id, "id");
    return engine.read(s -> {
      Entity e = TaskApi.found("entity", id, s.entities.get(id));
      Access.requireRead(ProjectApi.caller(s, actor), s.projects.get(e.projectId()), id);
      return e;
    });
  }

  /**
   * The kind of an entity.
   *
   * @param id the entity
   * @return its kind
   * @throws UnknownIdException if absent
   * @throws PermissionDeniedException if the caller may not read its project
   */
  public EntityKind kindOf(EntityId id) {
    Entity e = getEntity(id);
    return engine.read(s -> Kinds.kindOf(s, e));
  }

  /**
   * Every entity type, temporal kinds and asset types alike, by name (gazu {@code all_entity_types}).
   *
   * @return the entity types
   */
  public List<EntityType> allEntityTypes() {
    return engine.read(s -> {
      List<EntityType> out = new ArrayList<>(s.entityTypes.values());
      out.sort(Comparator.comparing(EntityType::name));
      return List.copyOf(out);
    });
  }
}
