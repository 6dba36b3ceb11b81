package org.qingshan.standards.aqi;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.qingshan.standards.regime.AqiStandard;

/**
 * IAQI breakpoints: 表1 of HJ 633—2012 and 表3 of HJ 633—2026. The only numeric difference is the
 * IAQI 100 point of PM10 (150 → 120) and PM2.5 (75 → 60). SO₂ 1h stops at IAQI 200 and O₃ 8h at
 * IAQI 300; above these the standards have special rules, see {@link IaqiCalculator}.
 */
public final class BreakpointTable {

  static final int[] IAQI_LEVELS = {0, 50, 100, 150, 200, 300, 400, 500};

  private static final Map<AqiIndicator, BigDecimal[]> COMMON = new EnumMap<>(AqiIndicator.class);
  private static final Map<AqiIndicator, BigDecimal[]> PM_2012 = new EnumMap<>(AqiIndicator.class);
  private static final Map<AqiIndicator, BigDecimal[]> PM_2026 = new EnumMap<>(AqiIndicator.class);

  static {
    COMMON.put(AqiIndicator.SO2_24H, bp("0 50 150 475 800 1600 2100 2620"));
    COMMON.put(AqiIndicator.SO2_1H, bp("0 150 500 650 800"));
    COMMON.put(AqiIndicator.NO2_24H, bp("0 40 80 180 280 565 750 940"));
    COMMON.put(AqiIndicator.NO2_1H, bp("0 100 200 700 1200 2340 3090 3840"));
    COMMON.put(AqiIndicator.CO_24H, bp("0 2 4 14 24 36 48 60"));
    COMMON.put(AqiIndicator.CO_1H, bp("0 5 10 35 60 90 120 150"));
    COMMON.put(AqiIndicator.O3_1H, bp("0 160 200 300 400 800 1000 1200"));
    COMMON.put(AqiIndicator.O3_8H, bp("0 100 160 215 265 800"));
    PM_2012.put(AqiIndicator.PM10_24H, bp("0 50 150 250 350 420 500 600"));
    PM_2012.put(AqiIndicator.PM25_24H, bp("0 35 75 115 150 250 350 500"));
    PM_2026.put(AqiIndicator.PM10_24H, bp("0 50 120 250 350 420 500 600"));
    PM_2026.put(AqiIndicator.PM25_24H, bp("0 35 60 115 150 250 350 500"));
    PM_2026.put(AqiIndicator.PM10_1H, PM_2026.get(AqiIndicator.PM10_24H));
    PM_2026.put(AqiIndicator.PM25_1H, PM_2026.get(AqiIndicator.PM25_24H));
  }

  private BreakpointTable() {}

  private static BigDecimal[] bp(String values) {
    return Arrays.stream(values.split(" ")).map(BigDecimal::new).toArray(BigDecimal[]::new);
  }

  /**
   * Concentration breakpoints for IAQI 0, 50, 100, … of an indicator; shorter than the IAQI levels
   * where the table column ends. Empty when the standard has no column for the indicator (PM 1h in
   * 2012).
   */
  public static BigDecimal[] concentrations(AqiStandard standard, AqiIndicator indicator) {
    BigDecimal[] common = COMMON.get(indicator);
    if (common != null) {
      return common.clone();
    }
    BigDecimal[] pm = (standard == AqiStandard.HJ633_2012 ? PM_2012 : PM_2026).get(indicator);
    return pm == null ? new BigDecimal[0] : pm.clone();
  }

  /** IAQI value at breakpoint index i. */
  public static int iaqiLevel(int i) {
    return IAQI_LEVELS[i];
  }
}
