package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.event.Event;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Group commit through the engine: callers wait for durability outside the write lock, so many share
 * one fsync, and the rules of {@link ProdTrack}'s design note hold: a call returns only after its
 * change set is durable, readers and events never see a change set before it is durable, and a failed
 * fsync fails the engine with every acknowledged change set kept and nothing else.
 */
class GroupCommitEngineTest {

  private static final long SEED = 21;

  /** A generated tiny production on a simulated disk, and the engine over it. */
  private static final class Studio {
    final SimulatedDiskStore.Disk disk = new SimulatedDiskStore.Disk();
    final GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    final ProdTrack engine;
    final Production production;
    final TaskApi tasks;

    Studio() {
      engine = ProdTrack.builder().store(new SimulatedDiskStore(disk)).clock(clock).idSource(IdSource.seeded(SEED))
          .open();
      production = ProductionGenerator.generate(engine, clock, Size.TINY, SEED);
      tasks = engine.as(production.managers().get(0)).task();
    }

    TaskStatusId otherStatus(TaskApi api, TaskId task) {
      TaskStatusId wip = production.defaults().wip().id();
      return api.getTask(task).taskStatusId().equals(wip) ? production.defaults().wfa().id() : wip;
    }

    ProdTrack reopen() {
      return ProdTrack.builder().store(new SimulatedDiskStore(disk)).clock(clock).idSource(IdSource.seeded(SEED + 1))
          .open();
    }
  }

  private static void awaitWaiting(Thread t) {
    while (t.getState() != Thread.State.WAITING && t.isAlive()) {
      Thread.onSpinWait();
    }
  }

  private static Set<CommentId> commentsOf(ProdTrack engine, Production p) {
    Set<CommentId> ids = new HashSet<>();
    TaskApi api = engine.as(p.managers().get(0)).task();
    for (TaskId t : p.shotTasks()) {
      api.allCommentsForTask(t).forEach(c -> ids.add(c.id()));
    }
    return ids;
  }

  @Test
  void addComment_whileItsFsyncIsHeld_neitherReturnsNorIsVisibleNorAnnounced() throws Exception {
    Studio s = new Studio();
    TaskId task = s.production.shotTasks().get(0);
    TaskStatusId before = s.tasks.getTask(task).taskStatusId();
    TaskStatusId to = s.otherStatus(s.tasks, task);
    List<Event> events = Collections.synchronizedList(new ArrayList<>());
    s.engine.subscribe(events::add);
    Semaphore gate = new Semaphore(0);
    synchronized (s.disk) {
      s.disk.gate = gate;
    }
    AtomicReference<Comment> added = new AtomicReference<>();
    Thread writer = new Thread(() -> added.set(s.tasks.addComment(task, to, "held")), "writer");
    writer.start();
    awaitWaiting(writer); // parked at the gate inside the fsync, the write lock released
    AtomicReference<TaskStatusId> seen = new AtomicReference<>();
    Thread reader = new Thread(() -> seen.set(s.tasks.getTask(task).taskStatusId()), "reader");
    reader.start();
    awaitWaiting(reader);

    assertThat(writer.isAlive()).as("the call waits for its fsync").isTrue();
    assertThat(reader.isAlive()).as("a reader does not see the change set before it is durable").isTrue();
    assertThat(added.get()).isNull();
    assertThat(seen.get()).isNull();
    assertThat(events).as("nothing is announced before it is durable").isEmpty();
    assertThat(s.disk.durableCopy()).isNotEmpty();
    int durableBefore = s.disk.durableCopy().size();

    gate.release(Integer.MAX_VALUE / 2);
    writer.join();
    reader.join();

    assertThat(added.get()).isNotNull();
    assertThat(seen.get()).isEqualTo(to).isNotEqualTo(before);
    assertThat(s.disk.durableCopy()).hasSize(durableBefore + 1);
    assertThat(events).isNotEmpty();
    assertThat(events.get(0).sequence()).isEqualTo(durableBefore + 1);
    s.engine.checkInvariants();
    s.engine.close();
  }

