package org.qingshan.server.cases;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.ENTERPRISE;
import static org.qingshan.server.security.Role.GRID_MEMBER;
import static org.qingshan.server.security.Role.LEADER;
import static org.qingshan.server.security.Role.LIAISON;
import static org.qingshan.server.security.Role.PLANNER;

import java.util.EnumSet;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.security.UploadEndpoint;
import org.qingshan.server.web.MenuEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * The cases API and notifications in the application: the bureau, liaisons and grid members open
 * cases; everyone logged in reads and acts on the cases {@link CaseAccess} gives them, and reads
 * their own notifications. The handling step takes photos (a request too large for them is refused
 * before it is read).
 */
@Configuration
class CaseApiFeature {
  /**
   * A step's photos in one request, but never more than the container takes (beyond it the
   * container would drop the connection instead of answering).
   */
  @Bean
  UploadEndpoint caseHandleUpload(
      CaseSettings settings,
      @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize container) {
    long photos = settings.photoMaxSize().toBytes() * settings.maxPhotos() + 64 * 1024;
    return new UploadEndpoint(
        CaseApiController.HANDLE_PATH,
        DataSize.ofBytes(Math.min(photos, container.toBytes())),
        EnumSet.of(ADMIN, DISPATCHER, LIAISON, GRID_MEMBER, ENTERPRISE, LEADER, PLANNER));
  }

  @Bean
  AccessRules caseApiRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/api/v1/cases")
            .hasAnyRole(Role.names(ADMIN, DISPATCHER, LIAISON, GRID_MEMBER));
  }

  @Bean
  MenuEntry notificationsMenu() {
    return new MenuEntry("nav.notifications", "/notifications", 98);
  }
}
