package org.qingshan.plan.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.qingshan.plan.common.ImportBudget;
import org.qingshan.plan.common.ImportLimits;
import org.qingshan.plan.common.PlanImportException;
import org.qingshan.plan.common.PlanTooLargeException;

/**
 * Reads the text layer of a PDF. Lines are layout lines (a paragraph wraps over several), so the
 * document is marked hard-wrapped and paragraphs are rebuilt later. A scan without text layer is
 * refused rather than imported empty. Decoded streams are held in memory up to the import's limit
 * and beyond it in a bounded temporary file; pages, characters and time are counted while the text
 * is extracted, so a PDF of absurd size is stopped at the limit rather than read to its end.
 */
final class PdfReader {

  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "^[-—–－\\s]*(第\\s*)?\\d{1,4}\\s*页?(\\s*[/，,]\\s*共?\\s*\\d+\\s*页?)?[-—–－\\s]*$");

  /** How much larger than the memory for decoded streams their temporary file may grow. */
  private static final int SCRATCH_FILE_FACTOR = 8;

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

  static SourceDocument read(String fileName, byte[] bytes, ImportBudget budget)
      throws PlanImportException {
    ImportLimits limits = budget.limits();
    MemoryUsageSetting memory =
        MemoryUsageSetting.setupMixed(
            limits.maxPdfMemoryBytes(), limits.maxPdfMemoryBytes() * SCRATCH_FILE_FACTOR);
    try (PDDocument document = Loader.loadPDF(bytes, "", null, null, memory.streamCache)) {
      int pages = document.getNumberOfPages();
      if (pages > limits.maxPdfPages()) {
        throw new PlanTooLargeException(
            "PDF 页数过多：共 " + pages + " 页，超过 " + limits.maxPdfPages() + " 页的上限，不像是一份规划文本，已拒绝导入");
      }
      PDFTextStripper stripper = new CountingStripper(budget);
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      List<SourceLine> lines = new ArrayList<>();
      boolean anyText = false;
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        List<String> pageLines = new ArrayList<>();
        for (String raw : stripper.getText(document).split("\n", -1)) {
          pageLines.add(TextCleaner.clean(raw));
        }
        dropPageNumbers(pageLines);
        for (String line : pageLines) {
          anyText |= line.codePoints().anyMatch(Character::isLetterOrDigit);
          budget.paragraph(line);
          lines.add(new SourceLine(lines.size() + 1, line, false));
        }
      }
      if (!anyText) {
        throw new PlanImportException("PDF 没有文字层（可能是扫描图像），请提供可复制文字的 PDF 或 Word 文件");
      }
      return new SourceDocument(fileName, lines, true);
    } catch (OverBudget e) {
      throw e.reason;
    } catch (InvalidPasswordException e) {
      throw new PlanImportException("PDF 已加密，需要密码才能读取", e);
    } catch (IOException | RuntimeException e) {
      throw new PlanImportException("无法读取 PDF（文件损坏或不是 PDF 格式）：" + WordReader.describe(e), e);
    }
  }

  /**
   * Counts the characters a page shows as they are found and the drawing operators, looking at the
   * clock between them: one page may hold an endless content stream, and getText returns only at
   * its end.
   */
  private static final class CountingStripper extends PDFTextStripper {
    private final ImportBudget budget;
    private long pageCharacters;

    CountingStripper(ImportBudget budget) {
      this.budget = budget;
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
      pageCharacters = 0;
      super.startPage(page);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      try {
        budget.pdfOperator();
      } catch (PlanTooLargeException e) {
        throw new OverBudget(e);
      }
      super.processOperator(operator, operands);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
      try {
        pageCharacters += text.getUnicode() == null ? 1 : text.getUnicode().length();
        budget.ensureRoomFor(pageCharacters);
      } catch (PlanTooLargeException e) {
        throw new OverBudget(e);
      }
      super.processTextPosition(text);
    }
  }

  /** Carries a refusal out of PDFBox's callbacks, which may not throw it. */
  private static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PlanTooLargeException reason;

    OverBudget(PlanTooLargeException reason) {
      super(reason.getMessage(), null, false, false);
      this.reason = reason;
    }
  }
}
