package org.qingshan.server.device;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.department.DepartmentTree;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.FormSubmission;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The device list, the registry form, and the devices the gateway turned away. */
@Controller
@RequestMapping("/devices")
class DeviceController {
  private final DeviceRegistry registry;
  private final DeviceRepository devices;
  private final UnknownDeviceRepository unknown;
  private final UnknownDeviceList unknownList;
  private final DeviceStatusView status;
  private final DepartmentService departments;
  private final CurrentUser currentUser;
  private final ExcelExport excel;
  private final Messages messages;
  private final DeviceKeys keys;
  private final DeviceActivations activations;

  DeviceController(
      DeviceRegistry registry,
      DeviceRepository devices,
      UnknownDeviceRepository unknown,
      UnknownDeviceList unknownList,
      DeviceStatusView status,
      DepartmentService departments,
      CurrentUser currentUser,
      ExcelExport excel,
      Messages messages,
      DeviceKeys keys,
      DeviceActivations activations) {
    this.keys = keys;
    this.activations = activations;
    this.registry = registry;
    this.devices = devices;
    this.unknown = unknown;
    this.unknownList = unknownList;
    this.status = status;
    this.departments = departments;
    this.currentUser = currentUser;
    this.excel = excel;
    this.messages = messages;
  }

  @ModelAttribute("kinds")
  DeviceKind[] kinds() {
    return DeviceKind.values();
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) DeviceKind kind,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    PageResult<Device> result = devices.search(search(q, kind), PageQuery.of(page, size));
    model.addAttribute("page", result.map(status::of));
    model.addAttribute("tree", departments.tree());
    model.addAttribute("q", q);
    model.addAttribute("kind", kind);
    return "devices/list";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) DeviceKind kind,
      HttpServletResponse response)
      throws IOException {
    DepartmentTree tree = departments.tree();
    List<List<?>> rows = new ArrayList<>();
    for (Device d : devices.search(search(q, kind), PageQuery.EXPORT).items()) {
      DeviceStatusView.Row row = status.of(d);
      rows.add(
          List.of(
              d.mn(),
              d.name(),
              messages.label(d.kind()),
              d.site().orElse(""),
              d.departmentId().map(tree::pathOf).orElse(""),
              messages.get(row.online() ? "device.online" : "device.offline"),
              row.lastPacket().map(t -> (Object) t).orElse(""),
              messages.get(d.blocked() ? "device.blocked" : "device.active")));
    }
    excel.write(
        response,
        messages.get("nav.devices"),
        messages.all(
            "device.mn",
            "device.name",
            "device.kind",
            "device.site",
            "device.department",
            "device.status",
            "device.last-packet",
            "device.registry-status"),
        rows);
  }

  private DeviceSearch search(String q, DeviceKind kind) {
    return new DeviceSearch(
        SearchText.of(q), Optional.ofNullable(kind), currentUser.scope().filter());
  }

  @GetMapping("/new")
  String newForm(
      @RequestParam(required = false) String mn,
      @RequestParam(required = false) String activation,
      Model model) {
    Optional<Activation> waiting =
        Optional.ofNullable(activation)
            .flatMap(activations::find)
            .filter(a -> a.state() == ActivationState.WAITING);
    if (waiting.isPresent()) {
      model.addAttribute("activation", waiting.get());
      model.addAttribute("form", DeviceForm.forUnknown(activations.newMn(), waiting.get().st()));
      return editView(model, Optional.empty());
    }
    model.addAttribute(
        "form",
        Optional.ofNullable(mn)
            .flatMap(unknown::find)
            .map(u -> DeviceForm.forUnknown(u.mn(), u.st().orElse("")))
            .orElse(DeviceForm.empty()));
    return editView(model, Optional.empty());
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") DeviceForm form,
      BindingResult errors,
      @RequestParam(required = false) String activation,
      Model model,
      RedirectAttributes redirect) {
    Optional<Activation> waiting =
        Optional.ofNullable(activation)
            .flatMap(activations::find)
            .filter(a -> a.state() == ActivationState.WAITING);
    waiting.ifPresent(a -> model.addAttribute("activation", a));
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "device.saved",
        () -> {
          if (activation != null && waiting.isEmpty()) {
            throw new UserFacingException("device.activation.not-waiting");
          }
          Device created =
              waiting.isPresent()
                  ? activations.register(waiting.get().serial(), form)
                  : registry.register(form);
          return "/devices/" + created.id();
        },
        () -> editView(model, Optional.empty()));
  }

  @GetMapping("/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    Device d = registry.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    model.addAttribute("form", DeviceForm.of(d));
    return editView(model, Optional.of(d));
  }

  @PostMapping("/{id}/edit")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") DeviceForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Optional<Device> d =
        Optional.of(
            registry.find(id).orElseThrow(() -> new UserFacingException("error.not-found")));
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "device.saved",
        () -> "/devices/" + registry.update(id, form).id(),
        () -> editView(model, d));
  }

  @PostMapping("/{id}/block")
  String block(@PathVariable long id, @RequestParam boolean blocked, RedirectAttributes redirect) {
    registry.setBlocked(id, blocked);
    redirect.addFlashAttribute("notice", blocked ? "device.blocked-now" : "device.unblocked-now");
    return "redirect:/devices/" + id;
  }

  @GetMapping("/unknown")
  String unknownList(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    model.addAttribute("page", unknown.list(SearchText.of(q), PageQuery.of(page, size)));
    model.addAttribute("q", q);
    model.addAttribute("unknownBound", unknownList.bound());
    model.addAttribute("unknownRetentionDays", unknownList.retention().toDays());
    model.addAttribute("unknownNotListed", unknownList.notListed());
    model.addAttribute("activations", activations.recent());
    return "devices/unknown";
  }

  @PostMapping("/unknown/{mn}/block")
  String blockUnknown(@PathVariable String mn, RedirectAttributes redirect) {
    UnknownDevice u =
        unknown.find(mn).orElseThrow(() -> new UserFacingException("error.not-found"));
    registry.blockUnknown(u.mn(), u.st().orElse(""), messages.get("device.blocked-name", u.mn()));
    redirect.addFlashAttribute("notice", "device.blocked-now");
    return "redirect:/devices/unknown";
  }

  @GetMapping("/unknown/export")
  void unknownExport(@RequestParam(required = false) String q, HttpServletResponse response)
      throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (UnknownDevice u : unknown.list(SearchText.of(q), PageQuery.EXPORT).items()) {
      rows.add(
          List.of(
              u.mn(),
              u.st().orElse(""),
              messages.label(u.reason()),
              u.remoteAddr().orElse(""),
              u.attempts(),
              u.firstSeenAt(),
              u.lastSeenAt()));
    }
    excel.write(
        response,
        messages.get("nav.unknown-devices"),
        messages.all(
            "device.mn",
            "device.st",
            "device.refusal",
            "device.remote-addr",
            "device.attempts",
            "device.first-seen",
            "device.last-seen"),
        rows);
  }

  private String editView(Model model, Optional<Device> device) {
    model.addAttribute("device", device.orElse(null));
    model.addAttribute("keyStatus", device.map(d -> keys.status(d.id())).orElse(null));
    model.addAttribute("tree", departments.tree().nodes());
    model.addAttribute("protocols", ProtocolVersion.values());
    model.addAttribute("crcDialects", CrcDialect.values());
    return "devices/edit";
  }
}
