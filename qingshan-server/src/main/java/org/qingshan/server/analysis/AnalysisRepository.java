package org.qingshan.server.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.cases.CaseStatus;
import org.qingshan.server.cases.CaseType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads cases with their town, industry, enterprise and assignee for analysis and campaigns. */
@Repository
class AnalysisRepository {
  static final String FACT_COLUMNS =
      "c.id, c.case_no, c.title, c.type, c.status, c.created_at, c.closed_at, c.deadline,"
          + " COALESCE(t.name, e.town) AS town_name, e.industry_name, c.enterprise_id,"
          + " e.name AS enterprise_name, c.assignee_user, u.display_name AS member_name,"
          + " c.assignee_department_id, d.name AS department_name,"
          + " COALESCE(c.lat, e.latitude) AS lat, COALESCE(c.lng, e.longitude) AS lng";
  static final String FACT_TABLES =
      " FROM case_file c LEFT JOIN enterprise e ON e.id = c.enterprise_id"
          + " LEFT JOIN department t ON t.id = c.town_id"
          + " LEFT JOIN app_user u ON u.username = c.assignee_user"
          + " LEFT JOIN department d ON d.id = c.assignee_department_id";
  private final JdbcClient jdbc;
  private final ZoneId zone;

  AnalysisRepository(JdbcClient jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  /** The cases the filter takes. */
  List<CaseFact> facts(CaseFilter f) {
    return jdbc.sql("SELECT " + FACT_COLUMNS + FACT_TABLES + where(f) + " ORDER BY c.id")
        .params(params(f))
        .query(AnalysisRepository::fact)
        .list();
  }

  /** The ids of the cases the filter takes. */
  List<Long> ids(CaseFilter f) {
    return jdbc.sql("SELECT c.id" + FACT_TABLES + where(f) + " ORDER BY c.id")
        .params(params(f))
        .query(Long.class)
        .list();
  }

  /** The towns and streets of the county and the towns the registry names, for the filter. */
  List<String> towns() {
    return jdbc.sql(
            "SELECT name FROM department WHERE kind IN ('TOWN', 'STREET') AND merged_into IS NULL"
                + " UNION SELECT town FROM enterprise WHERE town IS NOT NULL AND town <> ''"
                + " ORDER BY 1")
        .query(String.class)
        .list();
  }

  List<String> industries() {
    return jdbc.sql(
            "SELECT DISTINCT industry_name FROM enterprise WHERE industry_name IS NOT NULL"
                + " AND industry_name <> '' ORDER BY 1")
        .query(String.class)
        .list();
  }

  private String where(CaseFilter f) {
    StringBuilder w = new StringBuilder(" WHERE c.created_at >= :from AND c.created_at < :to");
    f.type().ifPresent(t -> w.append(" AND c.type = :type"));
    f.town()
        .ifPresent(
            t -> w.append(" AND (t.name = :town OR (c.town_id IS NULL AND e.town = :town))"));
    f.industry().ifPresent(i -> w.append(" AND e.industry_name = :industry"));
    return w.toString();
  }

  private java.util.Map<String, Object> params(CaseFilter f) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("from", f.from().atStartOfDay(zone).toOffsetDateTime());
    p.put("to", f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    f.type().ifPresent(t -> p.put("type", t.name()));
    f.town().ifPresent(t -> p.put("town", t));
    f.industry().ifPresent(i -> p.put("industry", i));
    return p;
  }

  static CaseFact fact(ResultSet rs, int n) throws SQLException {
    return new CaseFact(
        rs.getLong("id"),
        rs.getString("case_no"),
        rs.getString("title"),
        CaseType.valueOf(rs.getString("type")),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getObject("created_at", OffsetDateTime.class),
        Optional.ofNullable(rs.getObject("closed_at", OffsetDateTime.class)),
        rs.getObject("deadline", OffsetDateTime.class),
        Optional.ofNullable(rs.getString("town_name")),
        Optional.ofNullable(rs.getString("industry_name")),
        optionalLong(rs, "enterprise_id"),
        Optional.ofNullable(rs.getString("enterprise_name")),
        Optional.ofNullable(rs.getString("assignee_user")),
        Optional.ofNullable(rs.getString("member_name")),
        optionalLong(rs, "assignee_department_id"),
        Optional.ofNullable(rs.getString("department_name")),
        optionalDouble(rs, "lat"),
        optionalDouble(rs, "lng"));
  }

  private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  private static Optional<Double> optionalDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }
}
