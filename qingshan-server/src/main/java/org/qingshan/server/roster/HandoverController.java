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
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.UserFacingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 交接班: the notes between shifts, writing one for the shift going off, taking one over. */
@Controller
@RequestMapping("/roster/handover")
class HandoverController {
  private final RosterService roster;
  private final RosterShifts shifts;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;

  HandoverController(
      RosterService roster,
      RosterShifts shifts,
      ExcelExport excel,
      Messages messages,
      AuditLog audit) {
    this.roster = roster;
    this.shifts = shifts;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    PageResult<HandoverNote> notes =
        roster.searchNotes(
            SearchText.of(q),
            Optional.ofNullable(from),
            Optional.ofNullable(to),
            PageQuery.of(page, size));
    model.addAttribute("page", notes);
    model.addAttribute("acknowledgeable", roster.acknowledgeable(notes.items()));
    model.addAttribute("q", q);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("shifts", shifts.all());
    model.addAttribute("shiftLabels", shifts);
    Optional<ShiftSlot> current = shifts.at(roster.now());
    model.addAttribute("writeDate", current.map(ShiftSlot::date).orElse(roster.today()));
    model.addAttribute(
        "writeShift", current.map(ShiftSlot::shift).orElse(shifts.all().get(0).code()));
    return "roster/handover";
  }

  @PostMapping
  String write(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam String shift,
      @RequestParam(required = false) String text,
      RedirectAttributes redirect) {
    try {
      roster.writeNote(date, shift, text);
      redirect.addFlashAttribute("notice", "roster.handover.saved");
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/roster/handover";
  }

  @PostMapping("/{id}/acknowledge")
  String acknowledge(
      @PathVariable long id,
      @RequestParam(required = false) String back,
      RedirectAttributes redirect) {
    try {
      roster.acknowledge(id);
      redirect.addFlashAttribute("notice", "roster.handover.acknowledged");
    } catch (UserFacingException e) {
      if (e.messageKey().endsWith("not-found")) {
        throw e;
      }
      redirect.addFlashAttribute("flashError", e);
    }
    // only the duty screen is a place to go back to: no redirect to an address a form names
    return "duty".equals(back) ? "redirect:/duty" : "redirect:/roster/handover";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (HandoverNote n :
        roster
            .searchNotes(
                SearchText.of(q),
                Optional.ofNullable(from),
                Optional.ofNullable(to),
                PageQuery.EXPORT)
            .items()) {
      rows.add(
          List.of(
              n.date().toString(),
              shifts.label(n.shift()),
              n.writerName(),
              n.writtenAt(),
              n.text(),
              n.acknowledgedBy().orElse(""),
              n.acknowledgedAt().map(Object.class::cast).orElse("")));
    }
    String title = messages.get("roster.handover.title");
    audit.recordExport(RosterService.HANDOVER, title, SearchText.of(q), rows.size());
    excel.write(
        response,
        title,
        messages.all(
            "roster.date",
            "roster.shift",
            "roster.handover.written-by",
            "roster.handover.written-at",
            "roster.handover.text",
            "roster.handover.acknowledged-by",
            "roster.handover.acknowledged-at"),
        rows);
  }
}
