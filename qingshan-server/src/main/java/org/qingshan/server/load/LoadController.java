package org.qingshan.server.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.device.FactorNames;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 排放量: an enterprise's loads by hour, day, month or year, its permits, a chart and Excel. */
@Controller
@RequestMapping("/loads")
class LoadController {
  private final LoadService loads;
  private final EmissionLoads emissionLoads;
  private final FactorNames factorNames;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;
  private final ObjectMapper json;

  LoadController(
      LoadService loads,
      EmissionLoads emissionLoads,
      FactorNames factorNames,
      ExcelExport excel,
      Messages messages,
      AuditLog audit,
      ObjectMapper json) {
    this.loads = loads;
    this.emissionLoads = emissionLoads;
    this.factorNames = factorNames;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
    this.json = json;
  }

  /** What the page was asked for, with the defaults of its granularity. */
  private record Range(Granularity granularity, LocalDate from, LocalDate to) {
    static Range of(Granularity g, LocalDate from, LocalDate to, LocalDate today) {
      Granularity granularity = g == null ? Granularity.DAY : g;
      LocalDate start =
          from != null
              ? from
              : switch (granularity) {
                case HOUR -> today.minusDays(1);
                case DAY -> today.withDayOfMonth(1);
                case MONTH -> today.withDayOfYear(1);
                case YEAR -> today.withDayOfYear(1).minusYears(4);
              };
      LocalDate end =
          to != null
              ? to
              : granularity.inTonnes() ? today.withDayOfYear(1).plusYears(1).minusDays(1) : today;
      return new Range(granularity, start, end);
    }
  }

  @GetMapping
  String page(
      @RequestParam(required = false) Long enterprise,
      @RequestParam(required = false) Granularity granularity,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model)
      throws JsonProcessingException {
    Optional<Enterprise> shown = loads.enterprise(Optional.ofNullable(enterprise));
    Range range = Range.of(granularity, from, to, emissionLoads.now().toLocalDate());
    model.addAttribute("choices", loads.choices());
    model.addAttribute("granularities", Granularity.values());
    model.addAttribute("range", range);
    model.addAttribute("shown", shown.orElse(null));
    model.addAttribute("ownEnterprise", loads.ownEnterprise().isPresent());
    if (shown.isPresent()) {
      long id = shown.get().id();
      LoadTable table = loads.table(id, range.granularity(), range.from(), range.to());
      model.addAttribute("table", table);
      model.addAttribute("permits", emissionLoads.permitUse(id));
      model.addAttribute("chart", json.writeValueAsString(chart(table)));
    }
    return "loads/page";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) Long enterprise,
      @RequestParam(required = false) Granularity granularity,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    Enterprise shown =
        loads
            .enterprise(Optional.ofNullable(enterprise))
            .orElseThrow(() -> new UserFacingException("error.not-found"));
    Range range = Range.of(granularity, from, to, emissionLoads.now().toLocalDate());
    LoadTable table = loads.table(shown.id(), range.granularity(), range.from(), range.to());
    String unit = messages.get(table.granularity().inTonnes() ? "load.unit.t" : "load.unit.kg");
    List<String> headers = new ArrayList<>();
    headers.add(messages.get("load.period"));
    table.pollutants().forEach(p -> headers.add(factorNames.label(p) + " (" + unit + ")"));
    List<List<?>> rows = new ArrayList<>();
    for (LoadTable.Row r : table.rows()) {
      List<Object> row = new ArrayList<>();
      row.add(r.label());
      table.pollutants().forEach(p -> row.add(r.values().getOrDefault(p, 0.0)));
      rows.add(row);
    }
    String title = messages.get("nav.loads") + "-" + shown.name();
    audit.recordExport("load", title, Optional.of(range.toString()), rows.size());
    excel.write(response, title, headers, rows);
  }

  private Map<String, Object> chart(LoadTable table) {
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("periods", table.rows().stream().map(LoadTable.Row::label).toList());
    chart.put(
        "unit", messages.get(table.granularity().inTonnes() ? "load.unit.t" : "load.unit.kg"));
    List<Map<String, Object>> series = new ArrayList<>();
    for (String p : table.pollutants()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", factorNames.label(p));
      s.put("data", table.rows().stream().map(r -> r.values().getOrDefault(p, 0.0)).toList());
      series.add(s);
    }
    chart.put("series", series);
    return chart;
  }
}
