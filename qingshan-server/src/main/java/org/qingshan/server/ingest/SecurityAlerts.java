package org.qingshan.server.ingest;

import java.time.Clock;
import java.util.Optional;
import org.qingshan.hj212.gateway.SecurityEvent;
import org.springframework.stereotype.Component;

/**
 * Each device's gateway security alerts since start, for its page: how many, and the last. The rows
 * themselves are in the audit log.
 */
@Component
public class SecurityAlerts {
  private final Clock clock;
  private final DeviceTally<SecurityEvent.Kind> byMn = new DeviceTally<>();

  SecurityAlerts(Clock clock) {
    this.clock = clock;
  }

  void add(SecurityEvent event) {
    event.mn().ifPresent(mn -> byMn.add(mn, event.kind(), clock.instant()));
  }

  /** A device's alerts since start: how many, the last kind and when. */
  public Optional<DeviceTally.Count<SecurityEvent.Kind>> of(String mn) {
    return byMn.of(mn);
  }
}
