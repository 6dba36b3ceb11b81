package org.qingshan.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestEnvironment;
import org.qingshan.server.web.Messages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo plan's mid-term evaluation as a PDF made with a TrueType CJK font: only the glyphs used
 * are embedded (a subset), so the file stays small, and its Chinese text reads back and renders.
 */
@DemoServerTest
class EvaluationPdfSizeTest {
  /**
   * Measured on the demo plan: 41,630 bytes with WenQuanYi Micro Hei, 13,595,291 bytes with Noto
   * Sans CJK (CFF, embedded whole).
   */
  private static final int BOUND = 200_000;

  @Autowired EvaluationService evaluations;
  @Autowired Messages messages;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  private static Optional<String> trueTypeFont() {
    return EvaluationFonts.TRUETYPE.stream().filter(f -> Files.isReadable(Path.of(f))).findFirst();
  }

  @Test
  void aTrueTypeCjkFontIsPreferredToNotoCjk() {
    Optional<String> ttf = trueTypeFont();
    if (ttf.isEmpty()) {
      Assumptions.assumeTrue(
          TestEnvironment.required("browser"),
          "no TrueType CJK font on this machine: skipped; install fonts-wqy-microhei");
    }
    assertThat(new EvaluationFonts(new EvaluationSettings("", 60, 40)).cjkFont())
        .contains(Path.of(ttf.get()));
  }

  @Test
  void theMidTermEvaluationWithATrueTypeFontIsSmallAndRendersItsChineseText() throws IOException {
    Optional<String> ttf = trueTypeFont();
    if (ttf.isEmpty()) {
      Assumptions.assumeTrue(
          TestEnvironment.required("browser"),
          "no TrueType CJK font on this machine: skipped; install fonts-wqy-microhei or run with"
              + " -Dqingshan.test.browser=required to make it mandatory");
    }
    UserDetails planner = users.loadUserByUsername("planner");
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(planner, null, planner.getAuthorities()));
    long plan =
        jdbc.sql(
                "SELECT MIN(id) FROM dispatch_plan WHERE source_file = :f AND status = 'PUBLISHED'")
            .param("f", "示范县生态环境保护规划实施方案.txt")
            .query(Long.class)
            .single();
    EvaluationReport report =
        evaluations.report(plan, EvaluationKind.MIDTERM, LocalDate.of(2024, 12, 31));
    EvaluationPdf pdf =
        new EvaluationPdf(messages, new EvaluationFonts(new EvaluationSettings(ttf.get(), 60, 40)));
    byte[] bytes = pdf.write(report);

    assertThat(bytes.length).as("PDF bytes with " + ttf.get()).isLessThan(BOUND);
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      PDFont font =
          doc.getPage(0)
              .getResources()
              .getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font).isInstanceOf(PDType0Font.class);
      // a subset's name carries a six-letter tag: ABCDEF+WenQuanYiMicroHei
      assertThat(font.getName()).matches("[A-Z]{6}\\+.+");
      String text = new PDFTextStripper().getText(doc).replace("\r", "");
      assertThat(text)
          .contains("一、总体评价", "评估基准日：2024-12-31", "七、部门考核得分")
          .contains("细颗粒物（PM2.5）平均浓度：39.6（2024年） 预警")
          .contains("地表水达到或好于Ⅲ类水体比例：80（2024年） 达标");
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 50);
      int dark = 0;
      for (int x = 0; x < page.getWidth(); x++) {
        for (int y = 0; y < page.getHeight(); y++) {
          int rgb = page.getRGB(x, y) & 0xffffff;
          if (((rgb >> 16) & 0xff) < 128 && ((rgb >> 8) & 0xff) < 128 && (rgb & 0xff) < 128) {
            dark++;
          }
        }
      }
      assertThat(dark).as("dark pixels of page 1").isGreaterThan(500);
    }
  }
}
