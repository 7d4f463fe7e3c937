package dev.prodtrack.storage.file;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The payloads of journal records and snapshot chunks (format version 1, see {@code FORMAT.md}):
 * keys as length-prefixed UTF-8, payloads as length-prefixed bytes, big-endian counts. Decoding checks
 * every length against the bytes left before allocating, and rejects malformed UTF-8, invalid keys,
 * duplicate keys and trailing bytes.
 */
final class PayloadCodec {

  private PayloadCodec() {}

  /** The payload bytes are not a valid encoding. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  /** The encoded size of a change set, without encoding it. */
  static long encodedSize(ChangeSet changes) {
    long size = 8;
    for (StoredRecord r : changes.puts()) {
      size += keySize(r.key()) + 4L + r.payload().length;
    }
    for (RecordKey k : changes.deletes()) {
      size += keySize(k);
    }
    return size;
  }

  private static long keySize(RecordKey k) {
    return 4L + utf8Length(k.kind()) + utf8Length(k.id());
  }

  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Encodes a change set; the caller checked {@link #encodedSize} against the bound. */
  static byte[] encode(ChangeSet changes) {
    byte[] out = new byte[(int) encodedSize(changes)];
    encodeInto(changes, out, 0);
    return out;
  }

  /**
   * Encodes a change set into {@code out} from {@code offset}, the same bytes as {@link #encode}; the
   * caller checked {@link #encodedSize} against the bound and made room for it.
   *
   * @return the offset after the last byte written
   */
  static int encodeInto(ChangeSet changes, byte[] out, int offset) {
    int at = putInt(out, offset, changes.puts().size());
    for (StoredRecord r : changes.puts()) {
      at = putKey(out, at, r.key());
      byte[] payload = r.payload();
      at = putInt(out, at, payload.length);
      System.arraycopy(payload, 0, out, at, payload.length);
      at += payload.length;
    }
    at = putInt(out, at, changes.deletes().size());
    for (RecordKey k : changes.deletes()) {
      at = putKey(out, at, k);
    }
    return at;
  }

  private static int putInt(byte[] out, int at, int v) {
    out[at] = (byte) (v >>> 24);
    out[at + 1] = (byte) (v >>> 16);
    out[at + 2] = (byte) (v >>> 8);
    out[at + 3] = (byte) v;
    return at + 4;
  }

  /** A key as two length-prefixed UTF-8 strings (lengths as unsigned 16 bits, as {@link #putKey(ByteBuffer, RecordKey)}). */
  private static int putKey(byte[] out, int at, RecordKey k) {
    at = putString(out, at, k.kind());
    return putString(out, at, k.id());
  }

  private static int putString(byte[] out, int at, String s) {
    int n = s.length();
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (!ascii) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      out[at] = (byte) (bytes.length >>> 8);
      out[at + 1] = (byte) bytes.length;
      System.arraycopy(bytes, 0, out, at + 2, bytes.length);
      return at + 2 + bytes.length;
    }
    out[at] = (byte) (n >>> 8);
    out[at + 1] = (byte) n;
    for (int i = 0; i < n; i++) {
      out[at + 2 + i] = (byte) s.charAt(i);
    }
    return at + 2 + n;
  }

  /** Encodes records as a snapshot chunk. */
  static byte[] encodeChunk(Collection<StoredRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer count = ByteBuffer.allocate(4).putInt(records.size());
    out.writeBytes(count.array());
    for (StoredRecord r : records) {
      ByteBuffer b = ByteBuffer.allocate((int) keySize(r.key()) + 4 + r.payload().length);
      putKey(b, r.key());
      b.putInt(r.payload().length).put(r.payload());
      out.writeBytes(b.array());
    }
    return out.toByteArray();
  }

  /** The encoded size of one record inside a snapshot chunk. */
  static long chunkEntrySize(StoredRecord r) {
    return keySize(r.key()) + 4L + r.payload().length;
  }

  private static void putKey(ByteBuffer b, RecordKey k) {
    byte[] kind = k.kind().getBytes(StandardCharsets.UTF_8);
    byte[] id = k.id().getBytes(StandardCharsets.UTF_8);
    b.putShort((short) kind.length).put(kind).putShort((short) id.length).put(id);
  }

  static ChangeSet decode(byte[] bytes, int offset, int length) throws MalformedException {
    Reader r = new Reader(bytes, offset, length);
    int puts = r.count();
    List<StoredRecord> put = new ArrayList<>(Math.min(puts, 1024));
    for (int i = 0; i < puts; i++) {
      put.add(new StoredRecord(r.key(), r.payload()));
    }
    int deletes = r.count();
    List<RecordKey> delete = new ArrayList<>(Math.min(deletes, 1024));
    for (int i = 0; i < deletes; i++) {
      delete.add(r.key());
    }
    r.end();
    try {
      return new ChangeSet(put, delete);
    } catch (IllegalArgumentException e) {
      throw new MalformedException("change set: " + e.getMessage());
    }
  }

