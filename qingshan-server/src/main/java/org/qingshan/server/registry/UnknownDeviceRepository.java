package org.qingshan.server.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class UnknownDeviceRepository {
  private final JdbcClient jdbc;

  UnknownDeviceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Counts one more refused attempt of an MN. */
  @Transactional
  public void recordAttempt(
      String mn, String st, AuthResult reason, String remoteAddr, String packet) {
    OffsetDateTime now = OffsetDateTime.now();
    String raw = packet.length() > 2000 ? packet.substring(0, 2000) : packet;
    int updated =
        jdbc.sql(
                "UPDATE unknown_device SET attempts = attempts + 1, last_seen_at = :now,"
                    + " reason = :reason, remote_addr = :addr, st = :st, last_packet = :raw"
                    + " WHERE mn = :mn")
            .param("now", now)
            .param("reason", reason.name())
            .param("addr", remoteAddr)
            .param("st", st)
            .param("raw", raw)
            .param("mn", mn)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO unknown_device (mn, st, reason, remote_addr, attempts, first_seen_at,"
                  + " last_seen_at, last_packet) VALUES (:mn, :st, :reason, :addr, 1, :now, :now,"
                  + " :raw)")
          .param("mn", mn)
          .param("st", st)
          .param("reason", reason.name())
          .param("addr", remoteAddr)
          .param("now", now)
          .param("raw", raw)
          .update();
    }
  }

  /** Refused devices, newest first; {@code text} searches MN and address. */
  public PageResult<UnknownDevice> list(Optional<String> text, PageQuery page) {
    return new PagedSearch()
        // A device registered a moment ago may have been refused once more before the gateway
        // knew it.
        .condition(
            "NOT EXISTS (SELECT 1 FROM device d WHERE d.mn = unknown_device.mn"
                + " AND unknown_device.reason = 'UNKNOWN_DEVICE')")
        .text(text, "mn", "remote_addr")
        .page(jdbc, "*", "unknown_device", "last_seen_at DESC", UnknownDeviceRepository::map, page);
  }

  public Optional<UnknownDevice> find(String mn) {
    return jdbc.sql("SELECT * FROM unknown_device WHERE mn = :mn")
        .param("mn", mn)
        .query(UnknownDeviceRepository::map)
        .optional();
  }

  void delete(String mn) {
    jdbc.sql("DELETE FROM unknown_device WHERE mn = :mn").param("mn", mn).update();
  }

  private static UnknownDevice map(ResultSet rs, int row) throws SQLException {
    return new UnknownDevice(
        rs.getString("mn"),
        Optional.ofNullable(rs.getString("st")),
        AuthResult.valueOf(rs.getString("reason")),
        Optional.ofNullable(rs.getString("remote_addr")),
        rs.getLong("attempts"),
        rs.getObject("first_seen_at", OffsetDateTime.class),
        rs.getObject("last_seen_at", OffsetDateTime.class),
        Optional.ofNullable(
            org.qingshan.server.monitoring.RawText.masked(rs.getString("last_packet"))));
  }
}
