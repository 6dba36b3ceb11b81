package org.qingshan.server.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * An evaluation as a PDF with a CJK font embedded (subset), each indicator's chart drawn with
 * lines. Refused with a clear message when the server has no CJK font.
 */
@Component
class EvaluationPdf {
  private static final float MARGIN = 56;
  private final Messages messages;
  private final EvaluationFonts fonts;

  EvaluationPdf(Messages messages, EvaluationFonts fonts) {
    this.messages = messages;
    this.fonts = fonts;
  }

  byte[] write(EvaluationReport r) {
    byte[] fontBytes =
        fonts.cjkFontBytes().orElseThrow(() -> new UserFacingException("evaluation.pdf.no-font"));
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      OpenTypeFont otf = new OTFParser().parse(new RandomAccessReadBuffer(fontBytes));
      // PDFBox cannot subset CFF outlines (Noto CJK): such a font is embedded whole.
      PDFont font = PDType0Font.load(doc, otf, !otf.isPostScript());
      Writer writer = new Writer(doc, font);
      writer.write(r);
      if (otf.isPostScript()) {
        // A whole font's ToUnicode maps shared glyphs to Kangxi radicals (⽓ for 气): name the
        // characters actually shown, so copied and searched text is the text written.
        PDStream map = new PDStream(doc);
        try (var w = map.createOutputStream(COSName.FLATE_DECODE)) {
          w.write(toUnicode(otf, writer.used).getBytes(StandardCharsets.US_ASCII));
        }
        font.getCOSObject().setItem(COSName.TO_UNICODE, map);
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A ToUnicode CMap of the glyphs (Identity-H: code = glyph id) of {@code codePoints}. */
  static String toUnicode(OpenTypeFont otf, java.util.Set<Integer> codePoints) throws IOException {
    var cmap = otf.getUnicodeCmapLookup();
    java.util.TreeMap<Integer, Integer> byGlyph = new java.util.TreeMap<>();
    for (int cp : codePoints) {
      int gid = cmap.getGlyphId(cp);
      if (gid > 0) {
        byGlyph.putIfAbsent(gid, cp);
      }
    }
    StringBuilder b =
        new StringBuilder(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    List<java.util.Map.Entry<Integer, Integer>> entries = new ArrayList<>(byGlyph.entrySet());
    for (int k = 0; k < entries.size(); k += 100) {
      List<java.util.Map.Entry<Integer, Integer>> block =
          entries.subList(k, Math.min(entries.size(), k + 100));
      b.append(block.size()).append(" beginbfchar\n");
      for (var e : block) {
        b.append(String.format("<%04X> <", e.getKey()));
        for (char c : Character.toChars(e.getValue())) {
          b.append(String.format("%04X", (int) c));
        }
        b.append(">\n");
      }
      b.append("endbfchar\n");
    }
    b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return b.toString();
  }

  /** Lays out lines top to bottom, starting a new page when one is full. */
  private final class Writer {
    private final PDDocument doc;
    private final PDFont font;
    private PDPageContentStream stream;
    private float y;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    final java.util.Set<Integer> used = new java.util.TreeSet<>();

    Writer(PDDocument doc, PDFont font) {
      this.doc = doc;
      this.font = font;
    }

    void write(EvaluationReport r) throws IOException {
      newPage();
      try {
        text(EvaluationDocuments.title(messages, r), 16);
        text(messages.get("evaluation.doc.date", r.date().toString()), 10);
        heading(messages.get("evaluation.doc.overall"));
        text(r.summary(), 11);
        heading(messages.get("evaluation.doc.indicators"));
        text(String.join(" | ", EvaluationDocuments.indicatorHeader(messages)), 9);
        for (EvaluationReport.Indicator i : r.indicators()) {
          text(String.join(" | ", EvaluationDocuments.indicatorRow(i)), 10);
        }
        for (EvaluationReport.Indicator i : r.indicators()) {
          text(i.no() + " " + i.name() + "：" + i.valueText() + " " + i.statusLabel(), 11);
          chart(i);
        }
        heading(messages.get("evaluation.doc.chapters"));
        text(String.join(" | ", EvaluationDocuments.chapterHeader(messages)), 9);
        for (EvaluationReport.Chapter c : r.chapters()) {
          text(String.join(" | ", EvaluationDocuments.chapterRow(c)), 10);
        }
        if (!r.targets().isEmpty()) {
          text(messages.get("evaluation.doc.targets"), 11);
          text(String.join(" | ", EvaluationDocuments.targetHeader(messages)), 9);
          for (EvaluationReport.TargetProgress tp : r.targets()) {
            text(String.join(" | ", EvaluationDocuments.targetRow(tp)), 10);
          }
        }
        heading(messages.get("evaluation.doc.projects"));
        if (r.projects().isEmpty()) {
          text(messages.get("evaluation.doc.none"), 11);
        }
        for (EvaluationReport.Project p : r.projects()) {
          text(EvaluationDocuments.project(messages, p), 11);
          text(EvaluationDocuments.milestones(messages, p), 10);
        }
        heading(messages.get("evaluation.doc.problems"));
        list(r.problems());
        heading(messages.get("evaluation.doc.next"));
        list(r.nextSteps());
        heading(messages.get("evaluation.doc.departments"));
        text(r.scoringMethod(), 10);
        text(String.join(" | ", EvaluationDocuments.departmentHeader(messages)), 9);
        for (EvaluationReport.DepartmentScore s : r.departments()) {
          text(String.join(" | ", EvaluationDocuments.departmentRow(s)), 10);
        }
      } finally {
        stream.close();
      }
    }

    private void list(List<String> items) throws IOException {
      if (items.isEmpty()) {
        text(messages.get("evaluation.doc.none"), 11);
      }
      int n = 1;
      for (String s : items) {
        text(n++ + ". " + s, 11);
      }
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void heading(String s) throws IOException {
      y -= 6;
      text(s, 13);
    }

    private void text(String s, float size) throws IOException {
      for (String line : wrap(s, size)) {
        float lead = size * 1.5f;
        if (y - lead < MARGIN) {
          newPage();
        }
        y -= lead;
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(MARGIN, y);
        line.codePoints().forEach(used::add);
        stream.showText(line);
        stream.endText();
      }
    }

    private List<String> wrap(String s, float size) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (int k = 0; k < s.length(); ) {
        int cp = s.codePointAt(k);
        String ch = new String(Character.toChars(cp));
        k += ch.length();
        if (cp == '\n' || cp == '\r' || cp == '\t') {
          ch = " ";
        }
        String candidate = line + ch;
        if (font.getStringWidth(candidate) / 1000 * size > width && line.length() > 0) {
          lines.add(line.toString());
          line = new StringBuilder(ch);
        } else {
          line.append(ch);
        }
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
      return lines;
    }

    private void chart(EvaluationReport.Indicator i) throws IOException {
      float h = 110;
      float w = 300;
      EvaluationChart c = EvaluationChart.of(i, w, h);
      if (c.empty()) {
        return;
      }
      if (y - h - 30 < MARGIN) {
        newPage();
      }
      float x0 = MARGIN + 40;
      float y0 = y - h - 12;
      stream.setStrokingColor(0.5f, 0.5f, 0.5f);
      stream.setLineWidth(0.8f);
      stream.moveTo(x0, y0);
      stream.lineTo(x0 + w, y0);
      stream.moveTo(x0, y0);
      stream.lineTo(x0, y0 + h);
      stream.stroke();
      stream.setLineDashPattern(new float[] {4, 3}, 0);
      polyline(c.trajectory(), x0, y0);
      stream.setLineDashPattern(new float[] {}, 0);
      stream.setStrokingColor(0.12f, 0.44f, 0.71f);
      stream.setLineWidth(2f);
      polyline(c.actual(), x0, y0);
      for (double[] p : c.actual()) {
        stream.addRect((float) (x0 + p[0]) - 2, (float) (y0 + p[1]) - 2, 4, 4);
      }
      stream.setNonStrokingColor(0.12f, 0.44f, 0.71f);
      stream.fill();
      stream.setNonStrokingColor(0f, 0f, 0f);
      stream.setStrokingColor(0f, 0f, 0f);
      label(String.valueOf(c.minYear()), x0, y0 - 10);
      label(String.valueOf(c.maxYear()), x0 + w - 20, y0 - 10);
      label(EvaluationChart.fmt(c.maxValue()), MARGIN, y0 + h - 8);
      label(EvaluationChart.fmt(c.minValue()), MARGIN, y0);
      y = y0 - 14;
      text(messages.get("evaluation.doc.chart.legend"), 8);
    }

    private void label(String s, float x, float at) throws IOException {
      stream.beginText();
      stream.setFont(font, 8);
      stream.newLineAtOffset(x, at);
      s.codePoints().forEach(used::add);
      stream.showText(s);
      stream.endText();
    }

    private void polyline(List<double[]> points, float x0, float y0) throws IOException {
      if (points.size() < 2) {
        return;
      }
      stream.moveTo((float) (x0 + points.get(0)[0]), (float) (y0 + points.get(0)[1]));
      for (int k = 1; k < points.size(); k++) {
        stream.lineTo((float) (x0 + points.get(k)[0]), (float) (y0 + points.get(k)[1]));
      }
      stream.stroke();
    }
  }
}
