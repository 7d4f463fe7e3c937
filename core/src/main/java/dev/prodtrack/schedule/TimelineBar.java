package dev.prodtrack.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One Gantt row (schedule-analytics.md §2.3): a task, or a roll-up of tasks (entity, sequence, episode,
 * task type, person, project) whose bars enclose those of its children.
 *
 * @param level what the row stands for: {@code task}, {@code entity}, {@code sequence}, {@code episode},
 *     {@code task_type}, {@code person} or {@code project}
 * @param id the id of the task or of the grouping record
 * @param label a readable name
 * @param plannedStart the planned bar start ({@code start_date}, else {@code real_start_date}), nullable
 * @param plannedEnd the planned bar end ({@code due_date}, else {@code end_date}, else from the
 *     estimation), nullable
 * @param actualStart the real start, nullable
 * @param actualEnd the real end: the done date, else the feedback date, nullable
 * @param late whether the bar is late ({@code ¬done ∧ plannedEnd < today}); for a roll-up, whether any
 *     child is
 * @param parentId the id of the row this one sits under in an outline — a task's entity, a shot's or
 *     scene's sequence, a sequence's episode — or null (a top-level row, a roll-up by task type, person or
 *     project, or a row built without one)
 */
public record TimelineBar(String level, String id, String label, LocalDate plannedStart, LocalDate plannedEnd,
    LocalDate actualStart, LocalDate actualEnd, boolean late, String parentId) {

  /** Checks for nulls. */
  public TimelineBar {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
  }

  /**
   * A row without a parent.
   *
   * @param level what the row stands for
   * @param id the id of the task or of the grouping record
   * @param label a readable name
   * @param plannedStart the planned bar start, nullable
   * @param plannedEnd the planned bar end, nullable
   * @param actualStart the real start, nullable
   * @param actualEnd the real end, nullable
   * @param late whether the bar is late
   */
  public TimelineBar(String level, String id, String label, LocalDate plannedStart, LocalDate plannedEnd,
      LocalDate actualStart, LocalDate actualEnd, boolean late) {
    this(level, id, label, plannedStart, plannedEnd, actualStart, actualEnd, late, null);
  }

  /**
   * This row under another one.
   *
   * @param value the parent row's id, nullable
   * @return a copy
   */
  public TimelineBar withParentId(String value) {
    return new TimelineBar(level, id, label, plannedStart, plannedEnd, actualStart, actualEnd, late, value);
  }

  /**
   * A roll-up row holding one child, without a parent.
   *
   * @param child the child bar
   * @param level the roll-up's level
   * @param id the grouping record's id
   * @param label the grouping's name
   * @return the roll-up row
   */
  public static TimelineBar rollupOf(TimelineBar child, String level, String id, String label) {
    return new TimelineBar(level, id, label, child.plannedStart, child.plannedEnd, child.actualStart,
        child.actualEnd, child.late, null);
  }

  /**
   * This bar widened to enclose another (its parent kept).
   *
   * @param child the other bar
   * @return the enclosing bar
   */
  public TimelineBar enclosing(TimelineBar child) {
    return new TimelineBar(level, id, label, min(plannedStart, child.plannedStart), max(plannedEnd, child.plannedEnd),
        min(actualStart, child.actualStart), max(actualEnd, child.actualEnd), late || child.late, parentId);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
