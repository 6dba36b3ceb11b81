package org.qingshan.server.plandashboard;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.LEADER;
import static org.qingshan.server.security.Role.PLANNER;

import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * 规划看板 in the application: its menu entry, who sees it (planners, leaders, admins) and who acts on
 * it (planners, admins); the plans on the home page are {@link PlanHomeSection}.
 */
@Configuration
class PlanDashboardFeature {
  static final String PATH = "/plan-dashboard";

  @Bean
  MenuEntry planDashboardMenu() {
    return new MenuEntry("nav.plan-dashboard", PATH, 53);
  }

  @Bean
  AccessRules planDashboardRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, PATH + "/**")
            .hasAnyRole(Role.names(ADMIN, PLANNER))
            .requestMatchers(PATH, PATH + "/**")
            .hasAnyRole(Role.names(ADMIN, PLANNER, LEADER));
  }
}
