package dev.prodtrack.cli;

import dev.prodtrack.ProdTrack;
import dev.prodtrack.kitsu.KitsuCollection;
import dev.prodtrack.kitsu.KitsuExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prodtrack export --store PATH DIR}: a store back to Kitsu JSON files. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
        "Export a store as a Kitsu production: one JSON file per collection (projects.json, persons.json, "
            + "tasks.json, comments.json, ...) in Kitsu's REST shapes, in a deterministic order, so that "
            + "`prodtrack import` of the result gives the same production back.",
        "",
        "DIR is created if missing; files of the same names are replaced, other files are left alone. The "
            + "summary (records per collection) goes to stdout in --format. The store is only read."},
    footer = {
        "",
        "Examples:",
        "  prodtrack export --store ~/stores/dragon ~/dumps/dragon-out",
        "  prodtrack export --store ~/stores/dragon out --format csv > counts.csv"})
final class ExportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  StoreOptions store;

  @Parameters(index = "0", paramLabel = "DIR", description = "The directory to write the JSON files into.")
  Path target;

  @Mixin
  FormatOption format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw CommandFailedException.usage(target + ": not a directory");
    }
    if (Files.exists(target) && target.toAbsolutePath().normalize().equals(
        store.path().toAbsolutePath().normalize())) {
      throw CommandFailedException.usage(target + ": is the store itself; export into another directory");
    }
    long t0 = System.nanoTime();
    Map<KitsuCollection, Long> counts;
    try (ProdTrack engine = store.openEngine()) {
      counts = KitsuExport.exportDirectory(engine, target);
    } catch (IOException e) {
      throw CommandFailedException.failed("cannot write " + target + ": " + e.getMessage()
          + " (files already written stay)");
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    Table table = new Table("collection", "file", "records");
    long total = 0;
    for (Map.Entry<KitsuCollection, Long> e : counts.entrySet()) {
      table.add(e.getKey().name().toLowerCase(Locale.ROOT), e.getKey().fileName(), e.getValue());
      total += e.getValue();
    }
    format.print(table, out);
    format.summary(String.format(Locale.ROOT, "Exported %,d records into %s in %,d ms.", total, target, ms), out, err);
    return ExitCode.OK;
  }
}
