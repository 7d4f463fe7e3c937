package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prodtrack.schedule.Quotas;
import dev.prodtrack.schedule.Quotas.Delivery;
import dev.prodtrack.schedule.Quotas.Mode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quotas: raw and weighted frame credits, half-even rounding, buckets (schedule-analytics.md §4). */
class QuotasTest {
  private final Fixture f = new Fixture();
  private final LocalDate mon = LocalDate.of(2025, 3, 3);

  private Quotas quotas(Mode mode, Delivery delivery) {
    ScheduleApi api = f.engine.as(f.manager.id()).schedule();
    return api.quotas(f.project, mode, delivery, ZoneOffset.UTC, api.calendar(List.of()));
  }

  private void deliverAnimation() {
    f.clock.set(Instant.parse("2025-03-03T10:00:00Z"));
    f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "");
    f.clock.set(Instant.parse("2025-03-04T17:00:00Z"));
    f.tasks(f.artist).addComment(f.animTask.id(), f.wfa.id(), "");
  }

  @Test
  void raw_everythingOnTheDeliveryDay() {
    deliverAnimation();
    Quotas q = quotas(Mode.RAW, Delivery.FEEDBACK);
    var tue = q.byDay().get("2025-03-04");
    assertThat(tue.get(f.artist.id().toString()).frames()).isEqualTo(48);
    assertThat(tue.get("total").frames()).isEqualTo(48);
    assertThat(tue.get("total").seconds()).isCloseTo(1.92, within(1e-9));
    assertThat(tue.get("total").shots()).isEqualTo(1.0);
    assertThat(quotas(Mode.RAW, Delivery.APPROVAL).credits()).as("nothing approved").isEmpty();
  }

  @Test
  void weighted_alongTimeSpents_roundedHalfToEven() {
    f.engine.write(f.admin.id(), tx -> {
      dev.prodtrack.model.Entity shot = tx.require("entity", f.shot);
      tx.put(shot.id(), shot.withNbFrames(45));
      return null;
    });
    deliverAnimation();
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), mon, Duration.ofHours(1));
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), mon.plusDays(1), Duration.ofHours(9));
    Quotas q = quotas(Mode.WEIGHTED, Delivery.FEEDBACK);
    assertThat(q.byDay().get("2025-03-03").get("total").frames()).as("4.5 rounds to 4").isEqualTo(4);
    assertThat(q.byDay().get("2025-03-04").get("total").frames()).as("40.5 rounds to 40").isEqualTo(40);
    assertThat(q.byDay().get("2025-03-03").get(f.artist.id().toString()).shots()).isCloseTo(0.1, within(1e-9));
  }

  @Test
  void weighted_withoutTimeSpents_spreadFromRealStartToDelivery() {
    f.tasks(f.manager).assignTask(f.compTask.id(), f.artist2.id());
    f.clock.set(Instant.parse("2025-03-03T10:00:00Z"));
    f.tasks(f.artist2).addComment(f.compTask.id(), f.wip.id(), "");
    f.clock.set(Instant.parse("2025-03-05T17:00:00Z"));
    f.tasks(f.artist2).addComment(f.compTask.id(), f.wfa.id(), "");
    Quotas q = quotas(Mode.WEIGHTED, Delivery.FEEDBACK);
    for (String day : List.of("2025-03-03", "2025-03-04", "2025-03-05")) {
      assertThat(q.byDay().get(day).get(f.artist2.id().toString()).frames()).isEqualTo(16);
    }
    assertThat(q.byWeek()).containsOnlyKeys("2025-10");
    assertThat(q.byMonth().get("2025-03").get("total").frames()).isEqualTo(48);
    assertThat(q.byYear()).containsOnlyKeys("2025");
  }
}
