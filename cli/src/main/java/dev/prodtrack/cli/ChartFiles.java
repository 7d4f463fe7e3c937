package dev.prodtrack.cli;

import dev.prodtrack.schedule.ChartPage;
import dev.prodtrack.schedule.LegendItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a chart to the file an {@code --out} option names: SVG as is, or an HTML page around it. */
final class ChartFiles {
  private ChartFiles() {}

  /** Refuses a file name that is neither {@code .svg} nor {@code .html}/{@code .htm}, before any work is done. */
  static void checkName(Path out) {
    String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".svg") && !name.endsWith(".html") && !name.endsWith(".htm")) {
      throw CommandFailedException.usage("--out " + out + ": the file name must end in .svg or .html");
    }
  }

  static void write(Path out, String title, String svg, List<LegendItem> legend, Map<String, String> facts) {
    checkName(out);
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    String document = name.endsWith(".svg") ? svg : ChartPage.html(title, svg, legend, facts);
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, document, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CommandFailedException.failed("--out " + out + ": cannot write the chart (" + e.getMessage() + ")");
    }
  }
}
