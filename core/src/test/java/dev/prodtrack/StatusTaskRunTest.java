package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.Task;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One {@link StatusTaskIndex.Run} against a sorted list: thousands of tasks (several chunks, so chunks
 * split and empty ones go) added, removed and re-added in a seeded random order; after each round the run
 * holds exactly the model's tasks in the page's order (due date, undated last, then id), every slice copies
 * the model's slice, and the count and sums are the model's.
 */
class StatusTaskRunTest {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  private static final Comparator<Task> PAGE_ORDER = Comparator.comparing(Task::dueDate,
      Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())).thenComparing(t -> t.id().value());

  @Test
  void aRun_addedToAndRemovedFrom_inRandomOrder_equalsASortedList() {
    var g = ProductionGenerator.generateInNewEngine(Size.S, SEED);
    try (ProdTrack engine = g.engine()) {
      List<Task> all = engine.read(s -> new ArrayList<>(s.tasks.values()));
      assertThat(all.size()).as("seed %d: tasks for several chunks", SEED).isGreaterThan(4 * StatusTaskIndex.Run.CHUNK);
      Random random = new Random(SEED);
      Collections.shuffle(all, random);
      StatusTaskIndex.Run run = new StatusTaskIndex.Run();
      List<Task> model = new ArrayList<>();
      java.util.Set<Task> inRun = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (int round = 0; round < 6; round++) {
        String what = "seed " + SEED + ", round " + round;
        // add a random share of the tasks not in the run, then remove a random share of those in it
        for (Task t : all) {
          if (!inRun.contains(t) && random.nextInt(3) > 0) {
            run.add(day(t), t);
            model.add(t);
            inRun.add(t);
          }
        }
        check(run, model, random, what + " after adding");
        List<Task> in = new ArrayList<>(model);
        Collections.shuffle(in, random);
        for (Task t : in.subList(0, in.size() * (1 + round % 3) / 4)) {
          run.remove(day(t), t);
          model.remove(t);
          inRun.remove(t);
        }
        check(run, model, random, what + " after removing");
      }
      Task in = model.get(0);
      assertThatThrownBy(() -> run.add(day(in), in)).as("a task already in").isInstanceOf(IllegalStateException.class);
      Task out = all.stream().filter(t -> !inRun.contains(t)).findFirst().orElseThrow();
      assertThatThrownBy(() -> run.remove(day(out), out)).as("a task not in").isInstanceOf(IllegalStateException.class);
      check(run, model, random, "seed " + SEED + ", after the refused changes");
      for (Task t : new ArrayList<>(model)) {
        run.remove(day(t), t);
        model.remove(t);
      }
      check(run, model, random, "seed " + SEED + ", emptied");
    }
  }

  private static long day(Task t) {
    return t.dueDate() == null ? Long.MAX_VALUE : t.dueDate().toEpochDay();
  }

  private static void check(StatusTaskIndex.Run run, List<Task> model, Random random, String what) {
    model.sort(PAGE_ORDER);
    assertThat(run.size()).as(what).isEqualTo(model.size());
    assertThat(List.of(run.copy(0, run.size()))).as(what).isEqualTo(model);
    for (int i = 0; i < 20 && !model.isEmpty(); i++) {
      int from = random.nextInt(model.size() + 1);
      int to = from + random.nextInt(model.size() - from + 1);
      assertThat(List.of(run.copy(from, to))).as(what + ", slice " + from + ".." + to).isEqualTo(model.subList(from, to));
    }
    assertThat(run.duration()).as(what).isEqualTo(model.stream().map(Task::duration).reduce(Duration.ZERO, Duration::plus));
    assertThat(run.estimation()).as(what)
        .isEqualTo(model.stream().map(Task::estimation).reduce(Duration.ZERO, Duration::plus));
  }
}
