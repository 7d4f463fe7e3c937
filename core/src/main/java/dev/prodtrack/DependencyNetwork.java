package dev.prodtrack;

import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskDependency;
import dev.prodtrack.model.TaskDependencyId;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.schedule.TaskLink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dependency network of a project's tasks (schedule-analytics.md §5.1): implicit finish-to-start links
 * between the task-type priority groups of each entity, and explicit links (stored ones, then any given
 * by the caller), an explicit link replacing the implicit link of the same pair, in either direction.
 */
final class DependencyNetwork {
  private DependencyNetwork() {}

  /**
   * The links between the given tasks.
   *
   * @param s the state
   * @param p the tasks' project
   * @param tasks the tasks (nodes); links with an end outside them are left out
   * @param extra explicit links given by the caller, replacing stored and implicit links of the same pair
   * @return the links, implicit first in task-id order, then stored, then extra
   */
  static List<TaskLink> links(State s, Project p, Collection<Task> tasks, List<TaskLink> extra) {
    Set<TaskId> nodes = new HashSet<>();
    Map<EntityId, List<Task>> byEntity = new TreeMap<>(Comparator.comparing(EntityId::value));
    for (Task t : tasks) {
      nodes.add(t.id());
      byEntity.computeIfAbsent(t.entityId(), k -> new ArrayList<>()).add(t);
    }
    Map<List<TaskId>, TaskLink> links = new LinkedHashMap<>();
    for (List<Task> group : byEntity.values()) {
      group.sort(Comparator.comparing(t -> t.id().value()));
      List<Task> previous = null;
      for (List<Task> level : priorityGroups(p, group).values()) {
        if (previous != null) {
          for (Task a : previous) {
            for (Task b : level) {
              links.put(List.of(a.id(), b.id()), TaskLink.fs(a.id(), b.id()));
            }
          }
        }
        previous = level;
      }
    }
    List<TaskLink> explicit = new ArrayList<>();
    List<TaskDependency> stored = new ArrayList<>();
    s.dependenciesByProject.get(p.id()).forEach(id -> stored.add(s.taskDependencies.get(id)));
    stored.sort(Comparator.comparing(TaskDependency::createdAt).thenComparing(d -> d.id().value()));
    for (TaskDependency d : stored) {
      explicit.add(linkOf(d));
    }
    explicit.addAll(extra);
    for (TaskLink l : explicit) {
      if (!nodes.contains(l.predecessor()) || !nodes.contains(l.successor())) {
        continue;
      }
      links.remove(List.of(l.successor(), l.predecessor()));
      links.remove(List.of(l.predecessor(), l.successor()));
      links.put(List.of(l.predecessor(), l.successor()), l);
    }
    return new ArrayList<>(links.values());
  }

