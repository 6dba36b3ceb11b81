package org.qingshan.plan.indicator;

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
    return cell.length() <= 8 && NAME_HEADER.matcher(Fold.width(cell).strip()).matches();
  }

  static List<String> cells(String text) {
    return Arrays.stream(text.split("\t", -1)).map(String::strip).toList();
  }

  static Column[] columns(List<String> header) {
    Column[] columns = new Column[header.size()];
    boolean nameSeen = false;
    int years = 0;
    for (int i = 0; i < header.size(); i++) {
      String cell = Fold.width(header.get(i)).strip();
      if (cell.matches("^(序号|编号|No\\.?)$")) {
        columns[i] = Column.NO;
      } else if (cell.matches("^(类别|领域|类型|分类)$")) {
        columns[i] = Column.CATEGORY;
      } else if (!nameSeen && isNameHeaderCell(cell)) {
        columns[i] = Column.NAME;
        nameSeen = true;
      } else if (cell.matches("^(计量)?单位$")) {
        columns[i] = Column.UNIT;
      } else if (YEAR.matcher(cell).find() || cell.contains("基准") || cell.contains("现状")) {
        columns[i] = years++ == 0 ? Column.BASELINE : Column.TARGET;
      } else if (cell.contains("目标")) {
        columns[i] = Column.TARGET;
      } else if (cell.contains("属性") || cell.equals("性质")) {
        columns[i] = Column.ATTRIBUTE;
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

  static final Pattern NAME_HEADER = Pattern.compile("^(主要)?指标(名称|项|内容)?$");

  static final Pattern FOUR_DIGITS = Pattern.compile("(\\d{4})");

  static final Pattern YEAR = Pattern.compile("^(\\d{4})\\s*年?");
}
