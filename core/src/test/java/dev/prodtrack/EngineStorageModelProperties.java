package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.event.Event;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskTypeId;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.storage.Capability;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.storage.simulated.SimulatedStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The model-based stateful test of storage.md T2 (§13.1): QuickTheories generates lists of actions —
 * the engine's mutating commands (new person, team membership, new shot, new task, comment, remove
 * comment, set / add / remove time spent, assign, unassign, update, remove task, mark notifications read)
 * plus {@link Snapshot} (compaction), {@link CloseReopen}, {@link Crash} (power cut between actions, with
 * a random kind of damage to what was not synced) and {@link CrashDuring} (power cut at the k-th I/O
 * operation of the next command) — and replays each list against the engine on a {@link FileStore} over
 * the {@link SimulatedStorage} disk (small segments and automatic snapshots, so rolls and compaction happen),
 * the engine on a {@link MemoryStore}, and a small reference model. Objects are referred to by index
 * (modulo the number that exist), so that every list replays and shrinks.
 *
 * <p>After every action:
 * <ul>
 *   <li>the outcome (success, or the specific refusal) is the one the model predicts, on both engines;</li>
 *   <li>the two engines have the same state digest and answer the same queries (the project's tasks, each
 *       task's comments and time spents), equal to the model's;</li>
 *   <li>invariants: the engines' own (every index agrees with the records; no record points at a missing
 *       one, i.e. referential integrity), every time spent is positive, event sequence numbers only grow,
 *       and the write-ordering checker of storage.md T9 saw no violation.</li>
 * </ul>
 * A crash during a command loses it or keeps it whole: the rebooted file engine equals the memory engine
 * before the command (which then skips it) or after it. A crash between commands loses nothing.
 *
 * <p>Seeded: {@code -Dprodtrack.storage.seed=n}; QuickTheories prints the seed and the shrunk list on a
 * failure. {@code -Dprodtrack.storage.soak=true}: 100,000 lists of up to 200 actions.
 */
class EngineStorageModelProperties {

  private static final long SEED = Long.getLong("prodtrack.storage.seed", 20261129L);
  private static final boolean SOAK = Boolean.getBoolean("prodtrack.storage.soak");
  private static final int LISTS = Integer.getInteger("prodtrack.storage.lists", SOAK ? 100_000 : 1_000);
  private static final int MAX_ACTIONS = SOAK ? 200 : 50;
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
  private static final String[] NAMES = {"main", "alt"};
  private static final int PEOPLE = 3;

  // ------------------------------------------------------------------------------------- actions

  /** One generated action; indexes are taken modulo the number of objects when it runs. */
  sealed interface Action permits NewPerson, JoinTeam, NewShot, NewTask, PostComment, RemoveComment, LogTime,
      RemoveTime, Assign, Unassign, Update, RemoveTask, ReadNotifications, Snapshot, CloseReopen, Crash,
      CrashDuring {}

  record NewPerson() implements Action {}

  record JoinTeam(int person) implements Action {}

  record NewShot(int name) implements Action {}

  record NewTask(int shot, int name) implements Action {}

  record PostComment(int task, int status) implements Action {}

  record RemoveComment(int comment) implements Action {}

  record LogTime(boolean add, int task, int person, int day, int minutes) implements Action {}

  record RemoveTime(int task, int person, int day) implements Action {}

  record Assign(int task, int person) implements Action {}

  record Unassign(int task, int person) implements Action {}

  record Update(int task, int priority) implements Action {}

  record RemoveTask(int task, boolean force) implements Action {}

  record ReadNotifications(int person) implements Action {}

  record Snapshot() implements Action {}

  record CloseReopen() implements Action {}

  record Crash(int damage) implements Action {}

  /** Cuts the power at the {@code op}-th I/O operation (1-based) of the next command, {@code next}. */
  record CrashDuring(int op, int damage, Action next) implements Action {}

