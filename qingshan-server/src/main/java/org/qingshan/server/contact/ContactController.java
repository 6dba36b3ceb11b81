package org.qingshan.server.contact;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.department.DepartmentTree;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.DataScope;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.SearchText;
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
@RequestMapping("/contacts")
class ContactController {
  private final ContactService contacts;
  private final DepartmentService departments;
  private final CurrentUser currentUser;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;

  ContactController(
      ContactService contacts,
      DepartmentService departments,
      CurrentUser currentUser,
      ExcelExport excel,
      Messages messages,
      AuditLog audit) {
    this.audit = audit;
    this.contacts = contacts;
    this.departments = departments;
    this.currentUser = currentUser;
    this.excel = excel;
    this.messages = messages;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long department,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    model.addAttribute(
        "page",
        contacts.search(
            SearchText.of(q), Optional.ofNullable(department), PageQuery.of(page, size)));
    model.addAttribute("tree", departments.tree());
    model.addAttribute("choices", scopedDepartments());
    model.addAttribute("q", q);
    model.addAttribute("department", department);
    return "contacts/list";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long department,
      HttpServletResponse response)
      throws IOException {
    DepartmentTree tree = departments.tree();
    List<List<?>> rows = new ArrayList<>();
    for (DepartmentContact c :
        contacts
            .search(SearchText.of(q), Optional.ofNullable(department), PageQuery.EXPORT)
            .items()) {
      rows.add(
          List.of(
              tree.pathOf(c.departmentId()),
              c.name(),
              c.position().orElse(""),
              c.phone(),
              c.duty().orElse("")));
    }
    audit.recordExport(
        ContactService.ENTITY, messages.get("nav.contacts"), SearchText.of(q), rows.size());
    excel.write(
        response,
        messages.get("nav.contacts"),
        messages.all(
            "contact.department",
            "contact.name",
            "contact.position",
            "contact.phone",
            "contact.duty"),
        rows);
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute(
        "form", ContactForm.empty(currentUser.require().departmentId().orElse(null)));
    return editView(model, Optional.empty());
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") ContactForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return editView(model, Optional.empty());
    }
    contacts.create(form);
    redirect.addFlashAttribute("notice", "contact.saved");
    return "redirect:/contacts";
  }

  @GetMapping("/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    DepartmentContact contact = contacts.get(id);
    model.addAttribute("form", ContactForm.of(contact));
    return editView(model, Optional.of(contact));
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") ContactForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    DepartmentContact contact = contacts.get(id);
    if (errors.hasErrors()) {
      return editView(model, Optional.of(contact));
    }
    contacts.update(id, form);
    redirect.addFlashAttribute("notice", "contact.saved");
    return "redirect:/contacts";
  }

  @PostMapping("/{id}/delete")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    contacts.delete(id);
    redirect.addFlashAttribute("notice", "contact.deleted");
    return "redirect:/contacts";
  }

  private String editView(Model model, Optional<DepartmentContact> contact) {
    model.addAttribute("contact", contact.orElse(null));
    model.addAttribute("choices", scopedDepartments());
    return "contacts/edit";
  }

  /** The departments a user may pick: only those inside their data scope. */
  private List<DepartmentTree.Node> scopedDepartments() {
    DataScope scope = currentUser.scope();
    return departments.tree().nodes().stream()
        .filter(n -> scope.allows(n.department().id()))
        .toList();
  }
}
