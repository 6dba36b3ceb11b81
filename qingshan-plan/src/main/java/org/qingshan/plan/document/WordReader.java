package org.qingshan.plan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.qingshan.plan.common.ImportBudget;
import org.qingshan.plan.common.PlanImportException;

/**
 * Reads a .docx: each paragraph is a line; each row of a real Word table is one tab-separated line
 * marked as a table row, so an indicator table in Word is read as a table, not as loose text. Line
 * numbers count paragraphs and table rows in document order.
 */
final class WordReader {

  private WordReader() {}

  static SourceDocument read(String fileName, byte[] bytes, ImportBudget budget)
      throws PlanImportException {
    try {
      PackageScan.check(bytes, budget);
    } catch (IOException | RuntimeException e) {
      throw new PlanImportException("无法读取 Word 文档（文件损坏或不是 .docx 格式）：" + describe(e), e);
    }
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      List<SourceLine> lines = new ArrayList<>();
      AutoNumbers numbers = new AutoNumbers();
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          String text = numbers.prefix(paragraph) + paragraph.getText();
          add(lines, TextCleaner.clean(text), false, budget);
        } else if (element instanceof XWPFTable table) {
          boolean box = table.getRows().stream().allMatch(r -> r.getTableCells().size() == 1);
          for (XWPFTableRow row : table.getRows()) {
            budget.cells(row.getTableCells().size());
            if (box) {
              // A one-column table is a framed box (专栏) or framed text: its paragraphs are lines.
              for (XWPFParagraph paragraph : row.getCell(0).getParagraphs()) {
                add(lines, TextCleaner.clean(paragraph.getText()), false, budget);
              }
            } else {
              add(lines, rowText(row), true, budget);
            }
          }
          add(lines, "", false, budget);
        }
      }
      return new SourceDocument(fileName, lines, false);
    } catch (IOException | RuntimeException e) {
      throw new PlanImportException("无法读取 Word 文档（文件损坏或不是 .docx 格式）：" + describe(e), e);
    }
  }

  private static void add(
      List<SourceLine> lines, String text, boolean tableRow, ImportBudget budget)
      throws PlanImportException {
    budget.paragraph(text);
    lines.add(new SourceLine(lines.size() + 1, text, tableRow));
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

  /**
   * Word's automatic numbering is not part of the paragraph text; headings numbered by Word (一、,
   * （一）, 1.) would be lost. The numbers are recounted from the numbering definitions.
   */
  private static final class AutoNumbers {
    private final Map<BigInteger, int[]> counters = new HashMap<>();

    String prefix(XWPFParagraph paragraph) {
      BigInteger id = paragraph.getNumID();
      String pattern = paragraph.getNumLevelText();
      String format = paragraph.getNumFmt();
      if (id == null
          || pattern == null
          || format == null
          || format.equals("bullet")
          || format.equals("none")) {
        return "";
      }
      int level =
          paragraph.getNumIlvl() == null ? 0 : Math.min(8, paragraph.getNumIlvl().intValue());
      int[] count = counters.computeIfAbsent(id, k -> new int[9]);
      count[level]++;
      Arrays.fill(count, level + 1, 9, 0);
      String text = pattern;
      for (int i = 0; i <= level; i++) {
        text =
            text.replace(
                "%" + (i + 1), format(Math.max(1, count[i]), i == level ? format : "decimal"));
      }
      return text;
    }

    private static String format(int n, String format) {
      return switch (format) {
        case "chineseCounting",
                "chineseCountingThousand",
                "ideographTraditional",
                "japaneseCounting",
                "ideographDigital",
                "taiwaneseCounting",
                "taiwaneseCountingThousand" ->
            chinese(n);
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
            n >= 1 && n <= 20 ? String.valueOf((char) ('\u2460' + n - 1)) : String.valueOf(n);
        case "lowerLetter" -> String.valueOf((char) ('a' + (n - 1) % 26));
        case "upperLetter" -> String.valueOf((char) ('A' + (n - 1) % 26));
        default -> String.valueOf(n);
      };
    }

    private static String chinese(int n) {
      String digits = "零一二三四五六七八九";
      if (n < 10) {
        return String.valueOf(digits.charAt(n));
      }
      if (n < 100) {
        String tens = n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10));
        return tens + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
      }
      return String.valueOf(n);
    }
  }

  static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
