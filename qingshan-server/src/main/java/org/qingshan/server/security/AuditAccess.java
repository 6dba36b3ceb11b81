package org.qingshan.server.security;

import static org.qingshan.server.security.Role.ADMIN;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who reads the audit log: administrators. The audit feature cannot say so itself, since security
 * records logins in the audit log and so sits above it.
 */
@Configuration
class AuditAccess {
  @Bean
  AccessRules auditRules() {
    return requests -> requests.requestMatchers("/audit/**").hasRole(ADMIN.name());
  }
}
