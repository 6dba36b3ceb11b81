package org.qingshan.plan.document;

import java.util.ArrayList;
import java.util.List;
import org.qingshan.plan.common.ImportBudget;
import org.qingshan.plan.common.PlanTooLargeException;

/** Reads a .txt plan (a conversion of a Word file, a PDF or a web page) line by line. */
final class PlainTextReader {

  private PlainTextReader() {}

  static SourceDocument read(String fileName, String text, ImportBudget budget)
      throws PlanTooLargeException {
    checkLength(text, budget);
    String[] raw = text.split("\r\n|\r|\n", -1);
    List<SourceLine> lines = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      String cleaned = TextCleaner.clean(raw[i]);
      budget.paragraph(cleaned);
      lines.add(new SourceLine(i + 1, cleaned, cleaned.indexOf('\t') >= 0));
    }
    return new SourceDocument(fileName, lines, false);
  }

  /**
   * Refuses a text far beyond the limits before it is split into lines (each line at most adds one
   * line break to its characters).
   */
  static void checkLength(String text, ImportBudget budget) throws PlanTooLargeException {
    long most = budget.limits().maxCharacters() + (long) budget.limits().maxParagraphs() * 2;
    if (text.length() > most) {
      budget.characters(text.length());
    }
  }
}
