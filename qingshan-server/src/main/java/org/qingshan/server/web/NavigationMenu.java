package org.qingshan.server.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.qingshan.server.user.Role;

/** The menu, by role. Later features add their pages here. */
public final class NavigationMenu {
  /** A menu entry; an empty role set means every logged-in user. */
  public record Item(String labelKey, String path, Set<Role> roles) {
    public boolean visibleTo(Set<Role> userRoles) {
      return roles.isEmpty() || userRoles.stream().anyMatch(roles::contains);
    }
  }

  private static final Set<Role> DEPARTMENT_VIEWERS =
      EnumSet.of(Role.ADMIN, Role.PLANNER, Role.DISPATCHER, Role.LEADER);

  public static final List<Item> ITEMS =
      List.of(
          new Item("nav.home", "/", Set.of()),
          new Item("nav.map", "/map", Set.of()),
          new Item("nav.devices", "/devices", Set.of()),
          new Item("nav.unknown-devices", "/devices/unknown", EnumSet.of(Role.ADMIN)),
          new Item("nav.air", "/air", Set.of()),
          new Item("nav.plan-import", "/plans/import", EnumSet.of(Role.ADMIN, Role.PLANNER)),
          new Item("nav.warnings", "/settings/warnings", DEPARTMENT_VIEWERS),
          new Item("nav.contacts", "/contacts", Set.of()),
          new Item("nav.departments", "/departments", DEPARTMENT_VIEWERS),
          new Item("nav.users", "/users", EnumSet.of(Role.ADMIN)),
          new Item("nav.audit", "/audit", EnumSet.of(Role.ADMIN)));

  private NavigationMenu() {}

  public static List<Item> forRoles(Set<Role> roles) {
    return ITEMS.stream().filter(i -> i.visibleTo(roles)).toList();
  }
}
