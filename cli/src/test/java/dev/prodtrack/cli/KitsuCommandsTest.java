package dev.prodtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.ProdTrack;
import dev.prodtrack.kitsu.KitsuVerify;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import}, {@code export} and {@code verify} through {@link Main}, on a TINY generated store. */
class KitsuCommandsTest {

  @TempDir
  static Path shared;

  static Path store;
  static Path dump;
  static Production p;

  @BeforeAll
  static void generateAndExport() {
    store = shared.resolve("store");
    p = TestStores.generate(store, Size.TINY, 21);
    dump = shared.resolve("dump");
    CliRun r = CliRun.run("export", "--store", store.toString(), dump.toString());
    assertThat(r.code()).as(r.toString()).isZero();
  }

  @Test
  void export_writesEveryCollection_andPrintsTheCounts() {
    assertThat(dump.resolve("tasks.json")).exists();
    assertThat(dump.resolve("comments.json")).exists();
    CliRun r = CliRun.run("export", "--store", store.toString(), shared.resolve("again").toString(), "--format", "csv");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("collection,file,records\r\n")
        .contains("tasks,tasks.json," + p.tasks().size() + "\r\n")
        .contains("persons,persons.json," + p.persons().size() + "\r\n");
    assertThat(r.err()).startsWith("Exported ");
  }

  @Test
  void importThenExport_givesTheSameFiles(@TempDir Path dir) throws IOException {
    Path imported = dir.resolve("imported");
    CliRun r = CliRun.run("import", dump.toString(), "--store", imported.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("read tasks.json: " + p.tasks().size() + " records")
        .containsPattern("written: [0-9,]+ records\n");
    assertThat(r.out()).containsPattern("tasks +tasks\\.json +" + p.tasks().size() + "\n")
        .contains("Imported ").contains("0 referential errors skipped");

    Path again = dir.resolve("again");
    CliRun e = CliRun.run("export", "--store", imported.toString(), again.toString());
    assertThat(e.code()).as(e.toString()).isZero();
    List<Path> files = list(dump);
    assertThat(list(again)).hasSameSizeAs(files);
    for (Path f : files) {
      assertThat(again.resolve(f.getFileName().toString())).as(f.getFileName().toString())
          .hasSameTextualContentAs(f);
    }
  }

  @Test
  void import_progressBar_redrawsOneLinePerPhase(@TempDir Path dir) {
    CliRun r = CliRun.run("import", dump.toString(), "--store", dir.resolve("s").toString(), "--progress", "bar");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).containsPattern("\rreading +tasks\\.json +[0-9,]+ records +[0-9,]+ written")
        .containsPattern("\rread +tasks\\.json +[0-9,]+ records +[0-9,]+ written\n")
        .containsPattern("written: [0-9,]+ records\n");
    CliRun none = CliRun.run("import", dump.toString(), "--store", dir.resolve("t").toString(), "--progress", "none");
    assertThat(none.code()).isZero();
    assertThat(none.err()).isEmpty();
  }

  @Test
  void import_danglingReference_isRefused_listingIt_andLeavesTheStoreEmpty(@TempDir Path dir) throws IOException {
    Path broken = copyDump(dir.resolve("broken"));
    UUID missing = UUID.fromString("00000000-0000-4000-8000-0000000000ff");
    String taskId = replaceFirstField(broken.resolve("tasks.json"), "entity_id", missing.toString());

    Path target = dir.resolve("target");
    CliRun r = CliRun.run("import", broken.toString(), "--store", target.toString(), "--no-progress");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).startsWith("prodtrack import: refused: ")
        .contains("tasks.json " + taskId + ": entity_id refers to missing " + missing)
        .contains("--skip-broken");
    assertThat(r.out()).isEmpty();
    assertThat(recordCount(target)).isZero();

