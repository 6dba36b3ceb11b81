package org.qingshan.server.load;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qingshan.server.registry.PermitTotal;
import org.qingshan.server.registry.PermitTotalRepository;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads computed from hour observations on demand, in one SQL pass over the primary key of {@code
 * observation} (device, kind, factor, data time): a pollutant's hour joined with the same device's
 * flow at the same hour. Nothing is stored, so a late or re-sent hour counts as soon as it is in.
 */
@Component
class LoadQueries {
  /** kg per (mg/m³ × m³) and per (mg/L × m³). */
  private static final double GAS_KG = 1e-6;

  private static final double WATER_KG = 1e-3;
  private final JdbcClient jdbc;
  private final LoadSettings settings;
  private final PermitTotalRepository permits;

  LoadQueries(JdbcClient jdbc, LoadSettings settings, PermitTotalRepository permits) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.permits = permits;
  }

  /** An hour's load of one pollutant of one enterprise, summed over its outlets. */
  record HourLoad(LocalDateTime hour, String pollutant, double kg) {}

  /** Every hour's load of the enterprise's pollutants from {@code from} to {@code to}. */
  List<HourLoad> hourly(long enterpriseId, LocalDateTime from, LocalDateTime to) {
    Pollutants p = pollutants(permits.ofEnterprise(enterpriseId));
    List<HourLoad> out = new ArrayList<>();
    jdbc.sql(
            "SELECT c.data_time, c.factor, SUM("
                + KG
                + ") AS kg"
                + FROM
                + " WHERE o.enterprise_id = :e AND c.data_time >= :from AND c.data_time < :to"
                + POLLUTANTS
                + " GROUP BY c.data_time, c.factor ORDER BY c.data_time, c.factor")
        .params(params(p))
        .param("e", enterpriseId)
        .param("from", Timestamp.valueOf(from))
        .param("to", Timestamp.valueOf(to))
        .query(
            rs -> {
              out.add(
                  new HourLoad(
                      rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getDouble(3)));
            });
    return out;
  }

  /** The total in kg of each pollutant of each enterprise from {@code from} to {@code to}. */
  Map<Long, Map<String, Double>> totals(LocalDateTime from, LocalDateTime to) {
    Pollutants p = pollutants(permits.findAll());
    Map<Long, Map<String, Double>> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT o.enterprise_id, c.factor, SUM("
                + KG
                + ") AS kg"
                + FROM
                + " WHERE c.data_time >= :from AND c.data_time < :to"
                + POLLUTANTS
                + " GROUP BY o.enterprise_id, c.factor ORDER BY o.enterprise_id, c.factor")
        .params(params(p))
        .param("from", Timestamp.valueOf(from))
        .param("to", Timestamp.valueOf(to))
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                  .put(rs.getString(2), rs.getDouble(3));
            });
    return out;
  }

  /** The kg of each pollutant of each enterprise on each day from {@code from} to {@code to}. */
  Map<Long, Map<LocalDate, Map<String, Double>>> dailyTotals(LocalDateTime from, LocalDateTime to) {
    Pollutants p = pollutants(permits.findAll());
    Map<Long, Map<LocalDate, Map<String, Double>>> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT o.enterprise_id, CAST(c.data_time AS DATE) AS load_day, c.factor, SUM("
                + KG
                + ") AS kg"
                + FROM
                + " WHERE c.data_time >= :from AND c.data_time < :to"
                + POLLUTANTS
                + " GROUP BY o.enterprise_id, CAST(c.data_time AS DATE), c.factor")
        .params(params(p))
        .param("from", Timestamp.valueOf(from))
        .param("to", Timestamp.valueOf(to))
        .query(
            (RowCallbackHandler)
                rs -> {
                  out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                      .computeIfAbsent(rs.getObject(2, LocalDate.class), k -> new HashMap<>())
                      .put(rs.getString(3), rs.getDouble(4));
                });
    return out;
  }

  /** As {@link #totals} for one enterprise. */
  Map<String, Double> totals(long enterpriseId, LocalDateTime from, LocalDateTime to) {
    Pollutants p = pollutants(permits.ofEnterprise(enterpriseId));
    Map<String, Double> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT c.factor, SUM("
                + KG
                + ") AS kg"
                + FROM
                + " WHERE o.enterprise_id = :e AND c.data_time >= :from AND c.data_time < :to"
                + POLLUTANTS
                + " GROUP BY c.factor ORDER BY c.factor")
        .params(params(p))
        .param("e", enterpriseId)
        .param("from", Timestamp.valueOf(from))
        .param("to", Timestamp.valueOf(to))
        .query(
            (RowCallbackHandler)
                rs -> {
                  out.put(rs.getString(1), rs.getDouble(2));
                });
    return out;
  }

  // The hour's volume in m³: the flow's hour total (Cou) where sent, else its mean × the hour.
  private static final String VOLUME =
      "COALESCE(q.cou_val, q.val * CASE WHEN o.kind = 'GAS' THEN :gu ELSE :wu END)";
  private static final String KG =
      "c.val * "
          + VOLUME
          + " * CASE WHEN o.kind = 'GAS' THEN "
          + GAS_KG
          + " ELSE "
          + WATER_KG
          + " END";
  private static final String FROM =
      " FROM outlet o JOIN device_outlet b ON b.outlet_id = o.id"
          + " JOIN observation c ON c.device_id = b.device_id AND c.kind = 'HOUR'"
          + " JOIN observation q ON q.device_id = c.device_id AND q.kind = 'HOUR'"
          + " AND q.data_time = c.data_time"
          + " AND q.factor = CASE WHEN o.kind = 'GAS' THEN :gf ELSE :wf END";
  // Negative or missing concentrations and flows add nothing (an instrument's zero drift is not
  // an emission).
  private static final String POLLUTANTS =
      " AND c.val > 0 AND COALESCE(q.cou_val, q.val) > 0"
          + " AND ((o.kind = 'GAS' AND c.factor IN (:gp)) OR (o.kind = 'WATER' AND c.factor IN"
          + " (:wp)))";

  private record Pollutants(Set<String> gas, Set<String> water) {}

  /** The configured pollutants and every one with a permitted total (a… gas, w… water). */
  private Pollutants pollutants(List<PermitTotal> permitted) {
    Set<String> gas = new LinkedHashSet<>(settings.gasPollutants());
    Set<String> water = new LinkedHashSet<>(settings.waterPollutants());
    for (PermitTotal t : permitted) {
      (t.pollutant().startsWith("w") ? water : gas).add(t.pollutant());
    }
    return new Pollutants(gas, water);
  }

  private Map<String, Object> params(Pollutants p) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("gu", settings.gasFlowUnit().cubicMetresPerHour());
    params.put("wu", settings.waterFlowUnit().cubicMetresPerHour());
    params.put("gf", settings.gasFlowFactor());
    params.put("wf", settings.waterFlowFactor());
    params.put("gp", List.copyOf(p.gas()));
    params.put("wp", List.copyOf(p.water()));
    return params;
  }
}
