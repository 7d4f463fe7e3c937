package dev.prodtrack.storage.file;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The on-disk format of {@link FileStore} (documented in {@code FORMAT.md} next to this class): journal
 * segments of version 1, snapshots of version 2 (version 1 still read), file names, the 64-byte headers
 * of journal segments and snapshots, and the 20-byte record frame with its chained CRC32C. Big-endian
 * throughout.
 *
 * <p>Design note. A record's CRC covers {@code salt ‖ prevCrc ‖ length ‖ type ‖ flags ‖ reserved ‖
 * seq ‖ payload}: every header bit, the file's random salt (so leftovers from another file or an older
 * generation never verify) and the previous record's CRC (so a stale, misplaced or swapped record
 * never verifies). The length is checked against the bound before any allocation.
 */
final class Format {

  /** The journal segment version this code reads and writes (the only one there is). */
  static final int JOURNAL_VERSION = 1;
  /** The snapshot version this code writes: compact keys (a kind table, ids as 16 bytes when UUIDs). */
  static final int SNAPSHOT_VERSION = 2;
  /** The first snapshot version, still read: keys as two length-prefixed strings per record. */
  static final int SNAPSHOT_VERSION_1 = 1;

  static final int HEADER_BYTES = 64;
  static final int FRAME_BYTES = 20;

  static final byte[] JOURNAL_MAGIC = "PTRKJNL\0".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SNAPSHOT_MAGIC = "PTRKSNP\0".getBytes(StandardCharsets.US_ASCII);

  /** Record type: one committed change set. */
  static final byte TYPE_CHANGE_SET = 1;
  /** Record type: a chunk of snapshot records. */
  static final byte TYPE_SNAPSHOT_CHUNK = 2;
  /** Record type: the footer closing a snapshot. */
  static final byte TYPE_SNAPSHOT_FOOTER = 3;

  static final String JOURNAL_PREFIX = "journal-";
  static final String JOURNAL_SUFFIX = ".log";
  static final String SNAPSHOT_PREFIX = "snapshot-";
  static final String SNAPSHOT_SUFFIX = ".snap";
  static final String TEMP_SUFFIX = ".tmp";
  static final String LOCK_FILE = "store.lock";
  static final String QUARANTINE_DIR = "quarantine";

  private Format() {}

  static String journalName(long firstSeq) {
    return JOURNAL_PREFIX + String.format("%020d", firstSeq) + JOURNAL_SUFFIX;
  }

  static String snapshotName(long lastSeq) {
    return SNAPSHOT_PREFIX + String.format("%020d", lastSeq) + SNAPSHOT_SUFFIX;
  }

