package dev.prodtrack.cli;

import dev.prodtrack.Session;
import dev.prodtrack.model.Project;
import dev.prodtrack.schedule.WorkCalendar;
import dev.prodtrack.schedule.Workload;
import dev.prodtrack.schedule.WorkloadGrid;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prodtrack workload}: demand against capacity per person per working day. */
@Command(name = "workload", mixinStandardHelpOptions = true,
    description = {
        "Show, per person of the project's team and per working day, the planned demand against the "
            + "capacity, overbooked days marked.",
        "",
        "Demand: for each open task assigned to the person with a start and a due date, the remaining "
            + "estimate (estimation minus time spent, at least zero) spread over the task's working days for "
            + "the person and split among its assignees. Capacity: the studio's hours per day on Monday to "
            + "Friday, zero on the person's days off. A day is overbooked when demand exceeds capacity. "
            + "Weekends are left out; days off stay (capacity 0). With --person only that person; the other "
            + "filters narrow the tasks counted.",
        "",
        "The range is --from to --to inclusive (default: the --as-of day and the 13 days after it, two "
            + "weeks). The summary (overbooked person-days and people) follows the table, or goes to stderr "
            + "with --format csv|json."},
    footer = {
        "",
        "Examples:",
        "  prodtrack workload --store ~/stores/dragon --from 2025-07-07 --to 2025-07-18",
        "  prodtrack workload --store ~/stores/dragon --person ada@studio.test --overbooked-only",
        "  prodtrack workload --store ~/stores/dragon --department Animation --format json"})
final class WorkloadCommand implements Callable<Integer> {
  /** The longest range accepted, in days. */
  static final int MAX_DAYS = 366;

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

  @Option(names = "--from", paramLabel = "DATE", description = "The first day (default: the --as-of day).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "The last day, inclusive (default: 13 days after "
      + "--from; at most " + MAX_DAYS + " days in all).")
  LocalDate to;

  @Option(names = "--overbooked-only", description = "List only the overbooked days.")
  boolean overbookedOnly;

  @Mixin
  FormatOption format;

  @Override
  public Integer call() {
    LocalDate first = from != null ? from : asOf.date();
    LocalDate last = to != null ? to : first.plusDays(13);
    if (last.isBefore(first)) {
      throw CommandFailedException.usage("--to " + last + " is before --from " + first);
    }
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      throw CommandFailedException.usage("--from " + first + " --to " + last + ": at most " + MAX_DAYS
          + " days");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ScheduleContext o = ScheduleContext.open(store, project, scope, asOf, holidays)) {
      Session session = o.session;
      Project p = o.project;
      WorkCalendar calendar = o.calendar;
      WorkloadGrid grid = session.schedule().workloadGrid(o.scope, first, last, calendar);
      TaskLabels labels = new TaskLabels(session);
      Table table = new Table("person", "date", "demand_h", "capacity_h", "overload_h", "overbooked");
      long overbookedDays = 0;
      for (Workload w : grid.people()) {
        String name = labels.person(w.person());
        for (Workload.Day d : w.days()) {
          boolean over = !d.overload().isZero();
          if (over) {
            overbookedDays++;
          }
          if (!calendar.isWorking(d.date()) && !over || overbookedOnly && !over) {
            continue;
          }
          table.add(name, d.date(), TaskLabels.hours(d.demand()), TaskLabels.hours(d.capacity()),
              TaskLabels.hours(d.overload()), over);
        }
      }
      format.print(table, out);
      format.summary(String.format(Locale.ROOT, "%s, %s to %s: %,d people, %,d overbooked person-days, %,d people overbooked; "
              + "demand %.1f h against capacity %.1f h.", p.name(), first, last, grid.people().size(), overbookedDays,
          grid.overbookedPeople().size(), TaskLabels.hours(grid.totalDemand()),
          TaskLabels.hours(grid.totalCapacity())), out, err);
    }
    return ExitCode.OK;
  }
}
