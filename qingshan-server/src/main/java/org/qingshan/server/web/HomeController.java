package org.qingshan.server.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.audit.AuditSearch;
import org.qingshan.server.contact.ContactService;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.department.DepartmentTree;
import org.qingshan.server.monitoring.GatewayService;
import org.qingshan.server.registry.Device;
import org.qingshan.server.registry.DeviceRegistry;
import org.qingshan.server.registry.UnknownDeviceRepository;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.DataScope;
import org.qingshan.server.user.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home dashboard: what the user's scope holds today. */
@Controller
class HomeController {
  private final DepartmentService departments;
  private final ContactService contacts;
  private final AuditLog audit;
  private final CurrentUser currentUser;
  private final Messages messages;
  private final DeviceRegistry devices;
  private final GatewayService gateway;
  private final UnknownDeviceRepository unknown;

  HomeController(
      DepartmentService departments,
      ContactService contacts,
      AuditLog audit,
      CurrentUser currentUser,
      Messages messages,
      DeviceRegistry devices,
      GatewayService gateway,
      UnknownDeviceRepository unknown) {
    this.departments = departments;
    this.contacts = contacts;
    this.audit = audit;
    this.currentUser = currentUser;
    this.messages = messages;
    this.devices = devices;
    this.gateway = gateway;
    this.unknown = unknown;
  }

  @GetMapping("/")
  String home(Model model) {
    DepartmentTree tree = departments.tree();
    Map<DepartmentKind, Integer> byKind = new EnumMap<>(DepartmentKind.class);
    tree.nodes().forEach(n -> byKind.merge(n.department().kind(), 1, Integer::sum));
    Map<String, Integer> chart = new java.util.LinkedHashMap<>();
    byKind.forEach((k, v) -> chart.put(messages.label(k), v));
    model.addAttribute("departmentCount", tree.nodes().size());
    model.addAttribute("departmentsByKind", chart);
    model.addAttribute(
        "contactCount",
        contacts.search(Optional.empty(), Optional.empty(), new PageQuery(1, 1)).total());
    model.addAttribute(
        "myDepartment", currentUser.require().departmentId().map(tree::pathOf).orElse(""));
    DataScope scope = currentUser.scope();
    List<Device> visible =
        devices.all().stream().filter(d -> scope.allows(d.departmentId())).toList();
    model.addAttribute("deviceCount", visible.size());
    model.addAttribute(
        "onlineCount", visible.stream().filter(d -> gateway.isOnline(d.mn())).count());
    if (currentUser.require().has(Role.ADMIN)) {
      model.addAttribute(
          "unknownCount", unknown.list(Optional.empty(), new PageQuery(1, 1)).total());
      model.addAttribute("recentChanges", audit.search(AuditSearch.none(), new PageQuery(1, 8)));
    }
    return "home";
  }
}
