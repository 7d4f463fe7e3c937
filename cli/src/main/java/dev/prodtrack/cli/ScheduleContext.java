package dev.prodtrack.cli;

import dev.prodtrack.Session;
import dev.prodtrack.model.Project;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.WorkCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the schedule commands (timeline, burndown, evm, forecast, critical-path, risk, workload) read
 * from: the store opened as the acting person ({@link StoreOptions}), the project ({@link ProjectOption}), the scope
 * ({@link ScopeOptions}), the as-of day ({@link AsOfOption}) and the working-day calendar (Monday to
 * Friday, the engine's hours per day, the people's days off and the {@link HolidayOption} holidays). Closing it closes the store.
 */
final class ScheduleContext implements AutoCloseable {
  final StoreOptions.OpenStore store;
  final Session session;
  final Project project;
  final Scope scope;
  final LocalDate asOf;
  final WorkCalendar calendar;

  private ScheduleContext(StoreOptions.OpenStore store, Project project, Scope scope, LocalDate asOf,
      List<LocalDate> holidays) {
    this.store = store;
    this.session = store.session();
    this.project = project;
    this.scope = scope;
    this.asOf = asOf;
    this.calendar = session.schedule().calendar(holidays);
  }

  /**
   * Opens the store and resolves the options.
   *
   * @throws CommandFailedException (exit code 2) for a store that cannot be opened or a name that matches
   *     nothing; the store is closed again
   */
  static ScheduleContext open(StoreOptions store, ProjectOption project, ScopeOptions scope, AsOfOption asOf,
      HolidayOption holidays) {
    StoreOptions.OpenStore open = store.open();
    try {
      Project p = project.resolve(open.session());
      return new ScheduleContext(open, p, scope.resolve(open.session(), p), asOf.date(), holidays.dates());
    } catch (RuntimeException e) {
      open.close();
      throw e;
    }
  }

  /**
   * The scope in words, for chart titles: empty for the whole project, else {@code " — sequence SQ010, ..."}.
   *
   * @return the text
   */
  String scopeName() {
    StringBuilder sb = new StringBuilder();
    if (scope.episode() != null) {
      sb.append(", episode ").append(session.entity().getEntity(scope.episode()).name());
    }
    if (scope.sequence() != null) {
      sb.append(", sequence ").append(session.entity().getEntity(scope.sequence()).name());
    }
    if (scope.taskType() != null) {
      sb.append(", task type ").append(session.task().getTaskType(scope.taskType()).name());
    }
    if (scope.department() != null) {
      session.person().allDepartments().stream().filter(d -> d.id().equals(scope.department())).findFirst()
          .ifPresent(d -> sb.append(", department ").append(d.name()));
    }
    if (scope.person() != null) {
      sb.append(", person ").append(session.person().getPerson(scope.person()).fullName());
    }
    return sb.length() == 0 ? "" : " \u2014" + sb.substring(1);
  }

  /** Person-days with two decimals, for chart captions. */
  static String days(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  @Override
  public void close() {
    store.close();
  }
}
