package dev.prodtrack.cli;

import static dev.prodtrack.cli.SvgDom.elements;
import static dev.prodtrack.cli.SvgDom.num;
import static dev.prodtrack.cli.SvgDom.only;
import static dev.prodtrack.cli.SvgDom.parse;
import static dev.prodtrack.cli.SvgDom.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prodtrack.schedule.BurndownPoint;
import dev.prodtrack.schedule.BurndownSvg;
import dev.prodtrack.schedule.ChartPage;
import dev.prodtrack.schedule.GanttSvg;
import dev.prodtrack.schedule.LegendItem;
import dev.prodtrack.schedule.Milestone;
import dev.prodtrack.schedule.TimelineBar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The charts of {@code dev.prodtrack.schedule} read back as XML: Gantt milestones, the burn-down line chart
 * and the HTML page around a chart, checked for structure and coordinates.
 */
class ChartsXmlTest {
  private final LocalDate mon = LocalDate.of(2025, 3, 3);

  private List<TimelineBar> rows() {
    return List.of(
        new TimelineBar("entity", "e", "SH010", mon, mon.plusDays(9), mon, null, true),
        new TimelineBar("task", "t1", "SH010 / Animation", mon, mon.plusDays(2), mon, null, true),
        new TimelineBar("task", "t2", "SH010 / Compositing", mon.plusDays(3), mon.plusDays(9), null, null, false));
  }

  // ---- Gantt milestones

  @Test
  void gantt_milestones_diamondsAndMarkersAtTheirDays() throws Exception {
    LocalDate review = mon.plusDays(4);
    LocalDate end = LocalDate.of(2025, 5, 30);
    Document d = parse(GanttSvg.render("SQ01", rows(), mon.plusDays(5),
        List.of(Milestone.projectEnd(end), new Milestone(review, "client <review>"))));
    List<Element> marks = elements(d, "g", "milestone");
    assertThat(marks).extracting(e -> e.getAttribute("data-date")).containsExactly(review.toString(), end.toString());
    assertThat(marks).extracting(e -> e.getAttribute("data-label")).containsExactly("client <review>", "project end");

    Element t1 = elements(d, "rect", "planned").get(1);
    double dayWidth = num(t1, "width") / 3;
    double mondayX = num(t1, "x");
    for (int i = 0; i < marks.size(); i++) {
      LocalDate date = LocalDate.parse(marks.get(i).getAttribute("data-date"));
      double expected = mondayX + (date.toEpochDay() - mon.toEpochDay()) * dayWidth + dayWidth / 2;
      Element marker = only(elements(marks.get(i), "polygon", "milestone-marker"));
      List<double[]> diamond = points(marker);
      assertThat(diamond).hasSize(4);
      // Coordinates carry two decimals: half a pixel is well under half a day (a day is at least 1.5 px).
      assertThat(diamond.get(0)[0]).isCloseTo(expected, within(0.5));
      assertThat(diamond.get(1)[0] - diamond.get(3)[0]).isCloseTo(12, within(0.01));
      Element line = only(elements(marks.get(i), "line", "milestone-line"));
      assertThat(num(line, "x1")).isCloseTo(expected, within(0.5)).isEqualTo(diamond.get(0)[0]);
      assertThat(num(line, "x2")).isEqualTo(num(line, "x1"));
      // The marker runs down through every row.
      Element lastRow = elements(d, "rect", "planned").get(2);
      assertThat(num(line, "y2")).isGreaterThan(num(lastRow, "y") + num(lastRow, "height"));
      assertThat(only(elements(marks.get(i), "text", "milestone-label")).getTextContent())
          .startsWith(marks.get(i).getAttribute("data-label")).endsWith(date.toString());
    }
    // The time axis was widened to the project's end: May is ticked and the SVG reaches past the marker.
    assertThat(elements(d, "text", "month")).extracting(Element::getTextContent).contains("May 2025");
    assertThat(num(d.getDocumentElement(), "width")).isGreaterThan(
        points(only(elements(marks.get(1), "polygon", "milestone-marker"))).get(1)[0]);
    // The bars keep their contract.
    assertThat(elements(d, "rect", "late")).extracting(e -> e.getAttribute("data-id")).containsExactly("e", "t1");
    assertThat(elements(d, "rect", "late")).allSatisfy(e -> assertThat(e.getAttribute("fill")).isEqualTo(GanttSvg.LATE_COLOUR));
    assertThat(elements(d, "line", "today")).hasSize(1);
  }

