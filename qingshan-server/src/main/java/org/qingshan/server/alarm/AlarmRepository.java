package org.qingshan.server.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Alarms: found, searched, and written. The engine opens, updates and ends them; the duty screen
 * acknowledges and closes them (those writes are raw: the service that calls them audits).
 */
@Repository
public class AlarmRepository {
  static final String COLUMNS =
      "a.id, a.type, a.severity, a.status, a.rule_id, a.device_id, a.enterprise_id, a.outlet_id,"
          + " a.facility_id, a.factor, a.started_at, a.last_seen_at, a.ended_at, a.val,"
          + " a.limit_value, a.found_late, a.message, a.raised_at, a.acknowledged_by,"
          + " a.acknowledged_at, a.closed_by, a.closed_at, a.close_note";
  private static final String VIEW_COLUMNS =
      COLUMNS
          + ", d.mn AS d_mn, d.name AS d_name, e.name AS e_name, o.code AS o_code,"
          + " o.name AS o_name, f.name AS f_name";
  private static final String VIEW_TABLES =
      "alarm a LEFT JOIN device d ON d.id = a.device_id"
          + " LEFT JOIN enterprise e ON e.id = a.enterprise_id"
          + " LEFT JOIN outlet o ON o.id = a.outlet_id"
          + " LEFT JOIN facility f ON f.id = a.facility_id";
  private static final String ONGOING = "a.ended_at IS NULL AND a.status <> 'CLOSED'";

  private final JdbcClient jdbc;

  AlarmRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Alarm> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM alarm a WHERE a.id = :id")
        .param("id", id)
        .query(AlarmRepository::map)
        .optional();
  }

  public Optional<AlarmView> findView(long id) {
    return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM " + VIEW_TABLES + " WHERE a.id = :id")
        .param("id", id)
        .query(AlarmRepository::mapView)
        .optional();
  }

  /** One page of alarms, newest first. */
  public PageResult<AlarmView> search(AlarmSearch search, PageQuery page) {
    return filter(search)
        .page(
            jdbc,
            VIEW_COLUMNS,
            VIEW_TABLES,
            "a.started_at DESC, a.id DESC",
            AlarmRepository::mapView,
            page);
  }

  /** At most {@code limit} alarms, newest first. */
  public List<AlarmView> list(AlarmSearch search, int limit) {
    return search(search, new PageQuery(1, limit)).items();
  }

  private static PagedSearch filter(AlarmSearch s) {
    PagedSearch q = new PagedSearch();
    q.equal("d.mn", s.mn())
        .equal("a.type", s.type())
        .equal("a.enterprise_id", s.enterpriseId())
        .equal("e.town", s.town())
        .equal("e.industry_code", s.industryCode());
    switch (s.statuses()) {
      case OPEN -> q.condition("a.status <> 'CLOSED'");
      case CLOSED -> q.condition("a.status = 'CLOSED'");
      case ALL -> {}
    }
    return q;
  }

  /** The alarm whose condition still lasts for this source, factor and type, if any. */
  public Optional<Alarm> ongoing(AlarmKey key) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM alarm a WHERE "
                + sourceColumn(key.source())
                + " = :s AND a.type = :t AND COALESCE(a.factor, '') = :f AND "
                + ONGOING
                + " ORDER BY a.id DESC")
        .param("s", key.sourceId())
        .param("t", key.type().name())
        .param("f", key.factor())
        .query(AlarmRepository::map)
        .optional();
  }

  /** Every alarm whose condition still lasts: the engine's memory after a restart. */
  public List<Alarm> allOngoing() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM alarm a WHERE " + ONGOING + " ORDER BY a.id")
        .query(AlarmRepository::map)
        .list();
  }

  /** How many alarms are not closed, for tiles and badges. */
  public long countOpen() {
    return jdbc.sql("SELECT COUNT(*) FROM alarm WHERE status <> 'CLOSED'")
        .query(Long.class)
        .single();
  }

  static String sourceColumn(AlarmKey.SourceKind kind) {
    return switch (kind) {
      case DEVICE -> "a.device_id";
      case FACILITY -> "a.facility_id";
      case ENTERPRISE -> "a.enterprise_id";
    };
  }

  /** Stores a new open alarm (id and status of the argument ignored) and returns its id. */
  long insert(Alarm a) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO alarm (type, severity, status, rule_id, device_id, enterprise_id,"
                + " outlet_id, facility_id, factor, started_at, last_seen_at, val, limit_value,"
                + " found_late, message, raised_at) VALUES (:type, :sev, 'OPEN', :rule, :d, :e,"
                + " :o, :f, :factor, :start, :start, :val, :lim, :late, :msg, :raised)")
        .param("type", a.type().name())
        .param("sev", a.severity().name())
        .param("rule", a.ruleId().orElse(null))
        .param("d", a.deviceId().orElse(null))
        .param("e", a.enterpriseId().orElse(null))
        .param("o", a.outletId().orElse(null))
        .param("f", a.facilityId().orElse(null))
        .param("factor", a.factor().orElse(null))
        .param("start", Timestamp.valueOf(a.startedAt()))
        .param("val", boxed(a.value()))
        .param("lim", boxed(a.limit()))
        .param("late", a.foundLate())
        .param("msg", truncate(a.message(), 500))
        .param("raised", a.raisedAt())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /**
   * The condition was seen again: a newer data time moves last_seen_at and the value on. Returns
   * false when the alarm no longer lasts (closed by a person, or ended meanwhile).
   */
  boolean seenAgain(long id, LocalDateTime dataTime, OptionalDouble value) {
    return jdbc.sql(
                "UPDATE alarm SET last_seen_at = CASE WHEN last_seen_at < :t THEN :t ELSE"
                    + " last_seen_at END, val = CASE WHEN last_seen_at <= :t THEN COALESCE(:v,"
                    + " val) ELSE val END WHERE id = :id AND ended_at IS NULL AND status <>"
                    + " 'CLOSED'")
            .param("t", Timestamp.valueOf(dataTime))
            .param("v", boxed(value))
            .param("id", id)
            .update()
        == 1;
  }

  /** The condition ended at this data time. */
  boolean end(long id, LocalDateTime dataTime) {
    return jdbc.sql("UPDATE alarm SET ended_at = :t WHERE id = :id AND ended_at IS NULL")
            .param("t", Timestamp.valueOf(dataTime))
            .param("id", id)
            .update()
        == 1;
  }

  /** OPEN → ACKNOWLEDGED; false when the alarm was not open. */
  public boolean acknowledge(long id, String by, OffsetDateTime at) {
    return jdbc.sql(
                "UPDATE alarm SET status = 'ACKNOWLEDGED', acknowledged_by = :by,"
                    + " acknowledged_at = :at WHERE id = :id AND status = 'OPEN'")
            .param("by", by)
            .param("at", at)
            .param("id", id)
            .update()
        == 1;
  }

  /** → CLOSED with a note; false when it was closed already. */
  public boolean close(long id, String by, OffsetDateTime at, String note) {
    return jdbc.sql(
                "UPDATE alarm SET status = 'CLOSED', closed_by = :by, closed_at = :at,"
                    + " close_note = :note WHERE id = :id AND status <> 'CLOSED'")
            .param("by", by)
            .param("at", at)
            .param("note", truncate(note, 1000))
            .param("id", id)
            .update()
        == 1;
  }

  /**
   * Closes an alarm not yet closed by a person ({@link AlarmActions}); an open one is acknowledged
   * by the same person at once, which {@link #close} leaves alone.
   */
  public boolean closeAcknowledging(long id, String by, OffsetDateTime at, String note) {
    return jdbc.sql(
                "UPDATE alarm SET status = 'CLOSED', closed_by = :by, closed_at = :at,"
                    + " close_note = :note,"
                    + " acknowledged_by = COALESCE(acknowledged_by, :by),"
                    + " acknowledged_at = COALESCE(acknowledged_at, :at)"
                    + " WHERE id = :id AND status <> 'CLOSED'")
            .param("by", by)
            .param("at", at)
            .param("note", note)
            .param("id", id)
            .update()
        == 1;
  }

  private static Double boxed(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  static Alarm map(ResultSet rs, int row) throws SQLException {
    return new Alarm(
        rs.getLong("id"),
        AlarmType.valueOf(rs.getString("type")),
        Severity.valueOf(rs.getString("severity")),
        AlarmStatus.valueOf(rs.getString("status")),
        optionalLong(rs, "rule_id"),
        optionalLong(rs, "device_id"),
        optionalLong(rs, "enterprise_id"),
        optionalLong(rs, "outlet_id"),
        optionalLong(rs, "facility_id"),
        Optional.ofNullable(rs.getString("factor")),
        rs.getTimestamp("started_at").toLocalDateTime(),
        rs.getTimestamp("last_seen_at").toLocalDateTime(),
        Optional.ofNullable(rs.getTimestamp("ended_at")).map(Timestamp::toLocalDateTime),
        optionalDouble(rs, "val"),
        optionalDouble(rs, "limit_value"),
        rs.getBoolean("found_late"),
        rs.getString("message"),
        rs.getObject("raised_at", OffsetDateTime.class),
        Optional.ofNullable(rs.getString("acknowledged_by")),
        Optional.ofNullable(rs.getObject("acknowledged_at", OffsetDateTime.class)),
        Optional.ofNullable(rs.getString("closed_by")),
        Optional.ofNullable(rs.getObject("closed_at", OffsetDateTime.class)),
        Optional.ofNullable(rs.getString("close_note")));
  }

  private static AlarmView mapView(ResultSet rs, int row) throws SQLException {
    return new AlarmView(
        map(rs, row),
        Optional.ofNullable(rs.getString("d_mn")),
        Optional.ofNullable(rs.getString("d_name")),
        Optional.ofNullable(rs.getString("e_name")),
        Optional.ofNullable(rs.getString("o_code")),
        Optional.ofNullable(rs.getString("o_name")),
        Optional.ofNullable(rs.getString("f_name")));
  }

  private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, Long.class));
  }

  private static OptionalDouble optionalDouble(ResultSet rs, String column) throws SQLException {
    Double d = rs.getObject(column, Double.class);
    return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
  }
}
