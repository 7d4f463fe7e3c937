package dev.prodtrack.kitsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The hand-written date-time parser and formatter agree with the formatter they shortcut. */
class DateTimeProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);
  /** 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z. */
  private static final long MIN = -62_167_219_200L;
  private static final long MAX = 253_402_300_799L;

  @Test
  void formatThenParse_wholeSeconds_agreeWithTheFormatter() {
    qt().withFixedSeed(SEED).withExamples(5_000)
        .forAll(longs().between(MIN, MAX))
        .checkAssert(seconds -> {
          Instant i = Instant.ofEpochSecond(seconds);
          String expected = Row.DATE_TIME.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
          assertThat(KitsuExport.formatInstant(i)).isEqualTo(expected);
          assertThat(Row.parseSimpleInstant(expected)).isEqualTo(i);
        });
  }

  @Test
  void formatInstant_withFractionOrOutsideFourDigitYears_usesTheFormatter() {
    qt().withFixedSeed(SEED).withExamples(1_000)
        .forAll(longs().between(MIN, MAX), integers().between(1, 999_999_999))
        .checkAssert((seconds, nanos) -> {
          Instant i = Instant.ofEpochSecond(seconds, nanos);
          assertThat(KitsuExport.formatInstant(i))
              .isEqualTo(Row.DATE_TIME.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC)));
          assertThat(Row.parseSimpleInstant(KitsuExport.formatInstant(i))).as("not the simple shape").isNull();
        });
    Instant far = Instant.parse("+10000-01-01T00:00:00Z");
    assertThat(KitsuExport.formatInstant(far)).isEqualTo("+10000-01-01T00:00:00");
  }

  @Test
  void parseSimpleInstant_outOfRangeFields_refused() {
    assertThatThrownBy(() -> Row.parseSimpleInstant("2024-02-30T00:00:00")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Row.parseSimpleInstant("2024-01-01T24:00:00")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Row.parseSimpleInstant("2024-01-01T23:60:00")).isInstanceOf(DateTimeException.class);
    assertThat(Row.parseSimpleInstant("2024-01-01 10:00:00")).isNull();
    assertThat(Row.parseSimpleInstant("2024-01-0xT10:00:00")).isNull();
  }
}
