package dev.prodtrack.cli;

import dev.prodtrack.kitsu.KitsuVerify;
import dev.prodtrack.model.Task;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prodtrack verify --store PATH}: the tasks whose derived fields disagree with their comments. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {
        "List the tasks whose stored status, real start date, end date, done date or retake count "
            + "disagree with a replay of their comment history through Kitsu's status machine.",
        "",
        "A real Kitsu database often has such drift (statuses edited by hand, comments deleted, scripts "
            + "writing tasks directly); an imported dump keeps it as it is, and this report shows it. One row "
            + "per drifted field: the task, the field, the stored value and the replayed value. The count "
            + "(drifted tasks of tasks checked) follows the table, or goes to stderr with --format csv|json. "
            + "Drift is a finding, not a failure: the exit code is 0. The store is only read."},
    footer = {
        "",
        "Examples:",
        "  prodtrack verify --store ~/stores/dragon",
        "  prodtrack verify --store ~/stores/dragon --format csv > drift.csv"})
final class VerifyCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  StoreOptions store;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "Print at most N drifted tasks (default: 0, all).")
  int limit;

  @Mixin
  FormatOption format;

  @Override
  public Integer call() {
    if (limit < 0) {
      throw CommandFailedException.usage("--limit must be 0 (all) or more, was " + limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (StoreOptions.OpenStore open = store.open()) {
      KitsuVerify.Report report = KitsuVerify.verify(open.engine());
      TaskLabels labels = new TaskLabels(open.session());
      Table table = new Table("task_id", "task", "field", "stored", "replayed");
      int shown = 0;
      for (KitsuVerify.TaskDrift d : report.drifts()) {
        if (limit > 0 && shown == limit) {
          break;
        }
        shown++;
        for (KitsuVerify.Field f : KitsuVerify.Field.values()) {
          if (d.fields().contains(f)) {
            table.add(d.taskId().toString(), labels.task(d.stored()), f.name().toLowerCase(Locale.ROOT),
                value(f, d.stored(), labels), value(f, d.replayed(), labels));
          }
        }
      }
      format.print(table, out);
      format.summary(String.format(Locale.ROOT, "%,d of %,d tasks drift%s.", report.drifts().size(), report.tasksChecked(),
          shown < report.drifts().size() ? " (" + shown + " shown)" : ""), out, err);
    }
    return ExitCode.OK;
  }

  private static Object value(KitsuVerify.Field field, Task t, TaskLabels labels) {
    return switch (field) {
      case STATUS -> labels.status(t.taskStatusId());
      case REAL_START_DATE -> t.realStartDate();
      case END_DATE -> t.endDate();
      case DONE_DATE -> t.doneDate();
      case RETAKE_COUNT -> t.retakeCount();
    };
  }
}
