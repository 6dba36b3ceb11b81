package org.qingshan.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.user.PasswordPolicy;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: the menu for the user's roles and which entry is open. */
@ControllerAdvice
class LayoutAdvice {
  private final CurrentUser currentUser;
  private final Permissions may;
  private final PasswordPolicy passwordPolicy;

  LayoutAdvice(CurrentUser currentUser, Permissions may, PasswordPolicy passwordPolicy) {
    this.currentUser = currentUser;
    this.may = may;
    this.passwordPolicy = passwordPolicy;
  }

  /** The password rules, for the forms that set one to state them. */
  @ModelAttribute("passwordRules")
  PasswordPolicy passwordRules() {
    return passwordPolicy;
  }

  /** The entries the user may open: the access rules decide, the menu keeps no table of roles. */
  @ModelAttribute("menu")
  List<NavigationMenu.Item> menu() {
    return NavigationMenu.ITEMS.stream().filter(i -> may.get(i.path())).toList();
  }

  @ModelAttribute("me")
  QingshanPrincipal me() {
    return currentUser.principal().orElse(null);
  }

  @ModelAttribute("activePath")
  String activePath(HttpServletRequest request) {
    String path = request.getServletPath();
    return NavigationMenu.ITEMS.stream()
        .map(NavigationMenu.Item::path)
        .filter(p -> !p.equals("/") && (path.equals(p) || path.startsWith(p + "/")))
        .max(java.util.Comparator.comparingInt(String::length))
        .orElse(path.equals("/") ? "/" : "");
  }

  @ModelAttribute("roles")
  Set<org.qingshan.server.user.Role> roles() {
    return currentUser.principal().map(QingshanPrincipal::roles).orElse(Set.of());
  }
}
