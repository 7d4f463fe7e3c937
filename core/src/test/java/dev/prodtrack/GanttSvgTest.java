package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.schedule.GanttSvg;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.TimelineBar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SVG Gantt chart of an engine timeline: the outline groups tasks under their shot, one planned bar per
 * dated row, the late one tagged. (The XML structure is checked with the JDK parser in the CLI's tests,
 * since this module does not read {@code java.xml}.)
 */
class GanttSvgTest {
  private final LocalDate mon = LocalDate.of(2025, 3, 3);

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void escape_textAndAttributes() {
    String svg = GanttSvg.render("a <b> & \"c\" 'd'", List.of(new TimelineBar("task", "x\"y", "l\u0001<", mon, mon,
        null, null, false)), mon);
    assertThat(svg).contains("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;").contains("data-id=\"x&quot;y\"")
        .contains("l&lt;").doesNotContain("\u0001");
  }

  @Test
  void outline_shotNamesRepeatAcrossSequences_eachTaskOnceUnderItsOwnShot() {
    // Regression: the outline matched tasks to shots by label, so every SH0010 of every sequence got the
    // tasks of all of them (a whole-project chart of size M had 804k rows for 21,800 tasks).
    long seed = 3;
    var generated = dev.prodtrack.testkit.ProductionGenerator.generateInNewEngine(dev.prodtrack.testkit.Size.S, seed);
    var p = generated.production();
    ScheduleApi schedule = generated.engine().as(p.admin()).schedule();
    var timeline = schedule.timeline(Scope.of(p.project()), p.asOf(), ZoneOffset.UTC, schedule.calendar(List.of()));
    List<TimelineBar> rows = GanttSvg.outline(timeline);
    List<TimelineBar> entities = timeline.level("entity");
    assertThat(entities.stream().map(TimelineBar::label).distinct().count()).as("seed %d: names repeat", seed)
        .isLessThan(entities.size());
    int outlined = timeline.level("episode").size() + timeline.level("sequence").size() + entities.size()
        + timeline.level("task").size();
    assertThat(rows).as("seed %d", seed).hasSize(outlined);
    assertThat(rows).extracting(TimelineBar::id).doesNotHaveDuplicates();
    // Each task sits after its own entity, each shot after its own sequence.
    String entity = null;
    String sequence = null;
    for (TimelineBar r : rows) {
      switch (r.level()) {
        case "sequence" -> sequence = r.id();
        case "entity" -> {
          entity = r.id();
          if (r.parentId() != null) {
            assertThat(r.parentId()).as("shot %s", r.label()).isEqualTo(sequence);
          }
        }
        case "task" -> {
          assertThat(r.parentId()).as("task %s", r.label()).isEqualTo(entity);
          assertThat(generated.engine().as(p.admin()).task().getTask(dev.prodtrack.model.TaskId.of(r.id()))
              .entityId().toString()).isEqualTo(entity);
        }
        default -> { }
      }
    }
  }

  @Test
  void outline_handMadeRowsWithoutParents_matchedByLabel() {
    List<TimelineBar> rows = GanttSvg.outline(new dev.prodtrack.schedule.Timeline(List.of(
        new TimelineBar("task", "t2", "SH020 / Anim", mon, mon, null, null, false),
        new TimelineBar("entity", "e1", "SH010", mon, mon, null, null, false),
        new TimelineBar("task", "t1", "SH010 / Anim", mon, mon, null, null, false),
        new TimelineBar("entity", "e2", "SH020", mon, mon, null, null, false),
        new TimelineBar("task", "t3", "Other / Anim", mon, mon, null, null, false))));
    assertThat(rows).extracting(TimelineBar::id).containsExactly("e1", "t1", "e2", "t2", "t3");
  }

  @Test
  void render_sequenceOfTheEngine_outlineGroupsTasksUnderTheirShot() {
    Fixture f = new Fixture();
    TaskApi api = f.tasks(f.manager);
    api.updateTask(f.animTask.withStartDate(mon).withDueDate(mon.plusDays(1)));
    api.updateTask(f.compTask.withStartDate(mon.plusDays(2)).withEstimation(Duration.ofHours(16)));
    ScheduleApi schedule = f.engine.as(f.manager.id()).schedule();
    var timeline = schedule.timeline(Scope.of(f.project).withSequence(f.sequence), mon.plusDays(3),
        ZoneOffset.UTC, schedule.calendar(List.of()));
    List<TimelineBar> rows = GanttSvg.outline(timeline);
    assertThat(rows).extracting(TimelineBar::level).containsExactly("sequence", "entity", "task", "task");
    assertThat(rows).extracting(TimelineBar::id).endsWith(f.animTask.id().toString(), f.compTask.id().toString());
    String svg = GanttSvg.render("SQ01", rows, mon.plusDays(3));
    assertThat(count(svg, "<rect class=\"planned")).isEqualTo(4);
    assertThat(svg).contains("<rect class=\"planned late\" data-id=\"" + f.animTask.id() + "\"")
        .contains("<rect class=\"planned\" data-id=\"" + f.compTask.id() + "\"");
    assertThat(count(svg, "<line class=\"today\"")).isEqualTo(1);
    assertThat(svg).startsWith("<?xml").endsWith("</svg>\n");
    assertThat(GanttSvg.render("SQ01", rows, mon.plusDays(3))).as("deterministic")
        .isEqualTo(GanttSvg.render("SQ01", rows, mon.plusDays(3)));
  }
}
