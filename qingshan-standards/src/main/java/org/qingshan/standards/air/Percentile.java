package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Percentile of HJ 663 附录A: for X(1) ≤ … ≤ X(n), k = 1 + (n−1)·p/100, s = ⌊k⌋, m = X(s) + (X(s+1) −
 * X(s))·(k − s). The same as Excel PERCENTILE.INC or R type 7.
 */
public final class Percentile {
  private Percentile() {}

  /** Exact percentile (no rounding) of the values, or empty for an empty list. */
  public static Optional<BigDecimal> of(List<BigDecimal> values, int p) {
    checkP(p);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<BigDecimal> x = values.stream().sorted().toList();
    int n = x.size();
    // 0-based: k - 1 = (n - 1)·p / 100 = s0 + r/100.
    long scaled = (long) (n - 1) * p;
    int s0 = (int) (scaled / 100);
    long r = scaled % 100;
    if (r == 0) {
      return Optional.of(x.get(s0));
    }
    BigDecimal lo = x.get(s0);
    BigDecimal hi = x.get(s0 + 1);
    return Optional.of(lo.add(hi.subtract(lo).multiply(BigDecimal.valueOf(r, 2))));
  }

  /**
   * Same method on sorted fixed-point numerators; returns the numerator scaled by a further 100, so
   * the result stays exact.
   */
  static long ofSortedTimes100(long[] sorted, int n, int p) {
    long scaled = (long) (n - 1) * p;
    int s0 = (int) (scaled / 100);
    long r = scaled % 100;
    if (r == 0) {
      return sorted[s0] * 100;
    }
    return sorted[s0] * 100 + (sorted[s0 + 1] - sorted[s0]) * r;
  }

  private static void checkP(int p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be 0–100: " + p);
    }
  }
}
