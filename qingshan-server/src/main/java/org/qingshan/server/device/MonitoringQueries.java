package org.qingshan.server.device;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongConsumer;
import org.qingshan.server.ingest.CommandStatus;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.ingest.RawText;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the observation store for the device pages. */
@Repository
public class MonitoringQueries {
  private final JdbcClient jdbc;
  private final RealtimePackets realtime;

  MonitoringQueries(JdbcClient jdbc, RealtimePackets realtime) {
    this.jdbc = jdbc;
    this.realtime = realtime;
  }

  /** The newest value of each factor of each kind of a device since a time (a week, say). */
  public List<Observation> latest(long deviceId, LocalDateTime since) {
    List<Observation> out = new ArrayList<>(realtime.latest(deviceId, since));
    out.addAll(latestAggregates(deviceId, since));
    return out;
  }

  private List<Observation> latestAggregates(long deviceId, LocalDateTime since) {
    return jdbc.sql(
            "SELECT o.* FROM observation o JOIN (SELECT kind, factor, MAX(data_time) AS t"
                + " FROM observation WHERE device_id = :d AND data_time >= :since"
                + " GROUP BY kind, factor) m"
                + " ON o.kind = m.kind AND o.factor = m.factor AND o.data_time = m.t"
                + " WHERE o.device_id = :d ORDER BY o.kind, o.factor")
        .param("d", deviceId)
        .param("since", Timestamp.valueOf(since))
        .query(MonitoringQueries::observation)
        .list();
  }

  /** Points of a series at most; past that the newest are kept. */
  public static final int MAX_POINTS = 20_000;

