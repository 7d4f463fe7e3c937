package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** The hand-rolled JSON writer agrees with the JDK's formatters and with Jackson's parser. */
class JsonWriterTest {
  private static final long SEED = Long.getLong("prodtrack.seed", 1128L);
  private static final DateTimeFormatter REFERENCE = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter();
  private static final JsonFactory JACKSON = new JsonFactory();

  private static String text(JsonWriter w) {
    return new String(w.toByteArray(), StandardCharsets.UTF_8);
  }

  private static String parseString(byte[] json) {
    try (JsonParser p = JACKSON.createParser(ObjectReadContext.empty(), json)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
      String s = p.getString();
      assertThat(p.nextToken()).isNull();
      return s;
    }
  }

  @Test
  void strings_roundTripThroughJackson() {
    qt().withFixedSeed(SEED).withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert(s -> {
          JsonWriter w = new JsonWriter();
          w.writeString(s);
          String back = parseString(w.toByteArray());
          if (s.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
            assertThat(back).as("seed %d", SEED).isEqualTo(s);
          } else {
            assertThat(back).as("lone surrogates are escaped and read back; seed %d", SEED).hasSameSizeAs(s);
          }
        });
  }

  @Test
  void dateTimes_matchTheReferenceFormatter() {
    qt().withFixedSeed(SEED).withExamples(5000)
        .forAll(longs().between(-62_135_596_800L, 253_402_300_799L), integers().between(0, 999_999_999))
        .checkAssert((seconds, nanos) -> {
          int nano = nanos % 7 == 0 ? 0 : nanos % 5 == 0 ? nanos / 1_000_000 * 1_000_000 : nanos;
          JsonWriter w = new JsonWriter();
          assertThat(w.writeDateTime(seconds, nano)).isTrue();
          String expected = REFERENCE.format(LocalDateTime.ofEpochSecond(seconds, nano, ZoneOffset.UTC));
          assertThat(text(w)).as("seed %d", SEED).isEqualTo("\"" + expected + "\"");
        });
  }

  @Test
  void datesAndUuids_matchTheJdk() {
    qt().withFixedSeed(SEED).withExamples(2000).forAll(longs().all(), longs().all()).checkAssert((hi, lo) -> {
      JsonWriter w = new JsonWriter();
      w.writeUuid(new UUID(hi, lo));
      assertThat(text(w)).isEqualTo("\"" + new UUID(hi, lo) + "\"");
      LocalDate d = LocalDate.ofEpochDay(Math.floorMod(hi, 2_900_000L));
      JsonWriter w2 = new JsonWriter();
      assertThat(w2.writeDate(d)).isTrue();
      assertThat(text(w2)).isEqualTo("\"" + d + "\"");
    });
    assertThat(new JsonWriter().writeDate(LocalDate.of(10_000, 1, 1))).as("out of the fast path").isFalse();
    assertThat(new JsonWriter().writeDateTime(Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond(), 0)).isFalse();
  }

  @Test
  void structure_commasAndNesting() {
    JsonWriter w = new JsonWriter(3);
    w.writeStartObject();
    w.writeName("a");
    w.writeNumber(1L);
    w.writeName("b");
    w.writeStartArray();
    w.writeBoolean(true);
    w.writeNull();
    w.writeStartObject();
    w.writeEndObject();
    w.writeEndArray();
    w.writeName("c");
    w.writeString("x\"y\\z\n\u0001é😀");
    w.writeEndObject();
    assertThat(text(w)).isEqualTo("{\"a\":1,\"b\":[true,null,{}],\"c\":\"x\\\"y\\\\z\\n\\u0001é😀\"}");
    JsonWriter deep = new JsonWriter(2);
    deep.writeStartArray();
    deep.writeStartArray();
    assertThatThrownBy(deep::writeStartArray).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void strings_manyEscapesThenWideChars_fitTheBuffer() {
    String s = "\u0001".repeat(300) + "\u4e2d".repeat(300) + "\ud800".repeat(50) + "\"".repeat(100) + "😀".repeat(100);
    JsonWriter w = new JsonWriter();
    w.writeString(s);
    assertThat(parseString(w.toByteArray())).hasSameSizeAs(s).startsWith("\u0001").endsWith("😀");
  }
}
