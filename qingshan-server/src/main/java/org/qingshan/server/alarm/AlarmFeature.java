package org.qingshan.server.alarm;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.LEADER;

import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The alarm engine's place in the application: who reads alarms and who edits rules. */
@Configuration
class AlarmFeature {
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