  /**
   * The same links as {@link #links}, in the same order, as an int-indexed network over the given tasks
   * (task {@code i} is {@code tasks.get(i)}): no object or map entry per implicit link. Implicit links are
   * emitted entity by entity (entities by id), group after group; an implicit link whose pair (in either
   * direction) has an explicit link is left out, and the explicit links follow in the order of
   * {@link #links}.
   *
   * @param s the state
   * @param p the tasks' project
   * @param tasks the tasks (nodes), sorted by id value; links with an end outside them are left out
   * @param entityRank each task's entity's rank among the tasks' entities sorted by id value, or null to
   *     compute it here (by hashing every task's entity)
   * @param durations D of each task
   * @param unestimated whether each task's duration fell back to one day
   * @param extra explicit links given by the caller, replacing stored and implicit links of the same pair
   * @return the network
   */
  static dev.prodtrack.schedule.CpmNetwork network(State s, Project p, List<Task> tasks, int[] entityRank,
      int[] durations, boolean[] unestimated, List<TaskLink> extra) {
    int n = tasks.size();
    List<TaskId> ids = new ArrayList<>(n);
    // Each task's priority (Integer.MIN_VALUE for none), keyed by the type id's UUID (cheaper to hash).
    int[] priority = new int[n];
    Map<java.util.UUID, OptionalInt> priorities = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Task t = tasks.get(i);
      ids.add(t.id());
      OptionalInt prio = priorities.get(t.taskTypeId().value());
      if (prio == null) {
        prio = p.taskTypePriority(t.taskTypeId());
        priorities.put(t.taskTypeId().value(), prio);
      }
      priority[i] = prio.isPresent() ? prio.getAsInt() : Integer.MIN_VALUE;
    }
    int[] rank = entityRank != null ? entityRank : entityRanks(tasks);
    // The tasks entity by entity (entities by rank), each entity's in index order: a counting sort.
    int entities = 0;
    for (int r : rank) {
      entities = Math.max(entities, r + 1);
    }
    int[] entityStart = new int[entities + 1];
    for (int r : rank) {
      entityStart[r + 1]++;
    }
    for (int e = 0; e < entities; e++) {
      entityStart[e + 1] += entityStart[e];
    }
    int[] members = new int[n];
    int[] at = java.util.Arrays.copyOf(entityStart, entities);
    for (int i = 0; i < n; i++) {
      members[at[rank[i]]++] = i;
    }
    // Explicit links, with the replacement rules of links(): by ordered pair, last one wins and moves last.
    Map<Long, TaskLink> explicit = new java.util.LinkedHashMap<>();
    Map<Long, int[]> explicitEnds = new HashMap<>();
    java.util.Set<Long> explicitPairs = new HashSet<>();
    List<TaskDependency> stored = new ArrayList<>();
    s.dependenciesByProject.get(p.id()).forEach(id -> stored.add(s.taskDependencies.get(id)));
    stored.sort(Comparator.comparing(TaskDependency::createdAt).thenComparing(d -> d.id().value()));
    List<TaskLink> given = new ArrayList<>();
    for (TaskDependency d : stored) {
      given.add(linkOf(d));
    }
    given.addAll(extra);
    for (TaskLink l : given) {
      int a = indexOf(tasks, l.predecessor());
      int b = indexOf(tasks, l.successor());
      if (a < 0 || b < 0) {
        continue;
      }
      explicit.remove((long) b * n + a);
      explicit.remove((long) a * n + b);
      explicit.put((long) a * n + b, l);
      explicitEnds.put((long) a * n + b, new int[] {a, b});
      explicitPairs.add((long) Math.min(a, b) * n + Math.max(a, b));
    }
    var network = new dev.prodtrack.schedule.CpmNetwork(ids, durations, unestimated);
    // An entity's prioritised tasks as (priority << 32 | index): sorted, by priority then index.
    long[] group = new long[16];
    for (int e = 0; e < entities; e++) {
      int size = 0;
      for (int m = entityStart[e]; m < entityStart[e + 1]; m++) {
        int i = members[m];
        if (priority[i] != Integer.MIN_VALUE) {
          if (size == group.length) {
            group = java.util.Arrays.copyOf(group, size * 2);
          }
          group[size++] = (long) priority[i] << 32 | i;
        }
      }
      java.util.Arrays.sort(group, 0, size);
      int previousFrom = -1;
      int levelFrom = 0;
      while (levelFrom < size) {
        int levelTo = levelFrom;
        while (levelTo < size && group[levelTo] >> 32 == group[levelFrom] >> 32) {
          levelTo++;
        }
        if (previousFrom >= 0) {
          for (int x = previousFrom; x < levelFrom; x++) {
            int a = (int) group[x];
            for (int y = levelFrom; y < levelTo; y++) {
              int b = (int) group[y];
              if (explicitPairs.isEmpty() || !explicitPairs.contains((long) Math.min(a, b) * n + Math.max(a, b))) {
                network.link(a, b, TaskLink.Type.FS, 0);
              }
            }
          }
        }
        previousFrom = levelFrom;
        levelFrom = levelTo;
      }
    }
    explicit.forEach((key, l) -> {
      int[] ends = explicitEnds.get(key);
      network.link(ends[0], ends[1], l.type(), l.lag());
    });
    return network;
  }

  /**
   * Each task's entity's rank among the tasks' distinct entities sorted by id value.
   *
   * @param tasks the tasks
   * @return the ranks, one per task
   */
  static int[] entityRanks(List<Task> tasks) {
    Map<java.util.UUID, int[]> rankOf = new HashMap<>();
    int[][] holders = new int[tasks.size()][];
    for (int i = 0; i < tasks.size(); i++) {
      holders[i] = rankOf.computeIfAbsent(tasks.get(i).entityId().value(), k -> new int[1]);
    }
    java.util.UUID[] entities = rankOf.keySet().toArray(new java.util.UUID[0]);
    java.util.Arrays.sort(entities);
    for (int r = 0; r < entities.length; r++) {
      rankOf.get(entities[r])[0] = r;
    }
    int[] ranks = new int[tasks.size()];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = holders[i][0];
    }
    return ranks;
  }

  /** The index of a task in a list sorted by id value, or -1. */
  private static int indexOf(List<Task> sorted, TaskId id) {
    int lo = 0;
    int hi = sorted.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = sorted.get(mid).id().value().compareTo(id.value());
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /**
   * The computational link of a stored dependency.
   *
   * @param d the dependency
   * @return the link
   */
  static TaskLink linkOf(TaskDependency d) {
    return new TaskLink(d.predecessorId(), d.successorId(), TaskLink.Type.valueOf(d.type().name()), d.lag());
  }

  /**
   * The cycle a new link {@code predecessor → successor} would close in the project's network (stored
   * links plus implicit ones), found by a depth-first search from the successor back to the predecessor.
   * Only the part of the network reachable from the successor is visited.
   *
   * @param s the state
   * @param p the project
   * @param predecessor the new link's predecessor
   * @param successor the new link's successor
   * @return the tasks of the cycle in link order, starting with the predecessor; empty when none
   */
  static List<TaskId> cycleThrough(State s, Project p, TaskId predecessor, TaskId successor) {
    Map<TaskId, TaskId> parent = new HashMap<>();
    ArrayDeque<TaskId> stack = new ArrayDeque<>();
    parent.put(successor, null);
    stack.push(successor);
    while (!stack.isEmpty()) {
      TaskId x = stack.pop();
      for (TaskId y : successorsOf(s, p, x, predecessor, successor)) {
        if (parent.containsKey(y)) {
          continue;
        }
        parent.put(y, x);
        if (y.equals(predecessor)) {
          List<TaskId> path = new ArrayList<>();
          for (TaskId at = y; at != null; at = parent.get(at)) {
            path.add(at);
          }
          // path runs predecessor ← ... ← successor; the cycle is predecessor → successor → ... → back.
          List<TaskId> cycle = new ArrayList<>();
          cycle.add(predecessor);
          for (int i = path.size() - 1; i > 0; i--) {
            cycle.add(path.get(i));
          }
          return cycle;
        }
        stack.push(y);
      }
    }
    return List.of();
  }

  /** The direct successors of a task: its stored links out, and implicit ones not replaced by an explicit link. */
  private static List<TaskId> successorsOf(State s, Project p, TaskId x, TaskId newPred, TaskId newSucc) {
    List<TaskId> out = new ArrayList<>();
    Set<TaskId> explicitlyLinked = new HashSet<>();
    for (TaskDependencyId id : s.dependenciesByTask.get(x)) {
      TaskDependency d = s.taskDependencies.get(id);
      if (d.predecessorId().equals(x)) {
        out.add(d.successorId());
        explicitlyLinked.add(d.successorId());
      } else {
        explicitlyLinked.add(d.predecessorId());
      }
    }
    if (x.equals(newPred)) {
      explicitlyLinked.add(newSucc);
    } else if (x.equals(newSucc)) {
      explicitlyLinked.add(newPred);
    }
    Task task = s.tasks.get(x);
    OptionalInt own = p.taskTypePriority(task.taskTypeId());
    if (own.isEmpty()) {
      return out;
    }
    TreeMap<Integer, List<Task>> groups = priorityGroups(p, s.tasksOn(task.entityId()));
    Map.Entry<Integer, List<Task>> next = groups.higherEntry(own.getAsInt());
    if (next != null) {
      for (Task y : next.getValue()) {
        if (!explicitlyLinked.contains(y.id())) {
          out.add(y.id());
        }
      }
    }
    return out;
  }

  private static TreeMap<Integer, List<Task>> priorityGroups(Project p, List<Task> tasks) {
    TreeMap<Integer, List<Task>> byPriority = new TreeMap<>();
    for (Task t : tasks) {
      OptionalInt prio = p.taskTypePriority(t.taskTypeId());
      if (prio.isPresent()) {
        byPriority.computeIfAbsent(prio.getAsInt(), k -> new ArrayList<>()).add(t);
      }
    }
    return byPriority;
  }
}
