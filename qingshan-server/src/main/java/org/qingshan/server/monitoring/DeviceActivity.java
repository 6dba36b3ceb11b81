package org.qingshan.server.monitoring;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.springframework.stereotype.Component;

/** When each MN was last heard, in memory, for the live status of the device list. */
@Component
public class DeviceActivity {
  private final Map<String, Instant> lastPacket = new ConcurrentHashMap<>();

  void heard(ReceivedPacket packet) {
    lastPacket.merge(packet.packet().mn(), packet.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
  }

  public Optional<Instant> lastPacket(String mn) {
    return Optional.ofNullable(lastPacket.get(mn));
  }
}
