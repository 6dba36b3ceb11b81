package org.qingshan.server.plandispatch;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.device.MapSettings;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review of a draft beside its source text with the planner's corrections, revising a published
 * plan, the reporting schedule, and the key projects page (map, progress, export).
 */
@Controller
@RequestMapping("/dispatch")
class PlanReviewController {
  /** The table's department choice that stands for every town and street. */
  static final String TOWNS = "towns";

  private final PlanReviewService review;
  private final PlanDispatchService plans;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;
  private final MapSettings map;

  PlanReviewController(
      PlanReviewService review,
      PlanDispatchService plans,
      ExcelExport excel,
      Messages messages,
      AuditLog audit,
      MapSettings map) {
    this.map = map;
    this.review = review;
    this.plans = plans;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
  }

  // ---- review

  @GetMapping("/plans/{id}/review")
  String review(
      @PathVariable long id,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    DispatchPlan p = plans.plan(id);
    Optional<String> text = SearchText.of(q);
    List<DispatchTask> tree =
        plans.tree(id).stream()
            .filter(t -> text.isEmpty() || (t.isTask() && t.matches(text.get())))
            .toList();
    PageResult<DispatchTask> slice = PageResult.slice(tree, PageQuery.of(page, size));
    model.addAttribute("plan", p);
    model.addAttribute("page", slice);
    model.addAttribute("unitLines", unitLines(slice.items()));
    model.addAttribute("depths", PlanDispatchController.depths(plans.tree(id)));
    model.addAttribute("source", review.sourceLines(id));
    model.addAttribute("ends", review.lineEnds(id));
    model.addAttribute("placeholders", review.placeholders(id));
    model.addAttribute("unresolved", review.unresolvedUnits(id));
    model.addAttribute("departments", review.departments());
    model.addAttribute("towns", review.towns().size());
    model.addAttribute("indicators", plans.indicators(id));
    model.addAttribute("history", review.history(id));
    model.addAttribute("roles", DispatchUnitRole.values());
    model.addAttribute("draft", p.status() == DispatchPlanStatus.DRAFT);
    model.addAttribute(
        "warnings",
        p.status() == DispatchPlanStatus.DRAFT ? review.publishWarnings(id) : List.of());
    model.addAttribute("q", q);
    return "plandispatch/review";
  }

  /**
   * Each task's units and due date in one line, only the parts it has: no "配合单位：；" for a task
   * without supporting units, no "完成时限：—" without a date.
   */
  private Map<Long, String> unitLines(List<DispatchTask> tasks) {
    Map<Long, String> lines = new HashMap<>();
    for (DispatchTask t : tasks) {
      List<String> parts = new ArrayList<>();
      part(parts, "plandispatch.task.lead", t.lead());
      part(parts, "plandispatch.task.support", t.support());
      part(parts, "plandispatch.task.responsible", t.responsible());
      t.due().ifPresent(d -> parts.add(messages.get("plandispatch.task.due") + "：" + d));
      lines.put(t.id(), String.join("；", parts));
    }
    return lines;
  }

  private void part(List<String> parts, String label, List<String> names) {
    if (!names.isEmpty()) {
      parts.add(messages.get(label) + "：" + String.join("、", names));
    }
  }

  @PostMapping("/review/tasks/{id}")
  String editTask(
      @PathVariable long id,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String due,
      RedirectAttributes redirect) {
    review.editTask(id, title, text, date(due));
    return back(id, redirect);
  }

  @PostMapping("/review/tasks/{id}/targets/{position}")
  String editTarget(
      @PathVariable long id,
      @PathVariable int position,
      @RequestParam(required = false) String metric,
      @RequestParam(required = false) String comparator,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String deadline,
      RedirectAttributes redirect) {
    review.editTarget(id, position, metric, comparator, number(value), unit, date(deadline));
    redirect.addFlashAttribute("notice", "plandispatch.review.done");
    return "redirect:/dispatch/tasks/" + id + "#targets";
  }

  @PostMapping("/review/tasks/{id}/merge")
  String merge(@PathVariable long id, RedirectAttributes redirect) {
    long planId = plans.task(id).planId();
    review.merge(id);
    redirect.addFlashAttribute("notice", "plandispatch.review.done");
    return "redirect:/dispatch/plans/" + planId + "/review";
  }

  @PostMapping("/review/tasks/{id}/split")
  String split(
      @PathVariable long id,
      @RequestParam(required = false) Integer sentence,
      RedirectAttributes redirect) {
    review.split(id, sentence == null ? 0 : sentence);
    return back(id, redirect);
  }

