package dev.prodtrack.cli;

import dev.prodtrack.Session;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Task;
import dev.prodtrack.schedule.AtRisk;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prodtrack risk}: the open tasks that will not fit their assignees' time before their due date. */
@Command(name = "risk", mixinStandardHelpOptions = true,
    description = {
        "List the tasks at risk as of a day, with their reasons.",
        "",
        "A task is at risk when it is open (not done), not yet late (due on or after the day), assigned, and "
            + "for at least one assignee its remaining work plus that of their other open tasks due earlier "
            + "exceeds their working time from the day to its due date (Monday to Friday, the studio's hours "
            + "per day, days off deducted). Remaining work is estimation minus time spent, or the whole "
            + "estimation when the task has not started. Reasons: overloaded_assignee (always), and any of "
            + "under_estimated, not_started, too_many_retakes, predecessor_late.",
        "",
        "Columns: the task, its due date, remaining hours, the tightest assignee and their shortfall in hours, "
            + "the reasons. Soonest due first. The count follows the table, or goes to stderr with "
            + "--format csv|json."},
    footer = {
        "",
        "Examples:",
        "  prodtrack risk --store ~/stores/dragon",
        "  prodtrack risk --store ~/stores/dragon --as-of 2025-06-30 --department Animation --limit 10",
        "  prodtrack risk --store ~/stores/dragon --format csv > at-risk.csv"})
final class RiskCommand implements Callable<Integer> {

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

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "List at most N tasks, the soonest due first (default: 0, all).")
  int limit;

  @Mixin
  FormatOption format;

  @Override
  public Integer call() {
    if (limit < 0) {
      throw CommandFailedException.usage("--limit must be 0 (all) or more, was " + limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ScheduleContext o = ScheduleContext.open(store, project, scope, asOf, holidays)) {
      Session session = o.session;
      Project p = o.project;
      LocalDate day = o.asOf;
      List<AtRisk> risks = session.schedule().atRisk(o.scope, day, o.calendar);
      TaskLabels labels = new TaskLabels(session);
      Table table = new Table("task_id", "task", "due_date", "remaining_h", "tightest_assignee", "shortfall_h",
          "reasons");
      List<AtRisk> shown = limit == 0 ? risks : risks.subList(0, Math.min(limit, risks.size()));
      for (AtRisk r : shown) {
        Task t = session.task().getTask(r.task());
        String reasons = r.reasons().stream().sorted().map(x -> x.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(" "));
        table.add(t.id().toString(), labels.task(t), t.dueDate(), TaskLabels.hours(r.remaining()),
            labels.person(r.tightestAssignee()), TaskLabels.hours(r.shortfall()), reasons);
      }
      format.print(table, out);
      format.summary(String.format(Locale.ROOT, "%,d tasks of %s at risk on %s%s.", risks.size(), p.name(), day,
          shown.size() < risks.size() ? " (" + shown.size() + " shown)" : ""), out, err);
    }
    return ExitCode.OK;
  }
}
