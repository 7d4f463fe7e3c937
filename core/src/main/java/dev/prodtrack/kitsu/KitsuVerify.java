package dev.prodtrack.kitsu;

import dev.prodtrack.EngineRecords;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares each task's stored derived fields with Kitsu's replay of its comment history
 * ({@code reset_task_data}, kitsu-semantics §2.7, the replay the engine itself runs when a comment is
 * deleted or moved). A real Kitsu database often drifts: a status set through a generic update or an
 * import, dates from the live path (wall-clock moments, the end date reset at each feedback request)
 * where the replay takes comment dates and the first feedback request. A drifted task is not an error;
 * the next replay in the engine (or in Kitsu) would overwrite the stored values with the replayed ones.
 *
 * <p>Thread safety: reads the engine in one consistent snapshot.
 */
public final class KitsuVerify {
  private KitsuVerify() {}

  /** A derived task field the replay recomputes. */
  public enum Field {
    /** {@code task_status_id}: the newest comment's status, or the default status without comments. */
    STATUS,
    /** {@code real_start_date}: the first WIP comment's date. */
    REAL_START_DATE,
    /** {@code end_date}: the first feedback-request comment's date. */
    END_DATE,
    /** {@code done_date}: the last done comment's date. */
    DONE_DATE,
    /** {@code retake_count}: the runs of retake comments. */
    RETAKE_COUNT
  }

  /**
   * A task whose stored fields disagree with the replay.
   *
   * @param taskId the task
   * @param fields the fields that disagree, never empty
   * @param stored the task as stored
   * @param replayed the task as the replay computes it
   */
  public record TaskDrift(TaskId taskId, Set<Field> fields, Task stored, Task replayed) {
    /**
     * Checks for nulls and copies the set.
     *
     * @throws NullPointerException if a component is null
     */
    public TaskDrift {
      Objects.requireNonNull(taskId, "taskId");
      fields = Set.copyOf(fields);
      Objects.requireNonNull(stored, "stored");
      Objects.requireNonNull(replayed, "replayed");
    }
  }

  /**
   * The result of a verification.
   *
   * @param tasksChecked the number of tasks compared
   * @param drifts the drifted tasks, sorted by task id
   */
  public record Report(int tasksChecked, List<TaskDrift> drifts) {
    /**
     * Copies the list.
     *
     * @throws NullPointerException if {@code drifts} is null
     */
    public Report {
      drifts = List.copyOf(drifts);
    }

    /**
     * The number of drifted tasks with a given field in disagreement.
     *
     * @param field the field
     * @return the count
     */
    public long count(Field field) {
      return drifts.stream().filter(d -> d.fields().contains(field)).count();
    }
  }

  /**
   * Verifies every task of the engine.
   *
   * @param engine the engine
   * @return the tasks whose status, real start, end or done date or retake count disagree with the replay
   * @throws NullPointerException if {@code engine} is null
   */
  public static Report verify(ProdTrack engine) {
    Objects.requireNonNull(engine, "engine");
    List<TaskDrift> drifts = new ArrayList<>();
    int[] checked = {0};
    EngineRecords.replayTasks(engine, (stored, replayed) -> {
      checked[0]++;
      Set<Field> fields = EnumSet.noneOf(Field.class);
      if (!stored.taskStatusId().equals(replayed.taskStatusId())) {
        fields.add(Field.STATUS);
      }
      if (!Objects.equals(stored.realStartDate(), replayed.realStartDate())) {
        fields.add(Field.REAL_START_DATE);
      }
      if (!Objects.equals(stored.endDate(), replayed.endDate())) {
        fields.add(Field.END_DATE);
      }
      if (!Objects.equals(stored.doneDate(), replayed.doneDate())) {
        fields.add(Field.DONE_DATE);
      }
      if (stored.retakeCount() != replayed.retakeCount()) {
        fields.add(Field.RETAKE_COUNT);
      }
      if (!fields.isEmpty()) {
        drifts.add(new TaskDrift(stored.id(), fields, stored, replayed));
      }
    });
    return new Report(checked[0], drifts);
  }
}
