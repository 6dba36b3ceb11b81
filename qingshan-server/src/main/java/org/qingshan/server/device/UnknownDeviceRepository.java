package org.qingshan.server.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.ingest.RawText;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class UnknownDeviceRepository {
  // The widths of the unknown_device columns (V3 migration).
  private static final int MAX_MN = 64;
  private static final int MAX_ST = 4;
  private static final int MAX_ADDRESS = 64;
  private static final int MAX_PACKET = 2000;

  private final JdbcClient jdbc;

  UnknownDeviceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Counts one more refused attempt of an MN, its fields cut to the columns' widths. A new MN
   * beyond the list's bound takes the place of the one that knocked least and longest ago: a flood
   * of made-up MNs knocks once each, a misconfigured real device knocks every minute and stays.
   *
   * @return whether another device left the list to make room
   */
  @Transactional
  public boolean recordAttempt(
      String mn, String st, AuthResult reason, String remoteAddr, String packet, int bound) {
    OffsetDateTime now = OffsetDateTime.now();
    String key = cut(mn, MAX_MN);
    String raw = cut(packet, MAX_PACKET);
    int updated =
        jdbc.sql(
                "UPDATE unknown_device SET attempts = attempts + 1, last_seen_at = :now,"
                    + " reason = :reason, remote_addr = :addr, st = :st, last_packet = :raw"
                    + " WHERE mn = :mn")
            .param("now", now)
            .param("reason", reason.name())
            .param("addr", cut(remoteAddr, MAX_ADDRESS))
            .param("st", cut(st, MAX_ST))
            .param("raw", raw)
            .param("mn", key)
            .update();
    if (updated > 0) {
      return false;
    }
    boolean evicted = count() >= bound && evictOne();
    jdbc.sql(
            "INSERT INTO unknown_device (mn, st, reason, remote_addr, attempts, first_seen_at,"
                + " last_seen_at, last_packet) VALUES (:mn, :st, :reason, :addr, 1, :now, :now,"
                + " :raw)")
        .param("mn", key)
        .param("st", cut(st, MAX_ST))
        .param("reason", reason.name())
        .param("addr", cut(remoteAddr, MAX_ADDRESS))
        .param("now", now)
        .param("raw", raw)
        .update();
    return evicted;
  }

  private long count() {
    return jdbc.sql("SELECT COUNT(*) FROM unknown_device").query(Long.class).single();
  }

  private boolean evictOne() {
    return jdbc.sql(
                "DELETE FROM unknown_device WHERE mn = (SELECT mn FROM unknown_device"
                    + " ORDER BY attempts, last_seen_at LIMIT 1)")
            .update()
        > 0;
  }

  /** Forgets refused devices not seen since {@code before}; returns how many. */
  public int deleteNotSeenSince(OffsetDateTime before) {
    return jdbc.sql("DELETE FROM unknown_device WHERE last_seen_at < :before")
        .param("before", before)
        .update();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
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
        Optional.ofNullable(RawText.masked(rs.getString("last_packet"))));
  }
}
