package org.qingshan.server.contact;

import static org.qingshan.server.security.Role.ADMIN;
import static org.qingshan.server.security.Role.DISPATCHER;
import static org.qingshan.server.security.Role.LIAISON;
import static org.qingshan.server.security.Role.PLANNER;

import java.util.Optional;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.DashboardTile;
import org.qingshan.server.web.DashboardTile.Tile;
import org.qingshan.server.web.MenuEntry;
import org.qingshan.server.web.PageQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The contacts feature's place in the application: its menu entry, rules and home tile. */
@Configuration
class ContactFeature {
  private static final String[] EDITORS = Role.names(ADMIN, PLANNER, DISPATCHER, LIAISON);

  @Bean
  MenuEntry contactsMenu() {
    return new MenuEntry("nav.contacts", "/contacts", 70);
  }

  @Bean
  AccessRules contactRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/contacts/**")
            .hasAnyRole(EDITORS)
            .requestMatchers("/contacts/new", "/contacts/*/edit")
            .hasAnyRole(EDITORS);
  }

  /** Contacts the user may see (their scope). */
  @Bean
  DashboardTile contactsTile(ContactService contacts) {
    return DashboardTile.of(
        70,
        () -> {
          long count =
              contacts.search(Optional.empty(), Optional.empty(), new PageQuery(1, 1)).total();
          return Optional.of(Tile.of("home.contacts", String.valueOf(count)));
        });
  }
}
