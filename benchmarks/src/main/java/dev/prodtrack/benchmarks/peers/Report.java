package dev.prodtrack.benchmarks.peers;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns the JSON of a side-by-side JMH run ({@code -rf json -rff results.json}) into the markdown of
 * {@code benchmarks/RESULTS.md}: per size, one row per question with each peer's score, how many times
 * faster prodtrack is than each peer (peer score ÷ prodtrack score, so above 1 means prodtrack wins),
 * allocation per operation when the run used {@code -prof gc}, and the targets of issue 6 beside the
 * measured ratios. Footprint files written by {@link Footprint} add the load and heap rows. The header
 * names the machine, the JDK and the versions of JMH, H2 and SQLite.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.prodtrack.benchmarks.peers.Report
 * queries.json mutations.json footprint-L.tsv > table.md}: JSON files are JMH results, {@code .tsv} files
 * footprints.
 */
public final class Report {
  private static final List<String> PEERS = List.of("prodtrack", "h2", "sqlite", "plain");

  /**
   * A question's targets: from issue 6, the minimum speed-up vs SQLite and vs plain collections (0: none);
   * from issue 5, prodtrack's maximum time at XL in milliseconds (0: none).
   */
  private record Target(String question, double vsSqlite, double vsPlain, double xlMillis) {
    Target(String question, double vsSqlite, double vsPlain) {
      this(question, vsSqlite, vsPlain, 0);
    }
  }

  private static final Map<String, Target> TARGETS = new LinkedHashMap<>();

  static {
    TARGETS.put("TasksForShotBenchmark.tasksForShot", new Target("tasks for a shot", 20, 1));
    TARGETS.put("TasksByStatusBenchmark.byStatus", new Target("tasks by status", 0, 0));
    TARGETS.put("TasksByStatusBenchmark.byStatusAndTaskType", new Target("tasks by status and task type", 0, 0));
    TARGETS.put("TodoListBenchmark.todoList", new Target("todo list of a person", 1_000, 2));
    TARGETS.put("LateTasksBenchmark.lateTasks", new Target("late tasks of a project as of a date", 500, 10));
    TARGETS.put("TimeSpentPerPersonBenchmark.minutesPerPerson", new Target("time spent per person, one month", 300,
        30));
    TARGETS.put("SequenceTimelineBenchmark.timeline", new Target("timeline of a sequence", 10, 1));
    TARGETS.put("CommentWithStatusBenchmark.commentWithStatusChange",
        new Target("comment with status change", 10, 1 / 1.5));
    TARGETS.put("SetTimeSpentBenchmark.setTimeSpent", new Target("set time spent", 0, 0));
    TARGETS.put("ReassignBenchmark.reassign", new Target("reassign", 0, 0));
    TARGETS.put("EarnedValueBenchmark.earnedValue", new Target("earned value of the project", 0, 0, 20));
    TARGETS.put("WorkloadGridBenchmark.workloadGrid", new Target("workload grid of the team, 90 days", 0, 0, 50));
    TARGETS.put("CriticalPathBenchmark.criticalPath", new Target("critical path of the project", 0, 0, 1_000));
  }

  private Report() {}

