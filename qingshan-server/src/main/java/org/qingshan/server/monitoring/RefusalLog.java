package org.qingshan.server.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator about refused packets: every one counted by reason, a log line at most once a
 * minute per device and reason, since a device with a broken clock sends every few seconds.
 */
final class RefusalLog {
  private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

  private final MeterRegistry meters;
  private final LogOncePer oncePer = new LogOncePer(Duration.ofMinutes(1));

  RefusalLog(MeterRegistry meters) {
    this.meters = meters;
  }

  void refused(ReceivedPacket received, PacketScreen.Refusal refusal) {
    meters.counter("qingshan.ingest.refused", "reason", refusal.reason().name()).increment();
    String mn = received.packet().mn();
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
}
