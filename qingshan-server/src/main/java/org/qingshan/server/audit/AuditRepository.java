package org.qingshan.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.TimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {
  private final JdbcClient jdbc;
  private final TimeFormat times;

  AuditRepository(JdbcClient jdbc, TimeFormat times) {
    this.jdbc = jdbc;
    this.times = times;
  }

  long insert(
      String actor,
      AuditAction action,
      String entityType,
      String entityId,
      String summary,
      String before,
      String after,
      String remoteAddr) {
    KeyHolder keys = new GeneratedKeyHolder();
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
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** A repeated event's row, brought up to date: its summary and state, not its time. */
  void update(long id, String summary, String after) {
    jdbc.sql("UPDATE audit_entry SET summary = :summary, after_state = :after WHERE id = :id")
        .param("summary", summary)
        .param("after", after)
        .param("id", id)
        .update();
  }

  PageResult<AuditEntry> search(
      AuditSearch search, Map<String, List<String>> named, PageQuery page) {
    // 从/至 are the county's days, whatever zone the server runs in.
    ZoneId zone = times.zone();
    PagedSearch query =
        new PagedSearch()
            .equal("actor", search.actor())
            .equal("action", search.action())
            .equal("entity_type", search.entityType())
            .textOr(search.text(), named, "summary", "before_state", "after_state", "entity_id");
    search
        .from()
        .ifPresent(
            d ->
                query.condition(
                    "occurred_at >= :from", "from", d.atStartOfDay(zone).toOffsetDateTime()));
    search
        .to()
        .ifPresent(
            d ->
                query.condition(
                    "occurred_at < :to",
                    "to",
                    d.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
    return query.page(
        jdbc, "*", "audit_entry", "occurred_at DESC, id DESC", AuditRepository::map, page);
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