  /**
   * Prints the markdown report.
   *
   * @param args JMH JSON files and footprint files (ending in {@code .tsv}), in any order
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: Report results.json ... [footprint.tsv ...]");
      System.exit(2);
    }
    List<Object> runs = new ArrayList<>();
    List<String> footprints = new ArrayList<>();
    for (String arg : args) {
      if (arg.endsWith(".tsv")) {
        footprints.addAll(Files.readAllLines(Path.of(arg), StandardCharsets.UTF_8));
      } else {
        runs.addAll(asList(parse(Path.of(arg))));
      }
    }
    write(runs, footprints, new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  static void write(List<Object> runs, List<String> footprints, PrintStream out) {
    // size -> question -> peer -> [score ns, error ns, alloc B/op]
    Map<String, Map<String, Map<String, double[]>>> table = new TreeMap<>();
    Map<String, Object> first = runs.isEmpty() ? Map.of() : asMap(runs.get(0));
    for (Object o : runs) {
      Map<String, Object> run = asMap(o);
      String benchmark = (String) run.get("benchmark");
      String question = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      Map<String, Object> params = asMap(run.getOrDefault("params", Map.of()));
      String peer = (String) params.get("peer");
      String size = (String) params.getOrDefault("size", "?");
      if (peer == null) {
        continue;
      }
      Map<String, Object> primary = asMap(run.get("primaryMetric"));
      double factor = nanos((String) primary.get("scoreUnit"));
      double alloc = Double.NaN;
      Object secondary = run.get("secondaryMetrics");
      if (secondary != null) {
        for (Map.Entry<String, Object> m : asMap(secondary).entrySet()) {
          if (m.getKey().endsWith("gc.alloc.rate.norm")) { // JMH names it "·gc.alloc.rate.norm"
            alloc = number(asMap(m.getValue()).get("score"));
          }
        }
      }
      table.computeIfAbsent(size, k -> new TreeMap<>(Report::byTargetOrder))
          .computeIfAbsent(question, k -> new LinkedHashMap<>())
          .put(peer, new double[] {number(primary.get("score")) * factor, number(primary.get("scoreError")) * factor,
              alloc});
    }
    out.println("Machine: " + machine() + ". JDK: " + first.getOrDefault("vmName", "?") + " "
        + first.getOrDefault("vmVersion", first.getOrDefault("jdkVersion", "?")) + ". JMH "
        + first.getOrDefault("jmhVersion", "?") + ", " + sqlVersions() + ". Settings: "
        + first.getOrDefault("forks", "?") + " fork(s), " + first.getOrDefault("warmupIterations", "?") + " × "
        + first.getOrDefault("warmupTime", "?") + " warm-up, " + first.getOrDefault("measurementIterations", "?")
        + " × " + first.getOrDefault("measurementTime", "?") + " measurement, JVM args "
        + first.getOrDefault("jvmArgs", List.of()) + ".");
    out.println();
    for (Map.Entry<String, Map<String, Map<String, double[]>>> bySize : table.entrySet()) {
      out.println("Size " + bySize.getKey() + " — scores (mean ± error, per operation), and how many times faster"
          + " prodtrack is (peer ÷ prodtrack; > 1 means prodtrack is faster):");
      out.println();
      out.println("| question | prodtrack | H2 | SQLite | plain | × vs H2 | × vs SQLite | × vs plain"
          + " | target vs SQLite | target vs plain |");
      out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
      boolean anyAlloc = false;
      for (Map.Entry<String, Map<String, double[]>> row : bySize.getValue().entrySet()) {
        Map<String, double[]> scores = row.getValue();
        Target target = TARGETS.getOrDefault(row.getKey(), new Target(row.getKey(), 0, 0));
        double[] p = scores.get("prodtrack");
        StringBuilder line = new StringBuilder("| ").append(target.question()).append(" |");
        for (String peer : PEERS) {
          double[] s = scores.get(peer);
          line.append(' ').append(s == null ? "—" : time(s[0], s[1])).append(" |");
          anyAlloc |= s != null && !Double.isNaN(s[2]);
        }
        for (String peer : List.of("h2", "sqlite", "plain")) {
          double[] s = scores.get(peer);
          line.append(' ').append(s == null || p == null ? "—" : ratio(s[0] / p[0])).append(" |");
        }
        line.append(' ').append(verdict(target.vsSqlite(), scores.get("sqlite"), p)).append(" |");
        line.append(' ').append(verdict(target.vsPlain(), scores.get("plain"), p)).append(" |");
        out.println(line);
      }
      out.println();
      List<String> absolute = new ArrayList<>();
      for (Map.Entry<String, Map<String, double[]>> row : bySize.getValue().entrySet()) {
        Target target = TARGETS.get(row.getKey());
        double[] p = row.getValue().get("prodtrack");
        if (target == null || target.xlMillis() == 0 || p == null) {
          continue;
        }
        String goal = "≤ " + scaled(target.xlMillis() * 1_000_000) + " at XL";
        absolute.add("| " + target.question() + " | " + time(p[0], p[1]) + " | " + goal + ": "
            + (bySize.getKey().equals("XL") ? mark(p[0] <= target.xlMillis() * 1_000_000) : "XL not run here")
            + " |");
      }
      if (!absolute.isEmpty()) {
        out.println("Issue 5's absolute targets for prodtrack (judged at XL only):");
        out.println();
        out.println("| question | prodtrack | target |");
        out.println("|---|---:|---|");
        absolute.forEach(out::println);
        out.println();
      }
      if (anyAlloc) {
        out.println("Allocation per operation (`-prof gc`, gc.alloc.rate.norm):");
        out.println();
        out.println("| question | prodtrack | H2 | SQLite | plain |");
        out.println("|---|---:|---:|---:|---:|");
        for (Map.Entry<String, Map<String, double[]>> row : bySize.getValue().entrySet()) {
          StringBuilder line = new StringBuilder("| ")
              .append(TARGETS.getOrDefault(row.getKey(), new Target(row.getKey(), 0, 0)).question()).append(" |");
          for (String peer : PEERS) {
            double[] s = row.getValue().get(peer);
            line.append(' ').append(s == null || Double.isNaN(s[2]) ? "—" : bytes(s[2])).append(" |");
          }
          out.println(line);
        }
        out.println();
      }
    }
    if (!footprints.isEmpty()) {
      writeFootprints(footprints, out);
    }
  }

  private static void writeFootprints(List<String> lines, PrintStream out) {
    // size -> peer -> [load ms, heap bytes, off-heap bytes, generation ms]
    Map<String, Map<String, long[]>> rows = new TreeMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      rows.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], new long[] {Long.parseLong(f[2]),
          Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])});
    }
    out.println("Load and footprint (`Footprint`, one JVM per peer; heap = used heap after a forced GC with the"
        + " peer loaded, minus the same before generating; prodtrack's load is reopening its memory store,"
        + " i.e. decoding every record and rebuilding the indexes; the others load from the records read out of"
        + " the engine):");
    out.println();
    out.println("| size | peer | load | heap after load | off-heap | heap ÷ prodtrack's | target |");
    out.println("|---|---|---:|---:|---:|---:|---|");
    for (Map.Entry<String, Map<String, long[]>> bySize : rows.entrySet()) {
      long[] p = bySize.getValue().get("prodtrack");
      for (Map.Entry<String, long[]> e : bySize.getValue().entrySet()) {
        long[] v = e.getValue();
        String target = switch (e.getKey()) {
          case "plain" -> p == null ? "—" : "prodtrack ≤ 0.6× plain: " + mark(p[1] <= 0.6 * v[1])
              + " (" + ratio((double) p[1] / v[1]) + ")";
          case "h2" -> p == null ? "—" : "prodtrack ≤ 0.2× H2: " + mark(p[1] <= 0.2 * v[1])
              + " (" + ratio((double) p[1] / v[1]) + ")";
          case "prodtrack" -> bySize.getKey().equals("XL") ? "load ≤ 2 s: " + mark(v[0] <= 2_000) : "—";
          default -> "—";
        };
        out.println("| " + bySize.getKey() + " | " + e.getKey() + " | " + String.format(Locale.ROOT, "%,d ms", v[0])
            + (e.getKey().equals("prodtrack") ? String.format(Locale.ROOT, " (generation %,d ms)", v[3]) : "")
            + " | " + mib(v[1]) + " | " + (v[2] == 0 ? "—" : mib(v[2])) + " | "
            + (p == null ? "—" : ratio((double) v[1] / p[1])) + " | " + target + " |");
      }
    }
    out.println();
  }

  private static int byTargetOrder(String a, String b) {
    List<String> order = new ArrayList<>(TARGETS.keySet());
    int ia = order.indexOf(a);
    int ib = order.indexOf(b);
    if (ia < 0 || ib < 0) {
      return ia < 0 && ib < 0 ? a.compareTo(b) : ia < 0 ? 1 : -1;
    }
    return Integer.compare(ia, ib);
  }

  private static String verdict(double target, double[] peer, double[] prodtrack) {
    if (target == 0) {
      return "—";
    }
    String goal = target >= 1 ? "≥ " + ratio(target) : "within " + ratio(1 / target) + " (≥ " + ratio(target) + ")";
    if (peer == null || prodtrack == null) {
      return goal + ": not run";
    }
    return goal + ": " + mark(peer[0] / prodtrack[0] >= target);
  }

  private static String mark(boolean met) {
    return met ? "**met**" : "not met";
  }

  private static String ratio(double r) {
    if (r >= 100) {
      return String.format(Locale.ROOT, "%,.0f×", r);
    }
    if (r < 0.1) {
      return String.format(Locale.ROOT, "%.2g×", r);
    }
    return String.format(Locale.ROOT, r >= 10 ? "%.1f×" : "%.2f×", r);
  }

  private static String time(double ns, double errorNs) {
    String err = Double.isNaN(errorNs) ? "" : " ± " + scaled(errorNs);
    return scaled(ns) + err;
  }

  private static String scaled(double ns) {
    if (ns >= 1_000_000) {
      return String.format(Locale.ROOT, "%.2f ms", ns / 1_000_000);
    }
    if (ns >= 1_000) {
      return String.format(Locale.ROOT, "%.2f µs", ns / 1_000);
    }
    return String.format(Locale.ROOT, "%.0f ns", ns);
  }

  private static String bytes(double b) {
    return b >= 10_240 ? String.format(Locale.ROOT, "%,.0f KB", b / 1024) : String.format(Locale.ROOT, "%,.0f B", b);
  }

  private static String mib(long b) {
    return String.format(Locale.ROOT, "%,.0f MiB", b / 1_048_576.0);
  }

  private static double nanos(String unit) {
    return switch (unit) {
      case "ns/op" -> 1;
      case "us/op" -> 1_000;
      case "ms/op" -> 1_000_000;
      case "s/op" -> 1_000_000_000;
      default -> throw new IllegalArgumentException("unit must be a time per operation (run with -bm avgt), was "
          + unit);
    };
  }

  private static double number(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof String s) {
      return Double.parseDouble(s);
    }
    return Double.NaN;
  }

  private static String machine() {
    String cpu = "?";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      cpu = System.getProperty("os.arch");
    }
    long memory = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return Runtime.getRuntime().availableProcessors() + " × " + cpu + ", "
        + (memory < 0 ? "?" : String.format(Locale.ROOT, "%.0f GiB", memory / 1_073_741_824.0)) + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  private static String sqlVersions() {
    return "H2 " + productVersion("jdbc:h2:mem:") + ", SQLite " + productVersion("jdbc:sqlite::memory:")
        + " (xerial sqlite-jdbc " + driverVersion("org.sqlite.JDBC") + ")";
  }

  private static String productVersion(String url) {
    try (Connection c = DriverManager.getConnection(url)) {
      return c.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "?";
    }
  }

  private static String driverVersion(String driver) {
    try {
      java.sql.Driver d = (java.sql.Driver) Class.forName(driver).getDeclaredConstructor().newInstance();
      try (Connection c = d.connect("jdbc:sqlite::memory:", new java.util.Properties())) {
        return c.getMetaData().getDriverVersion();
      }
    } catch (ReflectiveOperationException | SQLException e) {
      return "?";
    }
  }

  // ---- a tiny JSON tree reader over Jackson's streaming parser

  static Object parse(Path file) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), file.toFile())) {
      return read(p, p.nextToken());
    }
  }

  private static Object read(JsonParser p, JsonToken t) {
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
          String name = p.currentName();
          map.put(name, read(p, p.nextToken()));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
          list.add(read(p, n));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getString();
      }
      case VALUE_NUMBER_INT -> {
        return p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      default -> {
        return null;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    return (List<Object>) o;
  }
}
