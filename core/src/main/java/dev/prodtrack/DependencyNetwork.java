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
