package dev.prodtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.EngineRecords;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.model.Comment;
import dev.prodtrack.storage.file.FileStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** The demo command runs end to end on a small production and prints its three sections. */
class DemoCommandTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @TempDir
  Path dir;

  @Test
  void demo_smallProduction_printsTheDayAndTheThreeReports() throws Exception {
    Path svg = dir.resolve("charts/seq.svg");
    String[] r = run("demo", "--size", "S", "--seed", "7", "--svg", svg.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("Generated a S production")
        .contains("A day at the studio")
        .contains("starts").contains("retake").contains("back-dated")
        .contains("Tasks per status and task type")
        .contains("Todo list of")
        .contains("Late on")
        .contains("Risk report on")
        .contains("At risk:")
        .contains("Overbooked:")
        .contains("SPI").contains("CPI")
        .contains("Forecast:")
        .contains("Gantt chart of sequence")
        .contains(svg.toAbsolutePath().toString());
    assertThat(r[1]).containsPattern("Late: [0-9,]+ tasks");

    // The chart: one planned bar per dated row, the late task bars red, one today line.
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(svg));
    NodeList rects = d.getElementsByTagName("rect");
    int planned = 0;
    int lateTasks = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      Element e = (Element) rects.item(i);
      if (e.getAttribute("class").startsWith("planned")) {
        planned++;
        if (e.getAttribute("class").contains("late") && e.getAttribute("data-level").equals("task")) {
          lateTasks++;
          assertThat(e.getAttribute("fill")).isEqualTo(dev.prodtrack.schedule.GanttSvg.LATE_COLOUR);
        }
      }
    }
    // Size S: one sequence of 30 shots × 8 shot task types, all dated: 1 + 30 + 240 rows.
    assertThat(planned).isEqualTo(271);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(([0-9,]+) rows, ([0-9,]+) late tasks in red\\)")
        .matcher(r[1]);
    assertThat(m.find()).isTrue();
    assertThat(Integer.parseInt(m.group(1).replace(",", ""))).isEqualTo(271);
    assertThat(lateTasks).isEqualTo(Integer.parseInt(m.group(2).replace(",", "")));
    int todayLines = 0;
    NodeList lines = d.getElementsByTagName("line");
    for (int i = 0; i < lines.getLength(); i++) {
      todayLines += ((Element) lines.item(i)).getAttribute("class").equals("today") ? 1 : 0;
    }
    assertThat(todayLines).isEqualTo(1);
  }

  @Test
  void demo_sameSeed_printsTheSameReport() throws Exception {
    Path one = dir.resolve("a.svg");
    Path two = dir.resolve("b.svg");
    String a = run("demo", "--size", "TINY", "--seed", "3", "--svg", one.toString())[1]
        .replaceAll("in [0-9,]+ ms", "").replace(one.toAbsolutePath().toString(), "");
    String b = run("demo", "--size", "TINY", "--seed", "3", "--svg", two.toString())[1]
        .replaceAll("in [0-9,]+ ms", "").replace(two.toAbsolutePath().toString(), "");
    assertThat(a).isEqualTo(b);
    assertThat(Files.readString(one)).isEqualTo(Files.readString(two));
  }

  @Test
  void demo_onAFileStore_reopensToTheSameStateAndKeepsTheDay() throws Exception {
    Path storeDir = dir.resolve("store");
    Path memSvg = dir.resolve("mem.svg");
    Path fileSvg = dir.resolve("file.svg");
    String[] r = run("demo", "--size", "S", "--seed", "5", "--store", storeDir.toString(), "--svg",
        fileSvg.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("Stored in " + storeDir).contains("state digest identical")
        .contains("starts").contains("back-dated");
    // The day played on the reopened file store reports what the same day reports in memory.
    String inMemory = run("demo", "--size", "S", "--seed", "5", "--svg", memSvg.toString())[1];
    assertThat(strip(r[1], fileSvg).replaceAll("(?m)^Stored in .*\\R", ""))
        .isEqualTo(strip(inMemory, memSvg));

    // Everything the day committed is on disk: reopening shows the day's comments.
    try (ProdTrack reopened = ProdTrack.builder().store(FileStore.open(storeDir)).open()) {
      List<String> texts = EngineRecords.records(reopened).stream()
          .filter(Comment.class::isInstance).map(c -> ((Comment) c).text()).toList();
      assertThat(texts).contains("Starting on it.", "From yesterday's dailies: the timing works.");
    }
  }

  @Test
  void demo_onANonEmptyDirectory_isRefusedAndTouchesNothing() throws Exception {
    Path storeDir = Files.createDirectories(dir.resolve("busy"));
    Path keep = Files.writeString(storeDir.resolve("keep.txt"), "mine");
    String[] r = run("demo", "--size", "TINY", "--store", storeDir.toString(), "--svg",
        dir.resolve("x.svg").toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--store").contains("must be absent or empty");
    assertThat(r[1]).isEmpty();
    try (var entries = Files.list(storeDir)) {
      assertThat(entries.toList()).containsExactly(keep);
    }
    assertThat(Files.readString(keep)).isEqualTo("mine");
    assertThat(dir.resolve("x.svg")).doesNotExist();
  }

  private static String strip(String output, Path svg) {
    return output.replaceAll("in [0-9,]+ ms", "").replace(svg.toAbsolutePath().toString(), "");
  }

  @Test
  void unknownOption_isOneClearErrorAndNonZero() {
    String[] r = run("demo", "--size", "HUGE");
    assertThat(r[0]).isNotEqualTo("0");
    assertThat(r[2]).contains("HUGE");
  }

  @Test
  void help_listsTheDemo() {
    String[] r = run("--help");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("demo");
  }
}
