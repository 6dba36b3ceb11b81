package org.qingshan.server.alarm;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether data is under a mark in force (filed or accepted, not rejected): over its whole outlet,
 * its device, or its factor. Asked only when a condition is about to raise an alarm, which is rare
 * next to the data judged, so it reads the table rather than a copy that could be stale.
 */
@Component
class MarkQuery {
  private final JdbcClient jdbc;

  MarkQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean marked(long deviceId, Optional<Long> outletId, Optional<String> factor, LocalDateTime t) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM data_mark WHERE status IN ('FILED', 'ACCEPTED')"
                    + " AND starts_at <= :t AND ends_at > :t AND (factor IS NULL OR factor = :f)"
                    + " AND (device_id = :d OR (device_id IS NULL AND outlet_id = :o))")
            .param("t", Timestamp.valueOf(t))
            .param("f", factor.orElse(""))
            .param("d", deviceId)
            .param("o", outletId.orElse(-1L))
            .query(Long.class)
            .single()
        > 0;
  }
}
