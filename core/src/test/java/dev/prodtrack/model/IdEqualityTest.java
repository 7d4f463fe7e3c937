package dev.prodtrack.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every typed id's {@code equals} and {@code hashCode} (written out in each id record): equal exactly when
 * the type and the UUID are equal, and the hash code the record's generated method gave, the UUID's (hash
 * maps iterate in the same order as before, so snapshots and exports do not change).
 */
class IdEqualityTest {
  private static final long SEED = 20261129L;

  private static final List<Function<UUID, Id>> KINDS = List.of(ProjectId::new, PersonId::new, DepartmentId::new,
      EntityTypeId::new, EntityId::new, TaskTypeId::new, TaskStatusId::new, TaskId::new, CommentId::new,
      TimeSpentId::new, DayOffId::new, NotificationId::new, NewsId::new, SubscriptionId::new,
      StatusAutomationId::new, TaskDependencyId::new);

  @Test
  void equalsAndHashCode_followTheTypeAndTheUuid_andKeepTheUuidsHashValue() {
    assertThat(Id.class.getPermittedSubclasses()).as("every id kind is covered").hasSize(KINDS.size());
    Random random = new Random(SEED);
    for (int round = 0; round < 200; round++) {
      UUID u = new UUID(random.nextLong(), random.nextLong());
      UUID same = new UUID(u.getMostSignificantBits(), u.getLeastSignificantBits());
      UUID otherHigh = new UUID(u.getMostSignificantBits() + 1, u.getLeastSignificantBits());
      UUID otherLow = new UUID(u.getMostSignificantBits(), u.getLeastSignificantBits() ^ 1);
      for (int k = 0; k < KINDS.size(); k++) {
        Id id = KINDS.get(k).apply(u);
        String what = "seed " + SEED + ", round " + round + ", " + id.getClass().getSimpleName();
        assertThat(id.hashCode()).as(what).isEqualTo(u.hashCode());
        assertThat(id).as(what).isEqualTo(id).isEqualTo(KINDS.get(k).apply(same));
        assertThat(id.hashCode()).as(what).isEqualTo(KINDS.get(k).apply(same).hashCode());
        assertThat(id).as(what).isNotEqualTo(KINDS.get(k).apply(otherHigh)).isNotEqualTo(KINDS.get(k).apply(otherLow))
            .isNotEqualTo(u).isNotEqualTo(null);
        assertThat(id.equals(null)).as(what).isFalse();
        assertThat(id.equals(KINDS.get((k + 1) % KINDS.size()).apply(u))).as(what + ": another kind").isFalse();
      }
    }
  }
}
