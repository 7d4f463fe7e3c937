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

/** {@code prodtrack timeline}: a Gantt chart of a project, a sequence or a person's tasks, as SVG or HTML. */
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
            + "--out NAME.html an HTML page holding the chart, a summary and the legend.",
        "",
        "Narrow the chart with --sequence or --person (or the other scope filters); a whole project of "
            + "thousands of tasks makes a very tall chart.",
        ""},
    footer = {"", "Examples:",
        "  prodtrack timeline --store studio --sequence SQ010 --out sq010.svg",
        "  prodtrack timeline --store studio --person \"Ada Lovelace\" --out ada.html",
        "", "Exit codes: 0 written; 1 refused (an unknown name, a bad --out, a store error);",
        "  2 bad usage."})
final class TimelineCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ScheduleOptions options;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "Where to write the chart: a name ending in .svg (the chart) or .html (a page around it).")
  Path out;

  @Option(names = "--milestone", paramLabel = "DATE=LABEL",
      description = "An extra milestone, e.g. 2025-07-14=client review (repeatable).")
  List<String> milestones = new ArrayList<>();

  @Override
  public Integer call() {
    if (options.sequence != null && options.person != null) {
      throw new CliException("--sequence and --person: give one of them, not both");
    }
    ChartFiles.checkName(out);
    List<Milestone> marks = new ArrayList<>();
    for (String m : milestones) {
      marks.add(milestone(m));
    }
    try (ScheduleOptions.Opened o = options.open()) {
      Timeline timeline = o.session.schedule().timeline(o.scope, o.asOf, ZoneOffset.UTC, o.calendar);
      List<TimelineBar> rows = GanttSvg.outline(timeline);
      if (o.project.endDate() != null) {
        marks.add(Milestone.projectEnd(o.project.endDate()));
      }
      String title = o.project.name() + scopeName(o) + " on " + o.asOf;
      String svg = GanttSvg.render(title, rows, o.asOf, marks);
      long tasks = rows.stream().filter(r -> r.level().equals("task")).count();
      long late = rows.stream().filter(r -> r.level().equals("task") && r.late()).count();
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("project", o.project.name());
      facts.put("scope", scopeName(o).isEmpty() ? "whole project" : scopeName(o).substring(3));
      facts.put("as of", o.asOf.toString());
      facts.put("tasks", Long.toString(tasks));
      facts.put("late tasks", Long.toString(late));
      facts.put("milestones", Integer.toString(marks.size()));
      ChartFiles.write(out, "Timeline of " + title, svg, GanttSvg.legend(!marks.isEmpty()), facts);
      PrintWriter w = spec.commandLine().getOut();
      w.printf("Wrote %s: %,d rows, %,d tasks, %,d late, %,d milestones.%n", out, rows.size(), tasks, late,
          marks.size());
      w.flush();
      return 0;
    }
  }

  private static Milestone milestone(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new CliException("--milestone " + spec + ": expected DATE=LABEL, e.g. 2025-07-14=client review");
    }
    try {
      return new Milestone(LocalDate.parse(spec.substring(0, eq).strip()), spec.substring(eq + 1).strip());
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new CliException("--milestone " + spec + ": expected DATE=LABEL with an ISO date, e.g. "
          + "2025-07-14=client review");
    }
  }

  static String scopeName(ScheduleOptions.Opened o) {
    StringBuilder sb = new StringBuilder();
    var s = o.scope;
    if (s.episode() != null) {
      sb.append(", episode ").append(o.session.entity().getEntity(s.episode()).name());
    }
    if (s.sequence() != null) {
      sb.append(", sequence ").append(o.session.entity().getEntity(s.sequence()).name());
    }
    if (s.taskType() != null) {
      sb.append(", task type ").append(o.session.task().getTaskType(s.taskType()).name());
    }
    if (s.department() != null) {
      o.session.person().allDepartments().stream().filter(d -> d.id().equals(s.department())).findFirst()
          .ifPresent(d -> sb.append(", department ").append(d.name()));
    }
    if (s.person() != null) {
      sb.append(", person ").append(o.session.person().getPerson(s.person()).fullName());
    }
    return sb.length() == 0 ? "" : " —" + sb.substring(1);
  }
}
