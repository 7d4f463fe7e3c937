package dev.prodtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.ProdTrack;
import dev.prodtrack.Session;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.Size;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The shared options (--store, --as, --project, --as-of, the scope filters, --format) through a probe
 * subcommand that prints what they resolved to, on a TINY generated store.
 */
class SharedOptionsTest {

  /** Prints what the shared options resolve to, one {@code key=value} per line. */
  @Command(name = "probe")
  static final class Probe implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin ProjectOption project;
    @Mixin AsOfOption asOf;
    @Mixin ScopeOptions scope;
    @Mixin FormatOption format;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (StoreOptions.OpenStore s = store.open()) {
        Project p = project.resolve(s.session());
        Scope sc = scope.resolve(s.session(), p);
        PrintWriter out = spec.commandLine().getOut();
        out.println("actor=" + s.session().actor().email());
        out.println("project=" + p.id());
        out.println("asOf=" + asOf.date());
        out.println("scope=" + sc);
        out.println("format=" + format.format());
      }
      return 0;
    }
  }

  static CliRun probe(String... args) {
    Main main = new Main(CliRun.CLOCK);
    CommandLine cl = Main.commandLine(main, new Probe());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] all = Stream.concat(Stream.of("probe"), Stream.of(args)).toArray(String[]::new);
    int code = cl.execute(all);
    return new CliRun(code, out.toString(), err.toString());
  }

  @TempDir
  static Path shared;

  static Path store;
  static Production p;

  @BeforeAll
  static void generate() {
    store = shared.resolve("store");
    p = TestStores.generate(store, Size.TINY, 11);
  }

  private static String email(dev.prodtrack.model.PersonId id) {
    try (ProdTrack engine = TestStores.open(store)) {
      return engine.as(p.admin()).person().getPerson(id).email();
    }
  }

  @Test
  void defaults_actAsTheAdmin_onTheOnlyProject_today_wholeProject_table() {
    CliRun r = probe("--store", store.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("actor=" + email(p.admin()))
        .contains("project=" + p.project())
        .contains("asOf=2025-07-01")
        .contains("scope=" + Scope.of(p.project()))
        .contains("format=TABLE");
  }

  @Test
  void explicitValues_areResolvedByNameEmailAndId() {
    String manager = email(p.managers().get(0));
    String projectName;
    String seqName;
    String artist = email(p.artists().get(0));
    try (ProdTrack engine = TestStores.open(store)) {
      Session s = engine.as(p.admin());
      projectName = s.project().getProject(p.project()).name();
      seqName = s.entity().getEntity(p.sequences().get(0)).name();
    }
    CliRun r = probe("--store", store.toString(), "--as", manager.toUpperCase(), "--project", projectName,
        "--as-of", "2025-06-02", "--sequence", seqName, "--person", artist, "--format", "json");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("actor=" + manager)
        .contains("asOf=2025-06-02")
        .contains("scope=" + Scope.of(p.project()).withSequence(p.sequences().get(0)).withPerson(p.artists().get(0)))
        .contains("format=JSON");

    CliRun byId = probe("--store", store.toString(), "--project", p.project().toString());
    assertThat(byId.code()).as(byId.toString()).isZero();
    assertThat(byId.out()).contains("project=" + p.project());
  }

  @Test
  void missingDirectory_exits2_withOneLine() {
    CliRun r = probe("--store", shared.resolve("nowhere").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("prodtrack probe: --store " + shared.resolve("nowhere") + ": no such directory"
        + System.lineSeparator());
    assertThat(r.out()).isEmpty();
    assertThat(shared.resolve("nowhere")).doesNotExist();
  }

  @Test
  void emptyDirectoryOrFile_isNotAStore_andIsLeftAlone(@TempDir Path dir) throws Exception {
    CliRun r = probe("--store", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not a prodtrack store");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
    Path file = Files.writeString(dir.resolve("f.txt"), "x");
    CliRun f = probe("--store", file.toString());
    assertThat(f.code()).isEqualTo(2);
    assertThat(f.err()).contains("not a directory");
  }

  @Test
  void lockedStore_exits2() {
    try (FileStore held = FileStore.open(store)) {
      CliRun r = probe("--store", store.toString());
      assertThat(r.code()).as(r.toString()).isEqualTo(2);
      assertThat(r.err()).startsWith("prodtrack probe: --store " + store + ": the store is locked")
          .hasLineCount(1);
    }
  }

  @Test
  void corruptStore_exits2(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(store)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!f.getFileName().toString().equals("store.lock") && Files.isRegularFile(f)) {
          byte[] bytes = Files.readAllBytes(f);
          for (int i = 16; i < bytes.length; i += 97) {
            bytes[i] ^= 0x5a;
          }
          Files.write(copy.resolve(f.getFileName()), bytes);
        }
      }
    }
    CliRun r = probe("--store", copy.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("prodtrack probe: --store " + copy + ": ").hasLineCount(1);
  }

  @Test
  void unknownPersonProjectOrSequence_exit2_listingWhatExists() {
    CliRun as = probe("--store", store.toString(), "--as", "nobody@example.com");
    assertThat(as.code()).isEqualTo(2);
    assertThat(as.err()).contains("--as nobody@example.com: nobody in the store has this e-mail");

    CliRun project = probe("--store", store.toString(), "--project", "No Such Film");
    assertThat(project.code()).isEqualTo(2);
    assertThat(project.err()).contains("--project No Such Film: no project has this name or id; known: ")
        .contains(p.project().toString());

    CliRun seq = probe("--store", store.toString(), "--sequence", "SQ999");
    assertThat(seq.code()).isEqualTo(2);
    assertThat(seq.err()).contains("--sequence SQ999: no sequence").contains(p.sequences().get(0).toString());
  }

  @Test
  void badDateOrFormat_exit2_withTheUsage() {
    CliRun date = probe("--store", store.toString(), "--as-of", "30/06/2025");
    assertThat(date.code()).isEqualTo(2);
    assertThat(date.err()).contains("--as-of").contains("30/06/2025");
    CliRun format = probe("--store", store.toString(), "--format", "xml");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("--format").contains("xml");
  }

  @Test
  void ambiguousName_listsTheMatches_andAsksForTheId() {
    record Named(java.util.UUID id, String name) { }
    java.util.UUID a = java.util.UUID.fromString("00000000-0000-0000-0000-00000000000a");
    java.util.UUID b = java.util.UUID.fromString("00000000-0000-0000-0000-00000000000b");
    java.util.List<Named> all = java.util.List.of(new Named(a, "SQ010"), new Named(b, "sq010"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NameLookup.one("--sequence", "sequence", "SQ010", all,
            Named::id, n -> java.util.List.of(n.name())))
        .isInstanceOfSatisfying(CommandFailedException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage("--sequence SQ010: ambiguous, 2 sequences match: SQ010 (" + a + "), sq010 (" + b + "); pass the id");
    assertThat(NameLookup.one("--sequence", "sequence", b.toString(), all, Named::id, n -> java.util.List.of(n.name())))
        .isEqualTo(all.get(1));
  }

  @Test
  void everySubcommandHelp_endsWithTheExitCodes() {
    CliRun r = CliRun.run("demo", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Exit codes:").contains("2  usage or input error");
    CliRun root = CliRun.run("--help");
    assertThat(root.out()).contains("Exit codes:");
  }

  @Test
  void activePersonOnly_inactiveAsIsRefused(@TempDir Path dir) {
    Path s = dir.resolve("s");
    String[] email = new String[1];
    Production q = TestStores.generate(s, Size.TINY, 5, engine -> {
      Session admin = engine.as(ProductionGeneratorAdmin.of(engine));
      Person artist = admin.person().allPersons().stream().filter(x -> x.role() == dev.prodtrack.model.Role.USER)
          .findFirst().orElseThrow();
      email[0] = artist.email();
      admin.person().updatePerson(new Person(artist.id(), artist.firstName(), artist.lastName(), artist.email(),
          artist.role(), false, artist.archived(), artist.position(), artist.seniority(), artist.dailySalary(),
          artist.contractType(), artist.departments(), artist.bot(), artist.lastPresence(), artist.data(),
          artist.createdAt(), artist.updatedAt()));
    });
    assertThat(q).isNotNull();
    CliRun r = probe("--store", s.toString(), "--as", email[0]);
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("is inactive");
  }

  /** The admin of a freshly generated engine: the first admin by creation. */
  static final class ProductionGeneratorAdmin {
    static dev.prodtrack.model.PersonId of(ProdTrack engine) {
      return StoreOptions.resolveActor(engine, null).id();
    }
  }

  @Test
  void entityNamesUsedInTests_exist() {
    try (ProdTrack engine = TestStores.open(store)) {
      Entity seq = engine.as(p.admin()).entity().getEntity(p.sequences().get(0));
      assertThat(seq.name()).isNotBlank();
    }
  }
}