  static List<StoredRecord> decodeChunk(byte[] bytes, int offset, int length) throws MalformedException {
    return decodeChunk(bytes, offset, length, true);
  }

  /**
   * Decodes a version-1 snapshot chunk; without {@code payloads}, every payload is checked to fit and
   * skipped, and each record gets an empty payload (for a pass that needs only the keys).
   */
  static List<StoredRecord> decodeChunk(byte[] bytes, int offset, int length, boolean payloads)
      throws MalformedException {
    Reader r = new Reader(bytes, offset, length);
    int n = r.count();
    List<StoredRecord> records = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      records.add(new StoredRecord(r.key(), r.payload(payloads)));
    }
    r.end();
    return records;
  }

  // ---- snapshot chunks, version 2 ----

  /** Id form of a version-2 chunk entry: a length-prefixed UTF-8 string. */
  static final int ID_TEXT = 0;
  /** Id form of a version-2 chunk entry: 16 bytes of a UUID whose canonical lower-case text is the id. */
  static final int ID_UUID = 1;
  /** At most this many distinct kinds in one version-2 chunk (the kind index is a byte). */
  static final int MAX_CHUNK_KINDS = 255;

  /** Whether {@code id} is a UUID in canonical form (8-4-4-4-12 lower-case hex), so it can be stored as 16 bytes. */
  static boolean isCanonicalUuid(String id) {
    if (id.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = id.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of a version-2 entry's id form and id. */
  static int idSizeV2(String id) {
    return 1 + (isCanonicalUuid(id) ? 16 : 2 + utf8Length(id));
  }

  /** The bytes of a version-2 entry without its kind's table entry. */
  static long chunkEntrySizeV2(StoredRecord r) {
    return 1L + idSizeV2(r.key().id()) + 4L + r.payload().length;
  }

  /** The bytes a kind takes in a version-2 chunk's kind table. */
  static int kindTableSize(String kind) {
    return 2 + utf8Length(kind);
  }

  /**
   * Encodes records as a version-2 snapshot chunk: {@code u8 kindCount}, {@code kindCount × (u16 len,
   * UTF-8 kind)}, {@code u32 count}, then per record {@code u8 kindIndex, u8 idForm, id, u32 payloadLen,
   * payload}, where the id is {@code u16 len + UTF-8} (form 0) or the 16 bytes of a canonical UUID (form
   * 1). The records hold at most {@link #MAX_CHUNK_KINDS} distinct kinds.
   */
  static byte[] encodeChunkV2(List<StoredRecord> records) {
    List<String> kinds = new ArrayList<>();
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    long size = 1 + 4;
    for (StoredRecord r : records) {
      String kind = r.key().kind();
      if (!index.containsKey(kind)) {
        index.put(kind, kinds.size());
        kinds.add(kind);
        size += kindTableSize(kind);
      }
      size += chunkEntrySizeV2(r);
    }
    if (kinds.size() > MAX_CHUNK_KINDS) {
      throw new IllegalArgumentException(kinds.size() + " kinds in one chunk, at most " + MAX_CHUNK_KINDS);
    }
    byte[] out = new byte[Math.toIntExact(size)];
    int at = 0;
    out[at++] = (byte) kinds.size();
    for (String kind : kinds) {
      at = putString(out, at, kind);
    }
    at = putInt(out, at, records.size());
    for (StoredRecord r : records) {
      out[at++] = (byte) (int) index.get(r.key().kind());
      String id = r.key().id();
      if (isCanonicalUuid(id)) {
        out[at++] = ID_UUID;
        java.util.UUID u = java.util.UUID.fromString(id);
        at = putLong(out, at, u.getMostSignificantBits());
        at = putLong(out, at, u.getLeastSignificantBits());
      } else {
        out[at++] = ID_TEXT;
        at = putString(out, at, id);
      }
      byte[] payload = r.payload();
      at = putInt(out, at, payload.length);
      System.arraycopy(payload, 0, out, at, payload.length);
      at += payload.length;
    }
    if (at != out.length) {
      throw new IllegalStateException("chunk size computed as " + out.length + ", wrote " + at);
    }
    return out;
  }

  private static int putLong(byte[] out, int at, long v) {
    putInt(out, at, (int) (v >>> 32));
    return putInt(out, at + 4, (int) v);
  }

  /** Decodes a version-2 snapshot chunk (see {@link #encodeChunkV2}); every length is checked before use. */
  static List<StoredRecord> decodeChunkV2(byte[] bytes, int offset, int length) throws MalformedException {
    return decodeChunkV2(bytes, offset, length, true);
  }

  /**
   * Decodes a version-2 snapshot chunk; without {@code payloads}, every payload is checked to fit and
   * skipped, and each record gets an empty payload (for a pass that needs only the keys).
   */
  static List<StoredRecord> decodeChunkV2(byte[] bytes, int offset, int length, boolean payloads)
      throws MalformedException {
    Reader r = new Reader(bytes, offset, length);
    int kindCount = r.u8();
    if (kindCount == 0) {
      throw new MalformedException("a chunk has no kind table");
    }
    String[] kinds = new String[kindCount];
    for (int i = 0; i < kindCount; i++) {
      kinds[i] = r.string();
      for (int j = 0; j < i; j++) {
        if (kinds[j].equals(kinds[i])) {
          throw new MalformedException("kind " + kinds[i] + " appears twice in the kind table");
        }
      }
    }
    int n = r.count();
    List<StoredRecord> records = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      int k = r.u8();
      if (k >= kindCount) {
        throw new MalformedException("kind index " + k + " beyond the table of " + kindCount);
      }
      int form = r.u8();
      String id;
      if (form == ID_UUID) {
        id = new java.util.UUID(r.u64(), r.u64()).toString();
      } else if (form == ID_TEXT) {
        id = r.string();
      } else {
        throw new MalformedException("unknown id form " + form);
      }
      RecordKey key;
      try {
        key = new RecordKey(kinds[k], id);
      } catch (IllegalArgumentException e) {
        throw new MalformedException("key: " + e.getMessage());
      }
      records.add(new StoredRecord(key, r.payload(payloads)));
    }
    r.end();
    return records;
  }

  private static final byte[] SKIPPED = new byte[0];

  /** A bounds-checked reader. */
  private static final class Reader {
    private final ByteBuffer b;
    private final int end;
    private final byte[][] kindBytes = new byte[32][];
    private final String[] kindTexts = new String[32];
    private int kindCount;
    private final java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);

    Reader(byte[] bytes, int offset, int length) {
      this.b = ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.BIG_ENDIAN);
      this.end = offset + length;
    }

    int count() throws MalformedException {
      need(4);
      int n = b.getInt();
      if (n < 0 || n > (end - b.position()) / 4) {
        throw new MalformedException("count " + n + " does not fit in the " + (end - b.position()) + " bytes left");
      }
      return n;
    }

    int u8() throws MalformedException {
      need(1);
      return b.get() & 0xFF;
    }

    long u64() throws MalformedException {
      need(8);
      return b.getLong();
    }

    RecordKey key() throws MalformedException {
      String kind = kind();
      String id = string();
      try {
        return new RecordKey(kind, id);
      } catch (IllegalArgumentException e) {
        throw new MalformedException("key: " + e.getMessage());
      }
    }

    /**
     * A key's kind: a few distinct values repeated on every record, so each distinct text is decoded
     * once and shared (with its cached hash).
     */
    private String kind() throws MalformedException {
      need(2);
      int n = Short.toUnsignedInt(b.getShort(b.position()));
      if (n <= end - b.position() - 2) {
        byte[] array = b.array();
        int from = b.position() + 2;
        for (int i = 0; i < kindCount; i++) {
          if (java.util.Arrays.equals(kindBytes[i], 0, kindBytes[i].length, array, from, from + n)) {
            b.position(from + n);
            return kindTexts[i];
          }
        }
      }
      String kind = string();
      if (kindCount < kindTexts.length) {
        kindBytes[kindCount] = kind.getBytes(StandardCharsets.UTF_8);
        kindTexts[kindCount++] = kind;
      }
      return kind;
    }

    String string() throws MalformedException {
      need(2);
      int n = Short.toUnsignedInt(b.getShort());
      need(n);
      byte[] array = b.array();
      int from = b.position();
      boolean ascii = true;
      for (int i = from; i < from + n; i++) {
        if (array[i] < 0) {
          ascii = false;
          break;
        }
      }
      if (ascii) {
        b.position(from + n);
        return new String(array, from, n, StandardCharsets.ISO_8859_1); // ASCII is valid UTF-8, byte for char
      }
      ByteBuffer slice = b.slice(b.position(), n);
      b.position(b.position() + n);
      try {
        return utf8.decode(slice).toString(); // decode() resets the decoder first
      } catch (CharacterCodingException e) {
        throw new MalformedException("key text is not valid UTF-8");
      }
    }

    byte[] payload() throws MalformedException {
      return payload(true);
    }

    /** A length-prefixed payload, copied, or (without {@code copy}) checked to fit and skipped. */
    byte[] payload(boolean copy) throws MalformedException {
      need(4);
      int n = b.getInt();
      if (n < 0) {
        throw new MalformedException("negative payload length " + n);
      }
      need(n);
      if (!copy) {
        b.position(b.position() + n);
        return SKIPPED;
      }
      byte[] out = new byte[n];
      b.get(out);
      return out;
    }

    void end() throws MalformedException {
      if (b.position() != end) {
        throw new MalformedException((end - b.position()) + " trailing bytes");
      }
    }

    private void need(int n) throws MalformedException {
      if (n > end - b.position()) {
        throw new MalformedException("needs " + n + " bytes, " + (end - b.position()) + " left");
      }
    }
  }
}
