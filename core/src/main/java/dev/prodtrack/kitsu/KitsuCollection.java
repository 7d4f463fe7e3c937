package dev.prodtrack.kitsu;

/**
 * The collections of a Kitsu dump, one JSON file each, in the order the importer reads them (a record
 * refers only to collections listed before its own, or to its own). Each file holds one JSON array of
 * objects in the shape zou's {@code /data/...} route of that collection returns. A missing file is an
 * empty collection.
 */
public enum KitsuCollection {
  /** {@code departments.json}: zou {@code Department}. */
  DEPARTMENTS("departments.json"),
  /** {@code persons.json}: zou {@code Person}. */
  PERSONS("persons.json"),
  /** {@code task_types.json}: zou {@code TaskType}. */
  TASK_TYPES("task_types.json"),
  /** {@code task_statuses.json}: zou {@code TaskStatus}. */
  TASK_STATUSES("task_statuses.json"),
  /** {@code entity_types.json}: zou {@code EntityType}, with its asset-type workflow as {@code task_types}. */
  ENTITY_TYPES("entity_types.json"),
  /** {@code project_statuses.json}: zou {@code ProjectStatus} ({@code id}, {@code name}, {@code color}). */
  PROJECT_STATUSES("project_statuses.json"),
  /** {@code status_automations.json}: zou {@code StatusAutomation}. */
  STATUS_AUTOMATIONS("status_automations.json"),
  /**
   * {@code projects.json}: zou {@code Project}, with the link lists zou serialises: {@code team},
   * {@code asset_types}, {@code task_types}, {@code task_statuses}, {@code status_automations}.
   */
  PROJECTS("projects.json"),
  /** {@code project_person_links.json}: the team with per-project roles. */
  PROJECT_PERSON_LINKS("project_person_links.json"),
  /** {@code project_task_type_links.json}: task types enabled in a project, with priorities. */
  PROJECT_TASK_TYPE_LINKS("project_task_type_links.json"),
  /** {@code project_task_status_links.json}: task statuses enabled in a project, with priorities and roles. */
  PROJECT_TASK_STATUS_LINKS("project_task_status_links.json"),
  /** {@code entities.json}: zou {@code Entity} (assets, shots, sequences, episodes, ...). */
  ENTITIES("entities.json"),
  /** {@code tasks.json}: zou {@code Task}, with {@code assignees}. */
  TASKS("tasks.json"),
  /** {@code comments.json}: zou {@code Comment}, oldest first. */
  COMMENTS("comments.json"),
  /** {@code time_spents.json}: zou {@code TimeSpent}. */
  TIME_SPENTS("time_spents.json"),
  /** {@code day_offs.json}: zou {@code DayOff}. */
  DAY_OFFS("day_offs.json"),
  /** {@code notifications.json}: zou {@code Notification}. */
  NOTIFICATIONS("notifications.json"),
  /** {@code news.json}: zou {@code News}. */
  NEWS("news.json"),
  /** {@code subscriptions.json}: zou {@code Subscription}. */
  SUBSCRIPTIONS("subscriptions.json");

  private final String fileName;

  KitsuCollection(String fileName) {
    this.fileName = fileName;
  }

  /**
   * The file holding this collection in a dump directory.
   *
   * @return a file name such as {@code tasks.json}
   */
  public String fileName() {
    return fileName;
  }
}
