package dev.prodtrack.cli;

import dev.prodtrack.schedule.GanttSvg;
import dev.prodtrack.schedule.Milestone;
import dev.prodtrack.schedule.Timeline;
import dev.prodtrack.schedule.TimelineBar;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code prodtrack timeline}: a Gantt chart of a project, a sequence or a person's tasks, as SVG or HTML, or its
 * rows.
 */
@Command(name = "timeline", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Draw a Gantt chart of a project's tasks: planned versus actual bars, late work in red, a today line "
            + "and milestones.",
        "",
        "One row per task, grouped under its shot or asset and its sequence and episode (those rows enclose "
            + "their tasks). The planned bar runs from the task's start date (else its real start) to its due "
            + "date (else its feedback date, else the start plus the estimation in working days); the thin "
            + "green bar below it is the actual work, from the real start to the done date (else the feedback "
            + "date, else today). A bar is red when its task is not done and was due before --as-of. The "
            + "project's end date is drawn as a milestone, with any --milestone given.",
        "",
        "The chart is one file with no script and nothing to download: --out NAME.svg writes the SVG, "
            + "--out NAME.html an HTML page holding the chart, a summary and the legend. Without --out the "
            + "rows are printed instead, in the chart's order (--format): level (episode, sequence, entity, "
            + "task), id, label, planned_start, planned_end, actual_start, actual_end, late, parent_id (the id of "
            + "the row it sits under: a task's entity, a shot's sequence, a sequence's episode; empty at the top).",
        "",
        "Narrow the chart with --sequence or --person (or the other scope filters); a whole project of "
            + "thousands of tasks makes a very tall chart.",
        ""},
    footer = {"", "Examples:",
        "  prodtrack timeline --store studio --sequence SQ010 --out sq010.svg",
        "  prodtrack timeline --store studio --person ada@studio.example --out ada.html",
        "  prodtrack timeline --store studio --sequence SQ010 --format csv > sq010.csv"})
final class TimelineCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StoreOptions store;

  @Mixin
  ProjectOption project;

  @Mixin
  AsOfOption asOf;

  @Mixin
  HolidayOption holidays;

  @Mixin
  ScopeOptions scope;

  @Mixin
  FormatOption format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where to write the chart: a name ending in .svg (the chart) or .html (a page around it). "
          + "Without it, the rows are printed.")
  Path out;

  @Option(names = "--milestone", paramLabel = "DATE=LABEL",
      description = "An extra milestone, e.g. 2025-07-14=client review (repeatable).")
  List<String> milestones = new ArrayList<>();

  @Override
  public Integer call() {
    if (scope.sequence != null && scope.person != null) {
      throw CommandFailedException.usage("--sequence and --person: give one of them, not both");
    }
    if (out != null) {
      ChartFiles.checkName(out);
    }
    List<Milestone> marks = new ArrayList<>();
    for (String m : milestones) {
      marks.add(milestone(m));
    }
    try (ScheduleContext o = ScheduleContext.open(store, project, scope, asOf, holidays)) {
      Timeline timeline = o.session.schedule().timeline(o.scope, o.asOf, ZoneOffset.UTC, o.calendar);
      List<TimelineBar> rows = GanttSvg.outline(timeline);
      if (o.project.endDate() != null) {
        marks.add(Milestone.projectEnd(o.project.endDate()));
      }
      PrintWriter w = spec.commandLine().getOut();
      if (out == null) {
        Table table = new Table("level", "id", "label", "planned_start", "planned_end", "actual_start",
            "actual_end", "late", "parent_id");
        for (TimelineBar b : rows) {
          table.add(b.level(), b.id(), b.label(), b.plannedStart(), b.plannedEnd(), b.actualStart(), b.actualEnd(),
              b.late(), b.parentId());
        }
        format.print(table, w);
        return 0;
      }
      String title = o.project.name() + o.scopeName() + " on " + o.asOf;
      String svg = GanttSvg.render(title, rows, o.asOf, marks);
      long tasks = rows.stream().filter(r -> r.level().equals("task")).count();
      long late = rows.stream().filter(r -> r.level().equals("task") && r.late()).count();
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("project", o.project.name());
      facts.put("scope", o.scopeName().isEmpty() ? "whole project" : o.scopeName().substring(3));
      facts.put("as of", o.asOf.toString());
      facts.put("tasks", Long.toString(tasks));
      facts.put("late tasks", Long.toString(late));
      facts.put("milestones", Integer.toString(marks.size()));
      ChartFiles.write(out, "Timeline of " + title, svg, GanttSvg.legend(!marks.isEmpty()), facts);
      w.printf("Wrote %s: %,d rows, %,d tasks, %,d late, %,d milestones.%n", out, rows.size(), tasks, late,
          marks.size());
      w.flush();
      return 0;
    }
  }

  private static Milestone milestone(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw CommandFailedException.usage("--milestone " + spec + ": expected DATE=LABEL, e.g. 2025-07-14=client review");
    }
    try {
      return new Milestone(LocalDate.parse(spec.substring(0, eq).strip()), spec.substring(eq + 1).strip());
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw CommandFailedException.usage("--milestone " + spec + ": expected DATE=LABEL with an ISO date, e.g. "
          + "2025-07-14=client review");
    }
  }
}
