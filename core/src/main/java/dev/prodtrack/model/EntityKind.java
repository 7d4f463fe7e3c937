package dev.prodtrack.model;

/**
 * The kind of an entity. Kitsu keeps every kind in one table and tells them apart by the entity type's
 * name: the reserved names below, and any other name is an asset type.
 */
public enum EntityKind {
  /** An episode of a TV show; no parent. */
  EPISODE("Episode"),
  /** A sequence; parent: an episode, or none outside TV shows. */
  SEQUENCE("Sequence"),
  /** A shot; parent: a sequence. */
  SHOT("Shot"),
  /** A scene; parent: a sequence. */
  SCENE("Scene"),
  /** An edit; parent: an episode, or none. */
  EDIT("Edit"),
  /** A concept; no parent. */
  CONCEPT("Concept"),
  /** An asset, of any asset type; no parent. */
  ASSET("Asset");

  /** {@link #values()} once: each call of it makes a new array, and the lookups below run per comment. */
  private static final EntityKind[] KINDS = values();

  private final String typeName;

  EntityKind(String typeName) {
    this.typeName = typeName;
  }

  /**
   * The reserved entity type name of this kind ({@code "Asset"} for assets, which is also the
   * {@code for_entity} value of asset task types).
   *
   * @return the name
   */
  public String typeName() {
    return typeName;
  }

  /**
   * The kind of an entity type, from its name: a reserved name gives its kind, any other an asset.
   *
   * @param entityTypeName the entity type's name
   * @return the kind
   */
  public static EntityKind ofEntityTypeName(String entityTypeName) {
    for (EntityKind k : KINDS) {
      if (k != ASSET && k.typeName.equals(entityTypeName)) {
        return k;
      }
    }
    return ASSET;
  }

  /**
   * The kind named by a task type's {@code for_entity} value.
   *
   * @param forEntity {@code Asset}, {@code Shot}, {@code Sequence}, ...
   * @return the kind
   * @throws IllegalArgumentException if the value names no kind
   */
  public static EntityKind ofForEntity(String forEntity) {
    for (EntityKind k : KINDS) {
      if (k.typeName.equals(forEntity)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown for_entity '" + forEntity
        + "'; known: Asset, Shot, Sequence, Episode, Scene, Edit, Concept");
  }
}
