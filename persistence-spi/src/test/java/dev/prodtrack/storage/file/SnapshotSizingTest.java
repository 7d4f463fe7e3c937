package dev.prodtrack.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The capacity recovery gives a snapshot's map of records ({@link Recovery#expectedRecords}): the
 * footer's record count when the file's size allows it, the default otherwise (it is read before the
 * footer is verified, so a damaged count must not make recovery allocate a huge map).
 */
class SnapshotSizingTest {

  /** The last 28 bytes of a snapshot whose footer states {@code records}. */
  private static byte[] footerStating(long records) {
    byte[] bytes = new byte[28];
    ByteBuffer.wrap(bytes).putLong(records).putLong(1).putLong(1).putInt(0);
    return bytes;
  }

  @Test
  void aCountOfASnapshotLargerThanAnArray_isUsed() {
    long threeGiB = 3L << 30;
    assertThat(Recovery.expectedRecords(threeGiB, footerStating(19_000_000))).isEqualTo(25_333_334);
  }

  @Test
  void plausibleCount_sizesTheMapForIt() {
    assertThat(Recovery.expectedRecords(100_000, footerStating(3_000))).isEqualTo(4_001);
    assertThat(Recovery.expectedRecords(100_000, footerStating(0))).isEqualTo(1);
  }

  @Test
  void countTheFileCannotHold_negativeCount_orTooShortAFile_giveTheDefault() {
    assertThat(Recovery.expectedRecords(100_000, footerStating(100_000 / 16 + 1))).isEqualTo(16);
    assertThat(Recovery.expectedRecords(100_000, footerStating(Long.MAX_VALUE))).isEqualTo(16);
    assertThat(Recovery.expectedRecords(100_000, footerStating(-1))).isEqualTo(16);
    assertThat(Recovery.expectedRecords(Format.HEADER_BYTES + Format.FRAME_BYTES + 27, footerStating(1)))
        .isEqualTo(16);
    assertThat(Recovery.expectedRecords(100_000, new byte[27])).as("a file shorter than a footer").isEqualTo(16);
  }
}
