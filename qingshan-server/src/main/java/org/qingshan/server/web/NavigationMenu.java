package org.qingshan.server.web;

import java.util.List;

/**
 * The menu. Who sees an entry is not listed here: an entry shows to the users the access rules let
 * open its page (see {@link Permissions}).
 */
public final class NavigationMenu {
  /** A menu entry. */
  public record Item(String labelKey, String path) {}

  public static final List<Item> ITEMS =
      List.of(
          new Item("nav.home", "/"),
          new Item("nav.map", "/map"),
          new Item("nav.devices", "/devices"),
          new Item("nav.unknown-devices", "/devices/unknown"),
          new Item("nav.air", "/air"),
          new Item("nav.plan-import", "/plans/import"),
          new Item("nav.warnings", "/settings/warnings"),
          new Item("nav.contacts", "/contacts"),
          new Item("nav.departments", "/departments"),
          new Item("nav.users", "/users"),
          new Item("nav.audit", "/audit"));

  private NavigationMenu() {}
}
