package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.qingshan.standards.aqi.AirPollutant;

/**
 * One annual statistic of one pollutant, compared with its GB 3095 limit.
 *
 * @param validDays valid daily values (daily means, or O₃ MDA8) in the period
 * @param valid whether the period has enough valid days (GB 3095 表4)
 * @param value rounded per GB/T 8170 (integer, CO one decimal); empty without any valid day
 */
public record PollutantStatistic(
    AirPollutant pollutant,
    StatisticKind kind,
    int validDays,
    boolean valid,
    Optional<BigDecimal> value,
    BigDecimal limit) {

  /** 达标: enough data and the value is not above the limit. */
  public boolean attained() {
    return valid && value.isPresent() && value.get().compareTo(limit) <= 0;
  }

  /** 超标倍数 (C − S) / S to two decimals, when the value is above the limit. */
  public Optional<BigDecimal> exceedanceMultiple() {
    return value
        .filter(v -> v.compareTo(limit) > 0)
        .map(v -> v.subtract(limit).divide(limit, 2, RoundingMode.HALF_EVEN));
  }
}
