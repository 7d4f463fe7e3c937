package dev.prodtrack.schedule;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Draws timeline rows as a standalone SVG Gantt chart a browser opens as is (no script, no external
 * resource). One row per {@link TimelineBar}, in the order given: the label on the left, the planned bar
 * ({@code plannedStart..plannedEnd}, both days included), and a thinner actual bar below it
 * ({@code actualStart..actualEnd}, or up to today while the work is open). Late bars are red; a dashed
 * vertical line marks today; month boundaries are ticked along the top.
 *
 * <p>Structure, for tools that read the file: every planned bar is a {@code rect} whose {@code class}
 * holds {@code planned} (and {@code late} when late), every actual bar one whose class holds
 * {@code actual}, each with {@code data-id} and {@code data-level} from its row; the today line is the
 * {@code line} of class {@code today}. Output is deterministic for equal inputs. Thread-safe (stateless).
 *
 * <p>Milestones ({@link #render(String, List, LocalDate, List)}) are drawn in a band between the month
 * ticks and the first row, in date order: each is a {@code g} of class {@code milestone} with
 * {@code data-date} (ISO) and {@code data-label}, holding a diamond ({@code polygon} of class
 * {@code milestone-marker}, centred on the middle of its day like the today line), its label
 * ({@code text} of class {@code milestone-label}) and a dashed vertical marker down through the rows
 * ({@code line} of class {@code milestone-line}). Without milestones the layout is that of
 * {@link #render(String, List, LocalDate)}. The day scale is the same for every element: a day
 * {@code d} starts at {@code x = LABEL_WIDTH + (d − first) × dayWidth}, where {@code first} is the first
 * day of the month of the earliest date drawn.
 */
public final class GanttSvg {
  /** Fill of a late planned bar. */
  public static final String LATE_COLOUR = "#d32f2f";
  private static final String TASK_COLOUR = "#90caf9";
  private static final String ROLLUP_COLOUR = "#5c6bc0";
  private static final String ACTUAL_COLOUR = "#2e7d32";
  private static final String TODAY_COLOUR = "#ff9800";
  private static final String MILESTONE_COLOUR = "#6a1b9a";
  private static final int LABEL_WIDTH = 280;
  private static final int ROW_HEIGHT = 22;
  private static final int HEADER = 72;
  private static final int CHART_WIDTH = 1200;
  /** Height of the milestone band, drawn only when there are milestones (two staggered label lines). */
  private static final int MILESTONE_BAND = 34;

  private GanttSvg() {}

  /**
   * Orders a timeline's rows as an outline for a chart: each episode followed by its sequences, each
   * sequence by its shots and scenes, each entity by its tasks; then the sequences without an episode, the
   * entities without a sequence (assets), and tasks whose entity row is missing. Rows are placed under their
   * parent by {@link TimelineBar#parentId()}, as the engine's timeline sets it, so entities of the same name
   * in different sequences stay apart. Rows without parent ids (built by hand) fall back to matching tasks to
   * entities by the {@code "<entity> / <task type>"} label. Project, task-type and person roll-ups are left
   * out. Linear in the number of rows (label matching aside).
   *
   * @param timeline the timeline, e.g. of one sequence
   * @return the rows in outline order, each once
   */
  public static List<TimelineBar> outline(Timeline timeline) {
    Objects.requireNonNull(timeline, "timeline");
    List<TimelineBar> episodes = timeline.level("episode");
    List<TimelineBar> sequences = timeline.level("sequence");
    List<TimelineBar> entities = timeline.level("entity");
    List<TimelineBar> tasks = timeline.level("task");
    if (tasks.stream().noneMatch(t -> t.parentId() != null)) {
      return outlineByLabel(episodes, sequences, entities, tasks);
    }
    Map<String, List<TimelineBar>> sequencesOf = children(sequences);
    Map<String, List<TimelineBar>> entitiesOf = children(entities);
    Map<String, List<TimelineBar>> tasksOf = children(tasks);
    List<TimelineBar> out = new ArrayList<>();
    java.util.Set<String> placed = new java.util.HashSet<>();
    for (TimelineBar episode : episodes) {
      out.add(episode);
      for (TimelineBar sequence : sequencesOf.getOrDefault(episode.id(), List.of())) {
        addSequence(sequence, entitiesOf, tasksOf, out, placed);
      }
    }
    for (TimelineBar sequence : sequences) {
      if (!placed.contains(sequence.id())) {
        addSequence(sequence, entitiesOf, tasksOf, out, placed);
      }
    }
    for (TimelineBar entity : entities) {
      if (!placed.contains(entity.id())) {
        addEntity(entity, tasksOf, out, placed);
      }
    }
    for (TimelineBar task : tasks) {
      if (!placed.contains(task.id())) {
        out.add(task);
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, List<TimelineBar>> children(List<TimelineBar> rows) {
    Map<String, List<TimelineBar>> out = new java.util.HashMap<>();
    for (TimelineBar r : rows) {
      if (r.parentId() != null) {
        out.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }

  private static void addSequence(TimelineBar sequence, Map<String, List<TimelineBar>> entitiesOf,
      Map<String, List<TimelineBar>> tasksOf, List<TimelineBar> out, java.util.Set<String> placed) {
    out.add(sequence);
    placed.add(sequence.id());
    for (TimelineBar entity : entitiesOf.getOrDefault(sequence.id(), List.of())) {
      addEntity(entity, tasksOf, out, placed);
    }
  }

  private static void addEntity(TimelineBar entity, Map<String, List<TimelineBar>> tasksOf, List<TimelineBar> out,
      java.util.Set<String> placed) {
    out.add(entity);
    placed.add(entity.id());
    for (TimelineBar task : tasksOf.getOrDefault(entity.id(), List.of())) {
      out.add(task);
      placed.add(task.id());
    }
  }

  /** The outline of rows without parent ids: tasks go under the first entity whose label prefixes theirs. */
  private static List<TimelineBar> outlineByLabel(List<TimelineBar> episodes, List<TimelineBar> sequences,
      List<TimelineBar> entities, List<TimelineBar> tasks) {
    List<TimelineBar> out = new ArrayList<>(episodes);
    out.addAll(sequences);
    Map<String, List<TimelineBar>> tasksByEntity = new LinkedHashMap<>();
    for (TimelineBar e : entities) {
      tasksByEntity.putIfAbsent(e.label() + " / ", new ArrayList<>());
    }
    List<TimelineBar> orphans = new ArrayList<>();
    for (TimelineBar t : tasks) {
      List<TimelineBar> home = null;
      for (var entry : tasksByEntity.entrySet()) {
        if (t.label().startsWith(entry.getKey())) {
          home = entry.getValue();
          break;
        }
      }
      (home != null ? home : orphans).add(t);
    }
    java.util.Set<String> emitted = new java.util.HashSet<>();
    for (TimelineBar e : entities) {
      out.add(e);
      // Entities sharing a label share the tasks: they go under the first of them only.
      if (emitted.add(e.label())) {
        out.addAll(tasksByEntity.get(e.label() + " / "));
      }
    }
    out.addAll(orphans);
    return List.copyOf(out);
  }

  /**
   * Renders rows as an SVG document, without milestones.
   *
   * @param title the chart's title
   * @param rows the rows, drawn top to bottom
   * @param today the day of the today line (also the end of open actual bars)
   * @return the SVG document, UTF-8 text with an XML declaration
   */
  public static String render(String title, List<TimelineBar> rows, LocalDate today) {
    return render(title, rows, today, List.of());
  }

  /**
   * Renders rows as an SVG document with milestones (the project's end date, deliveries...): a labelled
   * diamond per milestone and a vertical marker through the rows. The time axis is widened to hold every
   * milestone.
   *
   * @param title the chart's title
   * @param rows the rows, drawn top to bottom
   * @param today the day of the today line (also the end of open actual bars)
   * @param milestones the milestones, in any order (drawn by date, then label); may be empty
   * @return the SVG document, UTF-8 text with an XML declaration
   * @throws NullPointerException if an argument or an element is null
   */
  public static String render(String title, List<TimelineBar> rows, LocalDate today, List<Milestone> milestones) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(today, "today");
    List<Milestone> marks = new ArrayList<>(milestones);
    marks.forEach(m -> Objects.requireNonNull(m, "milestone"));
    marks.sort(java.util.Comparator.comparing(Milestone::date).thenComparing(Milestone::label));
    int header = HEADER + (marks.isEmpty() ? 0 : MILESTONE_BAND);
    LocalDate first = today;
    LocalDate last = today;
    for (Milestone m : marks) {
      first = m.date().isBefore(first) ? m.date() : first;
      last = m.date().isAfter(last) ? m.date() : last;
    }
    for (TimelineBar b : rows) {
      for (LocalDate d : new LocalDate[] {b.plannedStart(), b.plannedEnd(), b.actualStart(), b.actualEnd()}) {
        if (d != null) {
          first = d.isBefore(first) ? d : first;
          last = d.isAfter(last) ? d : last;
        }
      }
    }
    first = first.withDayOfMonth(1);
    long days = last.toEpochDay() - first.toEpochDay() + 1;
    double dayWidth = Math.max(1.5, Math.min(24, (double) CHART_WIDTH / days));
    double width = LABEL_WIDTH + days * dayWidth + 20;
    int height = header + rows.size() * ROW_HEIGHT + 20;
    LocalDate origin = first;
    java.util.function.ToDoubleFunction<LocalDate> x = d -> LABEL_WIDTH + (d.toEpochDay() - origin.toEpochDay())
        * dayWidth;

    StringBuilder svg = new StringBuilder(256 + rows.size() * 400);
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width)).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("  <title>").append(escape(title)).append("</title>\n");
    svg.append("  <rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"")
        .append(height).append("\" fill=\"#ffffff\"/>\n");
    svg.append("  <text class=\"heading\" x=\"8\" y=\"20\" font-size=\"15\" font-weight=\"bold\">")
        .append(escape(title)).append("</text>\n");
    svg.append("  <text class=\"legend\" x=\"8\" y=\"40\" fill=\"#555555\">planned (blue), actual (green), late (red),"
        + " today (orange line)").append(marks.isEmpty() ? "" : ", milestones (purple diamonds)").append("</text>\n");
    for (LocalDate m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      double mx = x.applyAsDouble(m);
      svg.append("  <line class=\"month\" x1=\"").append(num(mx)).append("\" y1=\"").append(HEADER - 10)
          .append("\" x2=\"").append(num(mx)).append("\" y2=\"").append(height - 20)
          .append("\" stroke=\"#e0e0e0\"/>\n");
      svg.append("  <text class=\"month\" x=\"").append(num(mx + 3)).append("\" y=\"").append(HEADER - 14)
          .append("\" fill=\"#555555\">")
          .append(m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT)).append(' ').append(m.getYear())
          .append("</text>\n");
    }
    for (int i = 0; i < marks.size(); i++) {
      Milestone m = marks.get(i);
      double mx = x.applyAsDouble(m.date()) + dayWidth / 2;
      int my = HEADER + 10 + (i % 2) * 14;
      svg.append("  <g class=\"milestone\" data-date=\"").append(m.date()).append("\" data-label=\"")
          .append(escape(m.label())).append("\">\n");
      svg.append("    <line class=\"milestone-line\" x1=\"").append(num(mx)).append("\" y1=\"").append(my + 5)
          .append("\" x2=\"").append(num(mx)).append("\" y2=\"").append(height - 14).append("\" stroke=\"")
          .append(MILESTONE_COLOUR).append("\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>\n");
      svg.append("    <polygon class=\"milestone-marker\" points=\"").append(num(mx)).append(',').append(my - 6)
          .append(' ').append(num(mx + 6)).append(',').append(my).append(' ').append(num(mx)).append(',')
          .append(my + 6).append(' ').append(num(mx - 6)).append(',').append(my).append("\" fill=\"")
          .append(MILESTONE_COLOUR).append("\"><title>").append(escape(m.label() + ": " + m.date()))
          .append("</title></polygon>\n");
      svg.append("    <text class=\"milestone-label\" x=\"").append(num(mx + 9)).append("\" y=\"").append(my + 4)
          .append("\" fill=\"").append(MILESTONE_COLOUR).append("\">").append(escape(clip(m.label(), 40)))
          .append(' ').append(m.date()).append("</text>\n");
      svg.append("  </g>\n");
    }
    for (int i = 0; i < rows.size(); i++) {
      TimelineBar b = rows.get(i);
      int y = header + i * ROW_HEIGHT;
      int indent = switch (b.level()) {
        case "task" -> 24;
        case "entity" -> 12;
        default -> 0;
      };
      boolean task = b.level().equals("task");
      svg.append("  <text class=\"label\" x=\"").append(8 + indent).append("\" y=\"").append(y + 15).append('"')
          .append(task ? "" : " font-weight=\"bold\"").append('>').append(escape(clip(b.label(), 40)))
          .append("</text>\n");
      if (b.plannedStart() != null && b.plannedEnd() != null) {
        String fill = b.late() ? LATE_COLOUR : task ? TASK_COLOUR : ROLLUP_COLOUR;
        bar(svg, b.late() ? "planned late" : "planned", b, x.applyAsDouble(b.plannedStart()), y + 3,
            (b.plannedEnd().toEpochDay() - b.plannedStart().toEpochDay() + 1) * dayWidth, 11, fill,
            "planned " + b.plannedStart() + " .. " + b.plannedEnd() + (b.late() ? " (late)" : ""));
      }
      if (b.actualStart() != null) {
        LocalDate end = b.actualEnd() != null ? b.actualEnd() : today;
        if (end.isBefore(b.actualStart())) {
          end = b.actualStart();
        }
        bar(svg, "actual", b, x.applyAsDouble(b.actualStart()), y + 15,
            (end.toEpochDay() - b.actualStart().toEpochDay() + 1) * dayWidth, 5, ACTUAL_COLOUR,
            "actual " + b.actualStart() + " .. " + (b.actualEnd() != null ? b.actualEnd() : "open"));
      }
    }
    double tx = x.applyAsDouble(today) + dayWidth / 2;
    svg.append("  <line class=\"today\" x1=\"").append(num(tx)).append("\" y1=\"").append(HEADER - 6)
        .append("\" x2=\"").append(num(tx)).append("\" y2=\"").append(height - 14).append("\" stroke=\"")
        .append(TODAY_COLOUR).append("\" stroke-width=\"2\" stroke-dasharray=\"6 3\"><title>today ").append(today)
        .append("</title></line>\n");
    svg.append("</svg>\n");
    return svg.toString();
  }

  /**
   * The colours the chart uses and what they stand for, for a page around the chart.
   *
   * @param withMilestones whether to list the milestone colour
   * @return the legend, in drawing order
   */
  public static List<LegendItem> legend(boolean withMilestones) {
    List<LegendItem> items = new ArrayList<>(List.of(
        new LegendItem("planned", TASK_COLOUR, "planned task bar"),
        new LegendItem("rollup", ROLLUP_COLOUR, "planned roll-up (shot, sequence, episode)"),
        new LegendItem("actual", ACTUAL_COLOUR, "actual work, up to today while open"),
        new LegendItem("late", LATE_COLOUR, "late: not done and planned to end before today"),
        new LegendItem("today", TODAY_COLOUR, "today")));
    if (withMilestones) {
      items.add(new LegendItem("milestone", MILESTONE_COLOUR, "milestone"));
    }
    return List.copyOf(items);
  }

  private static void bar(StringBuilder svg, String cls, TimelineBar b, double x, int y, double w, int h,
      String fill, String tooltip) {
    svg.append("  <rect class=\"").append(cls).append("\" data-id=\"").append(escape(b.id()))
        .append("\" data-level=\"").append(escape(b.level())).append("\" x=\"").append(num(x)).append("\" y=\"")
        .append(y).append("\" width=\"").append(num(w)).append("\" height=\"").append(h).append("\" fill=\"")
        .append(fill).append("\"><title>").append(escape(b.label() + ": " + tooltip)).append("</title></rect>\n");
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot carry. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            if (Character.isSurrogate(c)) {
              if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
              }
            } else if (c != 0xFFFE && c != 0xFFFF) {
              out.append(c);
            }
          }
        }
      }
    }
    return out.toString();
  }
}
