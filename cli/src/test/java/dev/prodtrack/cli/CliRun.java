package dev.prodtrack.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Runs the command line in a test: a fixed clock, captured stdout and stderr.
 *
 * @param code the exit code
 * @param out what was printed on stdout
 * @param err what was printed on stderr
 */
record CliRun(int code, String out, String err) {

  /** The clock tests run on unless they pass their own: 2025-07-01 09:00 UTC (after the test kit's day). */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T09:00:00Z"), ZoneOffset.UTC);

  /**
   * Runs {@code prodtrack args} on {@link #CLOCK}.
   *
   * @param args the arguments
   * @return the result
   */
  static CliRun run(String... args) {
    return run(new Main(CLOCK), args);
  }

  /**
   * Runs {@code prodtrack args} on a given root command.
   *
   * @param main the root command (its clock)
   * @param args the arguments
   * @return the result
   */
  static CliRun run(Main main, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
