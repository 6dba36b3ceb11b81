package org.qingshan.server.registry;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a limit impossible, checked before anything is stored (forms and Excel import alike):
 * the reason is a message key of the registry bundle.
 */
public final class LimitRules {
  /** O₂ correction divides by (21 − O₂): a reference of 21 % or more makes 折算 undefined. */
  public static final double AIR_OXYGEN = 21.0;

  private static final Pattern FACTOR = Pattern.compile("[A-Za-z0-9-]{2,16}");

  private LimitRules() {}

  /** The reason the limit cannot be stored at an outlet of this kind, if there is one. */
  public static Optional<String> problem(OutletLimit l, OutletKind outletKind) {
    if (!FACTOR.matcher(l.factor()).matches()) {
      return Optional.of("registry.limit.factor.pattern");
    }
    if (Double.isNaN(l.limit()) || Double.isInfinite(l.limit())) {
      return Optional.of("registry.limit.value.required");
    }
    if (l.limit() < 0) {
      return Optional.of("registry.limit.negative");
    }
    if (l.lowerLimit().isPresent()
        && (l.lowerLimit().getAsDouble() < 0 || l.lowerLimit().getAsDouble() > l.limit())) {
      return Optional.of("registry.limit.lower-invalid");
    }
    if (l.unit().isBlank()) {
      return Optional.of("registry.limit.unit.required");
    }
    if (l.referenceO2().isPresent()) {
      double o2 = l.referenceO2().getAsDouble();
      if (o2 < 0 || o2 >= AIR_OXYGEN) {
        return Optional.of("registry.limit.o2.range");
      }
    }
    if (l.corrected()) {
      if (outletKind == OutletKind.WATER) {
        return Optional.of("registry.limit.o2.water");
      }
      if (l.referenceO2().isEmpty()) {
        return Optional.of("registry.limit.o2.missing");
      }
    } else if (l.referenceO2().isPresent()) {
      return Optional.of("registry.limit.o2.not-corrected");
    }
    return Optional.empty();
  }
}
