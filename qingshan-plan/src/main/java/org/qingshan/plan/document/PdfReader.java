package org.qingshan.plan.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.qingshan.plan.PlanImportException;

/**
 * Reads the text layer of a PDF. Lines are layout lines (a paragraph wraps over several), so the
 * document is marked hard-wrapped and paragraphs are rebuilt later. A scan without text layer is
 * refused rather than imported empty.
 */
final class PdfReader {

  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "^[-—–－\\s]*(第\\s*)?\\d{1,4}\\s*页?(\\s*[/，,]\\s*共?\\s*\\d+\\s*页?)?[-—–－\\s]*$");

  private PdfReader() {}

  /** Page numbers (— 12 —, 第3页) at the top or bottom of a page would otherwise split sentences. */
  private static void dropPageNumbers(List<String> page) {
    while (!page.isEmpty() && page.get(page.size() - 1).isBlank()) {
      page.remove(page.size() - 1);
    }
    if (!page.isEmpty() && PAGE_NUMBER.matcher(page.get(page.size() - 1)).matches()) {
      page.remove(page.size() - 1);
    }
    while (!page.isEmpty() && page.get(0).isBlank()) {
      page.remove(0);
    }
    if (!page.isEmpty() && PAGE_NUMBER.matcher(page.get(0)).matches()) {
      page.remove(0);
    }
  }

  static SourceDocument read(String fileName, byte[] bytes) throws PlanImportException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      List<SourceLine> lines = new ArrayList<>();
      boolean anyText = false;
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        List<String> pageLines = new ArrayList<>();
        for (String raw : stripper.getText(document).split("\n", -1)) {
          pageLines.add(TextCleaner.clean(raw));
        }
        dropPageNumbers(pageLines);
        for (String line : pageLines) {
          anyText |= line.codePoints().anyMatch(Character::isLetterOrDigit);
          lines.add(new SourceLine(lines.size() + 1, line, false));
        }
      }
      if (!anyText) {
        throw new PlanImportException("PDF 没有文字层（可能是扫描图像），请提供可复制文字的 PDF 或 Word 文件");
      }
      return new SourceDocument(fileName, lines, true);
    } catch (InvalidPasswordException e) {
      throw new PlanImportException("PDF 已加密，需要密码才能读取", e);
    } catch (IOException | RuntimeException e) {
      throw new PlanImportException("无法读取 PDF（文件损坏或不是 PDF 格式）：" + WordReader.describe(e), e);
    }
  }
}
