package org.qingshan.standards.aqi;

import java.util.List;
import org.qingshan.standards.regime.AqiStandard;

/** 日报 (daily report) or 实时报 (hourly real-time report). */
public enum AqiReportType {
  DAILY("日报"),
  HOURLY("实时报");

  private final String chineseName;

  AqiReportType(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  /**
   * The indicators a complete report contains (HJ 633 §1.3 of the reference). In the 2012 hourly
   * report the PM IAQIs come from 24-hour sliding means, hence the 24h indicators.
   */
  public List<AqiIndicator> indicators(AqiStandard standard) {
    if (this == DAILY) {
      return standard == AqiStandard.HJ633_2012
          ? List.of(
              AqiIndicator.SO2_24H,
              AqiIndicator.NO2_24H,
              AqiIndicator.PM10_24H,
              AqiIndicator.CO_24H,
              AqiIndicator.O3_1H,
              AqiIndicator.O3_8H,
              AqiIndicator.PM25_24H)
          : List.of(
              AqiIndicator.SO2_24H,
              AqiIndicator.NO2_24H,
              AqiIndicator.PM10_24H,
              AqiIndicator.CO_24H,
              AqiIndicator.O3_8H,
              AqiIndicator.PM25_24H);
    }
    return standard == AqiStandard.HJ633_2012
        ? List.of(
            AqiIndicator.SO2_1H,
            AqiIndicator.NO2_1H,
            AqiIndicator.PM10_24H,
            AqiIndicator.CO_1H,
            AqiIndicator.O3_1H,
            AqiIndicator.O3_8H,
            AqiIndicator.PM25_24H)
        : List.of(
            AqiIndicator.SO2_1H,
            AqiIndicator.NO2_1H,
            AqiIndicator.PM10_1H,
            AqiIndicator.CO_1H,
            AqiIndicator.O3_1H,
            AqiIndicator.PM25_1H);
  }
}
