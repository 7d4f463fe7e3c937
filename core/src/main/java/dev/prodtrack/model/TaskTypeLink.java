package dev.prodtrack.model;

import java.util.Objects;

/**
 * A task type enabled in a project, with its priority ({@code project_task_type_link}).
 *
 * @param taskTypeId the task type
 * @param priority the order of the task type in the project's pipeline (1 = first)
 */
public record TaskTypeLink(
    TaskTypeId taskTypeId,
    int priority) {

  /** Validates the components and copies the collections. */
  public TaskTypeLink {
    Objects.requireNonNull(taskTypeId, "taskTypeId");
  }
}
