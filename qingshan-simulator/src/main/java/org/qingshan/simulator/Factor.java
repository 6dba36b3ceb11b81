package org.qingshan.simulator;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A monitored factor of a simulated device and how its values behave.
 *
 * @param code HJ 212 factor code (w01018, a21026...) or a 2005 code for legacy devices
 * @param name Chinese name
 * @param unit unit of the concentration (or of the value)
 * @param base typical value
 * @param dailySwing relative amplitude of the daily cycle (0.2 = ±20 %)
 * @param peakHour hour of the day at which the cycle peaks
 * @param noise relative random noise
 * @param limit emission or alarm limit, if any (exceedances are drawn above it)
 * @param converted whether a converted (折算, Zs) value is sent (flue gas pollutants)
 * @param total whether a cumulative amount (Cou) is sent, and its unit
 */
public record Factor(
    String code,
    String name,
    String unit,
    double base,
    double dailySwing,
    int peakHour,
    double noise,
    OptionalDouble limit,
    boolean converted,
    Optional<String> total) {

  /** A factor without limit, conversion or total. */
  public static Factor plain(
      String code,
      String name,
      String unit,
      double base,
      double swing,
      int peakHour,
      double noise) {
    return new Factor(
        code,
        name,
        unit,
        base,
        swing,
        peakHour,
        noise,
        OptionalDouble.empty(),
        false,
        Optional.empty());
  }

  /** A pollutant of a source with an emission limit and a total in {@code totalUnit}. */
  public static Factor pollutant(
      String code,
      String name,
      String unit,
      double base,
      double limit,
      boolean converted,
      String totalUnit) {
    return new Factor(
        code,
        name,
        unit,
        base,
        0.25,
        10,
        0.08,
        OptionalDouble.of(limit),
        converted,
        Optional.of(totalUnit));
  }
}
