package dev.prodtrack.testkit;

import dev.prodtrack.AssetApi;
import dev.prodtrack.PersonApi;
import dev.prodtrack.Session;
import dev.prodtrack.StatusFlag;
import dev.prodtrack.TaskApi;
import dev.prodtrack.model.Department;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Kitsu's standard init data (zou's {@code init_data} command, kitsu-semantics §1.6), created through
 * the public API of an admin's session.
 *
 * <p>What {@link #create} makes, each one only if no record of that name (short name for statuses)
 * exists yet — existing records are reused unchanged, as zou's {@code get_or_create} calls do:
 * <ul>
 *   <li>task statuses: Todo {@code todo} (default), Work In Progress {@code wip} ({@code is_wip}),
 *       Waiting For Approval {@code wfa} ({@code is_feedback_request}), Retake {@code retake}
 *       ({@code is_retake}), Done {@code done} ({@code is_done}), Ready To Start {@code ready} (no
 *       flag), and the concept statuses Neutral {@code neutral}, Approved {@code approved}
 *       ({@code is_done}) and Rejected {@code rejected} ({@code is_retake}), all {@code for_concept};</li>
 *   <li>the departments {@link #DEPARTMENTS};</li>
 *   <li>the asset task types {@link #ASSET_TASK_TYPES}, the shot task types {@link #SHOT_TASK_TYPES}
 *       and the concept task type {@link #CONCEPT_TASK_TYPE}, each in its department;</li>
 *   <li>the asset types {@link #ASSET_TYPES}.</li>
 * </ul>
 *
 * <p>Neutral is created without {@code is_default}: the engine's status creation follows Kitsu's CRUD
 * route, which clears {@code is_default} on the first default status found whatever its
 * {@code for_concept}, so flagging Neutral would un-default Todo. Neutral is the concept default all
 * the same, through step 2 of Kitsu's default-status lookup (short name {@code neutral}).
 *
 * <p>Not thread-safe with respect to other writers creating the same names concurrently.
 */
public final class KitsuDefaults {
  /** The departments, in creation order. */
  public static final List<String> DEPARTMENTS =
      List.of("Concept", "Modeling", "Layout", "Animation", "FX", "Compositing");

  /** The asset task types ({@code for_entity = "Asset"}), in pipeline order. */
  public static final List<String> ASSET_TASK_TYPES = List.of("Modeling", "Texture", "Shading", "Rigging");

  /** The shot task types ({@code for_entity = "Shot"}), in pipeline order. */
  public static final List<String> SHOT_TASK_TYPES =
      List.of("Storyboard", "Layout", "Animation", "FX", "Lighting", "Compositing");

  /** The concept task type ({@code for_entity = "Concept"}). */
  public static final String CONCEPT_TASK_TYPE = "Concept";

  /** The asset types, in creation order. */
  public static final List<String> ASSET_TYPES = List.of("Characters", "Props", "Environment", "FX");

  private record StatusSpec(String name, String shortName, String color, Set<StatusFlag> flags) {}

  private static final List<StatusSpec> STATUSES = List.of(
      new StatusSpec("Todo", "todo", "#f5f5f5", EnumSet.of(StatusFlag.DEFAULT)),
      new StatusSpec("Work In Progress", "wip", "#3273dc", EnumSet.of(StatusFlag.WIP)),
      new StatusSpec("Waiting For Approval", "wfa", "#ab26ff", EnumSet.of(StatusFlag.FEEDBACK_REQUEST)),
      new StatusSpec("Retake", "retake", "#ff3860", EnumSet.of(StatusFlag.RETAKE)),
      new StatusSpec("Done", "done", "#22d160", EnumSet.of(StatusFlag.DONE)),
      new StatusSpec("Ready To Start", "ready", "#fbc02d", EnumSet.noneOf(StatusFlag.class)),
      new StatusSpec("Neutral", "neutral", "#CCCCCC", EnumSet.of(StatusFlag.FOR_CONCEPT)),
      new StatusSpec("Approved", "approved", "#22d160", EnumSet.of(StatusFlag.DONE, StatusFlag.FOR_CONCEPT)),
      new StatusSpec("Rejected", "rejected", "#ff3860", EnumSet.of(StatusFlag.RETAKE, StatusFlag.FOR_CONCEPT)));

  private static final Map<String, String> DEPARTMENT_COLORS = Map.of(
      "Concept", "#8D6E63", "Modeling", "#78909C", "Layout", "#7CB342", "Animation", "#009688",
      "FX", "#26C6DA", "Compositing", "#FF5252");

  private KitsuDefaults() {}

  /**
   * Creates Kitsu's standard init data, reusing what already exists by name.
   *
   * @param admin a session of an admin (statuses, task types, departments and asset types are created
   *     by admins only); not null
   * @return handles on the statuses, task types, departments and asset types
   * @throws dev.prodtrack.PermissionDeniedException if the session's person is not an admin; what was
   *     created before the refusal stays
   * @throws IllegalStateException if a task type of a standard name exists for another kind of entity
   */
  public static Defaults create(Session admin) {
    Objects.requireNonNull(admin, "admin");
    TaskApi tasks = admin.task();
    PersonApi people = admin.person();
    AssetApi assets = admin.asset();

    Map<String, TaskStatus> statuses = new LinkedHashMap<>();
    for (StatusSpec s : STATUSES) {
      TaskStatus status = tasks.getTaskStatusByShortName(s.shortName())
          .orElseGet(() -> tasks.newTaskStatus(s.name(), s.shortName(), s.color(), s.flags()));
      statuses.put(s.shortName(), status);
    }

    Map<String, Department> departments = new LinkedHashMap<>();
    for (String name : DEPARTMENTS) {
      departments.put(name, department(people, name, DEPARTMENT_COLORS.get(name)));
    }

    Map<String, TaskType> taskTypes = new LinkedHashMap<>();
    taskTypes.put(CONCEPT_TASK_TYPE, taskType(tasks, CONCEPT_TASK_TYPE, "Concept", departments.get("Concept")));
    for (String name : ASSET_TASK_TYPES) {
      taskTypes.put(name, taskType(tasks, name, "Asset", departments.get(departmentOf(name))));
    }
    for (String name : SHOT_TASK_TYPES) {
      taskTypes.put(name, taskType(tasks, name, "Shot", departments.get(departmentOf(name))));
    }

    Map<String, EntityType> assetTypes = new LinkedHashMap<>();
    for (String name : ASSET_TYPES) {
      assetTypes.put(name, assets.getAssetTypeByName(name).orElseGet(() -> assets.newAssetType(name)));
    }
    return new Defaults(statuses, taskTypes, departments, assetTypes);
  }

  /**
   * The department of a standard task type, or of one of the generator's extra task types.
   *
   * @param taskType the task type name
   * @return the department name
   */
  static String departmentOf(String taskType) {
    switch (taskType) {
      case "Concept":
      case "Storyboard":
        return "Concept";
      case "Modeling":
      case "Sculpting":
      case "Texture":
      case "Shading":
      case "Grooming":
        return "Modeling";
      case "Layout":
        return "Layout";
      case "Rigging":
      case "Animation":
        return "Animation";
      case "FX":
      case "Cloth":
      case "Hair":
        return "FX";
      default:
        return "Compositing";
    }
  }

  static Department department(PersonApi people, String name, String color) {
    for (Department d : people.allDepartments()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return people.newDepartment(name, color);
  }

  static TaskType taskType(TaskApi tasks, String name, String forEntity, Department department) {
    Optional<TaskType> existing = tasks.getTaskTypeByName(name);
    if (existing.isPresent()) {
      if (!existing.get().forEntity().equals(forEntity)) {
        throw new IllegalStateException("task type '" + name + "' exists for " + existing.get().forEntity()
            + ", expected for " + forEntity + ": Kitsu allows one task type per name");
      }
      return existing.get();
    }
    return tasks.newTaskType(name, forEntity, department.id());
  }
}
