package org.qingshan.standards.aqi;

/**
 * A concentration that has an IAQI: a pollutant and its averaging period. PM 1-hour values use the
 * 24-hour breakpoints (HJ 633—2026, explanation of formula 1).
 */
public enum AqiIndicator {
  SO2_24H(AirPollutant.SO2, "SO2"),
  SO2_1H(AirPollutant.SO2, "SO2"),
  NO2_24H(AirPollutant.NO2, "NO2"),
  NO2_1H(AirPollutant.NO2, "NO2"),
  PM10_24H(AirPollutant.PM10, "PM10"),
  PM10_1H(AirPollutant.PM10, "PM10"),
  CO_24H(AirPollutant.CO, "CO"),
  CO_1H(AirPollutant.CO, "CO"),
  O3_1H(AirPollutant.O3, "O3"),
  O3_8H(AirPollutant.O3, "O3_8h"),
  PM25_24H(AirPollutant.PM25, "PM2.5"),
  PM25_1H(AirPollutant.PM25, "PM2.5");

  private final AirPollutant pollutant;
  private final String label;

  AqiIndicator(AirPollutant pollutant, String label) {
    this.pollutant = pollutant;
    this.label = label;
  }

  public AirPollutant pollutant() {
    return pollutant;
  }

  /** How the indicator is named when it is a primary pollutant, e.g. {@code O3_8h}. */
  public String label() {
    return label;
  }
}
