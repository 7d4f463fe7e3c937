package dev.prodtrack.kitsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.EngineRecords;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.storage.Capability;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's single pass: a refusal removes what was written, bounded change sets, file order irrelevant. */
class KitsuImportStreamingTest {
  private static final long SEED = 20261129L;
  private static final UUID MISSING_PERSON = UUID.fromString("a00000ff-0000-4000-8000-000000000000");

  @TempDir
  Path tmp;

  @Test
  void importDirectory_errorInTheLastFile_refusedAndEveryCommittedRecordRemoved() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("broken"));
    KitsuImportTest.replace(dir.resolve("subscriptions.json"),
        "\"person_id\": \"a0000002-0000-4000-8000-000000000000\"", "\"person_id\": \"" + MISSING_PERSON + "\"", 1);
    MemoryStore memory = MemoryStore.create();
    CountingStore store = new CountingStore(memory);

    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, store, ImportOptions.defaults().withBatchSize(1)))
        .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.errors()).containsExactly(
            new ReferentialError(KitsuCollection.SUBSCRIPTIONS, UUID.fromString("bb000001-0000-4000-8000-000000000000"),
                "person_id", MISSING_PERSON, true)));
    assertThat(store.puts).as("change sets of one record were committed before the last file").isPositive();
    assertThat(store.deletes).as("each of them removed").isEqualTo(store.puts);
    assertThat(Dumps.recordsIn(memory)).isZero();
  }

  @Test
  void importDirectory_dumpManyBatchesLarge_sameStateAsOneChangeSetAndSameRoundTrip() throws IOException {
    ProductionGenerator.Generated generated = ProductionGenerator.generateInNewEngine(Size.S, SEED);
    Path dump = tmp.resolve("dump");
    try (ProdTrack engine = generated.engine()) {
      KitsuExport.exportDirectory(engine, dump);
    }
    MemoryStore batched = MemoryStore.create();
    CountingStore counting = new CountingStore(batched);
    ImportReport report = KitsuImport.importDirectory(dump, counting, ImportOptions.defaults().withBatchSize(97));
    MemoryStore whole = MemoryStore.create();
    KitsuImport.importDirectory(dump, whole, ImportOptions.defaults().withBatchSize(Integer.MAX_VALUE));

    assertThat(report.recordsWritten()).as("seed " + SEED).isGreaterThan(10L * 97);
    assertThat(counting.commits).as("seed " + SEED).isEqualTo((int) ((report.recordsWritten() + 96) / 97));
    assertThat(counting.largest).as("seed " + SEED).isEqualTo(97);
    try (ProdTrack a = ProdTrack.builder().store(batched.reopen()).open();
        ProdTrack b = ProdTrack.builder().store(whole.reopen()).open()) {
      a.checkInvariants();
      assertThat(a.stateDigest()).as("seed " + SEED).isEqualTo(b.stateDigest());
      // the round trip the one-shot import passed, byte for byte, now through many change sets
      Path again = tmp.resolve("again");
      KitsuExport.exportDirectory(a, again);
      for (KitsuCollection c : KitsuCollection.values()) {
        assertThat(again.resolve(c.fileName())).as("seed " + SEED + " " + c.fileName())
            .hasSameBinaryContentAs(dump.resolve(c.fileName()));
      }
    }
  }

  @Test
  void importDirectory_recordsInReverseOrderInEachFile_sameChecksSameRecords() throws IOException {
    Path reversed = Dumps.copy(Dumps.sample(), tmp.resolve("reversed"));
    // each file's records back to front
    for (String file : List.of("entities.json", "tasks.json", "comments.json", "time_spents.json",
        "notifications.json", "news.json", "subscriptions.json")) {
      reverse(reversed.resolve(file));
    }
    // in one of the two orders a child entity comes before its parent, a comment before its task's line...
    assertThat(Dumps.records(reversed.resolve("entities.json"))).anyMatch(r -> r.get("parent_id") != null);

    ImportReport straightReport = KitsuImport.importDirectory(Dumps.sample(), MemoryStore.create(),
        ImportOptions.defaults());
    MemoryStore store = MemoryStore.create();
    ImportReport reversedReport = KitsuImport.importDirectory(reversed, store, ImportOptions.defaults());

    assertThat(reversedReport.skipped()).isEmpty();
    assertThat(reversedReport.recordsWritten()).isEqualTo(straightReport.recordsWritten());
    for (KitsuCollection c : KitsuCollection.values()) {
      assertThat(reversedReport.imported(c)).as(c.fileName()).isEqualTo(straightReport.imported(c));
    }
    try (ProdTrack a = Dumps.open(Dumps.sample(), ImportOptions.defaults());
        ProdTrack b = ProdTrack.builder().store(store.reopen()).open()) {
      b.checkInvariants();
      assertThat(new HashSet<>(EngineRecords.records(b))).isEqualTo(new HashSet<>(EngineRecords.records(a)));
    }
  }

  @Test
  void importDirectory_reversedFileWithAMissingParent_reportsTheSameError() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("missing-parent"));
    String parent = (String) Dumps.records(dir.resolve("entities.json")).stream()
        .filter(r -> r.get("parent_id") != null).findFirst().orElseThrow().get("parent_id");
    KitsuImportTest.replace(dir.resolve("entities.json"), "\"parent_id\": \"" + parent + "\"",
        "\"parent_id\": \"" + MISSING_PERSON + "\"", 1);
    List<ReferentialError> straight = refusal(dir);
    reverse(dir.resolve("entities.json"));

    assertThat(straight).hasSize(1);
    assertThat(refusal(dir)).isEqualTo(straight);
  }

  @Test
  void importDirectory_reversedFileWithAMissingParentSkipped_sameRecordsAsInFileOrder() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("skipped-parent"));
    String parent = (String) Dumps.records(dir.resolve("entities.json")).stream()
        .filter(r -> r.get("parent_id") != null).findFirst().orElseThrow().get("parent_id");
    KitsuImportTest.replace(dir.resolve("entities.json"), "\"parent_id\": \"" + parent + "\"",
        "\"parent_id\": \"" + MISSING_PERSON + "\"", 1);
    Path reversed = Dumps.copy(dir, tmp.resolve("skipped-parent-reversed"));
    reverse(reversed.resolve("entities.json"));
    ImportOptions skip = ImportOptions.defaults().withSkipReferentialErrors(true).withBatchSize(3);
    MemoryStore straightStore = MemoryStore.create();
    MemoryStore reversedStore = MemoryStore.create();

    ImportReport straight = KitsuImport.importDirectory(dir, straightStore, skip);
    ImportReport back = KitsuImport.importDirectory(reversed, reversedStore, skip);

    assertThat(straight.skipped()).hasSize(1).allSatisfy(e -> {
      assertThat(e.field()).isEqualTo("parent_id");
      assertThat(e.missingId()).isEqualTo(MISSING_PERSON);
    });
    assertThat(back.skipped()).isEqualTo(straight.skipped());
    assertThat(back.recordsWritten()).isEqualTo(straight.recordsWritten());
    try (ProdTrack a = ProdTrack.builder().store(straightStore.reopen()).open();
        ProdTrack b = ProdTrack.builder().store(reversedStore.reopen()).open()) {
      List<Object> records = EngineRecords.records(b);
      assertThat(new HashSet<>(records)).isEqualTo(new HashSet<>(EngineRecords.records(a)));
      // the entity whose parent is missing is kept, without a parent; the others keep theirs
      assertThat(records).filteredOn(dev.prodtrack.model.Entity.class::isInstance)
          .map(dev.prodtrack.model.Entity.class::cast)
          .filteredOn(e -> e.id().value().equals(straight.skipped().get(0).id()))
          .singleElement().satisfies(e -> assertThat(e.parentId()).isNull());
      assertThat(records).filteredOn(dev.prodtrack.model.Entity.class::isInstance)
          .map(dev.prodtrack.model.Entity.class::cast).anyMatch(e -> e.parentId() != null);
    }
  }

  private static List<ReferentialError> refusal(Path dir) {
    MemoryStore store = MemoryStore.create();
    List<ReferentialError> out = new ArrayList<>();
    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, store, ImportOptions.defaults()))
        .isInstanceOfSatisfying(ImportRefusedException.class, e -> out.addAll(e.errors()));
    assertThat(Dumps.recordsIn(store)).isZero();
    return out;
  }

  /** Reverses a dump file written one record a line. */
  private static void reverse(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    assertThat(lines.get(0)).isEqualTo("[");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("]");
    List<String> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      rows.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
    }
    Collections.reverse(rows);
    Files.writeString(file, "[\n" + String.join(",\n", rows) + "\n]\n");
  }

  /** A store that counts the change sets committed to it. */
  private static final class CountingStore implements Store {
    final Store delegate;
    int commits;
    int largest;
    long puts;
    long deletes;

    CountingStore(Store delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<Capability> capabilities() {
      return delegate.capabilities();
    }

    @Override
    public RecoveryReport load(Consumer<StoredRecord> sink) {
      return delegate.load(sink);
    }

    @Override
    public long commit(ChangeSet changes) {
      long sequence = delegate.commit(changes);
      commits++;
      largest = Math.max(largest, changes.puts().size());
      puts += changes.puts().size();
      deletes += changes.deletes().size();
      return sequence;
    }

    @Override
    public StoreHealth health() {
      return delegate.health();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
