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
 * Finds and reads the indicator table in the layouts counties use: tab-separated rows (text
 * conversions, Word and HTML tables), one cell per line ({@link CellPerLineTableReader}), or rows
 * flattened to spaces in a PDF text layer ({@link SpacedTableReader}). The header row names the
 * columns (指标, 2020年, 2025年, 指标属性, sometimes 序号/类别/单位); group rows such as （一）环境治理 give the
 * category. When only a caption, an image name or the footnote survived, the table is missing.
 */
public final class IndicatorTableReader {

  static final Pattern CAPTION = Pattern.compile("(主要|规划|目标)指标|指标(体系|表)");
  static final Pattern IMAGE =
      Pattern.compile(
          "(?i)(\\.(png|jpe?g|gif|bmp|emf|wmf|tiff?|svg)\\s*$|^\\[?(图片|image|图)\\s*\\d*\\]?$)");
  static final Pattern NOTE = Pattern.compile("^(注|备注|说明)\\s*[:：]");
  static final Pattern NOTE_OF_TABLE = Pattern.compile("累计值|带\\s*\\*|统计口径|指标属性|约束性");

  private IndicatorTableReader() {}

  public static IndicatorTable read(List<SourceLine> source) {
    List<SourceLine> lines = TableView.of(source);
    Optional<IndicatorTable> found = Optional.empty();
    for (int i = 0; i < lines.size() && found.isEmpty(); i++) {
      SourceLine line = lines.get(i);
      if (line.tableRow() && isHeader(TableLayout.cells(line.text()))) {
        found = Optional.of(readRows(lines, i));
      } else if (!line.tableRow() && TableLayout.isNameHeaderCell(line.text())) {
        found = CellPerLineTableReader.readCellPerLine(lines, i);
      } else if (!line.tableRow() && isHeader(spaced(line.text()))) {
        found = Optional.of(SpacedTableReader.read(lines, i));
      }
    }
    if (found.isPresent() && !found.get().rows().isEmpty()) {
      return found.get();
    }
    return missingOrAbsent(lines, found);
  }

  /** Cells of a row whose columns were flattened to spaces (PDF text layers). */
  static List<String> spaced(String text) {
    String stripped = text.strip();
    return stripped.length() > 60 ? List.of() : Arrays.asList(stripped.split("\\s+"));
  }

  /** A header row: a cell naming the indicator column and one naming a value column. */
  static boolean isHeader(List<String> cells) {
    boolean name = cells.stream().anyMatch(TableLayout::isNameHeaderCell);
    boolean value = cells.stream().anyMatch(TableLayout::isValueHeaderCell);
    return name && value;
  }

  private static IndicatorTable readRows(List<SourceLine> lines, int headerIndex) {
    Set<Integer> used = new HashSet<>();
    List<ImportWarning> warnings = new ArrayList<>();
    SourceLine header = lines.get(headerIndex);
    used.add(header.number());
    markCaption(lines, headerIndex, used);
    List<String> headerCells = TableLayout.cells(header.text());
    Column[] columns = TableLayout.columns(headerCells);
    Optional<Integer> baselineYear = TableLayout.year(headerCells, columns, Column.BASELINE);
    Optional<Integer> targetYear = TableLayout.year(headerCells, columns, Column.TARGET);
    List<IndicatorTarget> rows = new ArrayList<>();
    String category = null;
    int i = headerIndex + 1;
    for (; i < lines.size(); i++) {
      SourceLine line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (!line.tableRow()) {
        // A group row written as a line of its own (space-aligned tables): the rows go on after it.
        Optional<String> group = looseGroup(line.text());
        if (group.isPresent() && nextIsTableRow(lines, i + 1)) {
          used.add(line.number());
          category = group.get();
          continue;
        }
        break;
      }
      used.add(line.number());
      List<String> cells = TableLayout.cells(line.text());
      if (rows.isEmpty() && isSubHeader(cells)) {
        // A second header row under merged cells (基期值 | 目标值 over 2020年 | 2025年).
        headerCells = TableLayout.merge(headerCells, cells);
        columns = TableLayout.columns(headerCells);
        baselineYear = TableLayout.year(headerCells, columns, Column.BASELINE);
        targetYear = TableLayout.year(headerCells, columns, Column.TARGET);
        continue;
      }
      Optional<String> group = IndicatorRows.groupName(cells);
      if (group.isPresent()) {
        category = group.get();
        continue;
      }
      Column[] rowColumns = TableLayout.fit(cells, columns);
      category = IndicatorRows.categoryOf(cells, rowColumns, category);
      rows.add(
          IndicatorRows.row(
              cells, rowColumns, category, baselineYear, targetYear, line.number(), warnings));
    }
    markNotes(lines, i, used);
    return new IndicatorTable(rows, false, used, warnings);
  }

