package org.qingshan.server.audit;

import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit log's menu entry. Its rule (administrators only) is written where roles are known, in
 * {@code security.AuditAccess}: the audit log sits below security, which records logins in it.
 */
@Configuration
class AuditFeature {
  @Bean
  MenuEntry auditMenu() {
    return new MenuEntry("nav.audit", "/audit", 100);
  }
}
