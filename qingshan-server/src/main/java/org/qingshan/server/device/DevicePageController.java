package org.qingshan.server.device;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.ingest.CommandStatus;
import org.qingshan.server.ingest.IngestSettings;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.ingest.RawText;
import org.qingshan.server.ingest.RefusalLog;
import org.qingshan.server.ingest.SecurityAlerts;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageSection;
import org.qingshan.server.web.PageSections;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One device: its latest values, trend, transmission rates, raw packets and remote commands. */
@Controller
@RequestMapping("/devices/{id}")
class DevicePageController {
  private static final Logger log = LoggerFactory.getLogger(DevicePageController.class);

  /** A quarter of data per export: a year of real-time data would not fit a sheet. */
  static final int MAX_EXPORT_DAYS = 92;

  private final DeviceRegistry registry;
  private final MonitoringQueries queries;
  private final DeviceStatusView status;
  private final DeviceCommands commands;
  private final DepartmentService departments;
  private final CurrentUser currentUser;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;
  private final ZoneId zone;
  private final RefusalLog refusals;
  private final SecurityAlerts alerts;
  private final IngestSettings ingest;
  private final FactorNames factorNames;
  private final DeviceKeys keys;
  private final SeenProtocols seenProtocols;
  private final PageSections sections;

  DevicePageController(
      DeviceRegistry registry,
      MonitoringQueries queries,
      DeviceStatusView status,
      DeviceCommands commands,
      DepartmentService departments,
      CurrentUser currentUser,
      ExcelExport excel,
      Messages messages,
      AuditLog audit,
      RefusalLog refusals,
      SecurityAlerts alerts,
      ZoneId countyZone,
      IngestSettings ingestSettings,
      FactorNames factorNames,
      DeviceKeys keys,
      SeenProtocols seenProtocols,
      PageSections sections) {
    this.sections = sections;
    this.keys = keys;
    this.seenProtocols = seenProtocols;
    this.factorNames = factorNames;
    this.registry = registry;
    this.queries = queries;
    this.status = status;
    this.commands = commands;
    this.departments = departments;
    this.currentUser = currentUser;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
    this.zone = countyZone;
    this.refusals = refusals;
    this.alerts = alerts;
    this.ingest = ingestSettings;
  }

  /** The device, if the user's data scope covers it. */
  private Device device(long id) {
    Device d = registry.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    return currentUser.requireVisible(DeviceRegistry.ENTITY, id, d);
  }

  @GetMapping
  String view(
      @PathVariable long id,
      @RequestParam(required = false) Integer rawPage,
      @RequestParam(required = false) String rawCn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate rawDay,
      @RequestParam(required = false) Integer commandPage,
      Model model) {
    Device d = device(id);
    LocalDate today = LocalDate.now(zone);
    model.addAttribute("row", status.of(d));
    model.addAttribute("keyStatus", keys.status(id));
    model.addAttribute("seenProtocol", seenProtocols.of(d.mn()).orElse(null));
    model.addAttribute(
        "departmentPath", d.departmentId().map(departments.tree()::pathOf).orElse(""));
    model.addAttribute("latest", queries.latest(id, LocalDateTime.now(zone).minusDays(7)));
    model.addAttribute(
        "rates",
        d.hourDataExpected()
            ? queries.dailyRates(id, today.minusDays(6), today.plusDays(1), LocalDateTime.now(zone))
            : List.of());
    model.addAttribute(
        "factors",
        queries.factors(id, ObservationKind.HOUR, LocalDateTime.now(zone).minusDays(31)));
    model.addAttribute(
        "realtimeFactors",
        queries.factors(id, ObservationKind.REALTIME, LocalDateTime.now(zone).minusDays(2)));
    String cn =
        rawCn != null && RawText.VIEWER_CNS.contains(rawCn) ? rawCn : ObservationKind.REALTIME.cn();
    LocalDate day = rawDay == null ? today : rawDay;
    model.addAttribute("refusals", refusals.of(d.mn()).orElse(null));
    model.addAttribute("securityAlerts", alerts.of(d.mn()).orElse(null));
    model.addAttribute("refusalRule", ingest);
    model.addAttribute("rawCns", RawText.VIEWER_CNS);
    model.addAttribute("rawCn", cn);
    model.addAttribute("rawDay", day);
    model.addAttribute("raw", queries.rawPackets(id, cn, day, PageQuery.of(rawPage, 10)));
    model.addAttribute("commands", queries.commands(id, PageQuery.of(commandPage, 10)));
    model.addAttribute("commandKinds", CommandKind.values());
    model.addAttribute("now", LocalDateTime.now(zone).withNano(0).withSecond(0));
    model.addAttribute("sections", sections.of(PageSection.DEVICE, id));
    return "devices/view";
  }

