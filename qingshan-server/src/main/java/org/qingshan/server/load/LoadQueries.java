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
            "SELECT x.t, x.f, SUM(x.kg) FROM "
                + loads(" AND o.enterprise_id = :e")
                + " GROUP BY x.t, x.f ORDER BY x.t, x.f")
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
            "SELECT x.e, x.f, SUM(x.kg) FROM " + loads("") + " GROUP BY x.e, x.f ORDER BY x.e, x.f")
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
            "SELECT x.e, CAST(x.t AS DATE) AS load_day, x.f, SUM(x.kg) FROM "
                + loads("")
                + " GROUP BY x.e, CAST(x.t AS DATE), x.f")
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
            "SELECT x.f, SUM(x.kg) FROM "
                + loads(" AND o.enterprise_id = :e")
                + " GROUP BY x.f ORDER BY x.f")
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

  /**
   * Every hour load (enterprise e, data time t, factor f, kg) from {@code :from} to {@code :to}:
   * gas and water outlets apart, so that the flow is looked up by the whole primary key (device,
   * kind, factor, data time) of {@code observation}; a flow factor chosen per row (a CASE in the
   * join) made PostgreSQL scan the device's hours once for every hour.
   */
  private static String loads(String where) {
    return "("
        + branch("GAS", ":gf", ":gu", GAS_KG, ":gp", where)
        + " UNION ALL "
        + branch("WATER", ":wf", ":wu", WATER_KG, ":wp", where)
        + ") x";
  }

  // The hour's volume in m³ is the flow's hour total (Cou) where sent, else its mean × the hour.
  // Negative or missing concentrations and flows add nothing (an instrument's zero drift is not
  // an emission).
  private static String branch(
      String kind, String flow, String unit, double kg, String pollutants, String where) {
    return "SELECT o.enterprise_id AS e, c.data_time AS t, c.factor AS f, c.val * COALESCE(q.cou_val,"
        + " q.val * "
        + unit
        + ") * "
        + kg
        + " AS kg FROM outlet o JOIN device_outlet b ON b.outlet_id = o.id"
        + " JOIN observation c ON c.device_id = b.device_id AND c.kind = 'HOUR'"
        + " JOIN observation q ON q.device_id = c.device_id AND q.kind = 'HOUR' AND q.factor = "
        + flow
        + " AND q.data_time = c.data_time WHERE o.kind = '"
        + kind
        + "' AND c.factor IN ("
        + pollutants
        + ") AND c.data_time >= :from AND c.data_time < :to AND c.val > 0"
        + " AND COALESCE(q.cou_val, q.val) > 0"
        + where;
  }

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
