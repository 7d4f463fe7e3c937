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
