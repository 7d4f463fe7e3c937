package dev.prodtrack.benchmarks.peers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The checks made before timing: each asks prodtrack and a peer the same question (a sample of inputs
 * for the per-shot, per-person and per-sequence questions) and compares the canonical answers; the
 * mutation checks apply the same mutations to both and compare the state they leave. Any difference
 * throws {@link IllegalStateException}.
 */
final class Agreement {
  /** How many inputs of a per-shot, per-person or per-sequence question are checked. */
  static final int SAMPLE = 50;
  /** How many targets each mutation check mutates (at the end of the target arrays). */
  static final int MUTATED = 4;

  private Agreement() {}

  /**
   * Every check for every peer, all loaded from {@code s} before prodtrack was mutated: the questions
   * first (the mutation checks change prodtrack and the peers alike), then the mutations.
   */
  static void all(Peer golden, List<Peer> peers, Snapshot s) {
    for (Peer peer : peers) {
      tasksForShot(golden, peer, s);
      tasksByStatus(golden, peer, s);
      todo(golden, peer, s);
      late(golden, peer, s);
      minutesPerPerson(golden, peer, s);
      timeline(golden, peer, s);
      earnedValue(golden, peer, s);
      workloadGrid(golden, peer, s);
      criticalPath(golden, peer, s);
    }
    for (Peer peer : peers) {
      commentWithStatus(golden, peer, s, s.now.plusSeconds(1));
      setTimeSpent(golden, peer, s);
      reassign(golden, peer, s);
    }
  }

  static void tasksForShot(Peer golden, Peer peer, Snapshot s) {
    for (int i : sample(s.shots.length)) {
      Answers.agree("tasks for shot #" + i, peer, Answers.rows(golden.tasksForShot(i)),
          Answers.rows(peer.tasksForShot(i)));
    }
  }

  static void tasksByStatus(Peer golden, Peer peer, Snapshot s) {
    for (int v = 0; v < Snapshot.VARIANTS; v++) {
      Answers.agree("tasks by status #" + v, peer, Answers.rows(golden.tasksByStatus(v)),
          Answers.rows(peer.tasksByStatus(v)));
      Answers.agree("tasks by status and task type #" + v, peer, Answers.rows(golden.tasksByStatusAndType(v)),
          Answers.rows(peer.tasksByStatusAndType(v)));
    }
  }

  static void todo(Peer golden, Peer peer, Snapshot s) {
    for (int i : sample(s.todoPersons.length)) {
      Answers.agree("todo list of person #" + i, peer, Answers.byDue(golden.todo(i), s),
          Answers.byDue(peer.todo(i), s));
    }
  }

  static void late(Peer golden, Peer peer, Snapshot s) {
    for (int v = 0; v < Snapshot.VARIANTS; v++) {
      Answers.agree("late tasks #" + v, peer, Answers.late(golden.late(v), s), Answers.late(peer.late(v), s));
    }
  }

  static void minutesPerPerson(Peer golden, Peer peer, Snapshot s) {
    for (int v = 0; v < Snapshot.VARIANTS; v++) {
      String expected = Answers.minutes(golden.minutesPerPerson(v));
      if (expected.equals("{}")) {
        throw new IllegalStateException("no time spent in " + s.monthFroms[v] + ".." + s.monthTos[v]);
      }
      Answers.agree("minutes per person #" + v, peer, expected, Answers.minutes(peer.minutesPerPerson(v)));
    }
  }

  static void timeline(Peer golden, Peer peer, Snapshot s) {
    for (int i : sample(s.sequences.length)) {
      Answers.agree("timeline of sequence #" + i, peer, Answers.timeline(golden.timeline(i)),
          Answers.timeline(peer.timeline(i)));
    }
  }

  static void earnedValue(Peer golden, Peer peer, Snapshot s) {
    for (int v = 0; v < Snapshot.VARIANTS; v++) {
      double[] expected = Answers.earnedValue(golden.earnedValue(v));
      if (expected[0] <= 0 || expected[1] <= 0 || expected[2] <= 0 || expected[3] <= 0) {
        throw new IllegalStateException("a zero earned-value measure as of " + s.lateDays[v] + ": "
            + java.util.Arrays.toString(expected));
      }
      Answers.agreeEarnedValue("earned value #" + v, peer, expected, Answers.earnedValue(peer.earnedValue(v)));
    }
  }

  static void workloadGrid(Peer golden, Peer peer, Snapshot s) {
    for (int v = 0; v < Snapshot.VARIANTS; v++) {
      Object grid = golden.workloadGrid(v);
      if (((dev.prodtrack.schedule.WorkloadGrid) grid).totalDemand().isZero()) {
        throw new IllegalStateException("no demand in the grid from " + s.lateDays[v]);
      }
      Answers.agree("workload grid #" + v, peer, Answers.grid(grid), Answers.grid(peer.workloadGrid(v)));
    }
  }

  static void criticalPath(Peer golden, Peer peer, Snapshot s) {
    Answers.agree("critical path", peer, Answers.criticalPath(golden.criticalPath()),
        Answers.criticalPath(peer.criticalPath()));
  }

  /** Comments the last targets to WIP then to WFA on both, comparing the statuses after each. */
  static void commentWithStatus(Peer golden, Peer peer, Snapshot s, Instant at) {
    int n = s.assignedTasks.length;
    for (boolean wip : new boolean[] {true, false}) {
      for (int i = n - MUTATED; i < n; i++) {
        golden.commentWithStatus(i, wip, at);
        if (peer != golden) {
          peer.commentWithStatus(i, wip, at);
        }
        UUID expected = wip ? s.wip : s.wfa;
        agreeValue("status after a comment on assigned task #" + i, peer, expected, golden.statusOfAssigned(i));
        agreeValue("status after a comment on assigned task #" + i, peer, expected, peer.statusOfAssigned(i));
      }
    }
  }

  /** Sets 90 then 30 minutes on the last targets on both, comparing the tasks' durations after each. */
  static void setTimeSpent(Peer golden, Peer peer, Snapshot s) {
    int n = s.assignedTasks.length;
    for (long minutes : new long[] {90, 30}) {
      for (int i = n - MUTATED; i < n; i++) {
        golden.setTimeSpent(i, minutes);
        if (peer != golden) {
          peer.setTimeSpent(i, minutes);
        }
        agreeValue("duration after setting time on assigned task #" + i, peer, golden.durationOfAssigned(i),
            peer.durationOfAssigned(i));
      }
    }
  }

  /** Reassigns the last targets forward and back on both, comparing the assignees after each. */
  static void reassign(Peer golden, Peer peer, Snapshot s) {
    int n = s.reassignTasks.length;
    for (boolean forward : new boolean[] {true, false}) {
      for (int i = n - MUTATED; i < n; i++) {
        golden.reassign(i, forward);
        if (peer != golden) {
          peer.reassign(i, forward);
        }
        UUID expected = forward ? s.reassignTo[i] : s.reassignFrom[i];
        agreeValue("assignees after reassigning task #" + i, peer, List.of(expected), golden.assigneesOfReassigned(i));
        agreeValue("assignees after reassigning task #" + i, peer, List.of(expected), peer.assigneesOfReassigned(i));
      }
    }
  }

  private static void agreeValue(String question, Peer peer, Object expected, Object actual) {
    Answers.agree(question, peer, String.valueOf(expected), String.valueOf(actual));
  }

  private static List<Integer> sample(int n) {
    List<Integer> out = new ArrayList<>();
    int step = Math.max(1, n / SAMPLE);
    for (int i = 0; i < n; i += step) {
      out.add(i);
    }
    return out;
  }
}
