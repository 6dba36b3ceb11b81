package org.qingshan.server.alarm;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.LEADER;

import java.util.Set;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.security.UploadEndpoint;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/** The alarm engine's place in the application: who reads alarms and who edits rules. */
@Configuration
class AlarmFeature {
  @Bean
  MenuEntry alarmRulesMenu() {
    return new MenuEntry("nav.alarm-rules", "/alarm-rules", 45);
  }

  /** An Excel sheet of rules: a few thousand rows at most. */
  @Bean
  UploadEndpoint alarmRuleImport() {
    return new UploadEndpoint("/alarm-rules/import", DataSize.ofMegabytes(5), Set.of(ADMIN));
  }

  @Bean
  AccessRules alarmRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.GET, "/api/v1/alarms", "/api/v1/alarms/**")
            .hasAnyRole(Role.names(ADMIN, DISPATCHER, LEADER))
            .requestMatchers(HttpMethod.GET, "/alarm-rules", "/alarm-rules/export")
            .hasAnyRole(Role.names(ADMIN, DISPATCHER))
            .requestMatchers("/alarm-rules/**")
            .hasRole(ADMIN.name());
  }
}
