package org.qingshan.server.airquality;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.qingshan.standards.air.AirEvaluator;
import org.qingshan.standards.air.DailyAirQuality;
import org.qingshan.standards.aqi.AirPollutant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Daily air quality of a station, computed from its hour data by the national rules (HJ 633 and HJ
 * 663, the version in force on each day): never a typed-in number.
 */
@Controller
@RequestMapping("/air")
class AirQualityController {
  static final int MAX_DAYS = 366;
  private final DeviceRegistry registry;
  private final AirStationData data;
  private final CurrentUser currentUser;
  private final ExcelExport excel;
  private final Messages messages;
  private final ZoneId zone;

  AirQualityController(
      DeviceRegistry registry,
      AirStationData data,
      CurrentUser currentUser,
      ExcelExport excel,
      Messages messages,
      ZoneId countyZone) {
    this.registry = registry;
    this.data = data;
    this.currentUser = currentUser;
    this.excel = excel;
    this.messages = messages;
    this.zone = countyZone;
  }

  @GetMapping
  String page(
      @RequestParam(required = false) Long station,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    List<Device> stations = stations();
    model.addAttribute("stations", stations);
    model.addAttribute("pollutants", AirPollutant.values());
    Optional<Device> chosen =
        station == null
            ? stations.stream().findFirst()
            : stations.stream().filter(s -> s.id() == station).findFirst();
    LocalDate end = to == null ? LocalDate.now(zone) : to;
    LocalDate start = from == null ? end.minusDays(6) : from;
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    chosen.ifPresent(s -> model.addAttribute("report", report(s, start, end)));
    return "air/daily";
  }

  @GetMapping("/export")
  void export(
      @RequestParam long station,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    Device s =
        stations().stream()
            .filter(d -> d.id() == station)
            .findFirst()
            .orElseThrow(() -> new UserFacingException("error.not-found"));
    AirQualityReport report = report(s, from, to);
    List<String> headers =
        new ArrayList<>(messages.all("air.date", "air.aqi", "air.category", "air.primary"));
    for (AirPollutant p : AirPollutant.values()) {
      headers.add(p.chineseName() + " (" + p.unit() + ")");
    }
    headers.add(messages.get("air.rule-set"));
    List<List<?>> rows = new ArrayList<>();
    for (DailyAirQuality d : report.days()) {
      List<Object> row = new ArrayList<>();
      row.add(d.values().date().toString());
      row.add(d.aqi().aqi().isPresent() ? d.aqi().aqi().getAsInt() : "NA");
      row.add(d.aqi().category().map(c -> c.chineseName()).orElse(""));
      row.add(String.join("、", d.aqi().primaryPollutants().stream().map(messages::label).toList()));
      for (AirPollutant p : AirPollutant.values()) {
        row.add(AirDay.value(d, p));
      }
      row.add(d.ruleSet().label());
      rows.add(row);
    }
    excel.write(response, s.name(), headers, rows);
  }

  private AirQualityReport report(Device station, LocalDate from, LocalDate to) {
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new UserFacingException("air.error.range", MAX_DAYS);
    }
    return new AirQualityReport(
        station,
        from,
        to,
        AirEvaluator.daily(data.hourly(station.id(), from, to), Optional.empty()));
  }

  private List<Device> stations() {
    return currentUser.visible(registry.all()).stream()
        .filter(d -> d.kind() == DeviceKind.AMBIENT_AIR)
        .sorted(Comparator.comparingLong(Device::id))
        .toList();
  }
}