    // The same (empty) store takes the import with --skip-broken: the task is left out and listed.
    CliRun s = CliRun.run("import", broken.toString(), "--store", target.toString(), "--skip-broken", "--no-progress",
        "--format", "json");
    assertThat(s.code()).as(s.toString()).isZero();
    assertThat(s.err()).contains("skipped: tasks.json " + taskId + ": entity_id refers to missing " + missing);
    assertThat(s.out()).startsWith("[{").contains("{\"collection\":\"tasks\",\"file\":\"tasks.json\",\"records\":"
        + (p.tasks().size() - 1) + "}");
    assertThat(recordCount(target)).isPositive();
  }

  @Test
  void import_malformedFile_exits2_naming_fileLineColumn_andWritesNothing(@TempDir Path dir) throws IOException {
    Path bad = copyDump(dir.resolve("bad"));
    Path tasks = bad.resolve("tasks.json");
    String text = Files.readString(tasks);
    Files.writeString(tasks, text.substring(0, text.length() / 2));
    Path target = dir.resolve("target");
    CliRun r = CliRun.run("import", bad.toString(), "--store", target.toString(), "--no-progress");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("prodtrack import: malformed dump: tasks.json:").contains("nothing written")
        .hasLineCount(1);
    assertThat(recordCount(target)).isZero();
  }

  @Test
  void import_badValueFoundByTheSecondPass_exits2_andTheStoreIsLeftEmpty(@TempDir Path dir) throws IOException {
    Path bad = copyDump(dir.resolve("bad-date"));
    // a time spent's date: the first pass reads only ids and references, so the tasks, comments... before
    // it are written, then removed again
    replaceFirstField(bad.resolve("time_spents.json"), "date", "2025-02-30");
    Path target = dir.resolve("target");
    CliRun r = CliRun.run("import", bad.toString(), "--store", target.toString(), "--no-progress",
        "--batch-size", "50");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("prodtrack import: malformed dump: time_spents.json:").contains("date")
        .contains("nothing written").hasLineCount(1);
    assertThat(recordCount(target)).isZero();
  }

  @Test
  void import_intoAStoreWithRecords_isRefused_andTheStoreIsUnchanged(@TempDir Path dir) {
    String before;
    try (ProdTrack engine = TestStores.open(store)) {
      before = engine.stateDigest();
    }
    CliRun r = CliRun.run("import", dump.toString(), "--store", store.toString(), "--no-progress");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("store must be empty");
    try (ProdTrack engine = TestStores.open(store)) {
      assertThat(engine.stateDigest()).isEqualTo(before);
    }
    CliRun notDump = CliRun.run("import", dir.resolve("nothing").toString(), "--store", dir.resolve("s").toString());
    assertThat(notDump.code()).isEqualTo(2);
    assertThat(notDump.err()).contains("no such directory");
    assertThat(dir.resolve("s")).doesNotExist();
  }

  @Test
  void export_refusesTheStoreDirectoryAndMissingStores(@TempDir Path dir) {
    CliRun self = CliRun.run("export", "--store", store.toString(), store.toString());
    assertThat(self.code()).isEqualTo(2);
    assertThat(self.err()).contains("is the store itself");
    CliRun missing = CliRun.run("export", "--store", dir.resolve("none").toString(), dir.resolve("out").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such directory");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void verify_listsTheDriftedTasks_withTheCount(@TempDir Path dir) throws IOException {
    Path drifted = copyDump(dir.resolve("drifted"));
    String taskId = replaceFirstField(drifted.resolve("tasks.json"), "retake_count", "7");
    Path target = dir.resolve("target");
    assertThat(CliRun.run("import", drifted.toString(), "--store", target.toString()).code()).isZero();

    int expectedDrifts;
    int checked;
    try (ProdTrack engine = TestStores.open(target)) {
      KitsuVerify.Report report = KitsuVerify.verify(engine);
      expectedDrifts = report.drifts().size();
      checked = report.tasksChecked();
    }
    CliRun r = CliRun.run("verify", "--store", target.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("task_id ").containsPattern(taskId + " .* retake_count +7 +[0-6]\n")
        .endsWith(expectedDrifts + " of " + checked + " tasks drift." + System.lineSeparator());

    CliRun csv = CliRun.run("verify", "--store", target.toString(), "--format", "csv");
    assertThat(csv.code()).isZero();
    assertThat(csv.out()).startsWith("task_id,task,field,stored,replayed\r\n").contains(taskId + ",")
        .contains(",retake_count,7,");
    assertThat(csv.err()).isEqualTo(expectedDrifts + " of " + checked + " tasks drift." + System.lineSeparator());
    long distinctTasks = csv.out().lines().skip(1).map(l -> l.substring(0, 36)).distinct().count();
    assertThat(distinctTasks).isEqualTo(expectedDrifts);

    CliRun one = CliRun.run("verify", "--store", target.toString(), "--limit", "1", "--format", "json");
    assertThat(one.code()).isZero();
    assertThat(one.out()).startsWith("[{\"task_id\":");
    assertThat(one.err()).contains("(1 shown)");
  }

  @Test
  void verify_onAMissingStore_exits2() {
    CliRun r = CliRun.run("verify", "--store", shared.resolve("none").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("prodtrack verify: --store " + shared.resolve("none") + ": no such directory"
        + System.lineSeparator());
  }

  @Test
  void help_describesOptionsDefaultsExamplesAndExitCodes() {
    for (String command : List.of("import", "export", "verify")) {
      CliRun r = CliRun.run(command, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).as(command).contains("Usage: prodtrack " + command).contains("--store")
          .contains("Examples:").contains("Exit codes:");
    }
    assertThat(CliRun.run("import", "--help").out()).contains("default: 10000");
  }

  private static long recordCount(Path dir) {
    long[] n = {0};
    try (FileStore fs = FileStore.open(dir)) {
      fs.load(r -> n[0]++);
    }
    return n[0];
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().collect(Collectors.toList());
    }
  }

  private static Path copyDump(Path to) throws IOException {
    Files.createDirectories(to);
    for (Path f : list(dump)) {
      Files.copy(f, to.resolve(f.getFileName().toString()));
    }
    return to;
  }

  /**
   * Replaces a field's value in the first record of an exported file (one record per line) that has it
   * set, and returns that record's id.
   */
  private static String replaceFirstField(Path file, String field, String value) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Pattern pattern = Pattern.compile("\"" + field + "\":(\"[^\"]*\"|[0-9]+)");
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = pattern.matcher(lines.get(i));
      if (lines.get(i).startsWith("{") && m.find()) {
        String quoted = m.group(1).startsWith("\"") ? "\"" + value + "\"" : value;
        lines.set(i, m.replaceFirst(Matcher.quoteReplacement("\"" + field + "\":" + quoted)));
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(lines.get(i));
        assertThat(id.find()).isTrue();
        Files.write(file, lines);
        return id.group(1);
      }
    }
    throw new AssertionError("no record of " + file + " has " + field);
  }
}
