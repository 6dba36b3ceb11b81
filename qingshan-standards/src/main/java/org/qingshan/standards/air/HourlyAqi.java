package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.qingshan.standards.aqi.AirPollutant;
import org.qingshan.standards.aqi.AqiCalculator;
import org.qingshan.standards.aqi.AqiIndicator;
import org.qingshan.standards.aqi.AqiInput;
import org.qingshan.standards.aqi.AqiReportType;
import org.qingshan.standards.aqi.AqiResult;
import org.qingshan.standards.regime.AqiStandard;
import org.qingshan.standards.regime.RuleSet;

/**
 * 实时报 of one hour from an hourly series. HJ 633—2026 uses the six 1-hour values (PM on the 24 h
 * breakpoints). HJ 633—2012 practice uses the 1-hour gases, the O₃ 8-hour sliding mean and the PM
 * 24-hour sliding means ending with the hour; the SO₂ 24-hour sliding mean is added for the SO₂ 1 h
 * &gt; 800 rule.
 */
public final class HourlyAqi {
  private HourlyAqi() {}

  /**
   * @param hourStart start of the hour reported (the hour h:00–(h+1):00)
   * @param forced a rule set to use instead of the one in force on that date
   */
  public static AqiResult report(
      HourlySeries series, LocalDateTime hourStart, Optional<RuleSet> forced) {
    long h = ChronoUnit.HOURS.between(series.firstDay().atStartOfDay(), hourStart);
    if (h < 0 || h >= series.days() * 24L) {
      throw new IllegalArgumentException(hourStart + " is outside the series");
    }
    int i = (int) h;
    AqiStandard standard = forced.orElseGet(() -> RuleSet.forDate(hourStart.toLocalDate())).aqi();
    AqiInput.Builder in =
        AqiInput.builder()
            .put(AqiIndicator.SO2_1H, hour(series, AirPollutant.SO2, i))
            .put(AqiIndicator.NO2_1H, hour(series, AirPollutant.NO2, i))
            .put(AqiIndicator.CO_1H, hour(series, AirPollutant.CO, i))
            .put(AqiIndicator.O3_1H, hour(series, AirPollutant.O3, i));
    if (standard == AqiStandard.HJ633_2026) {
      in.put(AqiIndicator.PM10_1H, hour(series, AirPollutant.PM10, i))
          .put(AqiIndicator.PM25_1H, hour(series, AirPollutant.PM25, i));
    } else {
      in.put(AqiIndicator.PM10_24H, sliding(series, AirPollutant.PM10, i, 24, 20))
          .put(AqiIndicator.PM25_24H, sliding(series, AirPollutant.PM25, i, 24, 20))
          .put(AqiIndicator.SO2_24H, sliding(series, AirPollutant.SO2, i, 24, 20))
          .put(
              AqiIndicator.O3_8H,
              sliding(series, AirPollutant.O3, i, 8, DataValidity.MIN_HOURS_PER_8_HOUR_WINDOW));
    }
    return AqiCalculator.calculate(standard, AqiReportType.HOURLY, in.build());
  }

  private static Optional<BigDecimal> hour(HourlySeries s, AirPollutant p, int i) {
    int v = s.milli(p)[i];
    return v == HourlySeries.MISSING ? Optional.empty() : Optional.of(BigDecimal.valueOf(v, 3));
  }

  /** Mean of the {@code length} hours ending with hour i, if at least {@code min} are valid. */
  private static Optional<BigDecimal> sliding(
      HourlySeries s, AirPollutant p, int i, int length, int min) {
    int[] milli = s.milli(p);
    long sum = 0;
    int n = 0;
    for (int h = Math.max(0, i - length + 1); h <= i; h++) {
      if (milli[h] != HourlySeries.MISSING) {
        sum += milli[h];
        n++;
      }
    }
    return n < min
        ? Optional.empty()
        : Optional.of(ExactRounding.halfEven(sum, (long) n * HourlySeries.MILLI, p.decimals()));
  }
}
