package org.qingshan.server.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.Hj212Time;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Suffix;

/** What a data packet becomes in the database: its key row and its observations. */
final class PacketRows {
  private PacketRows() {}

  /** How far a QN's time may be from the arrival for it to stand for a packet's time. */
  static final Duration QN_TIME_TOLERANCE = Duration.ofDays(1);

  /**
   * The time a packet's data is for: its DataTime; without one, the time in its QN (when the device
   * made the packet), so that a resent packet, which keeps its QN, has the same key and is stored
   * once; when the QN is no plausible time either, when it arrived.
   */
  static LocalDateTime dataTime(ReceivedPacket received, ZoneId zone) {
    Packet packet = received.packet();
    if (packet.cp().dataTime().isPresent()) {
      return packet.cp().dataTime().get();
    }
    LocalDateTime arrived = LocalDateTime.ofInstant(received.receivedAt(), zone);
    if (!packet.replyRequested()) {
      // Answers to the centre's requests carry the request's QN: several would share it.
      return arrived;
    }
    return packet
        .qn()
        .flatMap(Hj212Time::parse)
        .filter(t -> Duration.between(t, arrived).abs().compareTo(QN_TIME_TOLERANCE) <= 0)
        .orElse(arrived);
  }

  static List<Observation> observations(
      long deviceId, ObservationKind kind, Packet packet, LocalDateTime dataTime) {
    List<Observation> rows = new ArrayList<>();
    boolean realtime = kind == ObservationKind.REALTIME;
    // A factor sent twice in one packet would be two rows with one key: the first one counts.
    Set<String> seen = new HashSet<>();
    for (FactorReading r : packet.cp().readings()) {
      if (!seen.add(r.factor())) {
        continue;
      }
      OptionalDouble value = realtime ? r.value(Suffix.RTD) : r.value(Suffix.AVG);
      OptionalDouble min = r.value(Suffix.MIN);
      OptionalDouble max = r.value(Suffix.MAX);
      OptionalDouble cou = r.value(Suffix.COU);
      OptionalDouble converted = realtime ? r.value(Suffix.ZS_RTD) : r.value(Suffix.ZS_AVG);
      value = finite(value);
      min = finite(min);
      max = finite(max);
      cou = finite(cou);
      converted = finite(converted);
      if (value.isEmpty()
          && min.isEmpty()
          && max.isEmpty()
          && cou.isEmpty()
          && converted.isEmpty()) {
        continue;
      }
      Optional<String> flag = r.flagCode();
      rows.add(
          new Observation(
              deviceId,
              kind,
              truncate(r.factor(), 32),
              dataTime,
              value,
              min,
              max,
              cou,
              converted,
              flag.map(f -> truncate(f, 4))));
    }
    return rows;
  }

  /** A value no instrument can measure (1e999 decodes to infinity) is no value. */
  private static OptionalDouble finite(OptionalDouble v) {
    return v.isPresent() && !Double.isFinite(v.getAsDouble()) ? OptionalDouble.empty() : v;
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
