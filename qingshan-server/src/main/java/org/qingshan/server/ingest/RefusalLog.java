package org.qingshan.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the operator and the device page about refused packets: every one counted by reason, a log
 * line at most once a minute per device and reason (a device with a broken clock sends every few
 * seconds), and each device's count and last refusal since start.
 */
@Component
public class RefusalLog {
  private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

  /** Devices whose refusals are remembered; past it the memory starts again. */
  private static final int REMEMBERED = 10_000;

  /** A device's refusals since start: how many, and the last one. */
  public record DeviceRefusals(long count, PacketScreen.Reason lastReason, Instant lastAt) {}

  private final MeterRegistry meters;
  private final LogOncePer oncePer = new LogOncePer(Duration.ofMinutes(1));
  private final Map<String, DeviceRefusals> byMn = new ConcurrentHashMap<>();

  RefusalLog(MeterRegistry meters) {
    this.meters = meters;
  }

  void refused(ReceivedPacket received, PacketScreen.Refusal refusal) {
    meters.counter("qingshan.ingest.refused", "reason", refusal.reason().name()).increment();
    String mn = received.packet().mn();
    if (byMn.size() > REMEMBERED) {
      byMn.clear();
    }
    byMn.merge(
        mn,
        new DeviceRefusals(1, refusal.reason(), received.receivedAt()),
        (old, now) -> new DeviceRefusals(old.count() + 1, now.lastReason(), now.lastAt()));
    if (oncePer.due(mn + '\n' + refusal.reason())) {
      log.warn(
          "refused a packet of MN {} (CN {}) from {}: {} {}; answered, not stored",
          LogText.of(mn),
          LogText.of(received.packet().cn()),
          LogText.of(received.remoteAddress()),
          refusal.reason(),
          LogText.of(refusal.detail()));
    }
  }

  public Optional<DeviceRefusals> of(String mn) {
    return Optional.ofNullable(byMn.get(mn));
  }
}
