package org.qingshan.server.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.ingest.PacketReadings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of real-time values, which are stored a packet per row ({@link PacketReadings}): every read
 * is a range of one device's real-time packets on the table's key, newest first, decoded here.
 */
@Repository
class RealtimePackets {
  private static final Logger log = LoggerFactory.getLogger(RealtimePackets.class);

  /** How many of the newest packets are searched for each factor's latest value. */
  static final int LATEST_PACKETS = 60;

  private final JdbcClient jdbc;
  private final ZoneId zone;

  RealtimePackets(JdbcClient jdbc, ZoneId countyZone) {
    this.jdbc = jdbc;
    this.zone = countyZone;
  }

  /**
   * The newest value of each factor among the newest packets since a time. A factor the device
   * stopped sending earlier than those packets is not listed: the page shows what the device sends
   * now, and the factor's hour values and trend still show it.
   */
  List<Observation> latest(long deviceId, LocalDateTime since) {
    // H2 reads a key range forwards and sorts it: look in the last hour first, which holds the
    // newest packets of a device that is sending, and go further back only when it is empty.
    List<Observation> newest = List.of();
    LocalDateTime now = LocalDateTime.now(zone);
    for (LocalDateTime from : List.of(now.minusHours(1), now.minusDays(1), since)) {
      newest =
          newestFirst(deviceId, from.isBefore(since) ? since : from, FAR_FUTURE, LATEST_PACKETS);
      if (!newest.isEmpty()) {
        break;
      }
    }
    Map<String, Observation> byFactor = new LinkedHashMap<>();
    for (Observation o : newest) {
      byFactor.putIfAbsent(o.factor(), o);
    }
    List<Observation> out = new ArrayList<>(byFactor.values());
    out.sort(Comparator.comparing(Observation::factor));
    return out;
  }

  /** One factor's values, newest first, from at most {@code packets} packets. */
  List<Observation> series(
      long deviceId, String factor, LocalDateTime from, LocalDateTime to, int packets) {
    List<Observation> out = new ArrayList<>();
    for (Observation o : newestFirst(deviceId, from, to, packets)) {
      if (o.factor().equals(factor)) {
        out.add(o);
      }
    }
    return out;
  }

  /** The factors of the newest packets since a time. */
  List<String> factors(long deviceId, LocalDateTime since, int packets) {
    TreeSet<String> factors = new TreeSet<>();
    for (Observation o : newestFirst(deviceId, since, LocalDateTime.MAX, packets)) {
      factors.add(o.factor());
    }
    return new ArrayList<>(factors);
  }

  /** The values of a time range, oldest first, at most {@code limit} of them. */
  List<Observation> oldestFirst(long deviceId, LocalDateTime from, LocalDateTime to, int limit) {
    List<Observation> out = read(deviceId, from, to, false, limit);
    return out.size() <= limit ? out : out.subList(0, limit);
  }

  private List<Observation> newestFirst(
      long deviceId, LocalDateTime from, LocalDateTime to, int packets) {
    return read(deviceId, from, to, true, packets);
  }

  private List<Observation> read(
      long deviceId, LocalDateTime from, LocalDateTime to, boolean newestFirst, int packets) {
    List<Observation> out = new ArrayList<>();
    jdbc.sql(
            "SELECT data_time, readings FROM data_packet WHERE device_id = :d AND cn = :cn"
                + " AND data_time >= :from AND data_time < :to AND readings IS NOT NULL"
                + (newestFirst ? " ORDER BY data_time DESC" : " ORDER BY data_time")
                + " LIMIT :limit")
        .param("d", deviceId)
        .param("cn", ObservationKind.REALTIME.cn())
        .param("from", Timestamp.valueOf(from))
        .param("to", Timestamp.valueOf(to.isAfter(FAR_FUTURE) ? FAR_FUTURE : to))
        .param("limit", packets)
        .query(
            rs -> {
              out.addAll(decode(deviceId, rs));
            });
    return out;
  }

  /** A damaged row is logged and left out: one bad packet must not hide a device's data. */
  private static List<Observation> decode(long deviceId, ResultSet rs) throws SQLException {
    LocalDateTime time = rs.getTimestamp("data_time").toLocalDateTime();
    try {
      return PacketReadings.decode(
          deviceId, ObservationKind.REALTIME, time, rs.getBytes("readings"));
    } catch (IllegalArgumentException e) {
      log.warn("device {}: real-time packet of {} unreadable: {}", deviceId, time, e.getMessage());
      return List.of();
    }
  }

  // Timestamp cannot carry LocalDateTime.MAX.
  private static final LocalDateTime FAR_FUTURE = LocalDateTime.of(9999, 1, 1, 0, 0);
}
