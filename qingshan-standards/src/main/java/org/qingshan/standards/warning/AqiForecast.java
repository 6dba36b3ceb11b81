package org.qingshan.standards.warning;

import java.time.Duration;
import java.util.List;

/**
 * A forecast AQI series at a fixed step: daily AQI (step 24 h), or rolling 24-hour AQI each hour
 * (step 1 h) where a plan counts "连续24小时（可跨自然日）".
 */
public record AqiForecast(List<Integer> aqi, Duration step) {
  public AqiForecast {
    aqi = List.copyOf(aqi);
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive");
    }
  }

  public static AqiForecast daily(List<Integer> aqi) {
    return new AqiForecast(aqi, Duration.ofHours(24));
  }

  /** Longest run of consecutive values above the threshold, as a duration. */
  Duration longestRunAbove(int threshold) {
    int best = 0;
    int run = 0;
    for (int v : aqi) {
      run = v > threshold ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return step.multipliedBy(best);
  }
}
