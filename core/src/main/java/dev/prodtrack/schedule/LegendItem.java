package dev.prodtrack.schedule;

import java.util.Objects;

/**
 * One entry of a chart's legend: a colour and what it stands for. The charts of this package list theirs
 * ({@link GanttSvg#legend(boolean)}, {@link BurndownSvg#legend()}) so that a page around the chart can
 * repeat them ({@link ChartPage}).
 *
 * @param series the machine-readable name of the series or mark ({@code planned}, {@code late}, ...)
 * @param colour a CSS colour, {@code #rrggbb}
 * @param label what the colour stands for, for a reader
 */
public record LegendItem(String series, String colour, String label) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if the colour is not {@code #rrggbb}
   */
  public LegendItem {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(label, "label");
    if (!colour.matches("#[0-9a-fA-F]{6}")) {
      throw new IllegalArgumentException("colour must be #rrggbb, was \"" + colour + "\"");
    }
  }
}
