package org.qingshan.server.evaluation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.plandispatch.DispatchPlan;
import org.qingshan.server.plandispatch.PlanDispatchService;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.TimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The planner's 评估 page: choose a plan, a kind and a date, download the Word or PDF document, or
 * publish the evaluation (its indicators and summary go to the public page); the published list
 * with search, paging and Excel export; the departments' scores as computed for that date.
 */
@Controller
@RequestMapping("/evaluation")
class EvaluationController {
  private final EvaluationService service;
  private final EvaluationFiles files;
  private final PlanDispatchService plans;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;
  private final TimeFormat times;

  EvaluationController(
      EvaluationService service,
      EvaluationFiles files,
      PlanDispatchService plans,
      ExcelExport excel,
      Messages messages,
      AuditLog audit,
      TimeFormat times) {
    this.service = service;
    this.files = files;
    this.plans = plans;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
    this.times = times;
  }

  @GetMapping
  String page(
      @RequestParam(required = false) Long plan,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String date,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    service.requireBureau();
    var all = plans.plans().stream().filter(p -> p.published()).toList();
    model.addAttribute("plans", all);
    // by default the plan in force, not whichever was published last
    Long chosen =
        plan != null ? plan : EvaluationDefaults.plan(all).map(DispatchPlan::id).orElse(null);
    var d = files.date(date);
    EvaluationKind k =
        kind != null && !kind.isBlank()
            ? EvaluationFiles.kind(kind)
            : chosen == null
                ? EvaluationKind.MIDTERM
                : EvaluationDefaults.kind(
                    EvaluationDefaults.period(plans.plan(chosen).title(), plans.indicators(chosen)),
                    d);
    model.addAttribute("plan", chosen);
    model.addAttribute("kind", k);
    model.addAttribute("kinds", EvaluationKind.values());
    model.addAttribute("date", d);
    if (chosen != null) {
      model.addAttribute("report", service.report(chosen, k, d));
    }
    model.addAttribute("page", PageResult.slice(filtered(q), PageQuery.of(page, size)));
    model.addAttribute("q", q);
    return "evaluation/index";
  }

  private List<EvaluationService.Published> filtered(String q) {
    Optional<String> text = SearchText.of(q);
    return service.published().stream()
        .filter(
            p ->
                text.isEmpty()
                    || p.planTitle().contains(text.get())
                    || p.summary().contains(text.get()))
        .toList();
  }

  @GetMapping("/export")
  void export(@RequestParam(required = false) String q, HttpServletResponse response)
      throws IOException {
    service.requireBureau();
    List<List<?>> rows = new ArrayList<>();
    for (EvaluationService.Published p : filtered(q)) {
      rows.add(
          List.of(
              p.id(),
              p.planTitle(),
              messages.label(p.kind()),
              p.date().toString(),
              times.minutes(p.publishedAt()),
              p.summary()));
    }
    audit.recordExport(
        EvaluationService.ENTITY,
        messages.get("evaluation.published.title"),
        Optional.ofNullable(q),
        rows.size());
    excel.write(
        response,
        messages.get("evaluation.published.title"),
        messages.all(
            "evaluation.col.id",
            "evaluation.col.plan",
            "evaluation.col.kind",
            "evaluation.col.date",
            "evaluation.col.published-at",
            "evaluation.col.summary"),
        rows);
  }

  @GetMapping("/download")
  ResponseEntity<byte[]> download(
      @RequestParam long plan,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String date,
      @RequestParam(required = false) String format) {
    return files.file(plan, kind, date, format);
  }

  @PostMapping("/publish")
  String publish(
      @RequestParam long plan,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String date,
      RedirectAttributes redirect) {
    service.requireBureau();
    EvaluationKind k = EvaluationFiles.kind(kind);
    LocalDate d = files.date(date);
    service.publish(plan, k, d);
    redirect.addFlashAttribute("notice", "evaluation.published.done");
    // back to the evaluation just published, not to the defaults
    return "redirect:/evaluation?plan=" + plan + "&kind=" + k.code() + "&date=" + d;
  }
}
