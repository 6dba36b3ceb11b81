package org.qingshan.server.analysis;

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

/**
 * 分析研判 and 集中治理: the bureau (admin, dispatcher) runs campaigns; the leadership and planners read
 * the analysis and follow the campaigns.
 */
@Configuration
class AnalysisFeature {
  private static final String[] EDITORS = Role.names(ADMIN, DISPATCHER);
  private static final String[] READERS = Role.names(ADMIN, DISPATCHER, LEADER, PLANNER);

  @Bean
  MenuEntry analysisMenu() {
    return new MenuEntry("nav.analysis", "/analysis", 67);
  }

  @Bean
  MenuEntry campaignsMenu() {
    return new MenuEntry("nav.campaigns", "/campaigns", 68);
  }

  @Bean
  AccessRules analysisRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/campaigns", "/campaigns/**")
            .hasAnyRole(EDITORS)
            .requestMatchers("/campaigns/new", "/campaigns/*/edit")
            .hasAnyRole(EDITORS)
            .requestMatchers("/campaigns", "/campaigns/**", "/analysis", "/analysis/**")
            .hasAnyRole(READERS);
  }
}
