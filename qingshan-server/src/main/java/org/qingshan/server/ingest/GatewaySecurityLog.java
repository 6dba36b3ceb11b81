package org.qingshan.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.qingshan.hj212.gateway.SecurityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The gateway's security events for the operator and an admin: a counter by kind, a WARN line, and
 * the event announced (off the network thread) for the audit log, where the device feature records
 * it. A flood of events is counted in full but logged and announced at most once a minute per kind
 * and device or address.
 */
public final class GatewaySecurityLog {
  private static final Logger log = LoggerFactory.getLogger(GatewaySecurityLog.class);

  private final ApplicationEventPublisher events;
  private final MeterRegistry meters;
  private final LogOncePer oncePer;
  private final SecurityAlerts alerts;

  GatewaySecurityLog(
      ApplicationEventPublisher events,
      MeterRegistry meters,
      LogOncePer oncePer,
      SecurityAlerts alerts) {
    this.events = events;
    this.meters = meters;
    this.oncePer = oncePer;
    this.alerts = alerts;
  }

  static GatewaySecurityLog of(
      ApplicationEventPublisher events, MeterRegistry meters, SecurityAlerts alerts) {
    return new GatewaySecurityLog(events, meters, new LogOncePer(Duration.ofMinutes(1)), alerts);
  }

  /**
   * Counts the event on the calling (network) thread; logs and records it on {@code recorder} when
   * due.
   */
  void event(SecurityEvent event, Executor recorder) {
    meters.counter("qingshan.hj212.security-events", "kind", event.kind().name()).increment();
    alerts.add(event);
    String key = event.kind() + "\n" + event.mn().orElse(event.remoteAddress());
    if (!oncePer.due(key)) {
      return;
    }
    log.warn("gateway security alert: {}", describe(event));
    recorder.execute(() -> events.publishEvent(event));
  }

  /** One line for the log, every part from a device escaped. */
  static String describe(SecurityEvent e) {
    String mn = LogText.of(e.mn().orElse(""));
    return switch (e.kind()) {
      case DEVICE_LOCKED ->
          String.format(
              "%d wrong passwords for MN %s (the last from %s); its logins from new addresses wait"
                  + " %d min",
              e.failures(), mn, e.remoteAddress(), e.lockedFor().toMinutes());
      case ADDRESS_LOCKED ->
          String.format(
              "%d failed logins from %s; its logins wait %d min",
              e.failures(), e.remoteAddress(), e.lockedFor().toMinutes());
      case SECOND_CONNECTION ->
          String.format(
              "MN %s logged in from %s while connected from %s; both kept, commands go to the"
                  + " newer",
              mn, e.remoteAddress(), e.otherAddress().orElse("?"));
    };
  }

  /**
   * The IP of "ip:port" as the gateway writes it (IPv4 with one colon, Java's full IPv6 form of
   * eight groups with eight); an address without a port stays as it is.
   */
  public static String hostOf(String remote) {
    long colons = remote.chars().filter(c -> c == ':').count();
    return colons == 1 || colons == 8 ? remote.substring(0, remote.lastIndexOf(':')) : remote;
  }
}
