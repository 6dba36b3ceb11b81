package org.qingshan.standards.aqi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * GB/T 8170 rounding (四舍六入五成双) of a concentration before its IAQI is computed: µg/m³ to an integer,
 * CO mg/m³ to one decimal (HJ 633—2026 §4.2.2–4.2.3; the same practice under 2012). Works on exact
 * decimals: a double such as 1.05 is not exactly 1.05 and would round the wrong way.
 */
public final class ConcentrationRounding {
  private ConcentrationRounding() {}

  public static BigDecimal round(AirPollutant pollutant, BigDecimal concentration) {
    return concentration.setScale(pollutant.decimals(), RoundingMode.HALF_EVEN);
  }
}
