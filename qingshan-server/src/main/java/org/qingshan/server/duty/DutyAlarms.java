package org.qingshan.server.duty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.qingshan.server.alarm.AlarmStatus;
import org.qingshan.server.alarm.AlarmType;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the alarm table for the duty screen, the alarm list, the portal and the map. The engine
 * writes alarms; the human steps (acknowledging, closing) are {@code alarm.AlarmActions}'.
 */
@Repository
public class DutyAlarms {
  /** Most urgent first, as {@link Severity} lists them. */
  static final String SEVERITY_ORDER =
      "CASE a.severity WHEN 'CRITICAL' THEN 0 WHEN 'MAJOR' THEN 1 WHEN 'MINOR' THEN 2 ELSE 3 END";

  private static final String FROM =
      " FROM alarm a"
          + " LEFT JOIN device d ON d.id = a.device_id"
          + " LEFT JOIN device_outlet dout ON dout.device_id = a.device_id"
          + " LEFT JOIN outlet o ON o.id = COALESCE(a.outlet_id, dout.outlet_id)"
          + " LEFT JOIN facility fac ON fac.id = a.facility_id"
          + " LEFT JOIN enterprise e ON e.id = COALESCE(a.enterprise_id, o.enterprise_id,"
          + " fac.enterprise_id)"
          + " LEFT JOIN alarm_rule r ON r.id = a.rule_id";

  private static final String COLUMNS =
      "SELECT a.*, d.mn AS device_mn, d.name AS device_name, e.id AS ent_id, e.name AS ent_name,"
          + " e.town AS ent_town, e.industry_name AS ent_industry, o.code AS outlet_code,"
          + " o.name AS outlet_name, fac.name AS facility_name, r.name AS rule_name,"
          + " r.data_kind AS rule_data_kind, r.threshold AS rule_threshold,"
          + " r.count_or_minutes AS rule_count,"
          + " (SELECT COUNT(*) FROM alarm_explanation x WHERE x.alarm_id = a.id) AS explanations";

  private final JdbcClient jdbc;

