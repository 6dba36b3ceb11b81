package org.qingshan.plan.structure;

import java.util.ArrayList;
import java.util.List;
import org.qingshan.plan.common.ImportBudget;
import org.qingshan.plan.common.PlanTooLargeException;
import org.qingshan.plan.document.SourceLine;

/**
 * Rebuilds logical paragraphs. A page break in a converted PDF leaves a blank line inside a
 * sentence, even inside a word or a responsibility label (责任⏎⏎单位); a paragraph that does not end a
 * sentence continues on the next line unless that line starts a heading or item. For hard-wrapped
 * sources (PDF) a line that reaches the right margin also continues.
 */
public final class ParagraphAssembler {

  private ParagraphAssembler() {}

  public static List<Paragraph> assemble(
      List<SourceLine> lines, boolean hardWrapped, ImportBudget budget)
      throws PlanTooLargeException {
    int fullWidth = hardWrapped ? typicalFullLine(lines) : Integer.MAX_VALUE;
    List<Paragraph> paragraphs = new ArrayList<>();
    Paragraph current = null;
    String lastPart = "";
    for (SourceLine line : lines) {
      budget.checkTime();
      String text = line.text();
      if (text.isBlank()) {
        continue;
      }
      if (line.tableRow()) {
        paragraphs.add(new Paragraph(text, line.number()));
        current = null;
        continue;
      }
      boolean startsNew =
          current == null
              || Numbering.parse(text).isPresent()
              || LineShape.startsWithLabel(text)
              || LineShape.isHeading(current.content())
              || (LineShape.endsTerminal(current.content())
                  && !(hardWrapped && lastPart.length() >= fullWidth));
      if (startsNew) {
        current = new Paragraph(text, line.number());
        paragraphs.add(current);
      } else {
        current.append(text, line.number());
      }
      lastPart = text;
    }
    return paragraphs;
  }

  private static int typicalFullLine(List<SourceLine> lines) {
    int[] lengths =
        lines.stream().mapToInt(l -> l.text().length()).filter(n -> n > 0).sorted().toArray();
    if (lengths.length == 0) {
      return Integer.MAX_VALUE;
    }
    int high = lengths[(int) Math.floor((lengths.length - 1) * 0.9)];
    return Math.max(8, (int) Math.floor(high * 0.9));
  }
}