  private static Gen<Action> command() {
    Gen<Integer> i = integers().between(0, 63);
    return integers().between(0, 13).zip(i, i, i, (k, a, b, c) -> switch (k) {
      case 0 -> new NewPerson();
      case 1 -> new JoinTeam(a);
      case 2 -> new NewShot(a % 3);
      case 3 -> new NewTask(a, b % NAMES.length);
      case 4, 5 -> new PostComment(a, b);
      case 6 -> new RemoveComment(a);
      case 7 -> new LogTime(b % 2 == 0, a, c % 4 == 0 ? c : 0, b % 3, (c % 5 - 1) * 30);
      case 8 -> new RemoveTime(a, c % 4 == 0 ? c : 0, b % 3);
      case 9 -> new Assign(a, c);
      case 10 -> new Unassign(a, c);
      case 11 -> new Update(a, b % 4);
      case 12 -> new RemoveTask(a, b % 2 == 0);
      default -> new ReadNotifications(a);
    });
  }

  private static Gen<Action> action() {
    Gen<Integer> i = integers().between(0, 63);
    Gen<Action> storage = integers().between(0, 3).zip(i, i, command(), (k, a, b, next) -> switch (k) {
      case 0 -> new Snapshot();
      case 1 -> new CloseReopen();
      case 2 -> new Crash(a);
      default -> new CrashDuring(a < 48 ? 1 + a % 3 : 1 + a % 12, b, next);
    });
    return integers().between(0, 9).zip(command(), storage, (k, c, s) -> k < 8 ? c : s);
  }

  // ------------------------------------------------------------------------------------- the test

  private static final Map<String, Integer> TALLY = new TreeMap<>();
  private static long actions;
  private static long crashesDuring;
  private static long lostInCrash;
  private static long orderingChecks;

  @Test
  void randomHistories_fileEngine_memoryEngine_andModel_agreeAfterEveryAction() {
    qt().withFixedSeed(SEED).withExamples(LISTS)
        .forAll(lists().of(action()).ofSizeBetween(1, MAX_ACTIONS))
        .describedAs(list -> "seed " + SEED + ", " + list.size() + " actions: " + list)
        .checkAssert(list -> {
          try (Run run = new Run(list)) {
            run.play();
          }
        });
    System.out.printf("EngineStorageModelProperties: %,d action lists (<= %d actions), %,d actions, %,d crashes"
        + " during a command (%,d of them lost it), %,d write-ordering checks, seed %d; outcomes %s%n", LISTS,
        MAX_ACTIONS, actions, crashesDuring, lostInCrash, orderingChecks, SEED, TALLY);
    for (String kind : List.of("NewPerson", "JoinTeam", "NewShot", "NewTask", "PostComment", "RemoveComment",
        "LogTime", "RemoveTime", "Assign", "Unassign", "Update", "RemoveTask", "ReadNotifications", "Snapshot",
        "CloseReopen", "Crash")) {
      assertThat(TALLY).as("every action kind ran").containsKey(kind + " -> success");
    }
    for (String refused : List.of("NewShot -> RuleViolationException(DUPLICATE_NAME)",
        "NewTask -> RuleViolationException(DUPLICATE_TASK)", "LogTime -> IllegalArgumentException",
        "LogTime -> RuleViolationException(NOT_ASSIGNED)", "RemoveTime -> RuleViolationException(NO_TIME_SPENT)",
        "RemoveTask -> RuleViolationException(HAS_DEPENDANTS)", "PostComment -> UnknownIdException")) {
      assertThat(TALLY).as("refusals were exercised").containsKey(refused);
    }
    assertThat(crashesDuring).as("crashes inside a command").isPositive();
    assertThat(lostInCrash).as("some crash lost its command, some kept it").isPositive().isLessThan(crashesDuring);
  }

  // ------------------------------------------------------------------------------------- the run

  /** A store that tells the T9 wrapper what it acknowledged. */
  private static final class AckingStore implements Store {
    final FileStore store;
    final SimulatedStorage.Opened io;

    AckingStore(SimulatedStorage.Opened io) {
      this.store = io.store();
      this.io = io;
    }

    @Override
    public Set<Capability> capabilities() {
      return store.capabilities();
    }

    @Override
    public RecoveryReport load(Consumer<StoredRecord> sink) {
      return store.load(sink);
    }

    @Override
    public long commit(ChangeSet changes) {
      long seq = store.commit(changes);
      io.acknowledged(seq);
      return seq;
    }

