package dev.prodtrack.cli;

import dev.prodtrack.kitsu.ImportOptions;
import dev.prodtrack.kitsu.ImportProgress;
import dev.prodtrack.kitsu.ImportRefusedException;
import dev.prodtrack.kitsu.ImportReport;
import dev.prodtrack.kitsu.KitsuCollection;
import dev.prodtrack.kitsu.KitsuFormatException;
import dev.prodtrack.kitsu.KitsuImport;
import dev.prodtrack.kitsu.ReferentialError;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prodtrack import DIR --store PATH}: a Kitsu JSON dump into a new file store. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {
        "Import a Kitsu production (a directory of JSON files in Kitsu's REST shapes: projects.json, "
            + "persons.json, tasks.json, comments.json, ...) into a new file store.",
        "",
        "Every file is read and checked before anything is written: malformed JSON, a wrong type or a "
            + "duplicate id stops the import with the file, line and column (exit code 2). Records that refer "
            + "to records the dump does not hold (a task whose entity is missing, a comment on an unknown "
            + "task) refuse the whole import and are listed (exit code 1) unless --skip-broken is given, "
            + "which drops such records (or the dangling reference, when the field is optional) and lists "
            + "them on stderr. A refused import leaves the store empty.",
        "",
        "Progress goes to stderr (--progress: a redrawn line on a terminal, giving the file being read and "
            + "the records written so far; otherwise a line per file read and one with the records written); "
            + "the dump is read once. The summary (records per collection) to stdout in --format. Unknown fields are "
            + "kept in the records' data where Kitsu has one and counted either way."},
    footer = {
        "",
        "Examples:",
        "  prodtrack import ~/dumps/dragon --store ~/stores/dragon",
        "  prodtrack import ~/dumps/dragon --store ~/stores/dragon --skip-broken --format json"})
final class ImportCommand implements Callable<Integer> {
  private static final int LISTED_ERRORS = 10;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The directory of the Kitsu JSON files.")
  Path dump;

  @Option(names = "--store", paramLabel = "PATH", required = true,
      description = "The store directory to create: absent, empty, or a store holding no record.")
  Path store;

