package dev.prodtrack.cli;

import dev.prodtrack.storage.StorageException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code prodtrack} command: subcommands over prodtrack's engine.
 *
 * <p>Exit codes (see {@link ExitCode}): 0 success, 1 the operation failed, 2 usage or input error. Errors
 * are one line on stderr, {@code prodtrack <command>: <message>}; a {@link CommandFailedException} carries
 * its code, a {@link StorageException} raised while a store is in use exits 1, picocli's parameter errors
 * exit 2 with the usage.
 */
@Command(name = "prodtrack", mixinStandardHelpOptions = true, version = "prodtrack 0.1.0-SNAPSHOT",
    description = "An embeddable, in-memory production tracker that behaves like Kitsu.",
    footer = {
        "",
        "Exit codes:",
        "  0  success",
        "  1  the operation failed (e.g. an import refused, a file not written)",
        "  2  usage or input error (unknown option, bad value; store missing, not a store, locked or corrupt; "
            + "unknown or ambiguous project, person, sequence...)"},
    subcommands = {
        DemoCommand.class,
        ImportCommand.class,
        ExportCommand.class,
        VerifyCommand.class,
        LateCommand.class,
        RiskCommand.class,
        WorkloadCommand.class,
        QuotasCommand.class,
        TimelineCommand.class,
        BurndownCommand.class,
        EvmCommand.class,
        ForecastCommand.class,
        CriticalPathCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandSpec spec;

  private final Clock clock;

  /** The command line on the system clock. */
  public Main() {
    this(Clock.systemUTC());
  }

  /**
   * The command line on a given clock (tests fix "today" and the engine's time with it).
   *
   * @param clock the clock; not null
   */
  public Main(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line on the system clock, printing to the standard streams, without exiting.
   *
   * @param args the arguments
   * @return the exit code: 0 success, 1 the operation failed, 2 usage or input error
   */
  public static int run(String... args) {
    return new Main().execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /**
   * Runs the command line on the system clock with the given streams, without exiting (for tests).
   *
   * @param out standard output, or null for {@code System.out}
   * @param err standard error, or null for {@code System.err}
   * @param args the arguments
   * @return the exit code: 0 success, 1 the operation failed, 2 usage or input error
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return new Main().execute(out != null ? out : new PrintWriter(System.out, true),
        err != null ? err : new PrintWriter(System.err, true), args);
  }

  /**
   * Runs the command line on this instance's clock with the given streams, without exiting (for tests and
   * embedding). Both writers are flushed before returning.
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit code: 0 success, 1 the operation failed, 2 usage or input error
   */
  public int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(this);
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The picocli command line over a {@code Main}, configured as {@link #execute} runs it: case-insensitive
   * enum values ({@code --format csv}), the error handler mapping exceptions to exit codes, and the exit-code
   * footer on every subcommand's help.
   *
   * @param main the root command
   * @param extraSubcommands more subcommands to add before configuring (tests add probes)
   * @return the command line
   */
  static CommandLine commandLine(Main main, Object... extraSubcommands) {
    CommandLine cl = new CommandLine(main);
    for (Object sub : extraSubcommands) {
      cl.addSubcommand(sub);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      String name = cmd.getCommandSpec().qualifiedName();
      if (e instanceof CommandFailedException f) {
        cmd.getErr().println(name + ": " + f.getMessage());
        return f.exitCode();
      }
      if (e instanceof StorageException s) {
        cmd.getErr().println(name + ": the store failed (" + s.reason() + "): " + s.getMessage());
        return ExitCode.FAILED;
      }
      String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      cmd.getErr().println(name + ": " + message.replace('\n', ' '));
      return ExitCode.FAILED;
    });
    for (CommandLine sub : cl.getSubcommands().values()) {
      CommandSpec s = sub.getCommandSpec();
      if (s.usageMessage().footer().length == 0) {
        s.usageMessage().footer(ExitCode.FOOTER);
      } else if (!String.join("\n", s.usageMessage().footer()).contains("Exit codes:")) {
        String[] old = s.usageMessage().footer();
        String[] merged = new String[old.length + ExitCode.FOOTER.length];
        System.arraycopy(old, 0, merged, 0, old.length);
        System.arraycopy(ExitCode.FOOTER, 0, merged, old.length, ExitCode.FOOTER.length);
        s.usageMessage().footer(merged);
      }
    }
    return cl;
  }

  /**
   * The {@code Main} a subcommand or mixin runs under.
   *
   * @param spec the spec of the command (for a mixin: its mixee)
   * @return the root command
   * @throws IllegalStateException if the command is not run under a {@code Main}
   */
  static Main of(CommandSpec spec) {
    Object root = spec.root().userObject();
    if (root instanceof Main m) {
      return m;
    }
    throw new IllegalStateException("the command " + spec.qualifiedName() + " must run under prodtrack's Main");
  }

  /**
   * The clock: "today" for {@code --as-of} defaults and the engine's time.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
