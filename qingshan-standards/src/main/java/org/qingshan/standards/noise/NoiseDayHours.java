package org.qingshan.standards.noise;

import java.time.LocalTime;

/**
 * Where 昼间 starts and ends: 06:00–22:00 by GB 3096—2008, but a county government may set other
 * hours, hence a value rather than constants.
 */
public record NoiseDayHours(LocalTime dayStart, LocalTime nightStart) {
  public static final NoiseDayHours GB3096 =
      new NoiseDayHours(LocalTime.of(6, 0), LocalTime.of(22, 0));

  public NoiseDayHours {
    if (!dayStart.isBefore(nightStart)) {
      throw new IllegalArgumentException("day must start before night");
    }
  }

  public NoisePeriod periodAt(LocalTime time) {
    return !time.isBefore(dayStart) && time.isBefore(nightStart)
        ? NoisePeriod.DAY
        : NoisePeriod.NIGHT;
  }
}
