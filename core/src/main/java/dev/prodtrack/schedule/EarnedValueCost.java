package dev.prodtrack.schedule;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.TaskId;
import java.util.List;
import java.util.Objects;

/**
 * Earned value in money (schedule-analytics.md §6, the cost view Kitsu's per-person {@code daily_salary}
 * provides): every person-day of a task's estimation costs its assignees' daily salaries, split evenly
 * among them, and every person-day of time spent costs its person's daily salary. The currency is the
 * studio's; prodtrack does not convert.
 *
 * @param value the measures, in money ({@code BAC}, {@code PV}, {@code EV}, {@code AC} and the rest)
 * @param unpricedTasks tasks of the scope with no assignee, or with an assignee without a daily salary
 *     (that assignee's share counts zero)
 * @param unpricedPeople people with time spent in the scope but no daily salary (their time counts zero)
 */
public record EarnedValueCost(EarnedValue value, List<TaskId> unpricedTasks, List<PersonId> unpricedPeople) {

  /** Copies the lists. */
  public EarnedValueCost {
    Objects.requireNonNull(value, "value");
    unpricedTasks = List.copyOf(unpricedTasks);
    unpricedPeople = List.copyOf(unpricedPeople);
  }

  /**
   * Whether every task and every time spent of the scope was priced.
   *
   * @return true when nothing counted as zero for lack of a salary
   */
  public boolean complete() {
    return unpricedTasks.isEmpty() && unpricedPeople.isEmpty();
  }
}
