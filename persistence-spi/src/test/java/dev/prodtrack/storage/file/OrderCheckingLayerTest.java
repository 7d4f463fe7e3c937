package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The T9 wrapper ({@link OrderCheckingLayer}) itself: each ordering rule is reported when broken by a
 * hand-driven sequence of operations, and stays silent for the correct order; and a real {@link
 * FileStore} (commits, segment rolls, snapshots, compaction, reopen) breaks none of them.
 */
class OrderCheckingLayerTest {

  private static final Path DIR = Workload.DIR;
  private SimulatedDisk disk;
  private OrderCheckingLayer io;

  @BeforeEach
  void setUp() throws IOException {
    disk = new SimulatedDisk();
    disk.createDirectory(DIR.getParent());
    disk.createDirectory(DIR);
    io = new OrderCheckingLayer(disk);
  }

  private static ByteBuffer frames(long... seqs) {
    byte[] payload = {1, 2, 3};
    byte[] out = new byte[seqs.length * (Format.FRAME_BYTES + payload.length)];
    int crc = 0;
    for (int i = 0; i < seqs.length; i++) {
      crc = Format.writeFrame(out, i * (Format.FRAME_BYTES + payload.length), 7, crc, Format.TYPE_CHANGE_SET, seqs[i],
          payload);
    }
    return ByteBuffer.wrap(out);
  }

  private FileLayer.Handle segment(long firstSeq) throws IOException {
    FileLayer.Handle h = io.open(DIR.resolve(Format.journalName(firstSeq)), true);
    h.write(ByteBuffer.allocate(Format.HEADER_BYTES), 0);
    h.force(true);
    io.syncDirectory(DIR);
    return h;
  }

  @Test
  void acknowledgement_beforeTheForce_isReported() throws IOException {
    FileLayer.Handle h = segment(1);
    h.write(frames(1, 2), Format.HEADER_BYTES);
    io.acknowledged(2);
    assertThat(io.violations()).hasSize(2).first().asString().contains("change set 1 acknowledged before a force");
    assertThatThrownBy(io::assertNoViolations).isInstanceOf(AssertionError.class)
        .hasMessageContaining("write-ordering violation");
  }

  @Test
  void acknowledgement_afterTheForce_isFine_andOnlyCoversTheAcknowledgedFrames() throws IOException {
    FileLayer.Handle h = segment(1);
    h.write(frames(1), Format.HEADER_BYTES);
    h.force(false);
    h.write(frames(2), Format.HEADER_BYTES + 23);
    io.acknowledged(1);
    assertThat(io.violations()).isEmpty();
    io.acknowledged(2);
    assertThat(io.violations()).singleElement().asString().contains("change set 2");
  }

  @Test
  void acknowledgement_inASegmentWhoseDirectoryEntryIsNotSynced_isReported() throws IOException {
    FileLayer.Handle h = io.open(DIR.resolve(Format.journalName(1)), true);
    h.write(ByteBuffer.allocate(Format.HEADER_BYTES), 0);
    h.write(frames(1), Format.HEADER_BYTES);
    h.force(true);
    io.acknowledged(1);
    assertThat(io.violations()).singleElement().asString().contains("directory entry");
  }

  @Test
  void rename_ofAnUnforcedFile_isReported_andOfAForcedOne_isNot() throws IOException {
    Path tmp = DIR.resolve(Format.snapshotName(5) + Format.TEMP_SUFFIX);
    try (FileLayer.Handle h = io.open(tmp, true)) {
      h.write(ByteBuffer.wrap(new byte[100]), 0);
    }
    io.atomicMove(tmp, DIR.resolve(Format.snapshotName(5)));
    assertThat(io.violations()).singleElement().asString().contains("before a force");

    OrderCheckingLayer fresh = new OrderCheckingLayer(disk);
    Path tmp2 = DIR.resolve(Format.snapshotName(6) + Format.TEMP_SUFFIX);
    try (FileLayer.Handle h = fresh.open(tmp2, true)) {
      h.write(ByteBuffer.wrap(new byte[100]), 0);
      h.force(true);
    }
    fresh.atomicMove(tmp2, DIR.resolve(Format.snapshotName(6)));
    assertThat(fresh.violations()).isEmpty();
  }

