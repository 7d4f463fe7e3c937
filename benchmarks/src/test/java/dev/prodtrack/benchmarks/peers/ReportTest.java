package dev.prodtrack.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report turns JMH's JSON into ratios peer ÷ prodtrack and judges them against the issue's targets. */
class ReportTest {

  private static String run(String benchmark, String peer, double score, String unit) {
    return """
        {"benchmark": "dev.prodtrack.benchmarks.peers.%s", "mode": "avgt", "forks": 1, "jmhVersion": "1.37",
         "vmName": "VM", "vmVersion": "17", "params": {"peer": "%s", "size": "L"},
         "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "%s"},
         "secondaryMetrics": {"\u00b7gc.alloc.rate.norm": {"score": 176.0, "scoreUnit": "B/op"}}}
        """.formatted(benchmark, peer, score, unit);
  }

  private static String report(Path dir, String json, List<String> footprints) throws IOException {
    Path file = dir.resolve("results.json");
    Files.writeString(file, json);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    @SuppressWarnings("unchecked")
    List<Object> runs = (List<Object>) Report.parse(file);
    Report.write(runs, footprints, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void ratios_arePeerOverProdtrack_inCommonUnits_andJudgedAgainstTheTargets(@TempDir Path dir) throws IOException {
    String json = "[" + String.join(",",
        run("TasksForShotBenchmark.tasksForShot", "prodtrack", 100, "ns/op"),
        run("TasksForShotBenchmark.tasksForShot", "sqlite", 3, "us/op"),
        run("TasksForShotBenchmark.tasksForShot", "plain", 50, "ns/op"),
        run("LateTasksBenchmark.lateTasks", "prodtrack", 2, "us/op"),
        run("LateTasksBenchmark.lateTasks", "sqlite", 2, "ms/op")) + "]";

    String md = report(dir, json, List.of());

    assertThat(md).contains("| tasks for a shot | 100 ns | — | 3.00 µs | 50 ns | — | 30.0× | 0.50× |"
        + " ≥ 20.0×: **met** | ≥ 1.00×: not met |");
    assertThat(md).contains("| late tasks of a project as of a date | 2.00 µs | — | 2.00 ms | — | — | 1,000× | — |"
        + " ≥ 500×: **met** | ≥ 10.0×: not run |");
    assertThat(md).contains("| tasks for a shot | 176 B | — | 176 B | 176 B |");
  }

  @Test
  void scheduleAnalytics_showIssue5sAbsoluteTargets_judgedAtXlOnly(@TempDir Path dir) throws IOException {
    String json = "[" + String.join(",",
        run("EarnedValueBenchmark.earnedValue", "prodtrack", 150, "us/op"),
        run("EarnedValueBenchmark.earnedValue", "h2", 30, "ms/op"),
        run("CriticalPathBenchmark.criticalPath", "prodtrack", 120, "ms/op"),
        run("CriticalPathBenchmark.criticalPath", "plain", 360, "ms/op")) + "]";

    String md = report(dir, json, List.of());
    String xl = report(dir, json.replace("\"size\": \"L\"", "\"size\": \"XL\""), List.of());

    assertThat(md).contains("| earned value of the project | 150.00 µs | 30.00 ms | — | — | 200× | — | — | — | — |");
    assertThat(md).contains("| critical path of the project | 120.00 ms | — | — | 360.00 ms | — | — | 3.00× | — | — |");
    assertThat(md).contains("| earned value of the project | 150.00 µs | ≤ 20.00 ms at XL: XL not run here |");
    assertThat(xl).contains("| earned value of the project | 150.00 µs | ≤ 20.00 ms at XL: **met** |");
    assertThat(xl).contains("| critical path of the project | 120.00 ms | ≤ 1000.00 ms at XL: **met** |");
    assertThat(md).doesNotContain("| tasks for a shot | 100 ns | ≤");
  }

  @Test
  void anAbsoluteTargetMissedAtXl_isNotMet(@TempDir Path dir) throws IOException {
    String json = "[" + run("WorkloadGridBenchmark.workloadGrid", "prodtrack", 51, "ms/op").replace("\"L\"", "\"XL\"")
        + "]";

    assertThat(report(dir, json, List.of())).contains("| workload grid of the team, 90 days | 51.00 ms |"
        + " ≤ 50.00 ms at XL: not met |");
  }

  @Test
  void footprints_giveHeapRatiosAgainstTheTargets(@TempDir Path dir) throws IOException {
    String md = report(dir, "[]", List.of("# header", "L\tprodtrack\t1000\t1048576000\t0\t9000",
        "L\tplain\t100\t2097152000\t0\t9000", "L\th2\t100\t1048576000\t0\t9000"));

    assertThat(md).contains("| L | plain | 100 ms | 2,000 MiB | — | 2.00× | prodtrack ≤ 0.6× plain: **met** (0.50×) |");
    assertThat(md).contains("| L | h2 | 100 ms | 1,000 MiB | — | 1.00× | prodtrack ≤ 0.2× H2: not met (1.00×) |");
  }

  @Test
  void aScoreThatIsNotATimePerOperation_isRefused(@TempDir Path dir) {
    String json = "[" + run("LateTasksBenchmark.lateTasks", "prodtrack", 5, "ops/s") + "]";

    assertThatThrownBy(() -> report(dir, json, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ops/s");
  }
}