  @Test
  void gantt_milestonesBelowEveryRow_barsMoveDownByTheBandOnly() throws Exception {
    Document plain = parse(GanttSvg.render("SQ01", rows(), mon.plusDays(5)));
    Document marked = parse(GanttSvg.render("SQ01", rows(), mon.plusDays(5), List.of(new Milestone(mon, "kick-off"))));
    List<Element> a = elements(plain, "rect", "planned");
    List<Element> b = elements(marked, "rect", "planned");
    assertThat(b).hasSameSizeAs(a);
    double shift = num(b.get(0), "y") - num(a.get(0), "y");
    assertThat(shift).isPositive();
    for (int i = 0; i < a.size(); i++) {
      assertThat(num(b.get(i), "x")).isEqualTo(num(a.get(i), "x"));
      assertThat(num(b.get(i), "y") - num(a.get(i), "y")).isEqualTo(shift);
    }
    // The diamonds sit above the first row.
    Element marker = only(elements(marked, "polygon", "milestone-marker"));
    assertThat(points(marker).stream().mapToDouble(p -> p[1]).max().getAsDouble()).isLessThan(num(b.get(0), "y"));
  }

  @Test
  void gantt_withoutMilestones_sameAsTheThreeArgumentForm() {
    assertThat(GanttSvg.render("SQ01", rows(), mon, List.of())).isEqualTo(GanttSvg.render("SQ01", rows(), mon))
        .doesNotContain("milestone");
  }

