package org.qingshan.server.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.qingshan.server.alarm.AlarmType;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.cases.CaseStatus;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.web.Messages;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened between two moments, read from the alarm and case tables for the duty log. */
@Repository
class DutyLogRepository {
  private static final String ALARM_FROM =
      " FROM alarm a"
          + " LEFT JOIN device_outlet dout ON dout.device_id = a.device_id"
          + " LEFT JOIN outlet o ON o.id = COALESCE(a.outlet_id, dout.outlet_id)"
          + " LEFT JOIN facility fac ON fac.id = a.facility_id"
          + " LEFT JOIN enterprise e ON e.id = COALESCE(a.enterprise_id, o.enterprise_id,"
          + " fac.enterprise_id)";
  private static final String CASE_FROM =
      " FROM case_file c LEFT JOIN enterprise e ON e.id = c.enterprise_id"
          + " LEFT JOIN app_user u ON u.username = c.assignee_user"
          + " LEFT JOIN department d ON d.id = c.assignee_department_id"
          + " LEFT JOIN enterprise ae ON ae.id = c.assignee_enterprise_id";
  private final JdbcClient jdbc;
  private final Messages messages;

  DutyLogRepository(JdbcClient jdbc, Messages messages) {
    this.jdbc = jdbc;
    this.messages = messages;
  }

  List<DutyLog.Row> alarmsRaised(OffsetDateTime from, OffsetDateTime to) {
    return rows(
        "SELECT a.id, a.raised_at AS at, a.type, a.severity, a.message, e.name AS ent"
            + ALARM_FROM
            + " WHERE a.raised_at >= :f AND a.raised_at < :t ORDER BY a.raised_at, a.id",
        from,
        to,
        (rs, n) -> alarmRow(rs, nonNull(rs.getString("ent")), ""));
  }

  List<DutyLog.Row> alarmsClosed(OffsetDateTime from, OffsetDateTime to) {
    return rows(
        "SELECT a.id, a.closed_at AS at, a.type, a.severity, a.message, a.closed_by,"
            + " a.close_note, e.name AS ent"
            + ALARM_FROM
            + " WHERE a.closed_at >= :f AND a.closed_at < :t ORDER BY a.closed_at, a.id",
        from,
        to,
        (rs, n) ->
            alarmRow(
                rs,
                join(rs.getString("ent"), rs.getString("close_note")),
                nonNull(rs.getString("closed_by"))));
  }

  List<DutyLog.Row> casesOpened(OffsetDateTime from, OffsetDateTime to) {
    return rows(
        "SELECT c.id, c.case_no, c.created_at AS at, c.type, c.status, c.title, c.created_by,"
            + " e.name AS ent"
            + CASE_FROM
            + " WHERE c.created_at >= :f AND c.created_at < :t ORDER BY c.created_at, c.id",
        from,
        to,
        (rs, n) -> caseRow(rs, nonNull(rs.getString("ent")), rs.getString("created_by")));
  }

  /** Cases finished in the period: 办结 after verification, or 不予受理. */
  List<DutyLog.Row> casesClosed(OffsetDateTime from, OffsetDateTime to) {
    return rows(
        "SELECT c.id, c.case_no, c.closed_at AS at, c.type, c.status, c.title, c.answer,"
            + " COALESCE(u.display_name, d.name, ae.name) AS assignee"
            + CASE_FROM
            + " WHERE c.closed_at >= :f AND c.closed_at < :t"
            + " AND c.status IN ('CLOSED', 'REJECTED') ORDER BY c.closed_at, c.id",
        from,
        to,
        (rs, n) -> caseRow(rs, nonNull(rs.getString("answer")), nonNull(rs.getString("assignee"))));
  }

  private List<DutyLog.Row> rows(
      String sql, OffsetDateTime from, OffsetDateTime to, RowMapper<DutyLog.Row> row) {
    return jdbc.sql(sql).param("f", from).param("t", to).query(row).list();
  }

  private DutyLog.Row alarmRow(ResultSet rs, String detail, String by) throws SQLException {
    return new DutyLog.Row(
        rs.getObject("at", OffsetDateTime.class),
        String.valueOf(rs.getLong("id")),
        messages.label(Severity.valueOf(rs.getString("severity")))
            + " · "
            + messages.label(AlarmType.valueOf(rs.getString("type"))),
        rs.getString("message"),
        detail,
        by,
        "/duty/alarms/" + rs.getLong("id"));
  }

  private DutyLog.Row caseRow(ResultSet rs, String detail, String by) throws SQLException {
    return new DutyLog.Row(
        rs.getObject("at", OffsetDateTime.class),
        rs.getString("case_no"),
        messages.label(CaseType.valueOf(rs.getString("type")))
            + " · "
            + messages.label(CaseStatus.valueOf(rs.getString("status"))),
        rs.getString("title"),
        detail,
        by,
        "/cases/" + rs.getLong("id"));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return nonNull(b);
    }
    return b == null || b.isBlank() ? a : a + "：" + b;
  }
}
