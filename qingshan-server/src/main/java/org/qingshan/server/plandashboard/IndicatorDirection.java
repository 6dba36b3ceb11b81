package org.qingshan.server.plandashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Which way an indicator improves. The importer's kind says so when it could tell; otherwise the
 * indicator's words decide (a concentration falls, a ratio rises), and last the plan's own numbers
 * (a target below the baseline means lower is better).
 */
public enum IndicatorDirection {
  LOWER_IS_BETTER,
  HIGHER_IS_BETTER;

  private static final List<String> LOWER = List.of("浓度", "下降", "降低", "减少", "排放", "强度", "劣");
  private static final List<String> HIGHER = List.of("比例", "比率", "达到", "率", "覆盖", "提高", "增加");

  public static IndicatorDirection of(
      String kind, String name, Optional<BigDecimal> baseline, Optional<BigDecimal> target) {
    if ("numeric_lower_better".equals(kind)) {
      return LOWER_IS_BETTER;
    }
    if ("numeric_higher_better".equals(kind)) {
      return HIGHER_IS_BETTER;
    }
    String n = name == null ? "" : name;
    // 劣Ⅴ类比例 is a share that should fall: the lower-is-better words are looked at first.
    if (LOWER.stream().anyMatch(n::contains)) {
      return LOWER_IS_BETTER;
    }
    if (HIGHER.stream().anyMatch(n::contains)) {
      return HIGHER_IS_BETTER;
    }
    if (baseline.isPresent() && target.isPresent()) {
      return target.get().compareTo(baseline.get()) < 0 ? LOWER_IS_BETTER : HIGHER_IS_BETTER;
    }
    return HIGHER_IS_BETTER;
  }

  /** How far {@code actual} is better than {@code needed}: negative when it falls short. */
  public double lead(double actual, double needed) {
    return this == LOWER_IS_BETTER ? needed - actual : actual - needed;
  }
}
