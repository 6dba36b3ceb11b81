package org.qingshan.server.department;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.LEADER;
import static org.qingshan.server.security.Role.PLANNER;

import java.util.Optional;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.DashboardTile;
import org.qingshan.server.web.DashboardTile.Tile;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The departments feature's place in the application: its menu entry, rules and home tiles. */
@Configuration
class DepartmentFeature {
  @Bean
  MenuEntry departmentsMenu() {
    return new MenuEntry("nav.departments", "/departments", 80);
  }

  @Bean
  AccessRules departmentRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/departments/**")
            .hasRole(ADMIN.name())
            .requestMatchers("/departments/*/edit", "/departments/new")
            .hasRole(ADMIN.name())
            .requestMatchers("/departments/**")
            .hasAnyRole(Role.names(ADMIN, PLANNER, DISPATCHER, LEADER));
  }

  @Bean
  DashboardTile departmentsTile(DepartmentService departments) {
    return DashboardTile.of(
        10,
        () -> {
          return Optional.of(
              Tile.of("home.departments", String.valueOf(departments.tree().nodes().size())));
        });
  }

  /** The user's own department, by its path in the tree. */
  @Bean
  DashboardTile myDepartmentTile(DepartmentService departments, CurrentUser user) {
    return DashboardTile.of(
        80,
        () -> {
          DepartmentTree tree = departments.tree();
          return user.require()
              .departmentId()
              .map(tree::pathOf)
              .filter(p -> !p.isEmpty())
              .map(p -> Tile.of("home.my-department", p));
        });
  }
}
