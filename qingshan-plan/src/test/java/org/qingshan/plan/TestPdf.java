package org.qingshan.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Writes text lines into a PDF with a CID font (Identity-H) and a ToUnicode map, as Chinese
 * government PDFs do. The font program is not embedded: only the text layer matters to the
 * importer, and the tests then need no CJK font on the machine.
 */
final class TestPdf {

  private TestPdf() {}

  static byte[] write(List<List<String>> pages) throws IOException {
    List<Integer> chars = new ArrayList<>();
    Map<Integer, Integer> index = new HashMap<>();
    for (List<String> lines : pages) {
      for (String line : lines) {
        line.codePoints()
            .forEach(
                c -> {
                  if (!index.containsKey(c)) {
                    index.put(c, chars.size() + 1);
                    chars.add(c);
                  }
                });
      }
    }
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      COSDictionary font = cidFont(document, chars);
      for (List<String> lines : pages) {
        PDPage page = new PDPage();
        document.addPage(page);
        PDResources resources = new PDResources();
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), font);
        resources.getCOSObject().setItem(COSName.FONT, fonts);
        page.setResources(resources);
        StringBuilder content = new StringBuilder("BT /F1 12 Tf 14 TL 40 760 Td\n");
        for (String line : lines) {
          content.append('<');
          line.codePoints().forEach(c -> content.append(String.format("%04X", index.get(c))));
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

  /** Lays paragraphs out as a PDF would: wrapped at a fixed width, pages with page numbers. */
  static List<List<String>> layout(List<String> paragraphs, int width, int linesPerPage) {
    List<List<String>> pages = new ArrayList<>();
    List<String> page = new ArrayList<>();
    for (String paragraph : paragraphs) {
      for (int from = 0; from < paragraph.length(); from += width) {
        page.add(paragraph.substring(from, Math.min(paragraph.length(), from + width)));
        if (page.size() == linesPerPage) {
          page.add("— " + (pages.size() + 1) + " —");
          pages.add(page);
          page = new ArrayList<>();
        }
      }
    }
    if (!page.isEmpty()) {
      pages.add(page);
    }
    return pages;
  }

  private static COSDictionary cidFont(PDDocument document, List<Integer> chars)
      throws IOException {
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
        int c = chars.get(i);
        String unicode =
            c > 0xFFFF
                ? String.format(
                    "%04X%04X", (int) Character.highSurrogate(c), (int) Character.lowSurrogate(c))
                : String.format("%04X", c);
        map.append(String.format("<%04X> <%s>%n", i + 1, unicode));
      }
      map.append("endbfchar\n");
    }
    map.append("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    return map.toString();
  }
}
