package org.qingshan.server.roster;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.GRID_MEMBER;
import static org.qingshan.server.security.Role.LEADER;
import static org.qingshan.server.security.Role.LIAISON;
import static org.qingshan.server.security.Role.PLANNER;

import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The duty roster's place: the bureau (admin, dispatcher) edits the roster and writes and takes
 * over hand-over notes; the leadership reads the log; the county's staff read the roster.
 */
@Configuration
class RosterFeature {
  private static final String[] EDITORS = Role.names(ADMIN, DISPATCHER);
  private static final String[] LOG_READERS = Role.names(ADMIN, DISPATCHER, LEADER, PLANNER);
  private static final String[] READERS =
      Role.names(ADMIN, DISPATCHER, LEADER, PLANNER, LIAISON, GRID_MEMBER);

  @Bean
  MenuEntry rosterMenu() {
    return new MenuEntry("nav.roster", "/roster", 7);
  }

  @Bean
  MenuEntry dutyLogMenu() {
    return new MenuEntry("nav.duty-log", "/roster/log", 8);
  }

  @Bean
  AccessRules rosterRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/roster/**")
            .hasAnyRole(EDITORS)
            .requestMatchers(
                "/roster/log", "/roster/log/**", "/roster/handover", "/roster/handover/**")
            .hasAnyRole(LOG_READERS)
            .requestMatchers("/roster", "/roster/**")
            .hasAnyRole(READERS);
  }
}