  /** Every filled cell is a year or a value word, and at least one is there. */
  static boolean isSubHeader(List<String> cells) {
    List<String> filled = cells.stream().filter(c -> !c.isBlank()).toList();
    return !filled.isEmpty() && filled.stream().allMatch(TableLayout::isSubHeaderCell);
  }

  private static final Pattern LOOSE_GROUP = Pattern.compile("^[\\u4e00-\\u9fff、和与及]{2,12}$");

  static Optional<String> looseGroup(String text) {
    String cell = text.strip();
    if (cell.length() > 20) {
      return Optional.empty();
    }
    Optional<String> numbered = IndicatorRows.groupName(List.of(cell));
    if (numbered.isPresent()) {
      return numbered;
    }
    return LOOSE_GROUP.matcher(cell).matches() ? Optional.of(cell) : Optional.empty();
  }

  private static boolean nextIsTableRow(List<SourceLine> lines, int from) {
    for (int j = from; j < lines.size(); j++) {
      if (!lines.get(j).isBlank()) {
        return lines.get(j).tableRow();
      }
    }
    return false;
  }

  static void markCaption(List<SourceLine> lines, int headerIndex, Set<Integer> used) {
    for (int j = headerIndex - 1; j >= 0 && j >= headerIndex - 4; j--) {
      SourceLine line = lines.get(j);
      if (line.isBlank()) {
        continue;
      }
      if (CAPTION.matcher(line.text()).find() && line.text().length() <= 60) {
        used.add(line.number());
      }
      break;
    }
  }

  static void markNotes(List<SourceLine> lines, int from, Set<Integer> used) {
    for (int j = from; j < lines.size(); j++) {
      SourceLine line = lines.get(j);
      if (line.isBlank()) {
        continue;
      }
      if (NOTE.matcher(line.text()).find() && NOTE_OF_TABLE.matcher(line.text()).find()) {
        used.add(line.number());
        continue;
      }
      break;
    }
  }

  /**
   * No table rows. The table is missing when a caption is followed by an image name or only by the
   * table's footnote, when a header was found but no row under it could be read, or when the
   * document has a table heading (主要指标, 指标体系, 指标表) and nothing of a table is read. A plan without
   * any indicator table (a campaign plan) is not missing anything.
   */
  private static IndicatorTable missingOrAbsent(
      List<SourceLine> lines, Optional<IndicatorTable> headerOnly) {
    if (headerOnly.isPresent()) {
      IndicatorTable table = headerOnly.get();
      int line = table.usedLines().stream().min(Integer::compare).orElse(1);
      List<ImportWarning> warnings = new ArrayList<>(table.warnings());
      warnings.add(new ImportWarning(line, "指标表缺失：找到了指标表的表头，但没有读出任何指标行，需人工录入"));
      return new IndicatorTable(List.of(), true, table.usedLines(), warnings);
    }
    Optional<IndicatorTable> headingOnly = Optional.empty();
    for (int i = 0; i < lines.size(); i++) {
      SourceLine line = lines.get(i);
      String text = line.text().strip();
      if (!isCaption(text)) {
        continue;
      }
      Set<Integer> used = new HashSet<>();
      used.add(line.number());
      String evidence = null;
      int seen = 0;
      for (int j = i + 1; j < lines.size() && seen < 4; j++) {
        SourceLine next = lines.get(j);
        if (next.isBlank()) {
          continue;
        }
        seen++;
        String nextText = next.text().strip();
        if (IMAGE.matcher(nextText).find()) {
          used.add(next.number());
          evidence = nextText;
        } else if (NOTE.matcher(nextText).find() && NOTE_OF_TABLE.matcher(nextText).find()) {
          used.add(next.number());
          if (evidence == null) {
            evidence = "只有表注";
          }
        } else {
          break;
        }
      }
      if (evidence != null) {
        String message = "指标表缺失：原文只剩“" + evidence + "”，指标数值无法读取，需人工录入";
        return new IndicatorTable(
            List.of(), true, used, List.of(new ImportWarning(line.number(), message)));
      }
      if (headingOnly.isEmpty()) {
        String message = "指标表缺失：有指标表标题“" + text + "”，但没有读出任何指标行（表格格式未能识别），需人工核对录入";
        headingOnly =
            Optional.of(
                new IndicatorTable(
                    List.of(), true, Set.of(), List.of(new ImportWarning(line.number(), message))));
      }
    }
    return headingOnly.orElse(new IndicatorTable(List.of(), false, Set.of(), List.of()));
  }

  /**
   * A table heading: a short line naming the indicators (主要指标, 指标体系, 规划指标表), not a sentence that
   * mentions them (完善考核指标体系，…。).
   */
  static boolean isCaption(String text) {
    return CAPTION.matcher(text).find()
        && text.length() <= 60
        && !text.endsWith("。")
        && !text.contains("，")
        && !text.contains("\t");
  }
}
