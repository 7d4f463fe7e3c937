package dev.prodtrack.model;

import java.util.List;
import java.util.Objects;

/**
 * A task status enabled in a project ({@code project_task_status_link}).
 *
 * @param taskStatusId the status
 * @param priority display order
 * @param rolesForBoard the roles the Kitsu board shows the status to (UI only)
 */
public record TaskStatusLink(
    TaskStatusId taskStatusId,
    int priority,
    List<Role> rolesForBoard) {

  /** Validates the components and copies the collections. */
  public TaskStatusLink {
    Objects.requireNonNull(taskStatusId, "taskStatusId");
    rolesForBoard = List.copyOf(Objects.requireNonNull(rolesForBoard, "rolesForBoard"));
  }
}
