package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.TaskId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link LoadPool}: one id object per (type, UUID), one value per equal value, across growth. */
class LoadPoolTest {

  @Test
  void id_sameTypeAndUuid_isTheSameObject_otherTypeIsAnotherObjectOfItsType() {
    LoadPool pool = new LoadPool(4);
    UUID u = UUID.fromString("0b8e1a52-4c3e-4f7a-9d1e-2a6b7c8d9e0f");
    TaskId task = pool.id(u.getMostSignificantBits(), u.getLeastSignificantBits(), TaskId.class, TaskId::new);
    CommentId comment = pool.id(u.getMostSignificantBits(), u.getLeastSignificantBits(), CommentId.class,
        CommentId::new);
    assertThat(task.value()).isEqualTo(u);
    assertThat(comment.value()).isEqualTo(u);
    assertThat(pool.id(u.getMostSignificantBits(), u.getLeastSignificantBits(), TaskId.class, TaskId::new))
        .isSameAs(task);
    assertThat(pool.id(u.getMostSignificantBits(), u.getLeastSignificantBits(), CommentId.class, CommentId::new))
        .isSameAs(comment);
    assertThat(pool.idCount()).isEqualTo(2);
  }

  @Test
  void shared_equalValues_giveTheFirstObject() {
    LoadPool pool = new LoadPool();
    LocalDate first = LocalDate.of(2026, 11, 29);
    assertThat(pool.shared(first)).isSameAs(first);
    assertThat(pool.shared(LocalDate.of(2026, 11, 29))).isSameAs(first);
    assertThat(pool.shared((Object) null)).isNull();
  }

  @Test
  void id_randomUuidsWithRepeatsAndCollidingHalves_matchAMapOfFirstObjects() {
    qt().withFixedSeed(Long.getLong("prodtrack.seed", 20261129L)).withExamples(200)
        .forAll(longs().all())
        .describedAs(seed -> "seed " + seed)
        .checkAssert(seed -> {
          Random random = new Random(seed);
          int n = 1 + random.nextInt(5_000);
          LoadPool pool = new LoadPool(1 + random.nextInt(64));
          Map<Object, Object> expected = new HashMap<>();
          List<UUID> seen = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            UUID u;
            int pick = random.nextInt(4);
            if (pick == 0 && !seen.isEmpty()) {
              u = seen.get(random.nextInt(seen.size())); // a repeat
            } else if (pick == 1) {
              long half = random.nextInt(8); // small, colliding halves
              u = new UUID(half, random.nextInt(8));
            } else {
              u = new UUID(random.nextLong(), random.nextLong());
            }
            seen.add(u);
            boolean task = random.nextBoolean();
            Object got = task
                ? pool.id(u.getMostSignificantBits(), u.getLeastSignificantBits(), TaskId.class, TaskId::new)
                : pool.id(u.getMostSignificantBits(), u.getLeastSignificantBits(), CommentId.class, CommentId::new);
            Object key = task ? new TaskId(u) : new CommentId(u);
            assertThat(got).isEqualTo(key);
            Object first = expected.putIfAbsent(key, got);
            if (first != null) {
              assertThat(got).isSameAs(first);
            }
          }
          assertThat(pool.idCount()).isEqualTo(expected.size());
        });
  }
}
