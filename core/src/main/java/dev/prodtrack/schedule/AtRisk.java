package dev.prodtrack.schedule;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.TaskId;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * An open task, not yet late, whose remaining work does not fit its assignees' remaining capacity
 * before its due date once their open tasks due earlier are served (issue 5's at-risk rule).
 *
 * @param task the task
 * @param remaining the task's remaining work: estimation − duration floored at zero, or the whole
 *     estimation when the task has not started
 * @param tightestAssignee the assignee with the largest shortfall
 * @param shortfall that assignee's demand beyond capacity up to the due date
 * @param reasons why the task is at risk (always {@link Reason#OVERLOADED_ASSIGNEE}, plus any other that
 *     applies)
 */
public record AtRisk(TaskId task, Duration remaining, PersonId tightestAssignee, Duration shortfall,
    Set<Reason> reasons) {

  /** Why a task is at risk. */
  public enum Reason {
    /** An assignee's work due by the task's due date exceeds their capacity until then. */
    OVERLOADED_ASSIGNEE,
    /** More time was spent than estimated. */
    UNDER_ESTIMATED,
    /** The task has not started although its planned start has passed. */
    NOT_STARTED,
    /** The task's retakes reached the project's cap. */
    TOO_MANY_RETAKES,
    /** A task before it in the entity's pipeline is late. */
    PREDECESSOR_LATE
  }

  /** Checks for nulls and copies the reasons. */
  public AtRisk {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(remaining, "remaining");
    Objects.requireNonNull(tightestAssignee, "tightestAssignee");
    Objects.requireNonNull(shortfall, "shortfall");
    reasons = Set.copyOf(reasons);
  }
}
