package org.qingshan.standards.water;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * 湖库综合营养状态指数 TLI(Σ) = Σ W_j·TLI(j), W_j = r_j² / Σ r_j² over the parameters measured. Formulas from
 * recollection of the national method (reference/standards.md §4.2); check them before publishing.
 *
 * @param value TLI(Σ) to two decimals
 */
public record TrophicStateIndex(BigDecimal value, TrophicState state) {

  /**
   * @throws IllegalArgumentException without chlorophyll a (the reference parameter) or with a
   *     value that is not positive
   */
  public static TrophicStateIndex of(Map<TrophicParameter, BigDecimal> values) {
    if (!values.containsKey(TrophicParameter.CHLA)) {
      throw new IllegalArgumentException("TLI needs chlorophyll a");
    }
    double weights = 0;
    double sum = 0;
    for (Map.Entry<TrophicParameter, BigDecimal> e : values.entrySet()) {
      if (e.getValue().signum() <= 0) {
        throw new IllegalArgumentException(e.getKey() + " must be positive: " + e.getValue());
      }
      double w = e.getKey().correlation() * e.getKey().correlation();
      weights += w;
      sum += w * e.getKey().index(e.getValue().doubleValue());
    }
    BigDecimal tli = BigDecimal.valueOf(sum / weights).setScale(2, RoundingMode.HALF_EVEN);
    return new TrophicStateIndex(tli, TrophicState.of(tli.doubleValue()));
  }
}
