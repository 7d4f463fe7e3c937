package dev.prodtrack.schedule;

import dev.prodtrack.model.Task;
import java.util.List;

/**
 * The late tasks of a project as of a day, by Kitsu's open-tasks rule (a due date strictly before the
 * day and no done date): how many there are, and the most late of them.
 *
 * @param count how many tasks are late
 * @param mostLate the most late tasks, by due date then id, at most the limit asked for
 */
public record LateTasks(int count, List<Task> mostLate) {

  /** Copies the list and checks the count against it. */
  public LateTasks {
    mostLate = List.copyOf(mostLate);
    if (count < mostLate.size()) {
      throw new IllegalArgumentException("count " + count + " is below the " + mostLate.size() + " tasks listed");
    }
  }
}
