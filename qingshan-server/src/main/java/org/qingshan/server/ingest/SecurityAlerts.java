package org.qingshan.server.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.hj212.gateway.SecurityEvent;
import org.springframework.stereotype.Component;

/**
 * Each device's gateway security alerts since start, for its page: how many, and the last. The rows
 * themselves are in the audit log.
 */
@Component
public class SecurityAlerts {
  /** Devices remembered; past it the memory starts again. */
  private static final int REMEMBERED = 10_000;

  /** A device's alerts since start. */
  public record DeviceAlerts(long count, SecurityEvent.Kind lastKind, Instant lastAt) {}

  private final Clock clock;
  private final Map<String, DeviceAlerts> byMn = new ConcurrentHashMap<>();

  SecurityAlerts(Clock clock) {
    this.clock = clock;
  }

  void add(SecurityEvent event) {
    event
        .mn()
        .ifPresent(
            mn -> {
              if (byMn.size() > REMEMBERED) {
                byMn.clear();
              }
              byMn.merge(
                  mn,
                  new DeviceAlerts(1, event.kind(), clock.instant()),
                  (old, now) -> new DeviceAlerts(old.count() + 1, now.lastKind(), now.lastAt()));
            });
  }

  public Optional<DeviceAlerts> of(String mn) {
    return Optional.ofNullable(byMn.get(mn));
  }
}
