package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StoredRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Recovery reads a snapshot through a forward window ({@link Recovery.Window}) instead of one array for
 * the whole file, so that a snapshot larger than 2 GiB opens (regression: an XL production's 3.17 GB
 * snapshot was refused with "more than a store file can hold" after {@code compact()} had deleted the
 * journal it covered, leaving the store unopenable). A test cannot write 2 GiB; instead the same
 * snapshots are read through windows from 1 byte to the default, so that every frame straddles refills
 * in some run, and every run must give exactly what the default window gives: the same records, and
 * for damaged snapshots the same refusal (quarantine and fallback).
 */
class SnapshotWindowTest {

  private static final long SEED = 20261129L;
  private static final int[] WINDOWS = {1, 7, Format.FRAME_BYTES, Format.HEADER_BYTES + 1, 1_000, 4_096, 4_117,
      65_536, Recovery.WINDOW_BYTES};

  /** A store of many 4 KiB-bounded chunks: two snapshots (the older one a fallback) and a journal tail. */
  private static SimulatedDisk storeWithSnapshots(Random rnd) {
    SimulatedDisk disk = new SimulatedDisk();
    FileStoreOptions options = Workload.options(SEED).withMaxRecordBytes(4096);
    try (FileStore store = FileStore.open(Workload.DIR, options, disk)) {
      store.load(r -> { });
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 300; i++) {
          byte[] payload = new byte[1 + rnd.nextInt(1_500)];
          rnd.nextBytes(payload);
          store.commit(ChangeSet.builder()
              .put(new StoredRecord(new RecordKey(i % 3 == 0 ? "task" : "comment", "k" + rnd.nextInt(400)), payload))
              .build());
        }
        store.compact();
      }
      store.commit(ChangeSet.builder().put(new StoredRecord(new RecordKey("task", "tail"), new byte[] {1, 2, 3}))
          .build());
    }
    return disk;
  }

  private static Map<String, String> digest(Recovery.Result r) {
    Map<String, String> out = new TreeMap<>();
    r.live.forEach((k, v) -> out.put(k.kind() + "/" + k.id(), Arrays.toString(v.payload())));
    out.put("#lastSeq", Long.toString(r.lastSeq));
    out.put("#chainCrc", Integer.toString(r.chainCrc));
    out.put("#snapshots", r.snapshots.toString());
    out.put("#notes", r.notes.toString());
    return out;
  }

  /** What recovery gives through a window: the digest, or the refusal when it throws. */
  private static Map<String, String> recover(SimulatedDisk disk, int window) throws IOException {
    try {
      return digest(Recovery.run(disk, Workload.DIR, Workload.options(SEED).withMaxRecordBytes(4096), window));
    } catch (StorageException e) {
      return Map.of("#refused", e.reason() + ": " + e.getMessage());
    }
  }

  private static String newestSnapshot(SimulatedDisk disk) {
    return disk.names(Workload.DIR).stream().filter(n -> n.endsWith(Format.SNAPSHOT_SUFFIX)).sorted()
        .reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void everyWindowReadsTheSameRecordsAsTheDefault() throws IOException {
    SimulatedDisk disk = storeWithSnapshots(new Random(SEED));
    Map<String, String> expected = recover(disk.copy(), Recovery.WINDOW_BYTES);
    assertThat(expected).as("the snapshot and the tail were loaded").containsKey("task/tail");
    assertThat(disk.read(Workload.DIR.resolve(newestSnapshot(disk))).length)
        .as("the snapshot spans many windows of the small sizes").isGreaterThan(100_000);
    for (int window : WINDOWS) {
      assertThat(recover(disk.copy(), window)).as("window %d (seed %d)", window, SEED).isEqualTo(expected);
    }
    Random rnd = new Random(SEED + 1);
    for (int i = 0; i < 8; i++) {
      int window = 1 + rnd.nextInt(20_000);
      assertThat(recover(disk.copy(), window)).as("window %d (seed %d)", window, SEED + 1).isEqualTo(expected);
    }
  }

  @Test
  void damagedSnapshots_areRefusedTheSameWayThroughEveryWindow() throws IOException {
    SimulatedDisk disk = storeWithSnapshots(new Random(SEED));
    String name = newestSnapshot(disk);
    byte[] original = disk.read(Workload.DIR.resolve(name));
    Random rnd = new Random(SEED + 2);
    for (int c = 0; c < 24; c++) {
      byte[] damaged;
      String what;
      switch (c % 4) {
        case 0 -> {
          damaged = original.clone();
          int at = rnd.nextInt(damaged.length);
          damaged[at] ^= (byte) (1 << rnd.nextInt(8));
          what = "bit flip at " + at;
        }
        case 1 -> {
          int len = rnd.nextInt(original.length);
          damaged = Arrays.copyOf(original, len);
          what = "truncated to " + len;
        }
        case 2 -> {
          damaged = Arrays.copyOf(original, original.length + 1 + rnd.nextInt(100));
          what = "garbage after the footer";
        }
        default -> {
          damaged = original.clone();
          int at = Format.HEADER_BYTES + rnd.nextInt(original.length - Format.HEADER_BYTES);
          ByteBuffer.wrap(damaged, Math.min(at, damaged.length - 4), 4).putInt(0x7fff_ffff);
          what = "huge length-like value at " + at;
        }
      }
      SimulatedDisk copy = disk.copy();
      copy.overwrite(Workload.DIR.resolve(name), damaged);
      Map<String, String> expected = recover(copy.copy(), Recovery.WINDOW_BYTES);
      assertThat(expected.toString()).as("%s (seed %d) is detected", what, SEED + 2)
          .containsAnyOf("snapshot failed its checks", "#refused");
      for (int window : WINDOWS) {
        assertThat(recover(copy.copy(), window)).as("%s, window %d (seed %d)", what, window, SEED + 2)
            .isEqualTo(expected);
      }
    }
  }
}
