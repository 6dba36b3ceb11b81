package org.qingshan.standards.noise;

import java.math.BigDecimal;
import java.util.Optional;
import org.qingshan.standards.regime.StandardVersion;

/** Compares measured levels with GB 3096—2008. */
public final class NoiseEvaluator {
  /** Night-time sudden noise L_max may exceed the night limit by at most 15 dB(A). */
  public static final int NIGHT_MAX_MARGIN = 15;

  private NoiseEvaluator() {}

  /** Equivalent level L_Aeq of a period; a level equal to the limit complies. */
  public static NoiseAssessment equivalentLevel(
      NoiseZoneClass zone, NoisePeriod period, BigDecimal leq) {
    return assess(zone, period, leq, zone.limit(period));
  }

  /** Night-time maximum level L_max (突发噪声) against night limit + 15 dB(A). */
  public static NoiseAssessment nightMaximum(NoiseZoneClass zone, BigDecimal lmax) {
    return assess(zone, NoisePeriod.NIGHT, lmax, zone.limit(NoisePeriod.NIGHT) + NIGHT_MAX_MARGIN);
  }

  private static NoiseAssessment assess(
      NoiseZoneClass zone, NoisePeriod period, BigDecimal level, int limit) {
    BigDecimal over = level.subtract(BigDecimal.valueOf(limit));
    return new NoiseAssessment(
        StandardVersion.GB3096_2008,
        zone,
        period,
        level,
        limit,
        over.signum() > 0 ? Optional.of(over) : Optional.empty());
  }
}
