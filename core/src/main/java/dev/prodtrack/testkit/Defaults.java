package dev.prodtrack.testkit;

import dev.prodtrack.model.Department;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Handles on Kitsu's standard init data, as {@link KitsuDefaults#create} left it in an engine. The
 * records are snapshots taken at creation: read the engine for their current values.
 *
 * @param statuses the task statuses by short name, in creation order
 * @param taskTypes the task types by name, in creation order (pipeline order within each
 *     {@code for_entity})
 * @param departments the departments by name, in creation order
 * @param assetTypes the asset types by name, in creation order
 */
public record Defaults(Map<String, TaskStatus> statuses, Map<String, TaskType> taskTypes,
    Map<String, Department> departments, Map<String, EntityType> assetTypes) {

  /**
   * Copies the maps, keeping their order.
   *
   * @throws NullPointerException if a map, a key or a value is null
   */
  public Defaults {
    statuses = orderedCopy(statuses, "statuses");
    taskTypes = orderedCopy(taskTypes, "taskTypes");
    departments = orderedCopy(departments, "departments");
    assetTypes = orderedCopy(assetTypes, "assetTypes");
  }

  private static <V> Map<String, V> orderedCopy(Map<String, V> map, String name) {
    Objects.requireNonNull(map, name);
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, name + " key"), Objects.requireNonNull(v, name + " value")));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * A task status by short name.
   *
   * @param shortName the short name, e.g. {@code "wip"}
   * @return the status
   * @throws IllegalArgumentException if there is no such status; the message lists the known ones
   */
  public TaskStatus status(String shortName) {
    return lookup(statuses, shortName, "task status short name");
  }

  /**
   * A task type by name.
   *
   * @param name the name, e.g. {@code "Animation"}
   * @return the task type
   * @throws IllegalArgumentException if there is no such task type; the message lists the known ones
   */
  public TaskType taskType(String name) {
    return lookup(taskTypes, name, "task type name");
  }

  /**
   * A department by name.
   *
   * @param name the name, e.g. {@code "Modeling"}
   * @return the department
   * @throws IllegalArgumentException if there is no such department; the message lists the known ones
   */
  public Department department(String name) {
    return lookup(departments, name, "department name");
  }

  /**
   * An asset type by name.
   *
   * @param name the name, e.g. {@code "Characters"}
   * @return the asset type
   * @throws IllegalArgumentException if there is no such asset type; the message lists the known ones
   */
  public EntityType assetType(String name) {
    return lookup(assetTypes, name, "asset type name");
  }

  /**
   * The task types whose tasks go on one kind of entity, in pipeline order.
   *
   * @param forEntity Kitsu's {@code for_entity}: {@code "Asset"}, {@code "Shot"}, {@code "Concept"}, ...
   * @return the task types, possibly empty; immutable
   */
  public List<TaskType> taskTypesFor(String forEntity) {
    Objects.requireNonNull(forEntity, "forEntity");
    List<TaskType> out = new ArrayList<>();
    for (TaskType t : taskTypes.values()) {
      if (t.forEntity().equals(forEntity)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The default status of new entity tasks.
   *
   * @return the status "Todo" ({@code todo})
   */
  public TaskStatus todo() {
    return status("todo");
  }

  /**
   * The work-in-progress status.
   *
   * @return the status "Work In Progress" ({@code wip}, {@code is_wip})
   */
  public TaskStatus wip() {
    return status("wip");
  }

  /**
   * The feedback-request status.
   *
   * @return the status "Waiting For Approval" ({@code wfa}, {@code is_feedback_request})
   */
  public TaskStatus wfa() {
    return status("wfa");
  }

  /**
   * The retake status.
   *
   * @return the status "Retake" ({@code retake}, {@code is_retake})
   */
  public TaskStatus retake() {
    return status("retake");
  }

  /**
   * The done status.
   *
   * @return the status "Done" ({@code done}, {@code is_done})
   */
  public TaskStatus done() {
    return status("done");
  }

  /**
   * The flag-less status a manager sets when a task's inputs are delivered.
   *
   * @return the status "Ready To Start" ({@code ready})
   */
  public TaskStatus ready() {
    return status("ready");
  }

  /**
   * The default status of concept tasks.
   *
   * @return the status "Neutral" ({@code neutral}, {@code for_concept})
   */
  public TaskStatus neutral() {
    return status("neutral");
  }

  /**
   * The concept approval status.
   *
   * @return the status "Approved" ({@code approved}, {@code is_done}, {@code for_concept})
   */
  public TaskStatus approved() {
    return status("approved");
  }

  /**
   * The concept rejection status.
   *
   * @return the status "Rejected" ({@code rejected}, {@code is_retake}, {@code for_concept})
   */
  public TaskStatus rejected() {
    return status("rejected");
  }

  private static <V> V lookup(Map<String, V> map, String key, String what) {
    Objects.requireNonNull(key, what);
    V v = map.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no " + what + " '" + key + "'; known: " + String.join(", ", map.keySet()));
    }
    return v;
  }
}
