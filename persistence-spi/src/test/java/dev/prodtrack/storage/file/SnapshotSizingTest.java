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

  private static byte[] snapshotStating(int size, long records) {
    byte[] bytes = new byte[size];
    ByteBuffer.wrap(bytes, size - 28, 28).putLong(records).putLong(1).putLong(1).putInt(0);
    return bytes;
  }

  @Test
  void plausibleCount_sizesTheMapForIt() {
    assertThat(Recovery.expectedRecords(snapshotStating(100_000, 3_000))).isEqualTo(4_001);
    assertThat(Recovery.expectedRecords(snapshotStating(100_000, 0))).isEqualTo(1);
  }

  @Test
  void countTheFileCannotHold_negativeCount_orTooShortAFile_giveTheDefault() {
    assertThat(Recovery.expectedRecords(snapshotStating(100_000, 100_000 / 16 + 1))).isEqualTo(16);
    assertThat(Recovery.expectedRecords(snapshotStating(100_000, Long.MAX_VALUE))).isEqualTo(16);
    assertThat(Recovery.expectedRecords(snapshotStating(100_000, -1))).isEqualTo(16);
    assertThat(Recovery.expectedRecords(new byte[Format.HEADER_BYTES + Format.FRAME_BYTES + 27])).isEqualTo(16);
  }
}
