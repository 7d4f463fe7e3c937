package dev.prodtrack.cli;

import static dev.prodtrack.cli.SvgDom.elements;
import static dev.prodtrack.cli.SvgDom.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.ProdTrack;
import dev.prodtrack.Session;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.schedule.BurndownPoint;
import dev.prodtrack.schedule.CpmTask;
import dev.prodtrack.schedule.CriticalPath;
import dev.prodtrack.schedule.EarnedValue;
import dev.prodtrack.schedule.EarningRule;
import dev.prodtrack.schedule.Forecast;
import dev.prodtrack.schedule.GanttSvg;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.Size;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The schedule commands (timeline, burndown, evm, forecast, critical-path) driven through the command
 * line ({@link CliRun}, a fixed clock) over a file store holding a generated production
 * (size TINY, seed 5): exit codes, outputs checked against the engine's own answers, files written, and
 * refusals as one line on stderr that leave the store as it was.
 */
class ScheduleCommandsTest {
  private static final long SEED = 5;

  @TempDir
  static Path root;

  private static Path store;
  private static Production p;
  private static String digest;
  private static String projectName;

  @TempDir
  Path dir;

  /** What a run printed and returned. */
  record Run(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  @BeforeAll
  static void production() {
    store = root.resolve("store");
    p = TestStores.generate(store, Size.TINY, SEED);
    try (ProdTrack engine = open()) {
      digest = engine.stateDigest();
      projectName = engine.as(p.admin()).project().getProject(p.project()).name();
    }
  }

  @AfterAll
  static void storeUnchanged() {
    // Every command reads; none, accepted or refused, changed the store.
    try (ProdTrack engine = open()) {
      assertThat(engine.stateDigest()).as("seed %d", SEED).isEqualTo(digest);
    }
  }

  private static ProdTrack open() {
    return TestStores.open(store);
  }

  /** Reads the store with the engine directly, as the admin, for the expected answers. */
  private static <T> T engine(Function<Session, T> query) {
    try (ProdTrack engine = open()) {
      return query.apply(engine.as(p.admin()));
    }
  }

  /** Runs the command line on {@link CliRun#CLOCK}, as {@code ./prodtrack} would. */
  private static Run run(String... args) {
    CliRun r = CliRun.run(args);
    return new Run(r.code(), r.out(), r.err());
  }

  /** The store, the as-of day of the production, then the given arguments. */
  private static String[] args(String command, String... more) {
    String[] base = {command, "--store", store.toString(), "--as-of", p.asOf().toString()};
    String[] all = Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  /** A JSON array of flat objects read with Jackson's streaming parser: values as text, null as null. */
  private static List<Map<String, String>> jsonRows(String json) {
    List<Map<String, String>> rows = new java.util.ArrayList<>();
    try (JsonParser parser = JsonFactory.builder().build().createParser(ObjectReadContext.empty(), json)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          row.put(name, value == JsonToken.VALUE_NULL ? null : parser.getString());
        }
        rows.add(row);
      }
      assertThat(parser.nextToken()).isNull();
    }
    return rows;
  }

  /** A person-day figure as the reports print it: at most two decimals, no trailing zeros. */
  private static String two(double v) {
    java.math.BigDecimal r = java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros();
    return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
  }

  private static Entity sequence() {
    return engine(s -> s.entity().getEntity(p.sequences().get(0)));
  }

  /** Exit code 2 (usage or input error) or 1 (the operation failed), one line on stderr, nothing on stdout. */
  private static void refusedInOneLine(Run r, int code, String command, String... parts) {
    assertThat(r.code()).as(r.err()).isEqualTo(code);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("prodtrack " + command + ": ").contains(parts);
  }

  // ---- timeline