  /** The number in a journal or snapshot file name, or -1 if the name is not one of ours. */
  static long numberIn(String name, String prefix, String suffix) {
    if (!name.startsWith(prefix) || !name.endsWith(suffix)
        || name.length() != prefix.length() + 20 + suffix.length()) {
      return -1;
    }
    String digits = name.substring(prefix.length(), prefix.length() + 20);
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * A journal segment header.
   *
   * @param storeId the store's id, the same in every file of a store
   * @param segmentNumber 1 for the first segment, +1 per segment
   * @param firstSeq the sequence number of the segment's first record
   * @param createdMillis creation time, for humans
   * @param salt the random salt of the segment's record CRCs
   * @param prevCrc the CRC of the record before the first one (0 before the first record)
   */
  record SegmentHeader(UUID storeId, long segmentNumber, long firstSeq, long createdMillis, int salt, int prevCrc) {

    byte[] encode() {
      ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
      b.put(JOURNAL_MAGIC).putInt(JOURNAL_VERSION)
          .putLong(storeId.getMostSignificantBits()).putLong(storeId.getLeastSignificantBits())
          .putLong(segmentNumber).putLong(firstSeq).putLong(createdMillis).putInt(salt).putInt(prevCrc);
      b.putInt(crc(b.array(), 0, HEADER_BYTES - 4));
      return b.array();
    }
  }

  /**
   * A snapshot header.
   *
   * @param version the snapshot format version ({@link #SNAPSHOT_VERSION} when written by this code)
   * @param storeId the store's id
   * @param lastSeq the sequence number of the last change set the snapshot contains
   * @param createdMillis creation time, for humans
   * @param salt the random salt of the snapshot's chunk CRCs
   * @param chainCrc the CRC of journal record {@code lastSeq} (0 if {@code lastSeq} is 0), which the
   *     next journal record chains from
   */
  record SnapshotHeader(int version, UUID storeId, long lastSeq, long createdMillis, int salt, int chainCrc) {

    byte[] encode() {
      ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
      b.put(SNAPSHOT_MAGIC).putInt(version)
          .putLong(storeId.getMostSignificantBits()).putLong(storeId.getLeastSignificantBits())
          .putLong(lastSeq).putLong(createdMillis).putInt(salt).putInt(chainCrc).putLong(0L);
      b.putInt(crc(b.array(), 0, HEADER_BYTES - 4));
      return b.array();
    }
  }

  /** Why a header was rejected. */
  enum HeaderProblem { SHORT, MAGIC, CRC, VERSION, RESERVED }

  /** A header that failed its checks. */
  static final class BadHeader extends Exception {
    private static final long serialVersionUID = 1L;
    final HeaderProblem problem;

    BadHeader(HeaderProblem problem, String message) {
      super(message, null, false, false);
      this.problem = problem;
    }
  }

  static SegmentHeader decodeSegmentHeader(byte[] file, int length) throws BadHeader {
    ByteBuffer b = checkHeader(file, length, JOURNAL_MAGIC, "journal segment", JOURNAL_VERSION, JOURNAL_VERSION);
    UUID id = new UUID(b.getLong(12), b.getLong(20));
    return new SegmentHeader(id, b.getLong(28), b.getLong(36), b.getLong(44), b.getInt(52), b.getInt(56));
  }

  static SnapshotHeader decodeSnapshotHeader(byte[] file, int length) throws BadHeader {
    ByteBuffer b = checkHeader(file, length, SNAPSHOT_MAGIC, "snapshot", SNAPSHOT_VERSION_1, SNAPSHOT_VERSION);
    if (b.getLong(52) != 0) {
      throw new BadHeader(HeaderProblem.RESERVED, "snapshot header: reserved bytes are not zero");
    }
    UUID id = new UUID(b.getLong(12), b.getLong(20));
    return new SnapshotHeader(b.getInt(8), id, b.getLong(28), b.getLong(36), b.getInt(44), b.getInt(48));
  }

  private static ByteBuffer checkHeader(byte[] file, int length, byte[] magic, String what, int minVersion,
      int maxVersion) throws BadHeader {
    if (length < HEADER_BYTES) {
      throw new BadHeader(HeaderProblem.SHORT, what + " header: file has " + length + " bytes, a header needs "
          + HEADER_BYTES);
    }
    if (!Arrays.equals(file, 0, 8, magic, 0, 8)) {
      throw new BadHeader(HeaderProblem.MAGIC, what + " header: bad magic");
    }
    ByteBuffer b = ByteBuffer.wrap(file, 0, HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
    int stored = b.getInt(HEADER_BYTES - 4);
    int actual = crc(file, 0, HEADER_BYTES - 4);
    if (stored != actual) {
      throw new BadHeader(HeaderProblem.CRC, what + " header: CRC32C mismatch (stored "
          + Integer.toHexString(stored) + ", computed " + Integer.toHexString(actual) + ")");
    }
    int version = b.getInt(8);
    if (version < minVersion || version > maxVersion) {
      throw new BadHeader(HeaderProblem.VERSION, what + " header: format version " + Integer.toUnsignedString(version)
          + " is not supported; this code reads " + (minVersion == maxVersion ? "version " + maxVersion + " only"
          : "versions " + minVersion + " to " + maxVersion));
    }
    return b;
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C c = new CRC32C();
    c.update(bytes, offset, length);
    return (int) c.getValue();
  }

  /**
   * The CRC of a record frame.
   *
   * @param salt the file's salt
   * @param prevCrc the previous record's CRC
   * @param frame the bytes holding the frame header at {@code offset}; its CRC field is skipped
   * @param offset where the frame header starts
   * @param payload the bytes holding the payload
   * @param payloadOffset where the payload starts
   * @param payloadLength the payload length
   * @return the CRC32C
   */
  static int frameCrc(int salt, int prevCrc, byte[] frame, int offset, byte[] payload, int payloadOffset,
      int payloadLength) {
    CRC32C c = new CRC32C();
    byte[] head = new byte[8 + 4 + 12];
    ByteBuffer.wrap(head).putInt(salt).putInt(prevCrc);
    System.arraycopy(frame, offset, head, 8, 4);          // length
    System.arraycopy(frame, offset + 8, head, 12, 12);    // type, flags, reserved, seq
    c.update(head, 0, head.length);
    c.update(payload, payloadOffset, payloadLength);
    return (int) c.getValue();
  }

  /**
   * Writes a framed record into {@code out} at {@code offset} and returns its CRC.
   *
   * @param out the destination, with room for {@code FRAME_BYTES + payload.length} bytes
   * @param offset where the frame starts
   * @param salt the file's salt
   * @param prevCrc the previous record's CRC
   * @param type the record type
   * @param seq the record's sequence number
   * @param payload the payload, at least one byte
   * @return the record's CRC, which the next record chains from
   */
  static int writeFrame(byte[] out, int offset, int salt, int prevCrc, byte type, long seq, byte[] payload) {
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.BIG_ENDIAN);
    b.putInt(offset, payload.length);
    b.putInt(offset + 4, 0);
    b.put(offset + 8, type);
    b.put(offset + 9, (byte) 0);
    b.putShort(offset + 10, (short) 0);
    b.putLong(offset + 12, seq);
    System.arraycopy(payload, 0, out, offset + FRAME_BYTES, payload.length);
    int crc = frameCrc(salt, prevCrc, out, offset, payload, 0, payload.length);
    b.putInt(offset + 4, crc);
    return crc;
  }

  /**
   * Writes a frame header in front of a payload already in place at {@code offset + FRAME_BYTES} and
   * returns the record's CRC: the same bytes as {@link #writeFrame} with that payload.
   *
   * @param out the destination, holding the payload after the header's room
   * @param offset where the frame starts
   * @param salt the file's salt
   * @param prevCrc the previous record's CRC
   * @param type the record type
   * @param seq the record's sequence number
   * @param payloadLength the payload length, at least one
   * @return the record's CRC, which the next record chains from
   */
  static int frameInPlace(byte[] out, int offset, int salt, int prevCrc, byte type, long seq, int payloadLength) {
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.BIG_ENDIAN);
    b.putInt(offset, payloadLength);
    b.putInt(offset + 4, 0);
    b.put(offset + 8, type);
    b.put(offset + 9, (byte) 0);
    b.putShort(offset + 10, (short) 0);
    b.putLong(offset + 12, seq);
    int crc = frameCrc(salt, prevCrc, out, offset, out, offset + FRAME_BYTES, payloadLength);
    b.putInt(offset + 4, crc);
    return crc;
  }

