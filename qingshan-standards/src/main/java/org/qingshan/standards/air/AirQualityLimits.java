package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.aqi.AirPollutant;
import org.qingshan.standards.regime.AirLimitStage;

/**
 * 表1 (basic items) of GB 3095—2012 and of GB 3095—2026 in its transition and final stages. CO in
 * mg/m³, the others in µg/m³.
 */
public final class AirQualityLimits {
  private static final Map<String, BigDecimal[]> LIMITS = new HashMap<>();

  static {
    // {一级, 二级} per stage; order of arguments: 2012, 2026 transition, 2026 final.
    put(AirPollutant.SO2, AveragingPeriod.ANNUAL, "20 60", "20 60", "20 20");
    put(AirPollutant.SO2, AveragingPeriod.DAILY, "50 150", "50 150", "50 50");
    put(AirPollutant.SO2, AveragingPeriod.HOURLY, "150 500", "150 500", "150 150");
    put(AirPollutant.NO2, AveragingPeriod.ANNUAL, "40 40", "40 40", "30 30");
    put(AirPollutant.NO2, AveragingPeriod.DAILY, "80 80", "80 80", "50 50");
    put(AirPollutant.NO2, AveragingPeriod.HOURLY, "200 200", "200 200", "200 200");
    put(AirPollutant.CO, AveragingPeriod.DAILY, "4 4", "4 4", "4 4");
    put(AirPollutant.CO, AveragingPeriod.HOURLY, "10 10", "10 10", "10 10");
    put(AirPollutant.O3, AveragingPeriod.MAX_DAILY_8_HOUR, "100 160", "100 160", "100 160");
    put(AirPollutant.O3, AveragingPeriod.HOURLY, "160 200", "160 200", "160 200");
    put(AirPollutant.PM10, AveragingPeriod.ANNUAL, "40 70", "40 60", "20 50");
    put(AirPollutant.PM10, AveragingPeriod.DAILY, "50 150", "50 120", "50 100");
    put(AirPollutant.PM25, AveragingPeriod.ANNUAL, "15 35", "15 30", "10 25");
    put(AirPollutant.PM25, AveragingPeriod.DAILY, "35 75", "35 60", "25 50");
  }

  private AirQualityLimits() {}

  private static void put(
      AirPollutant p, AveragingPeriod period, String y2012, String transition, String last) {
    String[] stages = {y2012, transition, last};
    for (int s = 0; s < stages.length; s++) {
      String[] v = stages[s].split(" ");
      LIMITS.put(
          key(AirLimitStage.values()[s], p, period),
          new BigDecimal[] {new BigDecimal(v[0]), new BigDecimal(v[1])});
    }
  }

  private static String key(AirLimitStage stage, AirPollutant p, AveragingPeriod period) {
    return stage + "/" + p + "/" + period;
  }

  /** The limit, or empty when GB 3095 sets none (e.g. annual CO). */
  public static Optional<BigDecimal> limit(
      AirLimitStage stage, AirPollutant pollutant, AveragingPeriod period, AirZoneClass zone) {
    BigDecimal[] v = LIMITS.get(key(stage, pollutant, period));
    return v == null ? Optional.empty() : Optional.of(v[zone == AirZoneClass.CLASS_1 ? 0 : 1]);
  }
}
