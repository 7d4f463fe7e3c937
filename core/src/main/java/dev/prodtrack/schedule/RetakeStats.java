package dev.prodtrack.schedule;

import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.TaskTypeId;
import java.util.List;
import java.util.Objects;

/**
 * Kitsu's retake statistics for one episode and task type (zou's {@code get_episode_retake_stats_for_project},
 * kitsu-semantics §4.1): shot tasks counted as done, retake or other by status, with their frames, the
 * highest retake count, and the "evolution" per take.
 *
 * @param episode the episode, or null for shots outside episodes
 * @param taskType the task type
 * @param done tasks in a done status
 * @param retake tasks in a retake status
 * @param other the other tasks
 * @param doneFrames frames of the done tasks' shots
 * @param retakeFrames frames of the retake tasks' shots
 * @param otherFrames frames of the other tasks' shots
 * @param maxRetakeCount the highest retake count
 * @param evolution per take number 1..max: tasks with {@code retake_count ≥ i} count as retake, else done
 *     if done, else other
 */
public record RetakeStats(EntityId episode, TaskTypeId taskType, int done, int retake, int other, long doneFrames,
    long retakeFrames, long otherFrames, int maxRetakeCount, List<Take> evolution) {

  /**
   * One take of the evolution.
   *
   * @param take the take number, from 1
   * @param retake tasks counted as retake at this take
   * @param done tasks counted as done
   * @param other the others
   */
  public record Take(int take, int retake, int done, int other) {}

  /** Checks for nulls and copies. */
  public RetakeStats {
    Objects.requireNonNull(taskType, "taskType");
    evolution = List.copyOf(evolution);
  }
}
