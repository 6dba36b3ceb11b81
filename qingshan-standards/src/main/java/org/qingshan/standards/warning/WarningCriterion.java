package org.qingshan.standards.warning;

import java.time.Duration;

/**
 * "AQI above {@code aqiAbove} lasting at least {@code duration}"; a zero duration means the value
 * occurs at all.
 */
public record WarningCriterion(int aqiAbove, Duration duration) {
  public WarningCriterion {
    if (aqiAbove < 0 || duration.isNegative()) {
      throw new IllegalArgumentException("bad criterion AQI>" + aqiAbove + " for " + duration);
    }
  }

  /** Text form used in threshold tables, e.g. {@code AQI>200 for 48h}. */
  public String toText() {
    return duration.isZero()
        ? "AQI>" + aqiAbove
        : "AQI>" + aqiAbove + " for " + duration.toHours() + "h";
  }
}
