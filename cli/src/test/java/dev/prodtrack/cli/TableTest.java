package dev.prodtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The three output formats of a report table. */
class TableTest {

  private static String print(Table t, FormatOption.Format f) {
    StringWriter w = new StringWriter();
    t.print(f, new PrintWriter(w));
    return w.toString();
  }

  private static Table sample() {
    return new Table("task", "due", "days_late", "ratio", "done")
        .add("SH010 / Animation", LocalDate.of(2025, 6, 2), 12, 1.23456, false)
        .add("a \"quoted\", name", null, 3, Double.NaN, true);
  }

  @Test
  void table_alignsColumns_numbersRight() {
    String nl = System.lineSeparator();
    assertThat(print(sample(), FormatOption.Format.TABLE)).isEqualTo(
        "task               due         days_late  ratio  done" + nl
            + "-----------------  ----------  ---------  -----  -----" + nl
            + "SH010 / Animation  2025-06-02         12   1.23  false" + nl
            + "a \"quoted\", name                       3         true" + nl);
  }

  @Test
  void csv_quotesAsRfc4180() {
    assertThat(print(sample(), FormatOption.Format.CSV)).isEqualTo(
        "task,due,days_late,ratio,done\r\n"
            + "SH010 / Animation,2025-06-02,12,1.23,false\r\n"
            + "\"a \"\"quoted\"\", name\",,3,,true\r\n");
    assertThat(Table.csvField("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(Table.csvField(" padded")).isEqualTo("\" padded\"");
    assertThat(Table.csvField("plain")).isEqualTo("plain");
  }

  @Test
  void json_isAnArrayOfObjects_withTypedValues() {
    assertThat(print(sample(), FormatOption.Format.JSON).strip()).isEqualTo(
        "[{\"task\":\"SH010 / Animation\",\"due\":\"2025-06-02\",\"days_late\":12,\"ratio\":1.23,\"done\":false},"
            + "{\"task\":\"a \\\"quoted\\\", name\",\"due\":null,\"days_late\":3,\"ratio\":null,\"done\":true}]");
    assertThat(print(new Table("x"), FormatOption.Format.JSON).strip()).isEqualTo("[]");
  }

  @Test
  void rowsMustMatchTheColumns() {
    Table t = new Table("a", "b");
    assertThatThrownBy(() -> t.add("only one")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a row needs 2 cells");
    assertThat(t.size()).isZero();
    assertThatThrownBy(() -> new Table("a", "a")).isInstanceOf(IllegalArgumentException.class);
  }
}
