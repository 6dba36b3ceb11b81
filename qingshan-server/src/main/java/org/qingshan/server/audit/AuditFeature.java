package org.qingshan.server.audit;

import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log's place in the application: its menu entry and its rule (administrators). */
@Configuration
class AuditFeature {
  @Bean
  AccessRules auditRules() {
    return requests -> requests.requestMatchers("/audit/**").hasRole(Role.ADMIN.name());
  }

  @Bean
  MenuEntry auditMenu() {
    return new MenuEntry("nav.audit", "/audit", 100);
  }
}
