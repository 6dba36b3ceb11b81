package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A figure as a department or planner types it (1,200 / 1，200 / 95.5), fitted to the columns that
 * keep figures, DECIMAL(20, 6): 14 digits before the point, 6 after.
 */
final class FigureAmount {
  private static final BigDecimal LARGEST = new BigDecimal("1E14");

  private FigureAmount() {}

  /** The number typed, or empty when it is none or too large to keep. */
  static Optional<BigDecimal> parse(String typed) {
    BigDecimal n;
    try {
      n = new BigDecimal(typed.strip().replace(",", "").replace("，", ""));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    n = n.setScale(6, RoundingMode.HALF_UP);
    return n.abs().compareTo(LARGEST) >= 0 ? Optional.empty() : Optional.of(n.stripTrailingZeros());
  }
}
