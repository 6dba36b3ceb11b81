package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.aqi.AirPollutant;
import org.qingshan.standards.aqi.AqiIndicator;
import org.qingshan.standards.aqi.AqiInput;

/**
 * The daily values of one station, rounded for reporting (GB/T 8170: integers, CO one decimal).
 *
 * @param dailyMeans 24-hour means of the pollutants with at least 20 valid hours (O₃ excluded)
 * @param o3MaxHour O₃ 日最大1小时平均 (needed for the 2012 daily AQI)
 * @param o3Max8Hour O₃ 日最大8小时平均 (MDA8), when valid per HJ 663 §6.1.2
 * @param validO3Windows valid 8-hour windows between 08:00 and 24:00 (0–17)
 */
public record DailyAirValues(
    LocalDate date,
    Map<AirPollutant, BigDecimal> dailyMeans,
    Optional<BigDecimal> o3MaxHour,
    Optional<BigDecimal> o3Max8Hour,
    int validO3Windows) {

  public DailyAirValues {
    dailyMeans = Map.copyOf(dailyMeans);
  }

  public Optional<BigDecimal> dailyMean(AirPollutant pollutant) {
    return Optional.ofNullable(dailyMeans.get(pollutant));
  }

  /** Input of the 日报 AQI. */
  public AqiInput toDailyAqiInput() {
    return AqiInput.builder()
        .put(AqiIndicator.SO2_24H, dailyMean(AirPollutant.SO2))
        .put(AqiIndicator.NO2_24H, dailyMean(AirPollutant.NO2))
        .put(AqiIndicator.PM10_24H, dailyMean(AirPollutant.PM10))
        .put(AqiIndicator.CO_24H, dailyMean(AirPollutant.CO))
        .put(AqiIndicator.PM25_24H, dailyMean(AirPollutant.PM25))
        .put(AqiIndicator.O3_1H, o3MaxHour)
        .put(AqiIndicator.O3_8H, o3Max8Hour)
        .build();
  }
}
