package dev.prodtrack.schedule;

import dev.prodtrack.ProdTrackException;
import dev.prodtrack.model.TaskId;
import java.util.List;

/** The task links form a cycle: the critical path is undefined. Carries the tasks of one cycle. */
public final class DependencyCycleException extends ProdTrackException {
  private static final long serialVersionUID = 1L;

  private final transient List<TaskId> cycle;

  /**
   * Creates the exception.
   *
   * @param cycle the tasks of one cycle, in link order
   */
  public DependencyCycleException(List<TaskId> cycle) {
    super("task links form a cycle: " + cycle);
    this.cycle = List.copyOf(cycle);
  }

  /**
   * The tasks of one cycle, each linked to the next and the last to the first.
   *
   * @return the task ids
   */
  public List<TaskId> cycle() {
    return cycle;
  }
}