  @Option(names = "--skip-broken",
      description = "Skip records with dangling references instead of refusing the import (default: refuse).")
  boolean skipBroken;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + ImportOptions.DEFAULT_BATCH_SIZE,
      description = "Records per committed change set (default: ${DEFAULT-VALUE}).")
  int batchSize;

  /** How progress is shown on stderr. */
  enum ProgressMode {
    /** A bar when the command runs on a terminal (stdin and stdout), lines otherwise. */
    AUTO,
    /** A bar redrawn in place. */
    BAR,
    /** A line per file read and per tenth of the writing. */
    LINES,
    /** Nothing. */
    NONE
  }

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "Progress on stderr: auto (default: a bar on a terminal, lines otherwise), bar, lines or none.")
  ProgressMode progressMode;

  @Option(names = "--no-progress", description = "Print no progress on stderr (as --progress none).")
  boolean noProgress;

  @Mixin
  FormatOption format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dump)) {
      throw CommandFailedException.usage(dump + ": no such directory");
    }
    if (batchSize < 1) {
      throw CommandFailedException.usage("--batch-size must be at least 1, was " + batchSize);
    }
    requireEmptyOrStore(store);
    ImportOptions options = ImportOptions.defaults().withSkipReferentialErrors(skipBroken).withBatchSize(batchSize);
    ProgressMode mode = noProgress ? ProgressMode.NONE
        : progressMode == ProgressMode.AUTO ? (System.console() != null ? ProgressMode.BAR : ProgressMode.LINES)
        : progressMode;
    Progress progress = new Progress(err, mode != ProgressMode.NONE, mode == ProgressMode.BAR);
    long t0 = System.nanoTime();
    ImportReport report;
    FileStore fileStore;
    try {
      fileStore = FileStore.open(store, FileStoreOptions.defaults());
    } catch (StorageException e) {
      throw CommandFailedException.usage(StoreOptions.describe(store, e));
    }
    try {
      // The import loads, commits to and closes the store.
      report = KitsuImport.importDirectory(dump, fileStore, options, progress);
    } catch (KitsuFormatException e) {
      progress.end();
      throw CommandFailedException.usage("malformed dump: " + e.getMessage() + left(e));
    } catch (ImportRefusedException e) {
      progress.end();
      err.println(spec.qualifiedName() + ": refused: " + e.errorCount() + " record(s) refer to missing records; "
          + "nothing written (pass --skip-broken to import without them). The first:");
      for (ReferentialError r : e.errors().subList(0, Math.min(LISTED_ERRORS, e.errors().size()))) {
        err.println("  " + r.collection().fileName() + " " + r.id() + ": " + r.field() + " refers to missing "
            + r.missingId());
      }
      return ExitCode.FAILED;
    } catch (IllegalArgumentException e) {
      progress.end();
      throw CommandFailedException.usage("--store " + store + ": " + e.getMessage()
          + "; import into a new store");
    } catch (IOException e) {
      progress.end();
      throw CommandFailedException.failed("cannot read the dump: " + e.getMessage() + left(e));
    } finally {
      fileStore.close();
    }
    progress.finish();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    for (ReferentialError r : report.skipped().subList(0, Math.min(LISTED_ERRORS, report.skipped().size()))) {
      err.println("skipped: " + r);
    }
    if (report.skippedCount() > LISTED_ERRORS) {
      err.println("skipped: ... and " + (report.skippedCount() - LISTED_ERRORS) + " more");
    }
    Table table = new Table("collection", "file", "records");
    long total = 0;
    for (Map.Entry<KitsuCollection, Long> e : report.imported().entrySet()) {
      table.add(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getKey().fileName(), e.getValue());
      total += e.getValue();
    }
    format.print(table, out);
    format.summary(String.format(Locale.ROOT, "Imported %,d records (%,d engine records in %,d change sets) into %s in %,d ms; "
            + "%,d unknown fields kept in data, %,d fields ignored, %,d referential errors skipped.",
        total, report.recordsWritten(), report.changeSets(), store, ms, sum(report.keptInData()),
        sum(report.ignoredFields()), report.skippedCount()), out, err);
    return ExitCode.OK;
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static void requireEmptyOrStore(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw CommandFailedException.usage("--store " + dir + ": not a directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isEmpty()) {
        return;
      }
    } catch (IOException e) {
      throw CommandFailedException.usage("--store " + dir + ": cannot list the directory: " + e.getMessage());
    }
    // Not empty: it must be a store, which the import then checks holds no record.
    StoreOptions.requireStoreDirectory(dir);
  }

  /**
   * Progress on stderr: a redrawn line on a terminal (the file being read, its records, the records written
   * so far), a line per file read and one for the records written otherwise. The import reads the dump
   * once, writing as it reads, so the number to write in all is known only at the end: no percentage.
   */
  private static final class Progress implements ImportProgress {
    private static final String LINE = "%-8s %-26s %,12d records  %,12d written";

    private final PrintWriter err;
    private final boolean enabled;
    private final boolean bar;
    private KitsuCollection reading;
    private long readingCount;
    private long written;
    private boolean barShown;

    Progress(PrintWriter err, boolean enabled, boolean bar) {
      this.err = err;
      this.enabled = enabled;
      this.bar = bar;
    }

    @Override
    public void read(KitsuCollection collection, long records) {
      if (!enabled) {
        return;
      }
      if (reading != null && reading != collection) {
        fileDone();
      }
      reading = collection;
      readingCount = records;
      redraw();
    }

    @Override
    public void written(long records, long total) {
      if (!enabled) {
        return;
      }
      written = records;
      redraw();
    }

    private void redraw() {
      if (bar && reading != null) {
        err.printf("\r" + LINE, "reading", reading.fileName(), readingCount, written);
        err.flush();
        barShown = true;
      }
    }

    private void fileDone() {
      if (bar) {
        err.printf("\r" + LINE + "%n", "read", reading.fileName(), readingCount, written);
      } else {
        err.printf("read %s: %,d records%n", reading.fileName(), readingCount);
      }
      err.flush();
      reading = null;
      barShown = false;
    }

    /** Ends the current line (after the last file read, or a failure). */
    void end() {
      if (!enabled) {
        return;
      }
      if (reading != null) {
        fileDone();
      }
      if (barShown) {
        err.println();
        barShown = false;
      }
      err.flush();
    }

    /** Ends the current line and gives the records written, after a successful import. */
    void finish() {
      end();
      if (enabled) {
        err.printf("written: %,d records%n", written);
        err.flush();
      }
    }
  }

  /**
   * What a failed import left in the store: nothing (the import removes what it wrote), unless
   * the store refused those deletes too (their failure is suppressed in {@code e}).
   */
  private String left(Exception e) {
    return e.getSuppressed().length == 0 ? "; nothing written"
        : "; the store failed while the partial import was being removed (" + e.getSuppressed()[0].getMessage()
            + "): delete " + store;
  }
}