    @Override
    public long submit(ChangeSet changes) {
      return store.submit(changes);
    }

    @Override
    public void awaitCommitted(long sequence) {
      store.awaitCommitted(sequence);
      io.acknowledged(sequence);
    }

    @Override
    public StoreHealth health() {
      return store.health();
    }

    @Override
    public void close() {
      store.close();
    }
  }

  /** The engines' clock: one minute per action. */
  private static final class Clock implements InstantSource {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Ids from a seed and a position, so that an engine reopened after a crash can continue at any position. */
  private static final class Ids implements IdSource {
    long next;

    @Override
    public UUID next() {
      SplittableRandom r = new SplittableRandom(SEED * 31 + next++);
      return new UUID((r.nextLong() & 0xffffffffffff0fffL) | 0x4000L, (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
    }
  }

  /** The model of a task. */
  private static final class TaskModel {
    final EntityId shot;
    final String name;
    final List<CommentId> comments = new ArrayList<>();
    final List<PersonId> assignees = new ArrayList<>();
    final Map<PersonId, Map<LocalDate, Duration>> time = new HashMap<>();
    boolean notified;

    TaskModel(EntityId shot, String name) {
      this.shot = shot;
      this.name = name;
    }
  }

  private static final class Run implements AutoCloseable {
    final List<Action> list;
    final Clock clock = new Clock();
    final Ids memIds = new Ids();
    final Ids fileIds = new Ids();
    final Random damageRandom;
    MemoryStore memStore = MemoryStore.create();
    ProdTrack mem;
    static final Path DIR = Path.of("/sim/store");
    SimulatedStorage disk = SimulatedStorage.create(DIR.getParent());
    SimulatedStorage.Opened io;
    FileStore fileStore;
    ProdTrack file;
    long fileSeq;
    long memSeq;
    long acknowledged;
    final List<Event> fileEvents = new ArrayList<>();
    final List<Event> memEvents = new ArrayList<>();
    // fixture
    PersonId admin;
    ProjectId project;
    EntityId sequence;
    TaskTypeId animation;
    final List<TaskStatusId> statuses = new ArrayList<>();
    // model
    final List<PersonId> people = new ArrayList<>();
    final Set<PersonId> team = new java.util.HashSet<>();
    final List<EntityId> shots = new ArrayList<>();
    final Map<EntityId, String> shotNames = new HashMap<>();
    final List<TaskId> taskSlots = new ArrayList<>();
    final Map<TaskId, TaskModel> live = new LinkedHashMap<>();
    final List<CommentId> commentSlots = new ArrayList<>();
    final Map<CommentId, TaskId> liveComments = new HashMap<>();
    int step;
    int personCounter;

    Run(List<Action> list) {
      this.list = list;
      this.damageRandom = new Random(SEED ^ list.hashCode());
      mem = ProdTrack.builder().store(memStore).clock(clock).idSource(memIds).open();
      mem.subscribe(memEvents::add);
      openFile(disk);
      setUp();
    }

    private static FileStoreOptions options() {
      return FileStoreOptions.defaults()
          .withSources(() -> Instant.parse("2026-01-01T00:00:00Z"), new Random(SEED))
          .withBatchWindow(Duration.ZERO)
          .withSegmentBytes(16 * 1024)
          .withAutoSnapshot(true, 24 * 1024)
          .withSnapshotExecutor(Runnable::run);
    }

    private void openFile(SimulatedStorage d) {
      disk = d;
      io = d.open(DIR, options());
      fileStore = io.store();
      file = ProdTrack.builder().store(new AckingStore(io)).clock(clock).idSource(fileIds).open();
      long recovered = file.recoveryReport().lastSequence();
      assertThat(recovered).as("recovery keeps every acknowledged change set; %s", where())
          .isGreaterThanOrEqualTo(acknowledged);
      fileSeq = recovered;
      file.subscribe(fileEvents::add);
    }

    /** The same fixture on both engines, through the public API. */
    private void setUp() {
      for (ProdTrack e : List.of(mem, file)) {
        Person a = e.createFirstAdmin("Ada", "Admin", "ada@studio.test");
        admin = a.id();
        var tasks = e.as(admin).task();
        statuses.clear();
        statuses.add(tasks.newTaskStatus("Todo", "todo", "#f5f5f5", EnumSet.of(StatusFlag.DEFAULT)).id());
        statuses.add(tasks.newTaskStatus("Work In Progress", "wip", "#3273dc", EnumSet.of(StatusFlag.WIP)).id());
        statuses.add(tasks.newTaskStatus("Done", "done", "#22d160", EnumSet.of(StatusFlag.DONE)).id());
        animation = tasks.newTaskType("Animation", "Shot", null).id();
        project = e.as(admin).project().newProject("Storage Test").id();
        e.as(admin).project().addTaskTypeToProject(project, animation);
        sequence = e.as(admin).shot().newSequence(project, null, "SQ01").id();
        people.clear();
        for (int p = 0; p < PEOPLE; p++) {
          people.add(e.as(admin).person().newPerson("P" + p, "Person", "p" + p + "@studio.test", Role.USER).id());
        }
        // a shot with two tasks, the first assigned, so that most generated commands find a target
        shots.clear();
        shots.add(e.as(admin).shot().newShot(project, sequence, "SH0", 24, Map.of()).id());
        taskSlots.clear();
        taskSlots.add(tasks.newTask(shots.get(0), animation, NAMES[0], null, List.of(people.get(0))).id());
        taskSlots.add(tasks.newTask(shots.get(0), animation, NAMES[1], null, List.of()).id());
      }
      shotNames.put(shots.get(0), "SH0");
      for (int t = 0; t < 2; t++) {
        live.put(taskSlots.get(t), new TaskModel(shots.get(0), NAMES[t]));
      }
      live.get(taskSlots.get(0)).assignees.add(people.get(0));
      team.add(people.get(0));
      personCounter = PEOPLE;
      assertThat(memIds.next).isEqualTo(fileIds.next);
      step = -1;
      compare();
    }

    private String where() {
      return "seed " + SEED + ", step " + step + (step >= 0 && step < list.size() ? " (" + list.get(step) + ")" : "")
          + " of " + list;
    }

    void play() {
      for (step = 0; step < list.size(); step++) {
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        actions++;
        Action a = list.get(step);
        if (a instanceof Snapshot) {
          fileStore.compact();
          tally(a, "success");
        } else if (a instanceof CloseReopen) {
          file.close();
          io.assertNoViolations();
          orderingChecks += io.checks();
          openFile(disk);
          restartMemory();
          tally(a, "success");
        } else if (a instanceof Crash c) {
          powerCut(c.damage());
          restartMemory();
          tally(a, "success");
        } else if (a instanceof CrashDuring c) {
          crashDuring(c);
        } else {
          runCommand(a);
        }
        compare();
      }
    }

    /** Cuts the power now and reboots the file engine on what the disk keeps. */
    private void powerCut(int damage) {
      io.assertNoViolations();
      orderingChecks += io.checks();
      io.abandon();
      SimulatedStorage rebooted = disk.afterPowerLoss(damage, damageRandom);
      openFile(rebooted);
    }

    /**
     * Restarts the memory engine from its store: a crash restarts the process, and the engine keeps
     * counters that are derived again on open (the next comment ordinal is one past the largest stored).
     */
    private void restartMemory() {
      mem.close();
      memStore = memStore.reopen();
      mem = ProdTrack.builder().store(memStore).clock(clock).idSource(memIds).open();
      mem.subscribe(memEvents::add);
    }

    private void crashDuring(CrashDuring c) {
      String memBefore = mem.stateDigest();
      disk.crashAt(disk.operations() + c.op());
      Outcome expected = expect(c.next());
      RuntimeException thrown = null;
      boolean storageFailed = false;
      try {
        apply(file, c.next());
      } catch (ProdTrackException | IllegalArgumentException e) {
        thrown = e;
      } catch (StorageException e) {
        storageFailed = true;
      }
      if (!disk.powerLost()) {
        // the command did fewer I/O operations than the crash point: no crash
        disk.crashAt(Long.MAX_VALUE);
        assertThat(storageFailed).as("a storage error without a power cut; %s", where()).isFalse();
        checkOutcome(expected, thrown, "file");
        Object memResult = runOn(c.next(), expected, mem, memEvents, true);
        acknowledged = Math.max(acknowledged, io.lastSequence());
        tally(c, "no crash");
        assertThat(memResult == null).isEqualTo(thrown != null);
        return;
      }
      crashesDuring++;
      io.assertNoViolations();
      orderingChecks += io.checks();
      io.abandon();
      SimulatedStorage rebooted = disk.afterPowerLoss(c.damage(), damageRandom);
      fileIds.next = memIds.next;
      openFile(rebooted);
      String fileDigest = file.stateDigest();
      if (!storageFailed) {
        // the command returned (the power went during the snapshot that followed it): it is acknowledged
        checkOutcome(expected, thrown, "file");
        runOn(c.next(), expected, mem, memEvents, true);
        restartMemory();
        fileIds.next = memIds.next;
        assertThat(fileDigest).as("an acknowledged command survives the crash after it; %s", where())
            .isEqualTo(mem.stateDigest());
        tally(c, "crash after the command");
        return;
      }
      if (fileDigest.equals(memBefore)) {
        lostInCrash++;
        restartMemory();
        tally(c, "lost");
        return;
      }
      // kept whole: the memory engine runs the command too, and must end where the file engine is
      runOn(c.next(), expected, mem, memEvents, true);
      restartMemory();
      fileIds.next = memIds.next;
      assertThat(fileDigest).as("a command cut by a crash is kept whole or lost whole; %s", where())
          .isEqualTo(mem.stateDigest());
      tally(c, "kept");
    }

    private void checkOutcome(Outcome expected, RuntimeException thrown, String engine) {
      if (!expected.matches(thrown)) {
        throw new AssertionError("expected " + expected + " but the " + engine + " engine gave "
            + (thrown == null ? "success" : thrown) + "; " + where(), thrown);
      }
    }

    private void runCommand(Action a) {
      Outcome expected = expect(a);
      int fileEventsBefore = fileEvents.size();
      String fileBefore = expected.type() == null ? null : file.stateDigest();
      Object fileResult = null;
      RuntimeException fileThrown = null;
      try {
        fileResult = apply(file, a);
      } catch (ProdTrackException | IllegalArgumentException e) {
        fileThrown = e;
      } catch (RuntimeException e) {
        throw new AssertionError("unexpected exception from the file engine; " + where(), e);
      }
      if (!expected.matches(fileThrown)) {
        throw new AssertionError("expected " + expected + " but the file engine gave "
            + (fileThrown == null ? "success" : fileThrown) + "; " + where(), fileThrown);
      }
      if (fileThrown != null) {
        assertThat(file.stateDigest()).as("a refused command changes nothing; %s", where()).isEqualTo(fileBefore);
        assertThat(fileEvents.size()).as("a refused command publishes nothing; %s", where())
            .isEqualTo(fileEventsBefore);
      }
      fileSeq = checkSequences(fileEvents, fileEventsBefore, fileSeq);
      acknowledged = Math.max(acknowledged, io.lastSequence());
      Object memResult = runOn(a, expected, mem, memEvents, false);
      tally(a, expected.toString());
      if (fileThrown == null) {
        applySuccess(a, memResult);
        assertThat(String.valueOf(fileResult)).as("both engines return the same; %s", where())
            .isEqualTo(String.valueOf(memResult));
      }
    }

    private Object runOn(Action a, Outcome expected, ProdTrack engine, List<Event> events, boolean afterCrash) {
      int before = events.size();
      Object result = null;
      RuntimeException thrown = null;
      try {
        result = apply(engine, a);
      } catch (ProdTrackException | IllegalArgumentException e) {
        thrown = e;
      } catch (RuntimeException e) {
        throw new AssertionError("unexpected exception from the memory engine; " + where(), e);
      }
      if (!expected.matches(thrown)) {
        throw new AssertionError("expected " + expected + " but the memory engine gave "
            + (thrown == null ? "success" : thrown) + "; " + where(), thrown);
      }
      memSeq = checkSequences(events, before, memSeq);
      if (afterCrash && thrown == null) {
        applySuccess(a, result);
      }
      return result;
    }

    /** Every event of this action carries one sequence number, greater than any before. */
    private long checkSequences(List<Event> events, int from, long last) {
      long seq = last;
      for (Event e : events.subList(from, events.size())) {
        assertThat(e.sequence()).as("sequence numbers grow; %s", where()).isGreaterThan(last);
        seq = Math.max(seq, e.sequence());
      }
      return seq;
    }

    private void tally(Action a, String outcome) {
      TALLY.merge(a.getClass().getSimpleName() + " -> " + outcome, 1, Integer::sum);
    }

    // ----------------------------------------------------------------------- engine side

    private PersonId person(int i) {
      return people.get(i % people.size());
    }

    private TaskId task(int i) {
      return taskSlots.isEmpty() ? null : taskSlots.get(i % taskSlots.size());
    }

    private Object apply(ProdTrack e, Action a) {
      var tasks = e.as(admin).task();
      if (a instanceof NewPerson) {
        return e.as(admin).person().newPerson("N" + personCounter, "Person", "n" + personCounter + "@studio.test",
            Role.USER).id();
      } else if (a instanceof JoinTeam j) {
        return e.as(admin).project().addPersonToTeam(project, person(j.person())).team().size();
      } else if (a instanceof NewShot s) {
        return e.as(admin).shot().newShot(project, sequence, "SH" + s.name(), 24, Map.of()).id();
      } else if (a instanceof NewTask t) {
        if (shots.isEmpty()) {
          throw new IllegalArgumentException("no shot yet");
        }
        return tasks.newTask(shots.get(t.shot() % shots.size()), animation, NAMES[t.name()], null, List.of()).id();
      } else if (a instanceof PostComment c) {
        TaskId id = task(c.task());
        if (id == null) {
          throw new IllegalArgumentException("no task yet");
        }
        return tasks.addComment(id, statuses.get(c.status() % statuses.size()), "step " + step).id();
      } else if (a instanceof RemoveComment r) {
        if (commentSlots.isEmpty()) {
          throw new IllegalArgumentException("no comment yet");
        }
        return tasks.removeComment(commentSlots.get(r.comment() % commentSlots.size())).id();
      } else if (a instanceof LogTime l) {
        TaskId id = task(l.task());
        if (id == null) {
          throw new IllegalArgumentException("no task yet");
        }
        Duration d = Duration.ofMinutes(l.minutes());
        TimeSpent ts = l.add() ? tasks.addTimeSpent(id, person(l.person()), MONDAY.plusDays(l.day()), d)
            : tasks.setTimeSpent(id, person(l.person()), MONDAY.plusDays(l.day()), d);
        return ts.duration();
      } else if (a instanceof RemoveTime r) {
        TaskId id = task(r.task());
        if (id == null) {
          throw new IllegalArgumentException("no task yet");
        }
        return tasks.removeTimeSpent(id, person(r.person()), MONDAY.plusDays(r.day())).duration();
      } else if (a instanceof Assign as) {
        TaskId id = task(as.task());
        if (id == null) {
          throw new IllegalArgumentException("no task yet");
        }
        return tasks.assignTask(id, person(as.person())).assignees();
      } else if (a instanceof Unassign u) {
        TaskId id = task(u.task());
        if (id == null) {
          throw new IllegalArgumentException("no task yet");
        }
        return tasks.unassignTask(id, person(u.person())).assignees();
      } else if (a instanceof Update u) {
        TaskId id = task(u.task());
        if (id == null) {
          throw new IllegalArgumentException("no task yet");
        }
        Task current = tasks.getTask(id);
        return tasks.updateTask(current.withPriority(u.priority()).withDueDate(MONDAY.plusWeeks(u.priority())))
            .priority();
      } else if (a instanceof RemoveTask r) {
        TaskId id = task(r.task());
        if (id == null) {
          throw new IllegalArgumentException("no task yet");
        }
        tasks.removeTask(id, r.force());
        return "removed";
      } else if (a instanceof ReadNotifications r) {
        return e.as(person(r.person())).user().markAllNotificationsRead();
      }
      throw new IllegalStateException("not a command: " + a);
    }

    // ----------------------------------------------------------------------- model side

    /** An expected outcome: success (type null), or a refusal of a type (and rule). */
    record Outcome(Class<? extends RuntimeException> type, RuleViolationException.Rule rule) {
      static final Outcome OK = new Outcome(null, null);

      boolean matches(RuntimeException e) {
        if (type == null) {
          return e == null;
        }
        return type.isInstance(e) && (rule == null || ((RuleViolationException) e).rule() == rule);
      }

      @Override
      public String toString() {
        return type == null ? "success" : type.getSimpleName() + (rule == null ? "" : "(" + rule + ")");
      }
    }

    private static Outcome refused(Class<? extends RuntimeException> type) {
      return new Outcome(type, null);
    }

    private static Outcome violates(RuleViolationException.Rule rule) {
      return new Outcome(RuleViolationException.class, rule);
    }

    /** The model's prediction (admin acts, except for reading notifications). */
    Outcome expect(Action a) {
      if (a instanceof NewPerson || a instanceof JoinTeam || a instanceof ReadNotifications) {
        return Outcome.OK;
      } else if (a instanceof NewShot s) {
        return shotNames.containsValue("SH" + s.name()) ? violates(RuleViolationException.Rule.DUPLICATE_NAME)
            : Outcome.OK;
      } else if (a instanceof NewTask t) {
        if (shots.isEmpty()) {
          return refused(IllegalArgumentException.class);
        }
        EntityId shot = shots.get(t.shot() % shots.size());
        boolean duplicate = live.values().stream().anyMatch(m -> m.shot.equals(shot) && m.name.equals(NAMES[t.name()]));
        return duplicate ? violates(RuleViolationException.Rule.DUPLICATE_TASK) : Outcome.OK;
      } else if (a instanceof RemoveComment r) {
        if (commentSlots.isEmpty()) {
          return refused(IllegalArgumentException.class);
        }
        return liveComments.containsKey(commentSlots.get(r.comment() % commentSlots.size())) ? Outcome.OK
            : refused(UnknownIdException.class);
      }
      int slot = a instanceof PostComment c ? c.task() : a instanceof LogTime l ? l.task()
          : a instanceof RemoveTime r ? r.task() : a instanceof Assign as ? as.task() : a instanceof Unassign u
          ? u.task() : a instanceof Update u ? u.task() : ((RemoveTask) a).task();
      if (a instanceof LogTime l && l.minutes() <= 0) {
        return refused(IllegalArgumentException.class);
      }
      TaskId id = task(slot);
      if (id == null) {
        return refused(IllegalArgumentException.class);
      }
      TaskModel t = live.get(id);
      if (t == null) {
        return refused(UnknownIdException.class);
      }
      if (a instanceof LogTime l && !t.assignees.contains(person(l.person()))) {
        return violates(RuleViolationException.Rule.NOT_ASSIGNED);
      }
      if (a instanceof RemoveTime r && !t.time.getOrDefault(person(r.person()), Map.of())
          .containsKey(MONDAY.plusDays(r.day()))) {
        return violates(RuleViolationException.Rule.NO_TIME_SPENT);
      }
      if (a instanceof RemoveTask r && !r.force() && (!t.comments.isEmpty() || !t.time.isEmpty() || t.notified)) {
        return violates(RuleViolationException.Rule.HAS_DEPENDANTS);
      }
      return Outcome.OK;
    }

    void applySuccess(Action a, Object result) {
      if (a instanceof NewPerson) {
        people.add((PersonId) result);
        personCounter++;
      } else if (a instanceof JoinTeam j) {
        team.add(person(j.person()));
      } else if (a instanceof NewShot s) {
        EntityId id = (EntityId) result;
        shots.add(id);
        shotNames.put(id, "SH" + s.name());
      } else if (a instanceof NewTask t) {
        TaskId id = (TaskId) result;
        taskSlots.add(id);
        live.put(id, new TaskModel(shots.get(t.shot() % shots.size()), NAMES[t.name()]));
      } else if (a instanceof PostComment c) {
        CommentId id = (CommentId) result;
        live.get(task(c.task())).comments.add(id);
        commentSlots.add(id);
        liveComments.put(id, task(c.task()));
      } else if (a instanceof RemoveComment r) {
        CommentId id = commentSlots.get(r.comment() % commentSlots.size());
        live.get(liveComments.remove(id)).comments.remove(id);
      } else if (a instanceof LogTime l) {
        Map<LocalDate, Duration> byDay = live.get(task(l.task())).time.computeIfAbsent(person(l.person()),
            k -> new HashMap<>());
        Duration d = Duration.ofMinutes(l.minutes());
        byDay.merge(MONDAY.plusDays(l.day()), d, (old, given) -> l.add() ? old.plus(given) : given);
        assertThat(result).as("stored time; %s", where()).isEqualTo(byDay.get(MONDAY.plusDays(l.day())));
      } else if (a instanceof RemoveTime r) {
        TaskModel t = live.get(task(r.task()));
        Map<LocalDate, Duration> byDay = t.time.get(person(r.person()));
        byDay.remove(MONDAY.plusDays(r.day()));
        if (byDay.isEmpty()) {
          t.time.remove(person(r.person()));
        }
      } else if (a instanceof Assign as) {
        TaskModel t = live.get(task(as.task()));
        team.add(person(as.person()));
        if (!t.assignees.contains(person(as.person()))) {
          t.assignees.add(person(as.person()));
          t.notified = true;
        }
      } else if (a instanceof Unassign u) {
        live.get(task(u.task())).assignees.remove(person(u.person()));
      } else if (a instanceof RemoveTask r) {
        TaskModel t = live.remove(task(r.task()));
        for (CommentId c : t.comments) {
          liveComments.remove(c);
        }
      }
    }

    // ----------------------------------------------------------------------- comparison

    void compare() {
      assertThat(file.stateDigest()).as("file engine = memory engine; %s", where()).isEqualTo(mem.stateDigest());
      try {
        file.checkInvariants();
        mem.checkInvariants();
      } catch (IllegalStateException e) {
        throw new AssertionError("invariant broken; " + where(), e);
      }
      io.assertNoViolations();
      var fileTasks = file.as(admin).task();
      var memTasks = mem.as(admin).task();
      List<TaskId> listed = fileTasks.allTasksForProject(project).stream().map(Task::id).sorted(
          java.util.Comparator.comparing(TaskId::value)).toList();
      assertThat(listed).as("the project's tasks; %s", where())
          .containsExactlyInAnyOrderElementsOf(live.keySet())
          .isEqualTo(memTasks.allTasksForProject(project).stream().map(Task::id)
              .sorted(java.util.Comparator.comparing(TaskId::value)).toList());
      for (Map.Entry<TaskId, TaskModel> e : live.entrySet()) {
        TaskModel m = e.getValue();
        List<CommentId> comments = fileTasks.allCommentsForTask(e.getKey()).stream().map(Comment::id).toList();
        assertThat(comments).as("comments of %s; %s", e.getKey(), where()).containsExactlyInAnyOrderElementsOf(m.comments)
            .isEqualTo(memTasks.allCommentsForTask(e.getKey()).stream().map(Comment::id).toList());
        Map<PersonId, Map<LocalDate, Duration>> rows = new HashMap<>();
        for (TimeSpent ts : fileTasks.getTimeSpents(e.getKey()).rows()) {
          assertThat(ts.duration()).as("time spent > 0; %s", where()).isPositive();
          rows.computeIfAbsent(ts.personId(), k -> new HashMap<>()).put(ts.date(), ts.duration());
        }
        assertThat(rows).as("time spents of %s; %s", e.getKey(), where()).isEqualTo(m.time);
        Task t = fileTasks.getTask(e.getKey());
        assertThat(t.assignees()).as("assignees of %s; %s", e.getKey(), where()).containsExactlyElementsOf(m.assignees);
        assertThat(t.duration()).as("duration = sum of time spents; %s", where())
            .isEqualTo(m.time.values().stream().flatMap(x -> x.values().stream()).reduce(Duration.ZERO, Duration::plus));
      }
    }

    @Override
    public void close() {
      orderingChecks += io.checks();
      try {
        file.close();
      } catch (StorageException e) {
        io.abandon();
      }
      mem.close();
    }
  }
}
