package dev.prodtrack.kitsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The first pass's UUID reader ({@link KitsuReader#uuid(char[], int, int)}) reads exactly what {@link Row}'s
 * text reader accepts ({@link Row#parseUuid}, canonical 8-4-4-4-12 hex in either case) to the same value, at
 * any offset in the parser's buffer, and refuses any text with one character changed to a non-hex one.
 * Seed: {@code -Dprodtrack.seed}.
 */
class KitsuReaderUuidProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261129L);

  @Test
  void uuid_canonicalTextAtAnyOffset_sameValueAsTheTextReader() {
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(longs().all(), longs().all(), integers().between(0, 7), integers().between(0, 2))
        .checkAssert((most, least, offset, caseMode) -> {
          String text = new UUID(most, least).toString();
          text = caseMode == 1 ? text.toUpperCase(Locale.ROOT) : caseMode == 2 ? mixed(text) : text;
          char[] buffer = ("x".repeat(offset) + text + "yz").toCharArray();
          UUID read = KitsuReader.uuid(buffer, offset, 36);
          assertThat(read).as(text).isEqualTo(Row.parseUuid(text)).isEqualTo(new UUID(most, least));
        });
  }

  @Test
  void uuid_oneCharacterChangedOrWrongLength_notAUuid() {
    char[] replacements = {'g', 'G', 'z', ' ', '-', '_', '\u0661' /* Arabic-Indic one, a Unicode digit */, '+'};
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(longs().all(), longs().all(), integers().between(0, 35), integers().between(0, 7))
        .checkAssert((most, least, position, which) -> {
          char[] text = new UUID(most, least).toString().toCharArray();
          char replacement = replacements[which];
          boolean dash = position == 8 || position == 13 || position == 18 || position == 23;
          if (replacement == '-' && dash) {
            replacement = '0';
          }
          text[position] = replacement;
          String s = new String(text);
          assertThat(KitsuReader.uuid(text, 0, 36)).as(s).isNull();
          assertThat(Row.parseUuid(s)).as(s).isNull();
        });
    char[] text = (new UUID(1, 2) + "0").toCharArray();
    assertThat(KitsuReader.uuid(text, 0, 37)).isNull();
    assertThat(KitsuReader.uuid(text, 0, 35)).isNull();
  }

  private static String mixed(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }
}
