package org.qingshan.server.grid;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.GRID_MEMBER;
import static org.qingshan.server.security.Role.LEADER;
import static org.qingshan.server.security.Role.PLANNER;

import java.util.Set;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.security.UploadEndpoint;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The grids feature's place in the application: the bureau (admin, dispatcher) keeps grids, members
 * and enterprises; leaders and planners read them and the coverage; grid members check in their
 * patrols on the phone page.
 */
@Configuration
class GridFeature {
  static final String[] KEEPERS = Role.names(ADMIN, DISPATCHER);
  static final String[] READERS = Role.names(ADMIN, DISPATCHER, LEADER, PLANNER);

  @Bean
  MenuEntry gridsMenu() {
    return new MenuEntry("nav.grids", "/grids", 24);
  }

  @Bean
  MenuEntry gridCoverageMenu() {
    return new MenuEntry("nav.grid-coverage", "/grids/coverage", 25);
  }

  @Bean
  MenuEntry patrolMenu() {
    return new MenuEntry("nav.patrol", PatrolController.PATH, 3);
  }

  /** The check-in's photos, all of them together within the configured size. */
  @Bean
  UploadEndpoint patrolUpload(GridSettings settings) {
    return new UploadEndpoint(PatrolController.PATH, settings.uploadMaxSize(), Set.of(GRID_MEMBER));
  }

  @Bean
  AccessRules gridRules() {
    return requests ->
        requests
            .requestMatchers(PatrolController.PATH, PatrolController.PATH + "/**")
            .hasRole(GRID_MEMBER.name())
            .requestMatchers(HttpMethod.GET, "/grids/patrols/photos/*")
            .hasAnyRole(Role.names(ADMIN, DISPATCHER, LEADER, PLANNER, GRID_MEMBER))
            .requestMatchers(HttpMethod.POST, "/grids", "/grids/**")
            .hasAnyRole(KEEPERS)
            .requestMatchers("/grids/new", "/grids/*/edit")
            .hasAnyRole(KEEPERS)
            .requestMatchers("/grids", "/grids/**")
            .hasAnyRole(READERS);
  }
}
