package org.qingshan.server.registry;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.FormSubmission;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.PageSection;
import org.qingshan.server.web.PageSections;
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

/** The enterprises of the registry: list, form, 一企一档 and permitted annual totals. */
@Controller
@RequestMapping("/enterprises")
class EnterpriseController {
  private final EnterpriseRepository enterprises;
  private final RegistryService service;
  private final RegistryAccess access;
  private final EnterpriseFile files;
  private final PageSections sections;
  private final DepartmentService departments;
  private final DeviceRegistry devices;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;

  EnterpriseController(
      EnterpriseRepository enterprises,
      RegistryService service,
      RegistryAccess access,
      EnterpriseFile files,
      PageSections sections,
      DepartmentService departments,
      DeviceRegistry devices,
      ExcelExport excel,
      Messages messages,
      AuditLog audit) {
    this.enterprises = enterprises;
    this.service = service;
    this.access = access;
    this.files = files;
    this.sections = sections;
    this.departments = departments;
    this.devices = devices;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
  }

  private PageResult<Enterprise> search(String q, String town, String industry, PageQuery page) {
    return enterprises.search(
        SearchText.of(q),
        SearchText.of(town),
        SearchText.of(industry),
        access.departmentFilter(),
        access.idFilter(),
        page);
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String town,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    model.addAttribute("page", search(q, town, industry, PageQuery.of(page, size)));
    model.addAttribute("towns", enterprises.towns());
    model.addAttribute("q", q);
    model.addAttribute("town", town);
    model.addAttribute("industry", industry);
    return "registry/list";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String town,
      @RequestParam(required = false) String industry,
      HttpServletResponse response)
      throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (Enterprise e : search(q, town, industry, PageQuery.EXPORT).items()) {
      rows.add(
          List.of(
              e.name(),
              e.creditCode().value(),
              e.industryCode().orElse(""),
              e.industryName().orElse(""),
              e.address().orElse(""),
              e.town().orElse(""),
              e.grid().orElse(""),
              e.keyCategories().stream()
                  .sorted()
                  .map(messages::label)
                  .collect(Collectors.joining("、")),
              e.permitNumber().orElse(""),
              e.permitClass().map(messages::label).orElse(""),
              e.permitValidTo().map(Object::toString).orElse(""),
              e.contactName().orElse(""),
              e.contactPhone().orElse("")));
    }
    audit.recordExport(
        RegistryAccess.ENTITY, messages.get("nav.enterprises"), SearchText.of(q), rows.size());
    excel.write(
        response,
        messages.get("nav.enterprises"),
        messages.all(
            "registry.enterprise.name",
            "registry.credit-code",
            "registry.industry-code",
            "registry.industry-name",
            "registry.address",
            "registry.town",
            "registry.grid",
            "registry.key-categories",
            "registry.permit-number",
            "registry.permit-class",
            "registry.permit-valid-to",
            "registry.contact-name",
            "registry.contact-phone"),
        rows);
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute("form", EnterpriseForm.empty());
    return editView(model, Optional.empty());
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") EnterpriseForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Optional<CreditCode> code = check(form, errors);
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "registry.enterprise.saved",
        () -> "/enterprises/" + service.createEnterprise(form.toEnterprise(0, code.get())).id(),
        () -> editView(model, Optional.empty()));
  }

  @GetMapping("/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    Enterprise e = access.require(id);
    model.addAttribute("form", EnterpriseForm.of(e));
    return editView(model, Optional.of(e));
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") EnterpriseForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Enterprise e = access.require(id);
    Optional<CreditCode> code = check(form, errors);
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "registry.enterprise.saved",
        () ->
            "/enterprises/" + service.updateEnterprise(id, form.toEnterprise(id, code.get())).id(),
        () -> editView(model, Optional.of(e)));
  }

  /** The credit code, checked by its check character; a wrong one is the form's error. */
  private static Optional<CreditCode> check(EnterpriseForm form, BindingResult errors) {
    if (form.creditCode() == null || form.creditCode().isBlank()) {
      return Optional.empty();
    }
    Optional<CreditCode> code = CreditCode.parse(form.creditCode());
    if (code.isEmpty()) {
      errors.rejectValue(
          "creditCode", "registry.credit-code.invalid", "registry.credit-code.invalid");
    }
    if (form.permitValidFrom() != null
        && form.permitValidTo() != null
        && form.permitValidTo().isBefore(form.permitValidFrom())) {
      errors.rejectValue(
          "permitValidTo", "registry.permit-valid.order", "registry.permit-valid.order");
    }
    return code;
  }

  private String editView(Model model, Optional<Enterprise> e) {
    model.addAttribute("enterprise", e.orElse(null));
    model.addAttribute("departments", departments.tree().nodes());
    model.addAttribute("categories", KeyPolluterCategory.values());
    model.addAttribute("permitClasses", PermitClass.values());
    return "registry/edit";
  }

  /** 一企一档. */
  @GetMapping("/{id}")
  String view(@PathVariable long id, Model model) {
    Enterprise e = access.require(id);
    model.addAttribute("file", files.of(e));
    model.addAttribute(
        "departmentPath", e.departmentId().map(departments.tree()::pathOf).orElse(""));
    model.addAttribute("sections", sections.of(PageSection.ENTERPRISE, id));
    model.addAttribute("facilityKinds", FacilityKind.values());
    model.addAttribute("channelKinds", ChannelKind.values());
    model.addAttribute(
        "meters",
        sorted(
            devices.all().stream()
                .filter(
                    d ->
                        d.kind() == DeviceKind.ELECTRICITY
                            || d.kind() == DeviceKind.PRODUCTION_STATE)
                .toList()));
    return "registry/view";
  }

  @PostMapping("/{id}/permits")
  String putPermit(
      @PathVariable long id,
      @RequestParam String pollutant,
      @RequestParam(required = false) Double tonnes,
      RedirectAttributes redirect) {
    access.require(id);
    return act(
        "/enterprises/" + id,
        redirect,
        "registry.permit.saved",
        () -> {
          if (tonnes == null) {
            throw new UserFacingException("registry.permit.tonnes.required");
          }
          service.putPermitTotal(id, pollutant, tonnes);
        });
  }

  @PostMapping("/{id}/permits/delete")
  String removePermit(
      @PathVariable long id, @RequestParam String pollutant, RedirectAttributes redirect) {
    access.require(id);
    return act(
        "/enterprises/" + id,
        redirect,
        "registry.permit.removed",
        () -> service.removePermitTotal(id, pollutant));
  }

  /** Runs a change of an inline form on 一企一档 and goes back there, with its notice or reason. */
  static String act(String target, RedirectAttributes redirect, String notice, Runnable change) {
    try {
      change.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:" + target;
  }

  static List<Device> sorted(List<Device> devices) {
    return devices.stream().sorted((a, b) -> a.mn().compareTo(b.mn())).toList();
  }
}
