package dev.prodtrack;

import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.DepartmentId;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.EntityKind;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskStatusLink;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TaskTypeId;
import dev.prodtrack.model.TaskTypeLink;
import dev.prodtrack.model.TeamMember;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.model.TimeSpentId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Task types, task statuses, tasks, comments and time spents: gazu's {@code task} module. Obtained from
 * {@link Session#task()}.
 *
 * <p>Every mutation is checked against the acting person's role as Kitsu checks it, runs atomically and,
 * when refused, throws a {@link ProdTrackException} subclass and leaves the state unchanged. Listings
 * return immutable lists. Thread-safe.
 */
public final class TaskApi {
  private final ProdTrack engine;
  private final PersonId actor;

  TaskApi(ProdTrack engine, PersonId actor) {
    this.engine = engine;
    this.actor = actor;
  }

  // ---------------------------------------------------------------- task types

  /**
   * Creates an asset task type (gazu {@code new_task_type}). Admins only.
   *
   * @param name the name, unique in the studio
   * @return the task type
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if another task type has the name
   */
  public TaskType newTaskType(String name) {
    return newTaskType(name, EntityKind.ASSET.typeName(), null);
  }

  /**
   * Creates a task type. Admins only. Kitsu refuses any other task type with the same name, whatever
   * its {@code for_entity} or department.
   *
   * @param name the name
   * @param forEntity the kind its tasks go on: {@code Asset}, {@code Shot}, {@code Sequence},
   *     {@code Episode}, {@code Edit}, {@code Concept} or {@code Scene}
   * @param department the department, nullable
   * @return the task type (priority 1, colour {@code #FFFFFF}, time logging allowed)
   * @throws IllegalArgumentException if {@code forEntity} names no kind
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if the name is taken
   * @throws UnknownIdException if the department does not exist
   */
  public TaskType newTaskType(String name, String forEntity, DepartmentId department) {
    Objects.requireNonNull(name, "name");
    EntityKind.ofForEntity(Objects.requireNonNull(forEntity, "forEntity"));
    return engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "new_task_type", null);
      if (department != null) {
        tx.require("department", department);
      }
      TaskTypeId taken = tx.state.taskTypeByName.get(name);
      if (taken != null) {
        throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_NAME,
            "task type name '" + name + "' is already used by " + taken, taken);
      }
      TaskType t = new TaskType(new TaskTypeId(tx.newId()), name, null, null, "#FFFFFF", 1, forEntity, true,
          false, department, tx.now, tx.now);
      tx.put(t.id(), t);
      tx.event(EventNames.TASK_TYPE_NEW, null, "task_type_id", t.id());
      return t;
    });
  }

  /**
   * Every task type, by priority then name (gazu {@code all_task_types}).
   *
   * @return the task types
   */
  public List<TaskType> allTaskTypes() {
    return engine.read(s -> PersonApi.sorted(new ArrayList<>(s.taskTypes.values()),
        Comparator.comparingInt(TaskType::priority).thenComparing(TaskType::name)));
  }

  /**
   * A task type by id.
   *
   * @param id the id
   * @return the task type
   * @throws UnknownIdException if absent
   */
  public TaskType getTaskType(TaskTypeId id) {
    Objects.requireNonNull(id, "id");
    return engine.read(s -> found("task type", id, s.taskTypes.get(id)));
  }

  /**
   * A task type by exact name (gazu {@code get_task_type_by_name}).
   *
   * @param name the name
   * @return the task type, if any
   */
  public Optional<TaskType> getTaskTypeByName(String name) {
    Objects.requireNonNull(name, "name");
    return engine.read(s -> Optional.ofNullable(s.taskTypeByName.get(name)).map(s.taskTypes::get));
  }

  /**
   * Deletes a task type. Admins only. Refused while a task uses it; refused while a project links it
   * unless {@code force}, which first drops those links.
   *
   * @param id the task type
   * @param force drop project links first
   * @throws RuleViolationException with rule {@code IN_USE}, naming the tasks or projects that use it
   */
  public void removeTaskType(TaskTypeId id, boolean force) {
    Objects.requireNonNull(id, "id");
    engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "remove_task_type", id);
      tx.require("task type", id);
      int tasks = tx.state.tasksByType.get(id).size();
      if (tasks > 0) {
        throw new RuleViolationException(RuleViolationException.Rule.IN_USE,
            "task type " + id + " is used by " + tasks + " task(s)", id);
      }
      for (Project p : tx.state.projects.values()) {
        if (p.taskTypePriority(id).isPresent()) {
          if (!force) {
            throw new RuleViolationException(RuleViolationException.Rule.IN_USE,
                "task type " + id + " is linked to project " + p.id() + "; use force to drop the links", id, p.id());
          }
          List<TaskTypeLink> links = new ArrayList<>(p.taskTypeLinks());
          links.removeIf(l -> l.taskTypeId().equals(id));
          tx.put(p.id(), p.withTaskTypeLinks(links).withUpdatedAt(tx.now));
          tx.event(EventNames.PROJECT_UPDATE, p.id(), "project_id", p.id());
        }
      }
      tx.delete(id);
      tx.event(EventNames.TASK_TYPE_DELETE, null, "task_type_id", id);
      return null;
    });
  }

  // ---------------------------------------------------------------- task statuses

  /**
   * Creates a task status (gazu {@code new_task_status}). Admins only. As in Kitsu, creating a default
   * status first clears {@code is_default} on the first default status found, whatever its
   * {@code for_concept}.
   *
   * @param name the name
   * @param shortName the short name, unique in the studio
   * @param color the colour
   * @param flags its flags
   * @return the status (priority 1)
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if the short name is taken
   */
  public TaskStatus newTaskStatus(String name, String shortName, String color, Set<StatusFlag> flags) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shortName, "shortName");
    Objects.requireNonNull(color, "color");
    EnumSet<StatusFlag> f = flags.isEmpty() ? EnumSet.noneOf(StatusFlag.class) : EnumSet.copyOf(flags);
    return engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "new_task_status", null);
      TaskStatusId taken = tx.state.statusByShortName.get(shortName);
      if (taken != null) {
        throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_NAME,
            "task status short name '" + shortName + "' is already used by " + taken, taken);
      }
      if (f.contains(StatusFlag.DEFAULT)) {
        tx.state.taskStatuses.values().stream().filter(TaskStatus::isDefault)
            .min(Comparator.comparing(TaskStatus::createdAt).thenComparing(s -> s.id().value()))
            .ifPresent(old -> tx.put(old.id(), old.withIsDefault(false).withUpdatedAt(tx.now)));
      }
      TaskStatus s = statusRecord(tx, name, shortName, color, f);
      tx.put(s.id(), s);
      tx.event(EventNames.TASK_STATUS_NEW, null, "task_status_id", s.id());
      return s;
    });
  }

  static TaskStatus statusRecord(Tx tx, String name, String shortName, String color, Set<StatusFlag> f) {
    return new TaskStatus(new TaskStatusId(tx.newId()), name, shortName, null, color, 1,
        f.contains(StatusFlag.ARCHIVED), f.contains(StatusFlag.DEFAULT), f.contains(StatusFlag.DONE),
        f.contains(StatusFlag.RETAKE), f.contains(StatusFlag.WIP), f.contains(StatusFlag.FEEDBACK_REQUEST),
        !f.contains(StatusFlag.CLOSED_TO_ARTISTS), !f.contains(StatusFlag.CLOSED_TO_CLIENTS),
        f.contains(StatusFlag.FOR_CONCEPT), tx.now, tx.now);
  }

  /**
   * Every task status, by priority then name (gazu {@code all_task_statuses}).
   *
   * @return the statuses
   */
  public List<TaskStatus> allTaskStatuses() {
    return engine.read(s -> PersonApi.sorted(new ArrayList<>(s.taskStatuses.values()),
        Comparator.comparingInt(TaskStatus::priority).thenComparing(TaskStatus::name)));
  }

  /**
   * A task status by id.
   *
   * @param id the id
   * @return the status
   * @throws UnknownIdException if absent
   */
  public TaskStatus getTaskStatus(TaskStatusId id) {
    Objects.requireNonNull(id, "id");
    return engine.read(s -> found("task status", id, s.taskStatuses.get(id)));
  }

  /**
   * A task status by name, case-insensitive (gazu {@code get_task_status_by_name}).
   *
   * @param name the name
   * @return the first status with that name, if any
   */
  public Optional<TaskStatus> getTaskStatusByName(String name) {
    Objects.requireNonNull(name, "name");
    return engine.read(s -> s.taskStatuses.values().stream().filter(t -> t.name().equalsIgnoreCase(name))
        .min(Comparator.comparing(TaskStatus::createdAt)));
  }

  /**
   * A task status by short name (gazu {@code get_task_status_by_short_name}).
   *
   * @param shortName the short name
   * @return the status, if any
   */
  public Optional<TaskStatus> getTaskStatusByShortName(String shortName) {
    Objects.requireNonNull(shortName, "shortName");
    return engine.read(s -> Optional.ofNullable(s.statusByShortName.get(shortName)).map(s.taskStatuses::get));
  }

  /**
   * The status new entity tasks take (gazu {@code get_default_task_status}), if one exists yet. Kitsu
   * creates "Todo" on demand when a task needs it.
   *
   * @return the first default non-concept status, else the status with short name {@code todo}
   */
  public Optional<TaskStatus> getDefaultTaskStatus() {
    return engine.read(s -> Optional.ofNullable(findDefaultStatus(s, false)));
  }

  /**
   * Deletes a task status. Admins only. Refused while a task, a comment or a project link uses it.
   *
   * @param id the status
   * @throws RuleViolationException with rule {@code IN_USE}
   */
  public void removeTaskStatus(TaskStatusId id) {
    Objects.requireNonNull(id, "id");
    engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "remove_task_status", id);
      tx.require("task status", id);
      int tasks = tx.state.tasksByStatus.get(id).size();
      int comments = tx.state.commentsPerStatus.getIfAbsent(id, 0);
      if (tasks > 0 || comments > 0) {
        throw new RuleViolationException(RuleViolationException.Rule.IN_USE,
            "task status " + id + " is used by " + tasks + " task(s) and " + comments + " comment(s)", id);
      }
      for (Project p : tx.state.projects.values()) {
        for (TaskStatusLink l : p.taskStatusLinks()) {
          if (l.taskStatusId().equals(id)) {
            throw new RuleViolationException(RuleViolationException.Rule.IN_USE,
                "task status " + id + " is linked to project " + p.id(), id, p.id());
          }
        }
      }
      tx.delete(id);
      tx.event(EventNames.TASK_STATUS_DELETE, null, "task_status_id", id);
      return null;
    });
  }

  /** Kitsu's {@code get_default_status}, steps 1 and 2 (no creation). */
  static TaskStatus findDefaultStatus(State s, boolean forConcept) {
    TaskStatus best = null;
    for (TaskStatus t : s.taskStatuses.values()) {
      if (t.isDefault() && t.forConcept() == forConcept
          && (best == null || t.createdAt().isBefore(best.createdAt())
              || (t.createdAt().equals(best.createdAt()) && t.id().value().compareTo(best.id().value()) < 0))) {
        best = t;
      }
    }
    if (best != null) {
      return best;
    }
    TaskStatusId id = s.statusByShortName.get(forConcept ? "neutral" : "todo");
    return id == null ? null : s.taskStatuses.get(id);
  }

  /** Kitsu's {@code get_default_status}: found, or created in the transaction. */
  static TaskStatus defaultStatus(Tx tx, boolean forConcept) {
    for (Object w : tx.writes().values()) {
      if (w instanceof TaskStatus t && t.isDefault() && t.forConcept() == forConcept) {
        return t;
      }
    }
    TaskStatus found = findDefaultStatus(tx.state, forConcept);
    if (found != null) {
      return found;
    }
    TaskStatus created = forConcept
        ? statusRecord(tx, "Neutral", "neutral", "#CCCCCC", EnumSet.of(StatusFlag.FOR_CONCEPT))
        : statusRecord(tx, "Todo", "todo", "#f5f5f5", EnumSet.noneOf(StatusFlag.class));
    tx.put(created.id(), created);
    tx.event(EventNames.TASK_STATUS_NEW, null, "task_status_id", created.id());
    return created;
  }

  // ---------------------------------------------------------------- tasks

  /**
   * Creates the task "main" of a task type on an entity, in the default status (gazu {@code new_task}).
   *
   * @param entity the entity
   * @param taskType the task type; its {@code for_entity} must match the entity's kind
   * @return the task
   * @see #newTask(EntityId, TaskTypeId, String, TaskStatusId, List)
   */
  public Task newTask(EntityId entity, TaskTypeId taskType) {
    return newTask(entity, taskType, "main", null, List.of());
  }

  /**
   * Creates a task (gazu {@code new_task}). Only an admin or a manager in the project's team may create
   * tasks (Engine decision 4).
   *
   * @param entity the entity
   * @param taskType the task type; its {@code for_entity} must match the entity's kind ("Asset" matches
   *     every asset type)
   * @param name the task name ("main" by convention)
   * @param status the initial status, or null for the default status (the concept default on concepts;
   *     created on demand as Kitsu does)
   * @param assignees the initial assignees
   * @return the task; its assigner is the caller
   * @throws UnknownIdException if the entity, task type, status or an assignee does not exist
   * @throws PermissionDeniedException if the caller may not create tasks in the project
   * @throws RuleViolationException with rule {@code FOR_ENTITY_MISMATCH} or {@code DUPLICATE_TASK}
   */
  public Task newTask(EntityId entity, TaskTypeId taskType, String name, TaskStatusId status, List<PersonId> assignees) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(name, "name");
    List<PersonId> people = List.copyOf(assignees);
    if (name.isBlank()) {
      throw new IllegalArgumentException("task name must not be blank");
    }
    return engine.write(actor, tx -> {
      Entity e = tx.require("entity", entity);
      Project project = tx.project(e.projectId());
      Access.requireManagerOf(tx.person(actor), project, "new_task", entity);
      TaskType type = tx.require("task type", taskType);
      EntityKind kind = Kinds.kindOf(tx, e);
      if (EntityKind.ofForEntity(type.forEntity()) != kind) {
        throw new RuleViolationException(RuleViolationException.Rule.FOR_ENTITY_MISMATCH,
            "task type '" + type.name() + "' is for " + type.forEntity() + " but entity " + entity + " is a "
                + kind.typeName(), taskType, entity);
      }
      TaskId existing = tx.state.taskByKey.get(new State.TaskKey(entity, taskType, name));
      if (existing != null) {
        throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_TASK,
            "task '" + name + "' of type '" + type.name() + "' already exists on entity " + entity + ": " + existing,
            existing, entity, taskType);
      }
      TaskStatusId statusId = status != null ? tx.<TaskStatus>require("task status", status).id()
          : defaultStatus(tx, kind == EntityKind.CONCEPT).id();
      for (PersonId p : people) {
        tx.person(p);
      }
      Task t = new Task(new TaskId(tx.newId()), e.projectId(), taskType, statusId, entity, name, null, 0, 3,
          Duration.ZERO, Duration.ZERO, 0, 0, 0, null, null, null, null, null, null, 0, 0, Map.of(), actor,
          List.copyOf(new LinkedHashSet<>(people)), tx.now, tx.now);
      tx.put(t.id(), t);
      tx.event(EventNames.TASK_NEW, project.id(), "task_id", t.id());
      for (PersonId p : t.assignees()) {
        addToTeam(tx, project.id(), p);
        tx.event(EventNames.TASK_ASSIGN, project.id(), "task_id", t.id(), "person_id", p);
      }
      return t;
    });
  }

  /**
   * A task by id (gazu {@code get_task}). Readable by admins, team members and assignees.
   *
   * @param id the task
   * @return the task
   * @throws UnknownIdException if absent
   * @throws PermissionDeniedException if the caller may not see it
   */
  public Task getTask(TaskId id) {
    Objects.requireNonNull(id, "id");
    return engine.read(s -> {
      Task t = found("task", id, s.tasks.get(id));
      requireTaskRead(s, t);
      return t;
    });
  }

  /**
   * The task of an entity for a task type and name, the name compared case-insensitively (gazu
   * {@code get_task_by_entity}).
   *
   * @param entity the entity
   * @param taskType the task type
   * @param name the task name, usually "main"
   * @return the task, if any
   */
  public Optional<Task> getTaskByEntity(EntityId entity, TaskTypeId taskType, String name) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(name, "name");
    return engine.read(s -> {
      Task exact = get(s, s.taskByKey.get(new State.TaskKey(entity, taskType, name)));
      if (exact != null) {
        requireTaskRead(s, exact);
        return Optional.of(exact);
      }
      for (Task t : s.tasksOn(entity)) {
        if (t.taskTypeId().equals(taskType) && t.name().equalsIgnoreCase(name)) {
          requireTaskRead(s, t);
          return Optional.of(t);
        }
      }
      return Optional.empty();
    });
  }

  /**
   * The task "main" of an entity for a task type.
   *
   * @param entity the entity
   * @param taskType the task type
   * @return the task, if any
   */
  public Optional<Task> getTaskByEntity(EntityId entity, TaskTypeId taskType) {
    return getTaskByEntity(entity, taskType, "main");
  }

  /**
   * The tasks of an asset (gazu {@code all_tasks_for_asset}), in no particular order.
   *
   * @param asset the asset
   * @return its tasks
   */
  public List<Task> allTasksForAsset(EntityId asset) {
    return tasksOnEntity(asset);
  }

  /**
   * The tasks of a shot (gazu {@code all_tasks_for_shot}), in no particular order.
   *
   * @param shot the shot
   * @return its tasks
   */
  public List<Task> allTasksForShot(EntityId shot) {
    return tasksOnEntity(shot);
  }

  /**
   * The tasks of a scene (gazu {@code all_tasks_for_scene}).
   *
   * @param scene the scene
   * @return its tasks
   */
  public List<Task> allTasksForScene(EntityId scene) {
    return tasksOnEntity(scene);
  }

  /**
   * The tasks of an edit (gazu {@code all_tasks_for_edit}).
   *
   * @param edit the edit
   * @return its tasks
   */
  public List<Task> allTasksForEdit(EntityId edit) {
    return tasksOnEntity(edit);
  }

  /**
   * The tasks of a concept.
   *
   * @param concept the concept
   * @return its tasks
   */
  public List<Task> allTasksForConcept(EntityId concept) {
    return tasksOnEntity(concept);
  }

  /**
   * The tasks of the shots and scenes of a sequence (gazu {@code all_tasks_for_sequence}).
   *
   * @param sequence the sequence
   * @return the tasks of its children, in no particular order
   */
  public List<Task> allTasksForSequence(EntityId sequence) {
    Objects.requireNonNull(sequence, "sequence");
    return engine.readOptimistic(this, sequence, (s, api, id) -> {
      int project = api.rememberedReadable(s);
      return project != 0 && s.entityReads.projectOf(id.value()) == project ? tasksOfChildren(s, id) : null;
    }, (s, api, id) -> {
      Entity seq = found("entity", id, s.entities.get(id));
      if (!api.canRead(s, seq.projectId())) {
        Access.requireRead(s.persons.get(api.actor), s.projects.get(seq.projectId()), id);
      }
      return tasksOfChildren(s, id);
    });
  }

  /**
   * The tasks of a parent's children, one copy into an array of the exact size: each child's list is
   * looked up once. Under an optimistic read a torn set of children can only make this throw (an index
   * out of bounds), which sends the caller to the locked path; the lists themselves are immutable.
   */
  private static List<Task> tasksOfChildren(State s, EntityId parent) {
    var children = s.entitiesByParent.get(parent);
    FrozenList<?>[] lists = new FrozenList<?>[children.size()];
    int[] count = {0};
    children.forEach(child -> lists[count[0]++] = s.tasksOn(child));
    int n = 0;
    for (int i = 0; i < count[0]; i++) {
      n += lists[i].size();
    }
    Task[] out = new Task[n];
    int at = 0;
    for (int i = 0; i < count[0]; i++) {
      lists[i].copyInto(out, at);
      at += lists[i].size();
    }
    return FrozenList.wrap(out, n);
  }

  /**
   * The tasks of the shots of an episode's sequences (gazu {@code all_tasks_for_episode}).
   *
   * @param episode the episode
   * @return the tasks of its grandchildren, in no particular order
   */
  public List<Task> allTasksForEpisode(EntityId episode) {
    Objects.requireNonNull(episode, "episode");
    return engine.read(s -> {
      Entity ep = found("entity", episode, s.entities.get(episode));
      Access.requireRead(s.persons.get(actor), s.projects.get(ep.projectId()), episode);
      List<Task> out = new ArrayList<>();
      for (EntityId seq : s.entitiesByParent.get(episode)) {
        for (EntityId child : s.entitiesByParent.get(seq)) {
          out.addAll(s.tasksOn(child));
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * The tasks of an entity for one task type, ordered by name (gazu
   * {@code all_tasks_for_entity_and_task_type}).
   *
   * @param entity the entity
   * @param taskType the task type
   * @return the tasks
   */
  public List<Task> allTasksForEntityAndTaskType(EntityId entity, TaskTypeId taskType) {
    Objects.requireNonNull(taskType, "taskType");
    List<Task> out = new ArrayList<>(tasksOnEntity(entity));
    out.removeIf(t -> !t.taskTypeId().equals(taskType));
    out.sort(Comparator.comparing(Task::name));
    return List.copyOf(out);
  }

  /**
   * The tasks of a project with one task type and one status (gazu {@code all_tasks_for_task_status}).
   * Admins see all; vendors only their own tasks; others need to be in the team of an open project.
   *
   * @param project the project
   * @param taskType the task type
   * @param status the status
   * @return the matching tasks, in no particular order
   */
  public List<Task> allTasksForTaskStatus(ProjectId project, TaskTypeId taskType, TaskStatusId status) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(status, "status");
    return engine.read(s -> {
      StatusTaskIndex.Run run = s.statusTaskIndex().run(project, status, taskType);
      if (run == null) {
        return FrozenList.empty();
      }
      Person caller = s.persons.get(actor);
      if (Access.isAdmin(caller)) {
        return all(run);
      }
      if (caller.role() == Role.VENDOR) {
        return List.copyOf(run.assignedTo(actor));
      }
      Project p = s.projects.get(project);
      return p.open() && Access.inTeam(caller, p) ? all(run) : FrozenList.empty();
    });
  }

  /** Every task of a run, in its order, as a list of its own. */
  private static List<Task> all(StatusTaskIndex.Run run) {
    return FrozenList.wrap(run.copy(0, run.size()), run.size());
  }

  /**
   * {@link #allTasksForTaskStatus} as it was computed before {@link StatusTaskIndex}: a pass over the
   * status's tasks with a lookup, a project, type and visibility check each. Kept for the tests, which
   * compare the two.
   */
  List<Task> allTasksForTaskStatusByScan(ProjectId project, TaskTypeId taskType, TaskStatusId status) {
    return engine.read(s -> {
      List<Task> out = new ArrayList<>();
      for (TaskId id : s.tasksByStatus.get(status)) {
        Task t = s.tasks.get(id);
        if (t.projectId().equals(project) && t.taskTypeId().equals(taskType) && visible(s, t)) {
          out.add(t);
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * The tasks of a project (gazu {@code all_tasks_for_project}).
   *
   * @param project the project
   * @return its tasks, in no particular order
   * @throws PermissionDeniedException if the caller is neither admin nor in the team
   */
  public List<Task> allTasksForProject(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> {
      Project p = found("project", project, s.projects.get(project));
      Access.requireRead(s.persons.get(actor), p, project);
      List<Task> out = new ArrayList<>();
      s.tasksByProject.get(project).forEach(id -> out.add(s.tasks.get(id)));
      return List.copyOf(out);
    });
  }

  /**
   * Every task the caller may see (gazu {@code all_tasks}): admins all; vendors their assigned tasks;
   * others the tasks of the open projects whose team they are in.
   *
   * @return the tasks, in no particular order
   */
  public List<Task> allTasks() {
    return engine.read(s -> {
      List<Task> out = new ArrayList<>();
      for (Task t : s.tasks.values()) {
        if (visible(s, t)) {
          out.add(t);
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * The task types of an asset's tasks, by name (gazu {@code all_task_types_for_asset}).
   *
   * @param asset the asset
   * @return the task types
   */
  public List<TaskType> allTaskTypesForAsset(EntityId asset) {
    return typesOf(tasksOnEntity(asset));
  }

  /**
   * The task types of a shot's tasks, by name (gazu {@code all_task_types_for_shot}).
   *
   * @param shot the shot
   * @return the task types
   */
  public List<TaskType> allTaskTypesForShot(EntityId shot) {
    return typesOf(tasksOnEntity(shot));
  }

  /**
   * The task types of a scene's tasks, by name.
   *
   * @param scene the scene
   * @return the task types
   */
  public List<TaskType> allTaskTypesForScene(EntityId scene) {
    return typesOf(tasksOnEntity(scene));
  }

  /**
   * The task types of the tasks on a sequence's shots and scenes (not on the sequence itself), by name.
   *
   * @param sequence the sequence
   * @return the task types
   */
  public List<TaskType> allTaskTypesForSequence(EntityId sequence) {
    return typesOf(allTasksForSequence(sequence));
  }

  /**
   * The task types of the tasks on an episode's shots, by name.
   *
   * @param episode the episode
   * @return the task types
   */
  public List<TaskType> allTaskTypesForEpisode(EntityId episode) {
    return typesOf(allTasksForEpisode(episode));
  }

  /**
   * The distinct task types of a project's tasks (not the ones its settings enable), by name.
   *
   * @param project the project
   * @return the task types
   */
  public List<TaskType> allTaskTypesForProject(ProjectId project) {
    return typesOf(allTasksForProject(project));
  }

  private List<TaskType> typesOf(List<Task> tasks) {
    return engine.read(s -> {
      Set<TaskTypeId> ids = new LinkedHashSet<>();
      tasks.forEach(t -> ids.add(t.taskTypeId()));
      List<TaskType> out = new ArrayList<>();
      ids.forEach(id -> out.add(s.taskTypes.get(id)));
      out.sort(Comparator.comparing(TaskType::name));
      return List.copyOf(out);
    });
  }

  private List<Task> tasksOnEntity(EntityId entity) {
    Objects.requireNonNull(entity, "entity");
    return engine.readOptimistic(this, entity, (s, api, id) -> {
      int project = api.rememberedReadable(s);
      return project != 0 ? s.entityReads.tasksIfIn(id.value(), project) : null;
    }, (s, api, id) -> api.tasksOnEntityLocked(s, id));
  }

  /** {@link #tasksOnEntity} under the read lock: the read check decided (and remembered), or a filtered copy. */
  private List<Task> tasksOnEntityLocked(State s, EntityId entity) {
    Entity e = found("entity", entity, s.entities.get(entity));
    FrozenList<Task> on = s.tasksOn(entity);
    if (canRead(s, e.projectId())) {
      return on;
    }
    List<Task> mine = new ArrayList<>();
    for (Task t : on) {
      if (t.assignees().contains(actor)) {
        mine.add(t);
      }
    }
    return List.copyOf(mine);
  }

  /**
   * The caller's last read check: whether he may read a project ({@link Access#canRead}), decided at an
   * {@link State#accessVersion}. Immutable, so that threads sharing this API may publish it through a
   * plain field.
   */
  private record ReadCheck(long version, ProjectId project, int projectOrdinal, boolean readable) {}

  private ReadCheck lastReadCheck;

  /**
   * {@link Access#canRead} for the caller, remembered while no person or project changes: a repeated
   * question on the same project costs a field read and an id comparison instead of two lookups and a
   * team search.
   */
  private boolean canRead(State s, ProjectId project) {
    ReadCheck last = lastReadCheck;
    if (last != null && last.version == s.accessVersion && last.project.equals(project)) {
      return last.readable;
    }
    boolean readable = Access.canRead(s.persons.get(actor), s.projects.get(project));
    lastReadCheck = new ReadCheck(s.accessVersion, project, s.projectOrdinalIfAny(project), readable);
    return readable;
  }

  /**
   * {@link #canRead} answered from the remembered check only, for {@link ProdTrack#readOptimistic}: the
   * {@linkplain State#projectOrdinal ordinal} of the project the caller may read by the check remembered at
   * the state's current access version; 0 when nothing is remembered at that version (the slow path then
   * decides, and remembers), when it says no, or when the project had no ordinal then (no entity named it).
   * The caller compares it with the entity's project ordinal in {@link State#entityReads}. Changes
   * nothing: what an optimistic read sees may be torn until validated, and a check remembered from a torn
   * state could later be taken for a good one.
   */
  private int rememberedReadable(State s) {
    ReadCheck last = lastReadCheck;
    return last != null && last.readable && last.version == s.accessVersion ? last.projectOrdinal : 0;
  }

  private boolean visible(State s, Task t) {
    Person caller = s.persons.get(actor);
    if (Access.isAdmin(caller)) {
      return true;
    }
    if (caller.role() == Role.VENDOR) {
      return t.assignees().contains(actor);
    }
    Project p = s.projects.get(t.projectId());
    return p.open() && Access.inTeam(caller, p);
  }

  private void requireTaskRead(State s, Task t) {
    Person caller = s.persons.get(actor);
    if (!Access.canRead(caller, s.projects.get(t.projectId())) && !t.assignees().contains(actor)) {
      throw new PermissionDeniedException(actor, "get_task", t.id(), "not an admin, a team member or an assignee");
    }
  }

  /**
   * Open tasks — tasks whose status is not done — as Kitsu's open-tasks page lists them (gazu
   * {@code all_open_tasks}). Scope: for an admin every open project; for anyone else the open projects
   * whose team they are in; with {@link OpenTasksQuery#project()} set, that project alone, open or not,
   * if the caller may read it. Tasks of concept task types are left out unless a task type is given.
   *
   * @param query the filters and page
   * @return the page and the statistics of the whole selection
   * @throws PermissionDeniedException if the caller may not read the requested project
   */
  public OpenTasksPage allOpenTasks(OpenTasksQuery query) {
    Objects.requireNonNull(query, "query");
    if (query.project() != null && query.taskStatus() != null && query.persons().isEmpty() && !query.unassigned()
        && query.department() == null && query.startDateFrom() == null && query.dueDateTo() == null
        && query.taskTypePriority() == null) {
      return engine.read(s -> openTasksIndexed(s, query));
    }
    return engine.read(s -> openTasksByScan(s, query));
  }

  /**
   * {@link #allOpenTasks} through its general path (the one every query without a project, a status, or
   * with another filter takes), whatever the query. Kept for the tests, which compare it with the index.
   */
  OpenTasksPage allOpenTasksByScan(OpenTasksQuery query) {
    return engine.read(s -> openTasksByScan(s, query));
  }

  /**
   * A project's open tasks of one status (and task type, when given) from {@link StatusTaskIndex}: the
   * page is an array copy of the run's slice, the statistics the run's running sums.
   */
  private OpenTasksPage openTasksIndexed(State s, OpenTasksQuery query) {
    Project p = found("project", query.project(), s.projects.get(query.project()));
    Access.requireRead(s.persons.get(actor), p, p.id());
    TaskStatus status = s.taskStatuses.get(query.taskStatus());
    StatusTaskIndex.Run run = status == null || status.isDone() ? null
        : s.statusTaskIndex().run(p.id(), status.id(), query.taskType());
    int total = run == null ? 0 : run.size();
    long from = (long) (query.page() - 1) * query.limit();
    int start = (int) Math.min(from, total);
    int end = (int) Math.min(from + query.limit(), total);
    if (total == 0) {
      return new OpenTasksPage(FrozenList.empty(), 0, Duration.ZERO, Duration.ZERO, Map.of(), query.limit(),
          query.page(), false);
    }
    return new OpenTasksPage(FrozenList.wrap(run.copy(start, end), end - start), total, run.duration(),
        run.estimation(), Map.of(status.id(), total), query.limit(), query.page(), end < total);
  }

  private OpenTasksPage openTasksByScan(State s, OpenTasksQuery query) {
    Person caller = s.persons.get(actor);
    List<Project> scope = new ArrayList<>();
    if (query.project() != null) {
      Project p = found("project", query.project(), s.projects.get(query.project()));
      Access.requireRead(caller, p, p.id());
      scope.add(p);
    } else {
      for (Project p : s.projects.values()) {
        if (p.open() && Access.canRead(caller, p)) {
          scope.add(p);
        }
      }
    }
    List<Task> selected = new ArrayList<>();
    if (query.taskStatus() != null) {
      // the status's tasks (of every project) are fewer than the scope's: filter them by project
      Set<ProjectId> inScope = new java.util.HashSet<>();
      scope.forEach(p -> inScope.add(p.id()));
      for (TaskId id : s.tasksByStatus.get(query.taskStatus())) {
        Task t = s.tasks.get(id);
        if (inScope.contains(t.projectId()) && matchesOpen(s, t, query)) {
          selected.add(t);
        }
      }
    } else {
      for (Project p : scope) {
        for (TaskId id : s.tasksByProject.get(p.id())) {
          Task t = s.tasks.get(id);
          if (matchesOpen(s, t, query)) {
            selected.add(t);
          }
        }
      }
    }
    selected.sort(Comparator.comparing(Task::dueDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
        .thenComparing(t -> t.id().value()));
    Duration duration = Duration.ZERO;
    Duration estimation = Duration.ZERO;
    Map<TaskStatusId, Integer> counts = new java.util.HashMap<>();
    for (Task t : selected) {
      duration = duration.plus(t.duration());
      estimation = estimation.plus(t.estimation());
      counts.merge(t.taskStatusId(), 1, Integer::sum);
    }
    long from = (long) (query.page() - 1) * query.limit();
    int start = (int) Math.min(from, selected.size());
    int end = (int) Math.min(from + query.limit(), selected.size());
    return new OpenTasksPage(selected.subList(start, end), selected.size(), duration, estimation, counts,
        query.limit(), query.page(), end < selected.size());
  }

  /**
   * The late tasks of a project as of a day, with Kitsu's rule (open tasks page): a due date strictly
   * before {@code asOf} and no done date. Tasks without a due date are never late.
   *
   * @param project the project
   * @param asOf the day lateness is judged on ("today")
   * @return the late tasks, by due date then id
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<Task> allLateTasks(ProjectId project, LocalDate asOf) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(asOf, "asOf");
    return engine.read(s -> {
      Project p = found("project", project, s.projects.get(project));
      Access.requireRead(s.persons.get(actor), p, project);
      List<Task> out = new ArrayList<>();
      s.lateTasks(project, asOf, Integer.MAX_VALUE, out);
      return List.copyOf(out);
    });
  }

  private static boolean matchesOpen(State s, Task t, OpenTasksQuery q) {
    if (s.taskStatuses.get(t.taskStatusId()).isDone()) {
      return false;
    }
    TaskType type = s.taskTypes.get(t.taskTypeId());
    if (q.taskType() == null && EntityKind.ofForEntity(type.forEntity()) == EntityKind.CONCEPT) {
      return false;
    }
    if (q.taskType() != null && !q.taskType().equals(t.taskTypeId())) {
      return false;
    }
    if (q.taskStatus() != null && !q.taskStatus().equals(t.taskStatusId())) {
      return false;
    }
    if (q.unassigned() && !t.assignees().isEmpty()) {
      return false;
    }
    if (!q.persons().isEmpty() && t.assignees().stream().noneMatch(q.persons()::contains)) {
      return false;
    }
    if (q.department() != null && !q.department().equals(type.departmentId())) {
      return false;
    }
    if (q.startDateFrom() != null && (t.startDate() == null || t.startDate().isBefore(q.startDateFrom()))) {
      return false;
    }
    if (q.dueDateTo() != null && (t.dueDate() == null || t.dueDate().isAfter(q.dueDateTo()))) {
      return false;
    }
    return q.taskTypePriority() == null || q.taskTypePriority() == type.priority();
  }

  // ---------------------------------------------------------------- assignments

  /**
   * Assigns a person to a task (gazu {@code assign_task}); idempotent. The person joins the project
   * team if needed, and the caller becomes the task's assigner.
   *
   * <p>Who may: an admin; in the team, a manager, a supervisor with no department, a supervisor whose
   * departments contain the task type's and who shares a department with the assignee, or an artist
   * assigning himself to a task of one of his departments.
   *
   * @param task the task
   * @param person the assignee
   * @return the task after assignment
   * @throws UnknownIdException if the task or person does not exist
   * @throws PermissionDeniedException if the caller may not assign that person
   */
  public Task assignTask(TaskId task, PersonId person) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(person, "person");
    return engine.write(actor, tx -> {
      Task t = tx.task(task);
      Person assignee = tx.person(person);
      Project project = tx.project(t.projectId());
      TaskType type = tx.require("task type", t.taskTypeId());
      if (!Access.canAssign(tx.person(actor), assignee, project, type)) {
        throw new PermissionDeniedException(actor, "assign_task", task,
            "not allowed to assign " + person + " to a task of type '" + type.name() + "'");
      }
      if (assignee.bot() && !project.botCollaborationEnabled()) {
        throw new PermissionDeniedException(actor, "assign_task", task,
            "bots may be assigned only when the project enables bot collaboration");
      }
      addToTeam(tx, project.id(), person);
      if (t.assignees().contains(person)) {
        if (!actor.equals(t.assignerId())) {
          Task updated = t.withAssignerId(actor).withUpdatedAt(tx.now);
          tx.put(task, updated);
          tx.event(EventNames.TASK_UPDATE, project.id(), "task_id", task);
          return updated;
        }
        return t;
      }
      List<PersonId> people = new ArrayList<>(t.assignees());
      people.add(person);
      Task updated = t.withAssignees(people).withAssignerId(actor).withUpdatedAt(tx.now);
      tx.put(task, updated);
      Notifications.forAssignation(tx, updated, person);
      tx.event(EventNames.TASK_ASSIGN, project.id(), "task_id", task, "person_id", person);
      tx.event(EventNames.TASK_UPDATE, project.id(), "task_id", task);
      return updated;
    });
  }

  /**
   * Removes one assignee (gazu {@code unassign_task}). Allowed to an admin, a manager, a supervisor with
   * no or a matching department, or the assignee himself. Removing a person who is not assigned changes
   * nothing.
   *
   * @param task the task
   * @param person the assignee to remove
   * @return the task after the change
   */
  public Task unassignTask(TaskId task, PersonId person) {
    Objects.requireNonNull(person, "person");
    return clear(task, person);
  }

  /**
   * Removes every assignee (gazu {@code clear_assignations}).
   *
   * @param task the task
   * @return the task after the change
   */
  public Task clearAssignation(TaskId task) {
    return clear(task, null);
  }

  private Task clear(TaskId task, PersonId only) {
    Objects.requireNonNull(task, "task");
    return engine.write(actor, tx -> {
      Task t = tx.task(task);
      Project project = tx.project(t.projectId());
      TaskType type = tx.require("task type", t.taskTypeId());
      Person caller = tx.person(actor);
      List<PersonId> removed = new ArrayList<>();
      for (PersonId p : t.assignees()) {
        if (only == null || only.equals(p)) {
          if (!Access.canUnassign(caller, p, project, type)) {
            throw new PermissionDeniedException(actor, "unassign_task", task, "not allowed to unassign " + p);
          }
          removed.add(p);
        }
      }
      if (removed.isEmpty()) {
        return t;
      }
      List<PersonId> left = new ArrayList<>(t.assignees());
      left.removeAll(removed);
      Task updated = t.withAssignees(left).withUpdatedAt(tx.now);
      tx.put(task, updated);
      for (PersonId p : removed) {
        tx.event(EventNames.TASK_UNASSIGN, project.id(), "task_id", task, "person_id", p);
      }
      tx.event(EventNames.TASK_UPDATE, project.id(), "task_id", task);
      return updated;
    });
  }

  static void addToTeam(Tx tx, ProjectId projectId, PersonId person) {
    Project p = tx.project(projectId);
    if (p.member(person).isPresent()) {
      return;
    }
    List<TeamMember> team = new ArrayList<>(p.team());
    team.add(new TeamMember(person, null));
    tx.put(p.id(), p.withTeam(team).withUpdatedAt(tx.now));
    tx.event(EventNames.PROJECT_UPDATE, p.id(), "project_id", p.id());
  }

  // ---------------------------------------------------------------- comments

  /**
   * Posts a comment that sets a status (gazu {@code add_comment}).
   *
   * @param task the task
   * @param status the status the comment sets (the task's current status to change nothing)
   * @param text the text, may be empty
   * @return the comment
   * @see #addComment(TaskId, TaskStatusId, String, CommentOptions)
   */
  public Comment addComment(TaskId task, TaskStatusId status, String text) {
    return addComment(task, status, text, CommentOptions.NONE);
  }

  /**
   * Posts a comment that sets a status (gazu {@code add_comment}), with Kitsu's permission gate and
   * status machine.
   *
   * <p>Permission gate, in Kitsu's order: task action access (admin; manager or client in the team;
   * assignee; supervisor of a matching department; creator of the entity), else a mentioned team member
   * who is not a vendor may comment with the task's current status only; then artists may not use a
   * status closed to artists nor clients one closed to clients (project role). Then the retake cap: a
   * retake status is refused once the task's retake count reached the entity's {@code max_retakes}
   * (when set) or the project's (when the project's is not 0).
   *
   * <p>Effects: the comment is stored with mentions computed from its text; if it is the task's newest
   * comment (equal dates count) the live status path runs — status and last comment date set, and on a
   * status change the retake count, real start (now), end and done dates as Kitsu's
   * {@code update_task} does; otherwise (a back-dated comment) the whole history is replayed. Events:
   * {@code comment:new}; on a live status change {@code task:status-changed} and, for a feedback
   * request, {@code task:to-review}; {@code task:update}.
   *
   * @param task the task
   * @param status the status the comment sets
   * @param text the text, may be empty
   * @param options author, back-date, attachments, checklist, links, for-client (see
   *     {@link CommentOptions})
   * @return the stored comment
   * @throws UnknownIdException if the task, status or author does not exist
   * @throws PermissionDeniedException if the caller may not comment on the task
   * @throws StatusNotAllowedException if the caller may not set that status
   * @throws RetakeCapReachedException if the retake cap is reached
   */
  public Comment addComment(TaskId task, TaskStatusId status, String text, CommentOptions options) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(options, "options");
    return engine.write(actor, tx -> {
      Task t = tx.task(task);
      TaskStatus newStatus = tx.require("task status", status);
      Person caller = tx.person(actor);
      Project project = tx.project(t.projectId());
      TaskType type = tx.require("task type", t.taskTypeId());
      Entity entity = tx.require("entity", t.entityId());
      Role role = Access.effectiveRole(caller, project);
      if (!Access.taskAction(caller, project, t, type, entity)) {
        boolean mentioned = Access.inTeam(caller, project) && role != Role.VENDOR
            && Access.mentionedOn(caller, tx.state.commentsOf(task));
        if (!mentioned) {
          throw new PermissionDeniedException(actor, "add_comment", task,
              "not an admin, a manager or client of the project, an assignee, a supervisor of the task's "
                  + "department, the entity's creator, nor a mentioned team member");
        }
        if (!status.equals(t.taskStatusId())) {
          throw new StatusNotAllowedException(actor, task, status, role,
              "a mentioned person who may not act on the task may only comment with its current status "
                  + t.taskStatusId());
        }
      }
      if (role == Role.USER && !newStatus.isArtistAllowed()) {
        throw new StatusNotAllowedException(actor, task, status, role, "the status is closed to artists");
      }
      if (role == Role.CLIENT && !newStatus.isClientAllowed()) {
        throw new StatusNotAllowedException(actor, task, status, role, "the status is closed to clients");
      }
      boolean manager = Access.isManagerOf(caller, project);
      PersonId author = manager && options.author() != null ? tx.person(options.author()).id() : actor;
      java.time.Instant date = manager && options.createdAt() != null ? options.createdAt() : tx.now;
      boolean forClient = manager && options.forClient();
      checkRetakeCap(project, entity, t, newStatus);
      Comment c = post(tx, t, newStatus, author, date, text, options.withForClient(forClient));
      repostHashtags(tx, t, c, options.withForClient(forClient));
      return c;
    });
  }

  /**
   * The comment pipeline after the permission gate and the retake cap: store the comment with its
   * mentions, run the live path or the replay, make notifications and news, publish events.
   */
  static Comment post(Tx tx, Task t, TaskStatus newStatus, PersonId author, java.time.Instant date, String text,
      CommentOptions options) {
    return post(tx, t, newStatus, author, date, text, options, 0);
  }

  static Comment post(Tx tx, Task t, TaskStatus newStatus, PersonId author, java.time.Instant date, String text,
      CommentOptions options, int automationDepth) {
    Project project = tx.project(t.projectId());
    TaskId task = t.id();
    Comment c = new Comment(new CommentId(tx.newId()), task, newStatus.id(), author, null, text, Map.of(), List.of(),
        options.checklist(), null, options.forClient(), options.links(), Mentions.persons(tx.state, project, text),
        Mentions.departments(tx.state, text), List.of(), options.attachments(), false, date, tx.now);
    tx.putNewComment(c);
    boolean events = tx.recordsEvents(); // no argument arrays for events nobody listens to
    if (events) {
      tx.event(EventNames.COMMENT_NEW, project.id(), "comment_id", c.id(), "task_id", task, "task_status_id",
          newStatus.id());
    }
    boolean changed = false;
    if (StatusRules.isNewest(t, date)) {
      StatusRules.Live live = StatusRules.applyLive(t, newStatus, date, tx.now);
      changed = live.statusChanged();
      tx.put(task, live.task());
      if (changed && events) {
        tx.event(EventNames.TASK_STATUS_CHANGED, project.id(), "task_id", task,
            "new_task_status_id", newStatus.id(), "previous_task_status_id", t.taskStatusId(), "person_id", author);
        if (newStatus.isFeedbackRequest()) {
          tx.event(EventNames.TASK_TO_REVIEW, project.id(), "task_id", task,
              "new_task_status_id", newStatus.id(), "previous_task_status_id", t.taskStatusId(),
              "person_id", author, "comment_id", c.id());
        }
      }
    } else {
      replay(tx, task);
    }
    Notifications.forComment(tx, c, tx.task(task), project, changed);
    if (events) {
      tx.event(EventNames.TASK_UPDATE, project.id(), "task_id", task);
    }
    runStatusAutomations(tx, tx.task(task), author, automationDepth);
    return c;
  }

  /** Automations may trigger automations; a longer chain than this is refused as a loop. */
  private static final int MAX_AUTOMATION_DEPTH = 16;

  /**
   * Kitsu's status automations after a comment (kitsu-semantics §2.3): each automation linked to the
   * project, not archived, whose in task type and in status match the task (its current status, whether
   * or not the comment changed it) and whose entity type matches, runs — unless it would roll the
   * pipeline back (a status automation whose in task type comes after its out task type in the project's
   * task-type priorities). A status automation posts its out status on the entity's first task of the out
   * type, as the original author, through the same pipeline (so automations can chain); a ready_for
   * automation marks the entity ready for the out task type.
   */
  static void runStatusAutomations(Tx tx, Task task, PersonId author, int depth) {
    Project project = tx.project(task.projectId());
    if (tx.state.statusAutomations.isEmpty()) {
      return;
    }
    List<dev.prodtrack.model.StatusAutomation> automations = new ArrayList<>(tx.state.statusAutomations.values());
    automations.sort(Comparator.comparing(a -> a.id().value()));
    for (dev.prodtrack.model.StatusAutomation a : automations) {
      if (a.archived() || !a.projectIds().contains(project.id()) || !a.inTaskTypeId().equals(task.taskTypeId())
          || !a.inTaskStatusId().equals(task.taskStatusId())) {
        continue;
      }
      Entity entity = tx.require("entity", task.entityId());
      EntityKind kind = Kinds.kindOf(tx, entity);
      String typeName = tx.<dev.prodtrack.model.EntityType>require("entity type", entity.entityTypeId()).name();
      boolean kindMatches = a.entityType().equalsIgnoreCase("asset") ? kind == EntityKind.ASSET
          : a.entityType().equalsIgnoreCase(typeName);
      if (!kindMatches) {
        continue;
      }
      if (a.outFieldType().equals("ready_for")) {
        tx.put(entity.id(), entity.withReadyFor(a.outTaskTypeId()).withUpdatedAt(tx.now));
        tx.event(EventNames.ASSET_UPDATE, project.id(), "asset_id", entity.id());
        continue;
      }
      java.util.OptionalInt in = project.taskTypePriority(a.inTaskTypeId());
      java.util.OptionalInt out = project.taskTypePriority(a.outTaskTypeId());
      if (in.isPresent() && out.isPresent() && in.getAsInt() > out.getAsInt()) {
        continue;
      }
      Task target = tx.state.tasksOn(entity.id()).stream().filter(t -> t.taskTypeId().equals(a.outTaskTypeId()))
          .min(Comparator.comparing(Task::createdAt).thenComparing(t -> t.id().value())).orElse(null);
      if (target == null) {
        continue;
      }
      if (depth >= MAX_AUTOMATION_DEPTH) {
        throw new RuleViolationException(RuleViolationException.Rule.AUTOMATION_LOOP,
            "status automations chained more than " + MAX_AUTOMATION_DEPTH + " times from task " + task.id()
                + ": the automations form a loop", a.id(), task.id());
      }
      target = tx.task(target.id());
      TaskStatus outStatus = tx.require("task status", a.outTaskStatusId());
      checkRetakeCap(project, entity, target, outStatus);
      TaskType inType = tx.require("task type", a.inTaskTypeId());
      TaskStatus inStatus = tx.require("task status", a.inTaskStatusId());
      post(tx, target, outStatus, author, tx.now,
          "Change triggered by " + inType.name() + " set to " + inStatus.name(), CommentOptions.NONE, depth + 1);
    }
  }

  private static final java.util.regex.Pattern HASHTAG = java.util.regex.Pattern.compile("#(\\p{L}+)");

  /**
   * Kitsu's hashtags: {@code #tasktype} reposts the comment on the other tasks of the same entity whose
   * task type has that name (case-insensitive), {@code #all} on every other task of the entity; each
   * repost keeps the sibling's current status, adds the line "From &lt;type&gt; task" and is not scanned
   * for hashtags again. A repost never changes a status, so it is not held to the retake cap (prodtrack
   * decides; zou would run the cap check on a sibling already in a capped retake status).
   */
  static void repostHashtags(Tx tx, Task source, Comment c, CommentOptions options) {
    if (c.text().indexOf('#') < 0) {
      return;
    }
    java.util.Set<String> tags = new java.util.HashSet<>();
    java.util.regex.Matcher m = HASHTAG.matcher(c.text());
    while (m.find()) {
      tags.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
    }
    if (tags.isEmpty()) {
      return;
    }
    TaskType sourceType = tx.require("task type", source.taskTypeId());
    String text = c.text() + "\nFrom " + sourceType.name() + " task";
    List<Task> siblings = new ArrayList<>(tx.state.tasksOn(source.entityId()));
    siblings.sort(Comparator.comparing(t -> t.id().value()));
    for (Task sibling : siblings) {
      if (sibling.id().equals(source.id())) {
        continue;
      }
      TaskType type = tx.require("task type", sibling.taskTypeId());
      if (tags.contains("all") || tags.contains(type.name().toLowerCase(java.util.Locale.ROOT))) {
        Task current = tx.task(sibling.id());
        post(tx, current, tx.require("task status", current.taskStatusId()), c.personId(), c.createdAt(), text,
            options);
      }
    }
  }

  /**
   * Kitsu's retake cap (kitsu-semantics §2.4).
   */
  static void checkRetakeCap(Project project, Entity entity, Task task, TaskStatus status) {
    if (!status.isRetake() || project.maxRetakes() <= 0) {
      return;
    }
    int cap = project.maxRetakes();
    Object override = entity.data().get("max_retakes");
    if (override instanceof Number n && n.intValue() > 0) {
      cap = n.intValue();
    }
    if (task.retakeCount() >= cap) {
      throw new RetakeCapReachedException(task.id(), status.id(), task.retakeCount(), cap);
    }
  }

  /** Replays a task from its comment history in the transaction (Kitsu's {@code reset_task_data}). */
  static Task replay(Tx tx, TaskId taskId) {
    Task t = tx.task(taskId);
    Entity e = tx.require("entity", t.entityId());
    TaskStatusId fallback = defaultStatus(tx, Kinds.kindOf(tx, e) == EntityKind.CONCEPT).id();
    Task replayed = StatusRules.replay(t, tx.commentsOf(taskId), id -> tx.require("task status", id), fallback,
        tx.timeSpentsOf(taskId), tx.now);
    tx.put(taskId, replayed);
    return replayed;
  }

  /**
   * Moves a comment posted on the wrong task to another task of the same entity (gazu
   * {@code move_comment_to_task}, kitsu-semantics §3).
   *
   * <p>Preconditions, in Kitsu's order, each refusal typed and carrying the ids: the caller's
   * <em>global</em> role is admin or manager; the caller can act on both tasks (admin, or in both
   * projects' teams); the comment is on {@code source}; the tasks differ; they share their entity; the
   * comment has no preview. Nothing else is checked (no retake cap, no artist/client status rule).
   *
   * <p>Effects, as one atomic change: the comment keeps its id, text, date, status, author, editor,
   * attachments, checklist, pinned flag, links, for-client flag, replies, acknowledgements and mentions,
   * and now points at {@code target}; both tasks are replayed from their comment histories (the source
   * falls back to its previous comment's status or the default status; the target takes the comment's
   * status only if it is now its newest comment); time spents do not move. Events:
   * {@code comment:delete} on the source, {@code comment:new} on the target, {@code task:update} for
   * both, and no {@code task:status-changed}.
   *
   * @param source the task the comment is on
   * @param comment the comment
   * @param target the task to move it to
   * @return the moved comment
   * @throws UnknownIdException if a task or the comment does not exist
   * @throws PermissionDeniedException if the caller's global role is not admin or manager, or the caller
   *     cannot reach both tasks
   * @throws RuleViolationException with rule {@code COMMENT_NOT_ON_TASK}, {@code SAME_TASK},
   *     {@code DIFFERENT_ENTITY} or {@code HAS_PREVIEW}
   */
  public Comment moveCommentToTask(TaskId source, CommentId comment, TaskId target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(target, "target");
    return engine.write(actor, tx -> {
      Person caller = tx.person(actor);
      if (!Access.hasGlobalManagerRole(caller)) {
        throw new PermissionDeniedException(actor, "move_comment_to_task", comment,
            "moving a comment needs the global role admin or manager (the project role does not count)");
      }
      Task from = tx.task(source);
      Task to = tx.task(target);
      for (Task t : List.of(from, to)) {
        if (!Access.canRead(caller, tx.project(t.projectId()))) {
          throw new PermissionDeniedException(actor, "move_comment_to_task", t.id(),
              "not an admin nor in the team of the task's project");
        }
      }
      Comment c = tx.require("comment", comment);
      if (!c.taskId().equals(source)) {
        throw new RuleViolationException(RuleViolationException.Rule.COMMENT_NOT_ON_TASK,
            "comment " + comment + " is on task " + c.taskId() + ", not on task " + source, comment, source);
      }
      if (source.equals(target)) {
        throw new RuleViolationException(RuleViolationException.Rule.SAME_TASK,
            "comment " + comment + " is already on task " + target, comment, target);
      }
      if (!from.entityId().equals(to.entityId())) {
        throw new RuleViolationException(RuleViolationException.Rule.DIFFERENT_ENTITY,
            "a comment moves only between tasks of one entity: task " + source + " is on " + from.entityId()
                + ", task " + target + " on " + to.entityId(), comment, source, target);
      }
      if (c.hasPreview()) {
        throw new RuleViolationException(RuleViolationException.Rule.HAS_PREVIEW,
            "comment " + comment + " is attached to a preview revision and cannot move", comment);
      }
      Comment moved = c.withTaskId(target);
      tx.putComment(moved);
      Notifications.dropForComment(tx, comment);
      replay(tx, source);
      Task replayedTarget = replay(tx, target);
      Notifications.forComment(tx, moved, replayedTarget, tx.project(to.projectId()), false);
      tx.event(EventNames.COMMENT_DELETE, from.projectId(), "comment_id", comment);
      tx.event(EventNames.COMMENT_NEW, to.projectId(), "comment_id", comment, "task_id", target,
          "task_status_id", c.taskStatusId());
      tx.event(EventNames.TASK_UPDATE, from.projectId(), "task_id", source);
      tx.event(EventNames.TASK_UPDATE, to.projectId(), "task_id", target);
      return moved;
    });
  }

  /**
   * Deletes a comment (Kitsu's {@code DELETE /data/comments/<id>}): a manager of the project or the
   * comment's author may. The task is replayed from its remaining comments; {@code task:status-changed}
   * is published when its status moved.
   *
   * @param comment the comment
   * @return the task after the replay
   * @throws UnknownIdException if the comment does not exist
   * @throws PermissionDeniedException unless the caller manages the project or wrote the comment
   */
  public Task removeComment(CommentId comment) {
    Objects.requireNonNull(comment, "comment");
    return engine.write(actor, tx -> {
      Comment c = tx.require("comment", comment);
      Task before = tx.task(c.taskId());
      Project project = tx.project(before.projectId());
      Person caller = tx.person(actor);
      if (!Access.isManagerOf(caller, project) && !c.personId().equals(actor)) {
        throw new PermissionDeniedException(actor, "remove_comment", comment,
            "only a manager of the project or the comment's author may delete it");
      }
      tx.delete(comment);
      Notifications.dropForComment(tx, comment);
      Task after = replay(tx, before.id());
      tx.event(EventNames.COMMENT_DELETE, project.id(), "comment_id", comment);
      if (!after.taskStatusId().equals(before.taskStatusId())) {
        tx.event(EventNames.TASK_STATUS_CHANGED, project.id(), "task_id", before.id(),
            "new_task_status_id", after.taskStatusId(), "previous_task_status_id", before.taskStatusId(),
            "person_id", actor);
      }
      tx.event(EventNames.TASK_UPDATE, project.id(), "task_id", before.id());
      return after;
    });
  }

  /**
   * Edits a comment (Kitsu's {@code PUT /data/comments/<id>}): its author or a manager of the project
   * may. A new text recomputes the mentions and rebuilds the mention notifications (reply notifications
   * are kept); a new status replays the task and publishes {@code task:status-changed} when the task's
   * status moved. The editor becomes the caller.
   *
   * @param comment the comment
   * @param text the new text, or null to keep it
   * @param status the new status, or null to keep it
   * @return the stored comment
   * @throws UnknownIdException if the comment or the status does not exist
   * @throws PermissionDeniedException unless the caller wrote the comment or manages the project
   */
  public Comment updateComment(CommentId comment, String text, TaskStatusId status) {
    Objects.requireNonNull(comment, "comment");
    return engine.write(actor, tx -> {
      Comment c = tx.require("comment", comment);
      Task before = tx.task(c.taskId());
      Project project = tx.project(before.projectId());
      if (!Access.isManagerOf(tx.person(actor), project) && !c.personId().equals(actor)) {
        throw new PermissionDeniedException(actor, "update_comment", comment,
            "only a manager of the project or the comment's author may edit it");
      }
      Comment updated = c.withEditorId(actor).withUpdatedAt(tx.now);
      if (text != null && !text.equals(c.text())) {
        updated = updated.withText(text).withMentions(Mentions.persons(tx.state, project, text))
            .withDepartmentMentions(Mentions.departments(tx.state, text));
      }
      if (status != null) {
        updated = updated.withTaskStatusId(tx.<TaskStatus>require("task status", status).id());
      }
      tx.putComment(updated);
      if (!updated.mentions().equals(c.mentions()) || !updated.departmentMentions().equals(c.departmentMentions())) {
        for (var id : tx.state.notificationsOfComment(comment)) {
          if (tx.state.notifications.get(id).type() == dev.prodtrack.model.NotificationType.MENTION) {
            tx.delete(id);
          }
        }
        Notifications.forMentions(tx, updated, before, project, false);
      }
      tx.event(EventNames.COMMENT_UPDATE, project.id(), "comment_id", comment);
      if (!updated.taskStatusId().equals(c.taskStatusId())) {
        Task after = replay(tx, before.id());
        if (!after.taskStatusId().equals(before.taskStatusId())) {
          tx.event(EventNames.TASK_STATUS_CHANGED, project.id(), "task_id", before.id(),
              "new_task_status_id", after.taskStatusId(), "previous_task_status_id", before.taskStatusId(),
              "person_id", actor);
        }
        tx.event(EventNames.TASK_UPDATE, project.id(), "task_id", before.id());
      }
      return updated;
    });
  }

  /**
   * Replies to a comment (Kitsu's reply route). Whoever may comment on the task may reply. The reply's
   * mentions are computed from its text; {@code reply} notifications go to the assignees, the
   * subscribers, the people who replied before and the comment's author, and {@code reply-mention}
   * notifications to the people mentioned, never to the replier.
   *
   * @param comment the comment
   * @param text the reply's text
   * @return the comment with the reply appended
   * @throws UnknownIdException if the comment does not exist
   * @throws PermissionDeniedException if the caller may not comment on the task
   */
  public Comment replyToComment(CommentId comment, String text) {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(text, "text");
    return engine.write(actor, tx -> {
      Comment c = tx.require("comment", comment);
      Task t = tx.task(c.taskId());
      Project project = tx.project(t.projectId());
      Person caller = tx.person(actor);
      boolean may = Access.taskAction(caller, project, t, tx.require("task type", t.taskTypeId()),
          tx.require("entity", t.entityId()))
          || (Access.inTeam(caller, project) && Access.effectiveRole(caller, project) != Role.VENDOR
              && Access.mentionedOn(caller, tx.state.commentsOf(t.id())));
      if (!may) {
        throw new PermissionDeniedException(actor, "reply_comment", comment, "the caller may not comment on the task");
      }
      dev.prodtrack.model.Reply reply = new dev.prodtrack.model.Reply(tx.newId(), tx.now, actor, text,
          Mentions.persons(tx.state, project, text), Mentions.departments(tx.state, text));
      List<dev.prodtrack.model.Reply> replies = new ArrayList<>(c.replies());
      replies.add(reply);
      Comment updated = c.withReplies(replies).withUpdatedAt(tx.now);
      tx.putComment(updated);
      Notifications.forReply(tx, updated, reply, t, project);
      tx.event(EventNames.COMMENT_UPDATE, project.id(), "comment_id", comment);
      return updated;
    });
  }

  /**
   * Deletes a reply and its notifications: the reply's author or a manager of the project may.
   *
   * @param comment the comment
   * @param reply the reply's id
   * @return the comment without the reply
   * @throws UnknownIdException if the comment or the reply does not exist
   * @throws PermissionDeniedException unless the caller wrote the reply or manages the project
   */
  public Comment removeReply(CommentId comment, java.util.UUID reply) {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(reply, "reply");
    return engine.write(actor, tx -> {
      Comment c = tx.require("comment", comment);
      Project project = tx.project(tx.task(c.taskId()).projectId());
      dev.prodtrack.model.Reply r = c.replies().stream().filter(x -> x.id().equals(reply)).findFirst()
          .orElseThrow(() -> new RuleViolationException(RuleViolationException.Rule.MISSING_REFERENCE,
              "comment " + comment + " has no reply " + reply, comment));
      if (!r.personId().equals(actor) && !Access.isManagerOf(tx.person(actor), project)) {
        throw new PermissionDeniedException(actor, "delete_reply", comment,
            "only a manager of the project or the reply's author may delete it");
      }
      List<dev.prodtrack.model.Reply> replies = new ArrayList<>(c.replies());
      replies.remove(r);
      Comment updated = c.withReplies(replies).withUpdatedAt(tx.now);
      tx.putComment(updated);
      for (var id : tx.state.notificationsOfComment(comment)) {
        if (reply.equals(tx.state.notifications.get(id).replyId())) {
          tx.delete(id);
        }
      }
      tx.event(EventNames.COMMENT_UPDATE, project.id(), "comment_id", comment);
      return updated;
    });
  }

  /**
   * Toggles the caller's acknowledgement of a comment (Kitsu's acknowledge route). Anyone who may read
   * the task may.
   *
   * @param comment the comment
   * @return the comment with the caller added to or removed from its acknowledgements
   */
  public Comment acknowledgeComment(CommentId comment) {
    Objects.requireNonNull(comment, "comment");
    return engine.write(actor, tx -> {
      Comment c = tx.require("comment", comment);
      Task t = tx.task(c.taskId());
      requireTaskRead(tx.state, t);
      List<PersonId> acks = new ArrayList<>(c.acknowledgements());
      if (!acks.remove(actor)) {
        acks.add(actor);
      }
      Comment updated = c.withAcknowledgements(acks).withUpdatedAt(tx.now);
      tx.putComment(updated);
      tx.event(EventNames.COMMENT_UPDATE, t.projectId(), "comment_id", comment);
      return updated;
    });
  }

  /**
   * Pins or unpins a comment: a manager of the project may.
   *
   * @param comment the comment
   * @param pinned the new state
   * @return the stored comment
   */
  public Comment pinComment(CommentId comment, boolean pinned) {
    Objects.requireNonNull(comment, "comment");
    return engine.write(actor, tx -> {
      Comment c = tx.require("comment", comment);
      Project project = tx.project(tx.task(c.taskId()).projectId());
      Access.requireManagerOf(tx.person(actor), project, "pin_comment", comment);
      Comment updated = c.withPinned(pinned).withUpdatedAt(tx.now);
      tx.putComment(updated);
      tx.event(EventNames.COMMENT_UPDATE, project.id(), "comment_id", comment);
      return updated;
    });
  }

  /**
   * Starts a task (gazu {@code start_task}): a comment with the status whose short name is "wip".
   *
   * @param task the task
   * @return the comment
   * @throws RuleViolationException with rule {@code MISSING_REFERENCE} if no status has short name "wip"
   */
  public Comment startTask(TaskId task) {
    TaskStatusId wip = engine.read(s -> s.statusByShortName.get("wip"));
    if (wip == null) {
      throw new RuleViolationException(RuleViolationException.Rule.MISSING_REFERENCE,
          "no task status has the short name 'wip': create it before starting tasks");
    }
    return addComment(task, wip, "");
  }

  /**
   * The comments of a task the caller may see, newest first (gazu {@code all_comments_for_task}).
   * Readers who are neither managers nor clients do not see comments of client-role authors; clients
   * see comments for clients and client-authored comments (only their own when the project isolates
   * clients).
   *
   * @param task the task
   * @return the comments
   */
  public List<Comment> allCommentsForTask(TaskId task) {
    Objects.requireNonNull(task, "task");
    return engine.read(s -> {
      Task t = found("task", task, s.tasks.get(task));
      requireTaskRead(s, t);
      Project p = s.projects.get(t.projectId());
      Person caller = s.persons.get(actor);
      Role role = Access.effectiveRole(caller, p);
      List<Comment> all = s.commentsOf(task);
      List<Comment> out = new ArrayList<>(all.size());
      for (int i = all.size() - 1; i >= 0; i--) {
        Comment c = all.get(i);
        Person author = s.persons.get(c.personId());
        boolean byClient = author != null && Access.effectiveRole(author, p) == Role.CLIENT;
        boolean show;
        if (role == Role.CLIENT) {
          show = c.forClient() || (byClient && (!p.clientsIsolated() || c.personId().equals(actor)));
        } else if (role == Role.ADMIN || role == Role.MANAGER) {
          show = true;
        } else {
          show = !byClient;
        }
        if (show) {
          out.add(c);
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * The newest comment of a task the caller may see (gazu {@code get_last_comment}).
   *
   * @param task the task
   * @return the comment, if any
   */
  public Optional<Comment> getLastComment(TaskId task) {
    List<Comment> all = allCommentsForTask(task);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  // ---------------------------------------------------------------- status automations

  /**
   * Creates a status automation (Kitsu's {@code status_automation}, admins only). It runs in no project
   * until linked with {@link #addStatusAutomationToProject}.
   *
   * @param entityType {@code asset} for any asset type, else an entity type name such as {@code Shot}
   * @param inTaskType the task type watched
   * @param inStatus the status watched
   * @param outFieldType {@code status} or {@code ready_for}
   * @param outTaskType the task type acted on
   * @param outStatus the status posted by a status automation; null for ready_for
   * @return the automation
   * @throws IllegalArgumentException if {@code outFieldType} is neither, or a status automation has no out
   *     status
   */
  public dev.prodtrack.model.StatusAutomation newStatusAutomation(String entityType, TaskTypeId inTaskType,
      TaskStatusId inStatus, String outFieldType, TaskTypeId outTaskType, TaskStatusId outStatus) {
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(inTaskType, "inTaskType");
    Objects.requireNonNull(inStatus, "inStatus");
    Objects.requireNonNull(outFieldType, "outFieldType");
    Objects.requireNonNull(outTaskType, "outTaskType");
    return engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "new_status_automation", null);
      tx.require("task type", inTaskType);
      tx.require("task status", inStatus);
      tx.require("task type", outTaskType);
      if (outStatus != null) {
        tx.require("task status", outStatus);
      }
      var a = new dev.prodtrack.model.StatusAutomation(new dev.prodtrack.model.StatusAutomationId(tx.newId()),
          entityType, inTaskType, inStatus, outFieldType, outTaskType, outStatus, false, false, List.of(), tx.now,
          tx.now);
      tx.put(a.id(), a);
      return a;
    });
  }

  /**
   * Links a status automation to a project (a manager of the project may); idempotent.
   *
   * @param project the project
   * @param automation the automation
   * @return the automation as stored
   */
  public dev.prodtrack.model.StatusAutomation addStatusAutomationToProject(ProjectId project,
      dev.prodtrack.model.StatusAutomationId automation) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(automation, "automation");
    return engine.write(actor, tx -> {
      Project p = tx.project(project);
      Access.requireManagerOf(tx.person(actor), p, "add_status_automation", project);
      dev.prodtrack.model.StatusAutomation a = tx.require("status automation", automation);
      if (a.projectIds().contains(project)) {
        return a;
      }
      List<ProjectId> projects = new ArrayList<>(a.projectIds());
      projects.add(project);
      var linked = a.withProjectIds(projects).withUpdatedAt(tx.now);
      tx.put(linked.id(), linked);
      return linked;
    });
  }

  // ---------------------------------------------------------------- subscriptions and news

  /**
   * Follows a task: the caller gets a {@code comment} notification for each new comment on it
   * (idempotent). Anyone who may read the task may follow it.
   *
   * @param task the task
   * @return true if the caller was not following it yet
   */
  public boolean subscribeToTask(TaskId task) {
    Objects.requireNonNull(task, "task");
    return engine.write(actor, tx -> {
      Task t = tx.task(task);
      requireTaskRead(tx.state, t);
      for (var id : tx.state.subscriptionsByTask.get(task)) {
        if (tx.state.subscriptions.get(id).personId().equals(actor)) {
          return false;
        }
      }
      var sub = new dev.prodtrack.model.Subscription(new dev.prodtrack.model.SubscriptionId(tx.newId()), actor, task,
          null, null, tx.now, tx.now);
      tx.put(sub.id(), sub);
      return true;
    });
  }

  /**
   * Stops following a task.
   *
   * @param task the task
   * @return true if the caller was following it
   */
  public boolean unsubscribeFromTask(TaskId task) {
    Objects.requireNonNull(task, "task");
    return engine.write(actor, tx -> {
      tx.task(task);
      for (var id : tx.state.subscriptionsByTask.get(task)) {
        if (tx.state.subscriptions.get(id).personId().equals(actor)) {
          tx.delete(id);
          return true;
        }
      }
      return false;
    });
  }

  /**
   * Follows the tasks of one task type on a sequence's shots (Kitsu's older subscription form;
   * idempotent).
   *
   * @param sequence the sequence
   * @param taskType the task type
   * @return true if the caller was not following it yet
   */
  public boolean subscribeToSequence(EntityId sequence, TaskTypeId taskType) {
    Objects.requireNonNull(sequence, "sequence");
    Objects.requireNonNull(taskType, "taskType");
    return engine.write(actor, tx -> {
      Entity seq = tx.require("sequence", sequence);
      if (Kinds.kindOf(tx, seq) != EntityKind.SEQUENCE) {
        throw new UnknownIdException("sequence", sequence);
      }
      tx.require("task type", taskType);
      Access.requireRead(tx.person(actor), tx.project(seq.projectId()), sequence);
      for (var id : tx.state.subscriptionsBySequence.get(sequence)) {
        var sub = tx.state.subscriptions.get(id);
        if (sub.personId().equals(actor) && sub.taskTypeId().equals(taskType)) {
          return false;
        }
      }
      var sub = new dev.prodtrack.model.Subscription(new dev.prodtrack.model.SubscriptionId(tx.newId()), actor, null,
          sequence, taskType, tx.now, tx.now);
      tx.put(sub.id(), sub);
      return true;
    });
  }

  /**
   * The people following a task directly or through its sequence.
   *
   * @param task the task
   * @return the followers, without duplicates
   */
  public List<PersonId> subscribers(TaskId task) {
    Objects.requireNonNull(task, "task");
    return engine.read(s -> {
      Task t = found("task", task, s.tasks.get(task));
      requireTaskRead(s, t);
      return List.copyOf(new LinkedHashSet<>(Notifications.subscribers(s, t)));
    });
  }

  /**
   * A project's news feed, newest first: one entry per task comment (none for concepts).
   *
   * @param project the project
   * @return the entries
   * @throws PermissionDeniedException if the caller may not read the project
   */
  public List<dev.prodtrack.model.News> allNewsForProject(ProjectId project) {
    Objects.requireNonNull(project, "project");
    return engine.read(s -> {
      Project p = found("project", project, s.projects.get(project));
      Access.requireRead(s.persons.get(actor), p, project);
      List<dev.prodtrack.model.News> out = new ArrayList<>();
      s.tasksByProject.get(project).forEach(t -> s.newsIdsOf(t).forEach(id -> out.add(s.news.get(id))));
      out.sort(Comparator.comparing(dev.prodtrack.model.News::createdAt).reversed()
          .thenComparing(n -> n.id().value()));
      return List.copyOf(out);
    });
  }

  // ---------------------------------------------------------------- time spents

  /**
   * The time spents of a task (gazu {@code get_time_spent} without a date).
   *
   * @param task the task
   * @return the rows by date then person, and their total
   */
  public TimeSpentReport getTimeSpents(TaskId task) {
    return timeSpents(task, null);
  }

  /**
   * The time spents of a task on one day (gazu {@code get_time_spent}).
   *
   * @param task the task
   * @param date the day
   * @return the rows and their total
   */
  public TimeSpentReport getTimeSpents(TaskId task, LocalDate date) {
    return timeSpents(task, Objects.requireNonNull(date, "date"));
  }

  private TimeSpentReport timeSpents(TaskId task, LocalDate date) {
    Objects.requireNonNull(task, "task");
    return engine.read(s -> {
      Task t = found("task", task, s.tasks.get(task));
      requireTaskRead(s, t);
      List<TimeSpent> rows = new ArrayList<>(s.timeSpentsOf(task));
      if (date != null) {
        rows.removeIf(r -> !r.date().equals(date));
      }
      rows.sort(Comparator.comparing(TimeSpent::date).thenComparing(r -> r.personId().value()));
      return new TimeSpentReport(rows, StatusRules.sum(rows));
    });
  }

  /**
   * Sets (replaces) the time a person spent on a task one day (gazu {@code set_time_spent}).
   *
   * @param task the task
   * @param person the person; must be an assignee
   * @param date the day
   * @param duration the time, strictly positive
   * @return the stored row
   * @throws IllegalArgumentException if {@code duration} is not positive
   * @throws RuleViolationException with rule {@code NOT_ASSIGNED} if the person is not an assignee
   * @throws PermissionDeniedException unless the caller is the person, an admin or a manager of the
   *     project
   */
  public TimeSpent setTimeSpent(TaskId task, PersonId person, LocalDate date, Duration duration) {
    return logTime(task, person, date, duration, false);
  }

  /**
   * Adds to the time a person spent on a task one day (gazu {@code add_time_spent}).
   *
   * @param task the task
   * @param person the person; must be an assignee
   * @param date the day
   * @param duration the time to add, strictly positive
   * @return the stored row
   * @throws IllegalArgumentException if {@code duration} is not positive
   * @throws RuleViolationException with rule {@code NOT_ASSIGNED} if the person is not an assignee
   * @throws PermissionDeniedException unless the caller is the person, an admin or a manager
   */
  public TimeSpent addTimeSpent(TaskId task, PersonId person, LocalDate date, Duration duration) {
    return logTime(task, person, date, duration, true);
  }

  private TimeSpent logTime(TaskId task, PersonId person, LocalDate date, Duration duration, boolean add) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be > 0, was " + duration);
    }
    return engine.write(actor, tx -> {
      Task t = tx.task(task);
      Person target = tx.person(person);
      Project project = tx.project(t.projectId());
      Access.requireTimeSpentAccess(tx.person(actor), target, project, t);
      TimeSpent old = tx.timeSpent(task, person, date);
      TimeSpent row;
      if (old == null) {
        row = new TimeSpent(new TimeSpentId(tx.newId()), task, person, date, duration, tx.now, tx.now);
        if (target.lastPresence() == null || target.lastPresence().isBefore(date)) {
          tx.put(person, target.withLastPresence(date).withUpdatedAt(tx.now));
        }
        tx.event(EventNames.TIME_SPENT_NEW, project.id(), "time_spent_id", row.id(), "task_id", task,
            "person_id", person);
      } else {
        row = old.withDuration(add ? old.duration().plus(duration) : duration).withUpdatedAt(tx.now);
        tx.event(EventNames.TIME_SPENT_UPDATE, project.id(), "time_spent_id", row.id(), "task_id", task,
            "person_id", person);
      }
      tx.put(row.id(), row);
      tx.put(task, t.withDuration(StatusRules.sum(tx.timeSpentsOf(task))).withUpdatedAt(tx.now));
      tx.event(EventNames.TASK_UPDATE, project.id(), "task_id", task);
      return row;
    });
  }

  /**
   * Removes the time a person spent on a task one day (gazu {@code remove_time_spent}).
   *
   * @param task the task
   * @param person the person
   * @param date the day
   * @return the removed row
   * @throws RuleViolationException with rule {@code NO_TIME_SPENT} if there is no such row
   * @throws PermissionDeniedException unless the caller is the person, an admin or a manager
   */
  public TimeSpent removeTimeSpent(TaskId task, PersonId person, LocalDate date) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(date, "date");
    return engine.write(actor, tx -> {
      Task t = tx.task(task);
      Person target = tx.person(person);
      Project project = tx.project(t.projectId());
      Person caller = tx.person(actor);
      if (!(caller.id().equals(person) || Access.isManagerOf(caller, project))) {
        throw new PermissionDeniedException(actor, "remove_time_spent", task,
            "only the person, an admin or a manager of the project may remove time of " + person);
      }
      TimeSpent old = tx.timeSpent(task, person, date);
      if (old == null) {
        throw new RuleViolationException(RuleViolationException.Rule.NO_TIME_SPENT,
            "person " + person + " has no time spent on task " + task + " on " + date, person, task);
      }
      tx.delete(old.id());
      tx.put(task, t.withDuration(StatusRules.sum(tx.timeSpentsOf(task))).withUpdatedAt(tx.now));
      tx.event(EventNames.TIME_SPENT_DELETE, project.id(), "time_spent_id", old.id(), "task_id", task,
          "person_id", target.id());
      tx.event(EventNames.TASK_UPDATE, project.id(), "task_id", task);
      return old;
    });
  }

  // ---------------------------------------------------------------- update and delete

  /**
   * Writes a task's fields (gazu {@code update_task}, Kitsu's generic {@code PUT /data/tasks}).
   *
   * <p>Pass the task with the fields changed, e.g. {@code updateTask(task.withDueDate(d))}. Admins and
   * managers in the team may change every field but {@code id}, {@code projectId}, {@code createdAt} and
   * {@code updatedAt}; supervisors in the team (with no or a matching department) only {@code priority},
   * {@code startDate}, {@code dueDate}, {@code estimation}, {@code difficulty} and {@code data};
   * nobody else. {@code data} is merged key by key into the stored data. Assignee changes emit
   * {@code task:assign} / {@code task:unassign}.
   *
   * <p>As in Kitsu (Engine decision 7) a status written here changes no date, no retake count and
   * creates no comment; a later replay (a comment deletion, move or back-dated comment) recomputes the
   * status from the comment history and may overwrite it.
   *
   * @param task the task with its new values
   * @return the stored task
   * @throws IllegalArgumentException if a protected field differs
   * @throws PermissionDeniedException if the caller may not change those fields
   * @throws UnknownIdException if a referenced record does not exist
   * @throws RuleViolationException with rule {@code DUPLICATE_TASK} or {@code FOR_ENTITY_MISMATCH}
   */
  public Task updateTask(Task task) {
    Objects.requireNonNull(task, "task");
    return engine.write(actor, tx -> {
      Task old = tx.task(task.id());
      if (!old.projectId().equals(task.projectId())) {
        throw new IllegalArgumentException("task.projectId is protected: " + old.projectId() + " -> " + task.projectId());
      }
      Project project = tx.project(old.projectId());
      Person caller = tx.person(actor);
      TaskType oldType = tx.require("task type", old.taskTypeId());
      Task merged = task.withData(dev.prodtrack.model.Data.merge(old.data(), task.data())).withCreatedAt(old.createdAt())
          .withUpdatedAt(old.updatedAt());
      if (!Access.isManagerOf(caller, project)) {
        boolean supervisor = Access.inTeam(caller, project)
            && Access.effectiveRole(caller, project) == Role.SUPERVISOR && Access.departmentMatches(caller, oldType);
        Task supervisorView = old.withPriority(merged.priority()).withStartDate(merged.startDate())
            .withDueDate(merged.dueDate()).withEstimation(merged.estimation()).withDifficulty(merged.difficulty())
            .withData(merged.data());
        if (!supervisor) {
          throw new PermissionDeniedException(actor, "update_task", task.id(),
              "only an admin, a manager in the team or a supervisor of the task's department may update tasks");
        }
        if (!supervisorView.equals(merged)) {
          throw new PermissionDeniedException(actor, "update_task", task.id(),
              "supervisors may change only priority, start_date, due_date, estimation, difficulty and data");
        }
      }
      if (merged.equals(old)) {
        return old;
      }
      tx.require("task status", merged.taskStatusId());
      Entity entity = tx.require("entity", merged.entityId());
      TaskType type = tx.require("task type", merged.taskTypeId());
      if (!entity.projectId().equals(old.projectId())) {
        throw new RuleViolationException(RuleViolationException.Rule.WRONG_PROJECT,
            "entity " + entity.id() + " is not in the task's project " + old.projectId(), entity.id(), old.projectId());
      }
      if (EntityKind.ofForEntity(type.forEntity()) != Kinds.kindOf(tx, entity)) {
        throw new RuleViolationException(RuleViolationException.Rule.FOR_ENTITY_MISMATCH,
            "task type '" + type.name() + "' does not fit entity " + entity.id(), type.id(), entity.id());
      }
      TaskId clash = tx.state.taskByKey.get(new State.TaskKey(merged.entityId(), merged.taskTypeId(), merged.name()));
      if (clash != null && !clash.equals(old.id())) {
        throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_TASK,
            "another task has the same name, type and entity: " + clash, clash, old.id());
      }
      if (merged.assignerId() != null) {
        tx.person(merged.assignerId());
      }
      for (PersonId p : merged.assignees()) {
        tx.person(p);
      }
      Task stored = merged.withAssignees(List.copyOf(new LinkedHashSet<>(merged.assignees()))).withUpdatedAt(tx.now);
      tx.put(stored.id(), stored);
      for (PersonId p : stored.assignees()) {
        if (!old.assignees().contains(p)) {
          addToTeam(tx, project.id(), p);
          Notifications.forAssignation(tx, stored, p);
          tx.event(EventNames.TASK_ASSIGN, project.id(), "task_id", stored.id(), "person_id", p);
        }
      }
      for (PersonId p : old.assignees()) {
        if (!stored.assignees().contains(p)) {
          tx.event(EventNames.TASK_UNASSIGN, project.id(), "task_id", stored.id(), "person_id", p);
        }
      }
      tx.event(EventNames.TASK_UPDATE, project.id(), "task_id", stored.id());
      return stored;
    });
  }

  /**
   * Deletes a task (gazu {@code remove_task}). Admins and managers of the project only. Without
   * {@code force} a task that has comments or time spents is refused; with it they are removed first.
   * The task's stored dependencies (as predecessor or successor) are removed with it, each announced by
   * {@code task-dependency:delete}.
   *
   * @param task the task
   * @param force remove the task's comments and time spents too
   * @throws RuleViolationException with rule {@code HAS_DEPENDANTS} when refused for lack of force
   */
  public void removeTask(TaskId task, boolean force) {
    Objects.requireNonNull(task, "task");
    engine.write(actor, tx -> {
      Task t = tx.task(task);
      Project project = tx.project(t.projectId());
      Access.requireManagerOf(tx.person(actor), project, "remove_task", task);
      List<Comment> comments = tx.commentsOf(task);
      List<TimeSpent> times = tx.timeSpentsOf(task);
      int others = tx.state.notificationIdsOf(task).size() + tx.state.newsIdsOf(task).size()
          + tx.state.subscriptionsByTask.get(task).size();
      if (!force && (!comments.isEmpty() || !times.isEmpty() || others > 0)) {
        throw new RuleViolationException(RuleViolationException.Rule.HAS_DEPENDANTS,
            "task " + task + " has " + comments.size() + " comment(s), " + times.size() + " time spent(s) and "
                + others + " notification(s), news or subscription(s): remove it with force", task);
      }
      Notifications.dropForTask(tx, t);
      for (Comment c : comments) {
        tx.delete(c.id());
        tx.event(EventNames.COMMENT_DELETE, project.id(), "comment_id", c.id());
      }
      for (TimeSpent ts : times) {
        tx.delete(ts.id());
        tx.event(EventNames.TIME_SPENT_DELETE, project.id(), "time_spent_id", ts.id());
      }
      for (var dependency : tx.state.dependenciesByTask.get(task)) {
        var d = tx.state.taskDependencies.get(dependency);
        tx.delete(dependency);
        tx.event(EventNames.TASK_DEPENDENCY_DELETE, project.id(), "task_dependency_id", dependency,
            "predecessor_id", d.predecessorId(), "successor_id", d.successorId());
      }
      tx.delete(task);
      tx.event(EventNames.TASK_DELETE, project.id(), "task_id", task);
      return null;
    });
  }

  // ---------------------------------------------------------------- helpers

  static <T> T found(String kind, dev.prodtrack.model.Id id, T value) {
    if (value == null) {
      throw new UnknownIdException(kind, id);
    }
    return value;
  }

  private static Task get(State s, TaskId id) {
    return id == null ? null : s.tasks.get(id);
  }
}
