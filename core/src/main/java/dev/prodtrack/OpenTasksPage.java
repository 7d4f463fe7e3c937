package dev.prodtrack;

import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatusId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of open tasks and the statistics of the whole selection (Kitsu's open-tasks answer).
 *
 * @param data the tasks of this page, ordered by due date (none last), then id
 * @param total the number of tasks selected, over all pages
 * @param totalDuration the summed duration of the selection
 * @param totalEstimation the summed estimation of the selection
 * @param statusCounts the number of selected tasks per status
 * @param limit the page size
 * @param page the page number, 1-based
 * @param isMore whether later pages hold more tasks
 */
public record OpenTasksPage(List<Task> data, int total, Duration totalDuration, Duration totalEstimation,
    Map<TaskStatusId, Integer> statusCounts, int limit, int page, boolean isMore) {

  /** Copies the collections (not a list the engine made immutable for this page). */
  public OpenTasksPage {
    data = data instanceof FrozenList<Task> frozen ? frozen : List.copyOf(data);
    statusCounts = Map.copyOf(statusCounts);
    Objects.requireNonNull(totalDuration, "totalDuration");
    Objects.requireNonNull(totalEstimation, "totalEstimation");
  }
}
