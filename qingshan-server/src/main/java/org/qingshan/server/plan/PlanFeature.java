package org.qingshan.server.plan;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.PLANNER;

import java.util.Set;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.security.UploadEndpoint;
import org.qingshan.server.security.UploadSettings;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plan feature's place in the application: its menu entry and rules. */
@Configuration
class PlanFeature {
  @Bean
  MenuEntry planImportMenu() {
    return new MenuEntry("nav.plan-import", "/plans/import", 50);
  }

  /** The plan document, within the size the bureau set (qingshan.upload.plan-import-max-size). */
  @Bean
  UploadEndpoint planUpload(UploadSettings uploads) {
    return new UploadEndpoint("/plans/import", uploads.planImportMaxSize(), Set.of(ADMIN, PLANNER));
  }

  @Bean
  AccessRules planRules() {
    return requests ->
        requests.requestMatchers("/plans/import/**").hasAnyRole(Role.names(ADMIN, PLANNER));
  }
}
