package org.qingshan.plan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.qingshan.plan.PlanImportException;

/**
 * Reads a .docx: each paragraph is a line; each row of a real Word table is one tab-separated line
 * marked as a table row, so an indicator table in Word is read as a table, not as loose text. Line
 * numbers count paragraphs and table rows in document order.
 */
final class WordReader {

  private WordReader() {}

  static SourceDocument read(String fileName, byte[] bytes) throws PlanImportException {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      List<SourceLine> lines = new ArrayList<>();
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          lines.add(
              new SourceLine(lines.size() + 1, TextCleaner.clean(paragraph.getText()), false));
        } else if (element instanceof XWPFTable table) {
          for (XWPFTableRow row : table.getRows()) {
            lines.add(new SourceLine(lines.size() + 1, rowText(row), true));
          }
          lines.add(new SourceLine(lines.size() + 1, "", false));
        }
      }
      return new SourceDocument(fileName, lines, false);
    } catch (IOException | RuntimeException e) {
      throw new PlanImportException("无法读取 Word 文档（文件损坏或不是 .docx 格式）：" + describe(e), e);
    }
  }

  private static String rowText(XWPFTableRow row) {
    StringBuilder text = new StringBuilder();
    List<XWPFTableCell> cells = row.getTableCells();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append('\t');
      }
      // A cell may hold several paragraphs; inside a cell they belong to one value.
      text.append(TextCleaner.clean(cells.get(i).getText().replace('\n', ' ').replace('\t', ' ')));
    }
    return text.toString();
  }

  static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
