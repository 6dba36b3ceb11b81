package org.qingshan.server.device;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;

import java.util.List;
import java.util.Optional;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.DashboardTile;
import org.qingshan.server.web.DashboardTile.Tile;
import org.qingshan.server.web.MenuEntry;
import org.qingshan.server.web.PageQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The device feature's place in the application: its menu entries, rules and home tiles. */
@Configuration
class DeviceFeature {
  @Bean
  MenuEntry mapMenu() {
    return new MenuEntry("nav.map", "/map", 10);
  }

  @Bean
  MenuEntry devicesMenu() {
    return new MenuEntry("nav.devices", "/devices", 20);
  }

  @Bean
  MenuEntry unknownDevicesMenu() {
    return new MenuEntry("nav.unknown-devices", "/devices/unknown", 30);
  }

  @Bean
  AccessRules deviceRules() {
    return requests ->
        requests
            .requestMatchers("/devices/unknown/**")
            .hasRole(ADMIN.name())
            .requestMatchers(HttpMethod.POST, "/devices/*/commands")
            .hasAnyRole(Role.names(ADMIN, DISPATCHER))
            .requestMatchers(
                "/devices/new",
                "/devices/*/edit",
                "/devices/*/block",
                "/devices/*/raw.txt",
                "/devices/*/sm4-key",
                "/devices/*/sm4-key/change")
            .hasRole(ADMIN.name())
            .requestMatchers(HttpMethod.POST, "/devices")
            .hasRole(ADMIN.name());
  }

  /** Online against registered, among the devices of the user's scope. */
  @Bean
  DashboardTile devicesTile(DeviceRegistry devices, GatewayService gateway, CurrentUser user) {
    return DashboardTile.of(
        20,
        () -> {
          List<Device> visible = user.visible(devices.all());
          long online = visible.stream().filter(d -> gateway.isOnline(d.mn())).count();
          return Optional.of(
              Tile.linked("home.devices", online + " / " + visible.size(), "/devices"));
        });
  }

  /**
   * Devices knocking without being registered and loggers asking for an MN, for the administrator
   * who registers them.
   */
  @Bean
  DashboardTile unknownDevicesTile(
      UnknownDeviceRepository unknown, ActivationRepository activations, CurrentUser user) {
    return DashboardTile.of(
        30,
        () -> {
          if (!user.require().has(ADMIN)) {
            return Optional.empty();
          }
          long count =
              unknown.list(Optional.empty(), new PageQuery(1, 1)).total() + activations.waiting();
          return count == 0
              ? Optional.empty()
              : Optional.of(
                  Tile.linked("nav.unknown-devices", String.valueOf(count), "/devices/unknown"));
        });
  }
}