  /** A factor's series for the trend chart, as {time: [...], value: [...]}. */
  @GetMapping("/series")
  @ResponseBody
  Map<String, Object> series(
      @PathVariable long id,
      @RequestParam String factor,
      @RequestParam(defaultValue = "HOUR") ObservationKind kind,
      @RequestParam(defaultValue = "48") int hours) {
    device(id);
    LocalDateTime to = LocalDateTime.now(zone).plusHours(1);
    LocalDateTime from = to.minusHours(Math.min(Math.max(hours, 1), 24 * 92));
    List<String> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Observation o : queries.series(id, kind, factor, from, to)) {
      times.add(o.dataTime().toString().replace('T', ' '));
      values.add(o.value().isPresent() ? o.value().getAsDouble() : null);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("factor", factor);
    out.put("kind", kind.name());
    out.put("time", times);
    out.put("value", values);
    return out;
  }

  @GetMapping("/export")
  void export(
      @PathVariable long id,
      @RequestParam(defaultValue = "HOUR") ObservationKind kind,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    Device d = device(id);
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_EXPORT_DAYS) {
      throw new UserFacingException("observation.error.range", MAX_EXPORT_DAYS);
    }
    List<List<?>> rows = new ArrayList<>();
    for (Observation o :
        queries.export(id, kind, from.atStartOfDay(), to.plusDays(1).atStartOfDay())) {
      rows.add(
          List.of(
              o.dataTime().toString().replace('T', ' '),
              factorNames.label(o.factor()),
              o.value().isPresent() ? o.value().getAsDouble() : "",
              o.min().isPresent() ? o.min().getAsDouble() : "",
              o.max().isPresent() ? o.max().getAsDouble() : "",
              o.converted().isPresent() ? o.converted().getAsDouble() : "",
              o.flag().map(f -> messages.getOrElse("DataFlag." + f, f)).orElse("")));
    }
    excel.write(
        response,
        d.mn(),
        messages.all(
            "observation.time",
            "observation.factor",
            "observation.value",
            "observation.min",
            "observation.max",
            "observation.converted",
            "observation.flag"),
        rows);
  }

  /**
   * A day's raw packets of one CN as the device sent them (password included), for replay with
   * {@code qingshan hj212 replay}: for administrators only, and audited.
   */
  @GetMapping("/raw.txt")
  void rawDownload(
      @PathVariable long id,
      @RequestParam String cn,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      HttpServletResponse response)
      throws IOException {
    Device d = device(id);
    if (!RawText.VIEWER_CNS.contains(cn)) {
      throw new UserFacingException("raw.error.cn");
    }
    String file = d.mn() + "-" + cn + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + ".txt";
    response.setContentType("text/plain");
    response.setHeader(
        "Content-Disposition", ContentDisposition.attachment().filename(file).build().toString());
    long[] written = {0};
    boolean complete = false;
    try {
      queries.writeRawPackets(id, cn, day, response.getOutputStream(), n -> written[0] = n);
      complete = true;
    } catch (IOException e) {
      // The browser went away: nothing to answer, but what left is audited below.
      log.info("raw packet download of device {} broken off: {}", d.mn(), e.getMessage());
    } finally {
      // Recorded even when broken off: packets with their passwords may have left.
      audit.record(
          AuditAction.EXPORT,
          "device",
          id,
          d.mn()
              + " "
              + messages.get("device.raw")
              + " "
              + cn
              + " "
              + day
              + " ("
              + written[0]
              + ")",
          Optional.empty(),
          Optional.of(
              Map.of(
                  "mn",
                  d.mn(),
                  "cn",
                  cn,
                  "day",
                  day.toString(),
                  "packets",
                  written[0],
                  "complete",
                  complete)));
    }
  }

  @PostMapping("/commands")
  String command(
      @PathVariable long id,
      @RequestParam CommandKind kind,
      @RequestParam(required = false) Integer interval,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime begin,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime end,
      RedirectAttributes redirect) {
    Device d = device(id);
    try {
      CommandRequest request =
          new CommandRequest(
              kind,
              Optional.ofNullable(interval),
              Optional.ofNullable(begin),
              Optional.ofNullable(end));
      DeviceCommand sent = commands.send(d, request, currentUser.require().getUsername());
      redirect.addFlashAttribute(
          "notice",
          sent.status() == CommandStatus.NOT_DELIVERED ? "command.not-delivered" : "command.sent");
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/devices/" + id;
  }
}
