package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The read paths served from shared state (issue 6, engineer reads) against a naive recomputation, after
 * random mutations: the tasks of an entity (the state's own immutable list per entity, replaced on each
 * change), the tasks of a sequence (one copy of the children's lists), and the time spent per person over
 * ranges of days (running sums per person, with the per-day sums as the fallback for a person whose days
 * span more than {@link RunningSums#MAX_SPAN}). Each example generates a TINY production, applies a list
 * of actions (new tasks and shots, task removals, status and due-date changes, reassignments, comments,
 * time spent set, added and removed over dates from the 1900s to the 2200s), and after every action
 * compares the engine's answers with ones recomputed from {@code allTasksForProject} and {@code
 * getTimeSpents}; it also checks that a list returned before an action still holds what it held (a
 * snapshot, not a view) and that no returned list can be changed. Seeded; rerun with
 * {@code -Dprodtrack.seed=<seed>}.
 */
class ReadPathProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final int EXAMPLES = 12;

  @Test
  void entityAndSequenceTasks_andTimeSpentTotals_equalANaiveRecomputation_afterRandomMutations() {
    int[] accepted = {0};
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 30))
        .describedAs(actions -> "seed " + SEED + ", actions " + actions)
        .checkAssert(actions -> {
          long seed = SEED + actions.get(0) % 3;
          GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
          try (ProdTrack engine = ProdTrack.builder().store(MemoryStore.create()).clock(clock)
              .idSource(IdSource.seeded(seed)).open()) {
            Production p = ProductionGenerator.generate(engine, clock, Size.TINY, seed);
            Session admin = engine.as(p.admin());
            // One instance for the whole example: its remembered read check must follow every change.
            TaskApi manager = engine.as(p.managers().get(0)).task();
            List<String> done = new ArrayList<>();
            compare(engine, p, admin, manager, "seed " + seed + ", generated");
            for (int action : actions) {
              Snapshot before = Snapshot.of(manager, p);
              String what = apply(admin, p, action);
              done.add(what);
              accepted[0] += what.contains("refused") ? 0 : 1;
              before.assertUnchanged("seed " + seed + ", after " + done);
              compare(engine, p, admin, manager, "seed " + seed + ", after " + done);
            }
          }
        });
    assertThat(accepted[0]).as("mutations the engine accepted, seed %d", SEED).isGreaterThan(EXAMPLES * 5);
  }

  @Test
  void readCheck_followsTeamAndRoleChanges() {
    var g = ProductionGenerator.generateInNewEngine(Size.TINY, SEED);
    Production p = g.production();
    try (ProdTrack engine = g.engine()) {
      ProjectApi projects = engine.as(p.admin()).project();
      PersonId manager = p.managers().get(0);
      TaskApi tasks = engine.as(manager).task(); // one instance: its remembered check must follow changes
      EntityId shot = p.shots().get(0);
      List<Task> all = engine.as(p.admin()).task().allTasksForShot(shot);
      assertThat(all).isNotEmpty();
      assertThat(tasks.allTasksForShot(shot)).isEqualTo(all);

      projects.removePersonFromTeam(p.project(), manager);
      List<Task> assigned = all.stream().filter(t -> t.assignees().contains(manager)).toList();
      assertThat(tasks.allTasksForShot(shot)).as("out of the team: only his own tasks").isEqualTo(assigned);
      assertThatThrownBy(() -> tasks.allTasksForSequence(p.sequences().get(0)))
          .isInstanceOf(PermissionDeniedException.class);

      projects.addPersonToTeam(p.project(), manager);
      assertThat(tasks.allTasksForShot(shot)).as("back in the team").isEqualTo(all);
      assertThat(tasks.allTasksForSequence(p.sequences().get(0))).isNotEmpty();
    }
  }

  @Test
  void timeSpentTotals_ofAPersonWhoseDaysSpanTooFar_comeFromTheDaySums() {
    var g = ProductionGenerator.generateInNewEngine(Size.TINY, SEED);
    Production p = g.production();
    try (ProdTrack engine = g.engine()) {
      TaskApi api = engine.as(p.admin()).task();
      Task t = api.allTasksForProject(p.project()).get(0);
      PersonId artist = p.artists().get(0);
      if (!t.assignees().contains(artist)) {
        api.assignTask(t.id(), artist);
      }
      ScheduleApi schedule = engine.as(p.admin()).schedule();
      LocalDate early = LocalDate.of(1900, 1, 1);
      LocalDate late = early.plusDays(RunningSums.MAX_SPAN + 10);
      Duration before = schedule.timeSpentTotals(early, late).getOrDefault(artist, Duration.ZERO);
      api.setTimeSpent(t.id(), artist, early, Duration.ofMinutes(30));
      assertThat((Object) engine.read(s -> s.spentRunning().get(artist))).isNotSameAs(State.NO_RUNNING_SUMS);
      api.setTimeSpent(t.id(), artist, late, Duration.ofMinutes(45));
      assertThat((Object) engine.read(s -> s.spentRunning().get(artist))).as("span over the limit")
          .isSameAs(State.NO_RUNNING_SUMS);
      assertThat(schedule.timeSpentTotals(early, late).get(artist)).isEqualTo(before.plusMinutes(75));
      assertThat(schedule.timeSpentTotals(early, early).get(artist)).isEqualTo(Duration.ofMinutes(30));
      assertThat(schedule.timeSpentTotals(late, late).get(artist)).isEqualTo(Duration.ofMinutes(45));
      assertThat(schedule.timeSpentTotals(early.plusDays(1), late.minusDays(1)).get(artist)).isEqualTo(before.isZero()
          ? null : before);
      engine.checkInvariants();
    }
  }

  @Test
  void runningSums_addedToOrBuiltInOnePass_equalANaiveDayArray_overRandomRanges() {
    qt().withFixedSeed(SEED).withExamples(200)
        .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 60))
        .describedAs(ops -> "seed " + SEED + ", ops " + ops)
        .checkAssert(ops -> {
          int origin = 20_000;
          long[] naive = new long[4_000];
          RunningSums sums = new RunningSums(origin + ops.get(0) % 4_000);
          for (int op : ops) {
            int day = origin + op % 4_000;
            long nanos = (op / 4_000) - 125;
            assertThat(sums.add(day, nanos)).isTrue();
            naive[day - origin] += nanos;
            int first = origin - 50 + (op * 7) % 4_100;
            int last = first + (op / 3) % 700;
            long expected = 0;
            for (int d = Math.max(first, origin); d <= Math.min(last, origin + naive.length - 1); d++) {
              expected += naive[d - origin];
            }
            assertThat(sums.between(first, last)).as("days %d..%d", first, last).isEqualTo(expected);
          }
          long all = 0;
          for (long v : naive) {
            all += v;
          }
          assertThat(sums.between(0, Integer.MAX_VALUE)).isEqualTo(all);
          assertThat(sums.between(origin + 10, origin + 9)).isZero();
          var days = new org.eclipse.collections.impl.map.mutable.primitive.IntLongHashMap();
          for (int i = 0; i < naive.length; i++) {
            if (naive[i] != 0) {
              days.put(origin + i, naive[i]);
            }
          }
          if (!days.isEmpty()) {
            RunningSums built = RunningSums.of(days);
            assertThat(built.firstDifference(days)).isNull();
            assertThat(sums.firstDifference(days)).isNull();
            for (int op : ops) {
              int first = origin - 50 + (op * 13) % 4_100;
              int last = first + (op / 5) % 900;
              assertThat(built.between(first, last)).as("built in one pass, days %d..%d", first, last)
                  .isEqualTo(sums.between(first, last));
            }
            days.put(days.keysView().min() + RunningSums.MAX_SPAN, 1);
            assertThat(RunningSums.of(days)).as("days spanning too far").isNull();
          }
          assertThat(sums.add(origin - RunningSums.MAX_SPAN, 1)).as("past the span").isFalse();
          assertThat(sums.between(0, Integer.MAX_VALUE)).as("unchanged by the refused add").isEqualTo(all);
        });
  }

  /**
   * Readers that take no lock (the optimistic path of {@link ProdTrack#readOptimistic}) while one writer
   * applies seeded random single-write actions (new tasks, removals, status and due-date changes,
   * reassignments, comments with a status change): every list a reader got must be the tasks of its
   * shot or sequence as they were after some whole write (never a mix of two states, nor a duplicate),
   * and must still hold the same tasks once the writer is done.
   */
  @Test
  void readersDuringWrites_getConsistentSnapshots_thatNeverChange() throws Exception {
    var g = ProductionGenerator.generateInNewEngine(Size.TINY, SEED);
    Production p = g.production();
    try (ProdTrack engine = g.engine()) {
      Session admin = engine.as(p.admin());
      TaskApi manager = engine.as(p.managers().get(0)).task(); // shared by the readers: its remembered check too
      List<EntityId> keys = new ArrayList<>(p.shots());
      keys.addAll(p.sequences());
      Set<EntityId> sequences = new HashSet<>(p.sequences());
      Map<EntityId, Set<Set<Task>>> history = new HashMap<>();
      Runnable record = () -> {
        for (EntityId k : keys) {
          List<Task> now = sequences.contains(k) ? admin.task().allTasksForSequence(k) : admin.task().allTasksForShot(k);
          history.computeIfAbsent(k, x -> new HashSet<>()).add(Set.copyOf(now));
        }
      };
      record.run();
      java.util.Random random = new java.util.Random(SEED);
      List<String> done = new ArrayList<>();
      List<Sample> samples = readDuring(keys,
          k -> sequences.contains(k) ? manager.allTasksForSequence(k) : manager.allTasksForShot(k), () -> {
            for (int i = 0; i < 300; i++) {
              // actions 0..5 of apply: each one write, so that every state a reader may see is recorded
              int action = random.nextInt(90_000) * 11 + random.nextInt(6);
              done.add(apply(admin, p, action));
              record.run();
            }
          });
      assertThat(done.stream().filter(d -> !d.startsWith("refused")).count()).as("writes, seed %d", SEED)
          .isGreaterThan(150);
      int checked = 0;
      for (Sample smp : samples) {
        assertThat(smp.list()).as("seed %d: %s", SEED, smp.key()).doesNotHaveDuplicates();
        assertThat(history.get(smp.key())).as("seed %d: a list of %s is the state after some write", SEED,
            smp.key()).contains(Set.copyOf(smp.list()));
        assertThat(smp.list()).as("seed %d: a list of %s after the writes", SEED, smp.key())
            .containsExactlyElementsOf(smp.copy());
        checked++;
      }
      assertThat(checked).as("reads checked").isGreaterThan(100);
      engine.checkInvariants();
    }
  }

  /**
   * One change set that changes a task on each of two shots of a sequence (same priority on both, a new
   * one per change set), applied over and over while readers ask for the sequence's tasks without a
   * lock: every answer must show both tasks with the same priority. A reader that took the first shot's
   * list before a change set was applied and the second's after would see two priorities.
   */
  @Test
  void aSequenceReadDuringWrites_neverMixesTwoChangeSets() throws Exception {
    var g = ProductionGenerator.generateInNewEngine(Size.TINY, SEED);
    Production p = g.production();
    try (ProdTrack engine = g.engine()) {
      Session admin = engine.as(p.admin());
      TaskApi manager = engine.as(p.managers().get(0)).task();
      EntityId seq = null;
      Task a = null;
      Task b = null;
      for (EntityId candidate : p.sequences()) {
        List<Task> on = admin.task().allTasksForSequence(candidate);
        for (Task t : on) {
          if (a == null || a.entityId().equals(t.entityId())) {
            a = a == null ? t : a;
          } else {
            b = t;
            break;
          }
        }
        if (b != null) {
          seq = candidate;
          break;
        }
        a = null;
      }
      assertThat(b).as("a sequence with tasks on two shots, seed %d", SEED).isNotNull();
      TaskId first = a.id();
      TaskId second = b.id();
      EntityId sequence = seq;
      java.util.function.IntConsumer both = priority -> engine.write(p.admin(), tx -> {
        tx.put(first, ((Task) tx.state.get(first)).withPriority(priority));
        tx.put(second, ((Task) tx.state.get(second)).withPriority(priority));
        return null;
      });
      both.accept(0); // the same priority on both before any reader starts
      java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
      java.util.concurrent.ConcurrentLinkedQueue<String> mixed = new java.util.concurrent.ConcurrentLinkedQueue<>();
      java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        Thread t = new Thread(() -> {
          while (writing.get()) {
            int pa = -1;
            int pb = -2;
            for (Task x : manager.allTasksForSequence(sequence)) {
              if (x.id().equals(first)) {
                pa = x.priority();
              } else if (x.id().equals(second)) {
                pb = x.priority();
              }
            }
            reads.incrementAndGet();
            if (pa != pb) {
              mixed.add(pa + " != " + pb);
            }
          }
        }, "reader-" + r);
        readers.add(t);
        t.start();
      }
      try {
        for (int k = 1; k <= 20_000; k++) {
          both.accept(k);
        }
      } finally {
        writing.set(false);
        for (Thread t : readers) {
          t.join();
        }
      }
      assertThat(mixed).as("answers mixing two change sets out of %d reads, seed %d", reads.get(), SEED).isEmpty();
      assertThat(reads.get()).isGreaterThan(100);
      engine.checkInvariants();
    }
  }

  /**
   * A caller whose read check is remembered (so that his reads take the lock-free path) asks for a shot
   * that then moves to a project he may not read, comes back, loses a task to another shot, and is
   * deleted: each answer is at once what the locked path decides (his own tasks only while the shot is in
   * the other project; an unknown id once it is gone), three times in a row each.
   */
  @Test
  void aShotMovedToAnotherProjectOrDeleted_andATaskMovedAway_areSeenAtOnce_byACallerWithARememberedCheck() {
    var g = ProductionGenerator.generateInNewEngine(Size.TINY, SEED);
    Production p = g.production();
    try (ProdTrack engine = g.engine()) {
      Session admin = engine.as(p.admin());
      PersonId managerId = p.managers().get(0);
      TaskApi manager = engine.as(managerId).task();
      dev.prodtrack.model.ProjectId other = admin.project().newProject("Elsewhere").id(); // manager not in its team
      EntityId shot = p.shots().get(0);
      EntityId sibling = p.shots().get(1);
      List<Task> all = admin.task().allTasksForShot(shot);
      assertThat(all).as("tasks on the shot, seed %d", SEED).hasSizeGreaterThan(1);
      admin.task().assignTask(all.get(0).id(), managerId);
      all = admin.task().allTasksForShot(shot);
      TaskId mine = all.get(0).id();
      for (int i = 0; i < 3; i++) {
        assertThat(manager.allTasksForShot(shot)).as("in his project").containsExactlyInAnyOrderElementsOf(all);
      }
      moveWithTasks(engine, p, shot, other);
      for (int i = 0; i < 3; i++) {
        List<Task> got = manager.allTasksForShot(shot);
        assertThat(got).as("moved to a project he may not read: only his own task").hasSize(1);
        assertThat(got.get(0).id()).isEqualTo(mine);
        assertThat(admin.task().allTasksForShot(shot)).as("the admin still reads all").hasSameSizeAs(all);
      }
      moveWithTasks(engine, p, shot, p.project());
      for (int i = 0; i < 3; i++) {
        assertThat(new HashSet<>(manager.allTasksForShot(shot))).as("moved back").hasSameSizeAs(all);
      }
      Task moved = admin.task().getTask(all.get(1).id());
      List<Task> siblingBefore = manager.allTasksForShot(sibling);
      admin.task().updateTask(moved.withEntityId(sibling).withName("moved-" + moved.name()));
      for (int i = 0; i < 3; i++) {
        assertThat(manager.allTasksForShot(shot)).as("the moved task left the shot")
            .extracting(Task::id).doesNotContain(moved.id()).hasSize(all.size() - 1);
        assertThat(manager.allTasksForShot(sibling)).as("and joined its sibling")
            .extracting(Task::id).contains(moved.id()).hasSize(siblingBefore.size() + 1);
      }
      assertThat(siblingBefore).as("a list returned before the move").extracting(Task::id)
          .doesNotContain(moved.id());
      List<Task> before = manager.allTasksForShot(shot);
      List<Task> beforeCopy = List.copyOf(before);
      for (Task t : before) {
        admin.task().removeTask(t.id(), true);
      }
      assertThat(manager.allTasksForShot(shot)).as("no tasks left").isEmpty();
      engine.write(p.admin(), tx -> {
        tx.delete(shot);
        return null;
      });
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> manager.allTasksForShot(shot)).as("deleted")
            .isInstanceOf(UnknownIdException.class);
      }
      assertThat(before).as("a list returned before the deletion").containsExactlyElementsOf(beforeCopy);
      assertThat(manager.allTasksForSequence(p.sequences().get(0))).as("the sequence reads on")
          .extracting(Task::entityId).doesNotContain(shot);
      engine.checkInvariants();
    }
  }

  /**
   * {@link #readersDuringWrites_getConsistentSnapshots_thatNeverChange} for the writes that move what the
   * lock-free path looks up: a task moved to another shot, a shot moved (with its tasks) to a project the
   * readers may not read and back, a task removed, a shot without tasks deleted. Two readers share one
   * manager's {@link TaskApi}; every answer must be what that manager reads of the shot or sequence after
   * some whole write (all of a shot's tasks in his project, his own in the other, an unknown id once the
   * shot is deleted), and must not change afterwards.
   */
  @Test
  void readersDuringMovesAndDeletions_getConsistentSnapshots_thatNeverChange() throws Exception {
    var g = ProductionGenerator.generateInNewEngine(Size.TINY, SEED);
    Production p = g.production();
    try (ProdTrack engine = g.engine()) {
      Session admin = engine.as(p.admin());
      PersonId managerId = p.managers().get(0);
      TaskApi manager = engine.as(managerId).task();
      dev.prodtrack.model.ProjectId other = admin.project().newProject("Elsewhere").id();
      List<Task> some = admin.task().allTasksForProject(p.project());
      for (int i = 0; i < some.size(); i += 3) {
        admin.task().assignTask(some.get(i).id(), managerId); // his own tasks: what he reads in the other project
      }
      List<EntityId> keys = new ArrayList<>(p.shots());
      keys.addAll(p.sequences());
      Set<EntityId> sequences = new HashSet<>(p.sequences());
      Set<Object> unknown = Set.of("unknown id");
      Map<EntityId, Set<Set<Object>>> history = new HashMap<>();
      Runnable record = () -> engine.read(s -> {
        for (EntityId k : keys) {
          Set<Object> seen = new HashSet<>();
          Entity e = s.entities.get(k);
          if (e == null) {
            seen = unknown;
          } else if (sequences.contains(k)) {
            Set<EntityId> children = new HashSet<>(s.entitiesByParent.get(k));
            for (Task t : s.tasks.values()) {
              if (children.contains(t.entityId())) {
                seen.add(t);
              }
            }
          } else {
            boolean readable = e.projectId().equals(p.project());
            for (Task t : s.tasks.values()) {
              if (t.entityId().equals(k) && (readable || t.assignees().contains(managerId))) {
                seen.add(t);
              }
            }
          }
          history.computeIfAbsent(k, x -> new HashSet<>()).add(seen);
        }
        return null;
      });
      record.run();
      java.util.Random random = new java.util.Random(SEED);
      List<String> done = new ArrayList<>();
      List<Sample> samples = readDuring(keys, k -> {
        try {
          return sequences.contains(k) ? manager.allTasksForSequence(k) : manager.allTasksForShot(k);
        } catch (UnknownIdException gone) {
          return null;
        }
      }, () -> {
        for (int i = 0; i < 300; i++) {
          done.add(moveOrDelete(engine, admin, p, other, random));
          record.run();
        }
      });
      for (String kind : List.of("task moved", "shot moved", "task removed", "shot deleted")) {
        assertThat(done).as("writes of kind %s, seed %d: %s", kind, SEED, done).anyMatch(d -> d.startsWith(kind));
      }
      int checked = 0;
      for (Sample smp : samples) {
        Set<Object> seen = smp.list() == null ? unknown : Set.copyOf(smp.list());
        assertThat(history.get(smp.key())).as("seed %d: an answer for %s is the state after some write", SEED,
            smp.key()).contains(seen);
        if (smp.list() != null) {
          assertThat(smp.list()).as("seed %d: %s", SEED, smp.key()).doesNotHaveDuplicates();
          assertThat(smp.list()).as("seed %d: a list of %s after the writes", SEED, smp.key())
              .containsExactlyElementsOf(smp.copy());
        }
        checked++;
      }
      assertThat(checked).as("reads checked").isGreaterThan(100);
      engine.checkInvariants();
    }
  }

  /** What a lock-free reader got for a key: the list (null for an unknown id) and a copy taken at once. */
  private record Sample(EntityId key, List<Task> list, List<Task> copy) {}

  /**
   * Two readers (seeded {@code SEED} and {@code SEED + 1}) ask {@code read} for random keys, up to 20,000
   * times each, while {@code writes} runs on this thread; returns every answer they got, in no particular
   * order. Fails if a reader threw.
   */
  private static List<Sample> readDuring(List<EntityId> keys, java.util.function.Function<EntityId, List<Task>> read,
      Runnable writes) throws InterruptedException {
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    List<List<Sample>> samples = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    java.util.concurrent.ConcurrentLinkedQueue<Throwable> errors = new java.util.concurrent.ConcurrentLinkedQueue<>();
    for (int r = 0; r < 2; r++) {
      List<Sample> mine = new ArrayList<>();
      samples.add(mine);
      java.util.Random random = new java.util.Random(SEED + r);
      Thread t = new Thread(() -> {
        try {
          while (writing.get() && mine.size() < 20_000) {
            EntityId k = keys.get(random.nextInt(keys.size()));
            List<Task> l = read.apply(k);
            mine.add(new Sample(k, l, l == null ? null : List.copyOf(l)));
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      }, "reader-" + r);
      readers.add(t);
      t.start();
    }
    try {
      writes.run();
    } finally {
      writing.set(false);
      for (Thread t : readers) {
        t.join();
      }
    }
    assertThat(errors).as("reader errors, seed %d", SEED).isEmpty();
    List<Sample> all = new ArrayList<>();
    samples.forEach(all::addAll);
    return all;
  }

  /** Moves a shot and its tasks to a project, in one change set (no API moves an entity between projects). */
  private static void moveWithTasks(ProdTrack engine, Production p, EntityId shot,
      dev.prodtrack.model.ProjectId to) {
    engine.write(p.admin(), tx -> {
      Entity e = tx.require("entity", shot);
      tx.put(shot, e.withProjectId(to));
      for (Task t : tx.state.tasksOn(shot)) {
        tx.put(t.id(), t.withProjectId(to));
      }
      return null;
    });
  }

  /** One write of {@link #readersDuringMovesAndDeletions_getConsistentSnapshots_thatNeverChange}, described. */
  private static String moveOrDelete(ProdTrack engine, Session admin, Production p,
      dev.prodtrack.model.ProjectId other, java.util.Random random) {
    List<EntityId> shots = engine.read(s -> p.shots().stream().filter(s.entities::containsKey).toList());
    if (shots.size() < 2) {
      return "no shots left";
    }
    EntityId shot = shots.get(random.nextInt(shots.size()));
    Entity e = engine.read(s -> s.entities.get(shot));
    List<Task> on = engine.read(s -> List.copyOf(s.tasksOn(shot)));
    int kind = random.nextInt(10);
    try {
      if (kind < 4 && !on.isEmpty() && e.projectId().equals(p.project())) {
        EntityId to = shots.get(random.nextInt(shots.size()));
        Entity target = engine.read(s -> s.entities.get(to));
        if (to.equals(shot) || !target.projectId().equals(p.project())) {
          return "no task move: same shot or another project";
        }
        Task t = on.get(random.nextInt(on.size()));
        admin.task().updateTask(t.withEntityId(to).withName(t.name() + "+"));
        return "task moved " + t.id() + " " + shot + " -> " + to;
      } else if (kind < 7) {
        dev.prodtrack.model.ProjectId to = e.projectId().equals(p.project()) ? other : p.project();
        moveWithTasks(engine, p, shot, to);
        return "shot moved " + shot + " to " + to;
      } else if (!on.isEmpty()) {
        admin.task().removeTask(on.get(random.nextInt(on.size())).id(), true);
        return "task removed from " + shot;
      } else {
        engine.write(p.admin(), tx -> {
          tx.delete(shot);
          return null;
        });
        return "shot deleted " + shot;
      }
    } catch (ProdTrackException refused) {
      return "refused " + kind + ": " + refused.getClass().getSimpleName();
    }
  }

  @Test
  void aCallerWithoutReadAccess_isRefusedTheSequence_andGetsOnlyHisOwnTasksOfAShot_everyTime() {
    var g = ProductionGenerator.generateInNewEngine(Size.TINY, SEED);
    Production p = g.production();
    try (ProdTrack engine = g.engine()) {
      Session admin = engine.as(p.admin());
      PersonId outsider = admin.person().newPerson("Out", "Sider", "out@example.com",
          dev.prodtrack.model.Role.USER).id();
      TaskApi tasks = engine.as(outsider).task();
      EntityId shot = p.shots().get(0);
      EntityId seq = p.sequences().get(0);
      List<Task> all = admin.task().allTasksForShot(shot);
      assertThat(all).isNotEmpty();
      for (int i = 0; i < 3; i++) { // repeated: a remembered refusal must refuse again
        assertThat(tasks.allTasksForShot(shot)).as("not in the team, assigned nothing").isEmpty();
        assertThatThrownBy(() -> tasks.allTasksForSequence(seq)).isInstanceOf(PermissionDeniedException.class);
      }
      admin.task().assignTask(all.get(0).id(), outsider); // Kitsu adds the assignee to the team
      all = admin.task().allTasksForShot(shot); // the assigned task changed
      assertThat(tasks.allTasksForShot(shot)).as("in the team through the assignment").isEqualTo(all);
      assertThat(tasks.allTasksForSequence(seq)).as("in the team through the assignment")
          .hasSameSizeAs(admin.task().allTasksForSequence(seq));
      admin.project().removePersonFromTeam(p.project(), outsider);
      for (int i = 0; i < 3; i++) {
        List<Task> own = tasks.allTasksForShot(shot);
        assertThat(own).as("out of the team again: only the task he is assigned").hasSize(1);
        assertThat(own.get(0).id()).isEqualTo(all.get(0).id());
        assertThatThrownBy(() -> tasks.allTasksForSequence(seq)).isInstanceOf(PermissionDeniedException.class);
      }
      assertThat(admin.task().allTasksForShot(shot)).as("the reads changed nothing").hasSameSizeAs(all);
    }
  }

  /** The lists a manager got before an action, and copies of them, to show the lists did not change. */
  private record Snapshot(Map<EntityId, List<Task>> lists, Map<EntityId, List<Task>> copies) {
    static Snapshot of(TaskApi tasks, Production p) {
      Map<EntityId, List<Task>> lists = new HashMap<>();
      Map<EntityId, List<Task>> copies = new HashMap<>();
      for (EntityId shot : p.shots()) {
        List<Task> l = tasks.allTasksForShot(shot);
        lists.put(shot, l);
        copies.put(shot, new ArrayList<>(l));
      }
      for (EntityId seq : p.sequences()) {
        List<Task> l = tasks.allTasksForSequence(seq);
        lists.put(seq, l);
        copies.put(seq, new ArrayList<>(l));
      }
      return new Snapshot(lists, copies);
    }

    void assertUnchanged(String where) {
      lists.forEach((id, l) -> assertThat(l).as("list of %s returned before the action; %s", id, where)
          .containsExactlyElementsOf(copies.get(id)));
    }
  }

  private static String apply(Session admin, Production p, int action) {
    TaskApi api = admin.task();
    List<Task> tasks = api.allTasksForProject(p.project());
    Task t = tasks.get(action % tasks.size());
    int arg = action / 16;
    try {
      switch (action % 11) {
        case 0 -> {
          EntityId shot = p.shots().get(arg % p.shots().size());
          TaskType type = p.shotTaskTypes().get(arg % p.shotTaskTypes().size());
          api.newTask(shot, type.id(), "extra" + arg, p.defaults().todo().id(), List.of());
          return "new task on " + shot;
        }
        case 1 -> {
          api.removeTask(t.id(), true);
          return "remove " + t.id();
        }
        case 2 -> {
          TaskStatus s = List.of(p.defaults().todo(), p.defaults().wip(), p.defaults().done()).get(arg % 3);
          api.updateTask(t.withTaskStatusId(s.id()));
          return "status " + t.id() + " " + s.shortName();
        }
        case 3 -> {
          api.updateTask(t.withDueDate(p.asOf().plusDays(arg % 40 - 20)));
          return "due " + t.id();
        }
        case 4 -> {
          PersonId artist = p.artists().get(arg % p.artists().size());
          if (t.assignees().contains(artist)) {
            api.unassignTask(t.id(), artist);
            return "unassign " + t.id() + " " + artist;
          }
          api.assignTask(t.id(), artist);
          return "assign " + t.id() + " " + artist;
        }
        case 5 -> {
          api.addComment(t.id(), p.defaults().wip().id(), "c" + arg);
          return "comment " + t.id();
        }
        case 6, 7, 8 -> {
          if (t.assignees().isEmpty()) {
            api.assignTask(t.id(), p.artists().get(arg % p.artists().size()));
            t = api.getTask(t.id());
          }
          PersonId who = t.assignees().get(arg % t.assignees().size());
          LocalDate day = day(p, arg);
          Duration d = Duration.ofMinutes(15 + arg % 300);
          if (action % 11 == 6) {
            api.setTimeSpent(t.id(), who, day, d);
          } else if (action % 11 == 7) {
            api.addTimeSpent(t.id(), who, day, d);
          } else {
            api.setTimeSpent(t.id(), who, day, d);
            api.removeTimeSpent(t.id(), who, day);
          }
          return "time spent " + (action % 11) + " " + t.id() + " " + who + " " + day;
        }
        case 9 -> {
          List<TimeSpent> rows = api.getTimeSpents(t.id()).rows();
          if (rows.isEmpty()) {
            return "no time spent on " + t.id();
          }
          TimeSpent r = rows.get(arg % rows.size());
          api.removeTimeSpent(t.id(), r.personId(), r.date());
          return "remove time spent " + t.id() + " " + r.date();
        }
        default -> {
          EntityId seq = p.sequences().get(arg % p.sequences().size());
          Entity shot = admin.shot().newShot(p.project(), seq, "sh" + action, null, null);
          api.newTask(shot.id(), p.shotTaskTypes().get(0).id(), "main", p.defaults().todo().id(), List.of());
          return "new shot " + shot.id() + " in " + seq;
        }
      }
    } catch (ProdTrackException refused) {
      return "refused " + (action % 11) + ": " + refused.getClass().getSimpleName();
    }
  }

  /** Mostly days around the as-of day, sometimes far in the past or the future (over the running sums' span). */
  private static LocalDate day(Production p, int arg) {
    return switch (arg % 8) {
      case 0 -> LocalDate.of(1900, 1, 1).plusDays(arg % 500);
      case 1 -> LocalDate.of(2200, 1, 1).plusDays(arg % 500);
      default -> p.asOf().minusDays(arg % 400);
    };
  }

  private static void compare(ProdTrack engine, Production p, Session admin, TaskApi manager, String where) {
    List<Task> all = admin.task().allTasksForProject(p.project());
    Map<EntityId, Set<Task>> byEntity = new HashMap<>();
    all.forEach(t -> byEntity.computeIfAbsent(t.entityId(), e -> new HashSet<>()).add(t));
    List<EntityId> entities = new ArrayList<>(p.shots());
    entities.addAll(p.assets());
    admin.shot().allShotsForProject(p.project()).forEach(e -> {
      if (!entities.contains(e.id())) {
        entities.add(e.id());
      }
    });
    for (EntityId e : entities) {
      List<Task> got = manager.allTasksForShot(e);
      assertThat(new HashSet<>(got)).as("tasks of %s; %s", e, where).isEqualTo(byEntity.getOrDefault(e, Set.of()));
      assertThat(got).as("no duplicates, %s; %s", e, where).doesNotHaveDuplicates();
      assertImmutable(got, where);
    }
    for (EntityId seq : p.sequences()) {
      Set<EntityId> children = new HashSet<>();
      admin.shot().allShotsForSequence(seq).forEach(s -> children.add(s.id()));
      admin.shot().allScenesForSequence(seq).forEach(s -> children.add(s.id()));
      Set<Task> expected = new HashSet<>();
      children.forEach(c -> expected.addAll(byEntity.getOrDefault(c, Set.of())));
      List<Task> got = manager.allTasksForSequence(seq);
      assertThat(new HashSet<>(got)).as("tasks of sequence %s; %s", seq, where).isEqualTo(expected);
      assertThat(got).hasSize(expected.size());
      assertImmutable(got, where);
    }
    // Time spent: every range against the sum of the rows of every task.
    List<TimeSpent> rows = new ArrayList<>();
    all.forEach(t -> rows.addAll(admin.task().getTimeSpents(t.id()).rows()));
    List<LocalDate[]> ranges = List.of(
        new LocalDate[] {p.asOf().withDayOfMonth(1), p.asOf().withDayOfMonth(1).plusMonths(1).minusDays(1)},
        new LocalDate[] {p.asOf().minusDays(400), p.asOf()},
        new LocalDate[] {p.asOf(), p.asOf()},
        new LocalDate[] {LocalDate.of(1899, 12, 1), LocalDate.of(1900, 3, 1)},
        new LocalDate[] {LocalDate.of(1800, 1, 1), LocalDate.of(2300, 1, 1)},
        new LocalDate[] {LocalDate.of(2200, 6, 1), LocalDate.of(2300, 1, 1)},
        new LocalDate[] {LocalDate.of(2250, 6, 1), LocalDate.of(2300, 1, 1)});
    for (LocalDate[] r : ranges) {
      Map<PersonId, Duration> expected = new HashMap<>();
      for (TimeSpent ts : rows) {
        if (!ts.date().isBefore(r[0]) && !ts.date().isAfter(r[1])) {
          expected.merge(ts.personId(), ts.duration(), Duration::plus);
        }
      }
      expected.values().removeIf(Duration::isZero);
      Map<PersonId, Duration> got = admin.schedule().timeSpentTotals(r[0], r[1]);
      assertThat(got).as("time spent %s..%s; %s", r[0], r[1], where).isEqualTo(expected);
      assertThatThrownBy(() -> got.clear()).isInstanceOf(UnsupportedOperationException.class);
    }
    engine.checkInvariants();
  }

  /** Every mutator of a returned list throws, and the list is as it was (the empty list has no element to try). */
  private static void assertImmutable(List<Task> got, String where) {
    if (got.isEmpty()) {
      return;
    }
    List<Task> copy = new ArrayList<>(got);
    Task any = got.get(0);
    List<Consumer<List<Task>>> mutators = List.of(
        l -> l.add(any), l -> l.add(0, any), l -> l.addAll(List.of()), l -> l.remove(any), l -> l.clear(),
        l -> l.removeIf(x -> false), l -> l.removeIf(x -> true), l -> l.sort(Comparator.comparing(x -> x.name())),
        l -> l.set(0, any), l -> l.remove(0), l -> l.retainAll(List.of()), l -> l.removeAll(List.of()),
        l -> l.replaceAll(x -> x), l -> {
          var it = l.iterator();
          it.next();
          it.remove();
        }, l -> l.listIterator().add(any),
        l -> l.subList(0, l.size()).clear());
    for (Consumer<List<Task>> m : mutators) {
      assertThatThrownBy(() -> m.accept(got)).as("a mutator of a returned list; %s", where)
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(got).as("the list after a refused mutator; %s", where).containsExactlyElementsOf(copy);
    }
  }
}
