package dev.prodtrack.schedule;

import dev.prodtrack.model.TaskId;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The lateness rules of schedule-analytics.md §2.2 and §2.4 for one task as of one day.
 *
 * @param task the task
 * @param dueBeforeToday the due date is before the as-of day
 * @param lateVsDone due before today and the status is not done
 * @param lateVsFeedback due before today and the status is neither done nor a feedback request
 * @param lateOpen due before today and no done date (Kitsu's open-tasks rule)
 * @param overEstimate estimation &gt; 0 and duration &gt; estimation
 * @param overrun duration − estimation (may be negative)
 * @param overrunRatio duration / estimation; empty when the estimation is zero
 * @param deliveredLateByFeedback working days between due date and first delivery to review (end date),
 *     floored at zero; empty without a due date or an end date
 * @param deliveredLateByApproval the same against the done date
 */
public record TaskLateness(TaskId task, boolean dueBeforeToday, boolean lateVsDone, boolean lateVsFeedback,
    boolean lateOpen, boolean overEstimate, Duration overrun, OptionalDouble overrunRatio,
    OptionalLong deliveredLateByFeedback, OptionalLong deliveredLateByApproval) {

  /** Checks for nulls. */
  public TaskLateness {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(overrun, "overrun");
    Objects.requireNonNull(overrunRatio, "overrunRatio");
    Objects.requireNonNull(deliveredLateByFeedback, "deliveredLateByFeedback");
    Objects.requireNonNull(deliveredLateByApproval, "deliveredLateByApproval");
  }
}
