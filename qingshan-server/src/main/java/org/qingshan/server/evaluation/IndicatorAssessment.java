package org.qingshan.server.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Judges an indicator's latest value against the straight trajectory from its baseline to its
 * target: at or beyond the value needed by that year 达标; short of it but with at least {@link
 * #BEHIND_SHARE} of the needed change made 滞后; less (or moved the wrong way) 预警. The direction
 * (lower is better, as for PM2.5) follows from target against baseline. Pure: no clock, no I/O.
 */
public final class IndicatorAssessment {
  /** The share of the needed change below which a lag becomes a warning. */
  public static final BigDecimal BEHIND_SHARE = new BigDecimal("0.5");

  private IndicatorAssessment() {}

  /** The value the trajectory needs in {@code year}; empty when the years do not make a line. */
  public static Optional<BigDecimal> needed(
      BigDecimal baseline, int baselineYear, BigDecimal target, int targetYear, int year) {
    if (targetYear <= baselineYear) {
      return Optional.empty();
    }
    if (year >= targetYear) {
      return Optional.of(target);
    }
    if (year <= baselineYear) {
      return Optional.of(baseline);
    }
    BigDecimal share =
        BigDecimal.valueOf(year - baselineYear)
            .divide(BigDecimal.valueOf(targetYear - baselineYear), MathContext.DECIMAL64);
    return Optional.of(
        baseline.add(target.subtract(baseline).multiply(share)).setScale(4, RoundingMode.HALF_UP));
  }

  /** The status of {@code value} measured in {@code year}. */
  public static EvaluationIndicatorStatus assess(
      BigDecimal baseline,
      int baselineYear,
      BigDecimal target,
      int targetYear,
      int year,
      BigDecimal value) {
    Optional<BigDecimal> need = needed(baseline, baselineYear, target, targetYear, year);
    if (need.isEmpty()) {
      return EvaluationIndicatorStatus.UNKNOWN;
    }
    // Lower is better when the target lies below the baseline: compare on the "gain" axis.
    int sign = target.compareTo(baseline) < 0 ? -1 : 1;
    BigDecimal gained = value.subtract(baseline).multiply(BigDecimal.valueOf(sign));
    BigDecimal neededGain = need.get().subtract(baseline).multiply(BigDecimal.valueOf(sign));
    if (gained.compareTo(neededGain) >= 0) {
      return EvaluationIndicatorStatus.ON_TRACK;
    }
    if (gained.signum() <= 0) {
      return EvaluationIndicatorStatus.WARNING;
    }
    return gained.compareTo(neededGain.multiply(BEHIND_SHARE)) >= 0
        ? EvaluationIndicatorStatus.BEHIND
        : EvaluationIndicatorStatus.WARNING;
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
