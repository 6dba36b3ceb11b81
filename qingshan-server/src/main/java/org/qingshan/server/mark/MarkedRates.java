package org.qingshan.server.mark;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.qingshan.server.registry.OutletRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 有效传输率 with marks applied: an hour of a factor under a mark in force is neither expected nor
 * counted as received or valid (the national practice excludes 停运 and similar periods from the
 * denominator), and within it the data logger's own flag is not looked at: the mark, filed by a
 * person, decides. Outside marks a value counts as valid when flagged N or not flagged.
 */
@Component
class MarkedRates {
  private final JdbcClient jdbc;
  private final MarkRepository marks;
  private final OutletRepository outlets;

  MarkedRates(JdbcClient jdbc, MarkRepository marks, OutletRepository outlets) {
    this.jdbc = jdbc;
    this.marks = marks;
    this.outlets = outlets;
  }

  /** One day of hour data of a device: counts after marks. */
  record Day(LocalDate day, long received, long expected, long valid, long marked) {
    public double transmissionRate() {
      return expected == 0 ? 1 : Math.min(1.0, (double) received / expected);
    }

    public double validityRate() {
      return received == 0 ? (expected == 0 ? 1 : 0) : (double) valid / received;
    }

    public double effectiveRate() {
      return transmissionRate() * validityRate();
    }
  }

  /**
   * Every day from {@code from} to {@code toExclusive}, up to the last closed hour of {@code now}.
   */
  List<Day> daily(long deviceId, LocalDate from, LocalDate toExclusive, LocalDateTime now) {
    LocalDateTime start = from.atStartOfDay();
    LocalDateTime end = toExclusive.atStartOfDay();
    Map<String, String> flags = new HashMap<>();
    TreeSet<String> factors = new TreeSet<>();
    jdbc.sql(
            "SELECT factor, data_time, flag FROM observation WHERE device_id = :d AND kind = 'HOUR'"
                + " AND data_time >= :from AND data_time < :to")
        .param("d", deviceId)
        .param("from", Timestamp.valueOf(start))
        .param("to", Timestamp.valueOf(end))
        .query(
            rs -> {
              String factor = rs.getString(1);
              factors.add(factor);
              String flag = rs.getString(3);
              flags.put(
                  factor + "@" + rs.getTimestamp(2).toLocalDateTime(), flag == null ? "N" : flag);
            });
    Optional<Long> outlet = outlets.outletOfDevice(deviceId);
    List<DataMark> inForce = marks.inForceForDevice(deviceId, outlet, start, end);
    long outletId = outlet.orElse(-1L);
    List<Day> out = new ArrayList<>();
    for (LocalDate day = from; day.isBefore(toExclusive) && !day.isAfter(now.toLocalDate()); ) {
      int hours = day.equals(now.toLocalDate()) ? now.getHour() : 24;
      long received = 0;
      long expected = 0;
      long valid = 0;
      long marked = 0;
      for (int h = 0; h < hours; h++) {
        LocalDateTime t = day.atTime(h, 0);
        for (String f : factors) {
          boolean underMark = false;
          for (DataMark m : inForce) {
            if (m.covers(outletId, deviceId, f, t)) {
              underMark = true;
              break;
            }
          }
          if (underMark) {
            marked++;
            continue;
          }
          expected++;
          String flag = flags.get(f + "@" + t);
          if (flag != null) {
            received++;
            if (flag.equals("N")) {
              valid++;
            }
          }
        }
      }
      out.add(new Day(day, received, expected, valid, marked));
      day = day.plusDays(1);
    }
    return out;
  }
}
