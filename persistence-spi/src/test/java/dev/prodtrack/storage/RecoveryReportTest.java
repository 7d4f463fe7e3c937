package dev.prodtrack.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryReportTest {

  @Test
  void new_validParts_keepsThemAndCopiesNotes() {
    List<String> notes = new ArrayList<>(List.of("trimmed 12 bytes"));

    RecoveryReport report = new RecoveryReport(3, 7, 12, notes);
    notes.add("later");

    assertThat(report.recordsLoaded()).isEqualTo(3);
    assertThat(report.lastSequence()).isEqualTo(7);
    assertThat(report.bytesTrimmed()).isEqualTo(12);
    assertThat(report.notes()).containsExactly("trimmed 12 bytes");
    assertThatThrownBy(() -> report.notes().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void new_negativeCount_isRejectedEchoingValues() {
    assertThatThrownBy(() -> new RecoveryReport(0, -1, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lastSequence=-1");
    assertThatThrownBy(() -> new RecoveryReport(-2, 0, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recordsLoaded=-2");
    assertThatThrownBy(() -> new RecoveryReport(0, 0, -3, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bytesTrimmed=-3");
  }

  @Test
  void new_nullNotes_throwsNpe() {
    assertThatThrownBy(() -> new RecoveryReport(0, 0, 0, null)).isInstanceOf(NullPointerException.class).hasMessage("notes");
  }
}
