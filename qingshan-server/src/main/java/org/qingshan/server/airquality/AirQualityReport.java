package org.qingshan.server.airquality;

import java.time.LocalDate;
import java.util.List;
import org.qingshan.server.device.Device;
import org.qingshan.standards.air.DailyAirQuality;

/** One station's days, and its share of good days (优良天数比率) over the valid ones. */
public record AirQualityReport(
    Device station, LocalDate from, LocalDate to, List<DailyAirQuality> days) {

  public AirQualityReport {
    days = List.copyOf(days);
  }

  public long validDays() {
    return days.stream().filter(DailyAirQuality::effective).count();
  }

  public long goodDays() {
    return days.stream().filter(DailyAirQuality::goodOrExcellent).count();
  }

  public double goodRate() {
    return validDays() == 0 ? 0 : (double) goodDays() / validDays();
  }
}
