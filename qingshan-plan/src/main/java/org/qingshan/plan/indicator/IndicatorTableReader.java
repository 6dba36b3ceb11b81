package org.qingshan.plan.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.ImportWarning;
import org.qingshan.plan.document.Fold;
import org.qingshan.plan.document.SourceLine;
import org.qingshan.plan.structure.Numbering;

/**
 * Finds and reads the indicator table in the layouts counties use: tab-separated rows (text
 * conversions and Word tables), or one cell per line. The header row names the columns (指标, 2020年,
 * 2025年, 指标属性, sometimes 序号/类别/单位); group rows such as （一）环境治理 give the category.
 */
public final class IndicatorTableReader {
  private static final Pattern LEADING_HEADER = Pattern.compile("^(序号|编号|类别|领域|类型|分类)$");
  private static final Pattern NAME_HEADER = Pattern.compile("^(主要)?指标(名称|项|内容)?$");
  private static final Pattern FOUR_DIGITS = Pattern.compile("(\\d{4})");
  private static final Pattern LAST_PARENTHETICAL = Pattern.compile("[(（]([^()（）]*)[)）]$");

  private static final Pattern CAPTION = Pattern.compile("(主要|规划|目标)指标|指标(体系|表)");
  private static final Pattern IMAGE =
      Pattern.compile(
          "(?i)(\\.(png|jpe?g|gif|bmp|emf|wmf|tiff?|svg)\\s*$|^\\[?(图片|image|图)\\s*\\d*\\]?$)");
  private static final Pattern NOTE = Pattern.compile("^(注|备注|说明)\\s*[:：]");
  private static final Pattern NOTE_OF_TABLE = Pattern.compile("累计值|带\\s*\\*|统计口径|指标属性|约束性");
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})\\s*年?");
  private static final Pattern ATTRIBUTE = Pattern.compile("约束性|预期性");
  private static final Pattern UNIT =
      Pattern.compile(
          "^(%|‰|%以上|个百分点|[万亿]?吨(标准煤|标煤)?|[万亿]?元|[万]?公顷|[万]?亩|[万]?平方(公里|千米|米)|km2?|km²|公里|千米|米|"
              + "[μu]g/m[³3]|mg/[Lm].*|个|座|家|处|台|辆|天|d|年|[万]?人|[万]?户|t|kg|[万亿]?立方米|m[³3].*|dB.*|分贝|倍|次|项|条|公里/人|标台|蒸吨)$");

  private enum Column {
    NO,
    CATEGORY,
    NAME,
    UNIT,
    BASELINE,
    TARGET,
    ATTRIBUTE,
    OTHER
  }

  private IndicatorTableReader() {}

  public static IndicatorTable read(List<SourceLine> lines) {
    for (int i = 0; i < lines.size(); i++) {
      SourceLine line = lines.get(i);
      if (line.tableRow() && isHeader(cells(line.text()))) {
        return readRows(lines, i);
      }
      if (!line.tableRow() && isNameHeaderCell(line.text())) {
        Optional<IndicatorTable> table = readCellPerLine(lines, i);
        if (table.isPresent()) {
          return table.get();
        }
      }
      if (!line.tableRow() && isHeader(spaced(line.text()))) {
        return SpacedRows.read(lines, i);
      }
    }
    return missingOrAbsent(lines);
  }

  /** Cells of a row whose columns were flattened to spaces (PDF text layers). */
  static List<String> spaced(String text) {
    String stripped = text.strip();
    return stripped.length() > 60 ? List.of() : Arrays.asList(stripped.split("\\s+"));
  }

  /**
   * A table whose columns became spaces (a PDF text layer). Names contain spaces too, so a row is
   * read from the right: attribute, target, baseline (a number with a stray space, 4.812919 1,
   * stays one value), optional unit; the rest is the name. A row wrapped over two lines is joined
   * until its attribute is seen.
   */
  private static final class SpacedRows {
    private static final Pattern LONG_DECIMAL = Pattern.compile("^\\d+\\.\\d{4,}$");
    private static final Pattern DIGITS_ONLY = Pattern.compile("^\\d{1,3}$");

    static IndicatorTable read(List<SourceLine> lines, int headerIndex) {
      Set<Integer> used = new HashSet<>();
      List<ImportWarning> warnings = new ArrayList<>();
      SourceLine header = lines.get(headerIndex);
      used.add(header.number());
      markCaption(lines, headerIndex, used);
      List<String> headerCells = spaced(header.text());
      Column[] columns = columns(headerCells);
      Optional<Integer> baselineYear = year(headerCells, columns, Column.BASELINE);
      Optional<Integer> targetYear = year(headerCells, columns, Column.TARGET);
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
        if (pending.isEmpty() && (NOTE.matcher(text).find() || endsTable(text))) {
          break;
        }
        used.add(line.number());
        if (pending.isEmpty() && groupName(List.of(text)).isPresent() && !text.matches(".*\\d.*")) {
          category = groupName(List.of(text)).get();
          continue;
        }
        if (pending.isEmpty()) {
          pendingLine = line.number();
        }
        if (!pending.isEmpty()
            && needsSpace(pending.charAt(pending.length() - 1), text.charAt(0))) {
          pending.append(' ');
        }
        pending.append(text);
        if (hasAttribute && !ATTRIBUTE.matcher(text).find()) {
          continue;
        }
        rows.add(
            row(
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
      markNotes(lines, i, used);
      return new IndicatorTable(rows, false, used, warnings);
    }

    /**
     * A row wrapped inside a number or a Chinese word continues directly; between cells, a space.
     */
    private static boolean needsSpace(char last, char next) {
      boolean digits = Character.isDigit(last) && (Character.isDigit(next) || next == '.');
      boolean han =
          Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN
              && Character.UnicodeScript.of(next) == Character.UnicodeScript.HAN;
      return !(digits || han);
    }

    private static IndicatorTarget row(
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
      return IndicatorTableReader.row(
          list, columns, category, baselineYear, targetYear, line, warnings);
    }
  }

  private static boolean isHeader(List<String> cells) {
    boolean name = cells.stream().anyMatch(IndicatorTableReader::isNameHeaderCell);
    boolean value =
        cells.stream()
            .anyMatch(c -> YEAR.matcher(c).find() || c.contains("属性") || c.contains("目标值"));
    return name && value;
  }

  private static boolean isNameHeaderCell(String cell) {
    return cell.length() <= 8 && NAME_HEADER.matcher(Fold.width(cell).strip()).matches();
  }

  private static List<String> cells(String text) {
    return Arrays.stream(text.split("\t", -1)).map(String::strip).toList();
  }

  private static IndicatorTable readRows(List<SourceLine> lines, int headerIndex) {
    Set<Integer> used = new HashSet<>();
    List<ImportWarning> warnings = new ArrayList<>();
    SourceLine header = lines.get(headerIndex);
    used.add(header.number());
    markCaption(lines, headerIndex, used);
    List<String> headerCells = cells(header.text());
    Column[] columns = columns(headerCells);
    Optional<Integer> baselineYear = year(headerCells, columns, Column.BASELINE);
    Optional<Integer> targetYear = year(headerCells, columns, Column.TARGET);
    List<IndicatorTarget> rows = new ArrayList<>();
    String category = null;
    int i = headerIndex + 1;
    for (; i < lines.size(); i++) {
      SourceLine line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (!line.tableRow()) {
        break;
      }
      used.add(line.number());
      List<String> cells = cells(line.text());
      if (rows.isEmpty() && isYearsRow(cells, columns)) {
        // A second header row under merged cells (基准值 | 目标值 over 2020年 | 2025年).
        baselineYear =
            yearAt(cells, columns, Column.BASELINE).or(() -> baselineYear0(headerCells, columns));
        targetYear =
            yearAt(cells, columns, Column.TARGET)
                .or(() -> year(headerCells, columns, Column.TARGET));
        continue;
      }
      Optional<String> group = groupName(cells);
      if (group.isPresent()) {
        category = group.get();
        continue;
      }
      category = categoryOf(cells, columns, category);
      rows.add(row(cells, columns, category, baselineYear, targetYear, line.number(), warnings));
    }
    markNotes(lines, i, used);
    return new IndicatorTable(rows, false, used, warnings);
  }

  private static Optional<IndicatorTable> readCellPerLine(List<SourceLine> lines, int nameCell) {
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
          isNameHeaderCell(cell)
              || YEAR.matcher(cell).find() && cell.length() <= 16
              || cell.matches("^(序号|编号|类别|领域|单位|计量单位|(指标)?属性|性质)$");
      if (!headerLike) {
        break;
      }
      headerCells.add(cell);
      used.add(line.number());
    }
    Column[] columns = columns(headerCells);
    if (headerCells.size() < 3 || Arrays.stream(columns).noneMatch(c -> c == Column.TARGET)) {
      return Optional.empty();
    }
    markCaption(lines, start, used);
    Optional<Integer> baselineYear = year(headerCells, columns, Column.BASELINE);
    Optional<Integer> targetYear = year(headerCells, columns, Column.TARGET);
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
      if (NOTE.matcher(text).find() || endsTable(text)) {
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
              : grouped ? Optional.of(stripNumber(cells.get(0))) : groupName(List.of(cells.get(0)));
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
      category = categoryOf(cells, rowColumns, category);
      rows.add(row(cells, rowColumns, category, baselineYear, targetYear, rowLine, warnings));
    }
    markNotes(lines, i, used);
    return Optional.of(new IndicatorTable(rows, false, used, warnings));
  }

  private static boolean isYearsRow(List<String> cells, Column[] columns) {
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

  private static Optional<Integer> yearAt(List<String> cells, Column[] columns, Column wanted) {
    for (int i = 0; i < columns.length && i < cells.size(); i++) {
      Matcher m = FOUR_DIGITS.matcher(cells.get(i));
      if (columns[i] == wanted && m.find()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> baselineYear0(List<String> header, Column[] columns) {
    return year(header, columns, Column.BASELINE);
  }

  private static String stripNumber(String cell) {
    Optional<Numbering> number = Numbering.parse(cell);
    return number.map(n -> cell.substring(n.end()).strip()).orElse(cell);
  }

  private static List<List<SourceLine>> chunks(List<List<SourceLine>> groups, int width) {
    List<List<SourceLine>> rows = new ArrayList<>();
    List<SourceLine> row = new ArrayList<>();
    for (List<SourceLine> g : groups) {
      for (SourceLine line : g) {
        if (row.isEmpty() && groupName(List.of(line.text().strip())).isPresent()) {
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

  /** A category column merged over several rows is blank below its first row. */
  private static String categoryOf(List<String> cells, Column[] columns, String current) {
    for (int i = 0; i < columns.length && i < cells.size(); i++) {
      if (columns[i] == Column.CATEGORY && !cells.get(i).isBlank()) {
        return cells.get(i);
      }
    }
    return current;
  }

  private static boolean endsTable(String text) {
    Optional<Numbering> number = Numbering.parse(text);
    boolean chapter =
        number.isPresent() && number.get().style().rank() <= Numbering.Style.CHAPTER.rank();
    return chapter || text.length() > 60;
  }

  private static Column[] columns(List<String> header) {
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

  private static Optional<Integer> year(List<String> header, Column[] columns, Column wanted) {
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

  private static Optional<String> groupName(List<String> cells) {
    List<String> filled = cells.stream().filter(c -> !c.isBlank()).distinct().toList();
    if (filled.size() != 1) {
      return Optional.empty();
    }
    String cell = filled.get(0);
    Optional<Numbering> number = Numbering.parse(cell);
    if (number.isPresent()
        && (number.get().style() == Numbering.Style.SECTION
            || number.get().style() == Numbering.Style.CHAPTER)) {
      return Optional.of(cell.substring(number.get().end()).strip());
    }
    return cells.size() > 1 ? Optional.of(cell) : Optional.empty();
  }

  private static IndicatorTarget row(
      List<String> cells,
      Column[] columns,
      String category,
      Optional<Integer> baselineYear,
      Optional<Integer> targetYear,
      int line,
      List<ImportWarning> warnings) {
    IndicatorTarget.Builder row = IndicatorTarget.builder().line(line).category(category);
    String name = "";
    String unit = null;
    String no = null;
    IndicatorValue baseline = null;
    IndicatorValue target = null;
    for (int i = 0; i < columns.length && i < cells.size(); i++) {
      String cell = cells.get(i);
      switch (columns[i]) {
        case NO -> no = cell;
        case CATEGORY -> {
          if (!cell.isBlank()) {
            row.category(cell);
          }
        }
        case NAME -> name = cell;
        case UNIT -> unit = cell.isBlank() ? null : cell;
        case BASELINE -> baseline = IndicatorValue.of(cell, baselineYear);
        case TARGET -> target = IndicatorValue.of(cell, targetYear);
        case ATTRIBUTE -> {
          Matcher m = ATTRIBUTE.matcher(cell);
          if (m.find()) {
            row.attribute(m.group());
          } else if (!cell.isBlank()) {
            warnings.add(new ImportWarning(line, "指标属性不是约束性或预期性：" + cell));
          }
        }
        default -> {}
      }
    }
    Optional<Numbering> number = Numbering.parse(name);
    if (number.isPresent() && number.get().style() == Numbering.Style.ITEM) {
      if (no == null) {
        no = number.get().value();
      }
      name = name.substring(number.get().end());
    }
    List<String> flags = new ArrayList<>();
    String trimmed = name.strip();
    while (trimmed.endsWith("*") || trimmed.endsWith("＊") || trimmed.endsWith("▲")) {
      String flag = trimmed.substring(trimmed.length() - 1);
      flags.add(0, flag.equals("＊") ? "*" : flag);
      trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
    }
    if (unit == null) {
      Matcher m = LAST_PARENTHETICAL.matcher(trimmed);
      if (m.find() && UNIT.matcher(Fold.width(m.group(1)).replace(" ", "")).find()) {
        unit = m.group(1).strip();
        trimmed = trimmed.substring(0, m.start()).strip();
      }
    }
    if (target == null) {
      warnings.add(new ImportWarning(line, "指标行没有目标值：" + trimmed));
    }
    TargetKind kind =
        target == null
            ? TargetKind.NONE
            : TargetKindRule.of(trimmed, Optional.ofNullable(baseline), target);
    return row.no(no == null ? "" : no)
        .name(trimmed)
        .unit(unit)
        .flags(flags)
        .baseline(baseline)
        .target(target)
        .targetKind(kind)
        .build();
  }

  private static void markCaption(List<SourceLine> lines, int headerIndex, Set<Integer> used) {
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

  private static void markNotes(List<SourceLine> lines, int from, Set<Integer> used) {
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
   * No table rows: the table is missing when a caption is followed by an image name, or when the
   * table's own footnote stands alone. A plan without any indicator table (a campaign plan) is not
   * missing anything.
   */
  private static IndicatorTable missingOrAbsent(List<SourceLine> lines) {
    for (int i = 0; i < lines.size(); i++) {
      SourceLine line = lines.get(i);
      String text = line.text().strip();
      if (!CAPTION.matcher(text).find() || text.length() > 60 || text.endsWith("。")) {
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
    }
    return new IndicatorTable(List.of(), false, Set.of(), List.of());
  }
}
