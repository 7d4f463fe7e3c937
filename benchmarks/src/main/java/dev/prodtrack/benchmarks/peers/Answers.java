package dev.prodtrack.benchmarks.peers;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Canonical forms of the peers' answers, compared before anything is timed: each peer answers with its
 * own row type, and the questions without an order (or with ties in their order) compare as sorted
 * ids. A difference throws, naming the question, the peer and both answers.
 */
final class Answers {
  private Answers() {}

  /** The task id of a row of any peer. */
  static UUID id(Object row) {
    if (row instanceof Task t) {
      return t.id().value();
    }
    if (row instanceof UUID u) {
      return u;
    }
    if (row instanceof PlainPeer.Row r) {
      return r.id;
    }
    throw new IllegalArgumentException("not a task row: " + row);
  }

  /** An unordered list of tasks: the sorted ids. */
  static String rows(List<?> rows) {
    List<String> ids = new ArrayList<>(rows.size());
    rows.forEach(r -> ids.add(id(r).toString()));
    ids.sort(null);
    return rows.size() + " " + ids;
  }

  /** A list ordered by due date (ties in any order): the sorted ids, and the due dates in list order. */
  static String byDue(List<?> rows, Snapshot s) {
    List<LocalDate> dues = new ArrayList<>(rows.size());
    rows.forEach(r -> dues.add(s.taskById.get(id(r)).dueDate()));
    return rows(rows) + " due " + dues;
  }

  /**
   * Late tasks: the count, the due dates of the first 100 in order, and the ids among them that are due
   * strictly before the last one's due date (ties at the cut may be broken differently).
   */
  static String late(Peer.Late late, Snapshot s) {
    List<LocalDate> dues = new ArrayList<>();
    late.first().forEach(r -> dues.add(s.taskById.get(id(r)).dueDate()));
    LocalDate cut = dues.isEmpty() ? null : dues.get(dues.size() - 1);
    List<String> before = new ArrayList<>();
    for (Object r : late.first()) {
      if (s.taskById.get(id(r)).dueDate().isBefore(cut)) {
        before.add(id(r).toString());
      }
    }
    before.sort(null);
    return late.count() + " due " + dues + " ids " + before;
  }

  /** Minutes per person: sorted, persons with zero left out. */
  static String minutes(Map<?, Long> minutes) {
    Map<String, Long> sorted = new TreeMap<>();
    minutes.forEach((k, v) -> {
      if (v != 0) {
        sorted.put((k instanceof PersonId p ? p.value() : (UUID) k).toString(), v);
      }
    });
    return sorted.toString();
  }

  /** A timeline: the enclosing bar and the task bars sorted by task id. */
  static String timeline(Peer.SequenceTimeline t) {
    List<String> bars = new ArrayList<>();
    t.bars().forEach(b -> bars.add(b.toString()));
    bars.sort(null);
    return t.start() + ".." + t.end() + " " + bars;
  }

  /** Earned value: BAC, PV, EV, AC in person-days, then the unestimated and unscheduled counts. */
  static double[] earnedValue(Object answer) {
    if (answer instanceof dev.prodtrack.schedule.EarnedValue e) {
      return new double[] {e.bac(), e.pv(), e.ev(), e.ac(), e.unestimated(), e.unscheduled()};
    }
    PlainSchedule.Ev e = (PlainSchedule.Ev) answer;
    return new double[] {e.bac(), e.pv(), e.ev(), e.ac(), e.unestimated(), e.unscheduled()};
  }

  /**
   * Throws unless two earned values agree to a billionth (relative; the sums run in different orders and,
   * in SQL, over minutes before the conversion to person-days) and the counts are equal.
   */
  static void agreeEarnedValue(String question, Peer peer, double[] expected, double[] actual) {
    boolean same = expected.length == actual.length;
    for (int i = 0; same && i < expected.length; i++) {
      same = Math.abs(expected[i] - actual[i]) <= 1e-9 * Math.max(1, Math.abs(expected[i]));
    }
    agree(question, peer, java.util.Arrays.toString(expected),
        same ? java.util.Arrays.toString(expected) : java.util.Arrays.toString(actual));
  }

  /**
   * A workload grid: per person by id, the demand and capacity of each day in nanoseconds; then the
   * team's demand, capacity and overbooked people per day.
   */
  static String grid(Object answer) {
    Map<String, String> people = new TreeMap<>();
    StringBuilder totals = new StringBuilder();
    if (answer instanceof dev.prodtrack.schedule.WorkloadGrid g) {
      for (dev.prodtrack.schedule.Workload w : g.people()) {
        StringBuilder row = new StringBuilder();
        w.days().forEach(d -> row.append(d.demand().toNanos()).append('/').append(d.capacity().toNanos()).append(' '));
        people.put(w.person().value().toString(), row.toString());
      }
      g.totals().forEach(d -> totals.append(d.demand().toNanos()).append('/').append(d.capacity().toNanos())
          .append('/').append(d.overbookedPeople()).append(' '));
      return g.from() + " " + people + " team " + totals;
    }
    PlainSchedule.Grid g = (PlainSchedule.Grid) answer;
    for (int p = 0; p < g.people().size(); p++) {
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < g.demand()[p].length; i++) {
        row.append(g.demand()[p][i]).append('/').append(g.capacity()[p][i]).append(' ');
      }
      people.put(g.people().get(p).toString(), row.toString());
    }
    for (int i = 0; i < g.teamDemand().length; i++) {
      totals.append(g.teamDemand()[i]).append('/').append(g.teamCapacity()[i]).append('/').append(g.overbooked()[i])
          .append(' ');
    }
    return g.from() + " " + people + " team " + totals;
  }

  /** A critical path: the project finish, how many tasks are critical and their sorted ids. */
  static String criticalPath(Object answer) {
    List<String> ids = new ArrayList<>();
    LocalDate finish;
    if (answer instanceof dev.prodtrack.schedule.CriticalPath c) {
      c.critical().forEach(t -> ids.add(t.value().toString()));
      finish = c.finish();
    } else {
      PlainSchedule.Cpm c = (PlainSchedule.Cpm) answer;
      c.critical().forEach(t -> ids.add(t.toString()));
      finish = c.finish();
    }
    ids.sort(null);
    return "finish " + finish + ", " + ids.size() + " critical " + ids;
  }

  /**
   * Throws unless a peer's canonical answer equals prodtrack's.
   *
   * @throws IllegalStateException naming the question and showing both answers (cut to 2,000 characters)
   */
  static void agree(String question, Peer peer, String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(peer.name() + " disagrees with prodtrack on " + question + ":\n  prodtrack: "
          + cut(expected) + "\n  " + peer.name() + ": " + cut(actual));
    }
  }

  private static String cut(String s) {
    return s.length() <= 2_000 ? s : s.substring(0, 2_000) + "... (" + s.length() + " chars)";
  }
}