  @Test
  void addComment_whoseFsyncFails_throwsAndFailsTheEngine_readersNeverSeeIt() throws Exception {
    Studio s = new Studio();
    TaskId task = s.production.shotTasks().get(0);
    TaskStatusId before = s.tasks.getTask(task).taskStatusId();
    String digest = s.engine.stateDigest();
    List<Event> events = Collections.synchronizedList(new ArrayList<>());
    s.engine.subscribe(events::add);
    Semaphore gate = new Semaphore(0);
    synchronized (s.disk) {
      s.disk.gate = gate;
      s.disk.failingFsync = s.disk.fsyncs + 1;
    }
    AtomicReference<Throwable> writerError = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try {
        s.tasks.addComment(task, s.otherStatus(s.tasks, task), "lost");
      } catch (Throwable t) {
        writerError.set(t);
      }
    }, "writer");
    writer.start();
    awaitWaiting(writer);
    AtomicReference<Throwable> readerError = new AtomicReference<>();
    AtomicReference<TaskStatusId> seen = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        seen.set(s.tasks.getTask(task).taskStatusId());
      } catch (Throwable t) {
        readerError.set(t);
      }
    }, "reader");
    reader.start();
    awaitWaiting(reader);

    gate.release(Integer.MAX_VALUE / 2);
    writer.join();
    reader.join();

    assertThat(writerError.get()).isInstanceOfSatisfying(StorageException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.IO));
    assertThat(seen.get()).as("the reader never saw the lost change set").isNull();
    assertThat(readerError.get()).isInstanceOf(StorageException.class);
    assertThat(events).isEmpty();
    assertThatThrownBy(() -> s.tasks.addComment(task, s.otherStatus(s.tasks, task), "later"))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
    assertThatThrownBy(() -> s.tasks.getTask(task))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
    s.engine.close();

    try (ProdTrack again = s.reopen()) {
      assertThat(again.stateDigest()).as("reopened: the state before the lost comment").isEqualTo(digest);
      assertThat(again.as(s.production.managers().get(0)).task().getTask(task).taskStatusId()).isEqualTo(before);
      again.checkInvariants();
    }
  }

  @Test
  void refusal_decidedOnStateWhoseFsyncFails_isReportedAsTheStorageFailure() throws Exception {
    Studio s = new Studio();
    TaskId task = s.production.shotTasks().get(0);
    TaskStatusId to = s.otherStatus(s.tasks, task);
    Semaphore gate = new Semaphore(0);
    synchronized (s.disk) {
      s.disk.gate = gate;
      s.disk.failingFsync = s.disk.fsyncs + 1;
    }
    Thread writer = new Thread(() -> {
      try {
        s.tasks.addComment(task, to, "lost");
      } catch (StorageException expected) {
        // checked by the first test
      }
    }, "writer");
    writer.start();
    awaitWaiting(writer);
    AtomicReference<Throwable> refused = new AtomicReference<>();
    Thread refusedWriter = new Thread(() -> {
      try {
        s.tasks.addComment(new TaskId(java.util.UUID.nameUUIDFromBytes(new byte[] {1})), to, "unknown task");
      } catch (Throwable t) {
        refused.set(t);
      }
    }, "refused");
    refusedWriter.start();
    awaitWaiting(refusedWriter);

    gate.release(Integer.MAX_VALUE / 2);
    writer.join();
    refusedWriter.join();

    assertThat(refused.get()).isInstanceOf(StorageException.class);
    assertThat(refused.get().getSuppressed()).hasAtLeastOneElementOfType(UnknownIdException.class);
    s.engine.close();
  }

  @ParameterizedTest(name = "fsync +{0} fails")
  @ValueSource(ints = {1, 2, 4, 8, 16})
  void manyThreadsCommenting_fsyncFailsMidRun_reopenedEngineHoldsExactlyTheAcknowledgedComments(int failingAfter)
      throws Exception {
    Studio s = new Studio();
    Set<CommentId> before = commentsOf(s.engine, s.production);
    synchronized (s.disk) {
      s.disk.failingFsync = s.disk.fsyncs + failingAfter;
    }
    Set<CommentId> acknowledged = ConcurrentHashMap.newKeySet();
    Set<Reason> reasons = ConcurrentHashMap.newKeySet();
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    List<TaskId> targets = s.production.shotTasks();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      TaskApi api = s.engine.as(s.production.managers().get(0)).task();
      running.add(new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < 25; i++) {
            TaskId task = targets.get((thread + i * threads) % targets.size());
            try {
              Comment c = api.addComment(task, s.otherStatus(api, task), "t" + thread + " #" + i);
              acknowledged.add(c.id());
            } catch (StorageException e) {
              reasons.add(e.reason());
            }
          }
        } catch (Throwable e) {
          unexpected.add(e);
        }
      }, "committer-" + t));
    }
    running.forEach(Thread::start);
    start.countDown();
    for (Thread t : running) {
      t.join();
    }
    s.engine.close();

    assertThat(unexpected).isEmpty();
    assertThat(reasons).as("every waiting and later commit gets a typed error").isNotEmpty()
        .isSubsetOf(Reason.IO, Reason.FAILED);
    try (ProdTrack again = s.reopen()) {
      Set<CommentId> after = commentsOf(again, s.production);
      after.removeAll(before);
      assertThat(after).as("exactly the acknowledged comments (fsync +%d failed)", failingAfter)
          .isEqualTo(acknowledged);
      again.checkInvariants();
    }
  }

  @Test
  void sixteenThreadsOnAFileStore_everyAcknowledgedCommentIsThereAfterReopen() throws Exception {
    Path dir = TestDirs.create("group-commit");
    try {
      FileStoreOptions options = FileStoreOptions.defaults()
          .withSources(ProductionGenerator.DEFAULT_CLOCK, new Random(SEED));
      GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
      ProdTrack engine = ProdTrack.builder().store(FileStore.open(dir, options.withFsync(FileStoreOptions.FsyncPolicy.NONE)))
          .clock(clock).idSource(IdSource.seeded(SEED)).open();
      Production p = ProductionGenerator.generate(engine, clock, Size.TINY, SEED);
      engine.close();
      engine = ProdTrack.builder().store(FileStore.open(dir, options)).clock(clock).idSource(IdSource.seeded(SEED + 2))
          .open();
      ProdTrack running = engine;
      Set<CommentId> before = commentsOf(engine, p);
      Set<CommentId> acknowledged = ConcurrentHashMap.newKeySet();
      List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        threads.add(new Thread(() -> {
          try {
            TaskApi api = running.as(p.managers().get(0)).task();
            for (int i = 0; i < 20; i++) {
              TaskId task = p.shotTasks().get((thread + i * 16) % p.shotTasks().size());
              TaskStatusId wip = p.defaults().wip().id();
              TaskStatusId to = api.getTask(task).taskStatusId().equals(wip) ? p.defaults().wfa().id() : wip;
              acknowledged.add(api.addComment(task, to, "t" + thread + " #" + i).id());
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }, "committer-" + t));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      engine.checkInvariants();
      String digest = engine.stateDigest();
      engine.close();

      assertThat(errors).isEmpty();
      assertThat(acknowledged).hasSize(16 * 20);
      try (ProdTrack again = ProdTrack.builder().store(FileStore.open(dir, options)).clock(clock)
          .idSource(IdSource.seeded(SEED + 3)).open()) {
        Set<CommentId> after = commentsOf(again, p);
        after.removeAll(before);
        assertThat(after).isEqualTo(acknowledged);
        assertThat(again.stateDigest()).isEqualTo(digest);
        again.checkInvariants();
      }
    } finally {
      try {
        TestDirs.delete(dir);
      } catch (IOException e) {
        // best effort
      }
    }
  }
}
