package org.qingshan.plan.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;
import org.qingshan.plan.indicator.TableLayout.Column;

/** The columns of an indicator table as its header names them, and the years they carry. */
final class TableLayout {

  private TableLayout() {}

  enum Column {
    NO,
    CATEGORY,
    NAME,
    UNIT,
    BASELINE,
    TARGET,
    ATTRIBUTE,
    OTHER
  }

  static boolean isNameHeaderCell(String cell) {
    if (cell.length() > 24) {
      return false; // every line is asked; a paragraph is no header cell, and is not folded
    }
    String compact = compact(cell);
    return compact.length() <= 8 && NAME_HEADER.matcher(compact).matches();
  }

  /** A header cell without layout spaces ({@code 指 标} is 指标) or footnote signs. */
  static String compact(String cell) {
    return Fold.width(cell).replaceAll("[\\s*＊]", "");
  }

  /** A header cell naming a value column: a year, 基期值/目标值/现状值/规划值, the attribute. */
  static boolean isValueHeaderCell(String cell) {
    if (cell.length() > 40) {
      return false;
    }
    String compact = compact(cell);
    return compact.length() <= 16 && VALUE_HEADER.matcher(compact).find();
  }

  /** A cell of the second header row: a year alone (2020年, 2025年) or a value word alone. */
  static boolean isSubHeaderCell(String cell) {
    String compact = compact(cell);
    return compact.length() <= 12
        && (YEAR_ONLY.matcher(compact).matches() || VALUE_WORD.matcher(compact).matches());
  }

  /**
   * The header as one row when it is written over two (基期值 | 目标值 over 2020年 | 2025年, or a merged
   * 规划目标 over both years): each lower cell completes the cell above it.
   */
  static List<String> merge(List<String> upper, List<String> lower) {
    List<String> merged = new ArrayList<>();
    for (int i = 0; i < Math.max(upper.size(), lower.size()); i++) {
      String top = i < upper.size() ? upper.get(i).strip() : "";
      String bottom = i < lower.size() ? lower.get(i).strip() : "";
      if (bottom.isEmpty()) {
        merged.add(top);
      } else if (top.isEmpty() || YEAR_ONLY.matcher(compact(bottom)).matches()) {
        merged.add(bottom + (top.isEmpty() || YEAR_IN.matcher(top).find() ? "" : "（" + top + "）"));
      } else {
        merged.add(top + bottom);
      }
    }
    return merged;
  }

  static List<String> cells(String text) {
    return Arrays.stream(text.split("\t", -1)).map(String::strip).toList();
  }

  static Column[] columns(List<String> header) {
    Column[] columns = new Column[header.size()];
    boolean nameSeen = false;
    int years = 0;
    for (int i = 0; i < header.size(); i++) {
      String cell = compact(header.get(i));
      if (cell.matches("^(序号|编号|No\\.?)$")) {
        columns[i] = Column.NO;
      } else if (cell.matches("^(指标)?(类别|领域|类型|分类|方面)$")) {
        columns[i] = Column.CATEGORY;
      } else if (!nameSeen && isNameHeaderCell(cell)) {
        columns[i] = Column.NAME;
        nameSeen = true;
      } else if (cell.matches("^(计量)?单位$")) {
        columns[i] = Column.UNIT;
      } else if (cell.contains("属性") || cell.contains("性质")) {
        columns[i] = Column.ATTRIBUTE;
      } else if (YEAR_IN.matcher(cell).find()
          || cell.contains("基准")
          || cell.contains("基期")
          || cell.contains("现状")) {
        columns[i] = years++ == 0 ? Column.BASELINE : Column.TARGET;
      } else if (cell.contains("目标") || cell.contains("规划值")) {
        columns[i] = Column.TARGET;
      } else {
        columns[i] = Column.OTHER;
      }
    }
    if (years == 1 && !Arrays.asList(columns).contains(Column.TARGET)) {
      // A single year column is the target year (some tables give no baseline).
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] == Column.BASELINE) {
          columns[i] = Column.TARGET;
        }
      }
    }
    return columns;
  }

  /**
   * The columns of a row with fewer cells than the header: a merged cell (类别 spanning rows, a
   * horizontally merged cell) or a space-aligned row lost its empty cells. The columns a row can
   * lack are dropped in this order; names and values stay.
   */
  static Column[] fit(List<String> cells, Column[] columns) {
    int missing = columns.length - cells.size();
    if (missing <= 0) {
      return columns;
    }
    List<Column> kept = new ArrayList<>(Arrays.asList(columns));
    boolean numbered = !cells.isEmpty() && cells.get(0).strip().matches("^\\d{1,3}[.、]?$");
    for (Column droppable :
        numbered
            ? List.of(Column.CATEGORY, Column.OTHER, Column.UNIT)
            : List.of(Column.CATEGORY, Column.NO, Column.OTHER, Column.UNIT)) {
      while (missing > 0 && kept.contains(droppable)) {
        kept.remove(droppable);
        missing--;
      }
    }
    return kept.toArray(Column[]::new);
  }

  static Optional<Integer> year(List<String> header, Column[] columns, Column wanted) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == wanted) {
        Matcher m = FOUR_DIGITS.matcher(header.get(i));
        if (m.find()) {
          return Optional.of(Integer.parseInt(m.group(1)));
        }
      }
    }
    return Optional.empty();
  }

  static boolean isYearsRow(List<String> cells, Column[] columns) {
    boolean year = false;
    for (int i = 0; i < cells.size() && i < columns.length; i++) {
      String cell = cells.get(i).strip();
      if (cell.isEmpty()) {
        continue;
      }
      if (!YEAR.matcher(cell).find() || cell.length() > 12) {
        return false;
      }
      year = true;
    }
    return year;
  }

  static Optional<Integer> yearAt(List<String> cells, Column[] columns, Column wanted) {
    for (int i = 0; i < columns.length && i < cells.size(); i++) {
      Matcher m = FOUR_DIGITS.matcher(cells.get(i));
      if (columns[i] == wanted && m.find()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  static Optional<Integer> baselineYear0(List<String> header, Column[] columns) {
    return year(header, columns, Column.BASELINE);
  }

  static final Pattern NAME_HEADER = Pattern.compile("^(主要|具体|规划|评价|考核)?指标(名称|项|项目|内容)?$");

  static final Pattern VALUE_HEADER = Pattern.compile("(19|20)\\d{2}年?|属性|性质|目标|基期|基准|现状|规划值|预期值");

  static final Pattern VALUE_WORD = Pattern.compile("^(基期|基准|现状|目标|规划|预期)(值|年)?$");

  static final Pattern YEAR_ONLY = Pattern.compile("^(19|20)\\d{2}年?(底|末)?$");

  static final Pattern YEAR_IN = Pattern.compile("(19|20)\\d{2}");

  static final Pattern FOUR_DIGITS = Pattern.compile("(\\d{4})");

  static final Pattern YEAR = Pattern.compile("^(\\d{4})\\s*年?");
}
