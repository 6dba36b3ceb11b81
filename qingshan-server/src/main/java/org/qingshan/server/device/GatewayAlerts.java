package org.qingshan.server.device;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.qingshan.hj212.gateway.SecurityEvent;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.ingest.GatewaySecurityLog;
import org.qingshan.server.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The gateway's security alerts (a password being guessed, a device connected twice) on the audit
 * record an admin reads: 操作 安全告警, on the device where there is one.
 */
@Component
class GatewayAlerts {
  private static final Logger log = LoggerFactory.getLogger(GatewayAlerts.class);

  private final AuditLog audit;
  private final DeviceRegistry registry;
  private final Messages messages;

  GatewayAlerts(AuditLog audit, DeviceRegistry registry, Messages messages) {
    this.audit = audit;
    this.registry = registry;
    this.messages = messages;
  }

  @EventListener
  void alert(SecurityEvent event) {
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
          GatewaySecurityLog.hostOf(event.remoteAddress()),
          AuditAction.SECURITY_ALERT,
          device.isPresent() ? DeviceRegistry.ENTITY : "gateway",
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
}
