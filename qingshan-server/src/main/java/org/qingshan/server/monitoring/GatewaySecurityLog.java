package org.qingshan.server.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.qingshan.hj212.gateway.SecurityEvent;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.registry.Device;
import org.qingshan.server.registry.DeviceRegistry;
import org.qingshan.server.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the gateway's security events where an admin sees them: a row in the audit log (操作 安全告警, on
 * the device where there is one), a WARN line, and a counter by kind. A flood of events is counted
 * in full but recorded and logged at most once a minute per kind and device or address.
 */
final class GatewaySecurityLog {
  private static final Logger log = LoggerFactory.getLogger(GatewaySecurityLog.class);

  private final AuditLog audit;
  private final DeviceRegistry registry;
  private final Messages messages;
  private final MeterRegistry meters;
  private final LogOncePer oncePer;
  private final SecurityAlerts alerts;

  GatewaySecurityLog(
      AuditLog audit,
      DeviceRegistry registry,
      Messages messages,
      MeterRegistry meters,
      LogOncePer oncePer,
      SecurityAlerts alerts) {
    this.alerts = alerts;
    this.audit = audit;
    this.registry = registry;
    this.messages = messages;
    this.meters = meters;
    this.oncePer = oncePer;
  }

  static GatewaySecurityLog of(
      AuditLog audit,
      DeviceRegistry registry,
      Messages messages,
      MeterRegistry meters,
      SecurityAlerts alerts) {
    return new GatewaySecurityLog(
        audit, registry, messages, meters, new LogOncePer(Duration.ofMinutes(1)), alerts);
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
    recorder.execute(() -> record(event));
  }

  private void record(SecurityEvent event) {
    Optional<Device> device = event.mn().flatMap(registry::byMn);
    Map<String, Object> what = new LinkedHashMap<>();
    event.mn().ifPresent(mn -> what.put("mn", mn));
    what.put("remoteAddress", event.remoteAddress());
    event.otherAddress().ifPresent(a -> what.put("otherAddress", a));
    if (event.failures() > 0) {
      what.put("failures", event.failures());
      what.put("lockedMinutes", event.lockedFor().toMinutes());
    }
    try {
      audit.recordFromAddress(
          hostOf(event.remoteAddress()),
          AuditAction.SECURITY_ALERT,
          device.isPresent() ? "device" : "gateway",
          device.map(Device::id).orElse(null),
          summary(event),
          Optional.of(what));
    } catch (RuntimeException e) {
      log.warn("could not record a gateway security alert: {}", e.toString());
    }
  }

  private String summary(SecurityEvent e) {
    String mn = e.mn().orElse("");
    return switch (e.kind()) {
      case DEVICE_LOCKED ->
          messages.get(
              "gateway.alert.device-locked",
              mn,
              e.failures(),
              e.remoteAddress(),
              e.lockedFor().toMinutes());
      case ADDRESS_LOCKED ->
          messages.get(
              "gateway.alert.address-locked",
              e.remoteAddress(),
              e.failures(),
              e.lockedFor().toMinutes());
      case SECOND_CONNECTION ->
          messages.get(
              "gateway.alert.second-connection",
              mn,
              e.remoteAddress(),
              e.otherAddress().orElse(""));
    };
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
  static String hostOf(String remote) {
    long colons = remote.chars().filter(c -> c == ':').count();
    return colons == 1 || colons == 8 ? remote.substring(0, remote.lastIndexOf(':')) : remote;
  }
}