  /** One factor's values over a time range, oldest first; the newest {@link #MAX_POINTS}. */
  public List<Observation> series(
      long deviceId, ObservationKind kind, String factor, LocalDateTime from, LocalDateTime to) {
    List<Observation> newestFirst =
        kind == ObservationKind.REALTIME
            ? realtime.series(deviceId, factor, from, to, MAX_POINTS)
            : aggregateSeries(deviceId, kind, factor, from, to);
    List<Observation> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  private List<Observation> aggregateSeries(
      long deviceId, ObservationKind kind, String factor, LocalDateTime from, LocalDateTime to) {
    return jdbc.sql(
            "SELECT * FROM observation WHERE device_id = :d AND kind = :k AND factor = :f"
                + " AND data_time >= :from AND data_time < :to ORDER BY data_time DESC"
                + " LIMIT "
                + MAX_POINTS)
        .param("d", deviceId)
        .param("k", kind.name())
        .param("f", factor)
        .param("from", Timestamp.valueOf(from))
        .param("to", Timestamp.valueOf(to))
        .query(MonitoringQueries::observation)
        .list();
  }

  /** Rows of an export at most. */
  public static final int MAX_EXPORT_ROWS = 500_000;

  /**
   * Every value of a kind in a time range, by factor and then time, for the export: real-time
   * packets are read once, not once per factor. At most {@link #MAX_EXPORT_ROWS}, the oldest first.
   */
  public List<Observation> export(
      long deviceId, ObservationKind kind, LocalDateTime from, LocalDateTime to) {
    List<Observation> rows =
        kind == ObservationKind.REALTIME
            ? realtime.oldestFirst(deviceId, from, to, MAX_EXPORT_ROWS)
            : jdbc.sql(
                    "SELECT * FROM observation WHERE device_id = :d AND kind = :k"
                        + " AND data_time >= :from AND data_time < :to ORDER BY data_time LIMIT "
                        + MAX_EXPORT_ROWS)
                .param("d", deviceId)
                .param("k", kind.name())
                .param("from", Timestamp.valueOf(from))
                .param("to", Timestamp.valueOf(to))
                .query(MonitoringQueries::observation)
                .list();
    List<Observation> byFactor = new ArrayList<>(rows);
    byFactor.sort(Comparator.comparing(Observation::factor).thenComparing(Observation::dataTime));
    return byFactor;
  }

  /** Transmission and validity of a device's hour data per day (有效传输率 = 传输率 × 有效率). */
  public record DailyRate(LocalDate day, long received, long expected, long valid) {
    public double transmissionRate() {
      return expected == 0 ? 0 : Math.min(1.0, (double) received / expected);
    }

    public double validityRate() {
      return received == 0 ? 0 : (double) valid / received;
    }

    public double effectiveRate() {
      return transmissionRate() * validityRate();
    }
  }

  /**
   * Every day from {@code from} to {@code toExclusive}: hour values received, expected (every hour
   * so far of that day for every factor the device reported in the period) and valid (flag N, or no
   * flag). A day without data is listed with nothing received: the worst days must show.
   */
  public List<DailyRate> dailyRates(
      long deviceId, LocalDate from, LocalDate toExclusive, LocalDateTime now) {
    long factors =
        jdbc.sql(
                "SELECT COUNT(DISTINCT factor) FROM observation WHERE device_id = :d AND kind ="
                    + " 'HOUR' AND data_time >= :from AND data_time < :to")
            .param("d", deviceId)
            .param("from", Timestamp.valueOf(from.atStartOfDay()))
            .param("to", Timestamp.valueOf(toExclusive.atStartOfDay()))
            .query(Long.class)
            .single();
    Map<LocalDate, long[]> byDay = new HashMap<>();
    jdbc.sql(
            "SELECT CAST(data_time AS DATE) AS obs_day, COUNT(*) AS received,"
                + " SUM(CASE WHEN flag IS NULL OR flag = 'N' THEN 1 ELSE 0 END) AS valid"
                + " FROM observation WHERE device_id = :d AND kind = 'HOUR'"
                + " AND data_time >= :from AND data_time < :to"
                + " GROUP BY CAST(data_time AS DATE)")
        .param("d", deviceId)
        .param("from", Timestamp.valueOf(from.atStartOfDay()))
        .param("to", Timestamp.valueOf(toExclusive.atStartOfDay()))
        .query(
            rs -> {
              byDay.put(
                  rs.getObject("obs_day", LocalDate.class),
                  new long[] {rs.getLong("received"), rs.getLong("valid")});
            });
    List<DailyRate> out = new ArrayList<>();
    for (LocalDate day = from; day.isBefore(toExclusive); day = day.plusDays(1)) {
      if (day.isAfter(now.toLocalDate())) {
        break;
      }
      // Today only the hours already closed are due.
      long hours = day.equals(now.toLocalDate()) ? now.getHour() : 24;
      long[] got = byDay.getOrDefault(day, new long[] {0, 0});
      out.add(new DailyRate(day, got[0], hours * factors, got[1]));
    }
    return out;
  }

  /** The factors a device has sent data of since a time, for a kind. */
  public List<String> factors(long deviceId, ObservationKind kind, LocalDateTime since) {
    if (kind == ObservationKind.REALTIME) {
      return realtime.factors(deviceId, since, MAX_POINTS);
    }
    return jdbc.sql(
            "SELECT DISTINCT factor FROM observation WHERE device_id = :d AND kind = :k"
                + " AND data_time >= :since ORDER BY factor")
        .param("d", deviceId)
        .param("k", kind.name())
        .param("since", Timestamp.valueOf(since))
        .query(String.class)
        .list();
  }

  /** A raw packet as received, for audit and replay. */
  public record RawPacket(
      String cn,
      LocalDateTime dataTime,
      OffsetDateTime receivedAt,
      String remoteAddr,
      String raw) {}

  /**
   * The raw packets of one CN and one day (by DataTime), newest first: a range of the table's key,
   * however many packets the device has sent over the years.
   */
  public PageResult<RawPacket> rawPackets(
      long deviceId, String cn, LocalDate day, PageQuery wanted) {
    String where =
        " FROM data_packet WHERE device_id = :d AND cn = :cn AND data_time >= :from"
            + " AND data_time < :to";
    Timestamp from = Timestamp.valueOf(day.atStartOfDay());
    Timestamp to = Timestamp.valueOf(day.plusDays(1).atStartOfDay());
    long total =
        jdbc.sql("SELECT COUNT(*)" + where)
            .param("d", deviceId)
            .param("cn", cn)
            .param("from", from)
            .param("to", to)
            .query(Long.class)
            .single();
    PageQuery page = wanted.within(total);
    List<RawPacket> items =
        jdbc.sql(
                "SELECT cn, data_time, received_at, remote_addr, raw"
                    + where
                    + " ORDER BY data_time DESC LIMIT :limit OFFSET :offset")
            .param("d", deviceId)
            .param("cn", cn)
            .param("from", from)
            .param("to", to)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(
                (rs, i) ->
                    new RawPacket(
                        rs.getString("cn"),
                        rs.getTimestamp("data_time").toLocalDateTime(),
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("remote_addr"),
                        RawText.masked(RawText.of(rs.getBytes("raw")))))
            .list();
    return new PageResult<>(items, total, page);
  }

  /** Raw packets read at a time for a download: a day may hold hundreds of thousands. */
  static final int RAW_DOWNLOAD_CHUNK = 1000;

  /**
   * Writes the raw packets of one CN and one day, oldest first, each as the device sent it and
   * followed by CR LF: a byte stream that {@code hj212 check} and {@code hj212 replay} read.
   * Packets whose raw text the retention cleared are left out. Read in chunks along the key, so
   * that neither the memory nor a database connection is held for the whole day.
   *
   * @param written told the packets written so far, after each one
   * @throws IOException when the output fails (the client went away)
   */
  public void writeRawPackets(
      long deviceId, String cn, LocalDate day, OutputStream out, LongConsumer written)
      throws IOException {
    Timestamp after = Timestamp.valueOf(day.atStartOfDay().minusNanos(1000));
    Timestamp to = Timestamp.valueOf(day.plusDays(1).atStartOfDay());
    long count = 0;
    while (true) {
      List<RawFrame> chunk =
          jdbc.sql(
                  "SELECT data_time, raw FROM data_packet WHERE device_id = :d AND cn = :cn"
                      + " AND data_time > :after AND data_time < :to AND raw IS NOT NULL"
                      + " ORDER BY data_time LIMIT :limit")
              .param("d", deviceId)
              .param("cn", cn)
              .param("after", after)
              .param("to", to)
              .param("limit", RAW_DOWNLOAD_CHUNK)
              .query((rs, i) -> new RawFrame(rs.getTimestamp("data_time"), rs.getBytes("raw")))
              .list();
      for (RawFrame f : chunk) {
        out.write(f.raw());
        out.write(RawText.LINE_END);
        written.accept(++count);
      }
      if (chunk.size() < RAW_DOWNLOAD_CHUNK) {
        return;
      }
      after = chunk.get(chunk.size() - 1).dataTime();
    }
  }

  private record RawFrame(Timestamp dataTime, byte[] raw) {}

  public PageResult<DeviceCommand> commands(long deviceId, PageQuery wanted) {
    long total =
        jdbc.sql("SELECT COUNT(*) FROM device_command WHERE device_id = :d")
            .param("d", deviceId)
            .query(Long.class)
            .single();
    PageQuery page = wanted.within(total);
    List<DeviceCommand> items =
        jdbc.sql(
                "SELECT * FROM device_command WHERE device_id = :d ORDER BY id DESC"
                    + " LIMIT :limit OFFSET :offset")
            .param("d", deviceId)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(MonitoringQueries::command)
            .list();
    return new PageResult<>(items, total, page);
  }

  public Optional<DeviceCommand> command(long id) {
    return jdbc.sql("SELECT * FROM device_command WHERE id = :id")
        .param("id", id)
        .query(MonitoringQueries::command)
        .optional();
  }

  /** Deletes raw packets received before a time; the observations stay. */
  public int deleteRawBefore(OffsetDateTime before) {
    return jdbc.sql("UPDATE data_packet SET raw = NULL WHERE received_at < :t AND raw IS NOT NULL")
        .param("t", before)
        .update();
  }

  private static DeviceCommand command(ResultSet rs, int row) throws SQLException {
    return new DeviceCommand(
        rs.getLong("id"),
        rs.getLong("device_id"),
        rs.getString("qn"),
        rs.getString("cn"),
        rs.getString("description"),
        rs.getString("requested_by"),
        rs.getObject("requested_at", OffsetDateTime.class),
        CommandStatus.valueOf(rs.getString("status")),
        Optional.ofNullable(rs.getString("answer")),
        Optional.ofNullable(rs.getObject("answered_at", OffsetDateTime.class)));
  }

  private static Observation observation(ResultSet rs, int row) throws SQLException {
    return new Observation(
        rs.getLong("device_id"),
        ObservationKind.valueOf(rs.getString("kind")),
        rs.getString("factor"),
        rs.getTimestamp("data_time").toLocalDateTime(),
        optional(rs, "val"),
        optional(rs, "min_val"),
        optional(rs, "max_val"),
        optional(rs, "cou_val"),
        optional(rs, "converted"),
        Optional.ofNullable(rs.getString("flag")));
  }

  private static OptionalDouble optional(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
