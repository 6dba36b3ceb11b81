package org.qingshan.plan.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.qingshan.plan.common.ImportWarning;
import org.qingshan.plan.document.SourceLine;
import org.qingshan.plan.indicator.TableLayout.Column;

/**
 * A table whose columns became spaces (a PDF text layer). Names contain spaces too, so a row is
 * read from the right: attribute, target, baseline (a number with a stray space, 4.812919 1, stays
 * one value), optional unit; the rest is the name. A row wrapped over two lines is joined until its
 * attribute is seen.
 */
final class SpacedTableReader {

  private SpacedTableReader() {}

  private static final Pattern LONG_DECIMAL = Pattern.compile("^\\d+\\.\\d{4,}$");
  private static final Pattern DIGITS_ONLY = Pattern.compile("^\\d{1,3}$");

  static IndicatorTable read(List<SourceLine> lines, int headerIndex) {
    Set<Integer> used = new HashSet<>();
    List<ImportWarning> warnings = new ArrayList<>();
    SourceLine header = lines.get(headerIndex);
    used.add(header.number());
    IndicatorTableReader.markCaption(lines, headerIndex, used);
    List<String> headerCells = IndicatorTableReader.spaced(header.text());
    Column[] columns = TableLayout.columns(headerCells);
    int subHeader = nextNonBlank(lines, headerIndex + 1);
    if (subHeader > 0
        && IndicatorTableReader.isSubHeader(
            IndicatorTableReader.spaced(lines.get(subHeader).text()))) {
      // The years of a header written over two lines: fold them into the value columns.
      List<String> both = new ArrayList<>(headerCells);
      both.addAll(IndicatorTableReader.spaced(lines.get(subHeader).text()));
      headerCells = CellPerLineTableReader.withSubHeader(both);
      columns = TableLayout.columns(headerCells);
      used.add(lines.get(subHeader).number());
      headerIndex = subHeader;
    }
    Optional<Integer> baselineYear = TableLayout.year(headerCells, columns, Column.BASELINE);
    Optional<Integer> targetYear = TableLayout.year(headerCells, columns, Column.TARGET);
    boolean hasAttribute = Arrays.asList(columns).contains(Column.ATTRIBUTE);
    List<IndicatorTarget> rows = new ArrayList<>();
    String category = null;
    StringBuilder pending = new StringBuilder();
    int pendingLine = 0;
    int i = headerIndex + 1;
    for (; i < lines.size(); i++) {
      SourceLine line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String text = line.text().strip();
      if (pending.isEmpty()
          && (IndicatorTableReader.NOTE.matcher(text).find()
              || CellPerLineTableReader.endsTable(text))) {
        break;
      }
      used.add(line.number());
      if (pending.isEmpty()
          && IndicatorRows.groupName(List.of(text)).isPresent()
          && !text.matches(".*\\d.*")) {
        category = IndicatorRows.groupName(List.of(text)).get();
        continue;
      }
      if (pending.isEmpty()) {
        pendingLine = line.number();
      }
      if (!pending.isEmpty() && needsSpace(pending.charAt(pending.length() - 1), text.charAt(0))) {
        pending.append(' ');
      }
      pending.append(text);
      if (hasAttribute && !IndicatorRows.ATTRIBUTE.matcher(text).find()) {
        continue;
      }
      rows.add(
          rowFromText(
              pending.toString(),
              columns,
              category,
              baselineYear,
              targetYear,
              pendingLine,
              warnings));
      pending.setLength(0);
    }
    if (!pending.isEmpty()) {
      warnings.add(new ImportWarning(pendingLine, "指标表最后一行不完整，未导入：" + pending));
    }
    IndicatorTableReader.markNotes(lines, i, used);
    return new IndicatorTable(rows, false, used, warnings);
  }

  private static int nextNonBlank(List<SourceLine> lines, int from) {
    for (int j = from; j < lines.size(); j++) {
      if (!lines.get(j).isBlank()) {
        return j;
      }
    }
    return -1;
  }

  /** A row wrapped inside a number or a Chinese word continues directly; between cells, a space. */
  private static boolean needsSpace(char last, char next) {
    boolean digits = Character.isDigit(last) && (Character.isDigit(next) || next == '.');
    boolean han =
        Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN
            && Character.UnicodeScript.of(next) == Character.UnicodeScript.HAN;
    return !(digits || han);
  }

  private static IndicatorTarget rowFromText(
      String text,
      Column[] columns,
      String category,
      Optional<Integer> baselineYear,
      Optional<Integer> targetYear,
      int line,
      List<ImportWarning> warnings) {
    List<String> tokens = new ArrayList<>(Arrays.asList(text.split("\\s+")));
    String[] cells = new String[columns.length];
    int nameColumn = -1;
    for (int c = columns.length - 1; c >= 0; c--) {
      if (columns[c] == Column.NAME) {
        nameColumn = c;
        break;
      }
      if (tokens.size() <= 1) {
        break;
      }
      String value = tokens.remove(tokens.size() - 1);
      if (DIGITS_ONLY.matcher(value).matches()
          && !tokens.isEmpty()
          && LONG_DECIMAL.matcher(tokens.get(tokens.size() - 1)).matches()) {
        value = tokens.remove(tokens.size() - 1) + " " + value;
      }
      cells[c] = value;
    }
    if (nameColumn < 0) {
      warnings.add(new ImportWarning(line, "指标表此行无法按列读取：" + text));
      nameColumn = 0;
    }
    cells[nameColumn] = String.join(" ", tokens);
    List<String> list = new ArrayList<>();
    for (String cell : cells) {
      list.add(cell == null ? "" : cell);
    }
    return IndicatorRows.row(list, columns, category, baselineYear, targetYear, line, warnings);
  }
}
