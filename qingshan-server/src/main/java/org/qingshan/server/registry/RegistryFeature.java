package org.qingshan.server.registry;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.ENTERPRISE;
import static org.qingshan.server.security.Role.LEADER;
import static org.qingshan.server.security.Role.PLANNER;

import java.util.Optional;
import java.util.Set;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.security.UploadEndpoint;
import org.qingshan.server.web.DashboardTile;
import org.qingshan.server.web.DashboardTile.Tile;
import org.qingshan.server.web.MenuEntry;
import org.qingshan.server.web.PageQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The registry's place in the application: 污染源档案 in the menu, who may read and change it (the
 * administrator changes; dispatchers, leaders and planners read; an enterprise user reads its own),
 * and the home tile.
 */
@Configuration
class RegistryFeature {
  private static final String[] READERS = Role.names(ADMIN, DISPATCHER, LEADER, PLANNER);

  @Bean
  MenuEntry enterprisesMenu() {
    return new MenuEntry("nav.enterprises", "/enterprises", 15);
  }

  @Bean
  AccessRules registryRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/enterprises", "/enterprises/**")
            .hasRole(ADMIN.name())
            .requestMatchers("/registry/import", "/registry/import/**", "/registry/template")
            .hasRole(ADMIN.name())
            .requestMatchers("/registry/export")
            .hasAnyRole(READERS)
            .requestMatchers(
                "/enterprises/new",
                "/enterprises/*/edit",
                "/enterprises/*/outlets/new",
                "/enterprises/*/outlets/*/edit")
            .hasRole(ADMIN.name())
            .requestMatchers("/enterprises/export")
            .hasAnyRole(READERS)
            .requestMatchers("/enterprises", "/enterprises/**")
            .hasAnyRole(Role.names(ADMIN, DISPATCHER, LEADER, PLANNER, ENTERPRISE));
  }

  /** The registry workbook, within the size the bureau set (qingshan.registry.import-max-size). */
  @Bean
  UploadEndpoint registryUpload(RegistrySettings settings) {
    return new UploadEndpoint("/registry/import", settings.importMaxSize(), Set.of(ADMIN));
  }

  /** The enterprises the user may see. */
  @Bean
  DashboardTile enterprisesTile(EnterpriseRepository enterprises, RegistryAccess access) {
    return DashboardTile.of(
        15,
        () -> {
          long count =
              enterprises
                  .search(
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      access.departmentFilter(),
                      access.idFilter(),
                      new PageQuery(1, 1))
                  .total();
          return Optional.of(
              Tile.linked("home.enterprises", String.valueOf(count), "/enterprises"));
        });
  }
}
