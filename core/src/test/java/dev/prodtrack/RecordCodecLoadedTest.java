package dev.prodtrack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Task;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The load path of the codec ({@link RecordCodec#decodeLoaded}): the same records as {@link
 * RecordCodec#decode}, the comment ordinal in the same pass, and the hand-written date parsing that
 * agrees with the strict formatter on every input.
 */
class RecordCodecLoadedTest {

  private static final DateTimeFormatter STRICT_DATE_TIME = java.time.format.DateTimeFormatter
      .ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSSSSSSSS]")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dev.prodtrack.RecordCodecTest#records")
  void decodeLoaded_everyKind_equalsDecodeAndGivesNoOrderOutsideComments(String kind, Object record) {
    byte[] bytes = RecordCodec.encode(record);
    long[] order = {99};

    Object loaded = RecordCodec.decodeLoaded(kind, bytes, order);

    assertThat(loaded).isEqualTo(RecordCodec.decode(kind, bytes)).isEqualTo(record);
    assertThat(order[0]).isZero();
  }

  @Test
  void decodeLoaded_commentWithOrder_readsTheOrderInTheSamePass() {
    Comment c = RecordCodecTest.fullComment();
    byte[] bytes = RecordCodec.encodeComment(c, 42);
    long[] order = {0};

    assertThat(RecordCodec.decodeLoaded("comment", bytes, order)).isEqualTo(c);
    assertThat(order[0]).isEqualTo(42).isEqualTo(RecordCodec.commentOrder(bytes));
  }

  @Test
  void decodeLoaded_repeatedName_lastValueWins_whileDecodeRefusesIt() {
    String task = new String(RecordCodec.encode(RecordCodecTest.fullTask()), UTF_8);
    byte[] repeated = ("{\"priority\":7," + task.substring(1)).getBytes(UTF_8);

    assertThatThrownBy(() -> RecordCodec.decode("task", repeated)).isInstanceOf(CorruptRecordException.class);
    assertThat(((Task) RecordCodec.decodeLoaded("task", repeated, new long[1])).priority())
        .isEqualTo(RecordCodecTest.fullTask().priority());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dev.prodtrack.RecordCodecTest#records")
  void decodeLoaded_everyKind_withAPool_equalsDecodeTwice(String kind, Object record) {
    byte[] bytes = RecordCodec.encode(record);
    LoadPool pool = new LoadPool(2);

    assertThat(RecordCodec.decodeLoaded(kind, bytes, new long[1], pool)).isEqualTo(record);
    assertThat(RecordCodec.decodeLoaded(kind, bytes, new long[1], pool)).isEqualTo(record);
  }

  @Test
  void decodeLoaded_withAPool_sharesIdsInstantsAndDates_acrossSpellingsOfOneInstant() {
    LoadPool pool = new LoadPool();
    String json = new String(RecordCodec.encode(RecordCodecTest.minimalTask()), UTF_8);
    assertThat(json).contains("\"created_at\":\"2024-01-23T10:00:00\"");
    byte[] longerFraction = json.replace("\"created_at\":\"2024-01-23T10:00:00\"",
        "\"created_at\":\"2024-01-23T10:00:00.000\"").getBytes(UTF_8);

    Task first = (Task) RecordCodec.decodeLoaded("task", json.getBytes(UTF_8), new long[1], pool);
    Task second = (Task) RecordCodec.decodeLoaded("task", longerFraction, new long[1], pool);

    assertThat(second).isEqualTo(first).isEqualTo(RecordCodecTest.minimalTask());
    assertThat(first.createdAt()).isSameAs(first.updatedAt());
    assertThat(second.createdAt()).isSameAs(first.createdAt());
    assertThat(second.id()).isSameAs(first.id());
    assertThat(second.projectId()).isSameAs(first.projectId());

    String full = new String(RecordCodec.encode(RecordCodecTest.fullTask()), UTF_8);
    byte[] dueOnStart = full.replace("\"due_date\":\"2024-02-02\"", "\"due_date\":\"2024-01-22\"").getBytes(UTF_8);
    Task t = (Task) RecordCodec.decodeLoaded("task", dueOnStart, new long[1], pool);
    assertThat(t.dueDate()).isEqualTo(LocalDate.of(2024, 1, 22)).isSameAs(t.startDate());
  }

  @Test
  void decodeLoaded_withAPool_outOfRangeDateOrTime_isCorruptEvenAfterValidOnesWereShared() {
    LoadPool pool = new LoadPool();
    String full = new String(RecordCodec.encode(RecordCodecTest.fullTask()), UTF_8);
    RecordCodec.decodeLoaded("task", full.getBytes(UTF_8), new long[1], pool);
    byte[] badDate = full.replace("\"due_date\":\"2024-02-02\"", "\"due_date\":\"2024-02-30\"").getBytes(UTF_8);
    byte[] badTime = full.replace("\"created_at\":\"2024-01-23T10:00:00\"", "\"created_at\":\"2024-01-23T24:00:00\"")
        .getBytes(UTF_8);

    assertThatThrownBy(() -> RecordCodec.decodeLoaded("task", badDate, new long[1], pool))
        .isInstanceOf(CorruptRecordException.class).hasMessageContaining("2024-02-30");
    assertThatThrownBy(() -> RecordCodec.decodeLoaded("task", badTime, new long[1], pool))
        .isInstanceOf(CorruptRecordException.class).hasMessageContaining("24:00:00");
  }

  @Test
  void decodeLoaded_malformed_throwsCorruptAsDecodeDoes() {
    byte[] truncated = java.util.Arrays.copyOf(RecordCodec.encode(RecordCodecTest.fullTask()), 40);

    assertThatThrownBy(() -> RecordCodec.decodeLoaded("task", truncated, new long[1]))
        .isInstanceOf(CorruptRecordException.class);
  }

  @Test
  void decode_randomIds_inLowerAndUpperCase_parseToTheSameUuid() {
    Task task = RecordCodecTest.fullTask();
    String json = new String(RecordCodec.encode(task), UTF_8);
    String id = task.id().value().toString();
    qt().withExamples(2_000).forAll(longs().all(), longs().all()).checkAssert((most, least) -> {
      java.util.UUID uuid = new java.util.UUID(most, least);
      for (String text : List.of(uuid.toString(), uuid.toString().toUpperCase(java.util.Locale.ROOT))) {
        byte[] bytes = json.replace(id, text).getBytes(UTF_8);
        assertThat(((Task) RecordCodec.decodeLoaded("task", bytes, new long[1])).id().value()).isEqualTo(uuid);
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000000-0000-0000-0000-0000000000000", "00000000-0000-0000-0000-00000000000g",
      "00000000_0000-0000-0000-000000000000", "0-0-0-0-0", "00000000-0000-0000-0000-0000000000000"})
  void decode_nonCanonicalId_isCorrupt(String text) {
    Task task = RecordCodecTest.fullTask();
    byte[] bytes = new String(RecordCodec.encode(task), UTF_8).replace(task.id().value().toString(), text)
        .getBytes(UTF_8);

    assertThatThrownBy(() -> RecordCodec.decodeLoaded("task", bytes, new long[1]))
        .isInstanceOf(CorruptRecordException.class).hasMessageContaining("not a UUID");
  }

  @Test
  void canonicalDateTime_randomInstants_agreesWithTheFormatter() {
    qt().withExamples(5_000)
        .forAll(longs().between(LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC)),
            integers().between(0, 999_999_999), integers().between(0, 9))
        .checkAssert((seconds, nanos, digits) -> {
          int scale = (int) Math.pow(10, 9 - digits);
          LocalDateTime expected = LocalDateTime.ofEpochSecond(seconds, nanos / scale * scale, ZoneOffset.UTC);
          String text = expected.toLocalDate() + "T" + String.format("%02d:%02d:%02d", expected.getHour(),
              expected.getMinute(), expected.getSecond())
              + (digits == 0 ? "" : "." + String.format("%09d", expected.getNano()).substring(0, digits));
          assertThat(RecordCodec.parseCanonicalDateTime(text)).as(text).isEqualTo(expected);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-30T10:00:00", "2023-02-29T10:00:00", "2024-01-01T24:00:00",
      "2024-01-01T10:60:00", "2024-01-01T10:00:60", "2024-13-01T10:00:00", "2024-00-10T10:00:00"})
  void canonicalDateTime_outOfRange_throwsAsTheStrictFormatterDoes(String text) {
    assertThatThrownBy(() -> LocalDateTime.parse(text, STRICT_DATE_TIME)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> RecordCodec.parseCanonicalDateTime(text)).isInstanceOf(DateTimeException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-01-01T10:00:00.", "2024-01-01T10:00:00.1234567890", "2024-01-01 10:00:00",
      "2024-01-01T10:00", "+12024-01-01T10:00:00", "2024-1-01T10:00:00", "2024-01-01T10:00:00Z",
      "2024-01-01T10:00:00.12a"})
  void canonicalDateTime_otherShapes_areLeftToTheFormatter(String text) {
    assertThat(RecordCodec.parseCanonicalDateTime(text)).isNull();
  }

  @Test
  void decodeLoaded_fiveDigitYear_isLeftToTheFormatterAndDecoded() {
    Task task = RecordCodecTest.fullTask();
    String json = new String(RecordCodec.encode(task), UTF_8);
    LocalDateTime created = LocalDateTime.ofInstant(task.createdAt(), ZoneOffset.UTC);
    String canonical = "\"created_at\":\"" + created.getYear() + "-";
    assertThat(json).contains(canonical);
    String fiveDigitYear = json.replace(canonical, "\"created_at\":\"+" + (created.getYear() + 10_000) + "-");

    Task decoded = (Task) RecordCodec.decodeLoaded("task", fiveDigitYear.getBytes(UTF_8), new long[1]);

    assertThat(LocalDateTime.ofInstant(decoded.createdAt(), ZoneOffset.UTC)).isEqualTo(created.plusYears(10_000));
  }
}
