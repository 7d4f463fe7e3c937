package dev.prodtrack.kitsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.ProdTrack;
import dev.prodtrack.storage.Capability;
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.memory.MemoryStore;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import is all or nothing from the caller's view: a failure or a refusal after some change sets were
 * committed leaves the store's digest what it was before the import.
 */
class KitsuImportRollbackTest {
  private static final long SEED = 20261129L;
  /** The sample holds 53 records: 11 change sets of 5. */
  private static final int BATCH = 5;

  @TempDir
  Path tmp;

  @Test
  void importDirectory_storeRefusesTheThirdCommit_storeDigestAsBeforeTheImport() throws IOException {
    MemoryStore content = emptyContent();
    String before = digest(content);
    MemoryStore handle = content.reopen();
    RecordingStore store = new RecordingStore(handle);
    ImportProgress armAfterTwo = new ImportProgress() {
      @Override
      public void written(long written, long total) {
        if (written == 2 * BATCH) {
          handle.failNextCommit(Reason.TOO_LARGE);
        }
      }
    };

    assertThatThrownBy(() -> KitsuImport.importDirectory(Dumps.sample(), store,
        ImportOptions.defaults().withBatchSize(BATCH), armAfterTwo))
        .isInstanceOfSatisfying(StorageException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
          assertThat(e.getSuppressed()).isEmpty();
        });

