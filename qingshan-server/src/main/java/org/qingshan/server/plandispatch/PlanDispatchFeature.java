package org.qingshan.server.plandispatch;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.PLANNER;

import java.util.EnumSet;
import java.util.Set;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.security.UploadEndpoint;
import org.qingshan.server.security.UploadSettings;
import org.qingshan.server.web.MenuEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * 规划调度 in the application: its menu entries, who may change plans (the bureau's planners and
 * admins), and the two uploads it takes (a plan document; a report's evidence files). Reading plans
 * and reporting are open to every logged-in user, the service narrowing a department's users to
 * their own department's tasks.
 */
@Configuration
class PlanDispatchFeature {
  @Bean
  MenuEntry planDispatchPlansMenu() {
    return new MenuEntry("nav.plan-dispatch", "/dispatch/plans", 51);
  }

  @Bean
  MenuEntry planDispatchMyTasksMenu() {
    return new MenuEntry("nav.plan-dispatch-my-tasks", "/dispatch/my-tasks", 52);
  }

  @Bean
  UploadEndpoint planDispatchApiUpload(UploadSettings uploads) {
    return new UploadEndpoint("/api/v1/plans", uploads.planImportMaxSize(), Set.of(ADMIN, PLANNER));
  }

  @Bean
  UploadEndpoint planDispatchPageUpload(UploadSettings uploads) {
    return new UploadEndpoint(
        "/dispatch/plans", uploads.planImportMaxSize(), Set.of(ADMIN, PLANNER));
  }

  /** The plans page's upload with a progress bar (PlanImportJobController). */
  @Bean
  UploadEndpoint planDispatchJobUpload(UploadSettings uploads) {
    return new UploadEndpoint(
        "/dispatch/plans/jobs", uploads.planImportMaxSize(), Set.of(ADMIN, PLANNER));
  }

  /** A report's files at their largest and the form's fields, never above the container's limit. */
  private static DataSize reportSize(DataSize container) {
    long files = DispatchEvidenceFiles.MAX_BYTES * DispatchEvidenceFiles.MAX_FILES + 1024L * 1024;
    return DataSize.ofBytes(Math.min(files, container.toBytes()));
  }

  @Bean
  UploadEndpoint planDispatchProgressApiUpload(
      @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize container) {
    return new UploadEndpoint(
        PlanDispatchApiController.PROGRESS_PATH, reportSize(container), EnumSet.allOf(Role.class));
  }

  @Bean
  UploadEndpoint planDispatchProgressPageUpload(
      @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize container) {
    return new UploadEndpoint(
        "/dispatch/tasks/*/progress", reportSize(container), EnumSet.allOf(Role.class));
  }

  @Bean
  AccessRules planDispatchRules() {
    String[] bureau = Role.names(ADMIN, PLANNER);
    String[] county =
        EnumSet.complementOf(EnumSet.of(Role.ENTERPRISE)).stream()
            .map(Role::name)
            .toArray(String[]::new);
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/api/v1/plans", "/api/v1/plans/*/publish")
            .hasAnyRole(bureau)
            .requestMatchers(HttpMethod.PUT, "/api/v1/plans/*/indicators/*/values")
            .hasAnyRole(bureau)
            .requestMatchers(
                HttpMethod.POST,
                "/dispatch/plans",
                "/dispatch/plans/jobs",
                "/dispatch/plans/*/publish",
                "/dispatch/plans/*/indicators/**",
                "/dispatch/review/**")
            .hasAnyRole(bureau)
            .requestMatchers(HttpMethod.GET, "/dispatch/plans/jobs/*")
            .hasAnyRole(bureau)
            // Plans are the county's: enterprises have no part in them.
            .requestMatchers(
                "/dispatch/**", "/api/v1/plans", "/api/v1/plans/**", "/api/v1/tasks/**")
            .hasAnyRole(county);
  }
}
