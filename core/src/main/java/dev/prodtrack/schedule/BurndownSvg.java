package dev.prodtrack.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Draws a burn-down series ({@link BurndownPoint}s, one per working day) as a standalone SVG line chart a
 * browser opens as is (no script, no external resource): the remaining estimate in person-days, the ideal
 * line, and the count of done tasks as a burn-up on a second axis at the right, with a today line, axes
 * with ticks and labels, and a legend.
 *
 * <p>Layout. Points are spaced evenly along x, one step per working day (so the ideal line, which falls
 * linearly in working days, is straight): point {@code i} of {@code n} sits at
 * {@code x = left + i × width / (n − 1)} of the plot area (a single point sits in the middle). The left
 * axis runs from 0 at the bottom of the plot area to {@code data-y-max} at its top, the right axis from 0
 * to {@code data-done-max}; both maxima are rounded up to a tick (steps of 1, 2, 2.5 or 5 times a power of
 * ten; whole numbers for the done count).
 *
 * <p>Structure, for tools that read the file: the root {@code svg} has class {@code burndown}; the plot
 * area is the {@code rect} of class {@code plot-area} with {@code data-y-max} and {@code data-done-max};
 * each series is a {@code polyline} of class {@code series} plus its name ({@code remaining},
 * {@code ideal}, {@code done}) in {@code class} and {@code data-series}, its {@code points} in point order
 * (the ideal line is left out when no point has an ideal value, and holds only the points that have one);
 * axis ticks are {@code g} elements of class {@code tick} inside the {@code g} of class {@code axis x},
 * {@code axis y-left} or {@code axis y-right}, each with {@code data-date} (x) or {@code data-value} (y) and
 * a {@code line} and a {@code text}; the today line is the {@code line} of class {@code today} with
 * {@code data-date}, drawn at the last point on or before today, and only when today lies within the
 * series' dates. The remaining and done lines stop at that same point (what lies after today is not
 * known yet; the ideal line spans the whole series, and so do they when today is outside it); the legend is the {@code g} of class {@code legend}
 * holding one {@code g} of class
 * {@code legend-entry} per series with {@code data-series}. Output is deterministic for equal inputs.
 * Thread-safe (stateless).
 */
public final class BurndownSvg {
  /** Stroke of the remaining-estimate line. */
  public static final String REMAINING_COLOUR = "#1565c0";
  /** Stroke of the ideal line. */
  public static final String IDEAL_COLOUR = "#9e9e9e";
  /** Stroke of the done-tasks (burn-up) line. */
  public static final String DONE_COLOUR = "#2e7d32";
  /** Stroke of the today line. */
  public static final String TODAY_COLOUR = "#ff9800";
  /** Width of the whole chart, in pixels. */
  static final int WIDTH = 1000;
  /** Height of the whole chart, in pixels. */
  static final int HEIGHT = 520;
  private static final int LEFT = 80;
  private static final int RIGHT = 80;
  private static final int TOP = 80;
  private static final int BOTTOM = 70;
  private static final int X_LABELS = 10;

  private BurndownSvg() {}

  /**
   * Renders a series as an SVG document.
   *
   * @param title the chart's title
   * @param points the series, one point per working day in date order (as
   *     {@code session.schedule().burndown(...)} returns it), not empty
   * @param today the day of the today line
   * @return the SVG document, UTF-8 text with an XML declaration
   * @throws NullPointerException if an argument or a point is null
   * @throws IllegalArgumentException if {@code points} is empty or not in increasing date order
   */
  public static String render(String title, List<BurndownPoint> points, LocalDate today) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(today, "today");
    if (points.isEmpty()) {
      throw new IllegalArgumentException("points must not be empty (no working day in the range?)");
    }
    double maxValue = 0;
    int maxDone = 0;
    boolean anyIdeal = false;
    for (int i = 0; i < points.size(); i++) {
      BurndownPoint p = Objects.requireNonNull(points.get(i), "point");
      if (i > 0 && !p.date().isAfter(points.get(i - 1).date())) {
        throw new IllegalArgumentException("points must be in increasing date order, " + p.date() + " follows "
            + points.get(i - 1).date());
      }
      maxValue = Math.max(maxValue, p.remaining());
      if (p.ideal().isPresent()) {
        anyIdeal = true;
        maxValue = Math.max(maxValue, p.ideal().getAsDouble());
      }
      maxDone = Math.max(maxDone, p.doneTasks());
    }
    double yStep = niceStep(maxValue > 0 ? maxValue / 5 : 0.2);
    double yMax = yStep * Math.max(1, Math.ceil(maxValue / yStep - 1e-9));
    long doneStep = Math.max(1, Math.round(Math.ceil(niceStep(Math.max(1, maxDone) / 5.0))));
    long doneMax = doneStep * Math.max(1, (long) Math.ceil((double) maxDone / doneStep));
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    int bottom = TOP + plotH;
    int n = points.size();
    java.util.function.IntToDoubleFunction x = i -> n == 1 ? LEFT + plotW / 2.0 : LEFT + (double) i * plotW / (n - 1);
    java.util.function.DoubleUnaryOperator yLeft = v -> bottom - v / yMax * plotH;
    java.util.function.DoubleUnaryOperator yRight = v -> bottom - v / doneMax * plotH;

