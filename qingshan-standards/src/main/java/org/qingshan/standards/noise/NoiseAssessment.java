package org.qingshan.standards.noise;

import java.math.BigDecimal;
import java.util.Optional;
import org.qingshan.standards.regime.StandardVersion;

/**
 * A measured level against its GB 3096 limit.
 *
 * @param exceedance dB(A) above the limit, when above
 */
public record NoiseAssessment(
    StandardVersion standard,
    NoiseZoneClass zone,
    NoisePeriod period,
    BigDecimal level,
    int limit,
    Optional<BigDecimal> exceedance) {

  public boolean exceeds() {
    return exceedance.isPresent();
  }
}
