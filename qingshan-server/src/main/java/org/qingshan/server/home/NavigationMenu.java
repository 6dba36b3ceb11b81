package org.qingshan.server.home;

import java.util.Comparator;
import java.util.List;
import org.qingshan.server.web.MenuEntry;
import org.springframework.stereotype.Component;

/**
 * The menu: the entries every feature contributes, in their order. Who sees an entry is not listed
 * here: the layout shows the entries the access rules let the user open.
 */
@Component
class NavigationMenu {
  private final List<MenuEntry> entries;

  NavigationMenu(List<MenuEntry> contributed) {
    this.entries =
        contributed.stream()
            .sorted(Comparator.comparingInt(MenuEntry::order).thenComparing(MenuEntry::path))
            .toList();
  }

  List<MenuEntry> entries() {
    return entries;
  }
}
