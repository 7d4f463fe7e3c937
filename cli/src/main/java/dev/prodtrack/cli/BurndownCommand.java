package dev.prodtrack.cli;

import dev.prodtrack.schedule.BurndownPoint;
import dev.prodtrack.schedule.BurndownSvg;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prodtrack burndown}: the burn-down and burn-up series, as rows or as a line chart. */
@Command(name = "burndown", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Print or draw the burn-down of a project: the estimate not yet earned, day by day.",
        "",
        "One row per working day from --from to --to: remaining (person-days of estimation of the tasks not "
            + "done by that day), earned (the rest: the estimations of the tasks done by then, 0/100 rule), "
            + "done_tasks (how many tasks were done by then: the burn-up) and ideal (a straight fall, in "
            + "working days, from the whole estimate on the project's start date to zero on its end date; "
            + "empty when the project lacks either date). Past days use the tasks' current statuses and "
            + "done dates: this is not an audit trail.",
        "",
        "With --out NAME.svg or NAME.html the series is drawn instead: remaining and ideal against the left "
            + "axis, done tasks against the right one, a today line at --as-of.",
        ""},
    footer = {"", "Examples:",
        "  prodtrack burndown --store studio --project \"Big Buck\" --format csv > burndown.csv",
        "  prodtrack burndown --store studio --sequence SQ010 --out sq010-burndown.svg"})
final class BurndownCommand implements Callable<Integer> {
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

  @Option(names = "--from", paramLabel = "DATE",
      description = "First day (default: the project's start date, else 60 days before --as-of).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "Last day (default: the project's end date, else 60 days after --as-of).")
  LocalDate to;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Draw the series as a chart in this file (.svg, or .html for a page around it) instead of "
          + "printing it.")
  Path out;

  @Override
  public Integer call() {
    if (out != null) {
      ChartFiles.checkName(out);
    }
    try (ScheduleContext o = ScheduleContext.open(store, project, scope, asOf, holidays)) {
      LocalDate first = from != null ? from : o.project.startDate() != null ? o.project.startDate()
          : o.asOf.minusDays(60);
      LocalDate last = to != null ? to : o.project.endDate() != null ? o.project.endDate() : o.asOf.plusDays(60);
      if (last.isBefore(first)) {
        throw CommandFailedException.usage("--from " + first + " --to " + last + ": the range ends before it starts");
      }
      List<BurndownPoint> points = o.session.schedule().burndown(o.scope, first, last, ZoneOffset.UTC, o.calendar);
      PrintWriter w = spec.commandLine().getOut();
      if (out == null) {
        Table table = new Table("date", "remaining", "earned", "done_tasks", "ideal");
        for (BurndownPoint p : points) {
          table.add(p.date().toString(), p.remaining(), p.earned(), p.doneTasks(),
              p.ideal().isPresent() ? (Object) p.ideal().getAsDouble() : null);
        }
        format.print(table, w);
        return 0;
      }
      if (points.isEmpty()) {
        throw CommandFailedException.usage("--from " + first + " --to " + last + ": no working day to draw");
      }
      String title = "Burn-down of " + o.project.name() + o.scopeName() + " on " + o.asOf;
      String svg = BurndownSvg.render(title, points, o.asOf);
      BurndownPoint end = points.get(points.size() - 1);
      BurndownPoint now = points.stream().filter(p -> !p.date().isAfter(o.asOf)).reduce((a, b) -> b).orElse(end);
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("project", o.project.name());
      facts.put("as of", o.asOf.toString());
      facts.put("range", first + " .. " + last + " (" + points.size() + " working days)");
      facts.put("remaining on " + now.date(), ScheduleContext.days(now.remaining()) + " person-days");
      facts.put("done on " + now.date(), now.doneTasks() + " tasks");
      ChartFiles.write(out, title, svg, BurndownSvg.legend(), facts);
      w.printf("Wrote %s: %,d working days from %s to %s, %s person-days remaining on %s.%n", out, points.size(),
          points.get(0).date(), end.date(), ScheduleContext.days(now.remaining()), now.date());
      w.flush();
      return 0;
    }
  }
}
