package org.qingshan.plan.common;

import java.time.Instant;

/**
 * What one import has used of its {@link ImportLimits}: the readers count lines, characters and
 * cells as they produce them, and every long loop asks whether time is left. Not thread-safe: one
 * budget per import.
 */
public final class ImportBudget {
  private final ImportLimits limits;
  private final Instant deadline;
  private long characters;
  private long paragraphs;
  private long cells;
  private long pdfOperators;

  private ImportBudget(ImportLimits limits) {
    this.limits = limits;
    this.deadline = limits.clock().instant().plus(limits.maxDuration());
  }

  /** Starts the clock of one import. */
  public static ImportBudget start(ImportLimits limits) {
    return new ImportBudget(limits);
  }

  public ImportLimits limits() {
    return limits;
  }

  /** Counts one line (paragraph) of the source and its characters. */
  public void paragraph(CharSequence text) throws PlanTooLargeException {
    paragraphs++;
    if (paragraphs > limits.maxParagraphs()) {
      throw new PlanTooLargeException(
          "文件段落过多：超过 " + limits.maxParagraphs() + " 段（行）的上限，不像是一份规划文本，已拒绝导入");
    }
    characters(text.length());
  }

  /** Counts characters that are part of no line (yet). */
  public void characters(long count) throws PlanTooLargeException {
    characters += count;
    ensureRoomFor(0);
  }

  /**
   * Refuses when characters still being read (a PDF page before its lines are made) would not fit
   * beside those counted; they are counted once they become lines.
   */
  public void ensureRoomFor(long pending) throws PlanTooLargeException {
    if (characters + pending > limits.maxCharacters()) {
      throw new PlanTooLargeException(
          "文件文字过多：超过 " + limits.maxCharacters() + " 个字符的上限，不像是一份规划文本，已拒绝导入");
    }
    checkTime();
  }

  /** Counts table cells. */
  public void cells(int count) throws PlanTooLargeException {
    cells += count;
    if (cells > limits.maxTableCells()) {
      throw new PlanTooLargeException("表格单元格过多：超过 " + limits.maxTableCells() + " 个的上限，已拒绝导入");
    }
    checkTime();
  }

  /** Counts one drawing operator of a PDF page. */
  public void pdfOperator() throws PlanTooLargeException {
    pdfOperators++;
    if (pdfOperators > limits.maxPdfOperators()) {
      throw new PlanTooLargeException(
          "PDF 内容过于复杂：绘制指令超过 " + limits.maxPdfOperators() + " 条的上限，不像是一份规划文本，已拒绝导入");
    }
    if ((pdfOperators & 0xFFF) == 0) {
      checkTime();
    }
  }

  /** Refuses to go on once the import has taken longer than its budget. */
  public void checkTime() throws PlanTooLargeException {
    if (limits.clock().instant().isAfter(deadline)) {
      throw new PlanTooLargeException(
          "导入超时：超过 "
              + limits.maxDuration().toSeconds()
              + " 秒仍未完成，已停止（文件过大或结构异常，请拆分文件或另存为 .txt 后再试）");
    }
  }
}
