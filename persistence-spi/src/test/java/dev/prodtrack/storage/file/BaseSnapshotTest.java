package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.StoreHealth;
import dev.prodtrack.storage.StoredRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The newest snapshot stays on disk as the store's base: the heap holds only what changed since, a load
 * streams the base from its file, the next snapshot merges the base with the changes, and what changed
 * while a snapshot was being written stays held until the snapshot after.
 */
class BaseSnapshotTest {

  private final List<Path> dirs = new ArrayList<>();
  private final List<FileStore> stores = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    stores.forEach(FileStore::close);
    dirs.forEach(TempDirs::delete);
  }

  private Path newDir() {
    Path d = TempDirs.createInMemory("base-snapshot");
    dirs.add(d);
    return d;
  }

  private FileStore open(Path dir, FileStoreOptions options) {
    FileStore s = FileStore.open(dir, options);
    stores.add(s);
    return s;
  }

  private static FileStoreOptions options(long seed) {
    return FileStoreOptions.defaults()
        .withSources(() -> java.time.Instant.ofEpochSecond(1_700_000_000L), new Random(seed))
        .withFsync(FileStoreOptions.FsyncPolicy.NONE)
        .withAutoSnapshot(false, 0)
        .withSnapshotExecutor(Runnable::run);
  }

  private static StoredRecord rec(String kind, String id, String text) {
    return new StoredRecord(new RecordKey(kind, id), text.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<RecordKey, String> loadAll(FileStore store, long[] count) {
    Map<RecordKey, String> out = new HashMap<>();
    count[0] = store.load(r -> {
      String before = out.put(r.key(), new String(r.payload(), StandardCharsets.UTF_8));
      assertThat(before).as("key %s streamed twice", r.key()).isNull();
    }).recordsLoaded();
    return out;
  }

  private static Map<RecordKey, String> asText(Map<RecordKey, StoredRecord> records) {
    Map<RecordKey, String> out = new HashMap<>();
    records.forEach((k, r) -> out.put(k, new String(r.payload(), StandardCharsets.UTF_8)));
    return out;
  }

  @Test
  void afterACompaction_theHeapHoldsNoRecord_andReopenStreamsTheBaseFromItsFile() {
    Path dir = newDir();
    FileStore store = open(dir, options(1));
    store.load(r -> { });
    Map<RecordKey, String> model = new HashMap<>();
    for (int i = 0; i < 500; i++) {
      StoredRecord r = rec(i % 3 == 0 ? "a" : "b", String.format("id-%04d", i), "v" + i);
      store.commit(ChangeSet.builder().put(r).build());
      model.put(r.key(), "v" + i);
    }
    assertThat(store.changedRecordsHeld()).isEqualTo(500);
    store.compact();
    assertThat(store.changedRecordsHeld()).as("records the base snapshot holds are not held on the heap").isZero();
    assertThat(asText(store.liveCopy())).isEqualTo(model);
    store.close();

    FileStore again = open(dir, options(2));
    assertThat(again.changedRecordsHeld()).isZero();
    assertThat(again.recoveryReport().recordsLoaded()).isEqualTo(500);
    long[] count = new long[1];
    assertThat(loadAll(again, count)).isEqualTo(model);
    assertThat(count[0]).isEqualTo(500);
    assertThat(again.expectedLoadCounts()).containsEntry("a", 167).containsEntry("b", 333);
  }

  @Test
  void journalAfterTheBase_overridesAndDeletesItsRecords_countedBeforeAndByTheLoad() {
    Path dir = newDir();
    FileStore store = open(dir, options(3));
    store.load(r -> { });
    for (int i = 0; i < 100; i++) {
      store.commit(ChangeSet.builder().put(rec("t", "k" + i, "old" + i)).build());
    }
    store.compact();
    store.commit(ChangeSet.builder().put(rec("t", "k5", "new5")).delete(new RecordKey("t", "k6"))
        .put(rec("t", "k100", "new100")).build());
    store.commit(ChangeSet.builder().delete(new RecordKey("t", "k7")).delete(new RecordKey("t", "absent")).build());
    store.close();

    Map<RecordKey, String> model = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      model.put(new RecordKey("t", "k" + i), "old" + i);
    }
    model.put(new RecordKey("t", "k5"), "new5");
    model.remove(new RecordKey("t", "k6"));
    model.remove(new RecordKey("t", "k7"));
    model.put(new RecordKey("t", "k100"), "new100");

    FileStore before = open(dir, options(4));
    assertThat(before.recoveryReport().recordsLoaded()).as("counted from the base's keys before a load").isEqualTo(99);
    assertThat(before.changedRecordsHeld()).isEqualTo(2);
    long[] count = new long[1];
    assertThat(loadAll(before, count)).isEqualTo(model);
    assertThat(count[0]).isEqualTo(99);
    before.close();

    FileStore loadFirst = open(dir, options(5));
    assertThat(loadAll(loadFirst, count)).isEqualTo(model);
    assertThat(count[0]).isEqualTo(99);
    assertThat(loadFirst.recoveryReport().recordsLoaded()).as("the load's count").isEqualTo(99);
  }

  /**
   * Random puts and deletes, snapshots prepared at one moment and written later (with commits between),
   * explicit compactions and reopenings, against a map: the store's content, a reopened store's load and
   * its count always equal the map; a snapshot written with no commit after it leaves nothing held.
   */
  @Test
  void randomChangesAroundDeferredSnapshots_keepTheContentOfAMap() {
    for (long seed = 1; seed <= 12; seed++) {
      try {
        randomRun(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  private void randomRun(long seed) {
    Random random = new Random(seed);
    Path dir = newDir();
    ArrayDeque<Runnable> deferred = new ArrayDeque<>();
    FileStoreOptions options = options(seed).withAutoSnapshot(true, 256).withSnapshotExecutor(deferred::add);
    FileStore store = open(dir, options);
    store.load(r -> { });
    Map<RecordKey, String> model = new HashMap<>();
    List<RecordKey> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add(new RecordKey(new String[] {"a", "b", "c"}[i % 3], String.format("%s-%02d", Long.toHexString(seed), i)));
    }
    for (int step = 0; step < 300; step++) {
      int op = random.nextInt(20);
      if (op < 14) {
        ChangeSet.Builder b = ChangeSet.builder();
        List<RecordKey> shuffled = new ArrayList<>(keys);
        java.util.Collections.shuffle(shuffled, random);
        Map<RecordKey, String> after = new HashMap<>(model);
        for (RecordKey k : shuffled.subList(0, 1 + random.nextInt(4))) {
          if (random.nextInt(3) == 0) {
            b.delete(k);
            after.remove(k);
          } else {
            String text = "s" + step + "-" + random.nextInt(1000);
            b.put(new StoredRecord(k, text.getBytes(StandardCharsets.UTF_8)));
            after.put(k, text);
          }
        }
        store.commit(b.build());
        model = after;
      } else if (op < 17) {
        boolean quiet = random.nextBoolean();
        while (!deferred.isEmpty()) {
          deferred.poll().run();
        }
        if (quiet) {
          store.compact();
          assertThat(store.changedRecordsHeld()).as("held after a compaction with no commit after it").isZero();
        }
      } else if (op < 19) {
        assertThat(asText(store.liveCopy())).as("content at step %d", step).isEqualTo(model);
      } else {
        while (!deferred.isEmpty()) {
          deferred.poll().run();
        }
        store.close();
        store = open(dir, options.withSources(options.clock(), new Random(seed * 31 + step)));
        assertThat(store.recoveryReport().recordsLoaded()).as("count before the load at step %d", step)
            .isEqualTo(model.size());
        long[] count = new long[1];
        assertThat(loadAll(store, count)).as("load at step %d", step).isEqualTo(model);
        assertThat(count[0]).isEqualTo(model.size());
      }
      assertThat(store.changedRecordsHeld()).isLessThanOrEqualTo(keys.size());
    }
    while (!deferred.isEmpty()) {
      deferred.poll().run();
    }
    assertThat(asText(store.liveCopy())).isEqualTo(model);
  }

  @Test
  void aBaseDamagedOnDiskAfterTheOpen_isRefusedByTheLoad_withTheCorruptReason() throws IOException {
    Path dir = newDir();
    FileStore store = open(dir, options(6));
    store.load(r -> { });
    for (int i = 0; i < 50; i++) {
      store.commit(ChangeSet.builder().put(rec("t", "k" + i, "value " + i)).build());
    }
    store.compact();
    store.close();

    FileStore again = open(dir, options(7));
    flipPayloadByte(dir);
    assertThatThrownBy(() -> again.load(r -> { }))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(((StorageException) e).reason()).isEqualTo(Reason.CORRUPT))
        .hasMessageContaining("passed its checks when the store was opened");
  }

  @Test
  void aBaseDamagedOnDiskAfterTheLoad_failsTheNextSnapshot_andTheJournalKeepsEveryCommit() throws IOException {
    Path dir = newDir();
    FileStore store = open(dir, options(8));
    store.load(r -> { });
    for (int i = 0; i < 50; i++) {
      store.commit(ChangeSet.builder().put(rec("t", "k" + i, "value " + i)).build());
    }
    store.compact();
    store.commit(ChangeSet.builder().put(rec("t", "late", "after the snapshot")).build());
    flipPayloadByte(dir);
    assertThatThrownBy(store::compact).isInstanceOf(StorageException.class);
    assertThat(store.health().state()).isEqualTo(StoreHealth.State.FAILED);
    assertThat(store.health().cause().orElseThrow().getMessage()).contains("base snapshot fails a check");
    store.close();
    // the next open quarantines the damaged snapshot and replays the whole journal (no segment was deleted:
    // a segment goes only once the older of two snapshots covers it)
    FileStore again = open(dir, options(9));
    long[] count = new long[1];
    Map<RecordKey, String> loaded = loadAll(again, count);
    assertThat(count[0]).isEqualTo(51);
    assertThat(loaded).containsEntry(new RecordKey("t", "late"), "after the snapshot")
        .containsEntry(new RecordKey("t", "k49"), "value 49");
    assertThat(again.recoveryReport().notes()).anyMatch(n -> n.contains("quarantin"));
  }

  /** Flips one byte in the middle of the newest snapshot's first chunk. */
  private static void flipPayloadByte(Path dir) throws IOException {
    Path snapshot;
    try (var files = Files.list(dir)) {
      snapshot = files.filter(p -> p.getFileName().toString().startsWith(Format.SNAPSHOT_PREFIX)
              && p.getFileName().toString().endsWith(Format.SNAPSHOT_SUFFIX))
          .max(java.util.Comparator.comparing(Path::toString)).orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(snapshot);
    int at = Format.HEADER_BYTES + Format.FRAME_BYTES + 20;
    bytes[at] ^= 0x10;
    Files.write(snapshot, bytes);
  }
}
