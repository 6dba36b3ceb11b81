package org.qingshan.server.duty;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.LEADER;

import java.util.Optional;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.DashboardTile;
import org.qingshan.server.web.DashboardTile.Tile;
import org.qingshan.server.web.MapLayer;
import org.qingshan.server.web.MenuEntry;
import org.qingshan.server.web.Permissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The duty screen's place in the application: its menu entries, rules, home tile, map layer. */
@Configuration
class DutyFeature {
  @Bean
  MenuEntry dutyMenu() {
    return new MenuEntry("nav.duty", "/duty", 5);
  }

  @Bean
  MenuEntry alarmsMenu() {
    return new MenuEntry("nav.alarms", "/duty/alarms", 6);
  }

  /** Those on duty and the leaders see the alarms; those on duty and the admin act on them. */
  @Bean
  AccessRules dutyRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/duty/**")
            .hasAnyRole(Role.names(ADMIN, DISPATCHER))
            .requestMatchers("/duty", "/duty/**")
            .hasAnyRole(Role.names(ADMIN, DISPATCHER, LEADER));
  }

  /** The alarms not yet closed, for those who may open the duty screen. */
  @Bean
  DashboardTile openAlarmsTile(DutyAlarms alarms, Permissions may) {
    return DashboardTile.of(
        5,
        () ->
            may.get("/duty")
                ? Optional.of(
                    Tile.linked(
                        "home.open-alarms",
                        String.valueOf(alarms.count(AlarmSearch.notClosed())),
                        "/duty"))
                : Optional.empty());
  }

  @Bean
  MapLayer alarmMapLayer() {
    return new MapLayer(DutyMapLayerController.PATH, "duty.map.layer");
  }
}
