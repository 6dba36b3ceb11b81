package org.qingshan.server.evaluation;

import java.math.BigDecimal;
import java.util.Optional;
import org.qingshan.server.plandashboard.IndicatorDirection;
import org.qingshan.server.plandashboard.IndicatorStatus;
import org.qingshan.server.plandashboard.IndicatorTrajectory;

/**
 * An indicator's latest value judged as the plan dashboard judges it ({@link IndicatorStatus}: the
 * straight trajectory from baseline to target, the direction from the indicator, the configured
 * margin for 预警), so the evaluation document and the dashboard never disagree; and the numbers a
 * plan's table writes. Pure: no clock, no I/O.
 */
public final class IndicatorAssessment {
  private IndicatorAssessment() {}

  /** The status of {@code value} measured in {@code year}; 无法评估 when the years make no line. */
  public static EvaluationIndicatorStatus assess(
      IndicatorDirection direction,
      BigDecimal baseline,
      int baselineYear,
      BigDecimal target,
      int targetYear,
      int year,
      BigDecimal value,
      double margin) {
    if (targetYear <= baselineYear) {
      return EvaluationIndicatorStatus.UNKNOWN;
    }
    IndicatorTrajectory line =
        new IndicatorTrajectory(
            baselineYear, baseline.doubleValue(), targetYear, target.doubleValue());
    return switch (IndicatorStatus.judge(direction, line, year, value.doubleValue(), margin)) {
      case ON_TRACK -> EvaluationIndicatorStatus.ON_TRACK;
      case WARNING -> EvaluationIndicatorStatus.WARNING;
      case BEHIND -> EvaluationIndicatorStatus.BEHIND;
    };
  }

  /** A number written in a plan's table (42, 70.5%, ≥80); empty for text (完成市下达任务). */
  public static Optional<BigDecimal> number(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().replaceAll("^[≥≤><＞＜约]+", "").replaceAll("[%％以上下内]+$", "");
    try {
      return t.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(t));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
