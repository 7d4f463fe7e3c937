package dev.prodtrack.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A report as rows of named columns, printed as an aligned table, CSV or JSON ({@link FormatOption.Format}).
 * Every report command builds one and prints it, so the three formats hold the same data.
 *
 * <p>Cells are {@code null} (empty; JSON {@code null}), numbers ({@code Double} and {@code Float} are
 * rounded to at most two decimals in every format, NaN and infinities print as empty/{@code null};
 * integers as they are), booleans, or anything else
 * printed with {@code toString()} ({@code LocalDate} gives its ISO form). Not thread-safe.
 */
public final class Table {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();

  /**
   * A table with these columns.
   *
   * @param columns the column names, in order (JSON keys; use snake_case); at least one, distinct
   * @throws IllegalArgumentException if there are no columns or a name repeats
   */
  public Table(String... columns) {
    this.columns = List.of(columns);
    if (this.columns.isEmpty() || this.columns.stream().distinct().count() != columns.length) {
      throw new IllegalArgumentException("columns must be one or more distinct names: " + this.columns);
    }
  }

  /**
   * Adds a row.
   *
   * @param cells one value per column, nullable
   * @return this table
   * @throws IllegalArgumentException if the number of cells differs from the number of columns
   */
  public Table add(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException("a row needs " + columns.size() + " cells " + columns + ", got "
          + cells.length + ": " + Arrays.toString(cells));
    }
    rows.add(cells.clone());
    return this;
  }

  /**
   * The column names.
   *
   * @return an unmodifiable list
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * The number of rows.
   *
   * @return the count
   */
  public int size() {
    return rows.size();
  }

  /**
   * Prints the table and flushes.
   *
   * @param format the format
   * @param out where to print
   */
  public void print(FormatOption.Format format, PrintWriter out) {
    Objects.requireNonNull(format, "format");
    switch (format) {
      case TABLE -> printTable(out);
      case CSV -> printCsv(out);
      case JSON -> printJson(out);
    }
    out.flush();
  }

  private void printTable(PrintWriter out) {
    int n = columns.size();
    int[] width = new int[n];
    boolean[] numeric = new boolean[n];
    Arrays.fill(numeric, true);
    for (int c = 0; c < n; c++) {
      width[c] = columns.get(c).length();
    }
    for (Object[] row : rows) {
      for (int c = 0; c < n; c++) {
        width[c] = Math.max(width[c], text(row[c]).length());
        if (row[c] != null && !(row[c] instanceof Number)) {
          numeric[c] = false;
        }
      }
    }
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < n; c++) {
      cell(line, columns.get(c), width[c], numeric[c] && !rows.isEmpty(), c == n - 1);
    }
    out.println(line);
    line.setLength(0);
    for (int c = 0; c < n; c++) {
      cell(line, "-".repeat(width[c]), width[c], false, c == n - 1);
    }
    out.println(line);
    for (Object[] row : rows) {
      line.setLength(0);
      for (int c = 0; c < n; c++) {
        cell(line, text(row[c]), width[c], numeric[c], c == n - 1);
      }
      out.println(line);
    }
  }

  private static void cell(StringBuilder line, String text, int width, boolean right, boolean last) {
    String pad = " ".repeat(width - text.length());
    if (right) {
      line.append(pad).append(text);
    } else {
      line.append(text);
      if (!last) {
        line.append(pad);
      }
    }
    if (!last) {
      line.append("  ");
    }
  }

  private void printCsv(PrintWriter out) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      if (c > 0) {
        b.append(',');
      }
      b.append(csvField(columns.get(c)));
    }
    out.print(b.append("\r\n"));
    for (Object[] row : rows) {
      b.setLength(0);
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          b.append(',');
        }
        b.append(csvField(text(row[c])));
      }
      out.print(b.append("\r\n"));
    }
  }

  /**
   * Quotes a CSV field as RFC 4180 asks: when it holds a comma, a double quote, CR or LF (and when it has
   * leading or trailing spaces, which some readers trim), doubling the quotes inside.
   *
   * @param text the field
   * @return the field as written
   */
  static String csvField(String text) {
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0 || (!text.isEmpty() && (text.charAt(0) == ' '
        || text.charAt(text.length() - 1) == ' '));
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  private void printJson(PrintWriter out) {
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), new NonClosing(out))) {
      g.writeStartArray();
      for (Object[] row : rows) {
        g.writeStartObject();
        for (int c = 0; c < row.length; c++) {
          g.writeName(columns.get(c));
          Object v = row[c];
          if (v == null) {
            g.writeNull();
          } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
          } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
              g.writeNumber(rounded(d));
            } else {
              g.writeNull();
            }
          } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
          } else if (v instanceof Number num) {
            g.writeNumber(num.longValue());
          } else {
            g.writeString(v.toString());
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    out.println();
  }

  private static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? rounded(d).toPlainString() : "";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }

  private static BigDecimal rounded(double d) {
    BigDecimal r = BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return r.scale() < 0 ? r.setScale(0) : r;
  }

  /** The generator closes its target when done: keep the command's writer open. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(java.io.Writer out) {
      super(out);
    }

    @Override
    public void close() {
      // The command line owns the writer.
    }
  }
}
