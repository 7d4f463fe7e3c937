package dev.prodtrack.cli;

import dev.prodtrack.Session;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Task;
import dev.prodtrack.schedule.LateTasks;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.TaskLateness;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prodtrack late}: how many tasks are late, and the most late. */
@Command(name = "late", mixinStandardHelpOptions = true,
    description = {
        "Count the late tasks of a project as of a day and list the most late.",
        "",
        "A task is late when its due date is before the day and it has no done date (Kitsu's open-tasks rule, "
            + "as its \"late\" filter). The most late come first (earliest due date, then id), with their status, "
            + "due date, calendar days late and assignees. The count follows the table, or goes to stderr with "
            + "--format csv|json. Without scope filters the answer comes from the engine's index of undone tasks "
            + "by due date; with filters, from the scope's tasks."},
    footer = {
        "",
        "Examples:",
        "  prodtrack late --store ~/stores/dragon",
        "  prodtrack late --store ~/stores/dragon --project Dragon --as-of 2025-06-30 --sequence SQ010 --limit 5",
        "  prodtrack late --store ~/stores/dragon --person ada@studio.test --format json"})
final class LateCommand implements Callable<Integer> {

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

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "List at most N tasks, the most late first (default: ${DEFAULT-VALUE}; 0 lists none, only the "
          + "count).")
  int limit;

  @Mixin
  FormatOption format;

  @Override
  public Integer call() {
    if (limit < 0) {
      throw CommandFailedException.usage("--limit must be 0 or more, was " + limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (StoreOptions.OpenStore open = store.open()) {
      Session session = open.session();
      Project p = project.resolve(session);
      LocalDate day = asOf.date();
      LateTasks late = scope.narrowed() ? lateInScope(session, scope.resolve(session, p), day)
          : session.schedule().lateTasks(p.id(), day, limit);
      TaskLabels labels = new TaskLabels(session);
      Table table = new Table("task_id", "task", "status", "due_date", "days_late", "assignees");
      for (Task t : late.mostLate()) {
        table.add(t.id().toString(), labels.task(t), labels.status(t.taskStatusId()), t.dueDate(),
            ChronoUnit.DAYS.between(t.dueDate(), day), labels.assignees(t));
      }
      format.print(table, out);
      format.summary(String.format(Locale.ROOT, "%,d tasks of %s late on %s%s.", late.count(), p.name(), day,
          late.count() > late.mostLate().size() ? " (" + late.mostLate().size() + " most late shown)" : ""), out, err);
    }
    return ExitCode.OK;
  }

  private LateTasks lateInScope(Session session, Scope s, LocalDate day) {
    List<TaskLateness> rules = session.schedule().lateness(s, day, ZoneOffset.UTC,
        session.schedule().calendar(holidays.dates()));
    List<Task> late = new ArrayList<>();
    for (TaskLateness l : rules) {
      if (l.lateOpen()) {
        late.add(session.task().getTask(l.task()));
      }
    }
    late.sort(Comparator.comparing(Task::dueDate).thenComparing(t -> t.id().value()));
    return new LateTasks(late.size(), late.subList(0, Math.min(limit, late.size())));
  }
}
