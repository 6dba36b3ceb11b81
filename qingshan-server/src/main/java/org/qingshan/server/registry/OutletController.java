package org.qingshan.server.registry;

import static org.qingshan.server.registry.EnterpriseController.act;

import jakarta.validation.Valid;
import java.util.Optional;
import java.util.OptionalDouble;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.web.FormSubmission;
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

/** An enterprise's outlets: their form, their limits and the devices that measure them. */
@Controller
@RequestMapping("/enterprises/{eid}/outlets")
class OutletController {
  private final RegistryService service;
  private final RegistryAccess access;
  private final OutletRepository outlets;
  private final DeviceRegistry devices;

  OutletController(
      RegistryService service,
      RegistryAccess access,
      OutletRepository outlets,
      DeviceRegistry devices) {
    this.service = service;
    this.access = access;
    this.outlets = outlets;
    this.devices = devices;
  }

  @GetMapping("/new")
  String newForm(@PathVariable long eid, Model model) {
    model.addAttribute("form", OutletForm.empty());
    return editView(model, access.require(eid), Optional.empty());
  }

  @PostMapping
  String create(
      @PathVariable long eid,
      @Valid @ModelAttribute("form") OutletForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Enterprise e = access.require(eid);
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "registry.outlet.saved",
        () -> path(eid, service.saveOutlet(eid, Optional.empty(), form.toOutlet(0, eid)).id()),
        () -> editView(model, e, Optional.empty()));
  }

  @GetMapping("/{oid}/edit")
  String editForm(@PathVariable long eid, @PathVariable long oid, Model model) {
    Enterprise e = access.require(eid);
    Outlet o = service.outletOf(eid, oid);
    model.addAttribute("form", OutletForm.of(o));
    return editView(model, e, Optional.of(o));
  }

  @PostMapping("/{oid}")
  String update(
      @PathVariable long eid,
      @PathVariable long oid,
      @Valid @ModelAttribute("form") OutletForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Enterprise e = access.require(eid);
    Outlet o = service.outletOf(eid, oid);
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "registry.outlet.saved",
        () -> path(eid, service.saveOutlet(eid, Optional.of(oid), form.toOutlet(oid, eid)).id()),
        () -> editView(model, e, Optional.of(o)));
  }

  private String editView(Model model, Enterprise e, Optional<Outlet> o) {
    model.addAttribute("enterprise", e);
    model.addAttribute("outlet", o.orElse(null));
    model.addAttribute("kinds", OutletKind.values());
    return "registry/outlet-edit";
  }

  /** The outlet: its limits and devices, with forms for an administrator. */
  @GetMapping("/{oid}")
  String view(@PathVariable long eid, @PathVariable long oid, Model model) {
    Enterprise e = access.require(eid);
    Outlet o = service.outletOf(eid, oid);
    model.addAttribute("enterprise", e);
    model.addAttribute("outlet", o);
    model.addAttribute("limits", outlets.limits(oid));
    model.addAttribute(
        "bound",
        outlets.devicesOfOutlet(oid).stream().flatMap(id -> devices.find(id).stream()).toList());
    model.addAttribute("devices", EnterpriseController.sorted(devices.all()));
    model.addAttribute("averagings", Averaging.values());
    return "registry/outlet";
  }

  @PostMapping("/{oid}/limits")
  String putLimit(
      @PathVariable long eid,
      @PathVariable long oid,
      @RequestParam String factor,
      @RequestParam Averaging averaging,
      @RequestParam(required = false) Double limit,
      @RequestParam(required = false) Double lowerLimit,
      @RequestParam(defaultValue = "") String unit,
      @RequestParam(defaultValue = "") String standard,
      @RequestParam(defaultValue = "false") boolean corrected,
      @RequestParam(required = false) Double referenceO2,
      RedirectAttributes redirect) {
    access.require(eid);
    return act(
        path(eid, oid),
        redirect,
        "registry.limit.saved",
        () -> {
          if (limit == null) {
            throw new UserFacingException("registry.limit.value.required", factor);
          }
          service.putLimit(
              eid,
              oid,
              new OutletLimit(
                  0,
                  oid,
                  factor.trim(),
                  averaging,
                  limit,
                  optional(lowerLimit),
                  unit.trim(),
                  EnterpriseForm.text(standard),
                  corrected,
                  optional(referenceO2)));
        });
  }

  static OptionalDouble optional(Double d) {
    return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
  }

  @PostMapping("/{oid}/limits/{lid}/delete")
  String removeLimit(
      @PathVariable long eid,
      @PathVariable long oid,
      @PathVariable long lid,
      RedirectAttributes redirect) {
    access.require(eid);
    return act(
        path(eid, oid),
        redirect,
        "registry.limit.removed",
        () -> service.removeLimit(eid, oid, lid));
  }

  @PostMapping("/{oid}/devices")
  String bind(
      @PathVariable long eid,
      @PathVariable long oid,
      @RequestParam long deviceId,
      RedirectAttributes redirect) {
    access.require(eid);
    return act(
        path(eid, oid),
        redirect,
        "registry.device.bound",
        () -> service.bindDevice(eid, oid, deviceId));
  }

  @PostMapping("/{oid}/devices/{did}/unbind")
  String unbind(
      @PathVariable long eid,
      @PathVariable long oid,
      @PathVariable long did,
      RedirectAttributes redirect) {
    access.require(eid);
    return act(
        path(eid, oid),
        redirect,
        "registry.device.unbound",
        () -> service.unbindDevice(eid, oid, did));
  }

  private static String path(long eid, long oid) {
    return "/enterprises/" + eid + "/outlets/" + oid;
  }
}
