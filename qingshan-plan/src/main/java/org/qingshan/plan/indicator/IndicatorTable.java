package org.qingshan.plan.indicator;

import java.util.List;
import java.util.Set;
import org.qingshan.plan.common.ImportWarning;

/**
 * The indicator table of a plan. {@code missing} is true when the document shows that a table was
 * there (caption, image name, footnote) but its values did not survive; nothing is invented then.
 * {@code usedLines} are the source line numbers the table occupied, so they are not read as text.
 */
public record IndicatorTable(
    List<IndicatorTarget> rows,
    boolean missing,
    Set<Integer> usedLines,
    List<ImportWarning> warnings) {

  public IndicatorTable {
    rows = List.copyOf(rows);
    usedLines = Set.copyOf(usedLines);
    warnings = List.copyOf(warnings);
  }
}
