package org.qingshan.server.grid;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 覆盖情况: enterprises in no grid, grids without (enough) members, members behind their patrol plan in
 * the week of the chosen day (today by default), each list paged, all in one export.
 */
@Controller
class CoverageController {
  private final GridCoverage coverage;
  private final GridSettings settings;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;
  private final Clock clock;
  private final ZoneId zone;

  CoverageController(
      GridCoverage coverage,
      GridSettings settings,
      ExcelExport excel,
      Messages messages,
      AuditLog audit,
      Clock clock,
      ZoneId zone) {
    this.coverage = coverage;
    this.settings = settings;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
    this.clock = clock;
    this.zone = zone;
  }

  @GetMapping("/grids/coverage")
  String page(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    LocalDate day = on == null ? LocalDate.now(clock.withZone(zone)) : on;
    GridCoverage.Report r = coverage.on(day);
    Optional<String> text = org.qingshan.server.web.SearchText.of(q);
    PageQuery query = PageQuery.of(page, size);
    model.addAttribute("report", r);
    model.addAttribute("on", day);
    model.addAttribute("q", q);
    model.addAttribute(
        "unassigned",
        PageResult.slice(
            r.unassigned().stream()
                .filter(
                    e ->
                        text.map(t -> e.name().contains(t) || e.town().orElse("").contains(t))
                            .orElse(true))
                .toList(),
            query));
    model.addAttribute(
        "understaffed",
        r.understaffed().stream()
            .filter(u -> text.map(t -> u.grid().name().contains(t)).orElse(true))
            .toList());
    model.addAttribute(
        "behind",
        r.behind().stream()
            .filter(
                b ->
                    text.map(
                            t ->
                                b.grid().name().contains(t)
                                    || b.member().displayName().contains(t)
                                    || b.member().username().contains(t))
                        .orElse(true))
            .toList());
    model.addAttribute("settings", settings);
    return "grid/coverage";
  }

  @GetMapping("/grids/coverage/export")
  void export(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      HttpServletResponse response)
      throws IOException {
    LocalDate day = on == null ? LocalDate.now(clock.withZone(zone)) : on;
    GridCoverage.Report r = coverage.on(day);
    List<List<?>> rows = new ArrayList<>();
    for (Enterprise e : r.unassigned()) {
      rows.add(
          List.of(
              messages.get("grid.coverage.kind.unassigned"), e.name(), e.town().orElse(""), ""));
    }
    for (GridCoverage.Understaffed u : r.understaffed()) {
      rows.add(
          List.of(
              messages.get(
                  u.uncovered()
                      ? "grid.coverage.kind.no-member"
                      : "grid.coverage.kind.few-members"),
              u.grid().name(),
              settings.levelName(u.grid().level()),
              messages.get(
                  "grid.coverage.members-count", u.members(), settings.recommendedMembers())));
    }
    for (GridCoverage.Behind b : r.behind()) {
      rows.add(
          List.of(
              messages.get("grid.coverage.kind.behind"),
              b.member().displayName() + "（" + b.member().username() + "）",
              b.grid().name(),
              messages.get("grid.coverage.behind-count", b.due(), b.done())));
    }
    audit.recordExport(
        GridService.ENTITY,
        messages.get("nav.grid-coverage"),
        Optional.of(day.toString()),
        rows.size());
    excel.write(
        response,
        messages.get("nav.grid-coverage") + " " + day,
        messages.all(
            "grid.coverage.kind",
            "grid.coverage.object",
            "grid.coverage.where",
            "grid.coverage.detail"),
        rows);
  }
}