  @Test
  void timeline_sequenceToSvg_oneBarPerDatedRowLateRedTodayAndMilestones() throws Exception {
    Path out = dir.resolve("charts/sq.svg");
    Entity seq = sequence();
    Run r = run(args("timeline", "--sequence", seq.name(), "--milestone", "2025-07-14=client review", "--out",
        out.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Wrote " + out);
    Document d = parse(Files.readString(out));
    var timeline = engine(s -> s.schedule().timeline(Scope.of(p.project()).withSequence(seq.id()), p.asOf(),
        ZoneOffset.UTC, s.schedule().calendar(List.of())));
    var rows = GanttSvg.outline(timeline);
    assertThat(elements(d, "rect", "planned")).extracting(e -> e.getAttribute("data-id"))
        .containsExactlyElementsOf(rows.stream().filter(b -> b.plannedStart() != null).map(b -> b.id()).toList());
    List<String> late = rows.stream().filter(b -> b.late() && b.plannedStart() != null).map(b -> b.id()).toList();
    assertThat(late).as("the fixture has late work").isNotEmpty();
    assertThat(elements(d, "rect", "late")).extracting(e -> e.getAttribute("data-id")).containsExactlyElementsOf(late);
    assertThat(elements(d, "rect", "late")).allSatisfy(e -> assertThat(e.getAttribute("fill")).isEqualTo(GanttSvg.LATE_COLOUR));
    assertThat(elements(d, "line", "today")).hasSize(1);
    Project project = engine(s -> s.project().getProject(p.project()));
    List<String> expected = project.endDate() == null ? List.of("client review")
        : project.endDate().isBefore(LocalDate.of(2025, 7, 14)) ? List.of("project end", "client review")
        : List.of("client review", "project end");
    assertThat(elements(d, "g", "milestone")).extracting(e -> e.getAttribute("data-label")).containsExactlyElementsOf(expected);
    long lateTasks = rows.stream().filter(b -> b.level().equals("task") && b.late()).count();
    assertThat(r.out()).contains(lateTasks + " late").contains(expected.size() + " milestones");
  }

  @Test
  void timeline_personToHtml_pageWithTheirTasksOnly() throws Exception {
    PersonId artist = engine(s -> s.task().allTasksForProject(p.project()).stream()
        .filter(t -> !t.assignees().isEmpty()).findFirst().orElseThrow().assignees().get(0));
    String name = engine(s -> s.person().getPerson(artist).fullName());
    Set<String> theirs = new HashSet<>(engine(s -> s.task().allTasksForProject(p.project()).stream()
        .filter(t -> t.assignees().contains(artist)).map(t -> t.id().toString()).toList()));
    Path out = dir.resolve("person.html");
    Run r = run(args("timeline", "--person", name, "--out", out.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    Document d = parse(Files.readString(out));
    assertThat(d.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(d.getElementsByTagNameNS(SvgDom.XHTML_NS, "h1").item(0).getTextContent()).contains(projectName)
        .contains(name);
    Set<String> drawn = new HashSet<>();
    for (Element e : elements(d, "rect", "planned")) {
      if (e.getAttribute("data-level").equals("task")) {
        drawn.add(e.getAttribute("data-id"));
      }
    }
    assertThat(drawn).isNotEmpty().isSubsetOf(theirs);
    assertThat(d.getElementsByTagNameNS(SvgDom.XHTML_NS, "table").getLength()).isEqualTo(2);
  }

  @Test
  void timeline_withoutOut_printsTheRowsInChartOrder() {
    Entity seq = sequence();
    var rows = GanttSvg.outline(engine(s -> s.schedule().timeline(Scope.of(p.project()).withSequence(seq.id()),
        p.asOf(), ZoneOffset.UTC, s.schedule().calendar(List.of()))));
    Run r = run(args("timeline", "--sequence", seq.id().toString(), "--format", "csv"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.lines().get(0)).isEqualTo("level,id,label,planned_start,planned_end,actual_start,actual_end,late,parent_id");
    assertThat(r.lines()).hasSize(rows.size() + 1);
    for (int i = 0; i < rows.size(); i++) {
      var b = rows.get(i);
      assertThat(r.lines().get(i + 1)).isEqualTo(String.join(",", b.level(), b.id(), b.label(),
          text(b.plannedStart()), text(b.plannedEnd()), text(b.actualStart()), text(b.actualEnd()),
          Boolean.toString(b.late()), b.parentId() == null ? "" : b.parentId()));
    }
  }

  private static String text(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  @Test
  void timeline_refusals_oneLineNoFile() {
    Path png = dir.resolve("x.png");
    refusedInOneLine(run(args("timeline", "--out", png.toString())), 2, "timeline", "--out", ".svg or .html");
    refusedInOneLine(run(args("timeline", "--sequence", "NOPE", "--out", dir.resolve("a.svg").toString())),
        2, "timeline", "--sequence NOPE", "no sequence has this name or id", sequence().name());
    refusedInOneLine(run(args("timeline", "--sequence", sequence().name(), "--person", "x", "--out",
        dir.resolve("b.svg").toString())), 2, "timeline", "not both");
    refusedInOneLine(run(args("timeline", "--milestone", "soon", "--out", dir.resolve("c.svg").toString())),
        2, "timeline", "DATE=LABEL");
    refusedInOneLine(run("timeline", "--store", dir.resolve("none").toString(), "--out",
        dir.resolve("d.svg").toString()), 2, "timeline", "no such directory");
    assertThat(run(args("timeline", "--bogus")).code()).isEqualTo(2);
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void timeline_outUnwritable_failsWithExit1() throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "not a directory");
    Run r = run(args("timeline", "--sequence", sequence().name(), "--out", blocker.resolve("sq.svg").toString()));
    refusedInOneLine(r, 1, "timeline", "--out", "cannot write");
    assertThat(Files.readString(blocker)).isEqualTo("not a directory");
  }

  // ---- burndown

  @Test
  void burndown_rows_matchTheEngineInEveryFormat() throws Exception {
    LocalDate from = p.asOf().minusDays(30);
    LocalDate to = p.asOf().plusDays(10);
    List<BurndownPoint> expected = engine(s -> s.schedule().burndown(Scope.of(p.project()), from, to, ZoneOffset.UTC,
        s.schedule().calendar(List.of())));
    Run csv = run(args("burndown", "--from", from.toString(), "--to", to.toString(), "--format", "csv"));
    assertThat(csv.code()).as(csv.err()).isZero();
    List<String> lines = csv.lines();
    assertThat(lines.get(0)).isEqualTo("date,remaining,earned,done_tasks,ideal");
    assertThat(lines).hasSize(expected.size() + 1);
    for (int i = 0; i < expected.size(); i++) {
      BurndownPoint e = expected.get(i);
      assertThat(lines.get(i + 1)).isEqualTo(e.date() + "," + two(e.remaining()) + "," + two(e.earned()) + ","
          + e.doneTasks() + "," + (e.ideal().isPresent() ? two(e.ideal().getAsDouble()) : ""));
    }
    Run json = run(args("burndown", "--from", from.toString(), "--to", to.toString(), "--format", "json"));
    assertThat(json.code()).isZero();
    List<Map<String, String>> tree = jsonRows(json.out());
    assertThat(tree).hasSize(expected.size());
    assertThat(tree.get(0).get("date")).isEqualTo(expected.get(0).date().toString());
    assertThat(tree.get(0).get("done_tasks")).isEqualTo(Integer.toString(expected.get(0).doneTasks()));
    Run table = run(args("burndown", "--from", from.toString(), "--to", to.toString()));
    assertThat(table.code()).isZero();
    assertThat(table.lines().get(0)).startsWith("date").contains("remaining").contains("done_tasks");
    assertThat(table.lines().get(1)).matches("[- ]+");
    assertThat(table.lines()).hasSize(expected.size() + 2);
  }

  @Test
  void burndown_out_svgAndHtmlCharts() throws Exception {
    Path svg = dir.resolve("bd.svg");
    Run r = run(args("burndown", "--out", svg.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Wrote " + svg);
    Document d = parse(Files.readString(svg));
    assertThat(d.getDocumentElement().getAttribute("class")).isEqualTo("burndown");
    assertThat(elements(d, "polyline", "remaining")).hasSize(1);
    assertThat(elements(d, "line", "today")).hasSize(1);
    Path html = dir.resolve("bd.html");
    assertThat(run(args("burndown", "--out", html.toString())).code()).isZero();
    Document page = parse(Files.readString(html));
    assertThat(elements(page, "polyline", "remaining")).hasSize(1);
  }

  @Test
  void burndown_refusals() {
    refusedInOneLine(run(args("burndown", "--from", "2025-06-10", "--to", "2025-06-01")), 2, "burndown",
        "ends before it starts");
    refusedInOneLine(run(args("burndown", "--from", "2025-06-07", "--to", "2025-06-08", "--out",
        dir.resolve("weekend.svg").toString())), 2, "burndown", "no working day");
    refusedInOneLine(run(args("burndown", "--out", dir.resolve("bd.pdf").toString())), 2, "burndown", ".svg or .html");
    assertThat(run(args("burndown", "--format", "xml")).code()).isEqualTo(2);
    assertThat(dir).isEmptyDirectory();
  }

  // ---- evm

  @Test
  void evm_oneDay_everyMeasureAsTheEngineComputesIt() {
    EarnedValue ev = engine(s -> s.schedule().earnedValue(Scope.of(p.project()), p.asOf(), EarningRule.ZERO_HUNDRED,
        ZoneOffset.UTC, s.schedule().calendar(List.of())));
    Run r = run(args("evm", "--format", "csv"));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.lines();
    assertThat(lines.get(0)).isEqualTo("measure,value");
    assertThat(lines).contains("day," + p.asOf(), "bac," + two(ev.bac()), "pv," + two(ev.pv()), "ev," + two(ev.ev()),
        "ac," + two(ev.ac()), "sv," + two(ev.ev() - ev.pv()), "cv," + two(ev.ev() - ev.ac()),
        "eac_budget_rate," + two(ev.eacAtBudgetRate()), "etc_budget_rate," + two(ev.eacAtBudgetRate() - ev.ac()),
        "vac_budget_rate," + two(ev.bac() - ev.eacAtBudgetRate()), "unestimated," + ev.unestimated());
    assertThat(lines).contains("spi," + (ev.spi().isPresent() ? two(ev.spi().getAsDouble()) : ""),
        "cpi," + (ev.cpi().isPresent() ? two(ev.cpi().getAsDouble()) : ""),
        "tcpi," + (ev.tcpi().isPresent() ? two(ev.tcpi().getAsDouble()) : ""));
    assertThat(lines).hasSize(1 + EvmCommand.SERIES_COLUMNS.size());
  }

  @Test
  void evm_beforeAnyWork_ratiosUndefined_nullInJson() throws Exception {
    Run r = run("evm", "--store", store.toString(), "--as-of", "2000-01-03", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    List<Map<String, String>> tree = jsonRows(r.out());
    assertThat(tree).filteredOn(row -> row.get("measure").equals("spi")).singleElement()
        .satisfies(row -> assertThat(row).containsEntry("value", null));
    assertThat(tree).filteredOn(row -> row.get("measure").equals("bac")).singleElement()
        .satisfies(row -> assertThat(row.get("value")).isNotNull());
    Run table = run("evm", "--store", store.toString(), "--as-of", "2000-01-03");
    assertThat(table.lines()).anySatisfy(l -> assertThat(l.strip()).isEqualTo("spi"));
  }

  @Test
  void evm_series_oneRowPerWorkingDay() {
    LocalDate from = LocalDate.of(2025, 6, 2);
    LocalDate to = LocalDate.of(2025, 6, 13);
    List<EarnedValue> expected = engine(s -> s.schedule().earnedValueSeries(Scope.of(p.project()), from, to,
        EarningRule.FIFTY_FIFTY, ZoneOffset.UTC, s.schedule().calendar(List.of())));
    Run r = run(args("evm", "--rule", "fifty-fifty", "--series", from.toString(), to.toString(), "--format", "csv"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.lines().get(0)).isEqualTo(String.join(",", EvmCommand.SERIES_COLUMNS));
    assertThat(r.lines()).hasSize(11);
    for (int i = 0; i < expected.size(); i++) {
      EarnedValue e = expected.get(i);
      assertThat(r.lines().get(i + 1)).startsWith(e.day() + "," + two(e.bac()) + "," + two(e.pv()) + ","
          + two(e.ev()) + "," + two(e.ac()) + ",");
    }
  }

  @Test
  void evm_refusals() {
    refusedInOneLine(run(args("evm", "--rule", "half")), 2, "evm", "--rule half", "zero-hundred");
    refusedInOneLine(run(args("evm", "--series", "2025-06-10", "2025-06-01")), 2, "evm", "ends before it starts");
    refusedInOneLine(run(args("evm", "--project", "Nope")), 2, "evm", "--project Nope", "no project has this name",
        projectName);
    refusedInOneLine(run(args("evm", "--as", "nobody@example.com")), 2, "evm", "--as nobody@example.com");
    assertThat(run(args("evm", "--series", "2025-06-10")).code()).isEqualTo(2);
  }

  // ---- forecast

  @Test
  void forecast_asTheEngineComputesIt() {
    Forecast f = engine(s -> s.schedule().forecast(Scope.of(p.project()), p.asOf(), 30, ZoneOffset.UTC,
        s.schedule().calendar(List.of())));
    Run r = run(args("forecast", "--window", "30", "--format", "csv", "--project", projectName));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.lines().get(0)).isEqualTo("as_of,window,velocity,remaining,status,predicted_end,slip_working_days");
    String status = f.complete() ? "complete" : f.predictedEnd().isPresent() ? "forecast" : "no forecast";
    assertThat(r.lines().get(1)).isEqualTo(p.asOf() + ",30," + two(f.velocity()) + "," + two(f.remaining()) + ","
        + status + "," + f.predictedEnd().map(Object::toString).orElse("") + ","
        + (f.slipWorkingDays().isPresent() ? Long.toString(f.slipWorkingDays().getAsLong()) : ""));
  }

  @Test
  void forecast_nothingEarnedInTheWindow_noForecast() {
    Run r = run("forecast", "--store", store.toString(), "--as-of", "2000-01-03");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.lines().get(2).strip()).matches("2000-01-03 +20 +0 +[0-9.]+ +no forecast");
  }

  @Test
  void forecast_badWindow_refused() {
    refusedInOneLine(run(args("forecast", "--window", "0")), 2, "forecast", "--window 0");
  }

  // ---- --holiday, on every schedule command

  /** The weekdays of the two weeks after the as-of day, as holidays. */
  private static List<LocalDate> holidays() {
    List<LocalDate> days = new java.util.ArrayList<>();
    for (LocalDate d = p.asOf().plusDays(1); !d.isAfter(p.asOf().plusDays(14)); d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() <= 5) {
        days.add(d);
      }
    }
    return days;
  }

  /** The arguments of a command with {@code --holiday} for each of {@link #holidays()}. */
  private static String[] withHolidays(String command, String... more) {
    List<String> all = new java.util.ArrayList<>(Arrays.asList(args(command, more)));
    for (LocalDate d : holidays()) {
      all.add("--holiday");
      all.add(d.toString());
    }
    return all.toArray(String[]::new);
  }

  @Test
  void holiday_evmSeries_holidaysAreNotWorkingDaysAndTheFiguresFollowTheEngine() {
    LocalDate from = p.asOf().minusDays(7);
    LocalDate to = p.asOf().plusDays(14);
    List<EarnedValue> expected = engine(s -> s.schedule().earnedValueSeries(Scope.of(p.project()), from, to,
        EarningRule.ZERO_HUNDRED, ZoneOffset.UTC, s.schedule().calendar(holidays())));
    List<EarnedValue> without = engine(s -> s.schedule().earnedValueSeries(Scope.of(p.project()), from, to,
        EarningRule.ZERO_HUNDRED, ZoneOffset.UTC, s.schedule().calendar(List.of())));
    Run r = run(withHolidays("evm", "--series", from.toString(), to.toString(), "--format", "csv"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(expected).hasSize(without.size() - holidays().size());
    assertThat(r.lines()).hasSize(expected.size() + 1);
    for (int i = 0; i < expected.size(); i++) {
      EarnedValue e = expected.get(i);
      assertThat(holidays()).doesNotContain(e.day());
      assertThat(r.lines().get(i + 1)).startsWith(e.day() + "," + two(e.bac()) + "," + two(e.pv()) + ","
          + two(e.ev()) + "," + two(e.ac()) + ",");
    }
  }

  @Test
  void holiday_forecastAndBurndown_asTheEngineComputesThemWithTheHolidays() {
    Forecast f = engine(s -> s.schedule().forecast(Scope.of(p.project()), p.asOf(), 30, ZoneOffset.UTC,
        s.schedule().calendar(holidays())));
    Run r = run(withHolidays("forecast", "--window", "30", "--format", "csv"));
    assertThat(r.code()).as(r.err()).isZero();
    String status = f.complete() ? "complete" : f.predictedEnd().isPresent() ? "forecast" : "no forecast";
    assertThat(r.lines().get(1)).isEqualTo(p.asOf() + ",30," + two(f.velocity()) + "," + two(f.remaining()) + ","
        + status + "," + f.predictedEnd().map(Object::toString).orElse("") + ","
        + (f.slipWorkingDays().isPresent() ? Long.toString(f.slipWorkingDays().getAsLong()) : ""));

    LocalDate from = p.asOf().minusDays(7);
    LocalDate to = p.asOf().plusDays(14);
    List<BurndownPoint> expected = engine(s -> s.schedule().burndown(Scope.of(p.project()), from, to, ZoneOffset.UTC,
        s.schedule().calendar(holidays())));
    Run csv = run(withHolidays("burndown", "--from", from.toString(), "--to", to.toString(), "--format", "csv"));
    assertThat(csv.code()).as(csv.err()).isZero();
    assertThat(csv.lines()).hasSize(expected.size() + 1);
    for (int i = 0; i < expected.size(); i++) {
      BurndownPoint e = expected.get(i);
      assertThat(csv.lines().get(i + 1)).isEqualTo(e.date() + "," + two(e.remaining()) + "," + two(e.earned()) + ","
          + e.doneTasks() + "," + (e.ideal().isPresent() ? two(e.ideal().getAsDouble()) : ""));
    }
  }

  @Test
  void holiday_timelineAndCriticalPath_asTheEngineComputesThemWithTheHolidays() {
    var rows = GanttSvg.outline(engine(s -> s.schedule().timeline(Scope.of(p.project()), p.asOf(), ZoneOffset.UTC,
        s.schedule().calendar(holidays()))));
    Run r = run(withHolidays("timeline", "--format", "csv"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.lines()).hasSize(rows.size() + 1);
    for (int i = 0; i < rows.size(); i++) {
      var b = rows.get(i);
      assertThat(r.lines().get(i + 1)).isEqualTo(String.join(",", b.level(), b.id(), b.label(),
          text(b.plannedStart()), text(b.plannedEnd()), text(b.actualStart()), text(b.actualEnd()),
          Boolean.toString(b.late()), b.parentId() == null ? "" : b.parentId()));
    }


    CriticalPath cp = engine(s -> s.schedule().criticalPath(Scope.of(p.project()), null, null, 0, List.of(),
        s.schedule().calendar(holidays())));
    Run table = run(withHolidays("critical-path"));
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("Finish " + cp.finish());
  }

  @Test
  void holiday_notADate_refusedInOneLineOnEveryCommand() {
    for (String command : List.of("timeline", "burndown", "evm", "forecast", "critical-path", "risk", "workload",
        "late", "quotas")) {
      Run r = run(args(command, "--holiday", "2025-13-01"));
      assertThat(r.code()).as(command + ": " + r.err()).isEqualTo(2);
      assertThat(r.out()).as(command).isEmpty();
      assertThat(r.err()).as(command).contains("--holiday").contains("2025-13-01");
    }
  }

  // ---- critical path

  @Test
  void criticalPath_criticalChainAsTheEngineComputesIt() {
    CriticalPath cp = engine(s -> s.schedule().criticalPath(Scope.of(p.project()), null, null, 0, List.of(),
        s.schedule().calendar(List.of())));
    Run r = run(args("critical-path", "--format", "csv"));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> ids = r.lines().stream().skip(1).map(l -> l.split(",")[0]).toList();
    assertThat(ids).isNotEmpty()
        .containsExactlyElementsOf(cp.critical().stream().map(TaskId::toString).toList());
    assertThat(r.lines().stream().skip(1)).allSatisfy(l -> assertThat(l).contains(",true,"));
    CpmTask first = cp.tasks().stream().filter(CpmTask::critical).findFirst().orElseThrow();
    assertThat(r.lines().get(1)).startsWith(first.task() + ",").contains("," + first.earlyStart() + ","
        + first.earlyFinish() + "," + first.lateStart() + "," + first.lateFinish() + "," + first.totalFloat() + ",");
    Run all = run(args("critical-path", "--all", "--format", "csv"));
    assertThat(all.lines()).hasSize(cp.tasks().size() + 1);
    Run table = run(args("critical-path"));
    assertThat(table.out()).contains("Finish " + cp.finish()).contains(cp.critical().size() + " critical of "
        + cp.tasks().size() + " tasks");
  }

  @Test
  void criticalPath_cycleThroughLink_oneLineNamingTheTasks_exit1() {
    // The first shot's tasks in pipeline order: each waits for the previous one; a link back closes a cycle.
    List<TaskId> shotTasks = engine(s -> s.task().allTasksForShot(p.shots().get(0)).stream().map(Task::id).toList());
    List<TaskId> ordered = p.shotTasks().stream().filter(shotTasks::contains).toList();
    TaskId first = ordered.get(0);
    TaskId last = ordered.get(ordered.size() - 1);
    Run r = run(args("critical-path", "--link", last + ":" + first));
    refusedInOneLine(r, 1, "critical-path", "cycle", first.toString(), last.toString());
    assertThat(r.out()).isEmpty();
  }

  @Test
  void criticalPath_refusals() {
    refusedInOneLine(run(args("critical-path", "--link", "x")), 2, "critical-path", "PRED:SUCC");
    refusedInOneLine(run(args("critical-path", "--link", "00000000-0000-0000-0000-000000000001:"
        + "00000000-0000-0000-0000-000000000002")), 2, "critical-path", "no task");
    refusedInOneLine(run(args("critical-path", "--sequence", "NOPE")), 2, "critical-path", "no sequence has");
    // A scope without tasks: a department nobody's task type belongs to is not in the fixture, so a person
    // with no task stands in for it.
    String idle = engine(s -> s.person().allPersons().stream()
        .filter(person -> s.task().allTasksForProject(p.project()).stream()
            .noneMatch(t -> t.assignees().contains(person.id())))
        .map(person -> person.id().toString()).findFirst().orElseThrow());
    refusedInOneLine(run(args("critical-path", "--person", idle)), 1, "critical-path", "no task");
  }

  // ---- help

  @Test
  void help_everyCommand_manPageSections() {
    for (String command : List.of("timeline", "burndown", "evm", "forecast", "critical-path")) {
      Run r = run(command, "--help");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out()).as(command).startsWith("Usage: prodtrack " + command).contains("--store", "--project",
          "--as-of", "--format", "--sequence", "--person", "Examples:", "Exit codes:");
    }
    assertThat(run("--help").out()).contains("timeline", "burndown", "evm", "forecast", "critical-path");
  }
}
