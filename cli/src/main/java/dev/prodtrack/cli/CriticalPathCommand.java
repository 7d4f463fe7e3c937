package dev.prodtrack.cli;

import dev.prodtrack.Session;
import dev.prodtrack.UnknownIdException;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.schedule.CpmTask;
import dev.prodtrack.schedule.CriticalPath;
import dev.prodtrack.schedule.DependencyCycleException;
import dev.prodtrack.schedule.TaskLink;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prodtrack critical-path}: the chain of tasks that sets the end, with every task's slack. */
@Command(name = "critical-path", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Print the critical path of a project (or a narrower scope): the tasks whose delay delays the end.",
        "",
        "The network: within each shot or asset, every task of a task type waits for the tasks of the "
            + "previous task type in the project's pipeline order (finish to start); on top come the "
            + "dependencies stored in the project and any --link given here (a link replaces the pipeline "
            + "link of the same pair). A task lasts the working days from its start to its due date, else "
            + "its estimation in days rounded up, else one day (then it is flagged unestimated). Every task "
            + "is scheduled as early as its links allow from --start (forward pass), then as late as the "
            + "finish, or --deadline, allows (backward pass). Total float is the slack in working days before "
            + "the end moves (negative when --deadline is too early); free float the slack before the next "
            + "task moves. A task is critical when its total float is at most --threshold.",
        "",
        "Rows, in schedule order: task_id, task, duration, early_start, early_finish, late_start, "
            + "late_finish, total_float, free_float, critical, unestimated. Only the critical tasks unless "
            + "--all. The table format adds a summary line.",
        "",
        "Links that form a cycle make the path undefined: the command prints one line naming the tasks of "
            + "the cycle and exits with 1. An empty scope exits with 1 too.",
        ""},
    footer = {"", "Examples:",
        "  prodtrack critical-path --store studio --project \"Big Buck\" --sequence SQ010",
        "  prodtrack critical-path --store studio --deadline 2025-09-30 --all",
        "  prodtrack critical-path --store studio --link 5d2c...:8e1f...:FS:2"})
final class CriticalPathCommand implements Callable<Integer> {
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

  @Mixin
  FormatOption format;

  @Option(names = "--start", paramLabel = "DATE",
      description = "First day of the schedule (default: the project's start date, else the earliest task start).")
  LocalDate start;

  @Option(names = "--deadline", paramLabel = "DATE",
      description = "Deadline of the backward pass (default: the computed finish, so the critical tasks have "
          + "zero float).")
  LocalDate deadline;

  @Option(names = "--threshold", paramLabel = "DAYS", defaultValue = "0",
      description = "Total float, in working days, at or below which a task is critical (default: ${DEFAULT-VALUE}).")
  long threshold;

  @Option(names = "--all", description = "List every task of the scope, not only the critical ones.")
  boolean all;

  @Option(names = "--link", paramLabel = "PRED:SUCC[:TYPE[:LAG]]",
      description = "An extra dependency for this analysis only (not stored): task ids, TYPE FS (default), SS, "
          + "FF or SF, LAG in working days (default 0). Repeatable.")
  List<String> links = new ArrayList<>();

  @Override
  public Integer call() {
    List<TaskLink> extra = new ArrayList<>();
    for (String l : links) {
      extra.add(link(l));
    }
    try (ScheduleContext o = ScheduleContext.open(store, project, scope, asOf, holidays)) {
      for (TaskLink l : extra) {
        requireTask(o.session, l.predecessor(), "--link");
        requireTask(o.session, l.successor(), "--link");
      }
      CriticalPath path;
      try {
        path = o.session.schedule().criticalPath(o.scope, start, deadline, threshold, extra, o.calendar);
      } catch (DependencyCycleException e) {
        throw CommandFailedException.failed("task links form a cycle, the critical path is undefined: " + e.cycle().stream()
            .map(id -> id + " (" + label(o.session, id) + ")").collect(Collectors.joining(" -> "))
            + " -> " + e.cycle().get(0));
      } catch (IllegalArgumentException e) {
        throw CommandFailedException.failed(e.getMessage());
      }
      Table table = new Table("task_id", "task", "duration", "early_start", "early_finish",
          "late_start", "late_finish", "total_float", "free_float", "critical", "unestimated");
      for (CpmTask t : path.tasks()) {
        if (all || t.critical()) {
          table.add(t.task().toString(), label(o.session, t.task()), t.duration(), t.earlyStart().toString(),
              t.earlyFinish().toString(), t.lateStart().toString(), t.lateFinish().toString(), t.totalFloat(),
              t.freeFloat(), t.critical(), t.unestimated());
        }
      }
      PrintWriter w = spec.commandLine().getOut();
      format.print(table, w);
      if (format.format() == FormatOption.Format.TABLE) {
        w.printf("%nFinish %s; %,d critical of %,d tasks (total float <= %d working days).%n", path.finish(),
            path.critical().size(), path.tasks().size(), threshold);
        w.flush();
      }
      return 0;
    }
  }

  private static TaskLink link(String spec) {
    String[] parts = spec.split(":");
    if (parts.length < 2 || parts.length > 4) {
      throw CommandFailedException.usage("--link " + spec + ": expected PRED:SUCC[:TYPE[:LAG]]");
    }
    try {
      TaskId pred = new TaskId(UUID.fromString(parts[0].strip()));
      TaskId succ = new TaskId(UUID.fromString(parts[1].strip()));
      TaskLink.Type type = parts.length > 2 ? TaskLink.Type.valueOf(parts[2].strip().toUpperCase(Locale.ROOT))
          : TaskLink.Type.FS;
      int lag = parts.length > 3 ? Integer.parseInt(parts[3].strip()) : 0;
      return new TaskLink(pred, succ, type, lag);
    } catch (IllegalArgumentException e) {
      throw CommandFailedException.usage("--link " + spec + ": expected PRED:SUCC[:TYPE[:LAG]] with task ids, TYPE one of FS, "
          + "SS, FF, SF and an integer LAG (" + e.getMessage() + ")");
    }
  }

  private static void requireTask(Session s, TaskId id, String option) {
    try {
      s.task().getTask(id);
    } catch (UnknownIdException e) {
      throw CommandFailedException.usage(option + ": no task " + id);
    }
  }

  static String label(Session s, TaskId id) {
    Task t = s.task().getTask(id);
    Entity e = s.entity().getEntity(t.entityId());
    String parent = e.parentId() == null ? "" : s.entity().getEntity(e.parentId()).name() + " ";
    return parent + e.name() + " / " + s.task().getTaskType(t.taskTypeId()).name();
  }
}
