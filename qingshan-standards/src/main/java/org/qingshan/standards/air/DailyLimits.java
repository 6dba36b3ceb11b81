package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.aqi.AirPollutant;
import org.qingshan.standards.regime.RuleSet;

/** 日评价: a day's values against the GB 3095 24-hour, 8-hour and 1-hour limits. */
final class DailyLimits {
  private final Map<AirPollutant, BigDecimal> daily = new EnumMap<>(AirPollutant.class);
  private final BigDecimal o3EightHour;
  private final BigDecimal o3Hour;

  DailyLimits(RuleSet rules, AirZoneClass zone) {
    for (AirPollutant p : AirPollutant.values()) {
      AirQualityLimits.limit(rules.limits(), p, AveragingPeriod.DAILY, zone)
          .ifPresent(l -> daily.put(p, l));
    }
    o3EightHour =
        AirQualityLimits.limit(
                rules.limits(), AirPollutant.O3, AveragingPeriod.MAX_DAILY_8_HOUR, zone)
            .orElseThrow();
    o3Hour =
        AirQualityLimits.limit(rules.limits(), AirPollutant.O3, AveragingPeriod.HOURLY, zone)
            .orElseThrow();
  }

  List<AirPollutant> exceeded(DailyAirValues values) {
    List<AirPollutant> over = new ArrayList<>();
    daily.forEach(
        (p, limit) -> {
          if (values.dailyMean(p).filter(v -> v.compareTo(limit) > 0).isPresent()) {
            over.add(p);
          }
        });
    if (above(values.o3Max8Hour(), o3EightHour) || above(values.o3MaxHour(), o3Hour)) {
      over.add(AirPollutant.O3);
    }
    return over;
  }

  private static boolean above(Optional<BigDecimal> value, BigDecimal limit) {
    return value.filter(v -> v.compareTo(limit) > 0).isPresent();
  }
}
