package dev.prodtrack.schedule;

/** When a task's estimation counts as earned value (schedule-analytics.md §6). */
public enum EarningRule {
  /** The full estimation once the task is done (done date on or before the day): the default. */
  ZERO_HUNDRED,
  /** The full estimation once the task was sent for review (end date on or before the day). */
  FEEDBACK_COUNTS,
  /** Half at the real start, the other half once done. */
  FIFTY_FIFTY
}
