package org.qingshan.server.duty;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.alarm.AlarmActions;
import org.qingshan.server.alarm.AlarmStatus;
import org.qingshan.server.alarm.AlarmType;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.device.FactorNames;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.TimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every alarm, closed or not: searched, paged and exported. */
@Controller
class AlarmListController {
  private final DutyAlarms alarms;
  private final ExcelExport excel;
  private final Messages messages;
  private final FactorNames factorNames;
  private final TimeFormat times;
  private final AuditLog audit;

  AlarmListController(
      DutyAlarms alarms,
      ExcelExport excel,
      Messages messages,
      FactorNames factorNames,
      TimeFormat times,
      AuditLog audit) {
    this.alarms = alarms;
    this.excel = excel;
    this.messages = messages;
    this.factorNames = factorNames;
    this.times = times;
    this.audit = audit;
  }

  @GetMapping("/duty/alarms")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String town,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) AlarmType type,
      @RequestParam(required = false) Severity severity,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    AlarmSearch search = search(q, town, industry, type, severity, status);
    model.addAttribute("page", alarms.search(search, PageQuery.of(page, size)));
    model.addAttribute("q", q);
    model.addAttribute("town", town);
    model.addAttribute("industry", industry);
    model.addAttribute("type", type);
    model.addAttribute("severity", severity);
    model.addAttribute("status", status == null ? "" : status);
    model.addAttribute("towns", alarms.towns());
    model.addAttribute("industries", alarms.industries());
    model.addAttribute("types", AlarmType.values());
    model.addAttribute("severities", Severity.values());
    model.addAttribute("statuses", AlarmStatus.values());
    return "duty/list";
  }

  @GetMapping("/duty/alarms/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String town,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) AlarmType type,
      @RequestParam(required = false) Severity severity,
      @RequestParam(required = false) String status,
      HttpServletResponse response)
      throws IOException {
    AlarmSearch search = search(q, town, industry, type, severity, status);
    List<List<?>> rows = new ArrayList<>();
    for (DutyAlarm a : alarms.search(search, PageQuery.EXPORT).items()) {
      rows.add(
          List.of(
              a.id(),
              DutyController.minutes(a.startedAt()),
              a.endedAt().map(DutyController::minutes).orElse(""),
              messages.label(a.severity()),
              messages.label(a.type()),
              messages.label(a.status()),
              a.enterpriseName().orElse(""),
              a.town().orElse(""),
              a.industry().orElse(""),
              a.outletCode().orElse(""),
              a.deviceMn().orElse(""),
              a.factor().map(factorNames::label).orElse(""),
              a.value().isPresent() ? (Object) a.value().getAsDouble() : "",
              a.limit().isPresent() ? (Object) a.limit().getAsDouble() : "",
              a.message(),
              a.rule().map(DutyAlarm.Rule::name).orElse(""),
              a.acknowledgedBy().orElse(""),
              a.acknowledgedAt().map(times::minutes).orElse(""),
              a.closedBy().orElse(""),
              a.closedAt().map(times::minutes).orElse(""),
              a.closeNote().orElse("")));
    }
    String title = messages.get("nav.alarms");
    audit.recordExport(AlarmActions.ENTITY, title, Optional.ofNullable(q), rows.size());
    excel.write(
        response,
        title,
        messages.all(
            "duty.id",
            "duty.started",
            "duty.ended",
            "duty.severity",
            "duty.type",
            "duty.status",
            "duty.enterprise",
            "duty.town",
            "duty.industry",
            "duty.outlet",
            "duty.device",
            "duty.factor",
            "duty.value",
            "duty.limit",
            "duty.message",
            "duty.rule",
            "duty.acknowledged-by",
            "duty.acknowledged-at",
            "duty.closed-by",
            "duty.closed-at",
            "duty.close-note"),
        rows);
  }

  private static AlarmSearch search(
      String q, String town, String industry, AlarmType type, Severity severity, String status) {
    return new AlarmSearch(
        Optional.ofNullable(q),
        Optional.ofNullable(town),
        Optional.ofNullable(industry),
        Optional.ofNullable(type),
        Optional.ofNullable(severity),
        DutyController.statuses(status),
        Optional.empty(),
        Optional.empty());
  }
}
