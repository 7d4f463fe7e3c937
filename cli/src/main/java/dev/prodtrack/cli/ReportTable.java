package dev.prodtrack.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of a report with named columns, printed as an aligned text table, CSV (RFC 4180, header line) or
 * JSON (an array of objects, one per row, keys the column names). Cells are strings, numbers, booleans or
 * null (undefined: "-" in a table, empty in CSV, null in JSON). Doubles print with two decimals.
 */
final class ReportTable {
  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();

  ReportTable(String... columns) {
    this.columns = List.of(columns);
  }

  ReportTable row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells for " + columns.size() + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  int size() {
    return rows.size();
  }

  void print(ScheduleOptions.Format format, PrintWriter out) {
    switch (format) {
      case csv -> {
        out.print(String.join(",", columns) + "\r\n");
        for (Object[] r : rows) {
          List<String> cells = new ArrayList<>();
          for (Object c : r) {
            cells.add(csv(c == null ? "" : text(c)));
          }
          out.print(String.join(",", cells) + "\r\n");
        }
      }
      case json -> {
        out.print('[');
        for (int i = 0; i < rows.size(); i++) {
          out.print(i == 0 ? "\n  {" : ",\n  {");
          Object[] r = rows.get(i);
          for (int j = 0; j < r.length; j++) {
            out.print((j == 0 ? "" : ", ") + json(columns.get(j)) + ": " + jsonValue(r[j]));
          }
          out.print('}');
        }
        out.println(rows.isEmpty() ? "]" : "\n]");
      }
      default -> {
        int[] width = new int[columns.size()];
        for (int j = 0; j < width.length; j++) {
          width[j] = columns.get(j).length();
          for (Object[] r : rows) {
            width[j] = Math.max(width[j], cell(r[j]).length());
          }
        }
        StringBuilder header = new StringBuilder();
        for (int j = 0; j < width.length; j++) {
          header.append(j == 0 ? "" : "  ").append(pad(columns.get(j), width[j], false));
        }
        out.println(header.toString().stripTrailing());
        for (Object[] r : rows) {
          StringBuilder line = new StringBuilder();
          for (int j = 0; j < width.length; j++) {
            line.append(j == 0 ? "" : "  ").append(pad(cell(r[j]), width[j], r[j] instanceof Number));
          }
          out.println(line.toString().stripTrailing());
        }
      }
    }
    out.flush();
  }

  private static String cell(Object c) {
    return c == null ? "-" : text(c);
  }

  static String text(Object c) {
    if (c instanceof Double || c instanceof Float) {
      return String.format(Locale.ROOT, "%.2f", ((Number) c).doubleValue());
    }
    return c.toString();
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static String jsonValue(Object c) {
    if (c == null) {
      return "null";
    }
    if (c instanceof Double d) {
      return Double.isFinite(d) ? text(d) : "null";
    }
    if (c instanceof Number || c instanceof Boolean) {
      return c.toString();
    }
    return json(c.toString());
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }
}
