package org.qingshan.server.airquality;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.air.HourlySeries;
import org.qingshan.standards.aqi.AirPollutant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An air station's hour data as the standards module reads it: HJ 212 factor codes mapped to the
 * six AQI pollutants, µg/m³ (CO mg/m³) as ambient stations report them, flagged values left out.
 */
@Component
class AirStationData {
  static final Map<String, AirPollutant> FACTORS =
      Map.of(
          "a21026", AirPollutant.SO2,
          "a21004", AirPollutant.NO2,
          "a34002", AirPollutant.PM10,
          "a21005", AirPollutant.CO,
          "a05024", AirPollutant.O3,
          "a34004", AirPollutant.PM25);

  private final JdbcClient jdbc;

  AirStationData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The hourly series of the days {@code from} … {@code to} (inclusive). */
  HourlySeries hourly(long deviceId, LocalDate from, LocalDate to) {
    int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    HourlySeries.Builder series = HourlySeries.builder(from, days);
    jdbc.sql(
            "SELECT factor, data_time, val FROM observation WHERE device_id = :d AND kind = 'HOUR'"
                + " AND factor IN (:factors) AND data_time >= :from AND data_time < :to"
                + " AND val IS NOT NULL AND (flag IS NULL OR flag = 'N')")
        .param("d", deviceId)
        .param("factors", FACTORS.keySet())
        .param("from", Timestamp.valueOf(from.atStartOfDay()))
        .param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
        .query(
            rs -> {
              AirPollutant p = FACTORS.get(rs.getString("factor"));
              LocalDateTime hour =
                  rs.getTimestamp("data_time").toLocalDateTime().truncatedTo(ChronoUnit.HOURS);
              Optional.ofNullable(rs.getBigDecimal("val"))
                  .filter(v -> v.signum() >= 0)
                  .ifPresent(v -> series.set(p, hour, v.stripTrailingZeros()));
            });
    return series.build();
  }
}
