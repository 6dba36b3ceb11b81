package org.qingshan.server.portal;

import static org.qingshan.server.security.Role.ENTERPRISE;

import java.util.Optional;
import java.util.Set;
import org.qingshan.server.duty.AlarmSearch;
import org.qingshan.server.duty.DutyAlarms;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.UploadEndpoint;
import org.qingshan.server.web.DashboardTile;
import org.qingshan.server.web.DashboardTile.Tile;
import org.qingshan.server.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The enterprise portal's place in the application: its menu entry, rules, upload, home tile. */
@Configuration
class PortalFeature {
  @Bean
  MenuEntry portalMenu() {
    return new MenuEntry("nav.portal", "/portal", 4);
  }

  @Bean
  AccessRules portalRules() {
    return requests -> requests.requestMatchers("/portal", "/portal/**").hasRole(ENTERPRISE.name());
  }

  @Bean
  UploadEndpoint explanationUpload(PortalSettings settings) {
    return new UploadEndpoint(
        ExplanationController.PATH, settings.explanationMaxSize(), Set.of(ENTERPRISE));
  }

  /** The enterprise's alarms not yet closed, for its own users. */
  @Bean
  DashboardTile enterpriseAlarmsTile(PortalAccess access, DutyAlarms alarms, CurrentUser user) {
    return DashboardTile.of(
        4,
        () -> {
          if (!user.require().has(ENTERPRISE)) {
            return Optional.empty();
          }
          return access
              .enterprise()
              .map(
                  e ->
                      Tile.linked(
                          "portal.open-alarms",
                          String.valueOf(
                              alarms.count(AlarmSearch.notClosed().ofEnterprise(e.id()))),
                          "/portal"));
        });
  }
}
