package org.qingshan.server.home;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.audit.AuditSearch;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.DashboardTile;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageSection;
import org.qingshan.server.web.PageSections;
import org.qingshan.server.web.Permissions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home dashboard: the figures (tiles) and overviews (sections) every feature contributes for
 * the user's scope.
 */
@Controller
class HomeController {
  private final List<DashboardTile> tiles;
  private final DepartmentService departments;
  private final AuditLog audit;
  private final CurrentUser currentUser;
  private final Messages messages;
  private final Permissions may;
  private final PageSections sections;

  HomeController(
      List<DashboardTile> tiles,
      PageSections sections,
      DepartmentService departments,
      AuditLog audit,
      CurrentUser currentUser,
      Messages messages,
      Permissions may) {
    this.tiles = tiles.stream().sorted((a, b) -> Integer.compare(a.order(), b.order())).toList();
    this.departments = departments;
    this.audit = audit;
    this.currentUser = currentUser;
    this.messages = messages;
    this.may = may;
    this.sections = sections;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute(
        "tiles",
        tiles.stream()
            .map(DashboardTile::tile)
            .flatMap(Optional::stream)
            // a figure whose page the user may not open is not theirs to see
            .filter(t -> t.link().map(may::get).orElse(true))
            .toList());
    model.addAttribute("sections", sections.of(PageSection.HOME, 0));
    if (currentUser.require().has(Role.ADMIN)) {
      // the unit counts are the admin's (who keeps the departments), not the other roles' work
      Map<DepartmentKind, Integer> byKind = new EnumMap<>(DepartmentKind.class);
      departments.tree().nodes().forEach(n -> byKind.merge(n.department().kind(), 1, Integer::sum));
      Map<String, Integer> chart = new LinkedHashMap<>();
      byKind.forEach((k, v) -> chart.put(messages.label(k), v));
      model.addAttribute("departmentsByKind", chart);
      model.addAttribute("recentChanges", audit.search(AuditSearch.none(), new PageQuery(1, 8)));
    }
    return "home";
  }
}
