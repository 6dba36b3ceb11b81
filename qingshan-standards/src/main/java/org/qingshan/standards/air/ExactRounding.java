package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * GB/T 8170 rounding of an exact fraction num/den. Means are kept as fractions (a mean of 21 hours
 * is not a finite decimal) and rounded once, so ties such as CO 1.05 are decided exactly.
 */
final class ExactRounding {
  private ExactRounding() {}

  private static final long[] POW10 = {1, 10, 100, 1000};

  /** num/den (den &gt; 0, num ≥ 0) rounded half-even to the given decimals. */
  static BigDecimal halfEven(long numerator, long denominator, int decimals) {
    if (numerator >= 0 && decimals < POW10.length && numerator < Long.MAX_VALUE / 1000) {
      // Integer fast path; the same result as the BigDecimal division below.
      long scaled = numerator * POW10[decimals];
      long q = scaled / denominator;
      long twiceRest = 2 * (scaled % denominator);
      if (twiceRest > denominator || (twiceRest == denominator && (q & 1) == 1)) {
        q++;
      }
      return BigDecimal.valueOf(q, decimals);
    }
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_EVEN);
  }
}
