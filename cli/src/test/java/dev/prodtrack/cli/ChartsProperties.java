package dev.prodtrack.cli;

import static dev.prodtrack.cli.SvgDom.elements;
import static dev.prodtrack.cli.SvgDom.num;
import static dev.prodtrack.cli.SvgDom.only;
import static dev.prodtrack.cli.SvgDom.parse;
import static dev.prodtrack.cli.SvgDom.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.prodtrack.schedule.BurndownPoint;
import dev.prodtrack.schedule.BurndownSvg;
import dev.prodtrack.schedule.ChartPage;
import dev.prodtrack.schedule.GanttSvg;
import dev.prodtrack.schedule.LegendItem;
import dev.prodtrack.schedule.Milestone;
import dev.prodtrack.schedule.TimelineBar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The charts on random inputs (labels with XML's special characters, any dates, empty and long series):
 * always well-formed XML, one mark per input, values read back from the coordinates. Seeded; QuickTheories
 * prints the seed and the shrunk input on failure.
 */
class ChartsProperties {
  private static final long SEED = 20261129L;
  private static final int EXAMPLES = Integer.getInteger("prodtrack.examples", 200);
  private static final LocalDate BASE = LocalDate.of(2025, 1, 6);

  private static Gen<String> labels() {
    return strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 30)
        .map(s -> s.chars().filter(c -> c >= 0x20 && !Character.isSurrogate((char) c) && c != 0xFFFE && c != 0xFFFF)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString() + "<&\"'>")
        .map(s -> s.isBlank() ? "x" + s : s);
  }

  private static Gen<TimelineBar> bars() {
    return integers().between(0, 400).zip(integers().between(0, 60), integers().between(0, 3), labels(),
        (start, length, kind, label) -> new TimelineBar(kind == 0 ? "entity" : "task", "id" + start + "-" + length,
            label, kind == 3 ? null : BASE.plusDays(start), kind == 3 ? null : BASE.plusDays(start + length),
            kind == 1 ? BASE.plusDays(start) : null, null, kind == 2));
  }

  private static Gen<Milestone> milestones() {
    return integers().between(-30, 500).zip(labels(), (day, label) -> new Milestone(BASE.plusDays(day), label));
  }

  @Test
  void gantt_anyRowsAndMilestones_wellFormedOneMarkEach() {
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(lists().of(bars()).ofSizeBetween(0, 30), lists().of(milestones()).ofSizeBetween(0, 6),
            integers().between(-10, 450))
        .checkAssert((rows, marks, today) -> {
          String svg = GanttSvg.render("t", rows, BASE.plusDays(today), marks);
          Document d = parseUnchecked(svg);
          assertThat(elements(d, "rect", "planned")).hasSize((int) rows.stream().filter(b -> b.plannedStart() != null)
              .count());
          assertThat(elements(d, "rect", "late")).hasSize((int) rows.stream()
              .filter(b -> b.plannedStart() != null && b.late()).count());
          List<Element> g = elements(d, "g", "milestone");
          assertThat(g).hasSize(marks.size());
          List<String> dates = new ArrayList<>();
          for (Element e : g) {
            dates.add(e.getAttribute("data-date"));
            assertThat(marks).extracting(Milestone::label).contains(e.getAttribute("data-label"));
          }
          assertThat(dates).isSorted();
          // Every milestone lies inside the drawing.
          double width = num(d.getDocumentElement(), "width");
          for (Element e : elements(d, "polygon", "milestone-marker")) {
            assertThat(points(e)).allSatisfy(p -> assertThat(p[0]).isBetween(0.0, width));
          }
          // And the page around it is well-formed too.
          parseUnchecked(ChartPage.html("t", svg, GanttSvg.legend(!marks.isEmpty()), Map.of("k", "v<&>")));
        });
  }

  @Test
  void burndown_anySeries_valuesReadBackFromTheCoordinates() {
    Gen<List<Integer>> remaining = lists().of(integers().between(0, 100_000)).ofSizeBetween(1, 300);
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(remaining, integers().between(0, 2), integers().between(-5, 320))
        .checkAssert((values, idealKind, todayIndex) -> {
          List<BurndownPoint> series = new ArrayList<>();
          for (int i = 0; i < values.size(); i++) {
            OptionalDouble ideal = idealKind == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(values.get(0) / 100.0 * (values.size() - 1 - i) / Math.max(1, values.size() - 1));
            series.add(new BurndownPoint(BASE.plusDays(i), values.get(i) / 100.0, 0, i * idealKind, ideal));
          }
          LocalDate today = BASE.plusDays(todayIndex);
          Document d = parseUnchecked(BurndownSvg.render("b", series, today));
          Element plot = only(elements(d, "rect", "plot-area"));
          double yMax = num(plot, "data-y-max");
          double bottom = num(plot, "y") + num(plot, "height");
          List<double[]> drawn = points(only(elements(d, "polyline", "remaining")));
          int expectedPoints = todayIndex < 0 || todayIndex >= values.size() ? values.size() : todayIndex + 1;
          assertThat(drawn).hasSize(expectedPoints);
          for (int i = 0; i < drawn.size(); i++) {
            double value = yMax * (bottom - drawn.get(i)[1]) / num(plot, "height");
            // Coordinates carry two decimals: a hundredth of a pixel of the plot's height.
            assertThat(value).isCloseTo(series.get(i).remaining(), within(yMax / num(plot, "height") * 0.01 + 1e-9));
          }
          assertThat(elements(d, "line", "today")).hasSize(todayIndex >= 0 && todayIndex < values.size() ? 1 : 0);
          assertThat(elements(d, "polyline", "ideal")).hasSize(idealKind == 0 ? 0 : 1);
          assertThat(elements(d, "g", "legend-entry")).extracting(e -> e.getAttribute("data-series"))
              .containsExactlyElementsOf(BurndownSvg.legend().stream().map(LegendItem::series)
                  .filter(s -> idealKind != 0 || !s.equals("ideal")).toList());
        });
  }

  private static Document parseUnchecked(String xml) {
    try {
      return parse(xml);
    } catch (Exception e) {
      throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + xml, e);
    }
  }
}
