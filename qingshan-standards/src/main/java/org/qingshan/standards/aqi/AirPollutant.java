package org.qingshan.standards.aqi;

/** The six basic pollutants of the AQI. CO is in mg/m³, the others in µg/m³. */
public enum AirPollutant {
  SO2("SO2", "二氧化硫", "µg/m³", 0),
  NO2("NO2", "二氧化氮", "µg/m³", 0),
  PM10("PM10", "颗粒物（PM10）", "µg/m³", 0),
  CO("CO", "一氧化碳", "mg/m³", 1),
  O3("O3", "臭氧", "µg/m³", 0),
  PM25("PM2.5", "细颗粒物（PM2.5）", "µg/m³", 0);

  private final String symbol;
  private final String chineseName;
  private final String unit;
  private final int decimals;

  AirPollutant(String symbol, String chineseName, String unit, int decimals) {
    this.symbol = symbol;
    this.chineseName = chineseName;
    this.unit = unit;
    this.decimals = decimals;
  }

  public String symbol() {
    return symbol;
  }

  public String chineseName() {
    return chineseName;
  }

  public String unit() {
    return unit;
  }

  /** Decimals kept when a concentration is reported (HJ 633—2026 §4.2.2–4.2.3). */
  public int decimals() {
    return decimals;
  }
}
