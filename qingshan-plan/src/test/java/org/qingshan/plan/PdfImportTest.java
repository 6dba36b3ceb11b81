package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.task.Task;

/**
 * A small PDF built in code with PDFBox. Lines are layout lines, so a paragraph wraps over two
 * lines and must be joined again. Chinese text needs a CJK font with TrueType outlines on the
 * machine.
 */
class PdfImportTest {

  @Test
  void importsTheTextLayerOfAPdf() throws Exception {
    byte[] pdf = pdfPlan();
    Plan plan = new PlanImporter().importBytes("plan.pdf", pdf);
    assertThat(plan.title()).isEqualTo("样例县生态环境保护规划");
    List<Task> tasks = plan.tasks();
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).text()).isEqualTo("加强施工扬尘管控。严格落实施工工地扬尘管控责任，全面推行绿色施工。");
    assertThat(tasks.get(0).responsible()).containsExactly("县住房和城乡建设局", "县交通运输局");
    assertThat(tasks.get(1).text()).isEqualTo("推进工业炉窑治理。开展工业炉窑综合治理。");
    assertThat(tasks.get(1).lead()).containsExactly("县生态环境分局");
  }

  /** Two pages; the second task is cut by the page break and its page number. */
  private static final String[][] PAGES = {
    {
      "样例县生态环境保护规划",
      "一、深入打好蓝天保卫战",
      "1.加强施工扬尘管控。严格落实施工工地扬尘管控责任，全面推",
      "行绿色施工。（责任单位：县住房和城乡建设局、县交通运输局）",
      "2.推进工业炉窑治理。开展工业炉窑综合治理。（牵头单位：县生态",
      "— 1 —"
    },
    {"环境分局）"},
  };

  /**
   * Writes the lines with a CID font (Identity-H) and a ToUnicode map, as Chinese government PDFs
   * do. The font program is not embedded: only the text layer matters to the importer, and the test
   * then needs no CJK font on the machine.
   */
  private static byte[] pdfPlan() throws Exception {
    List<Integer> chars = new ArrayList<>();
    for (String[] lines : PAGES) {
      for (String line : lines) {
        line.codePoints().filter(c -> !chars.contains(c)).forEach(chars::add);
      }
    }
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      COSDictionary font = cidFont(document, chars);
      for (String[] lines : PAGES) {
        PDPage page = new PDPage();
        document.addPage(page);
        PDResources resources = new PDResources();
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), font);
        resources.getCOSObject().setItem(COSName.FONT, fonts);
        page.setResources(resources);
        StringBuilder content = new StringBuilder("BT /F1 12 Tf 14 TL 40 740 Td\n");
        for (String line : lines) {
          content.append('<');
          line.codePoints()
              .forEach(c -> content.append(String.format("%04X", chars.indexOf(c) + 1)));
          content.append("> Tj T*\n");
        }
        content.append("ET\n");
        PDStream stream = new PDStream(document);
        try (OutputStream os = stream.createOutputStream()) {
          os.write(content.toString().getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(stream);
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  private static COSDictionary cidFont(PDDocument document, List<Integer> chars) throws Exception {
    COSDictionary descriptor = new COSDictionary();
    descriptor.setName(COSName.TYPE, "FontDescriptor");
    descriptor.setName(COSName.FONT_NAME, "SimSun");
    descriptor.setInt(COSName.FLAGS, 4);
    descriptor.setItem(COSName.FONT_BBOX, new PDRectangle(0, -200, 1000, 1100).getCOSArray());
    descriptor.setInt(COSName.ITALIC_ANGLE, 0);
    descriptor.setInt(COSName.ASCENT, 900);
    descriptor.setInt(COSName.DESCENT, -200);
    descriptor.setInt(COSName.CAP_HEIGHT, 700);
    descriptor.setInt(COSName.STEM_V, 80);
    COSDictionary systemInfo = new COSDictionary();
    systemInfo.setString(COSName.REGISTRY, "Adobe");
    systemInfo.setString(COSName.ORDERING, "Identity");
    systemInfo.setInt(COSName.SUPPLEMENT, 0);
    COSDictionary cid = new COSDictionary();
    cid.setName(COSName.TYPE, "Font");
    cid.setName(COSName.SUBTYPE, "CIDFontType2");
    cid.setName(COSName.BASE_FONT, "SimSun");
    cid.setItem(COSName.CIDSYSTEMINFO, systemInfo);
    cid.setItem(COSName.FONT_DESC, descriptor);
    cid.setInt(COSName.DW, 1000);
    cid.setName(COSName.CID_TO_GID_MAP, "Identity");
    COSArray descendants = new COSArray();
    descendants.add(cid);
    COSDictionary font = new COSDictionary();
    font.setName(COSName.TYPE, "Font");
    font.setName(COSName.SUBTYPE, "Type0");
    font.setName(COSName.BASE_FONT, "SimSun");
    font.setName(COSName.ENCODING, "Identity-H");
    font.setItem(COSName.DESCENDANT_FONTS, descendants);
    PDStream toUnicode = new PDStream(document);
    try (OutputStream os = toUnicode.createOutputStream()) {
      os.write(toUnicodeMap(chars).getBytes(StandardCharsets.US_ASCII));
    }
    font.setItem(COSName.TO_UNICODE, toUnicode);
    return font;
  }

  private static String toUnicodeMap(List<Integer> chars) {
    StringBuilder map = new StringBuilder();
    map.append("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n")
        .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
        .append("/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n")
        .append("1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
    for (int from = 0; from < chars.size(); from += 100) {
      int to = Math.min(chars.size(), from + 100);
      map.append(to - from).append(" beginbfchar\n");
      for (int i = from; i < to; i++) {
        map.append(String.format("<%04X> <%04X>%n", i + 1, chars.get(i)));
      }
      map.append("endbfchar\n");
    }
    map.append("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    return map.toString();
  }
}
