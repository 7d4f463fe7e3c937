package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The writer's in-place encoding ({@link PayloadCodec#encodeInto}, {@link Format#frameInPlace}), which
 * the group commit uses to encode change sets straight into its batch buffer: it must give exactly
 * the bytes of the format (checked against a reference encoder written here from {@code FORMAT.md},
 * not against the code under test), touch nothing outside its range, decode back to the change set,
 * and frame exactly as {@link Format#writeFrame} does. Keys mix ASCII with two-, three- and four-byte
 * UTF-8 characters (the encoder has a fast path for ASCII).
 *
 * <p>Seeded ({@code -Dprodtrack.storage.seed=n}; QuickTheories prints the seed of a failure).
 */
class JournalEncodingProperties {

  private static final long SEED = Long.getLong("prodtrack.storage.seed", 20261129L);
  private static final String[] PIECES = {"a", "Z", "0", "-", "é", "ß", "日", "本", "\uD83C\uDFAC", " "};

  /** A change set built from a seed: up to 6 puts and 3 deletes, distinct keys, payloads of 1 to 300 bytes. */
  private static ChangeSet changeSet(long seed) {
    Random random = new Random(seed);
    List<StoredRecord> puts = new ArrayList<>();
    List<RecordKey> deletes = new ArrayList<>();
    int nPuts = random.nextInt(7);
    int nDeletes = random.nextInt(4);
    for (int i = 0; i < nPuts + nDeletes; i++) {
      RecordKey key = new RecordKey(text(random, 1 + random.nextInt(12)), "k" + i + text(random, random.nextInt(40)));
      if (i < nPuts) {
        byte[] payload = new byte[1 + random.nextInt(300)];
        random.nextBytes(payload);
        puts.add(new StoredRecord(key, payload));
      } else {
        deletes.add(key);
      }
    }
    return new ChangeSet(puts, deletes);
  }

  private static String text(Random random, int pieces) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    String s = b.toString();
    return s.isBlank() ? "x" + s : s;
  }

  /** The format of a change-set payload, written independently of {@link PayloadCodec}. */
  private static byte[] reference(ChangeSet cs) {
    ByteBuffer b = ByteBuffer.allocate(1 << 16);
    b.putInt(cs.puts().size());
    for (StoredRecord r : cs.puts()) {
      referenceKey(b, r.key());
      b.putInt(r.payload().length).put(r.payload());
    }
    b.putInt(cs.deletes().size());
    for (RecordKey k : cs.deletes()) {
      referenceKey(b, k);
    }
    return Arrays.copyOf(b.array(), b.position());
  }

  private static void referenceKey(ByteBuffer b, RecordKey k) {
    byte[] kind = k.kind().getBytes(StandardCharsets.UTF_8);
    byte[] id = k.id().getBytes(StandardCharsets.UTF_8);
    b.putShort((short) kind.length).put(kind).putShort((short) id.length).put(id);
  }

  @Test
  void encodeInto_writesExactlyTheFormatsBytes_inItsRangeOnly_andDecodesBack() {
    qt().withFixedSeed(SEED).withExamples(2_000).forAll(longs().all(), integers().between(0, 100))
        .checkAssert((seed, offset) -> {
          ChangeSet cs = changeSet(seed);
          byte[] expected = reference(cs);
          assertThat(PayloadCodec.encodedSize(cs)).isEqualTo(expected.length);
          byte[] out = new byte[offset + expected.length + 17];
          Arrays.fill(out, (byte) 0x5A);
          int end = PayloadCodec.encodeInto(cs, out, offset);
          assertThat(end).isEqualTo(offset + expected.length);
          assertThat(Arrays.copyOfRange(out, offset, end)).isEqualTo(expected);
          for (int i = 0; i < out.length; i++) {
            if (i < offset || i >= end) {
              assertThat(out[i]).as("byte %d outside the encoded range", i).isEqualTo((byte) 0x5A);
            }
          }
          assertThat(PayloadCodec.encode(cs)).isEqualTo(expected);
          try {
            assertThat(PayloadCodec.decode(out, offset, expected.length)).isEqualTo(cs);
          } catch (PayloadCodec.MalformedException e) {
            throw new AssertionError("the encoding of " + cs + " does not decode: " + e.getMessage(), e);
          }
        });
  }

  @Test
  void frameInPlace_framesLikeWriteFrame_andChainsTheSameCrc() {
    qt().withFixedSeed(SEED).withExamples(2_000).forAll(longs().all(), integers().between(0, 64))
        .checkAssert((seed, offset) -> {
          Random random = new Random(seed);
          byte[] payload = new byte[1 + random.nextInt(500)];
          random.nextBytes(payload);
          int salt = random.nextInt();
          int prev = random.nextInt();
          long seq = 1 + (random.nextLong() & Long.MAX_VALUE) % 1_000_000_000L;
          byte[] viaCopy = new byte[offset + Format.FRAME_BYTES + payload.length];
          int crcCopy = Format.writeFrame(viaCopy, offset, salt, prev, Format.TYPE_CHANGE_SET, seq, payload);
          byte[] inPlace = new byte[viaCopy.length];
          System.arraycopy(payload, 0, inPlace, offset + Format.FRAME_BYTES, payload.length);
          int crcInPlace = Format.frameInPlace(inPlace, offset, salt, prev, Format.TYPE_CHANGE_SET, seq, payload.length);
          assertThat(crcInPlace).isEqualTo(crcCopy);
          assertThat(inPlace).isEqualTo(viaCopy);
          Format.Frame frame = Format.readFrame(inPlace, offset, inPlace.length, salt, prev, 1 << 20);
          assertThat(frame).isNotNull();
          assertThat(frame.seq()).isEqualTo(seq);
          assertThat(frame.crc()).isEqualTo(crcCopy);
        });
  }
}
