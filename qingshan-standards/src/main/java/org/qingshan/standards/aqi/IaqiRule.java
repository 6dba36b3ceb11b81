package org.qingshan.standards.aqi;

/** Which rule of HJ 633 produced an IAQI, so that a reader can see when a special rule applied. */
public enum IaqiRule {
  /** Linear interpolation in the breakpoint table (式1), rounded up. */
  TABLE,
  /**
   * Above the top breakpoint (e.g. PM2.5 > 500). Neither version gives a rule; Qingshan caps the
   * IAQI at 500, as common practice does.
   */
  CAPPED_AT_500,
  /** HJ 633—2026: SO₂ 1h above 800 µg/m³ has IAQI 200. */
  SO2_1H_ABOVE_800_IS_200,
  /** HJ 633—2012: SO₂ 1h above 800 µg/m³ is reported with the IAQI of the SO₂ 24h average. */
  SO2_1H_ABOVE_800_FROM_24H,
  /** HJ 633—2026: O₃ 8h above 800 µg/m³ has IAQI 300. */
  O3_8H_ABOVE_800_IS_300
}