  @PostMapping("/review/tasks/{id}/units")
  String unit(
      @PathVariable long id,
      @RequestParam String action,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String to,
      RedirectAttributes redirect) {
    DispatchUnitRole r = role(role);
    switch (action) {
      case "add" -> review.addUnit(id, r, name);
      case "remove" -> review.removeUnit(id, r, name);
      case "role" -> review.changeRole(id, name, r, role(to));
      default -> throw new UserFacingException("plandispatch.review.required");
    }
    return back(id, redirect);
  }

  @PostMapping("/review/plans/{id}/resolve")
  String resolve(
      @PathVariable long id,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) Long department,
      RedirectAttributes redirect) {
    if (department == null) {
      throw new UserFacingException("plandispatch.review.required");
    }
    review.resolve(id, name, department);
    redirect.addFlashAttribute("notice", "plandispatch.review.done");
    return "redirect:/dispatch/plans/" + id + "/review";
  }

  /**
   * The review page's table: one department choice per unresolved name ({@code name} and {@code
   * department} in row order), rows without a department skipped; {@code alias} lists the names to
   * record as aliases of the chosen department. The choice {@value #TOWNS} (全部乡镇（街道）) gives the
   * name's units to every town and street.
   */
  @PostMapping("/review/plans/{id}/resolve-all")
  String resolveAll(
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> form,
      RedirectAttributes redirect) {
    // the form's values as sent: a list parameter would split a single name at its commas
    List<String> n = form.getOrDefault("name", List.of());
    List<String> d = form.getOrDefault("department", List.of());
    List<String> aliases = form.getOrDefault("alias", List.of());
    if (n.size() != d.size()) {
      throw new UserFacingException("plandispatch.review.required");
    }
    Map<String, Long> departments = new LinkedHashMap<>();
    Set<String> towns = new LinkedHashSet<>();
    for (int i = 0; i < n.size(); i++) {
      String dept = d.get(i) == null ? "" : d.get(i).strip();
      if (TOWNS.equals(dept)) {
        towns.add(n.get(i));
      } else if (!dept.isEmpty()) {
        try {
          departments.put(n.get(i), Long.parseLong(dept));
        } catch (NumberFormatException e) {
          throw new UserFacingException("plandispatch.review.required");
        }
      }
    }
    review.resolveAll(id, departments, Set.copyOf(aliases), towns);
    redirect.addFlashAttribute("notice", "plandispatch.review.done");
    return "redirect:/dispatch/plans/" + id + "/review#unresolved";
  }

  @PostMapping("/review/plans/{id}/placeholder")
  String placeholder(
      @PathVariable long id,
      @RequestParam(required = false) String placeholder,
      @RequestParam(required = false) String value,
      RedirectAttributes redirect) {
    review.replacePlaceholder(id, placeholder, value);
    redirect.addFlashAttribute("notice", "plandispatch.review.done");
    return "redirect:/dispatch/plans/" + id + "/review";
  }

  @PostMapping("/review/plans/{id}/indicators")
  String indicator(
      @PathVariable long id,
      @RequestParam String no,
      @RequestParam(required = false) String baseline,
      @RequestParam(required = false) Integer baselineYear,
      @RequestParam(required = false) String target,
      @RequestParam(required = false) Integer targetYear,
      RedirectAttributes redirect) {
    review.editIndicator(id, no, baseline, baselineYear, target, targetYear);
    redirect.addFlashAttribute("notice", "plandispatch.review.done");
    return "redirect:/dispatch/plans/" + id + "/review";
  }

  @PostMapping("/review/plans/{id}/revise")
  String revise(@PathVariable long id, RedirectAttributes redirect) {
    DispatchPlan draft = review.revise(id);
    redirect.addFlashAttribute("notice", "plandispatch.review.revised");
    return "redirect:/dispatch/plans/" + draft.id() + "/review";
  }

  @PostMapping("/review/plans/{id}/schedule")
  String schedule(
      @PathVariable long id,
      @RequestParam(required = false) String schedule,
      RedirectAttributes redirect) {
    Optional<DispatchSchedule> s;
    try {
      s =
          schedule == null || schedule.isBlank()
              ? Optional.empty()
              : Optional.of(DispatchSchedule.valueOf(schedule));
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("plandispatch.schedule.unknown", schedule);
    }
    review.setSchedule(id, s);
    redirect.addFlashAttribute("notice", "plandispatch.review.done");
    return "redirect:/dispatch/plans/" + id;
  }

  private String back(long taskId, RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", "plandispatch.review.done");
    return "redirect:/dispatch/plans/" + plans.task(taskId).planId() + "/review#t" + taskId;
  }

  private static DispatchUnitRole role(String role) {
    try {
      return DispatchUnitRole.valueOf(role == null ? "" : role);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("plandispatch.review.role", role);
    }
  }

  static Optional<LocalDate> date(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(s.strip()));
    } catch (DateTimeParseException e) {
      throw new UserFacingException("plandispatch.review.date", s);
    }
  }

  static Optional<BigDecimal> number(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(s.strip()));
    } catch (NumberFormatException e) {
      throw new UserFacingException("plandispatch.value.number", s);
    }
  }

  // ---- key projects

  @GetMapping("/plans/{id}/projects")
  String projects(
      @PathVariable long id,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    List<PlanReviewRepository.KeyProjectRow> all = filteredProjects(id, q);
    model.addAttribute("plan", plans.plan(id));
    model.addAttribute("page", PageResult.slice(all, PageQuery.of(page, size)));
    model.addAttribute("pins", all.stream().filter(p -> p.latitude().isPresent()).toList());
    model.addAttribute("departments", review.departments());
    model.addAttribute("today", plans.today());
    model.addAttribute("tileUrl", map.tileUrl());
    model.addAttribute("tileAttribution", map.tileAttribution());
    model.addAttribute(
        "mayReport", all.stream().filter(review::mayReportProject).map(p -> p.id()).toList());
    model.addAttribute("q", q);
    return "plandispatch/projects";
  }

  private List<PlanReviewRepository.KeyProjectRow> filteredProjects(long id, String q) {
    Optional<String> text = SearchText.of(q);
    return review.projects(id).stream()
        .filter(
            p ->
                text.isEmpty()
                    || p.name().contains(text.get())
                    || p.content().orElse("").contains(text.get())
                    || p.department().orElse("").contains(text.get()))
        .toList();
  }

  @GetMapping("/plans/{id}/projects/export")
  void exportProjects(
      @PathVariable long id, @RequestParam(required = false) String q, HttpServletResponse response)
      throws IOException {
    DispatchPlan p = plans.plan(id);
    List<List<?>> rows = new ArrayList<>();
    for (PlanReviewRepository.KeyProjectRow r : filteredProjects(id, q)) {
      rows.add(
          List.of(
              r.name(),
              r.content().orElse(""),
              r.department().orElse(""),
              r.investment().map(BigDecimal::toPlainString).orElse(""),
              r.actualInvestment().map(BigDecimal::toPlainString).orElse(""),
              r.progress().map(Object::toString).orElse(""),
              r.latitude().map(BigDecimal::toPlainString).orElse(""),
              r.longitude().map(BigDecimal::toPlainString).orElse(""),
              String.join(
                  "；",
                  r.milestones().stream()
                      .map(
                          m ->
                              m.name()
                                  + " "
                                  + m.due().map(Object::toString).orElse("")
                                  + m.done().map(d -> " ✓" + d).orElse(""))
                      .toList())));
    }
    String title = p.title() + " " + messages.get("plandispatch.projects");
    audit.recordExport(PlanReviewService.PROJECT, title, Optional.ofNullable(q), rows.size());
    excel.write(
        response,
        title,
        messages.all(
            "plandispatch.project.name",
            "plandispatch.project.content",
            "plandispatch.project.department",
            "plandispatch.project.investment",
            "plandispatch.project.actual",
            "plandispatch.project.progress",
            "plandispatch.project.latitude",
            "plandispatch.project.longitude",
            "plandispatch.project.milestones"),
        rows);
  }

  @PostMapping("/review/projects/{id}")
  String editProject(
      @PathVariable long id,
      @RequestParam(required = false) String investment,
      @RequestParam(required = false) String latitude,
      @RequestParam(required = false) String longitude,
      @RequestParam(required = false) Long department,
      RedirectAttributes redirect) {
    review.editProject(
        id,
        number(investment),
        number(latitude),
        number(longitude),
        Optional.ofNullable(department));
    return projectsOf(id, redirect);
  }

  @PostMapping("/review/projects/{id}/milestones")
  String addMilestone(
      @PathVariable long id,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String due,
      RedirectAttributes redirect) {
    review.addMilestone(id, name, date(due));
    return projectsOf(id, redirect);
  }

  @PostMapping("/projects/{id}/milestones/{milestone}")
  String milestoneDone(
      @PathVariable long id,
      @PathVariable long milestone,
      @RequestParam(required = false) String done,
      RedirectAttributes redirect) {
    review.milestoneDone(id, milestone, date(done));
    return projectsOf(id, redirect);
  }

  @PostMapping("/projects/{id}/progress")
  String progress(
      @PathVariable long id,
      @RequestParam(required = false) Integer progress,
      @RequestParam(required = false) String actual,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    review.reportProject(id, progress, number(actual), Optional.ofNullable(version));
    return projectsOf(id, redirect);
  }

  private String projectsOf(long id, RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", "plandispatch.review.done");
    return "redirect:/dispatch/plans/" + review.project(id).planId() + "/projects";
  }
}
