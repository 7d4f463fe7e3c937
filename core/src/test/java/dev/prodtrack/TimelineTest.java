package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.schedule.Timeline;
import dev.prodtrack.schedule.TimelineBar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timelines: task bars, roll-ups that enclose their children, CSV and JSON (schedule-analytics.md §2.3). */
class TimelineTest {
  private final Fixture f = new Fixture();
  private final LocalDate mon = LocalDate.of(2025, 3, 3);

  private Timeline timeline(LocalDate asOf) {
    ScheduleApi api = f.engine.as(f.manager.id()).schedule();
    return api.timeline(f.project, asOf, ZoneOffset.UTC, api.calendar(List.of()));
  }

  @Test
  void bars_plannedFromDatesOrEstimation_andRollupsEncloseChildren() {
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withStartDate(mon).withDueDate(mon.plusDays(2)));
    api.updateTask(f.compTask.withStartDate(mon.plusDays(3)).withEstimation(Duration.ofHours(20)));
    f.clock.set(Instant.parse("2025-03-04T10:00:00Z"));
    f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "");
    Timeline t = timeline(mon.plusDays(7));

    TimelineBar comp = t.level("task").stream().filter(b -> b.id().equals(f.compTask.id().toString())).findFirst()
        .orElseThrow();
    assertThat(comp.plannedStart()).isEqualTo(mon.plusDays(3));
    assertThat(comp.plannedEnd()).as("2.5 days from Thursday: Thu, Fri, Mon").isEqualTo(mon.plusDays(7));
    TimelineBar anim = t.level("task").stream().filter(b -> b.id().equals(f.animTask.id().toString())).findFirst()
        .orElseThrow();
    assertThat(anim.actualStart()).isEqualTo(mon.plusDays(1));
    assertThat(anim.late()).isTrue();
    assertThat(comp.late()).isFalse();

    TimelineBar shot = t.level("entity").stream().filter(b -> b.label().equals("SH010")).findFirst().orElseThrow();
    assertThat(shot.plannedStart()).isEqualTo(mon);
    assertThat(shot.plannedEnd()).isEqualTo(mon.plusDays(7));
    assertThat(shot.late()).isTrue();
    assertThat(t.level("sequence")).singleElement().satisfies(b -> assertThat(b.label()).isEqualTo("SQ01"));
    assertThat(t.level("project")).singleElement().satisfies(b -> assertThat(b.plannedEnd()).isEqualTo(mon.plusDays(7)));
    assertThat(t.level("person")).extracting(TimelineBar::label).contains("Ari Artist");
  }

  @Test
  void exports_csvAndJson() {
    f.tasks(f.manager).updateTask(f.animTask.withStartDate(mon).withDueDate(mon.plusDays(1)));
    Timeline t = timeline(mon);
    String csv = t.toCsv();
    assertThat(csv).startsWith("level,id,label,planned_start,planned_end,actual_start,actual_end,late,parent_id\r\n");
    assertThat(csv.split("\r\n")).hasSize(t.bars().size() + 1);
    assertThat(csv).contains("task," + f.animTask.id() + ",SH010 / Animation,2025-03-03,2025-03-04,,,false,"
        + f.animTask.entityId() + "\r\n");
    String json = t.toJson();
    assertThat(json).startsWith("[{\"level\":\"project\"").endsWith("}]");
    assertThat(json).contains("\"planned_start\":\"2025-03-03\"", "\"actual_end\":null", "\"late\":false");
  }

  @Test
  void exports_parentIdOfEveryRow_asInTheBars() {
    f.tasks(f.manager).updateTask(f.animTask.withStartDate(mon).withDueDate(mon.plusDays(1)));
    Timeline t = timeline(mon);
    TimelineBar anim = t.level("task").stream().filter(b -> b.id().equals(f.animTask.id().toString())).findFirst()
        .orElseThrow();
    TimelineBar shot = t.level("entity").stream().filter(b -> b.id().equals(anim.parentId())).findFirst()
        .orElseThrow();
    TimelineBar sequence = t.level("sequence").stream().filter(b -> b.id().equals(shot.parentId())).findFirst()
        .orElseThrow();
    assertThat(anim.parentId()).isEqualTo(f.animTask.entityId().toString());
    assertThat(t.level("project")).singleElement().satisfies(b -> assertThat(b.parentId()).isNull());

    String[] lines = t.toCsv().split("\r\n");
    for (int i = 0; i < t.bars().size(); i++) {
      TimelineBar b = t.bars().get(i);
      String expected = b.parentId() == null ? "" : b.parentId();
      assertThat(lines[i + 1]).as(b.level() + " " + b.label()).endsWith("," + b.late() + "," + expected);
    }
    String json = t.toJson();
    assertThat(json).contains("\"id\":\"" + anim.id() + "\"", "\"id\":\"" + shot.id() + "\"");
    assertThat(json).contains("\"parent_id\":\"" + shot.id() + "\"", "\"parent_id\":\"" + sequence.id() + "\"",
        "\"parent_id\":null");
    assertThat(json.split("\"parent_id\":", -1)).hasSize(t.bars().size() + 1);
  }
}
