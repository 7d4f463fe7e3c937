package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StoredRecord;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by the T8 decoder fuzzing): snapshot chunks were cut at a fixed 1 MiB whatever
 * {@code maxRecordBytes}, while recovery refuses any frame longer than {@code maxRecordBytes}; with a
 * smaller (valid) bound every snapshot was unreadable, and once two snapshots had deleted the journal
 * they covered the store could no longer be opened. Chunks now respect the bound.
 */
class SnapshotChunkBoundTest {

  @Test
  void snapshots_withASmallMaxRecordBytes_areReadBack_afterTheJournalTheyCoverIsDeleted() {
    SimulatedDisk disk = new SimulatedDisk();
    FileStoreOptions options = Workload.options(9).withMaxRecordBytes(4096);
    Random rnd = new Random(9);
    Workload.Loaded expected;
    try (FileStore store = FileStore.open(Workload.DIR, options, disk)) {
      store.load(r -> { });
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 40; i++) {
          byte[] payload = new byte[1_000];
          rnd.nextBytes(payload);
          store.commit(ChangeSet.builder().put(new StoredRecord(new RecordKey("task", "t" + round + "-" + i), payload))
              .build());
        }
        store.compact();
      }
      expected = new Workload.Loaded(store.liveCopy(), null);
    }
    assertThat(expected.content()).hasSize(120);
    assertThat(disk.names(Workload.DIR)).as("the first snapshot's journal was deleted")
        .noneMatch(n -> n.equals(Format.journalName(1)));
    try (FileStore reopened = FileStore.open(Workload.DIR, options, disk)) {
      Workload.Loaded loaded = Workload.load(reopened);
      assertThat(loaded.content()).isEqualTo(expected.content());
      assertThat(loaded.report().lastSequence()).isEqualTo(120);
    }
  }
}
