package org.qingshan.server.device;

import java.time.Instant;
import java.util.Optional;
import org.qingshan.server.ingest.GatewayService;
import org.springframework.stereotype.Component;

/** A device with its live state: connected now, and when it last sent a packet. */
@Component
public class DeviceStatusView {
  /** A row of the device list. */
  public record Row(Device device, boolean online, Optional<Instant> lastPacket) {}

  private final GatewayService gateway;
  private final DeviceActivity activity;

  DeviceStatusView(GatewayService gateway, DeviceActivity activity) {
    this.gateway = gateway;
    this.activity = activity;
  }

  public Row of(Device d) {
    Optional<Instant> last =
        activity.lastPacket(d.mn()).or(() -> d.lastSeenAt().map(t -> t.toInstant()));
    return new Row(d, gateway.isOnline(d.mn()), last);
  }
}
