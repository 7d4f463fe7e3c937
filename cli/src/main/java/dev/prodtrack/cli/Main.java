package dev.prodtrack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code prodtrack} command: subcommands over prodtrack's engine. */
@Command(name = "prodtrack", mixinStandardHelpOptions = true, version = "prodtrack 0.1.0-SNAPSHOT",
    description = "An embeddable, in-memory production tracker that behaves like Kitsu.",
    subcommands = {DemoCommand.class, TimelineCommand.class, BurndownCommand.class, EvmCommand.class,
        ForecastCommand.class, CriticalPathCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line without exiting, for tests.
   *
   * @param args the arguments
   * @return the exit code
   */
  public static int run(String... args) {
    return run(null, null, args);
  }

  /**
   * Runs the command line without exiting, writing to the given streams, for tests.
   *
   * @param out standard output, or null for {@code System.out}
   * @param err standard error, or null for {@code System.err}
   * @param args the arguments
   * @return the exit code
   */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    if (out != null) {
      cl.setOut(out);
    }
    if (err != null) {
      cl.setErr(err);
    }
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + message.replace('\n', ' '));
      cmd.getErr().flush();
      return 1;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
