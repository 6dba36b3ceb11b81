package org.qingshan.server.roster;

import java.time.OffsetDateTime;
import java.util.List;
import org.qingshan.server.alarm.AlarmType;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.cases.CaseStatus;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.web.Messages;
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
    return jdbc.sql(
            "SELECT a.id, a.raised_at AS at, a.type, a.severity, a.message, e.name AS ent"
                + ALARM_FROM
                + " WHERE a.raised_at >= :f AND a.raised_at < :t ORDER BY a.raised_at, a.id")
        .param("f", from)
        .param("t", to)
        .query(
            (rs, n) ->
                new DutyLog.Row(
                    rs.getObject("at", OffsetDateTime.class),
                    String.valueOf(rs.getLong("id")),
                    messages.label(Severity.valueOf(rs.getString("severity")))
                        + " · "
                        + messages.label(AlarmType.valueOf(rs.getString("type"))),
                    rs.getString("message"),
                    nonNull(rs.getString("ent")),
                    "",
                    "/duty/alarms/" + rs.getLong("id")))
        .list();
  }

  List<DutyLog.Row> alarmsClosed(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql(
            "SELECT a.id, a.closed_at AS at, a.type, a.severity, a.message, a.closed_by,"
                + " a.close_note, e.name AS ent"
                + ALARM_FROM
                + " WHERE a.closed_at >= :f AND a.closed_at < :t ORDER BY a.closed_at, a.id")
        .param("f", from)
        .param("t", to)
        .query(
            (rs, n) ->
                new DutyLog.Row(
                    rs.getObject("at", OffsetDateTime.class),
                    String.valueOf(rs.getLong("id")),
                    messages.label(Severity.valueOf(rs.getString("severity")))
                        + " · "
                        + messages.label(AlarmType.valueOf(rs.getString("type"))),
                    rs.getString("message"),
                    join(rs.getString("ent"), rs.getString("close_note")),
                    nonNull(rs.getString("closed_by")),
                    "/duty/alarms/" + rs.getLong("id")))
        .list();
  }

  List<DutyLog.Row> casesOpened(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql(
            "SELECT c.id, c.case_no, c.created_at AS at, c.type, c.status, c.title, c.created_by,"
                + " e.name AS ent"
                + CASE_FROM
                + " WHERE c.created_at >= :f AND c.created_at < :t ORDER BY c.created_at, c.id")
        .param("f", from)
        .param("t", to)
        .query(
            (rs, n) ->
                new DutyLog.Row(
                    rs.getObject("at", OffsetDateTime.class),
                    rs.getString("case_no"),
                    messages.label(CaseType.valueOf(rs.getString("type")))
                        + " · "
                        + messages.label(CaseStatus.valueOf(rs.getString("status"))),
                    rs.getString("title"),
                    nonNull(rs.getString("ent")),
                    rs.getString("created_by"),
                    "/cases/" + rs.getLong("id")))
        .list();
  }

  /** Cases finished in the period: 办结 after verification, or 不予受理. */
  List<DutyLog.Row> casesClosed(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql(
            "SELECT c.id, c.case_no, c.closed_at AS at, c.type, c.status, c.title, c.answer,"
                + " COALESCE(u.display_name, d.name, ae.name) AS assignee"
                + CASE_FROM
                + " WHERE c.closed_at >= :f AND c.closed_at < :t"
                + " AND c.status IN ('CLOSED', 'REJECTED') ORDER BY c.closed_at, c.id")
        .param("f", from)
        .param("t", to)
        .query(
            (rs, n) ->
                new DutyLog.Row(
                    rs.getObject("at", OffsetDateTime.class),
                    rs.getString("case_no"),
                    messages.label(CaseType.valueOf(rs.getString("type")))
                        + " · "
                        + messages.label(CaseStatus.valueOf(rs.getString("status"))),
                    rs.getString("title"),
                    nonNull(rs.getString("answer")),
                    nonNull(rs.getString("assignee")),
                    "/cases/" + rs.getLong("id")))
        .list();
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
