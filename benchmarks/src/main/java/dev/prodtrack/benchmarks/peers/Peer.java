package dev.prodtrack.benchmarks.peers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One engine of the side-by-side comparison, answering the questions of schedule-analytics §10.2 on
 * the data of a {@link Snapshot}. Inputs are indexes into the snapshot's input arrays: each peer
 * converts those UUIDs once, at construction, to the key type it would naturally be called with
 * ({@code EntityId} for prodtrack, {@code UUID} for the others), so no conversion is timed.
 *
 * <p>Answers are each peer's natural rows: prodtrack's {@code Task} records, the SQL peers' ids read
 * from the result set, the plain peer's own task objects. {@link Answers} turns any of them into a
 * canonical form for the checks made before timing.
 *
 * <p>Not thread-safe: one benchmark thread per peer.
 */
interface Peer extends AutoCloseable {

  /** The name used in {@code @Param peer}. */
  String name();

  /** The tasks of shot {@code i} (gazu {@code all_tasks_for_shot}). */
  List<?> tasksForShot(int i);

  /** The tasks of the project with status {@code v} of the snapshot. */
  List<?> tasksByStatus(int v);

  /** The tasks of the project with status {@code v} and its task type (gazu {@code all_tasks_for_task_status}). */
  List<?> tasksByStatusAndType(int v);

  /** The todo list of todo person {@code i}: assigned, status not done, ordered by due date. */
  List<?> todo(int i);

  /** The late tasks of the project as of late day {@code v}: how many, and the 100 most late. */
  Late late(int v);

  /** Minutes of time spent per person over month {@code v} (persons with none may be absent). */
  Map<?, Long> minutesPerPerson(int v);

  /** The timeline of sequence {@code i}: one bar per task of its shots and the enclosing bar. */
  SequenceTimeline timeline(int i);

  /**
   * Earned value of the project as of late day {@code v} (0/100 rule): prodtrack's {@code EarnedValue},
   * the others' {@link PlainSchedule.Ev}.
   */
  Object earnedValue(int v);

  /**
   * The workload grid of the project team over the 90 days from late day {@code v}: prodtrack's
   * {@code WorkloadGrid}, the others' {@link PlainSchedule.Grid}.
   */
  Object workloadGrid(int v);

  /**
   * The critical path of the whole project (implicit pipeline links, from the project's start, backward
   * pass from its finish): prodtrack's {@code CriticalPath}, the others' {@link PlainSchedule.Cpm}.
   */
  Object criticalPath();

  /**
   * Posts a comment on assigned task {@code i} that sets its status to WIP ({@code wip}) or Waiting For
   * Approval, by the snapshot's manager at {@code at}.
   */
  void commentWithStatus(int i, boolean wip, Instant at);

  /** Sets the time the first assignee of assigned task {@code i} spent on it on the snapshot's day. */
  void setTimeSpent(int i, long minutes);

  /** Moves reassign task {@code i} from its assignee to the other artist ({@code forward}) or back. */
  void reassign(int i, boolean forward);

  /** The status of assigned task {@code i} (for the checks). */
  UUID statusOfAssigned(int i);

  /** The duration in minutes of assigned task {@code i} (for the checks). */
  long durationOfAssigned(int i);

  /** The assignees of reassign task {@code i}, in any order (for the checks). */
  List<UUID> assigneesOfReassigned(int i);

  /** Bytes held outside the Java heap (SQLite's pages), 0 for the others. */
  default long offHeapBytes() {
    return 0;
  }

  @Override
  void close();

  /** How many tasks are late and the first 100 of them by due date. */
  record Late(int count, List<?> first) {}

  /**
   * A task's bar: planned start (start date, else real start), planned end (due date, else end date; never
   * before the start), and late when not done and ending before "today".
   */
  record Bar(UUID task, LocalDate start, LocalDate end, boolean late) {

    static Bar of(UUID task, LocalDate startDate, LocalDate dueDate, Instant realStart,
        Instant endDate, boolean done, LocalDate asOf) {
      LocalDate start = startDate != null ? startDate : day(realStart);
      LocalDate end = dueDate != null ? dueDate : day(endDate);
      if (start != null && end != null && end.isBefore(start)) {
        end = start;
      }
      return new Bar(task, start, end, !done && end != null && end.isBefore(asOf));
    }

    private static LocalDate day(Instant instant) {
      return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
  }

  /** A sequence's timeline: its task bars and the bar enclosing them (null ends when no task has one). */
  record SequenceTimeline(List<Bar> bars, LocalDate start, LocalDate end) {

    static SequenceTimeline of(List<Bar> bars) {
      LocalDate start = null;
      LocalDate end = null;
      for (Bar b : bars) {
        if (b.start() != null && (start == null || b.start().isBefore(start))) {
          start = b.start();
        }
        if (b.end() != null && (end == null || b.end().isAfter(end))) {
          end = b.end();
        }
      }
      return new SequenceTimeline(bars, start, end);
    }
  }
}
