package org.qingshan.server.home;

import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The home page's own menu entry, first. */
@Configuration
class HomeFeature {
  @Bean
  MenuEntry homeMenu() {
    return new MenuEntry("nav.home", "/", 0);
  }
}
