package dev.prodtrack.cli;

import dev.prodtrack.ScheduleApi;
import dev.prodtrack.Session;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import dev.prodtrack.schedule.AtRisk;
import dev.prodtrack.schedule.EarnedValue;
import dev.prodtrack.schedule.EarningRule;
import dev.prodtrack.schedule.Forecast;
import dev.prodtrack.schedule.GanttSvg;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.TaskLateness;
import dev.prodtrack.schedule.Timeline;
import dev.prodtrack.schedule.TimelineBar;
import dev.prodtrack.schedule.WorkCalendar;
import dev.prodtrack.schedule.Workload;
import dev.prodtrack.schedule.WorkloadGrid;
import dev.prodtrack.testkit.Production;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The demo's closing section: what a producer asks on the morning after — how much is late, what will be
 * late next, who is overbooked, are we on schedule and on budget (SPI, CPI), when will we finish — and a
 * Gantt chart of one sequence written as SVG.
 */
final class RiskReport {
  /** Working days of workload looked at ahead of the demo day. */
  static final int WORKLOAD_WINDOW_DAYS = 20;

  private RiskReport() {}

  static void print(Session manager, Production p, LocalDate day, Path svg, PrintWriter out) {
    ScheduleApi schedule = manager.schedule();
    WorkCalendar cal = schedule.calendar(List.of());
    Scope project = Scope.of(p.project());

    List<TaskLateness> lateness = schedule.lateness(project, day, ZoneOffset.UTC, cal);
    long lateVsDone = lateness.stream().filter(TaskLateness::lateVsDone).count();
    long lateVsFeedback = lateness.stream().filter(TaskLateness::lateVsFeedback).count();
    long overEstimate = lateness.stream().filter(TaskLateness::overEstimate).count();
    out.printf("%nRisk report on %s%n", day);
    out.printf("  Late: %,d tasks not done past their due date (%,d not even sent for review); %,d over their "
        + "estimate%n", lateVsDone, lateVsFeedback, overEstimate);

    List<AtRisk> risks = schedule.atRisk(project, day, cal);
    out.printf("  At risk: %,d open tasks will not fit their assignees' time before their due date; the 10 "
        + "soonest due%n", risks.size());
    for (AtRisk r : risks.subList(0, Math.min(10, risks.size()))) {
      Task t = manager.task().getTask(r.task());
      out.printf("    %-34s due %s  short by %5.1f h for %-18s %s%n", label(manager, t), t.dueDate(),
          r.shortfall().toMinutes() / 60.0, name(manager, r.tightestAssignee()),
          r.reasons().stream().map(Enum::name).sorted().map(s -> s.toLowerCase(java.util.Locale.ROOT))
              .collect(Collectors.joining(", ")));
    }

    LocalDate to = cal.addWorkingDays(null, day, WORKLOAD_WINDOW_DAYS - 1);
    WorkloadGrid grid = schedule.workloadGrid(project, day, to, cal);
    List<PersonId> overbooked = grid.overbookedPeople();
    out.printf("  Overbooked: %,d of %,d people have more work than hours between %s and %s; the 10 most%n",
        overbooked.size(), grid.people().size(), day, to);
    grid.people().stream().filter(w -> !w.overbooked().isEmpty())
        .sorted(java.util.Comparator.comparing((Workload w) -> overload(w)).reversed()
            .thenComparing(w -> w.person().value()))
        .limit(10)
        .forEach(w -> out.printf("    %-24s %2d overbooked days, %6.1f h over capacity%n", name(manager, w.person()),
            w.overbooked().size(), overload(w) / 60.0));

    EarnedValue ev = schedule.earnedValue(project, day, EarningRule.ZERO_HUNDRED, ZoneOffset.UTC, cal);
    out.printf("  Earned value (person-days): BAC %,.1f  PV %,.1f  EV %,.1f  AC %,.1f  SPI %s  CPI %s%n", ev.bac(),
        ev.pv(), ev.ev(), ev.ac(), ratio(ev.spi()), ratio(ev.cpi()));
    Forecast f = schedule.forecast(project, day, 20, ZoneOffset.UTC, cal);
    if (f.complete()) {
      out.printf("  Forecast: complete%n");
    } else if (f.predictedEnd().isEmpty()) {
      out.printf("  Forecast: none (nothing earned over the last %d working days)%n", f.windowWorkingDays());
    } else {
      out.printf("  Forecast: %,.1f person-days left at %,.2f a day (last %d working days): ends %s%s%n",
          f.remaining(), f.velocity(), f.windowWorkingDays(), f.predictedEnd().get(),
          f.slipWorkingDays().isPresent() ? String.format(" (%+d working days against the project's end)",
              f.slipWorkingDays().getAsLong()) : "");
    }

    Entity sequence = manager.entity().getEntity(p.sequences().get(0));
    Timeline timeline = schedule.timeline(project.withSequence(sequence.id()), day, ZoneOffset.UTC, cal);
    List<TimelineBar> rows = GanttSvg.outline(timeline);
    String document = GanttSvg.render("Sequence " + sequence.name() + " on " + day, rows, day);
    try {
      Path parent = svg.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(svg, document, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Gantt chart to " + svg, e);
    }
    long late = rows.stream().filter(r -> r.level().equals("task") && r.late()).count();
    out.printf("%nGantt chart of sequence %s (%,d rows, %,d late tasks in red): %s%n", sequence.name(), rows.size(),
        late, svg.toAbsolutePath());
  }

  private static long overload(Workload w) {
    return w.overbooked().stream().mapToLong(d -> d.overload().toMinutes()).sum();
  }

  private static String ratio(OptionalDouble r) {
    return r.isPresent() ? String.format("%.2f", r.getAsDouble()) : "-";
  }

  private static String label(Session s, Task t) {
    Entity e = s.entity().getEntity(t.entityId());
    String parent = e.parentId() == null ? "" : s.entity().getEntity(e.parentId()).name() + " ";
    return parent + e.name() + " / " + s.task().getTaskType(t.taskTypeId()).name();
  }

  private static String name(Session s, PersonId id) {
    return s.person().getPerson(id).fullName();
  }
}
