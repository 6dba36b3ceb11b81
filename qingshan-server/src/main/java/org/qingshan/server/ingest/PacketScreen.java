package org.qingshan.server.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Packet;

/**
 * Looks at a packet before it may enter a batch: a field the store cannot keep would fail the whole
 * batch, and with it other devices' acknowledgements; a time or value that cannot be real would be
 * kept as data (a DataTime in 9999 stays "latest" for ever).
 */
final class PacketScreen {
  /** The widths of the columns a packet's fields go to (V3/V6 migrations). */
  static final int MAX_QN = 32;

  static final int MAX_FACTOR = 32;

  /** Why a packet is refused; the message key is {@code ingest.refused.NAME}. */
  enum Reason {
    QN_TOO_LONG,
    CN_NOT_IN_STANDARD,
    FACTOR_CODE_TOO_LONG,
    DATA_TIME_AHEAD,
    DATA_TIME_TOO_OLD,
    VALUE_OUT_OF_RANGE
  }

  /** A refused packet: the reason and what in the packet caused it, for the log. */
  record Refusal(Reason reason, String detail) {}

  private final Duration maxAhead;
  private final Duration maxAge;
  private final double maxValue;
  private final ZoneId zone;

  PacketScreen(IngestSettings limits, ZoneId zone) {
    this.maxAhead = limits.maxDataTimeAhead();
    this.maxAge = limits.maxDataAge();
    this.maxValue = limits.maxValue();
    this.zone = zone;
  }

  Optional<Refusal> check(ReceivedPacket received) {
    Packet packet = received.packet();
    Optional<String> qn = packet.qn();
    if (qn.isPresent() && qn.get().length() > MAX_QN) {
      return refuse(Reason.QN_TOO_LONG, qn.get().length() + " characters");
    }
    if (!isStandardCn(packet.cn())) {
      return refuse(Reason.CN_NOT_IN_STANDARD, packet.cn());
    }
    Optional<LocalDateTime> dataTime = packet.cp().dataTime();
    if (dataTime.isPresent()) {
      Optional<Refusal> time = checkTime(dataTime.get(), received);
      if (time.isPresent()) {
        return time;
      }
    }
    for (FactorReading reading : packet.cp().readings()) {
      if (reading.factor().length() > MAX_FACTOR) {
        return refuse(Reason.FACTOR_CODE_TOO_LONG, reading.factor().length() + " characters");
      }
      for (FactorValue v : reading.values()) {
        // A NaN compares false both ways: the negated test refuses it with the infinities.
        if (!(Math.abs(v.value()) <= maxValue)) {
          return refuse(Reason.VALUE_OUT_OF_RANGE, reading.factor() + "-" + v.suffix().code());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Four digits: 1xxx (parameters), 2xxx (data), 3xxx (control) or one of the answers 9011–9014 or
   * the 2025 heartbeat 9015, the groups of the standard's command table. This also keeps the CN
   * within its column.
   */
  static boolean isStandardCn(String cn) {
    if (cn.length() != 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (cn.charAt(i) < '0' || cn.charAt(i) > '9') {
        return false;
      }
    }
    char group = cn.charAt(0);
    return (group >= '1' && group <= '3')
        || (cn.compareTo("9011") >= 0 && cn.compareTo("9014") <= 0)
        || cn.equals(Heartbeat.CN);
  }

  private Optional<Refusal> checkTime(LocalDateTime time, ReceivedPacket received) {
    LocalDateTime arrived = LocalDateTime.ofInstant(received.receivedAt(), zone);
    if (time.isAfter(arrived.plus(maxAhead))) {
      return refuse(Reason.DATA_TIME_AHEAD, time.toString());
    }
    if (time.isBefore(arrived.minus(maxAge))) {
      return refuse(Reason.DATA_TIME_TOO_OLD, time.toString());
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refuse(Reason reason, String detail) {
    return Optional.of(new Refusal(reason, detail));
  }
}
