package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.Entity;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TaskTypeId;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StatusTaskIndex} kept up to date task change by task change, and the two questions it answers
 * ("tasks by status": {@link TaskApi#allOpenTasks} with a project and a status; "by status and task type":
 * {@link TaskApi#allTasksForTaskStatus}) against the general path they replace. A tiny production gets a
 * concept task type with concept tasks (left out of the open-tasks page unless the type is asked for) and a
 * vendor assigned to a few tasks; then, after each random change — a comment or an update to any status
 * (done ones included), a new due date (or none), estimation or time spent (the duration), another task type, a task removed
 * or created, the project closed or reopened — {@link ProdTrack#checkInvariants} compares the maintained
 * index with one rebuilt from the records, and for every caller (admin, manager, supervisor, artist,
 * client, vendor, outsider), every status, no task type or a random one (a concept one included) and a
 * random page, both paths must give equal answers: the same page in the same order, totals, sums, counts
 * per status and isMore, or the same refusal. Seeded; rerun with {@code -Dprodtrack.seed=<seed>}.
 */
class StatusTaskIndexProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final int EXAMPLES = 8;

  @Test
  void indexedAnswers_equalTheScan_andTheIndex_equalsARebuild_afterRandomChanges() {
    int[] compared = {0};
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 25))
        .describedAs(actions -> "seed " + SEED + ", actions " + actions)
        .checkAssert(actions -> {
          long seed = SEED + actions.get(0) % 3;
          GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
          try (ProdTrack engine = ProdTrack.builder().store(MemoryStore.create()).clock(clock)
              .idSource(IdSource.seeded(seed)).open()) {
            Production p = ProductionGenerator.generate(engine, clock, Size.TINY, seed);
            Session admin = engine.as(p.admin());
            TaskType concept = p.defaults().taskTypesFor("Concept").get(0);
            PersonId vendor = admin.person().newPerson("Val", "Vendor", "val@studio.test", Role.VENDOR).id();
            PersonId outsider = admin.person().newPerson("Oz", "Outside", "oz@studio.test", Role.USER).id();
            List<TaskId> tasks = new ArrayList<>(p.tasks());
            for (int c = 0; c < 2; c++) {
              Entity e = admin.asset().newConcept(p.project(), "Concept " + c, null);
              tasks.add(admin.task().newTask(e.id(), concept.id(), "Sketch", null, List.of(p.artists().get(0))).id());
            }
            admin.task().assignTask(tasks.get(0), vendor);
            admin.task().assignTask(tasks.get(tasks.size() - 1), vendor);
            List<TaskStatus> statuses = admin.task().allTaskStatuses();
            assertThat(statuses.stream().anyMatch(TaskStatus::isDone)).as("a done status to move to").isTrue();
            List<TaskTypeId> types = new ArrayList<>();
            p.shotTaskTypes().forEach(t -> types.add(t.id()));
            p.assetTaskTypes().forEach(t -> types.add(t.id()));
            types.add(concept.id());
            List<PersonId> callers = List.of(p.admin(), p.managers().get(0), p.supervisors().get(0),
                p.artists().get(0), p.clients().get(0), vendor, outsider);
            Object built = engine.read(State::statusTaskIndex); // maintained by every change from here on
            List<String> done = new ArrayList<>();
            Random random = new Random(seed);
            compared[0] += compareAll(engine, p, callers, statuses, types, random, "before any change, seed " + seed);
            for (int a : actions) {
              TaskId id = tasks.get(a % tasks.size());
              Task t = admin.task().getTask(id);
              int pick = a / tasks.size();
              LocalDate day = p.asOf().plusDays(pick % 9 - 4); // few days: equal due dates, ordered by id
              TaskStatus status = statuses.get((pick / 9) % statuses.size());
              String what;
              try {
                switch (pick % 9) {
                  case 0 -> {
                    admin.task().addComment(id, status.id(), "to " + status.shortName());
                    what = "comment " + status.shortName();
                  }
                  case 1 -> {
                    admin.task().updateTask(t.withTaskStatusId(status.id()));
                    what = "status " + status.shortName();
                  }
                  case 2 -> {
                    boolean clear = pick % 5 == 0;
                    admin.task().updateTask(t.withDueDate(clear ? null : day));
                    what = clear ? "due date cleared" : "due date";
                  }
                  case 3 -> {
                    admin.task().updateTask(t.withEstimation(Duration.ofMinutes(pick % 7 * 90L)));
                    what = "estimation";
                  }
                  case 4 -> {
                    // the duration is the sum of the time spents: change it through one
                    PersonId who = p.artists().get(pick % p.artists().size());
                    admin.task().setTimeSpent(id, who, day, Duration.ofMinutes((pick % 11 + 1) * 30L));
                    what = "time spent";
                  }
                  case 5 -> {
                    List<TaskType> kin = p.shotTaskTypes().stream().anyMatch(x -> x.id().equals(t.taskTypeId()))
                        ? p.shotTaskTypes() : p.assetTaskTypes();
                    TaskType other = kin.get((pick / 9) % kin.size());
                    admin.task().updateTask(t.withTaskTypeId(other.id()));
                    what = "type " + other.name();
                  }
                  case 6 -> {
                    admin.task().removeTask(id, true);
                    tasks.remove(id);
                    what = "removed";
                  }
                  case 7 -> {
                    Task created = admin.task().newTask(t.entityId(), t.taskTypeId(), "Extra " + a, status.id(),
                        List.of(p.artists().get(pick % p.artists().size())));
                    tasks.add(created.id());
                    what = "new task";
                  }
                  default -> {
                    boolean open = admin.project().getProject(p.project()).open();
                    if (open) {
                      admin.project().closeProject(p.project());
                    } else {
                      admin.project().reopenProject(p.project());
                    }
                    what = open ? "project closed" : "project reopened";
                  }
                }
              } catch (ProdTrackException refused) {
                what = "refused: " + refused.getClass().getSimpleName(); // a rule said no: nothing changed
              }
              done.add(what + " on " + (a % Math.max(1, tasks.size())));
              String where = "seed " + seed + ", after " + done;
              assertThat((Object) engine.read(State::statusTaskIndex)).as("still maintained, " + where).isSameAs(built);
              try {
                engine.checkInvariants();
              } catch (IllegalStateException | AssertionError e) {
                throw new AssertionError(where + ": " + e.getMessage(), e);
              }
              compared[0] += compareAll(engine, p, callers, statuses, types, random, where);
            }
          }
        });
    assertThat(compared[0]).as("non-empty answers compared, seed %d", SEED).isGreaterThan(EXAMPLES * 50);
  }

  /**
   * Asks both paths, for every caller and status, with no task type and with a random one, on a random page.
   *
   * @return how many of the compared answers held a task
   */
  private static int compareAll(ProdTrack engine, Production p, List<PersonId> callers, List<TaskStatus> statuses,
      List<TaskTypeId> types, Random random, String where) {
    int nonEmpty = 0;
    for (PersonId caller : callers) {
      TaskApi api = engine.as(caller).task();
      for (TaskStatus status : statuses) {
        TaskTypeId type = types.get(random.nextInt(types.size()));
        for (TaskTypeId asked : new TaskTypeId[] {null, type}) {
          OpenTasksQuery q = OpenTasksQuery.ALL.withProject(p.project()).withTaskStatus(status.id())
              .withTaskType(asked);
          OpenTasksPage whole = answer(api, q.withPage(1, Integer.MAX_VALUE), where);
          int limit = 1 + random.nextInt(4);
          int pages = whole == null ? 1 : Math.max(1, (whole.total() + limit - 1) / limit);
          int page = 1 + random.nextInt(pages + 1); // the last page sometimes, one beyond it sometimes
          answer(api, q.withPage(page, limit), where);
          if (whole != null && whole.total() > 0) {
            nonEmpty++;
          }
          if (asked != null) {
            List<Task> indexed = sortedById(api.allTasksForTaskStatus(p.project(), asked, status.id()));
            List<Task> scanned = sortedById(api.allTasksForTaskStatusByScan(p.project(), asked, status.id()));
            assertThat(indexed).as(where + ": allTasksForTaskStatus, caller " + caller + ", status "
                + status.shortName() + ", type " + asked).isEqualTo(scanned);
          }
        }
      }
    }
    return nonEmpty;
  }

  /** Both paths' answer to one query, asserted equal (or the same refusal); the answer, or null if refused. */
  private static OpenTasksPage answer(TaskApi api, OpenTasksQuery q, String where) {
    OpenTasksPage indexed;
    OpenTasksPage scanned;
    try {
      scanned = api.allOpenTasksByScan(q);
    } catch (ProdTrackException refused) {
      try {
        api.allOpenTasks(q);
      } catch (ProdTrackException also) {
        assertThat(also).as(where + ": " + q).hasSameClassAs(refused);
        return null;
      }
      throw new AssertionError(where + ": the scan refused " + q + " (" + refused + ") but the index answered");
    }
    indexed = api.allOpenTasks(q);
    assertThat(indexed).as(where + ": " + q).isEqualTo(scanned);
    return indexed;
  }

  private static List<Task> sortedById(List<Task> tasks) {
    List<Task> out = new ArrayList<>(tasks);
    out.sort(Comparator.comparing(t -> t.id().value()));
    return out;
  }
  /**
   * Readers that race to build the index on a fresh engine while a writer moves tasks between statuses and
   * due dates: each answer must be whole and consistent in itself (every task of the status, in the page's
   * order, the total and sums those of its tasks), and once the writer is done the index is the one the
   * first query built, equal to a rebuild, and answers as the scan does.
   */
  @Test
  void readersBuildingAndReadingTheIndex_duringWrites_getConsistentPages() throws Exception {
    long seed = SEED;
    var g = ProductionGenerator.generateInNewEngine(Size.S, seed);
    try (ProdTrack engine = g.engine()) {
      Production p = g.production();
      TaskApi admin = engine.as(p.admin()).task();
      List<TaskStatus> open = admin.allTaskStatuses().stream().filter(st -> !st.isDone() && !st.forConcept()).toList();
      List<TaskId> tasks = p.tasks();
      java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
      java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
          int reader = r;
          readers.add(pool.submit(() -> {
            TaskApi api = engine.as(p.managers().get(0)).task();
            int n = 0;
            do {
              TaskStatus status = open.get((reader + n++) % open.size());
              OpenTasksPage page = api.allOpenTasks(OpenTasksQuery.ALL.withProject(p.project())
                  .withTaskStatus(status.id()).withPage(1, Integer.MAX_VALUE));
              String what = "seed " + seed + ", reader " + reader + ", status " + status.shortName();
              assertThat(page.total()).as(what).isEqualTo(page.data().size());
              assertThat(page.data()).as(what).allMatch(t -> t.taskStatusId().equals(status.id()));
              assertThat(page.data()).as(what).isSortedAccordingTo(Comparator.comparing(Task::dueDate,
                  Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())).thenComparing(t -> t.id().value()));
              assertThat(page.totalEstimation()).as(what)
                  .isEqualTo(page.data().stream().map(Task::estimation).reduce(Duration.ZERO, Duration::plus));
              answers.incrementAndGet();
            } while (writing.get() || n < 20);
            return null;
          }));
        }
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
          TaskId id = tasks.get(random.nextInt(tasks.size()));
          try {
            if (random.nextBoolean()) {
              admin.addComment(id, open.get(random.nextInt(open.size())).id(), "move " + i);
            } else {
              Task t = admin.getTask(id);
              admin.updateTask(t.withDueDate(p.asOf().plusDays(random.nextInt(30) - 15))
                  .withEstimation(Duration.ofHours(random.nextInt(40))));
            }
          } catch (ProdTrackException refused) {
            // a rule said no (a retake cap, say): nothing changed, the readers go on
          }
        }
        writing.set(false);
        for (java.util.concurrent.Future<?> f : readers) {
          f.get(5, java.util.concurrent.TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(answers.get()).as("seed %d: answers read", seed).isGreaterThanOrEqualTo(60);
      engine.checkInvariants(); // the index the readers built, maintained by the writes, equals a rebuild
      for (TaskStatus status : open) {
        OpenTasksQuery q = OpenTasksQuery.ALL.withProject(p.project()).withTaskStatus(status.id())
            .withPage(1, Integer.MAX_VALUE);
        assertThat(admin.allOpenTasks(q)).as("seed %d, status %s", seed, status.shortName())
            .isEqualTo(admin.allOpenTasksByScan(q));
      }
    }
  }
}