  /**
   * A frame that parsed and verified.
   *
   * @param type the record type
   * @param seq the sequence number
   * @param crc the record's CRC
   * @param payloadOffset where the payload starts in the file
   * @param payloadLength the payload length
   */
  record Frame(byte type, long seq, int crc, int payloadOffset, int payloadLength) {
    int end() {
      return payloadOffset + payloadLength;
    }
  }

  /**
   * Parses and verifies the frame at {@code offset}, or returns null if it is not a good frame: short,
   * length out of {@code [1, maxRecordBytes]}, past the end, flags or reserved bits set, or CRC
   * mismatch. The length is checked before anything is read past the header.
   */
  static Frame readFrame(byte[] file, int offset, int end, int salt, int prevCrc, int maxRecordBytes) {
    if (offset < 0 || end - offset < FRAME_BYTES) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
    int length = b.getInt(offset);
    if (length < 1 || length > maxRecordBytes || length > end - offset - FRAME_BYTES) {
      return null;
    }
    if (b.get(offset + 9) != 0 || b.getShort(offset + 10) != 0) {
      return null;
    }
    int stored = b.getInt(offset + 4);
    int actual = frameCrc(salt, prevCrc, file, offset, file, offset + FRAME_BYTES, length);
    if (stored != actual) {
      return null;
    }
    return new Frame(b.get(offset + 8), b.getLong(offset + 12), stored, offset + FRAME_BYTES, length);
  }

  /** The stored CRC field of the frame at {@code offset} (no check). */
  static int storedCrc(byte[] file, int offset) {
    return ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN).getInt(offset + 4);
  }

  /** The stored length field of the frame at {@code offset} (no check). */
  static int storedLength(byte[] file, int offset) {
    return ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN).getInt(offset);
  }

  /** The stored seq field of the frame at {@code offset} (no check). */
  static long storedSeq(byte[] file, int offset) {
    return ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN).getLong(offset + 12);
  }
}
