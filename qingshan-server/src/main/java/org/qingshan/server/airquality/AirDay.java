package org.qingshan.server.airquality;

import org.qingshan.standards.air.DailyAirQuality;
import org.qingshan.standards.aqi.AirPollutant;

/** A day's figure of one pollutant as the daily report prints it: O₃ is its 8-hour maximum. */
public final class AirDay {
  private AirDay() {}

  public static String value(DailyAirQuality day, AirPollutant pollutant) {
    if (pollutant == AirPollutant.O3) {
      return day.values().o3Max8Hour().map(v -> v.toPlainString()).orElse("—");
    }
    return day.values().dailyMean(pollutant).map(v -> v.toPlainString()).orElse("—");
  }
}
