package org.qingshan.server.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.cases.CaseStatus;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.SearchText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bureau's list of public reports with the reporters' phone numbers; the access rules open it
 * to admins and dispatchers only (the number is theirs to call back), and every export is audited.
 */
@Controller
@RequestMapping("/reports")
class ReportController {
  private final ReportService reports;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;

  ReportController(ReportService reports, ExcelExport excel, Messages messages, AuditLog audit) {
    this.reports = reports;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    model.addAttribute(
        "page",
        reports.search(
            new ReportSearch(SearchText.of(q), Optional.ofNullable(status)),
            PageQuery.of(page, size)));
    model.addAttribute("q", q);
    model.addAttribute("status", status);
    model.addAttribute("statuses", CaseStatus.values());
    return "report/list";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) CaseStatus status,
      HttpServletResponse response)
      throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (PublicReport r :
        reports
            .search(
                new ReportSearch(SearchText.of(q), Optional.ofNullable(status)), PageQuery.EXPORT)
            .items()) {
      rows.add(
          List.of(
              r.trackingNoGrouped(),
              r.createdAt(),
              r.text(),
              r.phone().orElse(""),
              r.lat().map(String::valueOf).orElse(""),
              r.lng().map(String::valueOf).orElse(""),
              r.caseNo(),
              messages.label(r.status()),
              r.answer().orElse("")));
    }
    audit.recordExport(
        ReportLookups.ENTITY, messages.get("nav.reports"), SearchText.of(q), rows.size());
    excel.write(
        response,
        messages.get("nav.reports"),
        messages.all(
            "report.tracking-no",
            "report.created-at",
            "report.text",
            "report.phone",
            "report.lat",
            "report.lng",
            "report.case-no",
            "report.status",
            "report.answer"),
        rows);
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    PublicReport r = reports.get(id);
    model.addAttribute("report", r);
    model.addAttribute("section", java.util.Map.of("report", r));
    return "report/show";
  }
}