  @Test
  void delete_beforeTheReplacingSnapshotIsSyncedIntoTheDirectory_isReported() throws IOException {
    segment(1).close();
    Path tmp = DIR.resolve(Format.snapshotName(9) + Format.TEMP_SUFFIX);
    try (FileLayer.Handle h = io.open(tmp, true)) {
      h.write(ByteBuffer.wrap(new byte[100]), 0);
      h.force(true);
    }
    io.atomicMove(tmp, DIR.resolve(Format.snapshotName(9)));
    io.delete(DIR.resolve(Format.journalName(1)));
    assertThat(io.violations()).isNotEmpty().first().asString().contains("was not synced");
  }

  @Test
  void delete_afterTheDirectorySync_isFine() throws IOException {
    segment(1).close();
    Path tmp = DIR.resolve(Format.snapshotName(9) + Format.TEMP_SUFFIX);
    try (FileLayer.Handle h = io.open(tmp, true)) {
      h.write(ByteBuffer.wrap(new byte[100]), 0);
      h.force(true);
    }
    io.atomicMove(tmp, DIR.resolve(Format.snapshotName(9)));
    io.syncDirectory(DIR);
    io.delete(DIR.resolve(Format.journalName(1)));
    assertThat(io.violations()).isEmpty();
    assertThat(io.checks()).isEqualTo(2); // the rename and the delete
  }

  @Test
  void truncation_beforeTheQuarantineCopyIsDurable_isReported() throws IOException {
    FileLayer.Handle h = segment(1);
    h.write(frames(1, 2, 3), Format.HEADER_BYTES);
    h.force(false);
    Path quarantine = DIR.resolve(Format.QUARANTINE_DIR);
    io.createDirectory(quarantine);
    try (FileLayer.Handle q = io.open(quarantine.resolve("cut"), true)) {
      q.write(ByteBuffer.wrap(new byte[23]), 0);
      q.force(true);
    }
    h.truncate(Format.HEADER_BYTES + 46);
    assertThat(io.violations()).singleElement().asString().contains("quarantine copy");
  }

  @Test
  void failedOperations_countForNothing() throws IOException {
    FileLayer.Handle h = segment(1);
    h.write(frames(1), Format.HEADER_BYTES);
    disk.crashAt(disk.operations() + 1);
    assertThatThrownBy(() -> h.force(false)).isInstanceOf(IOException.class);
    io.acknowledged(1);
    assertThat(io.violations()).singleElement().asString().contains("before a force");
  }

  @Test
  void aRealFileStore_withRollsSnapshotsAndCompaction_breaksNoRule() {
    Workload w = Workload.random(3, 300, 20, 400);
    for (FileStoreOptions.FsyncPolicy policy : new FileStoreOptions.FsyncPolicy[] {
        FileStoreOptions.FsyncPolicy.SYNC, FileStoreOptions.FsyncPolicy.SYNC_BATCH}) {
      SimulatedDisk d = new SimulatedDisk();
      OrderCheckingLayer layer = new OrderCheckingLayer(d);
      FileStoreOptions options = Workload.options(1).withFsync(policy).withSegmentBytes(4096)
          .withAutoSnapshot(true, 2048);
      try (FileStore store = FileStore.open(DIR, options, layer)) {
        store.load(r -> { });
        for (int i = 0; i < 150; i++) {
          layer.acknowledged(store.commit(w.changeSets.get(i)));
          if (i % 50 == 49) {
            store.compact();
          }
        }
      }
      try (FileStore store = FileStore.open(DIR, options, layer)) {
        assertThat(Workload.load(store).content()).isEqualTo(w.states.get(150));
        for (int i = 150; i < 300; i++) {
          long seq = store.submit(w.changeSets.get(i));
          store.awaitCommitted(seq);
          layer.acknowledged(seq);
        }
      }
      layer.assertNoViolations();
      assertThat(layer.acknowledgementsChecked()).isEqualTo(300);
      assertThat(layer.checks()).as("renames and deletes were checked too").isGreaterThan(300);
    }
  }
}
