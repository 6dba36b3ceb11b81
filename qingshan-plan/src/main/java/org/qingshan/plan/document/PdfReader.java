package org.qingshan.plan.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

  private PdfReader() {}

  static SourceDocument read(String fileName, byte[] bytes) throws PlanImportException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      stripper.setPageEnd("\n");
      String text = stripper.getText(document);
      if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
        throw new PlanImportException("PDF 没有文字层（可能是扫描图像），请提供可复制文字的 PDF 或 Word 文件");
      }
      String[] raw = text.split("\n", -1);
      List<SourceLine> lines = new ArrayList<>(raw.length);
      for (int i = 0; i < raw.length; i++) {
        lines.add(new SourceLine(i + 1, TextCleaner.clean(raw[i]), false));
      }
      return new SourceDocument(fileName, lines, true);
    } catch (InvalidPasswordException e) {
      throw new PlanImportException("PDF 已加密，需要密码才能读取", e);
    } catch (IOException | RuntimeException e) {
      throw new PlanImportException("无法读取 PDF（文件损坏或不是 PDF 格式）：" + WordReader.describe(e), e);
    }
  }
}
