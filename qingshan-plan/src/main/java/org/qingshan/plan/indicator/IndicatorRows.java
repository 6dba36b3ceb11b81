package org.qingshan.plan.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.common.ImportWarning;
import org.qingshan.plan.document.Fold;
import org.qingshan.plan.indicator.TableLayout.Column;
import org.qingshan.plan.structure.Numbering;

/** Reads one row of an indicator table: number, name, unit and flags, values, attribute, kind. */
final class IndicatorRows {

  private IndicatorRows() {}

  static IndicatorTarget row(
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
            row.attribute(m.group(1) + "性");
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
    Matcher mark;
    while ((mark = FLAG.matcher(trimmed)).find()) {
      String flag = mark.group(1);
      flags.add(0, flag.equals("＊") ? "*" : flag);
      trimmed = trimmed.substring(0, mark.start()).strip();
    }
    if (unit == null) {
      Matcher m = LAST_PARENTHETICAL.matcher(trimmed);
      if (m.find() && UNIT.matcher(Fold.width(m.group(1)).replace(" ", "")).find()) {
        unit = m.group(1).strip();
        trimmed = trimmed.substring(0, m.start()).strip();
      }
    }
    // A mark before the unit (空气质量优良天数比率①（%）) is a flag too.
    while ((mark = FLAG.matcher(trimmed)).find()) {
      String flag = mark.group(1);
      flags.add(flag.equals("＊") ? "*" : flag);
      trimmed = trimmed.substring(0, mark.start()).strip();
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

  static Optional<String> groupName(List<String> cells) {
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

  /** A category column merged over several rows is blank below its first row. */
  static String categoryOf(List<String> cells, Column[] columns, String current) {
    for (int i = 0; i < columns.length && i < cells.size(); i++) {
      if (columns[i] == Column.CATEGORY && !cells.get(i).isBlank()) {
        return cells.get(i);
      }
    }
    return current;
  }

  static String stripNumber(String cell) {
    Optional<Numbering> number = Numbering.parse(cell);
    return number.map(n -> cell.substring(n.end()).strip()).orElse(cell);
  }

  static final Pattern UNIT =
      Pattern.compile(
          "^(%|‰|%以上|个百分点|[万亿]?吨(标准煤|标煤)?|[万亿]?元|[万]?公顷|[万]?亩|[万]?平方(公里|千米|米)|km2?|km²|公里|千米|米|"
              + "[μu]g/m[³3]|mg/[Lm].*|个|座|家|处|台|辆|天|d|年|[万]?人|[万]?户|t|kg|[万亿]?立方米|m[³3].*|dB.*|分贝|倍|次|项|条|公里/人|标台|蒸吨)$");

  static final Pattern ATTRIBUTE = Pattern.compile("(约束|预期)性?");

  /** A footnote sign after the name: *, ▲, ①, a superscript digit. */
  static final Pattern FLAG = Pattern.compile("\\s*([*＊▲△]|[\\u2460-\\u2473]|[¹²³⁴⁵⁶⁷⁸⁹])$");

  static final Pattern LAST_PARENTHETICAL = Pattern.compile("[(（]([^()（）]*)[)）]$");
}
