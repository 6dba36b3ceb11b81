package org.qingshan.server.cases;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.GRID_MEMBER;
import static org.qingshan.server.security.Role.LEADER;
import static org.qingshan.server.security.Role.LIAISON;
import static org.qingshan.server.security.Role.PLANNER;

import java.util.Set;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.security.UploadEndpoint;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * The case pages' place in the application: the bureau's 案件办理 (dispatchers and the admin steer, the
 * leadership and planners read, the leadership may 督办) and the handlers' phone page 我的案件 (grid
 * members, department liaisons). Which case a person may act on is {@link CaseAccess}'s to decide;
 * these rules only keep each page to the roles it is for.
 */
@Configuration
class CasePagesFeature {
  static final String NEW_CASE_PATH = "/cases";
  static final String HANDLE_PATH = "/m/cases/handle";
  private static final String[] BUREAU = Role.names(ADMIN, DISPATCHER);
  private static final String[] READERS = Role.names(ADMIN, DISPATCHER, LEADER, PLANNER);
  private static final String[] HANDLERS = Role.names(GRID_MEMBER, LIAISON);

  @Bean
  MenuEntry casesMenu() {
    return new MenuEntry("nav.cases", "/cases", 7);
  }

  @Bean
  MenuEntry myCasesMenu() {
    return new MenuEntry("nav.my-cases", "/m/cases", 8);
  }

  @Bean
  UploadEndpoint newCaseUpload(CaseSettings settings) {
    return new UploadEndpoint(NEW_CASE_PATH, uploadLimit(settings), Set.of(ADMIN, DISPATCHER));
  }

  @Bean
  UploadEndpoint handleCaseUpload(CaseSettings settings) {
    return new UploadEndpoint(HANDLE_PATH, uploadLimit(settings), Set.of(GRID_MEMBER, LIAISON));
  }

  /** 核查 and 退回 on the case page take the photos of the on-site check. */
  @Bean
  UploadEndpoint verifyCaseUpload(CaseSettings settings) {
    return new UploadEndpoint(
        "/cases/*/" + CaseAction.VERIFY.code(), uploadLimit(settings), Set.of(ADMIN, DISPATCHER));
  }

  @Bean
  UploadEndpoint sendBackCaseUpload(CaseSettings settings) {
    return new UploadEndpoint(
        "/cases/*/" + CaseAction.SEND_BACK.code(),
        uploadLimit(settings),
        Set.of(ADMIN, DISPATCHER));
  }

  /** A step's photos at their largest, and room for the form's fields. */
  public static DataSize uploadLimit(CaseSettings settings) {
    return DataSize.ofBytes(
        settings.photoMaxSize().toBytes() * settings.maxPhotos()
            + DataSize.ofMegabytes(1).toBytes());
  }

  @Bean
  AccessRules casePageRules() {
    return requests ->
        requests
            // a photo is served to whoever may read its case (CaseService.photo decides)
            .requestMatchers(HttpMethod.GET, "/cases/*/photos/*")
            .authenticated()
            .requestMatchers(HttpMethod.POST, "/cases/*/supervise")
            .hasAnyRole(Role.names(ADMIN, DISPATCHER, LEADER))
            .requestMatchers(HttpMethod.POST, "/cases/*/comment")
            .hasAnyRole(READERS)
            .requestMatchers(HttpMethod.POST, "/cases", "/cases/**")
            .hasAnyRole(BUREAU)
            .requestMatchers("/cases/new")
            .hasAnyRole(BUREAU)
            .requestMatchers("/cases", "/cases/**")
            .hasAnyRole(READERS)
            .requestMatchers("/m/cases", "/m/cases/**")
            .hasAnyRole(HANDLERS);
  }
}
