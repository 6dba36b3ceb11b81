package org.qingshan.server.warning;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.LEADER;
import static org.qingshan.server.security.Role.PLANNER;

import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The heavy-pollution warning feature's place in the application: its menu entry and rules. */
@Configuration
class WarningFeature {
  @Bean
  MenuEntry warningMenu() {
    return new MenuEntry("nav.warnings", "/settings/warnings", 60);
  }

  /**
   * Everyone who acts on a warning reads the rules in force; only an administrator changes them.
   */
  @Bean
  AccessRules warningRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/settings/warnings/**")
            .hasRole(ADMIN.name())
            .requestMatchers("/settings/warnings/**")
            .hasAnyRole(Role.names(ADMIN, PLANNER, DISPATCHER, LEADER));
  }
}
