package org.qingshan.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {
  private final JdbcClient jdbc;

  AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      String actor,
      AuditAction action,
      String entityType,
      String entityId,
      String summary,
      String before,
      String after,
      String remoteAddr) {
    jdbc.sql(
            "INSERT INTO audit_entry (occurred_at, actor, action, entity_type, entity_id, summary,"
                + " before_state, after_state, remote_addr)"
                + " VALUES (:at, :actor, :action, :type, :eid, :summary, :before, :after, :addr)")
        .param("at", OffsetDateTime.now())
        .param("actor", actor)
        .param("action", action.name())
        .param("type", entityType)
        .param("eid", entityId)
        .param("summary", summary)
        .param("before", before)
        .param("after", after)
        .param("addr", remoteAddr)
        .update();
  }

  PageResult<AuditEntry> search(AuditSearch search, PageQuery page) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    search
        .actor()
        .ifPresent(
            a -> {
              where.add("actor = :actor");
              params.put("actor", a);
            });
    search
        .action()
        .ifPresent(
            a -> {
              where.add("action = :action");
              params.put("action", a.name());
            });
    search
        .entityType()
        .ifPresent(
            t -> {
              where.add("entity_type = :type");
              params.put("type", t);
            });
    search
        .text()
        .ifPresent(
            t -> {
              where.add(
                  "(LOWER(summary) LIKE :text OR LOWER(before_state) LIKE :text"
                      + " OR LOWER(after_state) LIKE :text OR entity_id = :exact)");
              params.put("text", "%" + t.toLowerCase() + "%");
              params.put("exact", t);
            });
    ZoneId zone = ZoneId.systemDefault();
    search
        .from()
        .ifPresent(
            d -> {
              where.add("occurred_at >= :from");
              params.put("from", d.atStartOfDay(zone).toOffsetDateTime());
            });
    search
        .to()
        .ifPresent(
            d -> {
              where.add("occurred_at < :to");
              params.put("to", d.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
            });
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM audit_entry" + filter)
            .params(params)
            .query(Long.class)
            .single();
    List<AuditEntry> items =
        jdbc.sql(
                "SELECT * FROM audit_entry"
                    + filter
                    + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(AuditRepository::map)
            .list();
    return new PageResult<>(items, total, page);
  }

  private static AuditEntry map(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        rs.getObject("occurred_at", OffsetDateTime.class),
        rs.getString("actor"),
        AuditAction.valueOf(rs.getString("action")),
        rs.getString("entity_type"),
        Optional.ofNullable(rs.getString("entity_id")),
        Optional.ofNullable(rs.getString("summary")),
        Optional.ofNullable(rs.getString("before_state")),
        Optional.ofNullable(rs.getString("after_state")),
        Optional.ofNullable(rs.getString("remote_addr")));
  }
}
