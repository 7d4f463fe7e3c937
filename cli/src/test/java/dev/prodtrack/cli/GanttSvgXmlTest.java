package dev.prodtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.schedule.GanttSvg;
import dev.prodtrack.schedule.TimelineBar;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The core SVG Gantt chart read back with the JDK's XML parser: well-formed XML with one planned bar per dated row, red late bars, a today line. */
class GanttSvgXmlTest {
  private final LocalDate mon = LocalDate.of(2025, 3, 3);

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document d, String name, String classPart) {
    NodeList nodes = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(classPart)) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void render_handMadeRows_barsLateAndToday() throws Exception {
    List<TimelineBar> rows = List.of(
        new TimelineBar("sequence", "s", "SQ01 <main> & \"co\"", mon, mon.plusDays(9), mon, null, true),
        new TimelineBar("entity", "e", "SH010", mon, mon.plusDays(9), mon, null, true),
        new TimelineBar("task", "t1", "SH010 / Animation", mon, mon.plusDays(2), mon, null, true),
        new TimelineBar("task", "t2", "SH010 / Compositing", mon.plusDays(3), mon.plusDays(9), mon.plusDays(3),
            mon.plusDays(4), false),
        new TimelineBar("task", "t3", "SH010 / Lighting", null, null, null, null, false));
    Document d = parse(GanttSvg.render("Gantt of SQ01", rows, mon.plusDays(5)));
    assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
    List<Element> planned = elements(d, "rect", "planned");
    assertThat(planned).extracting(e -> e.getAttribute("data-id")).containsExactly("s", "e", "t1", "t2");
    List<Element> late = elements(d, "rect", "late");
    assertThat(late).extracting(e -> e.getAttribute("data-id")).containsExactly("s", "e", "t1");
    assertThat(late).allSatisfy(e -> assertThat(e.getAttribute("fill")).isEqualTo(GanttSvg.LATE_COLOUR));
    assertThat(elements(d, "rect", "planned")).filteredOn(e -> !e.getAttribute("class").contains("late"))
        .allSatisfy(e -> assertThat(e.getAttribute("fill")).isNotEqualTo(GanttSvg.LATE_COLOUR));
    assertThat(elements(d, "rect", "actual")).hasSize(4);
    List<Element> today = elements(d, "line", "today");
    assertThat(today).hasSize(1);
    // The planned bar of t1 covers Mon..Wed: three days wide, starting where Monday starts.
    Element t1 = planned.get(2);
    Element t2 = planned.get(3);
    double dayWidth = Double.parseDouble(t1.getAttribute("width")) / 3;
    assertThat(Double.parseDouble(t2.getAttribute("x")) - Double.parseDouble(t1.getAttribute("x")))
        .isCloseTo(3 * dayWidth, org.assertj.core.data.Offset.offset(1e-6));
    double todayX = Double.parseDouble(today.get(0).getAttribute("x1"));
    assertThat(todayX).isBetween(Double.parseDouble(t1.getAttribute("x")) + 5 * dayWidth,
        Double.parseDouble(t1.getAttribute("x")) + 6 * dayWidth);
    assertThat(d.getDocumentElement().getTextContent()).contains("SQ01 <main> & \"co\"");
  }

}
