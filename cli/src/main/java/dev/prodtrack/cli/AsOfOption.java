package dev.prodtrack.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --as-of DATE} option of the report commands: the day the report looks from. Add it with
 * {@code @Mixin AsOfOption asOf;} and call {@link #date()}.
 */
public final class AsOfOption {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "The day the report looks from, as an ISO date (2026-11-30). Default: today (UTC).")
  LocalDate asOf;

  /**
   * The date given, or today in UTC by the command line's clock.
   *
   * @return the date
   */
  public LocalDate date() {
    return asOf != null ? asOf : LocalDate.ofInstant(Main.of(mixee).clock().instant(), ZoneOffset.UTC);
  }
}
