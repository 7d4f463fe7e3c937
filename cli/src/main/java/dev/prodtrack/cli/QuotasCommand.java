package dev.prodtrack.cli;

import dev.prodtrack.Session;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.schedule.Quotas;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prodtrack quotas}: frames, seconds and shots delivered per person per day, week or month. */
@Command(name = "quotas", mixinStandardHelpOptions = true,
    description = {
        "Show the quotas of a project's shot tasks: frames, seconds (frames / project fps), drawings and shots "
            + "credited per person and per day, ISO week or month, with a \"total\" line per period, as "
            + "Kitsu's quotas page.",
        "",
        "A task counts when it was delivered: sent for review (its end date, --delivery feedback, the "
            + "default \"first take\" quota) or approved (its done date, --delivery approval). --mode weighted "
            + "(the default) credits the frames along the task's time spents (to whoever logged the time, on "
            + "that day), or, without time spents, spreads them evenly over the working days from the real "
            + "start to the delivery; --mode raw credits everything on the delivery day to each assignee. "
            + "Shares are rounded half to even. The \"total\" line counts each delivery once.",
        "",
        "--from/--to keep the credits of those days (inclusive). The grand total follows the table, or goes "
            + "to stderr with --format csv|json."},
    footer = {
        "",
        "Examples:",
        "  prodtrack quotas --store ~/stores/dragon --per week",
        "  prodtrack quotas --store ~/stores/dragon --mode raw --delivery approval --per month --format csv",
        "  prodtrack quotas --store ~/stores/dragon --task-type Animation --from 2025-06-01 --to 2025-06-30"})
final class QuotasCommand implements Callable<Integer> {

  /** The period credits are summed over. */
  enum Period {
    /** A day, {@code YYYY-MM-DD}. */
    DAY,
    /** An ISO week, {@code <week-based year>-<week>}. */
    WEEK,
    /** A month, {@code YYYY-MM}. */
    MONTH
  }

  @Spec
  CommandSpec spec;

  @Mixin
  StoreOptions store;

  @Mixin
  ProjectOption project;

  @Mixin
  HolidayOption holidays;

  @Mixin
  ScopeOptions scope;

  @Option(names = "--per", paramLabel = "PERIOD", defaultValue = "day",
      description = "Sum per day (default), week (ISO) or month.")
  Period per;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "weighted",
      description = "weighted (default: along the time spents) or raw (everything on the delivery day).")
  Quotas.Mode mode;

  @Option(names = "--delivery", paramLabel = "WHEN", defaultValue = "feedback",
      description = "What counts as delivered: feedback (default: the request for review) or approval (done).")
  Quotas.Delivery delivery;

  @Option(names = "--from", paramLabel = "DATE", description = "Keep the credits from this day on.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Keep the credits up to this day, inclusive.")
  LocalDate to;

  @Mixin
  FormatOption format;

  @Override
  public Integer call() {
    if (from != null && to != null && to.isBefore(from)) {
      throw CommandFailedException.usage("--to " + to + " is before --from " + from);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (StoreOptions.OpenStore open = store.open()) {
      Session session = open.session();
      Project p = project.resolve(session);
      Quotas all = session.schedule().quotas(scope.resolve(session, p), mode, delivery, ZoneOffset.UTC,
          session.schedule().calendar(holidays.dates()));
      List<Quotas.Credit> kept = new ArrayList<>();
      for (Quotas.Credit c : all.credits()) {
        if ((from == null || !c.day().isBefore(from)) && (to == null || !c.day().isAfter(to))) {
          kept.add(c);
        }
      }
      Quotas quotas = new Quotas(all.fps(), kept);
      Map<String, Map<String, Quotas.Totals>> buckets = switch (per) {
        case DAY -> quotas.byDay();
        case WEEK -> quotas.byWeek();
        case MONTH -> quotas.byMonth();
      };
      TaskLabels labels = new TaskLabels(session);
      Table table = new Table(per.name().toLowerCase(Locale.ROOT), "person", "frames", "seconds", "drawings",
          "shots");
      Quotas.Totals grand = new Quotas.Totals(0, 0, 0, 0);
      for (Map.Entry<String, Map<String, Quotas.Totals>> bucket : buckets.entrySet()) {
        Quotas.Totals total = bucket.getValue().get("total");
        List<Map.Entry<String, Quotas.Totals>> people = new ArrayList<>();
        for (Map.Entry<String, Quotas.Totals> e : bucket.getValue().entrySet()) {
          if (!e.getKey().equals("total")) {
            people.add(e);
          }
        }
        people.sort(java.util.Comparator.comparing((Map.Entry<String, Quotas.Totals> e) ->
            labels.person(PersonId.of(e.getKey()))).thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, Quotas.Totals> e : people) {
          addRow(table, bucket.getKey(), labels.person(PersonId.of(e.getKey())), e.getValue());
        }
        if (total != null) {
          addRow(table, bucket.getKey(), "total", total);
          grand = new Quotas.Totals(grand.frames() + total.frames(), grand.drawings() + total.drawings(),
              grand.seconds() + total.seconds(), grand.shots() + total.shots());
        }
      }
      format.print(table, out);
      format.summary(String.format(Locale.ROOT, "%s, %s quotas on %s: %,d frames (%.1f s), %,d drawings, %.2f shots "
              + "in %,d %s(s).", p.name(), mode.name().toLowerCase(Locale.ROOT),
          delivery.name().toLowerCase(Locale.ROOT), grand.frames(), grand.seconds(), grand.drawings(), grand.shots(),
          buckets.size(), per.name().toLowerCase(Locale.ROOT)), out, err);
    }
    return ExitCode.OK;
  }

  private static void addRow(Table table, String period, String person, Quotas.Totals t) {
    table.add(period, person, t.frames(), t.seconds(), t.drawings(), t.shots());
  }
}
