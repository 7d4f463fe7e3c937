package dev.prodtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.Session;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.Project;
import dev.prodtrack.schedule.BurndownPoint;
import dev.prodtrack.schedule.BurndownSvg;
import dev.prodtrack.schedule.ChartPage;
import dev.prodtrack.schedule.GanttSvg;
import dev.prodtrack.schedule.Milestone;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.TimelineBar;
import dev.prodtrack.schedule.WorkCalendar;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof that the charts display: the Gantt chart (as SVG and as an HTML page) and the burn-down chart of a
 * generated production are screenshotted by headless Chromium and the PNGs checked — the window's size,
 * not blank, red late bars on the Gantt chart, the blue remaining line on the burn-down.
 *
 * <p>Not part of CI (it needs Debian's {@code chromium}); run with the {@code render} profile of this
 * module: {@code ./mvnw -B -pl cli -am verify -Prender -Dtest='ChartRendering'
 * -Dsurefire.failIfNoSpecifiedTests=false}. The charts and PNGs are left in {@code cli/target/render/}.
 * The Chromium binary is {@code /usr/bin/chromium} unless {@code -Dprodtrack.chromium=PATH} says otherwise.
 */
class ChartRendering {
  private static final long SEED = 11;
  private static final int WIDTH = 1400;
  private static final int HEIGHT = 900;

  private static Path dir;
  private static String gantt;
  private static String ganttPage;
  private static String burndown;

  @BeforeAll
  static void charts() throws Exception {
    dir = Path.of(System.getProperty("prodtrack.render.dir", "target/render"));
    Files.createDirectories(dir);
    ProductionGenerator.Generated g = ProductionGenerator.generateInNewEngine(Size.S, SEED);
    Production p = g.production();
    Session manager = g.engine().as(p.managers().get(0));
    WorkCalendar cal = manager.schedule().calendar(List.of());
    Project project = manager.project().getProject(p.project());
    Entity sequence = manager.entity().getEntity(p.sequences().get(0));
    List<TimelineBar> rows = GanttSvg.outline(manager.schedule().timeline(Scope.of(p.project())
        .withSequence(sequence.id()), p.asOf(), ZoneOffset.UTC, cal));
    List<Milestone> milestones = new ArrayList<>();
    if (project.endDate() != null) {
      milestones.add(Milestone.projectEnd(project.endDate()));
    }
    milestones.add(new Milestone(p.asOf().plusDays(14), "client review"));
    gantt = GanttSvg.render("Sequence " + sequence.name() + " on " + p.asOf(), rows, p.asOf(), milestones);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("project", project.name());
    facts.put("as of", p.asOf().toString());
    facts.put("rows", Integer.toString(rows.size()));
    ganttPage = ChartPage.html("Timeline of sequence " + sequence.name(), gantt, GanttSvg.legend(true), facts);
    List<BurndownPoint> points = manager.schedule().burndown(p.project(),
        project.startDate() != null ? project.startDate() : p.asOf().minusMonths(6),
        project.endDate() != null ? project.endDate() : p.asOf().plusMonths(6), ZoneOffset.UTC, cal);
    burndown = BurndownSvg.render("Burn-down of " + project.name(), points, p.asOf());
    System.out.println("ChartRendering: seed " + SEED + ", " + rows.size() + " Gantt rows, " + points.size()
        + " burn-down points, output in " + dir.toAbsolutePath());
  }

  private static BufferedImage screenshot(String name, String document) throws Exception {
    Path source = dir.resolve(name);
    Files.writeString(source, document, StandardCharsets.UTF_8);
    Path png = dir.resolve(name + ".png");
    Files.deleteIfExists(png);
    Path profile = Files.createTempDirectory("prodtrack-chromium-");
    List<String> command = List.of(System.getProperty("prodtrack.chromium", "/usr/bin/chromium"), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
        "--screenshot=" + png.toAbsolutePath(), "--window-size=" + WIDTH + "," + HEIGHT,
        source.toAbsolutePath().toUri().toString());
    Process chromium = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".chromium.log").toFile()).start();
    try {
      // A guard against a hung browser, not a timing assertion.
      if (!chromium.waitFor(180, TimeUnit.SECONDS)) {
        chromium.destroyForcibly();
        throw new AssertionError("chromium did not finish within 180 s: " + command);
      }
    } finally {
      try (var walk = Files.walk(profile)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    assertThat(png).as("screenshot of %s (chromium exit %d, log %s)", name, chromium.exitValue(),
        dir.resolve(name + ".chromium.log")).exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("readable PNG " + png).isNotNull();
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    return image;
  }

  /** Pixels within 40 of a colour on each channel. */
  private static long pixels(BufferedImage image, String hex) {
    int want = Integer.parseInt(hex.substring(1), 16);
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (Math.abs(((rgb >> 16) & 0xff) - ((want >> 16) & 0xff)) <= 40
            && Math.abs(((rgb >> 8) & 0xff) - ((want >> 8) & 0xff)) <= 40
            && Math.abs((rgb & 0xff) - (want & 0xff)) <= 40) {
          n++;
        }
      }
    }
    return n;
  }

  private static long nonWhite(BufferedImage image) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void gantt_svg_displaysWithRedLateBars() throws Exception {
    assertThat(gantt).contains("planned late");
    BufferedImage image = screenshot("gantt.svg", gantt);
    assertThat(nonWhite(image)).isGreaterThan(10_000);
    assertThat(pixels(image, GanttSvg.LATE_COLOUR)).as("red pixels of late bars").isGreaterThan(100);
  }

  @Test
  void gantt_htmlPage_displaysWithRedLateBars() throws Exception {
    BufferedImage image = screenshot("gantt.html", ganttPage);
    assertThat(nonWhite(image)).isGreaterThan(10_000);
    assertThat(pixels(image, GanttSvg.LATE_COLOUR)).as("red pixels of late bars").isGreaterThan(100);
  }

  @Test
  void burndown_svg_displaysItsLines() throws Exception {
    BufferedImage image = screenshot("burndown.svg", burndown);
    assertThat(nonWhite(image)).isGreaterThan(5_000);
    assertThat(pixels(image, BurndownSvg.REMAINING_COLOUR)).as("blue pixels of the remaining line").isGreaterThan(200);
    assertThat(pixels(image, BurndownSvg.DONE_COLOUR)).as("green pixels of the done line").isGreaterThan(200);
  }
}