    StringBuilder svg = new StringBuilder(4096 + n * 60);
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"burndown\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("  <title>").append(GanttSvg.escape(title)).append("</title>\n");
    svg.append("  <rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" fill=\"#ffffff\"/>\n");
    svg.append("  <text class=\"heading\" x=\"8\" y=\"20\" font-size=\"15\" font-weight=\"bold\">")
        .append(GanttSvg.escape(title)).append("</text>\n");
    svg.append("  <rect class=\"plot-area\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
        .append(plotW).append("\" height=\"").append(plotH).append("\" data-y-max=\"").append(GanttSvg.num(yMax))
        .append("\" data-done-max=\"").append(doneMax).append("\" fill=\"none\" stroke=\"#bdbdbd\"/>\n");

    // Left axis: person-days, with a grid line per tick.
    svg.append("  <g class=\"axis y-left\">\n");
    int steps = (int) Math.round(yMax / yStep);
    for (int k = 0; k <= steps; k++) {
      double v = k * yStep;
      String y = GanttSvg.num(yLeft.applyAsDouble(v));
      svg.append("    <g class=\"tick\" data-value=\"").append(GanttSvg.num(v)).append("\"><line x1=\"").append(LEFT - 5)
          .append("\" y1=\"").append(y).append("\" x2=\"").append(LEFT + plotW).append("\" y2=\"").append(y)
          .append("\" stroke=\"#eeeeee\"/><text x=\"").append(LEFT - 8).append("\" y=\"").append(y)
          .append("\" dy=\"4\" text-anchor=\"end\">").append(GanttSvg.num(v)).append("</text></g>\n");
    }
    svg.append("    <text class=\"axis-label\" transform=\"translate(20,").append(TOP + plotH / 2)
        .append(") rotate(-90)\" text-anchor=\"middle\">person-days remaining</text>\n");
    svg.append("  </g>\n");

    // Right axis: done tasks.
    svg.append("  <g class=\"axis y-right\">\n");
    for (long c = 0; c <= doneMax; c += doneStep) {
      String y = GanttSvg.num(yRight.applyAsDouble(c));
      svg.append("    <g class=\"tick\" data-value=\"").append(c).append("\"><line x1=\"").append(LEFT + plotW)
          .append("\" y1=\"").append(y).append("\" x2=\"").append(LEFT + plotW + 5).append("\" y2=\"").append(y)
          .append("\" stroke=\"#757575\"/><text x=\"").append(LEFT + plotW + 8).append("\" y=\"").append(y)
          .append("\" dy=\"4\">").append(c).append("</text></g>\n");
    }
    svg.append("    <text class=\"axis-label\" transform=\"translate(").append(WIDTH - 20).append(',')
        .append(TOP + plotH / 2).append(") rotate(90)\" text-anchor=\"middle\">tasks done</text>\n");
    svg.append("  </g>\n");

    // Bottom axis: dates of every k-th working day.
    svg.append("  <g class=\"axis x\">\n");
    int every = Math.max(1, (int) Math.ceil((double) n / X_LABELS));
    for (int i = 0; i < n; i += every) {
      String xi = GanttSvg.num(x.applyAsDouble(i));
      svg.append("    <g class=\"tick\" data-date=\"").append(points.get(i).date()).append("\"><line x1=\"").append(xi)
          .append("\" y1=\"").append(bottom).append("\" x2=\"").append(xi).append("\" y2=\"").append(bottom + 5)
          .append("\" stroke=\"#757575\"/><text x=\"").append(xi).append("\" y=\"").append(bottom + 18)
          .append("\" text-anchor=\"middle\">").append(points.get(i).date()).append("</text></g>\n");
    }
    svg.append("    <text class=\"axis-label\" x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(HEIGHT - 16)
        .append("\" text-anchor=\"middle\">working day</text>\n");
    svg.append("  </g>\n");

    // Series.
    if (anyIdeal) {
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (points.get(i).ideal().isPresent()) {
          point(pts, x.applyAsDouble(i), yLeft.applyAsDouble(points.get(i).ideal().getAsDouble()));
        }
      }
      series(svg, "ideal", IDEAL_COLOUR, " stroke-dasharray=\"8 4\"", pts, "ideal remaining");
    }
    // The last point on or before today (-1 when today is before the series; n - 1 when after it).
    int todayAt = -1;
    while (todayAt + 1 < n && !points.get(todayAt + 1).date().isAfter(today)) {
      todayAt++;
    }
    StringBuilder remaining = new StringBuilder();
    StringBuilder done = new StringBuilder();
    int actualEnd = todayAt >= 0 ? todayAt : n - 1;
    for (int i = 0; i <= actualEnd; i++) {
      point(remaining, x.applyAsDouble(i), yLeft.applyAsDouble(points.get(i).remaining()));
      point(done, x.applyAsDouble(i), yRight.applyAsDouble(points.get(i).doneTasks()));
    }
    BurndownPoint lastPoint = points.get(actualEnd);
    series(svg, "done", DONE_COLOUR, "", done, "tasks done: " + lastPoint.doneTasks() + " on " + lastPoint.date());
    series(svg, "remaining", REMAINING_COLOUR, "", remaining,
        "person-days remaining: " + GanttSvg.num(round2(lastPoint.remaining())) + " on " + lastPoint.date());

    // Today.
    if (!today.isBefore(points.get(0).date()) && !today.isAfter(points.get(n - 1).date())) {
      String tx = GanttSvg.num(x.applyAsDouble(todayAt));
      svg.append("  <line class=\"today\" data-date=\"").append(today).append("\" x1=\"").append(tx).append("\" y1=\"")
          .append(TOP - 6).append("\" x2=\"").append(tx).append("\" y2=\"").append(bottom).append("\" stroke=\"")
          .append(TODAY_COLOUR).append("\" stroke-width=\"2\" stroke-dasharray=\"6 3\"><title>today ").append(today)
          .append("</title></line>\n");
    }

    // Legend.
    svg.append("  <g class=\"legend\">\n");
    int lx = LEFT;
    for (LegendItem item : legend()) {
      if (item.series().equals("ideal") && !anyIdeal) {
        continue;
      }
      svg.append("    <g class=\"legend-entry\" data-series=\"").append(item.series()).append("\"><line x1=\"").append(lx)
          .append("\" y1=\"46\" x2=\"").append(lx + 24).append("\" y2=\"46\" stroke=\"").append(item.colour())
          .append("\" stroke-width=\"3\"/><text x=\"").append(lx + 30).append("\" y=\"50\">")
          .append(GanttSvg.escape(item.label())).append("</text></g>\n");
      lx += 40 + item.label().length() * 7;
    }
    svg.append("  </g>\n");
    svg.append("</svg>\n");
    return svg.toString();
  }

