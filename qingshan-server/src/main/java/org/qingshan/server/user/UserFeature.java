package org.qingshan.server.user;

import static org.qingshan.server.security.Role.ADMIN;

import org.qingshan.server.security.AccessRules;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** User administration's place in the application: its menu entry and rules. */
@Configuration
class UserFeature {
  @Bean
  MenuEntry usersMenu() {
    return new MenuEntry("nav.users", "/users", 90);
  }

  @Bean
  AccessRules userRules() {
    return requests -> requests.requestMatchers("/users/**").hasRole(ADMIN.name());
  }
}
