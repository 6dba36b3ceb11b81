package org.qingshan.server.registryapi;

import static org.qingshan.server.security.Role.ADMIN;

import org.qingshan.server.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The registry API's rules: administrators write; reading is for anyone logged in, by scope. */
@Configuration
class RegistryApiFeature {
  @Bean
  AccessRules registryApiRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/api/v1/enterprises", "/api/v1/enterprises/**")
            .hasRole(ADMIN.name())
            .requestMatchers(HttpMethod.PUT, "/api/v1/outlets/**")
            .hasRole(ADMIN.name())
            .requestMatchers(HttpMethod.POST, "/api/v1/devices", "/api/v1/devices/**")
            .hasRole(ADMIN.name());
  }
}
