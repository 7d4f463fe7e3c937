package dev.prodtrack.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A Gantt-ready timeline: the task bars and their roll-ups, exportable as CSV or JSON.
 *
 * @param bars the rows: roll-ups first (project, then each level), then tasks, each group by label
 */
public record Timeline(List<TimelineBar> bars) {

  /** Copies the rows. */
  public Timeline {
    bars = List.copyOf(bars);
  }

  /**
   * The rows of one level.
   *
   * @param level {@code task}, {@code entity}, {@code sequence}, ...
   * @return the rows
   */
  public List<TimelineBar> level(String level) {
    return bars.stream().filter(b -> b.level().equals(level)).toList();
  }

  /**
   * The timeline as CSV (RFC 4180): a header line, then one line per row; dates ISO, empty when unknown; the
   * last column, {@code parent_id}, is the id of the row's parent in the outline, empty for a top-level row.
   *
   * @return the CSV text
   */
  public String toCsv() {
    StringBuilder sb = new StringBuilder(
        "level,id,label,planned_start,planned_end,actual_start,actual_end,late,parent_id\r\n");
    for (TimelineBar b : bars) {
      sb.append(b.level()).append(',').append(b.id()).append(',').append(csv(b.label())).append(',')
          .append(text(b.plannedStart())).append(',').append(text(b.plannedEnd())).append(',')
          .append(text(b.actualStart())).append(',').append(text(b.actualEnd())).append(',').append(b.late())
          .append(',').append(b.parentId() == null ? "" : csv(b.parentId())).append("\r\n");
    }
    return sb.toString();
  }

  /**
   * The timeline as a JSON array of objects with Kitsu-style snake_case fields, the row's parent in the outline
   * as {@code parent_id} (null for a top-level row).
   *
   * @return the JSON text
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < bars.size(); i++) {
      TimelineBar b = bars.get(i);
      if (i > 0) {
        sb.append(',');
      }
      Map<String, Object> fields = new java.util.LinkedHashMap<>();
      fields.put("level", b.level());
      fields.put("id", b.id());
      fields.put("label", b.label());
      fields.put("planned_start", b.plannedStart());
      fields.put("planned_end", b.plannedEnd());
      fields.put("actual_start", b.actualStart());
      fields.put("actual_end", b.actualEnd());
      fields.put("late", b.late());
      fields.put("parent_id", b.parentId());
      sb.append('{');
      int n = 0;
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        if (n++ > 0) {
          sb.append(',');
        }
        sb.append(json(e.getKey())).append(':');
        Object v = e.getValue();
        sb.append(v == null ? "null" : v instanceof Boolean ? v.toString() : json(v.toString()));
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  private static String text(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
