package org.qingshan.server.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Alarm rules. Writes are raw: {@link AlarmRuleService} audits and refreshes the engine. */
@Repository
public class AlarmRuleRepository {
  private static final String COLUMNS =
      "id, name, type, enterprise_id, outlet_id, device_id, factor, data_kind, threshold,"
          + " count_or_minutes, severity, enabled";
  private final JdbcClient jdbc;
  private final Clock clock;

  AlarmRuleRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<AlarmRule> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM alarm_rule ORDER BY id")
        .query(AlarmRuleRepository::map)
        .list();
  }

  public List<AlarmRule> enabled() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM alarm_rule WHERE enabled ORDER BY id")
        .query(AlarmRuleRepository::map)
        .list();
  }

  public Optional<AlarmRule> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM alarm_rule WHERE id = :id")
        .param("id", id)
        .query(AlarmRuleRepository::map)
        .optional();
  }

  /** A page of rules whose name or factor contains the text, of a type when given. */
  public PageResult<AlarmRule> search(
      Optional<String> text, Optional<AlarmType> type, PageQuery page) {
    return new PagedSearch()
        .text(text, "name", "factor")
        .equal("type", type)
        .page(jdbc, COLUMNS, "alarm_rule", "id", AlarmRuleRepository::map, page);
  }

  public long insert(AlarmRule r) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO alarm_rule (name, type, enterprise_id, outlet_id, device_id, factor,"
                + " data_kind, threshold, count_or_minutes, severity, enabled, created_at,"
                + " updated_at) VALUES (:name, :type, :e, :o, :d, :f, :k, :th, :n, :sev, :on,"
                + " :now, :now)")
        .params(params(r))
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void update(AlarmRule r) {
    jdbc.sql(
            "UPDATE alarm_rule SET name = :name, type = :type, enterprise_id = :e, outlet_id = :o,"
                + " device_id = :d, factor = :f, data_kind = :k, threshold = :th,"
                + " count_or_minutes = :n, severity = :sev, enabled = :on, updated_at = :now"
                + " WHERE id = :id")
        .params(params(r))
        .param("now", OffsetDateTime.now(clock))
        .param("id", r.id())
        .update();
  }

  /** 自动生成案件: whether the rule's alarms open a case at once. */
  public boolean autoCase(long ruleId) {
    return jdbc.sql("SELECT auto_case FROM alarm_rule WHERE id = :id")
        .param("id", ruleId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  public void setAutoCase(long ruleId, boolean on) {
    jdbc.sql("UPDATE alarm_rule SET auto_case = :on WHERE id = :id")
        .param("on", on)
        .param("id", ruleId)
        .update();
  }

  private static Map<String, Object> params(AlarmRule r) {
    Map<String, Object> p = new HashMap<>();
    p.put("name", r.name());
    p.put("type", r.type().name());
    p.put("e", r.enterpriseId().orElse(null));
    p.put("o", r.outletId().orElse(null));
    p.put("d", r.deviceId().orElse(null));
    p.put("f", r.factor().orElse(null));
    p.put("k", r.dataKind().map(Enum::name).orElse(null));
    p.put("th", r.threshold().isPresent() ? r.threshold().getAsDouble() : null);
    p.put("n", r.countOrMinutes().isPresent() ? r.countOrMinutes().getAsInt() : null);
    p.put("sev", r.severity().name());
    p.put("on", r.enabled());
    return p;
  }

  static AlarmRule map(ResultSet rs, int row) throws SQLException {
    Double threshold = rs.getObject("threshold", Double.class);
    Integer count = rs.getObject("count_or_minutes", Integer.class);
    return new AlarmRule(
        rs.getLong("id"),
        rs.getString("name"),
        AlarmType.valueOf(rs.getString("type")),
        Optional.ofNullable(rs.getObject("enterprise_id", Long.class)),
        Optional.ofNullable(rs.getObject("outlet_id", Long.class)),
        Optional.ofNullable(rs.getObject("device_id", Long.class)),
        Optional.ofNullable(rs.getString("factor")),
        Optional.ofNullable(rs.getString("data_kind")).map(ObservationKind::valueOf),
        threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
        count == null ? OptionalInt.empty() : OptionalInt.of(count),
        Severity.valueOf(rs.getString("severity")),
        rs.getBoolean("enabled"));
  }
}
