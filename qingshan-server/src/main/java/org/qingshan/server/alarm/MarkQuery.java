package org.qingshan.server.alarm;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The marks in force (filed or accepted, not rejected) over a device's data: over its whole outlet,
 * the device, or one factor. Read when a condition is about to raise an alarm, once per device and
 * batch, straight from the table so that a mark filed a moment ago counts.
 */
@Component
class MarkQuery {
  /** One mark's time range, and its factor when it covers only one. */
  record Range(LocalDateTime start, LocalDateTime end, Optional<String> factor) {
    boolean covers(Optional<String> f, LocalDateTime t) {
      return !t.isBefore(start) && t.isBefore(end) && (factor.isEmpty() || factor.equals(f));
    }
  }

  /** The marks over one device's data. */
  record Marks(List<Range> ranges) {
    boolean covers(Optional<String> factor, LocalDateTime t) {
      for (Range r : ranges) {
        if (r.covers(factor, t)) {
          return true;
        }
      }
      return false;
    }
  }

  private final JdbcClient jdbc;

  MarkQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Marks of(long deviceId, Optional<Long> outletId, LocalDateTime from) {
    return new Marks(
        jdbc.sql(
                "SELECT starts_at, ends_at, factor FROM data_mark WHERE status IN ('FILED',"
                    + " 'ACCEPTED') AND ends_at > :from AND (device_id = :d OR (device_id IS NULL"
                    + " AND outlet_id = :o))")
            .param("from", Timestamp.valueOf(from))
            .param("d", deviceId)
            .param("o", outletId.orElse(-1L))
            .query(
                (rs, n) ->
                    new Range(
                        rs.getTimestamp(1).toLocalDateTime(),
                        rs.getTimestamp(2).toLocalDateTime(),
                        Optional.ofNullable(rs.getString(3))))
            .list());
  }

  boolean marked(long deviceId, Optional<Long> outletId, Optional<String> factor, LocalDateTime t) {
    return of(deviceId, outletId, t).covers(factor, t);
  }
}
