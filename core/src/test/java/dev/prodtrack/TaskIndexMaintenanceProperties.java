package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The earned-value sums, the schedule's open dated tasks and the todo index kept up to date task change
 * by task change ({@link EarnedValueIndex#replaceTask}, which touches only the sums whose inputs changed
 * and keys each instant by its UTC day and nanosecond of the day, {@link ScheduleTaskIndex#replaced},
 * which rewrites a row in place when the task stays open for the same people, and {@link
 * TodoIndex#replace}, which finds a row by its due day and id columns) against indexes rebuilt from the
 * records: after each random
 * change of one task — a comment with any status (done ones included), a new estimation (zero included),
 * start and due dates set or cleared, end, real start and done instants set or cleared — {@link
 * ProdTrack#checkInvariants} compares the maintained indexes with ones built from scratch. Seeded; rerun with
 * {@code -Dprodtrack.seed=<seed>}.
 */
class TaskIndexMaintenanceProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final int EXAMPLES = 10;

  @Test
  void maintainedIndexes_equalARebuild_afterRandomTaskChanges() {
    int[] changes = {0};
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 40))
        .describedAs(actions -> "seed " + SEED + ", actions " + actions)
        .checkAssert(actions -> {
          long seed = SEED + actions.get(0) % 3;
          GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
          try (ProdTrack engine = ProdTrack.builder().store(MemoryStore.create()).clock(clock)
              .idSource(IdSource.seeded(seed)).open()) {
            Production p = ProductionGenerator.generate(engine, clock, Size.TINY, seed);
            TaskApi admin = engine.as(p.admin()).task();
            List<TaskId> tasks = p.tasks();
            List<TaskStatus> statuses = new ArrayList<>(p.defaults().statuses().values());
            assertThat(statuses.stream().anyMatch(TaskStatus::isDone)).as("a done status to move to").isTrue();
            Object built = engine.read(State::earnedValueIndex); // maintained by every change from here on
            Object schedule = engine.read(State::scheduleTaskIndex);
            Object todo = engine.read(State::todoIndex);
            // the project's sorted view with its columns, kept in place by every change (the critical path's)
            Object view = engine.read(s -> (Object) s.scheduleTaskIndex().viewOf(s, p.project()));
            List<String> done = new ArrayList<>();
            for (int a : actions) {
              TaskId id = tasks.get(a % tasks.size());
              Task t = admin.getTask(id);
              int pick = a / tasks.size();
              Instant at = clock.instant().minus(Duration.ofHours(pick % 500));
              LocalDate day = p.asOf().plusDays(pick % 40 - 20);
              clock.set(clock.instant().plus(Duration.ofMinutes(1)));
              String what;
              switch (pick % 6) {
                case 0 -> {
                  TaskStatus s = statuses.get((pick / 6) % statuses.size());
                  admin.addComment(id, s.id(), "to " + s.shortName());
                  what = "comment " + s.shortName();
                }
                case 1 -> {
                  admin.updateTask(t.withEstimation(Duration.ofMinutes((pick / 6) % 3 * 240L)));
                  what = "estimation";
                }
                case 2 -> {
                  boolean clear = pick % 5 == 0;
                  admin.updateTask(t.withStartDate(clear ? null : day).withDueDate(clear ? null : day.plusDays(3)));
                  what = clear ? "dates cleared" : "dates";
                }
                case 3 -> {
                  admin.updateTask(t.withEndDate(pick % 4 == 0 ? null : at));
                  what = "end";
                }
                case 4 -> {
                  admin.updateTask(t.withRealStartDate(pick % 4 == 0 ? null : at));
                  what = "real start";
                }
                default -> {
                  admin.updateTask(t.withDoneDate(pick % 4 == 0 ? null : at));
                  what = "done date";
                }
              }
              done.add(what + " on " + (a % tasks.size()));
              changes[0]++;
              // the same index as built above, kept up to date (not dropped and rebuilt by this read)
              assertThat((Object) engine.read(State::earnedValueIndex)).as("still maintained").isSameAs(built);
              assertThat((Object) engine.read(State::scheduleTaskIndex)).as("still maintained").isSameAs(schedule);
              assertThat((Object) engine.read(State::todoIndex)).as("still maintained").isSameAs(todo);
              assertThat((Object) engine.read(s -> s.scheduleTaskIndex().viewOf(s, p.project()))).as("still maintained")
                  .isSameAs(view);
              try {
                engine.checkInvariants();
              } catch (IllegalStateException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", after " + done + ": " + e.getMessage(), e);
              }
            }
          }
        });
    assertThat(changes[0]).as("task changes made, seed %d", SEED).isGreaterThan(EXAMPLES * 5);
  }
}
