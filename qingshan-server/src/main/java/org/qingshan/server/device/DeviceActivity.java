package org.qingshan.server.device;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.server.ingest.IngestQueue;
import org.qingshan.server.ingest.PacketsStored;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When each MN was last heard: in memory for the live device list, written to the registry once a
 * minute and at shutdown rather than with every batch, which would cost an update per device per
 * batch on the ingest path.
 */
@Component
public class DeviceActivity implements SmartLifecycle {
  private final Map<String, Instant> lastPacket = new ConcurrentHashMap<>();
  private final Map<String, Instant> unsaved = new ConcurrentHashMap<>();
  private final DeviceRegistry registry;
  private final DeviceRepository devices;
  private volatile boolean running;

  DeviceActivity(DeviceRegistry registry, DeviceRepository devices) {
    this.registry = registry;
    this.devices = devices;
  }

  @EventListener
  void stored(PacketsStored commit) {
    commit.heard().forEach(this::heard);
  }

  private void heard(ReceivedPacket packet) {
    String mn = packet.packet().mn();
    lastPacket.merge(mn, packet.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
    unsaved.merge(mn, packet.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
  }

  public Optional<Instant> lastPacket(String mn) {
    return Optional.ofNullable(lastPacket.get(mn));
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void save() {
    Map<Long, OffsetDateTime> byId = new HashMap<>();
    for (String mn : Map.copyOf(unsaved).keySet()) {
      Instant at = unsaved.remove(mn);
      if (at != null) {
        registry.byMn(mn).ifPresent(d -> byId.put(d.id(), at.atOffset(ZoneOffset.UTC)));
      }
    }
    if (!byId.isEmpty()) {
      devices.touchLastSeen(byId);
    }
  }

  @Override
  public void start() {
    running = true;
  }

  /** Stops after the ingest queue has drained (lower phase stops later), then saves. */
  @Override
  public void stop() {
    save();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return IngestQueue.PHASE - 1;
  }
}
