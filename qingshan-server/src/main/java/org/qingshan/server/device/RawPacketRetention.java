package org.qingshan.server.device;

import java.time.OffsetDateTime;
import org.qingshan.server.ingest.GatewaySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drops the raw text of packets older than the retention; the packet's key row stays, so a device
 * resending old data is still recognised as a duplicate.
 */
@Component
class RawPacketRetention {
  private static final Logger log = LoggerFactory.getLogger(RawPacketRetention.class);
  private final MonitoringQueries queries;
  private final GatewaySettings settings;

  RawPacketRetention(MonitoringQueries queries, GatewaySettings settings) {
    this.queries = queries;
    this.settings = settings;
  }

  @Scheduled(cron = "0 17 3 * * *")
  void purge() {
    int n = queries.deleteRawBefore(OffsetDateTime.now().minus(settings.rawRetention()));
    log.info("raw packet retention: cleared {} packets older than {}", n, settings.rawRetention());
  }
}
