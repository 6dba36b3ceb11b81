package org.qingshan.standards.aqi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.qingshan.standards.regime.AqiStandard;

/** IAQI of one concentration per 式1 of HJ 633, with the special rules above the top breakpoints. */
public final class IaqiCalculator {
  private static final BigDecimal EIGHT_HUNDRED = BigDecimal.valueOf(800);

  private IaqiCalculator() {}

  /**
   * The IAQI of a concentration, or empty when the standard computes none: PM 1h under 2012 (no
   * column), and under 2012 SO₂ 1h above 800 and O₃ 8h above 800, which are reported from another
   * indicator by {@link AqiCalculator}.
   *
   * @throws IllegalArgumentException for a negative concentration
   */
  public static Optional<Iaqi> calculate(
      AqiStandard standard, AqiIndicator indicator, BigDecimal concentration) {
    if (concentration.signum() < 0) {
      throw new IllegalArgumentException("negative concentration " + concentration);
    }
    BigDecimal c = ConcentrationRounding.round(indicator.pollutant(), concentration);
    BigDecimal[] bp = BreakpointTable.concentrations(standard, indicator);
    if (bp.length == 0) {
      return Optional.empty();
    }
    boolean is2026 = standard == AqiStandard.HJ633_2026;
    if (indicator == AqiIndicator.SO2_1H && c.compareTo(EIGHT_HUNDRED) > 0) {
      return is2026
          ? Optional.of(new Iaqi(indicator, c, 200, IaqiRule.SO2_1H_ABOVE_800_IS_200))
          : Optional.empty();
    }
    if (indicator == AqiIndicator.O3_8H && c.compareTo(EIGHT_HUNDRED) > 0) {
      return is2026
          ? Optional.of(new Iaqi(indicator, c, 300, IaqiRule.O3_8H_ABOVE_800_IS_300))
          : Optional.empty();
    }
    if (c.compareTo(bp[bp.length - 1]) > 0) {
      return Optional.of(new Iaqi(indicator, c, 500, IaqiRule.CAPPED_AT_500));
    }
    for (int i = 0; i + 1 < bp.length; i++) {
      if (c.compareTo(bp[i + 1]) <= 0) {
        int lo = BreakpointTable.iaqiLevel(i);
        int hi = BreakpointTable.iaqiLevel(i + 1);
        // Exact ceiling of (hi-lo)(c-BPlo)/(BPhi-BPlo): a float result such as 100.0000001 must
        // not become 101.
        return Optional.of(
            new Iaqi(indicator, c, lo + ceilingStep(hi - lo, c, bp[i], bp[i + 1]), IaqiRule.TABLE));
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static int ceilingStep(int span, BigDecimal c, BigDecimal lo, BigDecimal hi) {
    // c has at most one decimal after rounding and the breakpoints are integers, so the ratio
    // is a ratio of longs; BigDecimal stays as the general path.
    if (c.scale() >= 0 && c.scale() <= 1 && c.precision() < 15) {
      long scale = c.scale() == 0 ? 1 : 10;
      long num = span * (c.unscaledValue().longValue() - lo.longValueExact() * scale);
      long den = (hi.longValueExact() - lo.longValueExact()) * scale;
      return (int) ((num + den - 1) / den); // num ≥ 0: c lies in the segment
    }
    return BigDecimal.valueOf(span)
        .multiply(c.subtract(lo))
        .divide(hi.subtract(lo), 0, RoundingMode.CEILING)
        .intValueExact();
  }
}