    assertThat(store.putsCommitted).as("two change sets were written before the failure").isEqualTo(2 * BATCH);
    assertThat(store.deletesCommitted).as("then deleted").isGreaterThanOrEqualTo(2 * BATCH);
    assertThat(digest(handle)).isEqualTo(before);
  }

  @Test
  void importDirectory_commitFailsAtEachChangeSetInTurn_storeDigestAsBeforeEveryTime() throws IOException {
    long changeSets = KitsuImport.importDirectory(Dumps.sample(), MemoryStore.create(),
        ImportOptions.defaults().withBatchSize(BATCH)).changeSets();
    assertThat(changeSets).isEqualTo(11);
    for (int failing = 1; failing <= changeSets; failing++) {
      MemoryStore content = emptyContent();
      String before = digest(content);
      MemoryStore handle = content.reopen();
      RecordingStore store = new RecordingStore(handle);
      store.failPutCommit = failing;

      assertThatThrownBy(() -> KitsuImport.importDirectory(Dumps.sample(), store,
          ImportOptions.defaults().withBatchSize(BATCH)))
          .as("failing change set " + failing).isInstanceOf(StorageException.class);
      assertThat(store.putsCommitted).as("failing change set " + failing).isEqualTo((failing - 1) * BATCH);
      assertThat(digest(handle)).as("failing change set " + failing).isEqualTo(before);
    }
  }

  @Test
  void importDirectory_recordRefusedAfterCommits_formatErrorAndStoreDigestAsBefore() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("bad-date"));
    KitsuImportTest.replace(dir.resolve("time_spents.json"), "\"date\": \"2024-", "\"date\": \"2024-13-", 1);
    MemoryStore content = emptyContent();
    String before = digest(content);
    MemoryStore handle = content.reopen();
    RecordingStore store = new RecordingStore(handle);

    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, store, ImportOptions.defaults().withBatchSize(BATCH)))
        .isInstanceOfSatisfying(KitsuFormatException.class, e -> {
          assertThat(e.file()).isEqualTo("time_spents.json");
          assertThat(e.field()).isEqualTo("date");
          assertThat(e.problem()).isEqualTo(KitsuFormatException.Problem.INVALID_VALUE);
        });

    assertThat(store.putsCommitted).as("tasks and comments were written before the time spents").isPositive();
    assertThat(digest(handle)).isEqualTo(before);
  }

  @Test
  void importDirectory_referentialErrorAfterCommits_refusedWithEveryErrorAndStoreDigestAsBefore() throws IOException {
    // two dangling references in the last files: the first refuses the import after tasks and comments were
    // committed; the second is still found, by the reading of ids and references that follows
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("refused-late"));
    KitsuImportTest.replace(dir.resolve("time_spents.json"), "\"person_id\": \"a00000", "\"person_id\": \"a000f0", 1);
    KitsuImportTest.replace(dir.resolve("news.json"), "\"author_id\": \"a00000", "\"author_id\": \"a000f0", 1);
    MemoryStore content = emptyContent();
    String before = digest(content);
    MemoryStore handle = content.reopen();
    RecordingStore store = new RecordingStore(handle);

    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, store, ImportOptions.defaults().withBatchSize(BATCH)))
        .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
          assertThat(e.errorCount()).isEqualTo(2);
          assertThat(e.errors()).extracting(ReferentialError::collection)
              .containsExactly(KitsuCollection.TIME_SPENTS, KitsuCollection.NEWS);
          assertThat(e.errors()).extracting(ReferentialError::field).containsExactly("person_id", "author_id");
        });

    assertThat(store.putsCommitted).as("tasks and comments were written before the time spents").isPositive();
    assertThat(store.deletesCommitted).isGreaterThanOrEqualTo(store.putsCommitted);
    assertThat(digest(handle)).isEqualTo(before);
  }

  @Test
  void importDirectory_refusedThenTheSameDumpFixed_importsEverything() throws IOException {
    // a refusal leaves nothing behind: the same store content takes the fixed dump whole
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("fixed-later"));
    Path original = dir.resolve("news.json");
    String text = Files.readString(original);
    KitsuImportTest.replace(original, "\"author_id\": \"a00000", "\"author_id\": \"a000f0", 1);
    MemoryStore content = emptyContent();

    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, content.reopen(),
        ImportOptions.defaults().withBatchSize(BATCH))).isInstanceOf(ImportRefusedException.class);
    Files.writeString(original, text);
    ImportReport report = KitsuImport.importDirectory(dir, content.reopen(),
        ImportOptions.defaults().withBatchSize(BATCH));

    assertThat(report.recordsWritten()).isEqualTo(53);
    assertThat(Dumps.recordsIn(content)).isEqualTo(53);
  }

  @Test
  void importDirectory_progressListenerThrowsMidway_storeDigestAsBefore() throws IOException {
    MemoryStore content = emptyContent();
    String before = digest(content);
    MemoryStore handle = content.reopen();
    ImportProgress throwing = new ImportProgress() {
      @Override
      public void written(long written, long total) {
        if (written >= 3 * BATCH) {
          throw new IllegalStateException("cancelled by the caller");
        }
      }
    };

    assertThatThrownBy(() -> KitsuImport.importDirectory(Dumps.sample(), handle,
        ImportOptions.defaults().withBatchSize(BATCH), throwing)).hasMessage("cancelled by the caller");
    assertThat(digest(handle)).isEqualTo(before);
  }

  @Test
  void importDirectory_storeFailsOutright_deletesRefusedAreSuppressedAndTheStoreKeepsWhatWasCommitted()
      throws IOException {
    MemoryStore handle = MemoryStore.create();
    ImportProgress failAfterTwo = new ImportProgress() {
      @Override
      public void written(long written, long total) {
        if (written == 2 * BATCH) {
          handle.failNextCommit(Reason.FAILED);
        }
      }
    };

    assertThatThrownBy(() -> KitsuImport.importDirectory(Dumps.sample(), handle,
        ImportOptions.defaults().withBatchSize(BATCH), failAfterTwo))
        .isInstanceOfSatisfying(StorageException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.FAILED);
          assertThat(e.getSuppressed()).singleElement().isInstanceOf(StorageException.class);
        });
    // documented: a failed store cannot take the deletes; the caller discards it
    assertThat(Dumps.recordsIn(handle)).isEqualTo(2 * BATCH);
  }

  @Test
  void importDirectory_fileStoreFailureMidway_reopenedStoreHoldsNothing() throws IOException {
    ProductionGenerator.Generated generated = ProductionGenerator.generateInNewEngine(Size.S, SEED);
    Path dump = tmp.resolve("dump");
    try (ProdTrack engine = generated.engine()) {
      KitsuExport.exportDirectory(engine, dump);
    }
    // break the last record of news.json, the last large file the generator fills (it writes no
    // subscriptions): almost every batch is written before the second pass meets it
    Path news = dump.resolve("news.json");
    List<String> lines = new ArrayList<>(Files.readAllLines(news));
    int last = lines.size() - 2;
    assertThat(lines.get(last)).as("seed " + SEED).containsPattern("\"created_at\": ?\"");
    lines.set(last, lines.get(last).replaceFirst("\"created_at\": ?\"[^\"]*\"", "\"created_at\": 17"));
    Files.write(news, lines, StandardCharsets.UTF_8);
    Path storeDir = tmp.resolve("store");
    RecordingStore store = new RecordingStore(FileStore.open(storeDir));

    assertThatThrownBy(() -> KitsuImport.importDirectory(dump, store, ImportOptions.defaults().withBatchSize(1000)))
        .as("seed " + SEED).isInstanceOfSatisfying(KitsuFormatException.class,
            e -> assertThat(e.field()).isEqualTo("created_at"));

    assertThat(store.putsCommitted).as("seed " + SEED).isGreaterThan(10_000);
    long[] records = {0};
    try (FileStore reopened = FileStore.open(storeDir)) {
      reopened.load(r -> records[0]++);
    }
    assertThat(records[0]).as("seed " + SEED).isZero();
  }

  /** A new, empty memory content, its first handle closed. */
  private static MemoryStore emptyContent() {
    MemoryStore store = MemoryStore.create();
    store.close();
    return store;
  }

  /**
   * The digest of a memory store's content: SHA-256 over every record's key and payload, in key order.
   * Reopens the content (the given handle must be closed, as the import leaves it).
   */
  static String digest(MemoryStore closed) {
    List<StoredRecord> records = new ArrayList<>();
    try (MemoryStore again = closed.reopen()) {
      again.load(records::add);
    }
    records.sort(Comparator.comparing((StoredRecord r) -> r.key().kind()).thenComparing(r -> r.key().id()));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (StoredRecord r : records) {
        sha.update((r.key().kind() + "/" + r.key().id() + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(r.payload());
      }
      return records.size() + " records, sha-256 " + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An action that may fail with an I/O error. */
  private interface IoAction {
    void run() throws IOException;
  }

  /** A progress listener running an action once, after the first change set is committed. */
  private static ImportProgress onFirstWrite(IoAction action) {
    return new ImportProgress() {
      boolean done;

      @Override
      public void written(long written, long total) {
        if (!done) {
          done = true;
          try {
            action.run();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    };
  }

  /** Counts the puts and deletes committed; can refuse the n-th commit holding puts, committing nothing. */
  private static final class RecordingStore implements Store {
    final Store delegate;
    long putsCommitted;
    long deletesCommitted;
    int failPutCommit;
    int putCommits;

    RecordingStore(Store delegate) {
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
      if (!changes.puts().isEmpty() && ++putCommits == failPutCommit) {
        throw new StorageException(Reason.TOO_LARGE, "injected: change set " + putCommits + " refused");
      }
      long sequence = delegate.commit(changes);
      putsCommitted += changes.puts().size();
      deletesCommitted += changes.deletes().size();
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
