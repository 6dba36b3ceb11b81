package org.qingshan.server.portal;

import static org.qingshan.server.security.Role.ENTERPRISE;

import java.util.Set;
import org.qingshan.server.cases.CaseSettings;
import org.qingshan.server.cases.CaseUploads;
import org.qingshan.server.security.UploadEndpoint;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cases handed to an enterprise, in its portal: a menu entry and the handling form's upload
 * (the portal's rules already keep {@code /portal/**} to enterprise users).
 */
@Configuration
class PortalCasesFeature {
  @Bean
  MenuEntry portalCasesMenu() {
    return new MenuEntry("nav.portal-cases", PortalCaseController.LIST_PATH, 4);
  }

  @Bean
  UploadEndpoint portalCaseUpload(CaseSettings settings) {
    return new UploadEndpoint(
        PortalCaseController.HANDLE_PATH, CaseUploads.upload(settings), Set.of(ENTERPRISE));
  }
}
