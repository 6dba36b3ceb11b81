package org.qingshan.server.airquality;

import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The air quality feature's place in the application: every logged-in user reads it. */
@Configuration
class AirQualityFeature {
  @Bean
  MenuEntry airMenu() {
    return new MenuEntry("nav.air", "/air", 40);
  }
}
