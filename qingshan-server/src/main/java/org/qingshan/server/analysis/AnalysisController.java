package org.qingshan.server.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.device.MapSettings;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 分析研判: cases by type, town, industry, enterprise and month, repeat offenders, on-time closure by
 * department and grid member, a heat map; every table exportable.
 */
@Controller
@RequestMapping("/analysis")
class AnalysisController {
  static final String ENTITY = "case-analysis";

  /** The tables of the page, by the name their export takes. */
  static final List<String> TABLES =
      List.of(
          "type", "town", "industry", "enterprise", "month", "offenders", "departments", "members");

  private final AnalysisService analysis;
  private final MapSettings map;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;
  private final ObjectMapper json;

  AnalysisController(
      AnalysisService analysis,
      MapSettings map,
      ExcelExport excel,
      Messages messages,
      AuditLog audit,
      ObjectMapper json) {
    this.analysis = analysis;
    this.map = map;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
    this.json = json;
  }

  /** The page's tables, each a title, headers and rows, as shown and as exported. */
  record Table(String name, String title, List<String> headers, List<List<?>> rows) {}

  @GetMapping
  String page(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) CaseType type,
      @RequestParam(required = false) String town,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) Integer min,
      Model model)
      throws JsonProcessingException {
    CaseFilter filter = filter(from, to, type, town, industry);
    int threshold = threshold(min);
    CaseStats stats = analysis.stats(filter);
    model.addAttribute("filter", filter);
    model.addAttribute("min", threshold);
    model.addAttribute("types", CaseType.values());
    model.addAttribute("towns", analysis.towns());
    model.addAttribute("industries", analysis.industries());
    model.addAttribute("stats", stats);
    List<Table> tables = new ArrayList<>();
    for (String name : TABLES) {
      tables.add(table(name, stats, filter, threshold));
    }
    model.addAttribute("tables", tables);
    model.addAttribute("charts", json.writeValueAsString(charts(stats, filter)));
    model.addAttribute("points", json.writeValueAsString(stats.points()));
    model.addAttribute("query", query(filter, threshold));
    model.addAttribute("tileUrl", map.tileUrl());
    model.addAttribute("tileAttribution", map.tileAttribution());
    return "analysis/page";
  }

  @GetMapping("/export/{table}")
  void export(
      @PathVariable String table,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) CaseType type,
      @RequestParam(required = false) String town,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) Integer min,
      HttpServletResponse response)
      throws IOException {
    if (!TABLES.contains(table)) {
      throw new UserFacingException("error.not-found");
    }
    CaseFilter filter = filter(from, to, type, town, industry);
    Table t = table(table, analysis.stats(filter), filter, threshold(min));
    String title = t.title() + " " + filter.from() + "–" + filter.to();
    audit.recordExport(ENTITY, title, Optional.empty(), t.rows().size());
    excel.write(response, title, t.headers(), t.rows());
  }

  private Table table(String name, CaseStats stats, CaseFilter filter, int threshold) {
    List<String> counts = messages.all("analysis.total", "analysis.closed", "analysis.overdue");
    List<String> rates =
        messages.all(
            "analysis.assigned",
            "analysis.closed",
            "analysis.on-time",
            "analysis.overdue",
            "analysis.due",
            "analysis.rate");
    return switch (name) {
      case "type" ->
          counts(
              name,
              "analysis.by-type",
              "analysis.type",
              counts,
              stats.by(f -> Optional.of(messages.label(f.type())), ""));
      case "town" ->
          counts(
              name,
              "analysis.by-town",
              "analysis.town",
              counts,
              stats.by(CaseFact::town, messages.get("analysis.none")));
      case "industry" ->
          counts(
              name,
              "analysis.by-industry",
              "analysis.industry",
              counts,
              stats.by(CaseFact::industry, messages.get("analysis.none")));
      case "enterprise" ->
          counts(
              name,
              "analysis.by-enterprise",
              "analysis.enterprise",
              counts,
              stats.by(CaseFact::enterpriseName, messages.get("analysis.no-enterprise")));
      case "month" ->
          counts(
              name,
              "analysis.by-month",
              "analysis.month",
              counts,
              stats.byMonth(
                  analysis.zone(), YearMonth.from(filter.from()), YearMonth.from(filter.to())));
      case "offenders" -> {
        List<List<?>> rows = new ArrayList<>();
        for (CaseStats.Offender o : stats.repeatOffenders(threshold)) {
          rows.add(List.of(o.name(), o.cases(), o.open(), o.latest()));
        }
        yield new Table(
            name,
            messages.get("analysis.offenders", threshold),
            messages.all(
                "analysis.enterprise", "analysis.total", "analysis.open", "analysis.latest"),
            rows);
      }
      case "departments" ->
          rates(name, "analysis.by-department", "analysis.department", rates, stats.byDepartment());
      default -> rates(name, "analysis.by-member", "analysis.member", rates, stats.byMember());
    };
  }

  private Table counts(
      String name, String title, String keyHeader, List<String> headers, List<CaseStats.Count> cs) {
    List<String> h = new ArrayList<>();
    h.add(messages.get(keyHeader));
    h.addAll(headers);
    List<List<?>> rows = new ArrayList<>();
    for (CaseStats.Count c : cs) {
      rows.add(List.of(c.label(), c.total(), c.closed(), c.overdue()));
    }
    return new Table(name, messages.get(title), h, rows);
  }

  private Table rates(
      String name, String title, String keyHeader, List<String> headers, List<CaseStats.Rate> rs) {
    List<String> h = new ArrayList<>();
    h.add(messages.get(keyHeader));
    h.addAll(headers);
    List<List<?>> rows = new ArrayList<>();
    for (CaseStats.Rate r : rs) {
      rows.add(
          List.of(
              r.name(), r.assigned(), r.closed(), r.onTime(), r.overdue(), r.due(), r.percent()));
    }
    return new Table(name, messages.get(title), h, rows);
  }

  private Map<String, Object> charts(CaseStats stats, CaseFilter filter) {
    Map<String, Object> c = new LinkedHashMap<>();
    List<CaseStats.Count> months =
        stats.byMonth(analysis.zone(), YearMonth.from(filter.from()), YearMonth.from(filter.to()));
    c.put("months", months.stream().map(CaseStats.Count::label).toList());
    c.put("monthTotals", months.stream().map(CaseStats.Count::total).toList());
    c.put("monthClosed", months.stream().map(CaseStats.Count::closed).toList());
    c.put("totalName", messages.get("analysis.total"));
    c.put("closedName", messages.get("analysis.closed"));
    c.put(
        "types",
        stats.by(f -> Optional.of(messages.label(f.type())), "").stream()
            .map(x -> Map.of("name", x.label(), "value", x.total()))
            .toList());
    List<CaseStats.Count> towns = stats.by(CaseFact::town, messages.get("analysis.none"));
    c.put("towns", towns.stream().map(CaseStats.Count::label).toList());
    c.put("townTotals", towns.stream().map(CaseStats.Count::total).toList());
    return c;
  }

  private CaseFilter filter(
      LocalDate from, LocalDate to, CaseType type, String town, String industry) {
    LocalDate end = to == null ? analysis.today() : to;
    LocalDate start = from == null ? analysis.defaultFrom() : from;
    if (start.isBefore(end.minusYears(10))) {
      throw new UserFacingException("analysis.period.too-long");
    }
    return new CaseFilter(
        start,
        end,
        Optional.ofNullable(type),
        Optional.ofNullable(town),
        Optional.ofNullable(industry));
  }

  /** The filter as a query string, for the export links. */
  private static String query(CaseFilter f, int threshold) {
    UriComponentsBuilder b =
        UriComponentsBuilder.newInstance()
            .queryParam("from", f.from())
            .queryParam("to", f.to())
            .queryParam("min", threshold);
    f.type().ifPresent(t -> b.queryParam("type", t.name()));
    f.town().ifPresent(t -> b.queryParam("town", t));
    f.industry().ifPresent(i -> b.queryParam("industry", i));
    return b.encode().build().getQuery();
  }

  private int threshold(Integer min) {
    return min == null || min < 1 ? analysis.repeatOffenderCases() : Math.min(min, 1000);
  }
}
