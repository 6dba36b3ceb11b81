package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.qingshan.standards.aqi.AirPollutant;

/**
 * 环境空气质量综合指数 I_sum = Σ C_i / S_i over the six pollutants (环办监测〔2018〕19号): annual means for SO₂,
 * NO₂, PM10, PM2.5, CO 95th and O₃ MDA8 90th percentile, over the 二级 limits of the rule set.
 * Unweighted; the weighted 2026 variant seen in third-party code is not confirmed.
 *
 * @param subIndices I_i rounded to two decimals
 * @param value I_sum rounded to two decimals (from the unrounded I_i)
 * @param largest 单项指数最大者, the composite index's primary pollutant(s)
 */
public record CompositeIndex(
    BigDecimal value, Map<AirPollutant, BigDecimal> subIndices, List<AirPollutant> largest) {
  public CompositeIndex {
    subIndices = Map.copyOf(subIndices);
    largest = List.copyOf(largest);
  }
}
