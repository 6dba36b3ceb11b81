package org.qingshan.server.mark;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.ENTERPRISE;
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
 * The marks feature's place in the application: bureau staff (admin, dispatcher) and enterprise
 * users file marks and evidence, only the bureau reviews, and the leadership reads.
 */
@Configuration
class MarkFeature {
  private static final String[] FILERS = Role.names(ADMIN, DISPATCHER, ENTERPRISE);
  private static final String[] REVIEWERS = Role.names(ADMIN, DISPATCHER);
  private static final String[] READERS =
      Role.names(ADMIN, DISPATCHER, ENTERPRISE, LEADER, PLANNER);

  @Bean
  MenuEntry marksMenu() {
    return new MenuEntry("nav.marks", "/marks", 64);
  }

  @Bean
  UploadEndpoint markEvidenceUpload(MarkSettings settings) {
    return new UploadEndpoint(
        MarkController.EVIDENCE_PATH,
        settings.evidenceMaxSize(),
        Set.of(ADMIN, DISPATCHER, ENTERPRISE));
  }

  @Bean
  AccessRules markRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/marks/*/accept", "/marks/*/reject")
            .hasAnyRole(REVIEWERS)
            .requestMatchers(HttpMethod.POST, "/marks", "/marks/evidence")
            .hasAnyRole(FILERS)
            .requestMatchers(HttpMethod.POST, "/marks/**")
            .denyAll()
            .requestMatchers("/marks/new")
            .hasAnyRole(FILERS)
            .requestMatchers("/marks", "/marks/**")
            .hasAnyRole(READERS);
  }
}
