package org.qingshan.server.device;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the production states (HJ 212-2025 ST=45) a device sent, oldest first. */
@Repository
class ProductionStateQueries {
  /** Marks read at most for one chart. */
  static final int MAX_POINTS = 20_000;

  /** One code's mark at one time. */
  record Point(String code, LocalDateTime time, String mark) {}

  private final JdbcClient jdbc;

  ProductionStateQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Point> between(long deviceId, LocalDateTime from, LocalDateTime to) {
    return jdbc.sql(
            "SELECT code, data_time, mark FROM production_state WHERE device_id = :d"
                + " AND data_time >= :from AND data_time < :to ORDER BY data_time, code"
                + " LIMIT :limit")
        .param("d", deviceId)
        .param("from", Timestamp.valueOf(from))
        .param("to", Timestamp.valueOf(to))
        .param("limit", MAX_POINTS)
        .query(
            (rs, i) ->
                new Point(
                    rs.getString("code"),
                    rs.getTimestamp("data_time").toLocalDateTime(),
                    rs.getString("mark")))
        .list();
  }
}
