package org.qingshan.server.roster;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 值班表: a month of shifts, who stands each, the editing of a day's shift, the export. */
@Controller
@RequestMapping("/roster")
class RosterController {
  private final RosterService roster;
  private final RosterShifts shifts;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;

  RosterController(
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

  /** One day of the month view: per shift code, the people on it. */
  public record Day(
      LocalDate date, String weekday, boolean today, Map<String, List<RosterEntry>> cells) {}

  @GetMapping
  String month(
      @RequestParam(required = false) String month,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) String shift,
      Model model) {
    YearMonth ym = month(month);
    List<Day> days = days(ym);
    model.addAttribute("month", ym);
    model.addAttribute("previous", ym.minusMonths(1));
    model.addAttribute("next", ym.plusMonths(1));
    model.addAttribute("days", days);
    model.addAttribute("shifts", shifts.all());
    model.addAttribute("shiftLabels", labels());
    model.addAttribute("choices", roster.choices());
    LocalDate editDate = date != null && YearMonth.from(date).equals(ym) ? date : null;
    String editShift =
        shift != null && shifts.all().stream().anyMatch(s -> s.code().equals(shift))
            ? shift
            : shifts.all().get(0).code();
    model.addAttribute("editDate", editDate == null ? roster.today() : editDate);
    model.addAttribute("editShift", editShift);
    model.addAttribute(
        "editPeople",
        editDate == null
            ? List.of()
            : roster.of(shifts.slot(editDate, editShift)).stream()
                .map(RosterEntry::username)
                .toList());
    model.addAttribute("onDuty", roster.onDutyAt(roster.now()).orElse(null));
    return "roster/month";
  }

  @PostMapping("/assign")
  String assign(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam String shift,
      @RequestParam(required = false) List<String> users,
      RedirectAttributes redirect) {
    try {
      roster.assign(date, shift, users == null ? List.of() : users);
      redirect.addFlashAttribute("notice", "roster.saved");
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/roster?month=" + YearMonth.from(date);
  }

  @GetMapping("/export")
  void export(@RequestParam(required = false) String month, HttpServletResponse response)
      throws IOException {
    YearMonth ym = month(month);
    List<List<?>> rows = new ArrayList<>();
    for (Day d : days(ym)) {
      List<Object> row = new ArrayList<>();
      row.add(d.date().toString());
      row.add(d.weekday());
      for (RosterSettings.Shift s : shifts.all()) {
        row.add(
            d.cells().get(s.code()).stream()
                .map(RosterEntry::displayName)
                .collect(Collectors.joining("、")));
      }
      rows.add(row);
    }
    List<String> headers = new ArrayList<>(messages.all("roster.date", "roster.weekday"));
    shifts.all().forEach(s -> headers.add(shifts.label(s) + " " + s.start() + "–" + s.end()));
    String title = messages.get("nav.roster") + " " + ym;
    audit.recordExport(RosterService.ROSTER, title, Optional.empty(), rows.size());
    excel.write(response, title, headers, rows);
  }

  private List<Day> days(YearMonth ym) {
    Map<LocalDate, List<RosterEntry>> byDate =
        roster.between(ym.atDay(1), ym.atEndOfMonth()).stream()
            .collect(Collectors.groupingBy(RosterEntry::date));
    LocalDate today = roster.today();
    List<Day> days = new ArrayList<>();
    for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
      Map<String, List<RosterEntry>> cells = new LinkedHashMap<>();
      for (RosterSettings.Shift s : shifts.all()) {
        cells.put(
            s.code(),
            byDate.getOrDefault(d, List.of()).stream()
                .filter(e -> e.shift().equals(s.code()))
                .toList());
      }
      days.add(new Day(d, weekday(d.getDayOfWeek()), d.equals(today), cells));
    }
    return days;
  }

  private Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    shifts.all().forEach(s -> m.put(s.code(), shifts.label(s)));
    return m;
  }

  private static String weekday(DayOfWeek d) {
    return d.getDisplayName(TextStyle.SHORT, Locale.SIMPLIFIED_CHINESE);
  }

  private YearMonth month(String month) {
    if (month != null && !month.isBlank()) {
      try {
        return YearMonth.parse(month.trim());
      } catch (DateTimeParseException e) {
        throw new UserFacingException("roster.month.invalid", month);
      }
    }
    return YearMonth.from(roster.today());
  }
}
