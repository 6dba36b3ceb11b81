package org.qingshan.server.mark;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Data marks and their evidence; raw observations are never touched here. */
@Repository
class MarkRepository {
  static final String COLUMNS =
      "m.id, m.enterprise_id, m.outlet_id, m.device_id, m.factor, m.kind, m.starts_at, m.ends_at,"
          + " m.reason, m.filed_by, m.filed_by_enterprise, m.filed_at, m.status, m.reviewed_by,"
          + " m.reviewed_at, m.review_note";
  private static final String TABLES =
      "data_mark m JOIN enterprise e ON e.id = m.enterprise_id"
          + " LEFT JOIN outlet o ON o.id = m.outlet_id";
  private final JdbcClient jdbc;

  MarkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<DataMark> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM data_mark m WHERE m.id = :id")
        .param("id", id)
        .query(MarkRepository::map)
        .optional();
  }

  PageResult<DataMark> search(MarkSearch s, PageQuery page) {
    PagedSearch search =
        new PagedSearch()
            .text(s.text(), "e.name", "o.code", "o.name", "m.factor", "m.reason")
            .equal("m.enterprise_id", s.enterpriseId())
            .equal("m.kind", s.kind())
            .equal("m.status", s.status());
    s.to().ifPresent(t -> search.condition("m.starts_at < :to", "to", Timestamp.valueOf(t)));
    s.from().ifPresent(f -> search.condition("m.ends_at > :from", "from", Timestamp.valueOf(f)));
    return search.page(
        jdbc, COLUMNS, TABLES, "m.starts_at DESC, m.id DESC", MarkRepository::map, page);
  }

  long insert(DataMark m) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO data_mark (enterprise_id, outlet_id, device_id, factor, kind, starts_at,"
                + " ends_at, reason, filed_by, filed_by_enterprise, filed_at, status) VALUES (:e,"
                + " :o, :d, :f, :k, :s, :end, :r, :by, :ent, :at, :status)")
        .param("e", m.enterpriseId())
        .param("o", m.outletId())
        .param("d", m.deviceId().orElse(null))
        .param("f", m.factor().orElse(null))
        .param("k", m.kind().name())
        .param("s", Timestamp.valueOf(m.startsAt()))
        .param("end", Timestamp.valueOf(m.endsAt()))
        .param("r", m.reason())
        .param("by", m.filedBy())
        .param("ent", m.filedByEnterprise())
        .param("at", m.filedAt())
        .param("status", m.status().name())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void review(long id, MarkStatus status, String by, OffsetDateTime at, String note) {
    jdbc.sql(
            "UPDATE data_mark SET status = :s, reviewed_by = :by, reviewed_at = :at,"
                + " review_note = :note WHERE id = :id")
        .param("s", status.name())
        .param("by", by)
        .param("at", at)
        .param("note", note)
        .param("id", id)
        .update();
  }

  /**
   * Marks in force over any part of {@code [from, to)} that apply to the device: its own and its
   * outlet's whole-outlet marks.
   */
  List<DataMark> inForceForDevice(
      long deviceId, Optional<Long> outletId, LocalDateTime from, LocalDateTime to) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM data_mark m WHERE m.status <> 'REJECTED' AND m.starts_at < :to"
                + " AND m.ends_at > :from AND (m.device_id = :d"
                + " OR (m.device_id IS NULL AND m.outlet_id = :o)) ORDER BY m.starts_at, m.id")
        .param("d", deviceId)
        .param("o", outletId.orElse(-1L))
        .param("from", Timestamp.valueOf(from))
        .param("to", Timestamp.valueOf(to))
        .query(MarkRepository::map)
        .list();
  }

  /** Every mark not rejected. */
  List<DataMark> allInForce() {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM data_mark m WHERE m.status <> 'REJECTED' ORDER BY m.id")
        .query(MarkRepository::map)
        .list();
  }

  long insertEvidence(MarkEvidence e) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO data_mark_evidence (mark_id, file_name, content_type, size_bytes,"
                + " stored_name, uploaded_by, uploaded_at) VALUES (:m, :n, :t, :s, :sn, :by, :at)")
        .param("m", e.markId())
        .param("n", e.fileName())
        .param("t", e.contentType())
        .param("s", e.sizeBytes())
        .param("sn", e.storedName())
        .param("by", e.uploadedBy())
        .param("at", e.uploadedAt())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  List<MarkEvidence> evidenceOf(long markId) {
    return jdbc.sql(
            "SELECT id, mark_id, file_name, content_type, size_bytes, stored_name, uploaded_by,"
                + " uploaded_at FROM data_mark_evidence WHERE mark_id = :m ORDER BY id")
        .param("m", markId)
        .query(MarkRepository::mapEvidence)
        .list();
  }

  Optional<MarkEvidence> evidence(long id) {
    return jdbc.sql(
            "SELECT id, mark_id, file_name, content_type, size_bytes, stored_name, uploaded_by,"
                + " uploaded_at FROM data_mark_evidence WHERE id = :id")
        .param("id", id)
        .query(MarkRepository::mapEvidence)
        .optional();
  }

  static DataMark map(ResultSet rs, int row) throws SQLException {
    return new DataMark(
        rs.getLong("id"),
        rs.getLong("enterprise_id"),
        rs.getLong("outlet_id"),
        Optional.ofNullable(rs.getObject("device_id", Long.class)),
        Optional.ofNullable(rs.getString("factor")),
        MarkKind.valueOf(rs.getString("kind")),
        rs.getTimestamp("starts_at").toLocalDateTime(),
        rs.getTimestamp("ends_at").toLocalDateTime(),
        rs.getString("reason"),
        rs.getString("filed_by"),
        rs.getBoolean("filed_by_enterprise"),
        rs.getObject("filed_at", OffsetDateTime.class),
        MarkStatus.valueOf(rs.getString("status")),
        Optional.ofNullable(rs.getString("reviewed_by")),
        Optional.ofNullable(rs.getObject("reviewed_at", OffsetDateTime.class)),
        Optional.ofNullable(rs.getString("review_note")));
  }

  private static MarkEvidence mapEvidence(ResultSet rs, int row) throws SQLException {
    return new MarkEvidence(
        rs.getLong("id"),
        rs.getLong("mark_id"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("stored_name"),
        rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", OffsetDateTime.class));
  }
}