  /**
   * The colours the chart uses and what they stand for, for a page around the chart.
   *
   * @return the legend, in drawing order
   */
  public static List<LegendItem> legend() {
    return List.of(
        new LegendItem("remaining", REMAINING_COLOUR, "person-days remaining"),
        new LegendItem("ideal", IDEAL_COLOUR, "ideal (start to end date)"),
        new LegendItem("done", DONE_COLOUR, "tasks done (right axis)"),
        new LegendItem("today", TODAY_COLOUR, "today"));
  }

  private static void series(StringBuilder svg, String name, String colour, String extra, StringBuilder pts,
      String tooltip) {
    svg.append("  <polyline class=\"series ").append(name).append("\" data-series=\"").append(name)
        .append("\" points=\"").append(pts).append("\" fill=\"none\" stroke=\"").append(colour)
        .append("\" stroke-width=\"2\"").append(extra).append("><title>").append(GanttSvg.escape(tooltip))
        .append("</title></polyline>\n");
  }

  private static void point(StringBuilder pts, double x, double y) {
    if (pts.length() > 0) {
      pts.append(' ');
    }
    pts.append(GanttSvg.num(x)).append(',').append(GanttSvg.num(y));
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least {@code raw}. */
  static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double f : new double[] {1, 2, 2.5, 5, 10}) {
      if (f * magnitude >= raw - 1e-12 * magnitude) {
        return f * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
