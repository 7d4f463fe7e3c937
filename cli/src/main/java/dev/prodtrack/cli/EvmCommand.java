package dev.prodtrack.cli;

import dev.prodtrack.schedule.EarnedValue;
import dev.prodtrack.schedule.EarningRule;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prodtrack evm}: earned-value measures on a day, or as a daily series. */
@Command(name = "evm", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Print the earned-value measures of a project (or a narrower scope) on a day, in person-days.",
        "",
        "BAC is the summed estimation; PV the part planned to be done by the day (each task's estimation "
            + "spread over the working days from its start to its due date); EV the part earned by the day "
            + "(--rule); AC the time spent up to the day. Then SV = EV - PV, CV = EV - AC, SPI = EV / PV, "
            + "CPI = EV / AC, three estimates at completion (EAC = BAC / CPI; AC + (BAC - EV); "
            + "AC + (BAC - EV) / (CPI x SPI)), for each the estimate to complete ETC = EAC - AC and the "
            + "variance at completion VAC = BAC - EAC, and TCPI = (BAC - EV) / (BAC - AC). A ratio whose "
            + "denominator is zero is undefined: '-' in a table, empty in CSV, null in JSON. With --person, "
            + "estimations are split evenly among each task's assignees and AC is that person's own time.",
        "",
        "Without --series: one row per measure (measure, value, unestimated and unscheduled task counts "
            + "come last). With --series FROM TO: one row per working day of the range, one column per "
            + "measure.",
        ""},
    footer = {"", "Examples:",
        "  prodtrack evm --store studio --project \"Big Buck\" --as-of 2025-06-30",
        "  prodtrack evm --store studio --department Animation \\",
        "      --series 2025-01-01 2025-06-30 --format csv"})
final class EvmCommand implements Callable<Integer> {
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

  @Option(names = "--rule", paramLabel = "RULE", defaultValue = "zero-hundred",
      description = "When a task's estimation is earned: zero-hundred (when done, the default), feedback "
          + "(when sent for review) or fifty-fifty (half at the real start, half when done).")
  String rule;

  @Option(names = "--series", arity = "2", paramLabel = "DATE",
      description = "Print the measures for every working day from the first DATE to the second instead.")
  List<LocalDate> series;

  static final List<String> SERIES_COLUMNS = List.of("day", "bac", "pv", "ev", "ac", "sv", "cv", "spi", "cpi",
      "eac_cpi", "eac_budget_rate", "eac_cpi_spi", "etc_cpi", "etc_budget_rate", "etc_cpi_spi", "vac_cpi",
      "vac_budget_rate", "vac_cpi_spi", "tcpi", "unestimated", "unscheduled");

  @Override
  public Integer call() {
    EarningRule earning = rule(rule);
    if (series != null && series.get(1).isBefore(series.get(0))) {
      throw CommandFailedException.usage("--series " + series.get(0) + " " + series.get(1) + ": the range ends before it starts");
    }
    try (ScheduleContext o = ScheduleContext.open(store, project, scope, asOf, holidays)) {
      PrintWriter w = spec.commandLine().getOut();
      if (series != null) {
        List<EarnedValue> days = o.session.schedule().earnedValueSeries(o.scope, series.get(0), series.get(1),
            earning, ZoneOffset.UTC, o.calendar);
        Table table = new Table(SERIES_COLUMNS.toArray(String[]::new));
        for (EarnedValue ev : days) {
          table.add(values(ev));
        }
        format.print(table, w);
        return 0;
      }
      EarnedValue ev = o.session.schedule().earnedValue(o.scope, o.asOf, earning, ZoneOffset.UTC, o.calendar);
      Object[] v = values(ev);
      Table table = new Table("measure", "value");
      for (int i = 0; i < v.length; i++) {
        table.add(SERIES_COLUMNS.get(i), v[i]);
      }
      format.print(table, w);
      return 0;
    }
  }

  static Object[] values(EarnedValue ev) {
    OptionalDouble eacCpi = ev.eacByCpi();
    double eacBudget = ev.eacAtBudgetRate();
    OptionalDouble eacCpiSpi = ev.eacByCpiSpi();
    return new Object[] {ev.day().toString(), ev.bac(), ev.pv(), ev.ev(), ev.ac(), ev.sv(), ev.cv(), opt(ev.spi()),
        opt(ev.cpi()), opt(eacCpi), eacBudget, opt(eacCpiSpi), minus(eacCpi, ev.ac()), eacBudget - ev.ac(),
        minus(eacCpiSpi, ev.ac()), from(ev.bac(), eacCpi), ev.bac() - eacBudget, from(ev.bac(), eacCpiSpi),
        opt(ev.tcpi()), ev.unestimated(), ev.unscheduled()};
  }

  private static Double opt(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }

  private static Double minus(OptionalDouble v, double x) {
    return v.isPresent() ? v.getAsDouble() - x : null;
  }

  private static Double from(double x, OptionalDouble v) {
    return v.isPresent() ? x - v.getAsDouble() : null;
  }

  static EarningRule rule(String name) {
    return switch (name) {
      case "zero-hundred" -> EarningRule.ZERO_HUNDRED;
      case "feedback" -> EarningRule.FEEDBACK_COUNTS;
      case "fifty-fifty" -> EarningRule.FIFTY_FIFTY;
      default -> throw CommandFailedException.usage("--rule " + name + ": expected zero-hundred, feedback or fifty-fifty");
    };
  }
}
