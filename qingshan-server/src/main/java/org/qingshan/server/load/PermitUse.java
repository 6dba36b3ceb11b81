package org.qingshan.server.load;

import java.util.OptionalDouble;

/**
 * One pollutant of an enterprise this year: the tonnes emitted so far and the permitted annual
 * tonnes where the permit sets some.
 */
public record PermitUse(
    long enterpriseId,
    String pollutant,
    double tonnesToDate,
    OptionalDouble permittedTonnes,
    PermitStatus status) {

  /** The share of the annual permit used so far, if there is a permit. */
  public OptionalDouble ratio() {
    return permittedTonnes.isPresent() && permittedTonnes.getAsDouble() > 0
        ? OptionalDouble.of(tonnesToDate / permittedTonnes.getAsDouble())
        : OptionalDouble.empty();
  }
}
