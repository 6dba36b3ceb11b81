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
              || TableLayout.isValueHeaderCell(cell)
              || TableLayout.compact(cell).matches("^(序号|编号|类别|领域|方面|(计量)?单位)$");
      if (!headerLike) {
        break;
      }
      headerCells.add(cell);
      used.add(line.number());
    }
    headerCells = withSubHeader(headerCells);
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
      // A merged category stood on its own line above; the row has the other columns.
      Column[] rowColumns = TableLayout.fit(cells, columns);
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

  /**
   * A header written over two rows, one cell per line: the years (2020年, 2025年) come after the
   * cells they complete (基期值, 目标值, or one merged 规划目标 over both). They are folded into those cells,
   * so the header has one cell per column.
   */
  static List<String> withSubHeader(List<String> header) {
    int years = 0;
    while (years < header.size()
        && TableLayout.YEAR_ONLY
            .matcher(TableLayout.compact(header.get(header.size() - 1 - years)))
            .matches()) {
      years++;
    }
    if (years == 0 || years == header.size()) {
      return header;
    }
    List<String> upper = new ArrayList<>(header.subList(0, header.size() - years));
    List<String> lower = header.subList(header.size() - years, header.size());
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < upper.size(); i++) {
      String cell = TableLayout.compact(upper.get(i));
      if (TableLayout.isValueHeaderCell(cell)
          && !TableLayout.YEAR_IN.matcher(cell).find()
          && !cell.contains("属性")
          && !cell.contains("性质")) {
        open.add(i);
      }
    }
    if (open.size() == years) {
      for (int k = 0; k < years; k++) {
        upper.set(open.get(k), lower.get(k) + "（" + upper.get(open.get(k)) + "）");
      }
      return upper;
    }
    if (open.size() == 1) {
      // One merged cell (规划目标) over all the years.
      int at = open.get(0);
      upper.remove(at);
      upper.addAll(at, lower);
      return upper;
    }
    return header;
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
