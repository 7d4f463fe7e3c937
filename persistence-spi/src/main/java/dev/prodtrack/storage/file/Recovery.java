package dev.prodtrack.storage.file;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.StorageException.Reason;
import dev.prodtrack.storage.StoredRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * Opens what a store directory holds: deletes temporary files, loads the newest valid snapshot
 * (quarantining invalid ones), replays the journal from the snapshot on, repairs a torn tail and
 * classifies any other damage as mid-log corruption.
 *
 * <p>Design note. A record is good iff its frame verifies (length in range, flags and reserved zero,
 * CRC over salt, previous CRC, header and payload), its type is a change set, its sequence number is
 * the expected one and its payload decodes. At the first bad record, the damage is a <em>torn
 * tail</em> iff it lies in the last segment and no later offset of that segment holds a good record
 * with a sequence number at least the expected one; otherwise it is <em>mid-log corruption</em>. A
 * later record chains from a CRC that recovery may not know (the bad record's), so the scan tries the
 * bad record's stored CRC, its CRC recomputed from its bytes, and the stored CRC of every plausible
 * frame ending where the candidate starts, and the last good record's CRC. Every step is idempotent: recovering twice, or again after
 * a crash during recovery, gives the same state.
 */
final class Recovery {

  /** How much of a snapshot file is read at a time. */
  static final int WINDOW_BYTES = 64 << 20;
  /** The footer's payload: record count, chunk count, last change set, CRC of the chunks' CRCs. */
  static final int FOOTER_BYTES = 28;

  /** What recovery hands to the store. */
  static final class Result {
    UUID storeId;
    /**
     * The newest valid snapshot, kept on disk as the store's base, or null without one (or when its
     * records were not in the writer's key order: {@link #live} then holds them).
     */
    Base base;
    /**
     * Without a {@link #base}, every live record; with one, the records the replayed journal put after it
     * (and did not delete again).
     */
    Map<RecordKey, StoredRecord> live = new HashMap<>();
    /** The keys the replayed journal put or deleted (after the base, when there is one). */
    final java.util.Set<RecordKey> journalKeys = new java.util.HashSet<>();
    /** The snapshot's record count per kind, in file order (empty without a snapshot). */
    final Map<String, Integer> snapshotCounts = new java.util.LinkedHashMap<>();
    long lastSeq;
    int chainCrc;
    final TreeMap<Long, String> segments = new TreeMap<>();
    final TreeMap<Long, Long> snapshots = new TreeMap<>(); // lastSeq -> size
    long nextSegmentNumber = 1;
    /** The last segment, to append to, or null if the next commit must start a new segment. */
    String appendSegment;
    int appendSalt;
    long appendSize;
    long journalBytesSinceSnapshot;
    long bytesTrimmed;
    final List<String> notes = new ArrayList<>();
  }

  /**
   * A checked snapshot whose records stay on disk: the store streams them from the file when it needs
   * them (a load, the next snapshot), instead of holding every record's bytes on the heap.
   *
   * @param name the file name in the store directory
   * @param seq the last change set it contains
   * @param records how many records it holds
   */
  record Base(String name, long seq, long records) {}

  private final FileLayer fs;
  private final Path dir;
  private final Path quarantine;
  private final FileStoreOptions options;
  private final Result result = new Result();
  private final int windowBytes;

  private Recovery(FileLayer fs, Path dir, FileStoreOptions options, int windowBytes) {
    this.fs = fs;
    this.dir = dir;
    this.quarantine = dir.resolve(Format.QUARANTINE_DIR);
    this.options = options;
    this.windowBytes = windowBytes;
  }

  static Result run(FileLayer fs, Path dir, FileStoreOptions options) throws IOException {
    return run(fs, dir, options, WINDOW_BYTES);
  }

  /**
   * Recovery reading snapshots through a window of {@code windowBytes} (at least one frame is always
   * held, whatever the window): the tests use small windows so that frames straddle refills.
   */
  static Result run(FileLayer fs, Path dir, FileStoreOptions options, int windowBytes) throws IOException {
    return new Recovery(fs, dir, options, windowBytes).recover();
  }

  private Result recover() throws IOException {
    TreeMap<Long, String> segments = new TreeMap<>();
    TreeMap<Long, String> snapshots = new TreeMap<>();
    boolean deletedTemp = false;
    for (String name : fs.list(dir)) {
      if (name.endsWith(Format.TEMP_SUFFIX)) {
        fs.delete(dir.resolve(name));
        result.notes.add("deleted the unfinished temporary file " + name);
        deletedTemp = true;
        continue;
      }
      long seg = Format.numberIn(name, Format.JOURNAL_PREFIX, Format.JOURNAL_SUFFIX);
      long snap = Format.numberIn(name, Format.SNAPSHOT_PREFIX, Format.SNAPSHOT_SUFFIX);
      if (seg < 0 && snap < 0) {
        continue;
      }
      if (fs.isSymbolicLink(dir.resolve(name))) {
        throw new StorageException(Reason.CORRUPT, "store file " + dir.resolve(name)
            + " is a symbolic link; store files must be regular files inside the store directory");
      }
      if (seg >= 0) {
        segments.put(seg, name);
      } else {
        snapshots.put(snap, name);
      }
    }
    if (deletedTemp) {
      fs.syncDirectory(dir);
    }

    long base = loadNewestSnapshot(snapshots);
    replay(segments, base);
    result.lastSeq = Math.max(result.lastSeq, base);
    if (result.storeId == null) {
      result.storeId = new UUID(options.random().nextLong(), options.random().nextLong());
    }
    return result;
  }

  // ---- snapshots ----

  private long loadNewestSnapshot(TreeMap<Long, String> snapshots) throws IOException {
    for (Long seq : new ArrayList<>(snapshots.descendingKeySet())) {
      String name = snapshots.get(seq);
      try {
        long size = checkSnapshot(name, seq);
        for (Map.Entry<Long, String> e : snapshots.entrySet()) {
          if (e.getKey() <= seq) {
            result.snapshots.put(e.getKey(), e.getKey().equals(seq) ? size : 0L);
          }
        }
        long records = result.base != null ? result.base.records() : result.live.size();
        result.notes.add("loaded " + name + " (" + records + " records, up to change set " + seq + ")");
        return seq;
      } catch (Format.BadHeader e) {
        if (e.problem == Format.HeaderProblem.VERSION) {
          throw new StorageException(Reason.UNSUPPORTED_VERSION, name + ": " + e.getMessage());
        }
        quarantineFile(name, "snapshot failed its checks: " + e.getMessage());
      } catch (SnapshotReader.Corrupt e) {
        quarantineFile(name, "snapshot failed its checks: " + e.getMessage());
      }
    }
    return 0;
  }

  /**
   * Reads a snapshot through and checks it; on success makes it the result's base (records in the
   * writer's key order) or loads its records into {@link Result#live} (any other order: a key twice is
   * then corruption), and returns the file's size. Changes nothing in the result when a check fails.
   */
  private long checkSnapshot(String name, long seq) throws IOException, Format.BadHeader, SnapshotReader.Corrupt {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    long size;
    Format.SnapshotHeader header;
    boolean sorted;
    long records;
    try (SnapshotReader r = SnapshotReader.open(fs, dir.resolve(name), seq, result.storeId, options.maxRecordBytes(),
        windowBytes, false, false)) {
      header = r.header();
      size = r.size();
      for (List<StoredRecord> chunk; (chunk = r.nextChunk()) != null; ) {
        countKinds(chunk, counts);
      }
      sorted = r.sorted();
      records = r.records();
    }
    Map<RecordKey, StoredRecord> live = new HashMap<>();
    if (!sorted) {
      // not the writer's order (a file written otherwise): hold its records, as a store without a base does
      try (SnapshotReader r = SnapshotReader.open(fs, dir.resolve(name), seq, result.storeId,
          options.maxRecordBytes(), windowBytes, false, true)) {
        live = new HashMap<>(r.expectedRecords());
        for (List<StoredRecord> chunk; (chunk = r.nextChunk()) != null; ) {
          for (StoredRecord rec : chunk) {
            if (live.put(rec.key(), rec) != null) {
              throw new SnapshotReader.Corrupt("key " + rec.key() + " appears twice");
            }
          }
        }
      }
    }
    result.storeId = header.storeId();
    result.chainCrc = header.chainCrc();
    result.base = sorted ? new Base(name, seq, records) : null;
    result.live = live;
    result.snapshotCounts.clear();
    result.snapshotCounts.putAll(counts);
    return size;
  }

  /** Adds a chunk's record count per kind (a chunk's records come grouped by kind: counts runs). */
  private static void countKinds(List<StoredRecord> chunk, Map<String, Integer> counts) {
    String kind = null;
    int run = 0;
    for (StoredRecord r : chunk) {
      if (!r.key().kind().equals(kind)) {
        if (run > 0) {
          counts.merge(kind, run, Integer::sum);
        }
        kind = r.key().kind();
        run = 0;
      }
      run++;
    }
    if (run > 0) {
      counts.merge(kind, run, Integer::sum);
    }
  }

  /**
   * A forward window over a snapshot file: the file is read {@code capacity} bytes at a time (more when
   * one frame is larger), so a snapshot of any size opens in bounded extra memory, and a snapshot larger
   * than an array can hold (2 GiB: an XL production's is about 3 GiB) opens at all. Frames are parsed
   * in the window's array; a frame that runs past the window's end is moved to the front and the rest
   * read after it.
   */
  static final class Window {
    private final FileLayer.Handle file;
    private final long size;
    private byte[] buf;
    /** The file offset of {@code buf[0]}. */
    private long base;
    /** How many bytes of {@code buf} hold file bytes. */
    private int filled;

    Window(FileLayer.Handle file, long size, int capacity) {
      this.file = file;
      this.size = size;
      this.buf = new byte[(int) Math.max(0, Math.min(size, capacity))];
    }

    /**
     * Makes the file's bytes {@code [pos, pos + n)} available in {@link #array()} (fewer when the file
     * ends first); {@code pos} never goes backwards past the window's start.
     */
    void ensure(long pos, int n) throws IOException {
      if (pos < base) {
        throw new IllegalStateException("the window does not go back: " + pos + " < " + base);
      }
      long available = base + filled;
      if (pos + n <= available || available >= size && pos <= available) {
        return;
      }
      if (pos < available) {
        int keep = (int) (available - pos);
        System.arraycopy(buf, (int) (pos - base), buf, 0, keep);
        filled = keep;
      } else {
        filled = 0;
      }
      base = pos;
      if (n > buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(n, Math.max(size - pos, filled)));
      }
      ByteBuffer b = ByteBuffer.wrap(buf, filled, buf.length - filled);
      while (b.hasRemaining() && base + b.position() < size) {
        if (file.read(b, base + b.position()) < 0) {
          break;
        }
      }
      filled = b.position();
    }

    byte[] array() {
      return buf;
    }

    /** Where the file offset {@code pos} is in {@link #array()}. */
    int offset(long pos) {
      return (int) (pos - base);
    }

    /** The file offset of an index of {@link #array()}. */
    long position(int offset) {
      return base + offset;
    }

    /** The end of the valid bytes in {@link #array()}. */
    int end() {
      return filled;
    }

    long size() {
      return size;
    }

    /** The last {@code n} bytes of the file (fewer if it is shorter), read apart from the window. */
    byte[] tail(int n) throws IOException {
      int len = (int) Math.min(n, size);
      ByteBuffer b = ByteBuffer.allocate(len);
      while (b.hasRemaining()) {
        if (file.read(b, size - len + b.position()) < 0) {
          break;
        }
      }
      return Arrays.copyOf(b.array(), b.position());
    }
  }

  /**
   * The order a snapshot's writer sorts its records in: by kind, then by id (each as {@link
   * String#compareTo}).
   *
   * @param a a key
   * @param b a key
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   */
  static int compareKeys(RecordKey a, RecordKey b) {
    int c = a.kind().compareTo(b.kind());
    return c != 0 ? c : a.id().compareTo(b.id());
  }

  /**
   * A capacity for the snapshot's map of records, from the record count its footer states (the last 28
   * bytes of a well-formed snapshot): only a sizing hint, read before anything is verified, so it is
   * bounded by what the file's size allows (a record takes more than 16 bytes) and the default is used
   * when it is out of range. The footer is verified with the rest.
   */
  static int expectedRecords(long fileSize, byte[] tail) {
    if (fileSize < Format.HEADER_BYTES + Format.FRAME_BYTES + FOOTER_BYTES || tail.length < FOOTER_BYTES) {
      return 16;
    }
    long stated = ByteBuffer.wrap(tail, tail.length - FOOTER_BYTES, 8).getLong();
    if (stated < 0 || stated > fileSize / 16) {
      return 16;
    }
    return (int) Math.min(1 << 30, stated * 4 / 3 + 1);
  }

  // ---- journal ----

  private void replay(TreeMap<Long, String> segments, long base) throws IOException {
    Long start = segments.floorKey(base + 1);
    if (segments.isEmpty()) {
      return;
    }
    if (start == null) {
      throw corrupt(segments.firstEntry().getValue(), 0, base + 1, "gap: the journal starts at change set "
          + segments.firstKey() + " but " + (base == 0 ? "there is no valid snapshot" : "the newest valid snapshot ends at "
          + base) + "; change sets " + (base + 1) + ".." + (segments.firstKey() - 1) + " are missing");
    }
    List<Map.Entry<Long, String>> chain = new ArrayList<>(segments.tailMap(start, true).entrySet());
    long expected = start;
    int crc = 0;
    long previousNumber = -1;
    long replayed = 0;
    for (int i = 0; i < chain.size(); i++) {
      String name = chain.get(i).getValue();
      long firstSeq = chain.get(i).getKey();
      boolean last = i == chain.size() - 1;
      byte[] bytes = readAll(name);
      Format.SegmentHeader h;
      try {
        h = Format.decodeSegmentHeader(bytes, bytes.length);
      } catch (Format.BadHeader e) {
        if (e.problem == Format.HeaderProblem.VERSION) {
          throw new StorageException(Reason.UNSUPPORTED_VERSION, name + ": " + e.getMessage());
        }
        if (last && bytes.length <= Format.HEADER_BYTES) {
          // Segment creation was cut short: nothing was ever appended to it.
          quarantineFile(name, "segment header incomplete (" + bytes.length + " bytes): its creation was cut short");
          result.bytesTrimmed += bytes.length;
          break;
        }
        midLog(chain, i, 0, expected, bytes, "segment header: " + e.getMessage());
        break;
      }
      String headerProblem = null;
      if (h.firstSeq() != firstSeq) {
        headerProblem = "header says first change set " + h.firstSeq() + ", the name says " + firstSeq;
      } else if (i > 0 && h.firstSeq() != expected) {
        headerProblem = "starts at change set " + h.firstSeq() + " but " + expected + " comes next";
      } else if (i > 0 && h.prevCrc() != crc) {
        headerProblem = "does not chain from the previous segment's last record";
      } else if (i > 0 && h.segmentNumber() <= previousNumber) {
        // increasing, not necessarily +1: a segment cut back to its header is replaced under a new number
        headerProblem = "segment number " + h.segmentNumber() + " does not follow " + previousNumber;
      } else if (i == 0 && base > 0 && h.firstSeq() == base + 1 && h.prevCrc() != result.chainCrc) {
        headerProblem = "does not chain from the snapshot's last change set";
      } else if (result.storeId != null && !result.storeId.equals(h.storeId())) {
        headerProblem = "belongs to store " + h.storeId() + ", not " + result.storeId;
      }
      if (headerProblem != null) {
        midLog(chain, i, 0, expected, bytes, headerProblem);
        break;
      }
      if (result.storeId == null) {
        result.storeId = h.storeId();
      }
      previousNumber = h.segmentNumber();
      result.nextSegmentNumber = h.segmentNumber() + 1;
      crc = h.prevCrc();
      int pos = Format.HEADER_BYTES;
      int end = bytes.length;
      boolean broken = false;
      while (pos < end) {
        Format.Frame f = Format.readFrame(bytes, pos, end, h.salt(), crc, options.maxRecordBytes());
        ChangeSet changes = null;
        if (f != null && f.type() == Format.TYPE_CHANGE_SET && f.seq() == expected) {
          try {
            changes = PayloadCodec.decode(bytes, f.payloadOffset(), f.payloadLength());
          } catch (PayloadCodec.MalformedException e) {
            midLog(chain, i, pos, expected, bytes, "change set " + expected + " verifies but does not decode: "
                + e.getMessage());
            broken = true;
            break;
          }
        }
        if (changes == null) {
          if (last && !laterGoodRecord(bytes, pos, end, h.salt(), crc, expected)) {
            tornTail(name, bytes, pos);
          } else {
            midLog(chain, i, pos, expected, bytes, "change set " + expected + " at offset " + pos + " does not verify");
          }
          broken = true;
          break;
        }
        if (expected == base && base > 0 && f.crc() != result.chainCrc) {
          midLog(chain, i, f.end(), expected + 1, bytes, "change set " + base
              + " differs from the one the snapshot was taken after");
          broken = true;
          break;
        }
        if (expected > base) {
          for (StoredRecord r : changes.puts()) {
            result.live.put(r.key(), r);
            result.journalKeys.add(r.key());
          }
          for (RecordKey k : changes.deletes()) {
            result.live.remove(k);
            result.journalKeys.add(k);
          }
          replayed++;
          result.journalBytesSinceSnapshot += f.end() - pos;
        }
        crc = f.crc();
        expected++;
        pos = f.end();
      }
      result.segments.put(firstSeq, name);
      if (broken) {
        break;
      }
      if (last) {
        result.appendSegment = name;
        result.appendSalt = h.salt();
        result.appendSize = end;
      }
    }
    if (expected - 1 > base) {
      result.lastSeq = expected - 1;
      result.chainCrc = crc;
    } else if (result.appendSegment != null && expected - 1 < base) {
      // The journal stops short of the snapshot: appending there would leave a gap.
      result.appendSegment = null;
    }
    if (replayed > 0) {
      result.notes.add("replayed " + replayed + " change sets from the journal");
    }
  }

  /**
   * Whether a good record with a sequence number of at least {@code expected} starts somewhere after
   * {@code badPos} in the segment.
   */
  private boolean laterGoodRecord(byte[] bytes, int badPos, int end, int salt, int chain, long expected) {
    int max = options.maxRecordBytes();
    List<Integer> candidates = new ArrayList<>();
    Map<Integer, List<Integer>> crcsEndingAt = new HashMap<>();
    ByteBuffer b = ByteBuffer.wrap(bytes);
    for (int q = badPos; q + Format.FRAME_BYTES <= end; q++) {
      int length = b.getInt(q);
      if (length < 1 || length > max || length > end - q - Format.FRAME_BYTES) {
        continue;
      }
      crcsEndingAt.computeIfAbsent(q + Format.FRAME_BYTES + length, k -> new ArrayList<>()).add(b.getInt(q + 4));
      long seq = b.getLong(q + 12);
      if (q > badPos && seq >= expected && b.get(q + 9) == 0 && b.getShort(q + 10) == 0
          && b.get(q + 8) == Format.TYPE_CHANGE_SET) {
        candidates.add(q);
      }
    }
    if (candidates.isEmpty()) {
      return false;
    }
    List<Integer> tried = new ArrayList<>();
    tried.add(chain); // the bad record is an insertion: the next one chains from the last good one
    if (badPos + 8 <= end) {
      tried.add(b.getInt(badPos + 4));
    }
    int badLength = badPos + 4 <= end ? b.getInt(badPos) : 0;
    int recomputedEnd = -1;
    int recomputed = 0;
    if (badPos + Format.FRAME_BYTES <= end && badLength >= 1 && badLength <= end - badPos - Format.FRAME_BYTES) {
      recomputed = Format.frameCrc(salt, chain, bytes, badPos, bytes, badPos + Format.FRAME_BYTES, badLength);
      recomputedEnd = badPos + Format.FRAME_BYTES + badLength;
    }
    for (int q : candidates) {
      List<Integer> prevs = new ArrayList<>(tried);
      prevs.addAll(crcsEndingAt.getOrDefault(q, List.of()));
      if (q == recomputedEnd) {
        prevs.add(recomputed);
      }
      for (int prev : prevs) {
        if (Format.readFrame(bytes, q, end, salt, prev, max) != null) {
          return true;
        }
      }
    }
    return false;
  }

  private void tornTail(String name, byte[] bytes, int pos) throws IOException {
    int cut = bytes.length - pos;
    String copy = quarantineBytes(name, bytes, pos);
    try (FileLayer.Handle h = fs.open(dir.resolve(name), false)) {
      h.truncate(pos);
      h.force(true);
    }
    result.bytesTrimmed += cut;
    result.notes.add("torn tail: cut " + cut + " bytes from " + name + " at offset " + pos + " (the end of the last"
        + " complete change set), copied to " + Format.QUARANTINE_DIR + "/" + copy + "; commits continue in a new"
        + " segment");
  }

  private void midLog(List<Map.Entry<Long, String>> chain, int index, int pos, long expected, byte[] bytes,
      String problem) throws IOException {
    String name = chain.get(index).getValue();
    if (options.corruption() == FileStoreOptions.CorruptionPolicy.FAIL) {
      throw corrupt(name, pos, expected, "mid-log corruption in " + name + " at offset " + pos + ": " + problem
          + "; every change set before " + expected + " verified. Nothing was changed; reopen with"
          + " CorruptionPolicy.POINT_IN_TIME to keep change sets 1.." + (expected - 1) + " and quarantine the rest");
    }
    long cut = 0;
    if (pos == 0) {
      cut += bytes.length;
      quarantineFile(name, "point-in-time recovery: " + problem);
    } else {
      cut += bytes.length - pos;
      String copy = quarantineBytes(name, bytes, pos);
      try (FileLayer.Handle h = fs.open(dir.resolve(name), false)) {
        h.truncate(pos);
        h.force(true);
      }
      result.notes.add("point-in-time recovery: " + problem + "; cut " + (bytes.length - pos) + " bytes from " + name
          + " at offset " + pos + ", copied to " + Format.QUARANTINE_DIR + "/" + copy);
    }
    for (int j = index + 1; j < chain.size(); j++) {
      String later = chain.get(j).getValue();
      cut += sizeOf(later);
      quarantineFile(later, "point-in-time recovery: follows the corruption in " + name);
    }
    result.bytesTrimmed += cut;
  }

  private CorruptStoreException corrupt(String name, long pos, long expected, String message) {
    return new CorruptStoreException(name, pos, expected, message);
  }

  // ---- file helpers ----

  private byte[] readAll(String name) throws IOException {
    try (FileLayer.Handle h = fs.open(dir.resolve(name), false)) {
      long size = h.size();
      if (size > Integer.MAX_VALUE - 16) {
        throw new StorageException(Reason.CORRUPT, name + " has " + size + " bytes, more than a store file can hold");
      }
      byte[] bytes = new byte[(int) size];
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        if (h.read(b, b.position()) < 0) {
          break;
        }
      }
      if (b.hasRemaining()) {
        byte[] shorter = new byte[b.position()];
        System.arraycopy(bytes, 0, shorter, 0, shorter.length);
        return shorter;
      }
      return bytes;
    }
  }

  private long sizeOf(String name) throws IOException {
    try (FileLayer.Handle h = fs.open(dir.resolve(name), false)) {
      return h.size();
    }
  }

  /** Moves a whole file into the quarantine directory. */
  private void quarantineFile(String name, String why) throws IOException {
    fs.createDirectory(quarantine);
    fs.atomicMove(dir.resolve(name), quarantine.resolve(name));
    fs.syncDirectory(quarantine);
    fs.syncDirectory(dir);
    result.notes.add("quarantined " + name + " to " + Format.QUARANTINE_DIR + "/" + name + ": " + why);
  }

  /** Copies {@code bytes[from..]} into a new quarantine file (replacing one from an earlier attempt). */
  private String quarantineBytes(String name, byte[] bytes, int from) throws IOException {
    fs.createDirectory(quarantine);
    String copy = name + "." + from + ".cut";
    Path target = quarantine.resolve(copy);
    fs.delete(target);
    try (FileLayer.Handle h = fs.open(target, true)) {
      h.write(ByteBuffer.wrap(bytes, from, bytes.length - from), 0);
      h.force(true);
    }
    fs.syncDirectory(quarantine);
    fs.syncDirectory(dir);
    return copy;
  }
}
