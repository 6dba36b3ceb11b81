package org.qingshan.server.load;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** The county's present, in data time (local), for what counts as "this year". */
@Component
class EmissionClock {
  private final Clock clock;
  private final ZoneId zone;

  EmissionClock(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(zone));
  }
}
