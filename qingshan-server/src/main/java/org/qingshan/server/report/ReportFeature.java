package org.qingshan.server.report;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;

import java.util.Set;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.PublicPaths;
import org.qingshan.server.security.Role;
import org.qingshan.server.security.UploadEndpoint;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 随手拍's place in the application: its public pages and API open to anyone without login or CSRF
 * token (protected by limits and unguessable numbers instead), its uploads taken without a login up
 * to the report's size, and the bureau's list of reports, with the reporters' phone numbers, for
 * admins and dispatchers only.
 */
@Configuration
class ReportFeature {
  private static final String[] BUREAU = Role.names(ADMIN, DISPATCHER);

  @Bean
  PublicPaths reportPublicPaths() {
    return PublicPaths.of(
        PublicReportApi.PATH,
        PublicReportApi.PATH + "/*",
        PublicReportPages.FORM,
        PublicReportPages.FORM + "/outline.geojson",
        PublicReportPages.TRACK);
  }

  @Bean
  UploadEndpoint reportApiUpload(ReportSettings settings) {
    return new UploadEndpoint(PublicReportApi.PATH, settings.maxRequestSize(), Set.of());
  }

  @Bean
  UploadEndpoint reportPageUpload(ReportSettings settings) {
    return new UploadEndpoint(PublicReportPages.FORM, settings.maxRequestSize(), Set.of());
  }

  @Bean
  MenuEntry reportsMenu() {
    return new MenuEntry("nav.reports", "/reports", 8);
  }

  @Bean
  AccessRules reportRules() {
    return requests -> requests.requestMatchers("/reports", "/reports/**").hasAnyRole(BUREAU);
  }
}
