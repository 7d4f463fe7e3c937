package dev.prodtrack.cli;

/**
 * A command refused its input (an unknown project, a bad file name, a cycle in the task links...). The
 * message is one line for stderr; the command line exits with code 1.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }
}
