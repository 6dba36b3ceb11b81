package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * GB/T 8170 rounding of an exact fraction num/den. Means are kept as fractions (a mean of 21 hours
 * is not a finite decimal) and rounded once, so ties such as CO 1.05 are decided exactly.
 */
final class ExactRounding {
  private ExactRounding() {}

  static BigDecimal halfEven(long numerator, long denominator, int decimals) {
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_EVEN);
  }
}
