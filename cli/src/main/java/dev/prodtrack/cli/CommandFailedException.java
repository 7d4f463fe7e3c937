package dev.prodtrack.cli;

/**
 * A command ends with one line on stderr and a non-zero exit code: {@link ExitCode#USAGE} (2) when the
 * input is wrong (a missing store, an unknown project, a bad date), {@link ExitCode#FAILED} (1) when a
 * valid request could not be carried out (an import refused, a file that cannot be written). Thrown by
 * commands and the shared options; {@link Main} prints {@code prodtrack <command>: <message>} and
 * returns the code.
 */
public final class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * Creates the exception.
   *
   * @param exitCode {@link ExitCode#FAILED} or {@link ExitCode#USAGE}
   * @param message one line: what failed, which and why
   * @throws IllegalArgumentException if the exit code is not 1 or 2
   */
  public CommandFailedException(int exitCode, String message) {
    super(message);
    if (exitCode != ExitCode.FAILED && exitCode != ExitCode.USAGE) {
      throw new IllegalArgumentException("exitCode must be 1 or 2: " + exitCode);
    }
    this.exitCode = exitCode;
  }

  /**
   * A usage or input error (exit code 2).
   *
   * @param message the one-line message
   * @return the exception
   */
  public static CommandFailedException usage(String message) {
    return new CommandFailedException(ExitCode.USAGE, message);
  }

  /**
   * A failed operation (exit code 1).
   *
   * @param message the one-line message
   * @return the exception
   */
  public static CommandFailedException failed(String message) {
    return new CommandFailedException(ExitCode.FAILED, message);
  }

  /**
   * The exit code the command ends with.
   *
   * @return 1 or 2
   */
  public int exitCode() {
    return exitCode;
  }
}
