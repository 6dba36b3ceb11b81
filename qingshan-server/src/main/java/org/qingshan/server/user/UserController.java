package org.qingshan.server.user;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.department.DepartmentTree;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.FormSubmission;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
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
@RequestMapping("/users")
class UserController {
  private final UserService users;
  private final DepartmentService departments;
  private final ExcelExport excel;
  private final Messages messages;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  UserController(
      UserService users,
      DepartmentService departments,
      ExcelExport excel,
      Messages messages,
      CurrentUser currentUser,
      AuditLog audit) {
    this.audit = audit;
    this.users = users;
    this.departments = departments;
    this.excel = excel;
    this.messages = messages;
    this.currentUser = currentUser;
  }

  @ModelAttribute("allRoles")
  Role[] allRoles() {
    return Role.values();
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    model.addAttribute("page", users.search(SearchText.of(q), PageQuery.of(page, size)));
    model.addAttribute("tree", departments.tree());
    model.addAttribute("q", q);
    return "users/list";
  }

  @GetMapping("/export")
  void export(@RequestParam(required = false) String q, HttpServletResponse response)
      throws IOException {
    DepartmentTree tree = departments.tree();
    List<List<?>> rows = new ArrayList<>();
    for (AppUser u : users.search(SearchText.of(q), PageQuery.EXPORT).items()) {
      rows.add(
          List.of(
              u.username(),
              u.displayName(),
              u.departmentId().map(tree::pathOf).orElse(""),
              String.join("、", u.roles().stream().map(messages::label).sorted().toList()),
              u.phone().orElse(""),
              messages.get(u.enabled() ? "user.enabled" : "user.disabled")));
    }
    audit.recordExport(
        UserService.ENTITY, messages.get("nav.users"), SearchText.of(q), rows.size());
    excel.write(
        response,
        messages.get("nav.users"),
        messages.all(
            "user.username",
            "user.display-name",
            "user.department",
            "user.roles",
            "user.phone",
            "user.status"),
        rows);
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute("form", UserForm.empty());
    return editView(model, Optional.empty());
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") UserForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "user.saved",
        () -> "/users/" + users.create(form, true).id() + "/edit",
        () -> editView(model, Optional.empty()));
  }

  @GetMapping("/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    AppUser user = users.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    model.addAttribute("form", UserForm.of(user));
    return editView(model, Optional.of(user));
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") UserForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    // A missing user is a 404 before anything else, never a create form posing as an edit.
    Optional<AppUser> user =
        Optional.of(users.find(id).orElseThrow(() -> new UserFacingException("error.not-found")));
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "user.saved",
        () -> "/users/" + users.update(id, form, currentUser.require().userId()).id() + "/edit",
        () -> editView(model, user));
  }

  private String editView(Model model, Optional<AppUser> user) {
    model.addAttribute("user", user.orElse(null));
    model.addAttribute("tree", departments.tree().nodes());
    return "users/edit";
  }
}
