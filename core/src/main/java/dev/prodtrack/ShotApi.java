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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Episodes, sequences, shots, scenes and edits: gazu's {@code shot}, {@code scene} and {@code edit}
 * modules. Obtained from {@link Session#shot()}.
 *
 * <p>Creating and updating requires the caller to manage the project (a global admin, or a team
 * member whose effective role on the project is manager). Parenting follows Kitsu (kitsu-semantics
 * §1.4): an episode has no parent; a sequence's parent is an episode or none; a shot's and a scene's is
 * a sequence; an edit's is an episode or none; the parent must exist, have that kind and belong to the
 * same project. Names are unique per (project, kind, parent). A refused mutation leaves the state
 * unchanged and publishes nothing. Reads require read access to the project (admin, or team member).
 * Listings are sorted by name. Thread-safe.
 */
public final class ShotApi {
  private static final Comparator<Entity> BY_NAME =
      Comparator.comparing(Entity::name).thenComparing(e -> e.id().value());

  private final ProdTrack engine;
  private final PersonId actor;

  ShotApi(ProdTrack engine, PersonId actor) {
    this.engine = engine;
    this.actor = actor;
  }

  /**
   * Creates an episode (gazu {@code new_episode}).
   *
   * @param project the project
   * @param name the name, unique among the project's episodes; not blank
   * @return the episode
   * @throws IllegalArgumentException if the name is blank
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if the project has an episode of
   *     that name
   */
  public Entity newEpisode(ProjectId project, String name) {
    return create(project, EntityKind.EPISODE, null, null, name, null, null, Map.of(), EventNames.EPISODE_NEW);
  }

  /**
   * Creates a sequence (gazu {@code new_sequence}), in an episode for TV shows or at the top of the
   * project otherwise.
   *
   * @param project the project
   * @param episode the parent episode, or null
   * @param name the name, unique among the sequences of the same parent; not blank
   * @return the sequence
   * @throws IllegalArgumentException if the name is blank
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   * @throws RuleViolationException with rule {@code BAD_PARENT} if the episode does not exist, is not an
   *     episode or belongs to another project; with rule {@code DUPLICATE_NAME} if the parent has a
   *     sequence of that name
   */
  public Entity newSequence(ProjectId project, EntityId episode, String name) {
    return create(project, EntityKind.SEQUENCE, episode, EntityKind.EPISODE, name, null, null, Map.of(),
        EventNames.SEQUENCE_NEW);
  }

  /**
   * Creates a shot in a sequence (gazu {@code new_shot}).
   *
   * @param project the project
   * @param sequence the parent sequence; not null
   * @param name the name, unique among the sequence's shots; not blank
   * @param nbFrames the number of frames, nullable; not negative
   * @param data free metadata (frame_in, frame_out, fps, max_retakes...), nullable
   * @return the shot
   * @throws IllegalArgumentException if the name is blank, {@code nbFrames} is negative or {@code data}
   *     holds a value that is not JSON-like
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   * @throws RuleViolationException with rule {@code BAD_PARENT} if the sequence does not exist, is not a
   *     sequence or belongs to another project; with rule {@code DUPLICATE_NAME} if the sequence has a
   *     shot of that name
   */
  public Entity newShot(ProjectId project, EntityId sequence, String name, Integer nbFrames,
      Map<String, ?> data) {
    Objects.requireNonNull(sequence, "sequence");
    requireFrames(nbFrames);
    return create(project, EntityKind.SHOT, sequence, EntityKind.SEQUENCE, name, null, nbFrames, data,
        EventNames.SHOT_NEW);
  }

  /**
   * Creates a scene in a sequence (gazu {@code scene.new_scene}).
   *
   * @param project the project
   * @param sequence the parent sequence; not null
   * @param name the name, unique among the sequence's scenes; not blank
   * @return the scene
   * @throws IllegalArgumentException if the name is blank
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   * @throws RuleViolationException with rule {@code BAD_PARENT} if the sequence does not exist, is not a
   *     sequence or belongs to another project; with rule {@code DUPLICATE_NAME} if the sequence has a
   *     scene of that name
   */
  public Entity newScene(ProjectId project, EntityId sequence, String name) {
    Objects.requireNonNull(sequence, "sequence");
    return create(project, EntityKind.SCENE, sequence, EntityKind.SEQUENCE, name, null, null, Map.of(),
        EventNames.SCENE_NEW);
  }

  /**
   * Creates an edit (gazu {@code edit.new_edit}), in an episode or at the top of the project.
   *
   * @param project the project
   * @param episode the parent episode, or null
   * @param name the name, unique among the edits of the same parent; not blank
   * @return the edit
   * @throws IllegalArgumentException if the name is blank
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller does not manage the project
   * @throws RuleViolationException with rule {@code BAD_PARENT} if the episode does not exist, is not an
   *     episode or belongs to another project; with rule {@code DUPLICATE_NAME} if the parent has an
   *     edit of that name
   */
  public Entity newEdit(ProjectId project, EntityId episode, String name) {
    return create(project, EntityKind.EDIT, episode, EntityKind.EPISODE, name, null, null, Map.of(),
        EventNames.EDIT_NEW);
  }

  /**
   * Updates a shot's number of frames, description and data (gazu {@code update_shot}); every other
   * field is kept as stored. The data replaces the stored data as a whole. {@code updated_at} becomes
   * now. Publishes {@code shot:update}.
   *
   * @param shot the shot with the new values; its id names the shot to update
   * @return the stored shot
   * @throws IllegalArgumentException if {@code nbFrames} is negative
   * @throws UnknownIdException if no shot has that id
   * @throws PermissionDeniedException if the caller does not manage the shot's project
   */
  public Entity updateShot(Entity shot) {
    Objects.requireNonNull(shot, "shot");
    requireFrames(shot.nbFrames());
    return engine.write(actor, tx -> {
      Entity old = tx.get(shot.id());
      if (old == null || Kinds.kindOf(tx, old) != EntityKind.SHOT) {
        throw new UnknownIdException("shot", shot.id());
      }
      Access.requireManagerOf(tx.person(actor), tx.project(old.projectId()), "update_shot", old.id());
      Entity updated = old.withNbFrames(shot.nbFrames()).withDescription(shot.description()).withData(shot.data())
          .withUpdatedAt(tx.now);
      tx.put(updated.id(), updated);
      tx.event(EventNames.SHOT_UPDATE, updated.projectId(), "shot_id", updated.id());
      return updated;
    });
  }

  /**
   * A shot by id (gazu {@code get_shot}).
   *
   * @param id the id
   * @return the shot
   * @throws UnknownIdException if no shot has that id
   * @throws PermissionDeniedException if the caller may not read its project
   */
  public Entity getShot(EntityId id) {
    return get(id, EntityKind.SHOT);
  }

  /**
   * A sequence by id (gazu {@code get_sequence}).
   *
   * @param id the id
   * @return the sequence
   * @throws UnknownIdException if no sequence has that id
   * @throws PermissionDeniedException if the caller may not read its project
   */
  public Entity getSequence(EntityId id) {
    return get(id, EntityKind.SEQUENCE);
  }

  /**
   * An episode by id (gazu {@code get_episode}).
   *
   * @param id the id
   * @return the episode
   * @throws UnknownIdException if no episode has that id
   * @throws PermissionDeniedException if the caller may not read its project
   */
  public Entity getEpisode(EntityId id) {
    return get(id, EntityKind.EPISODE);
  }

  /**
   * A scene by id (gazu {@code scene.get_scene}).
   *
   * @param id the id
   * @return the scene
   * @throws UnknownIdException if no scene has that id
   * @throws PermissionDeniedException if the caller may not read its project
   */
  public Entity getScene(EntityId id) {
    return get(id, EntityKind.SCENE);
  }

  /**
   * An edit by id (gazu {@code edit.get_edit}).
   *
   * @param id the id
   * @return the edit
   * @throws UnknownIdException if no edit has that id
   * @throws PermissionDeniedException if the caller may not read its project
   */
  public Entity getEdit(EntityId id) {
    return get(id, EntityKind.EDIT);
  }

  /**
   * A shot of a sequence by exact name (gazu {@code get_shot_by_name}).
   *
   * @param sequence the sequence
   * @param name the shot name
   * @return the shot, or empty
   * @throws UnknownIdException if no sequence has that id
   * @throws PermissionDeniedException if the caller may not read the sequence's project
   */
  public Optional<Entity> getShotByName(EntityId sequence, String name) {
    Objects.requireNonNull(sequence, "sequence");
    Objects.requireNonNull(name, "name");
    return engine.read(s -> {
      Entity seq = readable(s, sequence, EntityKind.SEQUENCE);
      return childrenOfKind(s, seq.id(), EntityKind.SHOT).stream().filter(e -> e.name().equals(name)).findFirst();
    });
  }

  /**
   * The episodes of a project, by name (gazu {@code all_episodes_for_project}).
   *
   * @param project the project
   * @return the episodes, immutable
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<Entity> allEpisodesForProject(ProjectId project) {
    return forProject(project, EntityKind.EPISODE);
  }

  /**
   * The sequences of a project, whatever their episode, by name (gazu {@code all_sequences_for_project}).
   *
   * @param project the project
   * @return the sequences, immutable
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<Entity> allSequencesForProject(ProjectId project) {
    return forProject(project, EntityKind.SEQUENCE);
  }

  /**
   * The sequences of an episode, by name (gazu {@code all_sequences_for_episode}).
   *
   * @param episode the episode
   * @return the sequences, immutable
   * @throws UnknownIdException if no episode has that id
   * @throws PermissionDeniedException if the caller may not read the episode's project
   */
  public List<Entity> allSequencesForEpisode(EntityId episode) {
    return forParent(episode, EntityKind.EPISODE, EntityKind.SEQUENCE);
  }

  /**
   * The shots of a sequence, by name (gazu {@code all_shots_for_sequence}).
   *
   * @param sequence the sequence
   * @return the shots, immutable
   * @throws UnknownIdException if no sequence has that id
   * @throws PermissionDeniedException if the caller may not read the sequence's project
   */
  public List<Entity> allShotsForSequence(EntityId sequence) {
    return forParent(sequence, EntityKind.SEQUENCE, EntityKind.SHOT);
  }

  /**
   * The shots of a project, by name (gazu {@code all_shots_for_project}); shots of different sequences
   * with the same name are in no particular order among themselves.
   *
   * @param project the project
   * @return the shots, immutable
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<Entity> allShotsForProject(ProjectId project) {
    return forProject(project, EntityKind.SHOT);
  }

  /**
   * The scenes of a sequence, by name (gazu {@code scene.all_scenes_for_sequence}).
   *
   * @param sequence the sequence
   * @return the scenes, immutable
   * @throws UnknownIdException if no sequence has that id
   * @throws PermissionDeniedException if the caller may not read the sequence's project
   */
  public List<Entity> allScenesForSequence(EntityId sequence) {
    return forParent(sequence, EntityKind.SEQUENCE, EntityKind.SCENE);
  }

  /**
   * The edits of a project, whatever their episode, by name (gazu {@code edit.all_edits_for_project}).
   *
   * @param project the project
   * @return the edits, immutable
   * @throws UnknownIdException if the project does not exist
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<Entity> allEditsForProject(ProjectId project) {
    return forProject(project, EntityKind.EDIT);
  }

  // ---- creation ----

  private Entity create(ProjectId project, EntityKind kind, EntityId parent, EntityKind parentKind, String name,
      String description, Integer nbFrames, Map<String, ?> data, String eventName) {
    Objects.requireNonNull(project, "project");
    requireName(kind, name);
    Map<String, Object> copy = Data.copyOf(data);
    return engine.write(actor, tx -> {
      Project p = tx.project(project);
      Access.requireManagerOf(tx.person(actor), p, "new_" + kindName(kind), project);
      if (parent != null) {
        requireParent(tx, project, parent, parentKind, kind);
      }
      EntityType type = Kinds.typeOf(tx, kind);
      requireUniqueName(tx, project, type, parent, name);
      Entity e = newEntityRecord(tx, project, type.id(), name, description, nbFrames, parent, copy);
      tx.put(e.id(), e);
      tx.event(eventName, project, kindName(kind) + "_id", e.id());
      return e;
    });
  }

  private static void requireParent(Tx tx, ProjectId project, EntityId parent, EntityKind expected,
      EntityKind child) {
    Entity p = tx.get(parent);
    String needs = "a " + kindName(child) + " needs a parent " + kindName(expected) + " of the same project";
    if (p == null) {
      throw new RuleViolationException(RuleViolationException.Rule.BAD_PARENT,
          "parent " + parent + " does not exist: " + needs, parent);
    }
    EntityKind actual = Kinds.kindOf(tx, p);
    if (actual != expected) {
      throw new RuleViolationException(RuleViolationException.Rule.BAD_PARENT,
          "parent " + parent + " is a " + kindName(actual) + ": " + needs, parent);
    }
    if (!p.projectId().equals(project)) {
      throw new RuleViolationException(RuleViolationException.Rule.BAD_PARENT,
          "parent " + parent + " belongs to project " + p.projectId() + ", not " + project + ": " + needs,
          parent, p.projectId());
    }
  }

  private static void requireFrames(Integer nbFrames) {
    if (nbFrames != null && nbFrames < 0) {
      throw new IllegalArgumentException("nbFrames must be >= 0, was " + nbFrames);
    }
  }

  // ---- helpers shared with AssetApi ----

  /**
   * Checks a new entity's name is free: Kitsu's unique (name, project_id, entity_type_id, parent_id),
   * over the committed state (through the project or parent index) and the transaction's own writes.
   */
  static void requireUniqueName(Tx tx, ProjectId project, EntityType type, EntityId parent, String name) {
    EntityId taken = tx.state.entityByKey.get(new State.EntityKey(project, type.id(), parent, name));
    if (taken != null && !tx.writes().containsKey(taken)) {
      throw duplicate(tx.state.entities.get(taken), type);
    }
    for (Object w : tx.writes().values()) {
      if (w instanceof Entity e && sameSlot(e, project, type.id(), parent, name)) {
        throw duplicate(e, type);
      }
    }
  }

  private static boolean sameSlot(Entity e, ProjectId project, EntityTypeId type, EntityId parent, String name) {
    return e.name().equals(name) && e.projectId().equals(project) && e.entityTypeId().equals(type)
        && Objects.equals(e.parentId(), parent);
  }

  private static RuleViolationException duplicate(Entity e, EntityType type) {
    return new RuleViolationException(RuleViolationException.Rule.DUPLICATE_NAME,
        type.name() + " name '" + e.name() + "' is already used by " + e.id() + " in project " + e.projectId()
            + (e.parentId() == null ? "" : " under parent " + e.parentId()),
        e.id(), e.projectId());
  }

  /** A new entity as Kitsu creates it: status running, not canceled, created by the acting person. */
  static Entity newEntityRecord(Tx tx, ProjectId project, EntityTypeId type, String name, String description,
      Integer nbFrames, EntityId parent, Map<String, Object> data) {
    return new Entity(new EntityId(tx.newId()), project, type, name, null, description, false, nbFrames, 0, false,
        false, "running", parent, null, null, tx.actor, data, tx.now, tx.now);
  }

  /** Checks an entity name is not blank. */
  static void requireName(EntityKind kind, String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException(kindName(kind) + " name must not be blank, was '" + name + "'");
    }
  }

  /** The lower-case kind name used in errors, actions and event fields: shot, sequence, asset... */
  static String kindName(EntityKind kind) {
    return kind.typeName().toLowerCase(Locale.ROOT);
  }

  /** An entity of a kind that the caller may read; another kind is an unknown id of the expected kind. */
  static Entity readableEntity(State s, PersonId actor, EntityId id, EntityKind kind) {
    Entity e = s.entities.get(id);
    if (e == null || Kinds.kindOf(s, e) != kind) {
      throw new UnknownIdException(kindName(kind), id);
    }
    Access.requireRead(ProjectApi.caller(s, actor), s.projects.get(e.projectId()), id);
    return e;
  }

  /** The entities of a project whose type is {@code type}, by name (ties by id). */
  static List<Entity> ofType(State s, ProjectId project, EntityTypeId type) {
    List<Entity> out = new ArrayList<>();
    if (type != null) {
      for (EntityId id : s.entitiesByProject.get(project)) {
        Entity e = s.entities.get(id);
        if (e.entityTypeId().equals(type)) {
          out.add(e);
        }
      }
    }
    return sortedByName(out);
  }

  /** The entities of a project of a temporal kind, by name. */
  static List<Entity> ofKind(State s, ProjectId project, EntityKind kind) {
    return ofType(s, project, s.entityTypeByName.get(kind.typeName()));
  }

  /** A list sorted by name (ties by id), immutable. */
  static List<Entity> sortedByName(List<Entity> list) {
    return PersonApi.sorted(list, BY_NAME);
  }

  private static List<Entity> childrenOfKind(State s, EntityId parent, EntityKind kind) {
    EntityTypeId type = s.entityTypeByName.get(kind.typeName());
    List<Entity> out = new ArrayList<>();
    if (type != null) {
      for (EntityId id : s.entitiesByParent.get(parent)) {
        Entity e = s.entities.get(id);
        if (e.entityTypeId().equals(type)) {
          out.add(e);
        }
      }
    }
    return sortedByName(out);
  }

  // ---- reads ----

  private Entity get(EntityId id, EntityKind kind) {
    Objects.requireNonNull(id, "id");
    return engine.read(s -> readable(s, id, kind));
  }

  private Entity readable(State s, EntityId id, EntityKind kind) {
    Objects.requireNonNull(id, "id");
    return readableEntity(s, actor, id, kind);
  }

  private List<Entity> forProject(ProjectId project, EntityKind kind) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> {
      ProjectApi.readableProject(s, actor, project);
      return ofKind(s, project, kind);
    });
  }

  private List<Entity> forParent(EntityId parent, EntityKind parentKind, EntityKind kind) {
    Objects.requireNonNull(parent, "parent");
    return engine.read(s -> {
      readable(s, parent, parentKind);
      return childrenOfKind(s, parent, kind);
    });
  }
}
