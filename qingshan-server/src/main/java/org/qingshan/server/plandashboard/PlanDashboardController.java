package org.qingshan.server.plandashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.plandispatch.DispatchSchedule;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The planner's and the leader's dashboard of a published plan, its exports and the planner's
 * actions.
 */
@Controller
class PlanDashboardController {
  static final List<String> TABLES =
      List.of("chapters", "departments", "indicators", "deadlines", "reporting");
  // bundle keys completed by a table's name and by the importer's target kind
  private static final String TABLE_KEYS = "plandashboard.table";
  private static final String KIND_KEYS = "plandashboard.indicator.kind";
  // the session's last chosen plan
  private static final String CHOSEN = PlanDashboardController.class.getName() + ".plan";
  private final PlanDashboardService service;
  private final ExcelExport excel;
  private final AuditLog audit;
  private final Messages messages;
  private final ObjectMapper json;

  PlanDashboardController(
      PlanDashboardService service,
      ExcelExport excel,
      AuditLog audit,
      Messages messages,
      ObjectMapper json) {
    this.service = service;
    this.excel = excel;
    this.audit = audit;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping("/plan-dashboard")
  String page(
      @RequestParam Optional<Long> plan,
      @RequestParam(defaultValue = "") String q,
      HttpSession session,
      Model model)
      throws JsonProcessingException {
    // the plan the user chose last (while still in force), else the plan in force longest
    if (plan.isPresent()) {
      session.setAttribute(CHOSEN, plan.get());
    } else if (session.getAttribute(CHOSEN) instanceof Long chosen && service.inForce(chosen)) {
      plan = Optional.of(chosen);
    }
    model.addAttribute("plans", service.plans());
    model.addAttribute("q", q);
    Optional<PlanDashboard> dashboard = service.dashboard(plan);
    model.addAttribute("dashboard", dashboard.orElse(null));
    model.addAttribute("frequencies", DispatchSchedule.values());
    model.addAttribute("judgements", IndicatorStatus.values());
    model.addAttribute("reminderDays", service.reminderDays());
    if (dashboard.isPresent()) {
      Map<String, List<List<?>>> tables = new LinkedHashMap<>();
      for (String t : TABLES) {
        tables.put(t, filter(rows(dashboard.get(), t), q));
      }
      model.addAttribute("tables", tables);
      model.addAttribute("headers", headers());
      model.addAttribute("charts", json.writeValueAsString(charts(dashboard.get())));
    }
    return "plandashboard/page";
  }

  @GetMapping("/plan-dashboard/export/{table}")
  void export(
      @PathVariable String table,
      @RequestParam Optional<Long> plan,
      @RequestParam(defaultValue = "") String q,
      HttpServletResponse response)
      throws IOException {
    if (!TABLES.contains(table)) {
      throw new UserFacingException("plandashboard.no-table");
    }
    PlanDashboard d =
        service.dashboard(plan).orElseThrow(() -> new UserFacingException("plandashboard.no-plan"));
    List<List<?>> rows = filter(rows(d, table), q);
    String title = d.title() + "-" + messages.get(key(TABLE_KEYS, table));
    audit.recordExport(
        "plan-dashboard", title, Optional.of(q).filter(s -> !s.isBlank()), rows.size());
    excel.write(response, title, headers().get(table), rows);
  }

  @PostMapping("/plan-dashboard/{plan}/schedule")
  String schedule(
      @PathVariable long plan, @RequestParam DispatchSchedule frequency, RedirectAttributes flash) {
    service.setFrequency(plan, frequency);
    flash.addFlashAttribute("notice", "plandashboard.schedule.saved");
    return "redirect:/plan-dashboard?plan=" + plan;
  }

  @PostMapping("/plan-dashboard/{plan}/urge")
  String urge(@PathVariable long plan, @RequestParam long department, RedirectAttributes flash) {
    int told = service.urge(plan, department);
    flash.addFlashAttribute("urged", messages.get("plandashboard.urge.done", told));
    return "redirect:/plan-dashboard?plan=" + plan;
  }

  @PostMapping("/plan-dashboard/{plan}/indicators/{indicator}")
  String note(
      @PathVariable long plan,
      @PathVariable long indicator,
      @RequestParam(defaultValue = "") String assigned,
      @RequestParam(defaultValue = "") String judgement,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    Optional<BigDecimal> value;
    try {
      value = assigned.isBlank() ? Optional.empty() : Optional.of(new BigDecimal(assigned.strip()));
    } catch (NumberFormatException e) {
      throw new UserFacingException("plandashboard.note.bad-number", assigned);
    }
    Optional<IndicatorStatus> j =
        judgement.isBlank() ? Optional.empty() : Optional.of(IndicatorStatus.valueOf(judgement));
    service.note(indicator, value, j, Optional.of(reason.strip()).filter(s -> !s.isEmpty()));
    flash.addFlashAttribute("notice", "plandashboard.note.saved");
    return "redirect:/plan-dashboard?plan=" + plan;
  }

  /** A key completed by a value the code offers (a table's name, an importer's target kind). */
  private static String key(String prefix, String value) {
    return prefix + '.' + value;
  }

  private static List<List<?>> filter(List<List<?>> rows, String q) {
    if (q.isBlank()) {
      return rows;
    }
    String s = q.strip();
    return rows.stream()
        .filter(r -> r.stream().anyMatch(v -> v != null && v.toString().contains(s)))
        .toList();
  }

  Map<String, List<String>> headers() {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put(
        "chapters",
        messages.all(
            "plandashboard.chapter",
            "DispatchTaskStatus.NOT_STARTED",
            "DispatchTaskStatus.IN_PROGRESS",
            "DispatchTaskStatus.DONE",
            "DispatchTaskStatus.BEHIND",
            "plandashboard.total"));
    h.put(
        "departments",
        messages.all(
            "plandashboard.rank",
            "plandashboard.department",
            "plandashboard.assigned",
            "plandashboard.supporting",
            "plandashboard.done",
            "plandashboard.on-time",
            "plandashboard.overdue",
            "plandashboard.completion-rate"));
    h.put(
        "indicators",
        messages.all(
            "plandashboard.indicator.no",
            "plandashboard.indicator.name",
            "plandashboard.indicator.unit",
            "plandashboard.indicator.baseline",
            "plandashboard.indicator.target",
            "plandashboard.indicator.values",
            "plandashboard.indicator.latest",
            "plandashboard.indicator.needed",
            "plandashboard.indicator.status",
            "plandashboard.indicator.forecast",
            "plandashboard.indicator.reason"));
    h.put(
        "deadlines",
        messages.all(
            "plandashboard.task",
            "plandashboard.target",
            "plandashboard.lead",
            "plandashboard.due",
            "plandashboard.figure",
            "plandashboard.done-on",
            "plandashboard.state"));
    h.put(
        "reporting",
        messages.all(
            "plandashboard.department",
            "plandashboard.last-report",
            "plandashboard.next-due",
            "plandashboard.report-state"));
    return h;
  }

  List<List<?>> rows(PlanDashboard d, String table) {
    List<List<?>> rows = new ArrayList<>();
    switch (table) {
      case "chapters" ->
          d.chapters()
              .forEach(
                  c ->
                      rows.add(
                          List.of(
                              c.title(),
                              c.notStarted(),
                              c.inProgress(),
                              c.done(),
                              c.behind(),
                              c.total())));
      case "departments" ->
          d.departments()
              .forEach(
                  x ->
                      rows.add(
                          List.of(
                              x.rank(),
                              x.name(),
                              x.assigned(),
                              x.supporting(),
                              x.done(),
                              x.onTime(),
                              x.overdue(),
                              x.completionRate())));
      case "indicators" ->
          d.indicators()
              .forEach(
                  i ->
                      rows.add(
                          List.of(
                              i.no(),
                              i.name(),
                              i.unit(),
                              i.baseline(),
                              i.target(),
                              i.values(),
                              i.latest().map(v -> i.latestYear().get() + "：" + v).orElse(""),
                              i.needed().map(String::valueOf).orElse(""),
                              i.status()
                                  .map(messages::label)
                                  .orElse(messages.get(key(KIND_KEYS, i.kind()))),
                              i.forecast().map(String::valueOf).orElse(""),
                              i.reason().orElse(""))));
      case "deadlines" ->
          d.deadlines()
              .forEach(
                  x ->
                      rows.add(
                          List.of(
                              x.title(),
                              x.target(),
                              x.lead(),
                              x.due().toString(),
                              x.figure(),
                              x.doneOn().map(Object::toString).orElse(""),
                              messages.label(x.state()))));
      case "reporting" ->
          d.reporting()
              .forEach(
                  r ->
                      rows.add(
                          List.of(
                              r.name(),
                              r.lastReport().map(Object::toString).orElse(""),
                              r.nextDue().toString(),
                              messages.get(
                                  r.overdue()
                                      ? "plandashboard.report.overdue"
                                      : r.remind()
                                          ? "plandashboard.report.remind"
                                          : "plandashboard.report.ok"))));
      default -> throw new UserFacingException("plandashboard.no-table");
    }
    return rows;
  }

  private Map<String, Object> charts(PlanDashboard d) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("statuses", headers().get("chapters").subList(1, 5));
    c.put("chapters", d.chapters());
    c.put(
        "departments",
        d.departments().stream()
            .map(x -> Map.of("name", x.name(), "rate", x.completionRate(), "overdue", x.overdue()))
            .toList());
    c.put("rateLabel", messages.get("plandashboard.completion-rate"));
    c.put("overdueLabel", messages.get("plandashboard.overdue"));
    c.put(
        "indicators",
        d.indicators().stream()
            .filter(i -> i.latest().isPresent() && i.needed().isPresent())
            .map(
                i ->
                    Map.of(
                        "name", i.name(),
                        "latest", i.latest().get(),
                        "needed", i.needed().get(),
                        "target", i.targetValue().orElse(0.0)))
            .toList());
    c.put("latestLabel", messages.get("plandashboard.indicator.latest"));
    c.put("neededLabel", messages.get("plandashboard.indicator.needed"));
    c.put("targetLabel", messages.get("plandashboard.indicator.target"));
    return c;
  }
}
