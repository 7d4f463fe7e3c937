package dev.prodtrack;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatusId;
import java.util.Objects;

/**
 * The acting person may not post this status: an artist and a status closed to artists, a client and a
 * status closed to clients, or a mentioned non-assignee posting anything but the task's current status.
 */
public final class StatusNotAllowedException extends ProdTrackException {
  private static final long serialVersionUID = 1L;

  private final transient PersonId actor;
  private final transient TaskId task;
  private final transient TaskStatusId status;
  private final Role projectRole;

  /**
   * Creates the exception.
   *
   * @param actor the acting person
   * @param task the task commented
   * @param status the refused status
   * @param projectRole the actor's effective role on the task's project
   * @param why the rule
   */
  public StatusNotAllowedException(PersonId actor, TaskId task, TaskStatusId status, Role projectRole, String why) {
    super("person " + actor + " (" + projectRole.kitsuName() + ") may not set status " + status + " on task "
        + task + ": " + why);
    this.actor = Objects.requireNonNull(actor);
    this.task = Objects.requireNonNull(task);
    this.status = Objects.requireNonNull(status);
    this.projectRole = Objects.requireNonNull(projectRole);
  }

  /** @return the acting person */
  public PersonId actor() {
    return actor;
  }

  /** @return the task */
  public TaskId task() {
    return task;
  }

  /** @return the refused status */
  public TaskStatusId status() {
    return status;
  }

  /** @return the actor's effective role on the project */
  public Role projectRole() {
    return projectRole;
  }
}
