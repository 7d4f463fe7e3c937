package dev.prodtrack;

import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityKind;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.EntityTypeId;
import java.util.List;

/** Entity kinds: the reserved entity types, created on demand as Kitsu does. */
final class Kinds {
  private Kinds() {}

  /**
   * The kind of an entity, from its entity type.
   *
   * @param state the committed state
   * @param entity the entity
   * @return its kind
   */
  static EntityKind kindOf(State state, Entity entity) {
    return state.entityTypes.get(entity.entityTypeId()).kind();
  }

  /**
   * The kind of an entity as a transaction sees it.
   *
   * @param tx the transaction
   * @param entity the entity
   * @return its kind
   */
  static EntityKind kindOf(Tx tx, Entity entity) {
    EntityType t = tx.get(entity.entityTypeId());
    return t.kind();
  }

  /**
   * The entity type of a temporal kind (Shot, Sequence, ...), created in the transaction if missing.
   *
   * @param tx the transaction
   * @param kind a kind other than {@link EntityKind#ASSET}
   * @return the entity type
   */
  static EntityType typeOf(Tx tx, EntityKind kind) {
    if (kind == EntityKind.ASSET) {
      throw new IllegalArgumentException("assets have their own asset types");
    }
    EntityTypeId id = tx.state.entityTypeByName.get(kind.typeName());
    if (id != null) {
      return tx.get(id);
    }
    for (Object w : tx.writes().values()) {
      if (w instanceof EntityType t && t.name().equals(kind.typeName())) {
        return t;
      }
    }
    EntityType t = new EntityType(new EntityTypeId(tx.newId()), kind.typeName(), null, null, false, List.of());
    tx.put(t.id(), t);
    return t;
  }
}
