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
   * The same links as {@link #links}, in the same order, as an int-indexed network over the given tasks:
   * no object or map entry per implicit link. Implicit links are emitted entity by entity (entities by
   * id), group after group; an implicit link whose pair (in either direction) has an explicit link is
   * left out, and the explicit links follow in the order of {@link #links}.
   *
   * <p>The network numbers the tasks for locality, not in list order: entity by entity, each entity's
   * tasks by (priority, list index), the tasks without a priority last. Every implicit link then runs
   * from a lower to a higher number, so the passes sweep the arrays in order. Each task's list index is
   * its tie rank, so Kahn's order, the result and a reported cycle are those of a network numbered in
   * list order.
   *
   * @param s the state
   * @param p the tasks' project
   * @param tasks the tasks (nodes), sorted by id value; links with an end outside them are left out
   * @param ids each task's id (in list order), or null to read them from the tasks
   * @param entityRank each task's entity's rank among the tasks' entities sorted by id value, or null to
   *     compute it here (by hashing every task's entity)
   * @param priority each task's type's link priority in the project ({@link Integer#MIN_VALUE} for none),
   *     or null to look it up here
   * @param durations D of each task (in list order)
   * @param unestimated whether each task's duration fell back to one day (in list order)
   * @param extra explicit links given by the caller, replacing stored and implicit links of the same pair
   * @return the network
   */
  static dev.prodtrack.schedule.CpmNetwork network(State s, Project p, List<Task> tasks, TaskId[] ids,
      int[] entityRank, int[] priority, int[] durations, boolean[] unestimated, List<TaskLink> extra) {
    int n = tasks.size();
    if (ids == null) {
      ids = new TaskId[n];
      for (int i = 0; i < n; i++) {
        ids[i] = tasks.get(i).id();
      }
    }
    if (priority == null) {
      priority = priorities(p, tasks);
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
    at = null;
    // Network numbers: entity by entity; in each, the prioritised tasks by (priority, index), then the rest.
    int[] original = new int[n];
    int[] number = new int[n];
    int[] prioritised = new int[entities];
    long[] group = new long[16];
    for (int e = 0; e < entities; e++) {
      int size = 0;
      for (int x = entityStart[e]; x < entityStart[e + 1]; x++) {
        int i = members[x];
        if (priority[i] != Integer.MIN_VALUE) {
          if (size == group.length) {
            group = java.util.Arrays.copyOf(group, size * 2);
          }
          group[size++] = (long) priority[i] << 32 | i;
        }
      }
      java.util.Arrays.sort(group, 0, size);
      prioritised[e] = size;
      int next = entityStart[e];
      for (int x = 0; x < size; x++) {
        int i = (int) group[x];
        original[next] = i;
        number[i] = next++;
      }
      for (int x = entityStart[e]; x < entityStart[e + 1]; x++) {
        int i = members[x];
        if (priority[i] == Integer.MIN_VALUE) {
          original[next] = i;
          number[i] = next++;
        }
      }
    }
    members = null;
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
      int a = indexOf(ids, l.predecessor());
      int b = indexOf(ids, l.successor());
      if (a < 0 || b < 0) {
        continue;
      }
      explicit.remove((long) b * n + a);
      explicit.remove((long) a * n + b);
      explicit.put((long) a * n + b, l);
      explicitEnds.put((long) a * n + b, new int[] {a, b});
      explicitPairs.add((long) Math.min(a, b) * n + Math.max(a, b));
    }
    TaskId[] numberedIds = new TaskId[n];
    int[] numberedDurations = new int[n];
    boolean[] numberedUnestimated = new boolean[n];
    for (int k = 0; k < n; k++) {
      int i = original[k];
      numberedIds[k] = ids[i];
      numberedDurations[k] = durations[i];
      numberedUnestimated[k] = unestimated[i];
    }
    var network = new dev.prodtrack.schedule.CpmNetwork(java.util.Arrays.asList(numberedIds), numberedDurations,
        numberedUnestimated, original);
    // Each entity's prioritised tasks are numbered by (priority, index) from its start: the groups are runs.
    for (int e = 0; e < entities; e++) {
      int from = entityStart[e];
      int to = from + prioritised[e];
      int previousFrom = -1;
      int levelFrom = from;
      while (levelFrom < to) {
        int levelPriority = priority[original[levelFrom]];
        int levelTo = levelFrom;
        while (levelTo < to && priority[original[levelTo]] == levelPriority) {
          levelTo++;
        }
        if (previousFrom >= 0) {
          for (int x = previousFrom; x < levelFrom; x++) {
            for (int y = levelFrom; y < levelTo; y++) {
              if (explicitPairs.isEmpty() || !explicitPairs.contains(pairKey(original[x], original[y], n))) {
                network.link(x, y, TaskLink.Type.FS, 0);
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
      network.link(number[ends[0]], number[ends[1]], l.type(), l.lag());
    });
    return network;
  }

  private static long pairKey(int a, int b, int n) {
    return (long) Math.min(a, b) * n + Math.max(a, b);
  }

  /**
   * Each task's type's link priority in the project, {@link Integer#MIN_VALUE} for none.
   *
   * @param p the project
   * @param tasks the tasks
   * @return the priorities, one per task
   */
  static int[] priorities(Project p, List<Task> tasks) {
    int n = tasks.size();
    int[] priority = new int[n];
    Map<java.util.UUID, OptionalInt> priorities = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Task t = tasks.get(i);
      OptionalInt prio = priorities.get(t.taskTypeId().value());
      if (prio == null) {
        prio = p.taskTypePriority(t.taskTypeId());
        priorities.put(t.taskTypeId().value(), prio);
      }
      priority[i] = prio.isPresent() ? prio.getAsInt() : Integer.MIN_VALUE;
    }
    return priority;
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

  /** The index of a task in ids sorted by value, or -1. */
  private static int indexOf(TaskId[] sorted, TaskId id) {
    int lo = 0;
    int hi = sorted.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = sorted[mid].value().compareTo(id.value());
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
