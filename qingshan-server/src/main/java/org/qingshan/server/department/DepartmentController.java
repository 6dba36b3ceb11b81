package org.qingshan.server.department;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

@Controller
@RequestMapping("/departments")
class DepartmentController {
  private final DepartmentService service;
  private final ExcelExport excel;
  private final Messages messages;

  DepartmentController(DepartmentService service, ExcelExport excel, Messages messages) {
    this.service = service;
    this.excel = excel;
    this.messages = messages;
  }

  /** A row of the list: the department in the tree, with every spelling it is known by. */
  record Row(DepartmentTree.Node node, List<DepartmentAlias> aliases) {}

  @ModelAttribute("kinds")
  DepartmentKind[] kinds() {
    return DepartmentKind.values();
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) DepartmentKind kind,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    model.addAttribute("page", PageResult.slice(rows(q, kind), PageQuery.of(page, size)));
    model.addAttribute("q", q);
    model.addAttribute("kind", kind);
    return "departments/list";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) DepartmentKind kind,
      HttpServletResponse response)
      throws IOException {
    List<List<?>> data = new ArrayList<>();
    for (Row r : rows(q, kind)) {
      Department d = r.node().department();
      data.add(
          List.of(
              d.id(),
              r.node().path(),
              messages.label(d.kind()),
              String.join("、", r.aliases().stream().map(DepartmentAlias::alias).toList())));
    }
    excel.write(
        response,
        messages.get("nav.departments"),
        messages.all("column.id", "department.path", "department.kind", "department.aliases"),
        data);
  }

  private List<Row> rows(String q, DepartmentKind kind) {
    Optional<String> text = SearchText.of(q).map(DepartmentNames::normalize);
    Map<Long, List<DepartmentAlias>> aliases = service.aliasesByDepartment();
    return service.tree().nodes().stream()
        .map(n -> new Row(n, aliases.getOrDefault(n.department().id(), List.of())))
        .filter(r -> kind == null || r.node().department().kind() == kind)
        .filter(
            r ->
                text.isEmpty()
                    || DepartmentNames.normalize(r.node().path()).contains(text.get())
                    || r.aliases().stream()
                        .anyMatch(a -> DepartmentNames.normalize(a.alias()).contains(text.get())))
        .toList();
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute("form", DepartmentForm.empty());
    return editView(model, Optional.empty());
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") DepartmentForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "department.saved",
        () -> "/departments/" + service.create(form).id() + "/edit",
        () -> editView(model, Optional.empty()));
  }

  @GetMapping("/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    Department d =
        service
            .find(id)
            .filter(x -> !x.isMerged())
            .orElseThrow(() -> new UserFacingException("department.error.not-found", id));
    model.addAttribute("form", DepartmentForm.of(d));
    return editView(model, Optional.of(d));
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") DepartmentForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Optional<Department> current =
        Optional.of(
            service
                .find(id)
                .filter(x -> !x.isMerged())
                .orElseThrow(() -> new UserFacingException("department.error.not-found", id)));
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "department.saved",
        () -> "/departments/" + service.update(id, form).id() + "/edit",
        () -> editView(model, current));
  }

  @PostMapping("/{id}/aliases")
  String addAlias(@PathVariable long id, @RequestParam String alias, RedirectAttributes redirect) {
    try {
      service.addAlias(id, alias);
      redirect.addFlashAttribute("notice", "department.alias-added");
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/departments/" + id + "/edit";
  }

  @PostMapping("/aliases/{aliasId}/delete")
  String removeAlias(
      @PathVariable long aliasId, @RequestParam long department, RedirectAttributes redirect) {
    try {
      service.removeAlias(aliasId);
      redirect.addFlashAttribute("notice", "department.alias-removed");
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/departments/" + department + "/edit";
  }

  @PostMapping("/{id}/merge")
  String merge(
      @PathVariable long id,
      @RequestParam(required = false) Long target,
      RedirectAttributes redirect) {
    try {
      if (target == null) {
        throw new UserFacingException("department.error.merge-target-required");
      }
      service.merge(id, target);
      redirect.addFlashAttribute("notice", "department.merged");
      return "redirect:/departments/" + target + "/edit";
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
      return "redirect:/departments/" + id + "/edit";
    }
  }

  private String editView(Model model, Optional<Department> department) {
    DepartmentTree tree = service.tree();
    model.addAttribute("department", department.orElse(null));
    model.addAttribute("tree", tree.nodes());
    model.addAttribute("aliases", department.map(d -> service.aliasesOf(d.id())).orElse(List.of()));
    return "departments/edit";
  }
}