  @Test
  void milestone_blankLabel_refused() {
    assertThatThrownBy(() -> new Milestone(mon, " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label");
    assertThatThrownBy(() -> GanttSvg.render("x", rows(), mon, java.util.Arrays.asList((Milestone) null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void gantt_legend_listsMilestonesOnlyWhenAsked() {
    assertThat(GanttSvg.legend(false)).extracting(LegendItem::series).doesNotContain("milestone").contains("late");
    assertThat(GanttSvg.legend(true)).extracting(LegendItem::series).contains("milestone");
    assertThat(GanttSvg.legend(true)).filteredOn(i -> i.series().equals("late")).extracting(LegendItem::colour)
        .containsExactly(GanttSvg.LATE_COLOUR);
  }

  // ---- Burn-down

  /** Ten working days from Monday 3 March 2025, BAC 10 person-days, one earned per day from the third. */
  private List<BurndownPoint> burndown(boolean withIdeal) {
    List<BurndownPoint> out = new ArrayList<>();
    LocalDate d = mon;
    int i = 0;
    while (out.size() < 10) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        double earned = Math.max(0, i - 1);
        OptionalDouble ideal = withIdeal ? OptionalDouble.of(10 - 10.0 * i / 9) : OptionalDouble.empty();
        out.add(new BurndownPoint(d, 10 - earned, earned, (int) earned * 3, ideal));
        i++;
      }
      d = d.plusDays(1);
    }
    return out;
  }

  private static double leftValue(Document d, double y) {
    Element plot = only(elements(d, "rect", "plot-area"));
    double bottom = num(plot, "y") + num(plot, "height");
    return num(plot, "data-y-max") * (bottom - y) / num(plot, "height");
  }

  private static double rightValue(Document d, double y) {
    Element plot = only(elements(d, "rect", "plot-area"));
    double bottom = num(plot, "y") + num(plot, "height");
    return num(plot, "data-done-max") * (bottom - y) / num(plot, "height");
  }

  @Test
  void burndown_idealStartsAtTheTotalAndEndsAtZero_remainingAndDoneReadBack() throws Exception {
    List<BurndownPoint> points = burndown(true);
    Document d = parse(BurndownSvg.render("Burn-down <SQ01>", points, mon.plusDays(11)));
    assertThat(d.getDocumentElement().getAttribute("class")).isEqualTo("burndown");
    Element ideal = only(elements(d, "polyline", "ideal"));
    List<double[]> ip = points(ideal);
    assertThat(ip).hasSize(10);
    assertThat(leftValue(d, ip.get(0)[1])).isCloseTo(10, within(0.01));
    assertThat(leftValue(d, ip.get(9)[1])).isCloseTo(0, within(0.01));
    // Straight: every step falls by the same amount.
    for (int i = 1; i < 10; i++) {
      assertThat(ip.get(i)[1] - ip.get(i - 1)[1]).isCloseTo(ip.get(1)[1] - ip.get(0)[1], within(0.02));
    }
    List<double[]> rp = points(only(elements(d, "polyline", "remaining")));
    List<double[]> dp = points(only(elements(d, "polyline", "done")));
    assertThat(rp).hasSize(10);
    assertThat(dp).hasSize(10);
    Element plot = only(elements(d, "rect", "plot-area"));
    for (int i = 0; i < 10; i++) {
      assertThat(leftValue(d, rp.get(i)[1])).isCloseTo(points.get(i).remaining(), within(0.01));
      assertThat(rightValue(d, dp.get(i)[1])).isCloseTo(points.get(i).doneTasks(), within(0.01));
      assertThat(rp.get(i)[0]).isEqualTo(dp.get(i)[0]).isEqualTo(ip.get(i)[0]);
    }
    assertThat(rp.get(0)[0]).isEqualTo(num(plot, "x"));
    assertThat(rp.get(9)[0]).isEqualTo(num(plot, "x") + num(plot, "width"));
    assertThat(Element.class.cast(elements(d, "polyline", "remaining").get(0)).getAttribute("stroke"))
        .isEqualTo(BurndownSvg.REMAINING_COLOUR);
    assertThat(d.getDocumentElement().getTextContent()).contains("Burn-down <SQ01>");
  }

  @Test
  void burndown_todayLine_atTheTodayPointOrTheLastWorkingDayBeforeIt() throws Exception {
    List<BurndownPoint> points = burndown(true);
    // Wednesday 12 March is point 7.
    Document wed = parse(BurndownSvg.render("b", points, LocalDate.of(2025, 3, 12)));
    double x7 = points(only(elements(wed, "polyline", "remaining"))).get(7)[0];
    Element today = only(elements(wed, "line", "today"));
    assertThat(num(today, "x1")).isEqualTo(x7);
    assertThat(today.getAttribute("data-date")).isEqualTo("2025-03-12");
    // Saturday 8 March: Friday 7 March, point 4.
    Document sat = parse(BurndownSvg.render("b", points, LocalDate.of(2025, 3, 8)));
    assertThat(num(only(elements(sat, "line", "today")), "x1"))
        .isEqualTo(points(only(elements(sat, "polyline", "remaining"))).get(4)[0]);
    // Outside the series: no today line.
    assertThat(elements(parse(BurndownSvg.render("b", points, mon.minusDays(1))), "line", "today")).isEmpty();
    assertThat(elements(parse(BurndownSvg.render("b", points, LocalDate.of(2025, 3, 15))), "line", "today")).isEmpty();
  }

  @Test
  void burndown_remainingAndDoneStopAtToday_idealGoesOn() throws Exception {
    List<BurndownPoint> points = burndown(true);
    Document d = parse(BurndownSvg.render("b", points, LocalDate.of(2025, 3, 12)));
    List<double[]> rp = points(only(elements(d, "polyline", "remaining")));
    assertThat(rp).hasSize(8);
    assertThat(points(only(elements(d, "polyline", "done")))).hasSize(8);
    assertThat(points(only(elements(d, "polyline", "ideal")))).hasSize(10);
    assertThat(rp.get(7)[0]).isEqualTo(num(only(elements(d, "line", "today")), "x1"));
    assertThat(leftValue(d, rp.get(7)[1])).isCloseTo(points.get(7).remaining(), within(0.01));
  }

  @Test
  void burndown_axesTicksAndLegend() throws Exception {
    List<BurndownPoint> points = burndown(true);
    Document d = parse(BurndownSvg.render("b", points, mon));
    Element plot = only(elements(d, "rect", "plot-area"));
    List<Element> left = elements(only(elements(d, "g", "y-left")), "g", "tick");
    assertThat(left.get(0).getAttribute("data-value")).isEqualTo("0");
    assertThat(Double.parseDouble(left.get(left.size() - 1).getAttribute("data-value")))
        .isEqualTo(num(plot, "data-y-max")).isGreaterThanOrEqualTo(10);
    assertThat(left.size()).isBetween(3, 12);
    for (Element tick : left) {
      Element line = (Element) tick.getElementsByTagNameNS(SvgDom.SVG_NS, "line").item(0);
      assertThat(leftValue(d, num(line, "y1"))).isCloseTo(Double.parseDouble(tick.getAttribute("data-value")), within(0.01));
      assertThat(tick.getTextContent()).isNotBlank();
    }
    List<Element> right = elements(only(elements(d, "g", "y-right")), "g", "tick");
    assertThat(Long.parseLong(right.get(right.size() - 1).getAttribute("data-value")))
        .isEqualTo((long) num(plot, "data-done-max")).isGreaterThanOrEqualTo(24);
    List<Element> x = elements(only(elements(d, "g", "x")), "g", "tick");
    assertThat(x).isNotEmpty();
    assertThat(x.get(0).getAttribute("data-date")).isEqualTo(mon.toString());
    assertThat(x).allSatisfy(t -> assertThat(t.getTextContent()).isEqualTo(t.getAttribute("data-date")));
    assertThat(elements(d, "g", "legend-entry")).extracting(e -> e.getAttribute("data-series"))
        .containsExactly("remaining", "ideal", "done", "today");
  }

  @Test
  void burndown_withoutIdeal_noIdealLineNorLegendEntry() throws Exception {
    Document d = parse(BurndownSvg.render("b", burndown(false), mon));
    assertThat(elements(d, "polyline", "ideal")).isEmpty();
    assertThat(elements(d, "g", "legend-entry")).extracting(e -> e.getAttribute("data-series"))
        .containsExactly("remaining", "done", "today");
    assertThat(elements(d, "polyline", "remaining")).hasSize(1);
  }

  @Test
  void burndown_onePointAndAllZero_drawsInTheMiddle() throws Exception {
    Document d = parse(BurndownSvg.render("b", List.of(new BurndownPoint(mon, 0, 0, 0, OptionalDouble.empty())), mon));
    Element plot = only(elements(d, "rect", "plot-area"));
    double[] p = points(only(elements(d, "polyline", "remaining"))).get(0);
    assertThat(p[0]).isEqualTo(num(plot, "x") + num(plot, "width") / 2);
    assertThat(p[1]).isEqualTo(num(plot, "y") + num(plot, "height"));
    assertThat(num(plot, "data-y-max")).isPositive();
  }

  @Test
  void burndown_badSeries_refused() {
    assertThatThrownBy(() -> BurndownSvg.render("b", List.of(), mon)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    List<BurndownPoint> reversed = new ArrayList<>(burndown(true));
    java.util.Collections.reverse(reversed);
    assertThatThrownBy(() -> BurndownSvg.render("b", reversed, mon)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("increasing date order");
  }

  @Test
  void burndown_deterministic() {
    assertThat(BurndownSvg.render("b", burndown(true), mon)).isEqualTo(BurndownSvg.render("b", burndown(true), mon));
  }

  // ---- HTML page

  @Test
  void page_wellFormedStandaloneWithTitleFactsSvgAndLegend() throws Exception {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("project", "Big <Buck> & Co");
    facts.put("as of", "2025-03-08");
    String svg = GanttSvg.render("SQ01", rows(), mon.plusDays(5), List.of(new Milestone(mon, "kick-off")));
    String html = ChartPage.html("Timeline of \"SQ01\"", svg, GanttSvg.legend(true), facts);
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<?xml").doesNotContain("<script")
        .doesNotContain("href=", "src=", "url(").isEqualTo(ChartPage.html("Timeline of \"SQ01\"", svg,
            GanttSvg.legend(true), facts));
    // Only namespace names mention a URL; nothing to fetch.
    assertThat(html.replace(SvgDom.SVG_NS, "").replace(SvgDom.XHTML_NS, "")).doesNotContain("http");
    Document d = parse(html);
    Element root = d.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("html");
    assertThat(root.getElementsByTagNameNS(SvgDom.XHTML_NS, "h1").item(0).getTextContent())
        .isEqualTo("Timeline of \"SQ01\"");
    NodeList tables = root.getElementsByTagNameNS(SvgDom.XHTML_NS, "table");
    Element factsTable = (Element) tables.item(0);
    assertThat(factsTable.getAttribute("class")).isEqualTo("facts");
    NodeList th = factsTable.getElementsByTagNameNS(SvgDom.XHTML_NS, "th");
    NodeList td = factsTable.getElementsByTagNameNS(SvgDom.XHTML_NS, "td");
    assertThat(th.getLength()).isEqualTo(2);
    assertThat(th.item(0).getTextContent()).isEqualTo("project");
    assertThat(td.item(0).getTextContent()).isEqualTo("Big <Buck> & Co");
    Element figure = (Element) root.getElementsByTagNameNS(SvgDom.XHTML_NS, "figure").item(0);
    assertThat(figure.getElementsByTagNameNS(SvgDom.SVG_NS, "svg").getLength()).isEqualTo(1);
    assertThat(elements(root, "g", "milestone")).hasSize(1);
    Element legend = (Element) tables.item(1);
    assertThat(legend.getAttribute("class")).isEqualTo("legend");
    NodeList tr = legend.getElementsByTagNameNS(SvgDom.XHTML_NS, "tr");
    assertThat(tr.getLength()).isEqualTo(GanttSvg.legend(true).size());
    assertThat(((Element) tr.item(3)).getAttribute("data-series")).isEqualTo("late");
    assertThat(tr.item(3).getTextContent()).contains("late");
    assertThat(html).contains("background: " + GanttSvg.LATE_COLOUR);
  }

  @Test
  void page_notAnSvg_refused() {
    assertThatThrownBy(() -> ChartPage.html("t", "<html/>", List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("svg");
  }
}
