package org.qingshan.server.device;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.ingest.IngestQueue;
import org.qingshan.server.ingest.PacketsStored;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The protocol version each device's packets declare (their Flag), beside the registered one: kept
 * in memory and written once a minute and at shutdown, like {@link DeviceActivity}, and only when
 * it changed.
 */
@Component
public class SeenProtocols implements SmartLifecycle {
  /** The version a device's packets last declared, and when. */
  public record Seen(ProtocolVersion protocol, Instant at) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final Map<String, Seen> unsaved = new ConcurrentHashMap<>();
  private final JdbcClient jdbc;
  private volatile boolean running;

  SeenProtocols(JdbcClient jdbc) {
    this.jdbc = jdbc;
    jdbc.sql(
            "SELECT mn, seen_protocol, seen_protocol_at FROM device"
                + " WHERE seen_protocol IS NOT NULL")
        .query(
            rs -> {
              Optional<ProtocolVersion> p = known(rs.getString("seen_protocol"));
              OffsetDateTime at = rs.getObject("seen_protocol_at", OffsetDateTime.class);
              if (p.isPresent() && at != null) {
                seen.put(rs.getString("mn"), new Seen(p.get(), at.toInstant()));
              }
            });
  }

  /** A version a newer codec wrote and this one does not know is left out rather than failing. */
  private static Optional<ProtocolVersion> known(String name) {
    for (ProtocolVersion v : ProtocolVersion.values()) {
      if (v.name().equals(name)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  @EventListener
  void stored(PacketsStored commit) {
    for (ReceivedPacket p : commit.heard()) {
      String mn = p.packet().mn();
      Seen now = new Seen(p.packet().protocol(), p.receivedAt());
      Seen before = seen.get(mn);
      if (before == null || before.at().isBefore(now.at())) {
        seen.put(mn, now);
        if (before == null || before.protocol() != now.protocol()) {
          unsaved.put(mn, now);
        }
      }
    }
  }

  public Optional<Seen> of(String mn) {
    return Optional.ofNullable(seen.get(mn));
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void save() {
    List<Object[]> rows = new ArrayList<>();
    for (String mn : Map.copyOf(unsaved).keySet()) {
      Seen s = unsaved.remove(mn);
      if (s != null) {
        rows.add(new Object[] {s.protocol().name(), s.at().atOffset(ZoneOffset.UTC), mn});
      }
    }
    for (Object[] r : rows) {
      jdbc.sql("UPDATE device SET seen_protocol = ?, seen_protocol_at = ? WHERE mn = ?")
          .params(r)
          .update();
    }
  }

  @Override
  public void start() {
    running = true;
  }

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
