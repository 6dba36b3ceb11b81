package org.qingshan.server.home;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.MenuEntry;
import org.qingshan.server.web.Permissions;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: the menu for the user's roles and which entry is open. */
@ControllerAdvice
class LayoutAdvice {
  private final CurrentUser currentUser;
  private final Permissions may;
  private final NavigationMenu menu;

  LayoutAdvice(CurrentUser currentUser, Permissions may, NavigationMenu menu) {
    this.currentUser = currentUser;
    this.may = may;
    this.menu = menu;
  }

  /** The entries the user may open: the access rules decide, the menu keeps no table of roles. */
  @ModelAttribute("menu")
  List<MenuEntry> menu() {
    return menu.entries().stream().filter(i -> may.get(i.path())).toList();
  }

  @ModelAttribute("me")
  QingshanPrincipal me() {
    return currentUser.principal().orElse(null);
  }

  @ModelAttribute("activePath")
  String activePath(HttpServletRequest request) {
    String path = request.getServletPath();
    return menu.entries().stream()
        .map(MenuEntry::path)
        .filter(p -> !p.equals("/") && (path.equals(p) || path.startsWith(p + "/")))
        .max(Comparator.comparingInt(String::length))
        .orElse(path.equals("/") ? "/" : "");
  }

  @ModelAttribute("roles")
  Set<Role> roles() {
    return currentUser.principal().map(QingshanPrincipal::roles).orElse(Set.of());
  }
}
