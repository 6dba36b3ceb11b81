package org.qingshan.standards.blackodorous;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.regime.StandardVersion;

/**
 * Grades samples, 检测点 and water bodies per 城市黑臭水体整治工作指南. The ORP thresholds and the point and
 * water-body aggregation rules are from recollection of the guide (reference/standards.md §5) and
 * must be checked against its text.
 */
public final class BlackOdorousEvaluator {
  private static final BigDecimal SD_LIGHT = BigDecimal.valueOf(25);
  private static final BigDecimal SD_HEAVY = BigDecimal.valueOf(10);
  private static final BigDecimal SHALLOW_FACTOR = new BigDecimal("0.4");
  private static final BigDecimal DO_LIGHT = new BigDecimal("2.0");
  private static final BigDecimal DO_HEAVY = new BigDecimal("0.2");
  private static final BigDecimal ORP_LIGHT = BigDecimal.valueOf(50);
  private static final BigDecimal ORP_HEAVY = BigDecimal.valueOf(-200);
  private static final BigDecimal NH3N_LIGHT = new BigDecimal("8.0");
  private static final BigDecimal NH3N_HEAVY = BigDecimal.valueOf(15);

  /** The rule set every grade of this class follows. */
  public static final StandardVersion STANDARD = StandardVersion.BLACK_ODOROUS_2015;

  private BlackOdorousEvaluator() {}

  /** Grade of each measured indicator of a sample. */
  public static Map<BlackOdorousIndicator, BlackOdorousGrade> indicatorGrades(
      BlackOdorousSample s) {
    Map<BlackOdorousIndicator, BlackOdorousGrade> g = new EnumMap<>(BlackOdorousIndicator.class);
    transparency(s).ifPresent(v -> g.put(BlackOdorousIndicator.TRANSPARENCY, v));
    s.dissolvedOxygen()
        .ifPresent(
            v -> g.put(BlackOdorousIndicator.DISSOLVED_OXYGEN, atLeast(v, DO_LIGHT, DO_HEAVY)));
    s.orp().ifPresent(v -> g.put(BlackOdorousIndicator.ORP, atLeast(v, ORP_LIGHT, ORP_HEAVY)));
    s.ammoniaNitrogen()
        .ifPresent(
            v ->
                g.put(
                    BlackOdorousIndicator.AMMONIA_NITROGEN,
                    v.compareTo(NH3N_HEAVY) > 0
                        ? BlackOdorousGrade.HEAVY
                        : v.compareTo(NH3N_LIGHT) > 0
                            ? BlackOdorousGrade.LIGHT
                            : BlackOdorousGrade.NONE));
    return g;
  }

  /** Worst indicator grade of a sample; empty when nothing was measured. */
  public static Optional<BlackOdorousGrade> grade(BlackOdorousSample s) {
    return indicatorGrades(s).values().stream().reduce(BlackOdorousGrade::worse);
  }

  /**
   * A 检测点 is 重度 when one indicator has ≥ 60 % of its data at 重度, or at least two indicators each
   * have ≥ 30 %; otherwise 轻度 if any value is 黑臭, else 不黑臭.
   */
  public static Optional<BlackOdorousGrade> gradePoint(List<BlackOdorousSample> samples) {
    Map<BlackOdorousIndicator, int[]> counts = new EnumMap<>(BlackOdorousIndicator.class);
    boolean anyBlack = false;
    for (BlackOdorousSample s : samples) {
      for (Map.Entry<BlackOdorousIndicator, BlackOdorousGrade> e : indicatorGrades(s).entrySet()) {
        int[] c = counts.computeIfAbsent(e.getKey(), k -> new int[2]);
        c[0]++;
        if (e.getValue() == BlackOdorousGrade.HEAVY) {
          c[1]++;
        }
        anyBlack |= e.getValue() != BlackOdorousGrade.NONE;
      }
    }
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    int atThirty = 0;
    for (int[] c : counts.values()) {
      if (100L * c[1] >= 60L * c[0]) {
        return Optional.of(BlackOdorousGrade.HEAVY);
      }
      if (100L * c[1] >= 30L * c[0]) {
        atThirty++;
      }
    }
    if (atThirty >= 2) {
      return Optional.of(BlackOdorousGrade.HEAVY);
    }
    return Optional.of(anyBlack ? BlackOdorousGrade.LIGHT : BlackOdorousGrade.NONE);
  }

  /** A water body is 重度 when ≥ 60 % of its points are; otherwise its worst remaining grade. */
  public static Optional<BlackOdorousGrade> gradeWaterBody(List<BlackOdorousGrade> points) {
    if (points.isEmpty()) {
      return Optional.empty();
    }
    long heavy = points.stream().filter(p -> p == BlackOdorousGrade.HEAVY).count();
    if (100L * heavy >= 60L * points.size()) {
      return Optional.of(BlackOdorousGrade.HEAVY);
    }
    boolean any = points.stream().anyMatch(p -> p != BlackOdorousGrade.NONE);
    return Optional.of(any ? BlackOdorousGrade.LIGHT : BlackOdorousGrade.NONE);
  }

  private static Optional<BlackOdorousGrade> transparency(BlackOdorousSample s) {
    Optional<BigDecimal> depth = s.waterDepthCm();
    if (depth.isPresent() && depth.get().compareTo(SD_LIGHT) < 0) {
      // Shallower than 25 cm: the threshold is 40 % of the depth; a visible bottom is not black.
      if (s.clearToBottom()) {
        return Optional.of(BlackOdorousGrade.NONE);
      }
      return s.transparencyCm()
          .map(
              sd ->
                  sd.compareTo(depth.get().multiply(SHALLOW_FACTOR)) >= 0
                      ? BlackOdorousGrade.LIGHT
                      : BlackOdorousGrade.HEAVY);
    }
    return s.transparencyCm().map(sd -> atLeast(sd, SD_LIGHT, SD_HEAVY));
  }

  /** For indicators where higher is cleaner: ≥ light → 不黑臭, ≥ heavy → 轻度, below → 重度. */
  private static BlackOdorousGrade atLeast(BigDecimal v, BigDecimal light, BigDecimal heavy) {
    if (v.compareTo(light) >= 0) {
      return BlackOdorousGrade.NONE;
    }
    return v.compareTo(heavy) >= 0 ? BlackOdorousGrade.LIGHT : BlackOdorousGrade.HEAVY;
  }
}
