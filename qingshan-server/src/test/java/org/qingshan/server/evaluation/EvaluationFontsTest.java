package org.qingshan.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.TestEnvironment;

/**
 * The PDF's CJK font: a configured file that is missing means no font (the PDF is then refused with
 * a message), and a font cut out of the system's CJK collection (.ttc) is a font of its own with
 * the Chinese glyphs.
 */
class EvaluationFontsTest {
  @Test
  void aConfiguredFontThatIsMissingIsNoFont() {
    EvaluationFonts fonts =
        new EvaluationFonts(new EvaluationSettings("/nonexistent/NoSuchFont.ttc", 60, 40));
    assertThat(fonts.cjkFont()).isEmpty();
    assertThat(fonts.cjkFontBytes()).isEmpty();
  }

  @Test
  void aFontOfTheCollectionIsCutOutWithItsChineseGlyphs() throws IOException {
    EvaluationFonts fonts = new EvaluationFonts(new EvaluationSettings("", 60, 40));
    if (fonts.cjkFont().isEmpty()) {
      Assumptions.assumeTrue(
          TestEnvironment.required("browser"),
          "no CJK font on this machine: skipped; install fonts-noto-cjk or run with"
              + " -Dqingshan.test.browser=required to make it mandatory");
    }
    Path file = fonts.cjkFont().orElseThrow();
    assertThat(Files.isReadable(file)).isTrue();
    OpenTypeFont font =
        new OTFParser().parse(new RandomAccessReadBuffer(fonts.cjkFontBytes().orElseThrow()));
    assertThat(font.getUnicodeCmapLookup().getGlyphId('气')).isPositive();
    assertThat(font.getUnicodeCmapLookup().getGlyphId('标')).isPositive();
  }
}
