package org.qingshan.standards.air;

import org.qingshan.standards.aqi.AqiResult;
import org.qingshan.standards.regime.RuleSet;

/** One day of an evaluation: its values, the rule set of its AQI and the daily AQI report. */
public record DailyAirQuality(DailyAirValues values, RuleSet ruleSet, AqiResult aqi) {

  /**
   * 有效监测天: the day counts in the denominator of 优良天数比率 when its AQI report is complete, or when the
   * pollutants present already make it a polluted day (AQI &gt; 100).
   */
  public boolean effective() {
    return aqi.complete() || (aqi.computedAqi().isPresent() && aqi.computedAqi().getAsInt() > 100);
  }

  /** 优良天: an effective day with AQI ≤ 100. */
  public boolean goodOrExcellent() {
    return effective() && aqi.aqi().isPresent() && aqi.aqi().getAsInt() <= 100;
  }

  /** 超标天: AQI &gt; 100. */
  public boolean exceedance() {
    return effective() && !goodOrExcellent();
  }
}
