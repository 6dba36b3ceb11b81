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
import org.qingshan.plan.structure.Numbering;

/**
 * An indicator table written one cell per line: rows separated by blank lines when the conversion
 * kept them, otherwise cut by the number of header cells.
 */
final class CellPerLineTableReader {

  private CellPerLineTableReader() {}

  static Optional<IndicatorTable> readCellPerLine(List<SourceLine> lines, int nameCell) {
    int start = nameCell;
    while (start > 0
        && !lines.get(start - 1).isBlank()
        && LEADING_HEADER.matcher(lines.get(start - 1).text().strip()).matches()) {
      start--;
    }
    List<String> headerCells = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    int i = start;
    for (; i < lines.size() && headerCells.size() < 8; i++) {
      SourceLine line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String cell = line.text().strip();
      boolean headerLike =
          TableLayout.isNameHeaderCell(cell)
              || TableLayout.YEAR.matcher(cell).find() && cell.length() <= 16
              || cell.matches("^(序号|编号|类别|领域|单位|计量单位|(指标)?属性|性质)$");
      if (!headerLike) {
        break;
      }
      headerCells.add(cell);
      used.add(line.number());
    }
    Column[] columns = TableLayout.columns(headerCells);
    if (headerCells.size() < 3 || Arrays.stream(columns).noneMatch(c -> c == Column.TARGET)) {
      return Optional.empty();
    }
    IndicatorTableReader.markCaption(lines, start, used);
    Optional<Integer> baselineYear = TableLayout.year(headerCells, columns, Column.BASELINE);
    Optional<Integer> targetYear = TableLayout.year(headerCells, columns, Column.TARGET);
    List<IndicatorTarget> rows = new ArrayList<>();
    List<ImportWarning> warnings = new ArrayList<>();
    List<List<SourceLine>> groups = new ArrayList<>();
    List<SourceLine> group = new ArrayList<>();
    for (; i < lines.size(); i++) {
      SourceLine line = lines.get(i);
      if (line.isBlank()) {
        if (!group.isEmpty()) {
          groups.add(group);
          group = new ArrayList<>();
        }
        continue;
      }
      String text = line.text().strip();
      if (IndicatorTableReader.NOTE.matcher(text).find() || endsTable(text)) {
        break;
      }
      used.add(line.number());
      group.add(line);
    }
    if (!group.isEmpty()) {
      groups.add(group);
    }
    // Blank lines between rows (one cell per line inside a row) tell where rows end, even when a
    // row lacks a cell; without them, rows are cut by the number of header cells.
    boolean grouped =
        groups.size() > 1
            && groups.stream().anyMatch(g -> g.size() > 1)
            && groups.stream().allMatch(g -> g.size() <= columns.length);
    List<List<SourceLine>> rowsOfCells = grouped ? groups : chunks(groups, columns.length);
    String category = null;
    for (List<SourceLine> cellLines : rowsOfCells) {
      List<String> cells = cellLines.stream().map(l -> l.text().strip()).toList();
      Optional<String> groupName =
          cells.size() != 1
              ? Optional.empty()
              : grouped
                  ? Optional.of(IndicatorRows.stripNumber(cells.get(0)))
                  : IndicatorRows.groupName(List.of(cells.get(0)));
      if (groupName.isPresent()) {
        category = groupName.get();
        continue;
      }
      int rowLine = cellLines.get(0).number();
      Column[] rowColumns = columns;
      if (cells.size() < columns.length && Arrays.asList(columns).contains(Column.CATEGORY)) {
        // The category stood on its own line above (a merged cell); the row has the other columns.
        rowColumns =
            Arrays.stream(columns).filter(c -> c != Column.CATEGORY).toArray(Column[]::new);
      }
      if (cells.size() != rowColumns.length) {
        warnings.add(
            new ImportWarning(
                rowLine,
                "指标表此行有 "
                    + cells.size()
                    + " 个单元格，表头有 "
                    + columns.length
                    + " 列，请核对："
                    + String.join(" | ", cells)));
      }
      category = IndicatorRows.categoryOf(cells, rowColumns, category);
      rows.add(
          IndicatorRows.row(
              cells, rowColumns, category, baselineYear, targetYear, rowLine, warnings));
    }
    IndicatorTableReader.markNotes(lines, i, used);
    return Optional.of(new IndicatorTable(rows, false, used, warnings));
  }

  static List<List<SourceLine>> chunks(List<List<SourceLine>> groups, int width) {
    List<List<SourceLine>> rows = new ArrayList<>();
    List<SourceLine> row = new ArrayList<>();
    for (List<SourceLine> g : groups) {
      for (SourceLine line : g) {
        if (row.isEmpty() && IndicatorRows.groupName(List.of(line.text().strip())).isPresent()) {
          rows.add(List.of(line));
          continue;
        }
        row.add(line);
        if (row.size() == width) {
          rows.add(row);
          row = new ArrayList<>();
        }
      }
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return rows;
  }

  static final Pattern LEADING_HEADER = Pattern.compile("^(序号|编号|类别|领域|类型|分类)$");

  static boolean endsTable(String text) {
    Optional<Numbering> number = Numbering.parse(text);
    boolean chapter =
        number.isPresent() && number.get().style().rank() <= Numbering.Style.CHAPTER.rank();
    return chapter || text.length() > 60;
  }
}
