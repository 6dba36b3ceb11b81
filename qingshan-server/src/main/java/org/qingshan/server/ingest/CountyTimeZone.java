package org.qingshan.server.ingest;

import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The county's time zone as a bean: the zone of the devices' local times ({@code
 * qingshan.hj212.time-zone}), in which every page shows times and cuts days.
 */
@Configuration
class CountyTimeZone {
  @Bean
  static ZoneId countyZone(GatewaySettings settings) {
    return ZoneId.of(settings.timeZone());
  }
}
