package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link EntityReads}, the open-addressing table of the lock-free point reads, against a {@link HashMap}
 * after random puts, task-list replacements and removals. The ids are drawn from a small pool in which
 * many share one hash (same {@code high ^ low}), so that probes run long, wrap around the table's end, and
 * removals shift entries back across the wrap; the table grows from its smallest size. Seeded; rerun with
 * {@code -Dprodtrack.seed=<seed>}.
 */
class EntityReadsProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);

  /** 48 ids: 16 with unrelated hashes, 32 in two groups of 16 that each share one hash. */
  private static final List<EntityId> IDS = ids();

  private static List<EntityId> ids() {
    List<EntityId> out = new ArrayList<>();
    java.util.Random random = new java.util.Random(SEED);
    for (int i = 0; i < 16; i++) {
      out.add(new EntityId(new UUID(random.nextLong(), random.nextLong())));
    }
    for (long shared : new long[] {0x5DEECE66DL, -7L}) {
      for (int i = 0; i < 16; i++) {
        long hi = random.nextLong();
        out.add(new EntityId(new UUID(hi, hi ^ shared))); // hi ^ lo == shared: one hash for the group
      }
    }
    return List.copyOf(out);
  }

  private record Expected(int project, FrozenList<Task> tasks) {}

  @Test
  void randomPutsReplacementsAndRemovals_answerAsAHashMap() {
    qt().withFixedSeed(SEED).withExamples(300)
        .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 200))
        .describedAs(ops -> "seed " + SEED + ", ops " + ops)
        .checkAssert(ops -> {
          EntityReads table = new EntityReads();
          Map<EntityId, Expected> model = new HashMap<>();
          List<FrozenList<Task>> lists = new ArrayList<>();
          for (int i = 0; i < 5; i++) {
            lists.add(FrozenList.wrap(new Task[i], 0)); // distinct instances: identity is what is compared
          }
          for (int op : ops) {
            EntityId id = IDS.get(op % IDS.size());
            int arg = op / IDS.size();
            FrozenList<Task> list = lists.get(arg % lists.size());
            switch (arg % 7) {
              case 0, 1, 2 -> {
                int project = 1 + arg % 3;
                table.put(id, project, list);
                model.put(id, new Expected(project, list));
              }
              case 3 -> {
                table.setTasks(id, list);
                model.computeIfPresent(id, (k, e) -> new Expected(e.project(), list));
              }
              default -> {
                table.remove(id);
                model.remove(id);
              }
            }
            assertThat(table.size()).as("size after %d", op).isEqualTo(model.size());
            for (EntityId any : IDS) {
              Expected e = model.get(any);
              UUID u = any.value();
              if (e == null) {
                assertThat(table.tasksOf(u)).as("absent %s", any).isNull();
                assertThat(table.projectOf(u)).isZero();
                assertThat(table.tasksIfIn(u, 1)).isNull();
              } else {
                assertThat(table.tasksOf(u)).as("tasks of %s", any).isSameAs(e.tasks());
                assertThat(table.projectOf(u)).isEqualTo(e.project());
                assertThat(table.tasksIfIn(u, e.project())).isSameAs(e.tasks());
                assertThat(table.tasksIfIn(u, e.project() % 3 + 1)).as("another project").isNull();
              }
            }
          }
          Map<UUID, Expected> visited = new HashMap<>();
          table.forEach((u, project, tasks) -> visited.put(u, new Expected(project, tasks)));
          Map<UUID, Expected> expected = new HashMap<>();
          model.forEach((k, v) -> expected.put(k.value(), v));
          assertThat(visited).isEqualTo(expected);
        });
  }

  @Test
  void aProjectOrdinalBelowOne_isRefused_andTheTableStaysAsItWas() {
    EntityReads table = new EntityReads();
    EntityId id = IDS.get(0);
    FrozenList<Task> none = FrozenList.empty();
    table.put(id, 2, none);
    assertThatThrownBy(() -> table.put(id, 0, none)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.put(IDS.get(1), -1, none)).isInstanceOf(IllegalArgumentException.class);
    assertThat(table.size()).isEqualTo(1);
    assertThat(table.projectOf(id.value())).isEqualTo(2);
    assertThat(table.projectOf(IDS.get(1).value())).isZero();
  }

  @Test
  void manyEntities_growTheTable_andEveryOneIsFoundAfterHalfAreRemoved() {
    EntityReads table = new EntityReads();
    java.util.Random random = new java.util.Random(SEED);
    List<EntityId> ids = new ArrayList<>();
    List<FrozenList<Task>> lists = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      EntityId id = new EntityId(new UUID(random.nextLong(), random.nextLong()));
      FrozenList<Task> list = FrozenList.wrap(new Task[0], 0);
      ids.add(id);
      lists.add(list);
      table.put(id, 1 + i % 4, list);
    }
    for (int i = 0; i < ids.size(); i += 2) {
      table.remove(ids.get(i));
    }
    assertThat(table.size()).isEqualTo(2_500);
    for (int i = 0; i < ids.size(); i++) {
      UUID u = ids.get(i).value();
      if (i % 2 == 0) {
        assertThat(table.tasksOf(u)).as("removed %d, seed %d", i, SEED).isNull();
      } else {
        assertThat(table.tasksIfIn(u, 1 + i % 4)).as("kept %d, seed %d", i, SEED).isSameAs(lists.get(i));
      }
    }
  }
}
