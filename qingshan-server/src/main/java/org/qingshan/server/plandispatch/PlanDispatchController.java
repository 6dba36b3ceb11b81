package org.qingshan.server.plandispatch;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.TimeFormat;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 规划调度 pages: the plans (import a draft, publish), a plan's task tree with its versions, a
 * department's tasks with the report form, a task's reports, and the indicators with their yearly
 * values. Every list has search, paging and Excel export.
 */
@Controller
@RequestMapping("/dispatch")
class PlanDispatchController {
  private final PlanDispatchService plans;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;
  private final TimeFormat times;
  private final PlanReviewService review;

  PlanDispatchController(
      PlanDispatchService plans,
      PlanReviewService review,
      ExcelExport excel,
      Messages messages,
      AuditLog audit,
      TimeFormat times) {
    this.plans = plans;
    this.review = review;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
    this.times = times;
  }

  // ---- plans

  @GetMapping("/plans")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    model.addAttribute("page", PageResult.slice(filteredPlans(q), PageQuery.of(page, size)));
    model.addAttribute("q", q);
    return "plandispatch/plans";
  }

  private List<DispatchPlan> filteredPlans(String q) {
    Optional<String> text = SearchText.of(q);
    return plans.plans().stream()
        .filter(
            p ->
                text.isEmpty()
                    || p.title().contains(text.get())
                    || p.sourceFile().contains(text.get()))
        .toList();
  }

  @GetMapping("/plans/export")
  void exportPlans(@RequestParam(required = false) String q, HttpServletResponse response)
      throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (DispatchPlan p : filteredPlans(q)) {
      rows.add(
          List.of(
              p.id(),
              p.title(),
              p.version(),
              messages.label(p.status()),
              p.sourceFile(),
              p.createdBy(),
              times.minutes(p.createdAt()),
              p.publishedAt().map(times::minutes).orElse("")));
    }
    audit.recordExport(
        PlanDispatchService.PLAN,
        messages.get("plandispatch.plans.title"),
        Optional.ofNullable(q),
        rows.size());
    excel.write(
        response,
        messages.get("plandispatch.plans.title"),
        messages.all(
            "plandispatch.plan.id",
            "plandispatch.plan.title",
            "plandispatch.plan.version",
            "plandispatch.plan.status",
            "plandispatch.plan.source",
            "plandispatch.plan.created-by",
            "plandispatch.plan.created-at",
            "plandispatch.plan.published-at"),
        rows);
  }

  @PostMapping("/plans")
  String upload(
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) Long replaces,
      RedirectAttributes redirect)
      throws IOException {
    PlanDispatchService.Imported imported =
        plans.importPlan(
            file.getOriginalFilename(), file.getBytes(), Optional.ofNullable(replaces));
    redirect.addFlashAttribute("notice", "plandispatch.import.done");
    return "redirect:/dispatch/plans/" + imported.plan().id();
  }

  @GetMapping("/plans/{id}")
  String plan(
      @PathVariable long id,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    DispatchPlan p = plans.plan(id);
    model.addAttribute("plan", p);
    model.addAttribute("versions", plans.versions(p));
    model.addAttribute("projects", plans.projects(id));
    model.addAttribute("today", plans.today());
    model.addAttribute("page", PageResult.slice(filteredTree(id, q), PageQuery.of(page, size)));
    model.addAttribute("depths", depths(plans.tree(id)));
    model.addAttribute("schedule", review.schedule(id));
    model.addAttribute("nextDue", review.nextDue(id));
    model.addAttribute("schedules", DispatchSchedule.values());
    model.addAttribute(
        "warnings",
        p.status() == DispatchPlanStatus.DRAFT ? review.publishWarnings(id) : List.of());
    model.addAttribute("q", q);
    return "plandispatch/plan";
  }

  /** Nodes of the tree, or with a search the tasks that match it. */
  private List<DispatchTask> filteredTree(long id, String q) {
    Optional<String> text = SearchText.of(q);
    return plans.tree(id).stream()
        .filter(t -> text.isEmpty() || (t.isTask() && t.matches(text.get())))
        .toList();
  }

  static Map<Long, Integer> depths(List<DispatchTask> tree) {
    Map<Long, Integer> depth = new HashMap<>();
    for (DispatchTask t : tree) {
      depth.put(t.id(), t.parentId().map(p -> depth.getOrDefault(p, 0) + 1).orElse(0));
    }
    return depth;
  }

  @GetMapping("/plans/{id}/export")
  void exportTasks(
      @PathVariable long id, @RequestParam(required = false) String q, HttpServletResponse response)
      throws IOException {
    DispatchPlan p = plans.plan(id);
    List<List<?>> rows = new ArrayList<>();
    List<DispatchTask> tree = filteredTree(id, q);
    Map<Long, DispatchTask> parents = plans.parentTasks(tree);
    for (DispatchTask t : tree) {
      if (!t.isTask()) {
        continue;
      }
      rows.add(
          List.of(
              t.id(),
              t.title(),
              t.text(),
              String.join("、", t.lead()),
              String.join("、", t.support()),
              String.join("、", t.responsible()),
              t.due().map(Object::toString).orElse(""),
              t.modality().orElse(""),
              messages.label(t.status()),
              t.line(),
              Optional.ofNullable(parents.get(t.id())).map(DispatchTask::title).orElse("")));
    }
    audit.recordExport(PlanDispatchService.PLAN, p.title(), Optional.ofNullable(q), rows.size());
    excel.write(response, p.title(), taskHeaders(), rows);
  }

  private List<String> taskHeaders() {
    return messages.all(
        "plandispatch.task.id",
        "plandispatch.task.title",
        "plandispatch.task.text",
        "plandispatch.task.lead",
        "plandispatch.task.support",
        "plandispatch.task.responsible",
        "plandispatch.task.due",
        "plandispatch.task.modality",
        "plandispatch.task.status",
        "plandispatch.task.line",
        "plandispatch.subtask.parent");
  }

  @PostMapping("/plans/{id}/publish")
  String publish(
      @PathVariable long id,
      @RequestParam(required = false) String confirmed,
      RedirectAttributes redirect) {
    if (!review.publishWarnings(id).isEmpty() && !"true".equals(confirmed)) {
      // The warnings stand and the planner has not ticked that they publish anyway.
      redirect.addFlashAttribute(
          "flashError", new UserFacingException("plandispatch.publish.confirm-required"));
      return "redirect:/dispatch/plans/" + id + "/review";
    }
    plans.publish(id);
    redirect.addFlashAttribute("notice", "plandispatch.publish.done");
    return "redirect:/dispatch/plans/" + id;
  }

  // ---- a department's tasks

  @GetMapping("/my-tasks")
  String myTasks(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long plan,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    List<DispatchTask> all = plans.myTasks();
    List<DispatchTask> mine = filtered(all, q, plan);
    PageResult<DispatchTask> slice = PageResult.slice(mine, PageQuery.of(page, size));
    model.addAttribute("page", slice);
    model.addAttribute("parents", plans.parentTasks(slice.items()));
    model.addAttribute("today", plans.today());
    model.addAttribute("reports", review.nextReports(all));
    model.addAttribute("planTitles", planTitles(all));
    model.addAttribute("plan", plan);
    model.addAttribute("q", q);
    return "plandispatch/my-tasks";
  }

  /** The title of each plan that holds one of the tasks, by id, in the order the tasks come. */
  private Map<Long, String> planTitles(List<DispatchTask> tasks) {
    Map<Long, String> titles = new LinkedHashMap<>();
    for (DispatchTask t : tasks) {
      titles.computeIfAbsent(t.planId(), id -> plans.plan(id).title());
    }
    return titles;
  }

  private static List<DispatchTask> filtered(List<DispatchTask> all, String q, Long plan) {
    Optional<String> text = SearchText.of(q);
    return all.stream()
        .filter(t -> plan == null || t.planId() == plan)
        .filter(t -> text.isEmpty() || t.matches(text.get()))
        .toList();
  }

  @GetMapping("/my-tasks/export")
  void exportMine(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long plan,
      HttpServletResponse response)
      throws IOException {
    List<List<?>> rows = new ArrayList<>();
    List<DispatchTask> all = plans.myTasks();
    List<DispatchTask> mine = filtered(all, q, plan);
    Map<Long, String> titles = planTitles(all);
    Map<Long, DispatchTask> parents = plans.parentTasks(mine);
    for (DispatchTask t : mine) {
      rows.add(
          List.of(
              titles.getOrDefault(t.planId(), ""),
              t.id(),
              t.title(),
              t.text(),
              String.join("、", t.lead()),
              String.join("、", t.support()),
              String.join("、", t.responsible()),
              t.due().map(Object::toString).orElse(""),
              t.modality().orElse(""),
              messages.label(t.status()),
              t.line(),
              Optional.ofNullable(parents.get(t.id())).map(DispatchTask::title).orElse("")));
    }
    String title = messages.get("plandispatch.my-tasks.title");
    audit.recordExport(PlanDispatchService.TASK, title, Optional.ofNullable(q), rows.size());
    List<String> headers = new ArrayList<>();
    headers.add(messages.get("plandispatch.task.plan"));
    headers.addAll(taskHeaders());
    excel.write(response, title, headers, rows);
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable long id, Model model) {
    DispatchTask t = plans.task(id);
    model.addAttribute("task", t);
    model.addAttribute("plan", plans.plan(t.planId()));
    model.addAttribute("progress", plans.progress(id));
    model.addAttribute("mayReport", plans.mayReport(t));
    model.addAttribute("proxyUnits", plans.proxyUnits(t));
    model.addAttribute("parent", Optional.ofNullable(plans.parentTasks(List.of(t)).get(t.id())));
    model.addAttribute("subTasks", plans.subTasks(t));
    List<DispatchTarget> targets = plans.targets(id);
    model.addAttribute("targets", targets);
    Map<Integer, DispatchTarget> byPosition = new HashMap<>();
    targets.forEach(x -> byPosition.put(x.position(), x));
    model.addAttribute("targetAt", byPosition);
    LocalDate today = plans.today();
    Map<Integer, DispatchTarget.Attainment> attained = new HashMap<>();
    targets.forEach(
        x ->
            x.attainment(today, PlanDispatchService.ZONE)
                .ifPresent(a -> attained.put(x.position(), a)));
    model.addAttribute("attained", attained);
    model.addAttribute("comparators", PlanReviewService.COMPARATORS);
    model.addAttribute("figuresByReport", plans.mayReport(t) && plans.reportCarriesFigures(t));
    model.addAttribute("statuses", DispatchTaskStatus.values());
    model.addAttribute("today", today);
    if (!model.containsAttribute("typed")) {
      model.addAttribute("typed", TypedReport.none());
    }
    return "plandispatch/task";
  }

  @PostMapping("/tasks/{id}/progress")
  String report(
      @PathVariable long id,
      @RequestParam String status,
      @RequestParam(required = false) String text,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestParam(required = false) Integer version,
      @RequestParam Map<String, String> fields,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      DispatchTaskStatus s =
          DispatchTaskStatus.ofCode(status)
              .orElseThrow(() -> new UserFacingException("plandispatch.status.unknown", status));
      plans.report(
          id,
          s,
          text,
          files == null ? List.of() : files,
          PlanDispatchService.FigureInput.of(fields),
          Optional.ofNullable(version),
          Optional.ofNullable(fields.get("department")));
    } catch (UserFacingException e) {
      // The task page again, the refusal next to the form and what was typed kept: a wrong file
      // must not cost the narrative (files cannot be kept; the browser asks for them again).
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("reportError", messages.get(e.messageKey(), e.arguments()));
      model.addAttribute("typed", TypedReport.of(fields));
      return task(id, model);
    }
    redirect.addFlashAttribute("notice", "plandispatch.progress.done");
    return "redirect:/dispatch/tasks/" + id;
  }

  /** What was typed into a refused report form, shown in it again. */
  record TypedReport(Map<String, String> fields) {
    static TypedReport of(Map<String, String> fields) {
      return new TypedReport(Map.copyOf(fields));
    }

    static TypedReport none() {
      return new TypedReport(Map.of());
    }

    /** The typed value of the field, or empty. */
    public String get(String name) {
      return fields.getOrDefault(name, "");
    }

    /** Whether anything was typed (a refused report). */
    public boolean refused() {
      return !fields.isEmpty();
    }
  }

  @GetMapping("/tasks/{id}/files/{fileId}")
  void file(@PathVariable long id, @PathVariable long fileId, HttpServletResponse response)
      throws IOException {
    DispatchEvidenceFiles.Checked f =
        plans
            .evidenceFile(id, fileId)
            .orElseThrow(() -> new UserFacingException("plandispatch.file.not-found"));
    response.setContentType(f.contentType());
    response.setHeader(
        "Content-Disposition",
        org.springframework.http.ContentDisposition.attachment()
            .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8)
            .build()
            .toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getOutputStream().write(f.content());
  }

  // ---- indicators

  @GetMapping("/plans/{id}/indicators")
  String indicators(
      @PathVariable long id,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    DispatchPlan p = plans.plan(id);
    List<DispatchIndicator> all = filteredIndicators(id, q);
    model.addAttribute("plan", p);
    model.addAttribute("years", years(all));
    model.addAttribute("page", PageResult.slice(all, PageQuery.of(page, size)));
    model.addAttribute("thisYear", plans.today().getYear());
    model.addAttribute("q", q);
    return "plandispatch/indicators";
  }

  private List<DispatchIndicator> filteredIndicators(long id, String q) {
    Optional<String> text = SearchText.of(q);
    return plans.indicators(id).stream()
        .filter(i -> text.isEmpty() || i.name().contains(text.get()))
        .toList();
  }

  private static List<Integer> years(List<DispatchIndicator> indicators) {
    return indicators.stream()
        .flatMap(i -> i.values().stream())
        .map(DispatchIndicator.Value::year)
        .distinct()
        .sorted()
        .toList();
  }

  @GetMapping("/plans/{id}/indicators/export")
  void exportIndicators(
      @PathVariable long id, @RequestParam(required = false) String q, HttpServletResponse response)
      throws IOException {
    DispatchPlan p = plans.plan(id);
    List<DispatchIndicator> all = filteredIndicators(id, q);
    List<Integer> years = years(all);
    List<String> headers =
        new ArrayList<>(
            messages.all(
                "plandispatch.indicator.no",
                "plandispatch.indicator.name",
                "plandispatch.indicator.unit",
                "plandispatch.indicator.baseline",
                "plandispatch.indicator.target",
                "plandispatch.indicator.target-year",
                "plandispatch.indicator.kind"));
    years.forEach(y -> headers.add(messages.get("plandispatch.indicator.year-value", y)));
    List<List<?>> rows = new ArrayList<>();
    for (DispatchIndicator i : all) {
      List<Object> row = new ArrayList<>();
      row.add(i.no());
      row.add(i.name());
      row.add(i.unit().orElse(""));
      row.add(i.baseline().orElse(""));
      row.add(i.target().orElse(""));
      row.add(i.targetYear().map(Object::toString).orElse(""));
      row.add(i.kind());
      for (int y : years) {
        row.add(
            i.valueOf(y).map(v -> v.value().toPlainString() + "（" + v.source() + "）").orElse(""));
      }
      rows.add(row);
    }
    audit.recordExport(
        PlanDispatchService.INDICATOR, p.title(), Optional.ofNullable(q), rows.size());
    excel.write(response, p.title(), headers, rows);
  }

  @PostMapping("/plans/{id}/indicators/values")
  String putValue(
      @PathVariable long id,
      @RequestParam String no,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) String source,
      RedirectAttributes redirect) {
    BigDecimal number;
    try {
      number = value == null || value.isBlank() ? null : new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw new UserFacingException("plandispatch.value.number", value);
    }
    plans.putValue(id, no, year, number, source);
    redirect.addFlashAttribute("notice", "plandispatch.value.done");
    return "redirect:/dispatch/plans/" + id + "/indicators";
  }
}
