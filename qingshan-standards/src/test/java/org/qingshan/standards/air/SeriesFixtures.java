package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.qingshan.standards.aqi.AirPollutant;

/** Builds hourly series where each pollutant has the same value every hour. */
final class SeriesFixtures {
  private SeriesFixtures() {}

  /** SO2 10, NO2 20, PM10 70, CO 1.0, O3 160, PM2.5 35 every hour. */
  static HourlySeries.Builder constant(LocalDate from, LocalDate to) {
    int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    HourlySeries.Builder b = HourlySeries.builder(from, days);
    for (int h = 0; h < days * 24; h++) {
      b.set(AirPollutant.SO2, h, new BigDecimal("10"));
      b.set(AirPollutant.NO2, h, new BigDecimal("20"));
      b.set(AirPollutant.PM10, h, new BigDecimal("70"));
      b.set(AirPollutant.CO, h, new BigDecimal("1.0"));
      b.set(AirPollutant.O3, h, new BigDecimal("160"));
      b.set(AirPollutant.PM25, h, new BigDecimal("35"));
    }
    return b;
  }

  static void fillDay(HourlySeries.Builder b, int day, AirPollutant p, String value) {
    for (int h = day * 24; h < day * 24 + 24; h++) {
      b.set(p, h, new BigDecimal(value));
    }
  }
}
