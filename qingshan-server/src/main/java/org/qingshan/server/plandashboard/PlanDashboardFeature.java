package org.qingshan.server.plandashboard;

import static org.qingshan.server.security.Role.ADMIN;
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
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * 规划看板 in the application: its menu entry, who sees it (planners, leaders, admins) and who acts on
 * it (planners, admins), and the plan figures on the leader's and the planner's home page.
 */
@Configuration
class PlanDashboardFeature {
  static final String PATH = "/plan-dashboard";

  @Bean
  MenuEntry planDashboardMenu() {
    return new MenuEntry("nav.plan-dashboard", PATH, 53);
  }

  @Bean
  AccessRules planDashboardRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, PATH + "/**")
            .hasAnyRole(Role.names(ADMIN, PLANNER))
            .requestMatchers(PATH, PATH + "/**")
            .hasAnyRole(Role.names(ADMIN, PLANNER, LEADER));
  }

  private static final String REQUEST_CACHE = PlanDashboardFeature.class.getName() + ".dashboard";

  /**
   * The latest published plan's dashboard for a leader or planner, built once per request for the
   * three tiles.
   */
  @SuppressWarnings("unchecked")
  private static Optional<PlanDashboard> forLeaders(CurrentUser user, PlanDashboardService s) {
    boolean leads = user.principal().map(p -> p.has(LEADER) || p.has(PLANNER)).orElse(false);
    if (!leads) {
      return Optional.empty();
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return s.dashboard(Optional.empty());
    }
    Object cached = request.getAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST);
    if (cached == null) {
      cached = s.dashboard(Optional.empty());
      request.setAttribute(REQUEST_CACHE, cached, RequestAttributes.SCOPE_REQUEST);
    }
    return (Optional<PlanDashboard>) cached;
  }

  @Bean
  DashboardTile planDashboardCompletionTile(CurrentUser user, PlanDashboardService service) {
    return DashboardTile.of(
        5,
        () ->
            forLeaders(user, service)
                .map(
                    d ->
                        Tile.linked(
                            "plandashboard.tile.completion", d.completionRate() + "%", PATH)));
  }

  @Bean
  DashboardTile planDashboardOverdueTile(CurrentUser user, PlanDashboardService service) {
    return DashboardTile.of(
        6,
        () ->
            forLeaders(user, service)
                .map(
                    d ->
                        Tile.linked(
                            "plandashboard.tile.overdue", String.valueOf(d.overdueTasks()), PATH)));
  }

  @Bean
  DashboardTile planDashboardIndicatorsTile(CurrentUser user, PlanDashboardService service) {
    return DashboardTile.of(
        7,
        () ->
            forLeaders(user, service)
                .map(
                    d ->
                        Tile.linked(
                            "plandashboard.tile.indicators",
                            String.valueOf(d.indicatorsBehind()),
                            PATH)));
  }
}
