package org.qingshan.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
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

  private final MeterRegistry meters;
  private final LogOncePer oncePer = new LogOncePer(Duration.ofMinutes(1));
  private final DeviceTally<PacketScreen.Reason> byMn = new DeviceTally<>();

  RefusalLog(MeterRegistry meters) {
    this.meters = meters;
  }

  void refused(ReceivedPacket received, PacketScreen.Refusal refusal) {
    meters.counter("qingshan.ingest.refused", "reason", refusal.reason().name()).increment();
    String mn = received.packet().mn();
    byMn.add(mn, refusal.reason(), received.receivedAt());
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

  /** A device's refusals since start: how many, the last reason and when. */
  public Optional<DeviceTally.Count<PacketScreen.Reason>> of(String mn) {
    return byMn.of(mn);
  }
}
