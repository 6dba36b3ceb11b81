package org.qingshan.server.evaluation;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.PLANNER;

import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.PublicPaths;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 评估 in the application: the planner's page (planners and admins), the public page of published
 * evaluations open without login. The API endpoint sits under /api/v1/plans/** whose rule belongs
 * to plan dispatch; the service itself refuses anyone but planners and admins.
 */
@Configuration
class EvaluationFeature {
  @Bean
  MenuEntry evaluationMenu() {
    return new MenuEntry("nav.evaluation", "/evaluation", 53);
  }

  @Bean
  PublicPaths evaluationPublicPaths() {
    return PublicPaths.of(EvaluationPublicController.PATH, EvaluationPublicController.PATH + "/**");
  }

  @Bean
  AccessRules evaluationRules() {
    return requests ->
        requests
            .requestMatchers("/evaluation", "/evaluation/**")
            .hasAnyRole(Role.names(ADMIN, PLANNER));
  }
}
