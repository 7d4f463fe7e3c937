package dev.prodtrack.cli;

import dev.prodtrack.schedule.Forecast;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prodtrack forecast}: the predicted end from the recent velocity. */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Predict when a project (or a narrower scope) will end, from its recent velocity.",
        "",
        "The velocity is the earned value (0/100 rule, person-days) gained per working day over the last "
            + "--window working days up to --as-of. The remaining work (the estimation not yet earned) "
            + "divided by the velocity, rounded up, gives the working days left; the predicted end is that "
            + "many working days after --as-of. The slip is the number of working days from the project's "
            + "end date to the predicted end (positive = late; empty without an end date).",
        "",
        "One row: as_of, window, velocity, remaining, status, predicted_end, slip_working_days. Status is "
            + "'forecast', 'complete' (nothing remains) or 'no forecast' (nothing was earned over the window: "
            + "the end cannot be predicted, predicted_end is empty).",
        ""},
    footer = {"", "Examples:",
        "  prodtrack forecast --store studio --project \"Big Buck\" --as-of 2025-06-30",
        "  prodtrack forecast --store studio --sequence SQ010 --window 40 --format json"})
final class ForecastCommand implements Callable<Integer> {
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

  @Option(names = "--window", paramLabel = "DAYS", defaultValue = "20",
      description = "The trailing window of the velocity, in working days (default: ${DEFAULT-VALUE}).")
  int window;

  @Override
  public Integer call() {
    if (window <= 0) {
      throw CommandFailedException.usage("--window " + window + ": expected a number of working days above 0");
    }
    try (ScheduleContext o = ScheduleContext.open(store, project, scope, asOf, holidays)) {
      Forecast f = o.session.schedule().forecast(o.scope, o.asOf, window, ZoneOffset.UTC, o.calendar);
      String status = f.complete() ? "complete" : f.predictedEnd().isPresent() ? "forecast" : "no forecast";
      Table table = new Table("as_of", "window", "velocity", "remaining", "status", "predicted_end",
          "slip_working_days");
      table.add(f.asOf().toString(), f.windowWorkingDays(), f.velocity(), f.remaining(), status,
          f.predictedEnd().map(Object::toString).orElse(null),
          f.slipWorkingDays().isPresent() ? (Object) f.slipWorkingDays().getAsLong() : null);
      PrintWriter w = spec.commandLine().getOut();
      format.print(table, w);
      return 0;
    }
  }
}
