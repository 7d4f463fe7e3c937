package dev.prodtrack.storage.file;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.RecoveryReport;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StoredRecord;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child JVM of {@link KillNineTest}: opens the store, then commits forever, printing {@code ACK
 * seq} only after {@code commit} returned. Mode {@code compact} uses larger records and compacts every
 * 10 commits, printing {@code SNAP BEGIN} / {@code SNAP END} around it; mode {@code trylock} only tries
 * to open the store and prints {@code LOCKED} or {@code OPENED}.
 */
public final class KillNineChild {

  private KillNineChild() {}

  /** The key of the record committed with sequence number {@code seq}. */
  static RecordKey keyOf(long seq) {
    return new RecordKey("n", Long.toString(seq));
  }

  /** The payload committed with sequence number {@code seq}. */
  static byte[] payloadOf(long seq, boolean large) {
    byte[] text = ("change set " + seq + " ").getBytes(StandardCharsets.UTF_8);
    int size = large ? 2_000 + (int) (seq % 500) : text.length;
    byte[] out = Arrays.copyOf(text, size);
    for (int i = text.length; i < size; i++) {
      out[i] = (byte) (seq * 31 + i);
    }
    return out;
  }

  /**
   * Runs the child.
   *
   * @param args the store directory and the mode ({@code commit}, {@code compact} or {@code trylock})
   */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    String mode = args[1];
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    if (mode.equals("trylock")) {
      try (FileStore store = FileStore.open(dir)) {
        out.println("OPENED");
      } catch (StorageException e) {
        out.println(e.reason() + " " + e.getMessage());
      }
      return;
    }
    boolean compact = mode.equals("compact");
    FileStoreOptions options = FileStoreOptions.defaults().withAutoSnapshot(true, compact ? 64 * 1024 : 64L << 20);
    FileStore store = FileStore.open(dir, options);
    RecoveryReport report = store.load(r -> { });
    out.println("READY " + report.lastSequence());
    long next = report.lastSequence() + 1;
    while (true) {
      ChangeSet changes = ChangeSet.builder()
          .put(new StoredRecord(keyOf(next), payloadOf(next, compact)))
          .put(new StoredRecord(new RecordKey("meta", "last"), Long.toString(next).getBytes(StandardCharsets.UTF_8)))
          .build();
      long seq = store.commit(changes);
      out.println("ACK " + seq);
      next = seq + 1;
      if (compact && seq % 10 == 0) {
        out.println("SNAP BEGIN");
        store.compact();
        out.println("SNAP END");
      }
    }
  }
}
