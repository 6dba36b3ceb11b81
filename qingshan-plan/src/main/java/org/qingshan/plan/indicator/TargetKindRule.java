package org.qingshan.plan.indicator;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/** Decides what kind of target a cell states and, for numbers, which direction is better. */
final class TargetKindRule {

  private static final Pattern ASSIGNED = Pattern.compile("下达|分解|上级|以.{0,6}为准|待定|另行");
  private static final Pattern RELATIVE =
      Pattern.compile("(较|比)\\s*\\d{4}\\s*年?.{0,6}(减少|下降|降低|提高|增加|增长|削减|上升)");
  private static final Pattern CUMULATIVE = Pattern.compile("^[\\[【].*[\\]】]$|累计");
  private static final Pattern HIGHER_BETTER =
      Pattern.compile(
          "好于|优良|达标|利用率|治理率|处理率|覆盖率|收集率|保有率|比重|减排量|削减量|降低|下降|减少|森林|绿化|湿地|面积|蓄积|保护率|修复率|安全利用|指数");
  private static final Pattern REDUCTION = Pattern.compile("(降低|下降|减少|削减|减排量|削减量)率?$");
  private static final Pattern LOWER_BETTER =
      Pattern.compile("浓度|劣[ⅤV]|[ⅤV]类|黑臭|重污染|施用量|使用量|排放量|排放总量|消耗量|能耗|强度|超标");

  private TargetKindRule() {}

  static TargetKind of(String name, Optional<IndicatorValue> baseline, IndicatorValue target) {
    String text = Fold.width(target.written()).strip();
    if (target.isNone()) {
      return TargetKind.NONE;
    }
    if (ASSIGNED.matcher(text).find()) {
      return TargetKind.ASSIGNED;
    }
    if (RELATIVE.matcher(text).find()) {
      return TargetKind.RELATIVE;
    }
    if (CUMULATIVE.matcher(text).find()) {
      return TargetKind.CUMULATIVE;
    }
    if (target.number().isEmpty()) {
      return TargetKind.QUALITATIVE;
    }
    // The cell itself may say which way: ≤35, 80以上.
    if (text.startsWith("≤")
        || text.startsWith("<")
        || text.endsWith("以下")
        || text.endsWith("以内")) {
      return TargetKind.NUMERIC_LOWER_BETTER;
    }
    if (text.startsWith("≥") || text.startsWith(">") || text.endsWith("以上")) {
      return TargetKind.NUMERIC_HIGHER_BETTER;
    }
    return direction(name, baseline.flatMap(IndicatorValue::number), target.number().get());
  }

  private static TargetKind direction(
      String name, Optional<BigDecimal> baseline, BigDecimal target) {
    String meaning = Fold.meaning(name).replaceAll("[(][^)]*[)]$", "");
    if (REDUCTION.matcher(meaning).find()) {
      return TargetKind.NUMERIC_HIGHER_BETTER;
    }
    if (LOWER_BETTER.matcher(meaning).find() && !meaning.contains("好于")) {
      return TargetKind.NUMERIC_LOWER_BETTER;
    }
    if (HIGHER_BETTER.matcher(meaning).find()) {
      return TargetKind.NUMERIC_HIGHER_BETTER;
    }
    if (baseline.isPresent() && baseline.get().compareTo(target) != 0) {
      return baseline.get().compareTo(target) > 0
          ? TargetKind.NUMERIC_LOWER_BETTER
          : TargetKind.NUMERIC_HIGHER_BETTER;
    }
    return TargetKind.NUMERIC;
  }
}
