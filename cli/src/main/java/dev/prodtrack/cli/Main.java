package dev.prodtrack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code prodtrack} command: subcommands over prodtrack's engine. */
@Command(name = "prodtrack", mixinStandardHelpOptions = true, version = "prodtrack 0.1.0-SNAPSHOT",
    description = "An embeddable, in-memory production tracker that behaves like Kitsu.",
    subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
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
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("prodtrack: " + e.getMessage());
      return 1;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
