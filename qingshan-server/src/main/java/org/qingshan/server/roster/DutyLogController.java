package org.qingshan.server.roster;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 值班日志: a day's shifts, alarms, cases and hand-over notes, to print or export. */
@Controller
@RequestMapping("/roster/log")
class DutyLogController {
  private final DutyLogService logs;
  private final RosterService roster;
  private final RosterShifts shifts;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;

  DutyLogController(
      DutyLogService logs,
      RosterService roster,
      RosterShifts shifts,
      ExcelExport excel,
      Messages messages,
      AuditLog audit) {
    this.logs = logs;
    this.roster = roster;
    this.shifts = shifts;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
  }

  @GetMapping
  String page(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model) {
    LocalDate day = date == null ? roster.today() : date;
    model.addAttribute("log", logs.of(day));
    model.addAttribute("previous", day.minusDays(1));
    model.addAttribute("next", day.plusDays(1));
    model.addAttribute("shiftLabels", shifts);
    return "roster/log";
  }

  /** The log as one sheet: a line per alarm, case and note, the part it belongs to first. */
  @GetMapping("/export")
  void export(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      HttpServletResponse response)
      throws IOException {
    LocalDate day = date == null ? roster.today() : date;
    DutyLog log = logs.of(day);
    List<List<?>> rows = new ArrayList<>();
    for (DutyLog.Shift s : log.shifts()) {
      rows.add(
          List.of(
              messages.get("roster.log.on-duty"),
              s.slot().start().toOffsetDateTime(),
              "",
              s.slot().label(),
              String.join("、", s.people()),
              "",
              ""));
    }
    add(rows, "roster.log.alarms-raised", log.alarmsRaised());
    add(rows, "roster.log.alarms-closed", log.alarmsClosed());
    add(rows, "roster.log.cases-opened", log.casesOpened());
    add(rows, "roster.log.cases-closed", log.casesClosed());
    for (HandoverNote n : log.notes()) {
      rows.add(
          List.of(
              messages.get("roster.log.handover"),
              n.writtenAt(),
              "",
              shifts.label(n.shift()),
              n.text(),
              n.acknowledgedBy().map(a -> messages.get("roster.log.acknowledged-by", a)).orElse(""),
              n.writerName()));
    }
    String title = messages.get("nav.duty-log") + " " + day;
    audit.recordExport(RosterService.ROSTER, title, Optional.empty(), rows.size());
    excel.write(
        response,
        title,
        messages.all(
            "roster.log.part",
            "roster.log.time",
            "roster.log.ref",
            "roster.log.kind",
            "roster.log.title",
            "roster.log.detail",
            "roster.log.by"),
        rows);
  }

  private void add(List<List<?>> rows, String part, List<DutyLog.Row> lines) {
    String name = messages.get(part);
    for (DutyLog.Row r : lines) {
      rows.add(List.of(name, r.at(), r.ref(), r.kind(), r.title(), r.detail(), r.by()));
    }
  }
}