  DutyAlarms(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<DutyAlarm> find(long id) {
    return jdbc.sql(COLUMNS + FROM + " WHERE a.id = :id")
        .param("id", id)
        .query(DutyAlarms::alarm)
        .optional();
  }

  /** Alarms found, most urgent first and then the newest, for the duty screen. */
  public List<DutyAlarm> byUrgency(AlarmSearch search, int max) {
    Where where = where(search);
    return jdbc.sql(
            COLUMNS
                + FROM
                + where.sql
                + " ORDER BY "
                + SEVERITY_ORDER
                + ", a.started_at DESC, a.id DESC LIMIT "
                + max)
        .params(where.params)
        .query(DutyAlarms::alarm)
        .list();
  }

  /** One page of the alarms found, the newest first, for the lists. */
  public PageResult<DutyAlarm> search(AlarmSearch search, PageQuery page) {
    Where where = where(search);
    long total =
        jdbc.sql("SELECT COUNT(*)" + FROM + where.sql)
            .params(where.params)
            .query(Long.class)
            .single();
    PageQuery query = page.within(total);
    List<DutyAlarm> items =
        jdbc.sql(
                COLUMNS
                    + FROM
                    + where.sql
                    + " ORDER BY a.started_at DESC, a.id DESC LIMIT "
                    + query.size()
                    + " OFFSET "
                    + query.offset())
            .params(where.params)
            .query(DutyAlarms::alarm)
            .list();
    return new PageResult<>(items, total, query);
  }

  public long count(AlarmSearch search) {
    Where where = where(search);
    return jdbc.sql("SELECT COUNT(*)" + FROM + where.sql)
        .params(where.params)
        .query(Long.class)
        .single();
  }

  /** The towns and industries of the enterprises with alarms, for the filters. */
  public List<String> towns() {
    return jdbc.sql(
            "SELECT DISTINCT town FROM enterprise WHERE town IS NOT NULL AND town <> ''"
                + " ORDER BY town")
        .query(String.class)
        .list();
  }

  public List<String> industries() {
    return jdbc.sql(
            "SELECT DISTINCT industry_name FROM enterprise WHERE industry_name IS NOT NULL"
                + " AND industry_name <> '' ORDER BY industry_name")
        .query(String.class)
        .list();
  }

  /** An enterprise with a location and the most urgent severity of its alarms not yet closed. */
  public record EnterpriseOnMap(
      long id,
      String name,
      double longitude,
      double latitude,
      Optional<Severity> worst,
      long open) {}

  public List<EnterpriseOnMap> enterprisesOnMap() {
    Map<Long, long[]> worst = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT e.id AS ent_id, MIN("
                + SEVERITY_ORDER
                + ") AS worst, COUNT(*) AS n"
                + FROM
                + " WHERE a.status <> 'CLOSED' AND e.id IS NOT NULL GROUP BY e.id")
        .query(
            rs -> {
              worst.put(rs.getLong("ent_id"), new long[] {rs.getLong("worst"), rs.getLong("n")});
            });
    return jdbc.sql(
            "SELECT id, name, longitude, latitude FROM enterprise"
                + " WHERE longitude IS NOT NULL AND latitude IS NOT NULL ORDER BY name")
        .query(
            (rs, i) -> {
              long[] w = worst.get(rs.getLong("id"));
              return new EnterpriseOnMap(
                  rs.getLong("id"),
                  rs.getString("name"),
                  rs.getDouble("longitude"),
                  rs.getDouble("latitude"),
                  w == null ? Optional.empty() : Optional.of(Severity.values()[(int) w[0]]),
                  w == null ? 0 : w[1]);
            })
        .list();
  }

  /** The enterprise an alarm belongs to, if any. */
  public Optional<Long> enterpriseOf(long alarmId) {
    return find(alarmId).flatMap(DutyAlarm::enterpriseId);
  }

  private record Where(String sql, Map<String, Object> params) {}

  private static Where where(AlarmSearch s) {
    List<String> clauses = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    if (!s.statuses().isEmpty() && s.statuses().size() < AlarmStatus.values().length) {
      clauses.add("a.status IN (:statuses)");
      params.put("statuses", s.statuses().stream().map(Enum::name).sorted().toList());
    }
    s.type().ifPresent(t -> add(clauses, params, "a.type = :type", "type", t.name()));
    s.severity()
        .ifPresent(v -> add(clauses, params, "a.severity = :severity", "severity", v.name()));
    s.town().ifPresent(t -> add(clauses, params, "e.town = :town", "town", t));
    s.industry().ifPresent(i -> add(clauses, params, "e.industry_name = :industry", "industry", i));
    s.enterpriseId().ifPresent(id -> add(clauses, params, "e.id = :enterprise", "enterprise", id));
    s.deviceId().ifPresent(id -> add(clauses, params, "a.device_id = :device", "device", id));
    s.text()
        .ifPresent(
            t -> {
              clauses.add(
                  "(LOWER(a.message) LIKE :text OR LOWER(d.mn) LIKE :text OR LOWER(d.name) LIKE"
                      + " :text OR LOWER(e.name) LIKE :text OR LOWER(o.name) LIKE :text"
                      + " OR LOWER(a.factor) LIKE :text)");
              params.put("text", "%" + escapeLike(t.toLowerCase(Locale.ROOT)) + "%");
            });
    return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
  }

  private static void add(
      List<String> clauses, Map<String, Object> params, String clause, String name, Object value) {
    clauses.add(clause);
    params.put(name, value);
  }

  /** A user's % or _ is looked for as such, not as a wildcard. */
  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static DutyAlarm alarm(ResultSet rs, int row) throws SQLException {
    long ruleId = rs.getLong("rule_id");
    Optional<DutyAlarm.Rule> rule =
        rs.wasNull()
            ? Optional.empty()
            : Optional.of(
                new DutyAlarm.Rule(
                    ruleId,
                    Optional.ofNullable(rs.getString("rule_name")).orElse("#" + ruleId),
                    Optional.ofNullable(rs.getString("rule_data_kind")),
                    optionalDouble(rs, "rule_threshold"),
                    optionalInt(rs, "rule_count")));
    return new DutyAlarm(
        rs.getLong("id"),
        AlarmType.valueOf(rs.getString("type")),
        Severity.valueOf(rs.getString("severity")),
        AlarmStatus.valueOf(rs.getString("status")),
        optionalLong(rs, "device_id"),
        Optional.ofNullable(rs.getString("device_mn")),
        Optional.ofNullable(rs.getString("device_name")),
        optionalLong(rs, "ent_id"),
        Optional.ofNullable(rs.getString("ent_name")),
        Optional.ofNullable(rs.getString("ent_town")),
        Optional.ofNullable(rs.getString("ent_industry")),
        Optional.ofNullable(rs.getString("outlet_code")),
        Optional.ofNullable(rs.getString("outlet_name")),
        Optional.ofNullable(rs.getString("facility_name")),
        Optional.ofNullable(rs.getString("factor")),
        rs.getTimestamp("started_at").toLocalDateTime(),
        rs.getTimestamp("last_seen_at").toLocalDateTime(),
        Optional.ofNullable(rs.getTimestamp("ended_at")).map(Timestamp::toLocalDateTime),
        optionalDouble(rs, "val"),
        optionalDouble(rs, "limit_value"),
        rs.getBoolean("found_late"),
        rs.getString("message"),
        rs.getObject("raised_at", OffsetDateTime.class),
        rule,
        Optional.ofNullable(rs.getString("acknowledged_by")),
        Optional.ofNullable(rs.getObject("acknowledged_at", OffsetDateTime.class)),
        Optional.ofNullable(rs.getString("closed_by")),
        Optional.ofNullable(rs.getObject("closed_at", OffsetDateTime.class)),
        Optional.ofNullable(rs.getString("close_note")),
        rs.getInt("explanations"));
  }

  private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  private static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  private static OptionalDouble optionalDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
