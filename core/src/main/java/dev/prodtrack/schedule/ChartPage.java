package dev.prodtrack.schedule;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Wraps a chart of this package ({@link GanttSvg}, {@link BurndownSvg}) in one standalone HTML page: a
 * title, a small table of facts (scope, as-of day, counts...), the SVG inline, and the legend as a table
 * of colour swatches. No script, no style sheet or font to fetch: the page opens from disk in any browser.
 *
 * <p>Structure, for tools that read the file: the page is well-formed XML (polyglot HTML5, so an XML
 * parser reads it as it is); the heading is the {@code h1}; the facts are the rows of the {@code table}
 * of class {@code facts} ({@code th} name, {@code td} value, in the order given); the chart is the
 * {@code svg} element inside the {@code figure}; the legend is the {@code table} of class {@code legend},
 * one {@code tr} per item with {@code data-series}. Deterministic for equal inputs. Thread-safe
 * (stateless).
 */
public final class ChartPage {

  private ChartPage() {}

  /**
   * Builds the page.
   *
   * @param title the page's title and heading
   * @param svgDocument an SVG document as the charts of this package return it (its XML declaration, if
   *     any, is dropped)
   * @param legend the legend items, in order; may be empty (no legend table then)
   * @param facts name-value rows shown above the chart, in iteration order; may be empty
   * @return the HTML text, UTF-8
   * @throws NullPointerException if an argument, an item, a name or a value is null
   * @throws IllegalArgumentException if {@code svgDocument} holds no {@code <svg} element
   */
  public static String html(String title, String svgDocument, List<LegendItem> legend, Map<String, String> facts) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(svgDocument, "svgDocument");
    Objects.requireNonNull(legend, "legend");
    Objects.requireNonNull(facts, "facts");
    int svgStart = svgDocument.indexOf("<svg");
    if (svgStart < 0) {
      throw new IllegalArgumentException("svgDocument holds no <svg> element: "
          + svgDocument.substring(0, Math.min(80, svgDocument.length())));
    }
    String t = GanttSvg.escape(title);
    StringBuilder html = new StringBuilder(svgDocument.length() + 2048);
    html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n<title>").append(t).append("</title>\n")
        .append("<style>\n")
        .append("body { font-family: sans-serif; margin: 16px; color: #212121; }\n")
        .append("h1 { font-size: 20px; margin: 0 0 8px 0; }\n")
        .append("table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }\n")
        .append("th, td { text-align: left; padding: 2px 10px 2px 0; }\n")
        .append("figure { margin: 8px 0; overflow: auto; }\n")
        .append(".swatch { display: inline-block; width: 14px; height: 14px; vertical-align: middle; }\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(t).append("</h1>\n");
    if (!facts.isEmpty()) {
      html.append("<table class=\"facts\">\n");
      facts.forEach((name, value) -> html.append("<tr><th>").append(GanttSvg.escape(Objects.requireNonNull(name, "name")))
          .append("</th><td>").append(GanttSvg.escape(Objects.requireNonNull(value, "value"))).append("</td></tr>\n"));
      html.append("</table>\n");
    }
    html.append("<figure>\n").append(svgDocument.substring(svgStart).strip()).append("\n</figure>\n");
    if (!legend.isEmpty()) {
      html.append("<table class=\"legend\">\n");
      for (LegendItem item : legend) {
        Objects.requireNonNull(item, "legend item");
        html.append("<tr data-series=\"").append(GanttSvg.escape(item.series())).append("\"><td><span class=\"swatch\" ")
            .append("style=\"background: ").append(item.colour()).append("\"></span></td><td>")
            .append(GanttSvg.escape(item.label())).append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    html.append("</body>\n</html>\n");
    return html.toString();
  }
}
