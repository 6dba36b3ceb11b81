package org.qingshan.server.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.qingshan.server.cases.CaseStatus;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Public reports with the state of their cases. Rows are never deleted. */
@Repository
class ReportRepository {
  private static final String COLUMNS =
      "r.id, r.tracking_no, r.text, r.phone, r.lat, r.lng, r.created_at, r.case_id,"
          + " c.case_no, c.status, c.answer";
  private static final String TABLES = "public_report r JOIN case_file c ON c.id = r.case_id";
  private final JdbcClient jdbc;

  ReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      String trackingNo,
      String text,
      Optional<String> phone,
      Optional<Double> lat,
      Optional<Double> lng,
      String addressHash,
      OffsetDateTime at,
      long caseId) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO public_report (tracking_no, text, phone, lat, lng, address_hash,"
                + " created_at, case_id) VALUES (:no, :text, :phone, :lat, :lng, :address, :at,"
                + " :case)")
        .param("no", trackingNo)
        .param("text", text)
        .param("phone", phone.orElse(null))
        .param("lat", lat.orElse(null))
        .param("lng", lng.orElse(null))
        .param("address", addressHash)
        .param("at", at)
        .param("case", caseId)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  int countByAddressSince(String addressHash, OffsetDateTime since) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM public_report WHERE address_hash = :a AND created_at > :since")
        .param("a", addressHash)
        .param("since", since)
        .query(Integer.class)
        .single();
  }

  int countByPhoneSince(String phone, OffsetDateTime since) {
    return jdbc.sql("SELECT COUNT(*) FROM public_report WHERE phone = :p AND created_at > :since")
        .param("p", phone)
        .param("since", since)
        .query(Integer.class)
        .single();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM public_report").query(Long.class).single();
  }

  boolean trackingNoTaken(String trackingNo) {
    return jdbc.sql("SELECT COUNT(*) FROM public_report WHERE tracking_no = :no")
            .param("no", trackingNo)
            .query(Integer.class)
            .single()
        > 0;
  }

  Optional<PublicReport> findByTrackingNo(String trackingNo) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM " + TABLES + " WHERE r.tracking_no = :no")
        .param("no", trackingNo)
        .query(ReportRepository::map)
        .optional();
  }

  Optional<PublicReport> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM " + TABLES + " WHERE r.id = :id")
        .param("id", id)
        .query(ReportRepository::map)
        .optional();
  }

  Optional<PublicReport> findByCase(long caseId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM " + TABLES + " WHERE r.case_id = :c")
        .param("c", caseId)
        .query(ReportRepository::map)
        .optional();
  }

  PageResult<PublicReport> search(ReportSearch s, PageQuery page) {
    // Tracking numbers are stored without dashes: one typed grouped (ABCD-EFGH) is found as well.
    Optional<String> text =
        s.text().map(t -> t.matches("[0-9A-Za-z]{4}(-[0-9A-Za-z]{1,4})+") ? t.replace("-", "") : t);
    PagedSearch search =
        new PagedSearch()
            .text(text, "r.tracking_no", "r.text", "r.phone", "c.case_no", "c.title")
            .equal("c.status", s.status().map(Enum::name));
    return search.page(
        jdbc, COLUMNS, TABLES, "r.created_at DESC, r.id DESC", ReportRepository::map, page);
  }

  private static PublicReport map(ResultSet rs, int n) throws SQLException {
    return new PublicReport(
        rs.getLong("id"),
        rs.getString("tracking_no"),
        rs.getString("text"),
        Optional.ofNullable(rs.getString("phone")),
        optionalDouble(rs, "lat"),
        optionalDouble(rs, "lng"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getLong("case_id"),
        rs.getString("case_no"),
        CaseStatus.valueOf(rs.getString("status")),
        Optional.ofNullable(rs.getString("answer")));
  }

  private static Optional<Double> optionalDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }
}
