package dev.prodtrack.storage.file;

import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StoredRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * Reads a snapshot file forward, one chunk at a time, checking everything recovery checks: the header
 * (version, the sequence number its name states, the store it belongs to), every frame (length, CRC
 * chained from the previous frame, the expected chunk index), every chunk's payload, that the records
 * come in the writer's key order ({@link Recovery#compareKeys}, strictly ascending, so no key appears
 * twice) unless the caller accepts another order, and the footer (record count, chunk count, last change
 * set, CRC of the chunks' CRCs, nothing after it). Only one chunk's records are held at a time, so a
 * snapshot of any size is read in bounded memory.
 *
 * <p>Recovery reads a snapshot once to decide whether it can be the store's base; the store reads its
 * base again to stream it to a load, to merge it into the next snapshot and for its test hooks.
 */
final class SnapshotReader implements Closeable {

  /** A snapshot that failed a check. */
  static final class Corrupt extends Exception {
    private static final long serialVersionUID = 1L;

    Corrupt(String message) {
      super(message, null, false, false);
    }
  }

  private final FileLayer.Handle file;
  private final Recovery.Window w;
  private final Format.SnapshotHeader header;
  private final int maxRecordBytes;
  private final boolean requireSorted;
  private final boolean payloads;
  private final CRC32C crcOfCrcs = new CRC32C();
  private final byte[] crcBytes = new byte[4];
  private long pos = Format.HEADER_BYTES;
  private int chain;
  private long index = 1;
  private long records;
  private RecordKey previous;
  private boolean sorted = true;
  private boolean done;

  private SnapshotReader(FileLayer.Handle file, Recovery.Window w, Format.SnapshotHeader header, int maxRecordBytes,
      boolean requireSorted, boolean payloads) {
    this.payloads = payloads;
    this.file = file;
    this.w = w;
    this.header = header;
    this.maxRecordBytes = maxRecordBytes;
    this.requireSorted = requireSorted;
  }

  /**
   * Opens a snapshot file and checks its header.
   *
   * @param fs the file layer
   * @param path the snapshot file
   * @param seqInName the last change set its name states
   * @param storeId the store it must belong to, or null to accept any
   * @param maxRecordBytes the largest frame payload accepted
   * @param windowBytes how much of the file to read at a time
   * @param requireSorted whether records out of the writer's key order are corruption (otherwise they are
   *     reported by {@link #sorted()})
   * @param payloads whether the records come with their payloads (otherwise each is checked to fit in its
   *     chunk and skipped, and the records have empty payloads: for a pass that needs only the keys)
   * @throws Format.BadHeader if the header does not decode
   * @throws Corrupt if the header contradicts the name or the store
   */
  static SnapshotReader open(FileLayer fs, Path path, long seqInName, UUID storeId, int maxRecordBytes,
      int windowBytes, boolean requireSorted, boolean payloads) throws IOException, Format.BadHeader, Corrupt {
    FileLayer.Handle file = fs.open(path, false);
    boolean ok = false;
    try {
      Recovery.Window w = new Recovery.Window(file, file.size(), windowBytes);
      w.ensure(0, Format.HEADER_BYTES);
      Format.SnapshotHeader h = Format.decodeSnapshotHeader(w.array(), w.end());
      if (h.lastSeq() != seqInName) {
        throw new Corrupt("header says change set " + h.lastSeq() + ", the name says " + seqInName);
      }
      if (storeId != null && !storeId.equals(h.storeId())) {
        throw new Corrupt("belongs to store " + h.storeId() + ", not " + storeId);
      }
      SnapshotReader r = new SnapshotReader(file, w, h, maxRecordBytes, requireSorted, payloads);
      ok = true;
      return r;
    } finally {
      if (!ok) {
        file.close();
      }
    }
  }

  Format.SnapshotHeader header() {
    return header;
  }

  /** The file's size in bytes. */
  long size() {
    return w.size();
  }

  /**
   * The record count the footer states, read apart from the checks (a sizing hint only: the footer is
   * checked when {@link #nextChunk} reaches it).
   */
  int expectedRecords() throws IOException {
    return Recovery.expectedRecords(w.size(), w.tail(Recovery.FOOTER_BYTES));
  }

  /** Whether every record so far came in the writer's key order. */
  boolean sorted() {
    return sorted;
  }

  /** The records read so far. */
  long records() {
    return records;
  }

  /**
   * The next chunk's records, in file order, or null once the footer has been read and checked.
   *
   * @throws Corrupt if a check fails
   */
  List<StoredRecord> nextChunk() throws IOException, Corrupt {
    if (done) {
      return null;
    }
    w.ensure(pos, Format.FRAME_BYTES);
    if (w.end() - w.offset(pos) >= Format.FRAME_BYTES) {
      int length = Format.storedLength(w.array(), w.offset(pos));
      if (length >= 1 && length <= maxRecordBytes) {
        w.ensure(pos, Format.FRAME_BYTES + length);
      }
    }
    byte[] bytes = w.array();
    Format.Frame f = Format.readFrame(bytes, w.offset(pos), w.end(), header.salt(), chain, maxRecordBytes);
    if (f == null || f.seq() != index) {
      throw new Corrupt("chunk " + index + " at offset " + pos + " does not verify");
    }
    if (f.type() == Format.TYPE_SNAPSHOT_CHUNK) {
      List<StoredRecord> chunk;
      try {
        chunk = header.version() == Format.SNAPSHOT_VERSION_1
            ? PayloadCodec.decodeChunk(bytes, f.payloadOffset(), f.payloadLength(), payloads)
            : PayloadCodec.decodeChunkV2(bytes, f.payloadOffset(), f.payloadLength(), payloads);
      } catch (PayloadCodec.MalformedException e) {
        throw new Corrupt("chunk " + index + ": " + e.getMessage());
      }
      for (StoredRecord r : chunk) {
        RecordKey key = r.key();
        if (sorted && previous != null && Recovery.compareKeys(previous, key) >= 0) {
          if (requireSorted) {
            throw new Corrupt("record " + key + " in chunk " + index + " is not after " + previous);
          }
          sorted = false;
        }
        previous = key;
      }
      records += chunk.size();
      crcBytes[0] = (byte) (f.crc() >>> 24);
      crcBytes[1] = (byte) (f.crc() >>> 16);
      crcBytes[2] = (byte) (f.crc() >>> 8);
      crcBytes[3] = (byte) f.crc();
      crcOfCrcs.update(crcBytes);
      chain = f.crc();
      index++;
      pos = w.position(f.end());
      return chunk;
    }
    if (f.type() == Format.TYPE_SNAPSHOT_FOOTER) {
      ByteBuffer b = ByteBuffer.wrap(bytes, f.payloadOffset(), f.payloadLength());
      if (f.payloadLength() != Recovery.FOOTER_BYTES || b.getLong() != records || b.getLong() != index - 1
          || b.getLong() != header.lastSeq() || b.getInt() != (int) crcOfCrcs.getValue()) {
        throw new Corrupt("footer does not match the chunks");
      }
      long end = w.position(f.end());
      if (end != w.size()) {
        throw new Corrupt((w.size() - end) + " bytes after the footer");
      }
      done = true;
      return null;
    }
    throw new Corrupt("unexpected record type " + f.type() + " at offset " + pos);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
