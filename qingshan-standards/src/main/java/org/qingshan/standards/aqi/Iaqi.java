package org.qingshan.standards.aqi;

import java.math.BigDecimal;

/**
 * 空气质量分指数 of one indicator, with the rounded concentration it was computed from.
 *
 * @param concentration the concentration after GB/T 8170 rounding (integer, CO one decimal)
 */
public record Iaqi(AqiIndicator indicator, BigDecimal concentration, int value, IaqiRule rule) {}
