package dev.prodtrack.cli;

/**
 * The exit codes of every {@code prodtrack} command, shown in each {@code --help} footer:
 * {@value #OK} success, {@value #FAILED} the operation failed, {@value #USAGE} a usage or input error.
 */
public final class ExitCode {
  /** The command did what was asked (a report with findings still exits 0). */
  public static final int OK = 0;
  /** A valid request failed: an import refused, a file not written, a store that fails while in use. */
  public static final int FAILED = 1;
  /**
   * Usage or input error: unknown option, bad value, missing/locked/corrupt store, unknown or ambiguous
   * project, person, sequence...
   */
  public static final int USAGE = 2;

  /** The footer lines every command's help ends with. */
  static final String[] FOOTER = {
      "",
      "Exit codes:",
      "  0  success",
      "  1  the operation failed (e.g. an import refused, a file not written)",
      "  2  usage or input error (unknown option, bad value; store missing, not a store, locked or "
          + "corrupt; unknown or ambiguous project, person, sequence...)"};

  private ExitCode() {}
}
