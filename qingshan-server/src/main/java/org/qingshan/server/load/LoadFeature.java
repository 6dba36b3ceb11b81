package org.qingshan.server.load;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.ENTERPRISE;
import static org.qingshan.server.security.Role.LEADER;
import static org.qingshan.server.security.Role.PLANNER;

import java.util.Map;
import java.util.Optional;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.MenuEntry;
import org.qingshan.server.web.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The loads feature's place: its menu entry, who reads it, and its part of 一企一档. */
@Configuration
class LoadFeature {
  @Bean
  MenuEntry loadsMenu() {
    return new MenuEntry("nav.loads", "/loads", 66);
  }

  @Bean
  AccessRules loadRules() {
    return requests ->
        requests
            .requestMatchers("/loads", "/loads/**")
            .hasAnyRole(Role.names(ADMIN, DISPATCHER, LEADER, PLANNER, ENTERPRISE));
  }

  /** Year-to-date loads against the permit on the enterprise's page. */
  @Bean
  PageSection enterpriseLoads(EmissionLoads loads) {
    return new PageSection() {
      @Override
      public String page() {
        return PageSection.ENTERPRISE;
      }

      @Override
      public int order() {
        return 500;
      }

      @Override
      public String fragment() {
        return "loads/section :: enterprise";
      }

      @Override
      public Optional<Map<String, Object>> model(long id) {
        return Optional.of(Map.of("enterpriseId", id, "permits", loads.permitUse(id)));
      }
    };
  }
}
