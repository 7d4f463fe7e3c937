package dev.prodtrack.storage.file;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StoredRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded sequence of change sets with the expected content after each prefix, and helpers to write
 * it to a {@link SimulatedDisk} and to read a store back. Shared by the crash and corruption programs.
 */
final class Workload {

  static final Path DIR = Path.of("/sim/store");

  final List<ChangeSet> changeSets;
  /** {@code states.get(k)}: the content after the first k change sets. */
  final List<Map<RecordKey, StoredRecord>> states;

  private Workload(List<ChangeSet> changeSets) {
    this.changeSets = changeSets;
    this.states = new ArrayList<>();
    Map<RecordKey, StoredRecord> state = new HashMap<>();
    states.add(Map.copyOf(state));
    for (ChangeSet cs : changeSets) {
      cs.puts().forEach(r -> state.put(r.key(), r));
      cs.deletes().forEach(state::remove);
      states.add(Map.copyOf(state));
    }
  }

  /** {@code n} change sets of 1–3 puts (payloads of {@code minPayload..maxPayload} bytes) and some deletes. */
  static Workload random(long seed, int n, int minPayload, int maxPayload) {
    Random rnd = new Random(seed);
    List<ChangeSet> sets = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ChangeSet.Builder b = ChangeSet.builder();
      int puts = 1 + rnd.nextInt(3);
      for (int p = 0; p < puts; p++) {
        byte[] payload = new byte[minPayload + rnd.nextInt(maxPayload - minPayload + 1)];
        rnd.nextBytes(payload);
        b.put(new StoredRecord(new RecordKey(p == 0 ? "task" : "comment", "k" + rnd.nextInt(40)), payload));
      }
      if (rnd.nextInt(4) == 0) {
        b.delete(new RecordKey("comment", "k" + rnd.nextInt(40)));
      }
      sets.add(b.build());
    }
    return new Workload(sets);
  }

  static FileStoreOptions options(long seed) {
    return FileStoreOptions.defaults()
        .withSources(() -> Instant.parse("2026-01-01T00:00:00Z"), new Random(seed))
        .withAutoSnapshot(false, 0)
        .withSnapshotExecutor(Runnable::run);
  }

  /** A disk holding this workload's first {@code n} change sets in one journal segment. */
  SimulatedDisk writeTo(int n, long seed) {
    SimulatedDisk disk = new SimulatedDisk();
    try {
      disk.createDirectory(DIR.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (FileStore store = FileStore.open(DIR, options(seed), disk)) {
      store.load(r -> { });
      for (int i = 0; i < n; i++) {
        store.commit(changeSets.get(i));
      }
    }
    return disk;
  }

  /** Loads a store and returns its content and report. */
  record Loaded(Map<RecordKey, StoredRecord> content, RecoveryReport report) {}

  static Loaded load(FileStore store) {
    Map<RecordKey, StoredRecord> content = new HashMap<>();
    RecoveryReport report = store.load(r -> content.put(r.key(), r));
    return new Loaded(content, report);
  }

  /** The start offsets of the records of a single-segment journal, plus the end of the last one. */
  static List<Integer> recordOffsets(byte[] segment) {
    List<Integer> offsets = new ArrayList<>();
    int pos = Format.HEADER_BYTES;
    ByteBuffer b = ByteBuffer.wrap(segment);
    while (pos < segment.length) {
      offsets.add(pos);
      pos += Format.FRAME_BYTES + b.getInt(pos);
    }
    offsets.add(pos);
    return offsets;
  }
}
