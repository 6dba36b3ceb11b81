package org.qingshan.server.portal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.device.FactorNames;
import org.qingshan.server.device.MonitoringQueries;
import org.qingshan.server.duty.AlarmExplanations;
import org.qingshan.server.duty.AlarmSearch;
import org.qingshan.server.duty.AlarmSeries;
import org.qingshan.server.duty.DutyAlarm;
import org.qingshan.server.duty.DutyAlarms;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.web.Attachment;
import org.qingshan.server.web.MenuEntry;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.Permissions;
import org.qingshan.server.web.UserFacingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 企业端: an enterprise user's own enterprise: its outlets with their devices' latest data, its alarms
 * and their explanations. Nothing of another enterprise.
 */
@Controller
class PortalController {
  /**
   * Other features' pages for the enterprise, linked where they exist and the user may open them.
   */
  static final List<String> RELATED = List.of("/marks", "/loads");

  private final PortalAccess access;
  private final OutletRepository outlets;
  private final DeviceRegistry devices;
  private final MonitoringQueries queries;
  private final DutyAlarms alarms;
  private final AlarmSeries series;
  private final AlarmExplanations explanations;
  private final FactorNames factorNames;
  private final PortalSettings settings;
  private final ObjectProvider<MenuEntry> menu;
  private final Permissions may;
  private final ZoneId zone;

  PortalController(
      PortalAccess access,
      OutletRepository outlets,
      DeviceRegistry devices,
      MonitoringQueries queries,
      DutyAlarms alarms,
      AlarmSeries series,
      AlarmExplanations explanations,
      FactorNames factorNames,
      PortalSettings settings,
      ObjectProvider<MenuEntry> menu,
      Permissions may,
      ZoneId countyZone) {
    this.access = access;
    this.outlets = outlets;
    this.devices = devices;
    this.queries = queries;
    this.alarms = alarms;
    this.series = series;
    this.explanations = explanations;
    this.factorNames = factorNames;
    this.settings = settings;
    this.menu = menu;
    this.may = may;
    this.zone = countyZone;
  }

  /** An outlet with the devices that measure it and their latest values. */
  record OutletView(Outlet outlet, List<DeviceView> devices) {}

  record DeviceView(Device device, List<Observation> latest) {}

  @GetMapping("/portal")
  String home(Model model) {
    Optional<Enterprise> found = access.enterprise();
    if (found.isEmpty()) {
      return "portal/unlinked";
    }
    Enterprise e = found.get();
    LocalDateTime weekAgo = LocalDateTime.now(zone).minusDays(7);
    List<OutletView> views = new ArrayList<>();
    for (Outlet o : outlets.ofEnterprise(e.id())) {
      List<DeviceView> measured = new ArrayList<>();
      for (long deviceId : outlets.devicesOfOutlet(o.id())) {
        devices
            .find(deviceId)
            .ifPresent(d -> measured.add(new DeviceView(d, queries.latest(deviceId, weekAgo))));
      }
      views.add(new OutletView(o, measured));
    }
    model.addAttribute("enterprise", e);
    model.addAttribute("outlets", views);
    model.addAttribute("open", alarms.byUrgency(AlarmSearch.notClosed().ofEnterprise(e.id()), 100));
    model.addAttribute(
        "related",
        menu.orderedStream().filter(m -> RELATED.contains(m.path()) && may.get(m.path())).toList());
    return "portal/home";
  }

  @GetMapping("/portal/alarms")
  String alarms(
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    Enterprise e = access.requireEnterprise();
    AlarmSearch all = AlarmSearch.all().ofEnterprise(e.id());
    model.addAttribute("enterprise", e);
    model.addAttribute("page", alarms.search(all, PageQuery.of(page, size)));
    return "portal/alarms";
  }

  @GetMapping("/portal/alarms/{id}")
  String alarm(@PathVariable long id, Model model) {
    DutyAlarm a = access.alarm(id);
    model.addAttribute("alarm", a);
    model.addAttribute("factorLabel", a.factor().map(factorNames::label).orElse(""));
    model.addAttribute("explanations", explanations.of(id));
    model.addAttribute("maxBytes", settings.explanationMaxSize().toBytes());
    model.addAttribute("maxMb", settings.explanationMaxSize().toMegabytes());
    model.addAttribute("maxFiles", settings.explanationMaxFiles());
    model.addAttribute(
        "accept",
        String.join(",", settings.explanationFileTypes().stream().map(t -> "." + t).toList()));
    return "portal/alarm";
  }

  @GetMapping("/portal/alarms/{id}/series.json")
  @ResponseBody
  Map<String, Object> alarmSeries(@PathVariable long id) {
    return series.of(access.alarm(id));
  }

  @GetMapping("/portal/devices/{id}")
  String device(@PathVariable long id, @RequestParam(required = false) String factor, Model model) {
    Device d = access.device(id);
    List<Observation> latest = queries.latest(id, LocalDateTime.now(zone).minusDays(7));
    model.addAttribute("device", d);
    model.addAttribute("latest", latest);
    model.addAttribute("factor", factor);
    model.addAttribute("factorLabel", factor == null ? "" : factorNames.label(factor));
    model.addAttribute("open", alarms.byUrgency(AlarmSearch.notClosed().ofDevice(id), 50));
    return "portal/device";
  }

  /** A factor's hour values over the last two days, for the device's chart. */
  @GetMapping("/portal/devices/{id}/series.json")
  @ResponseBody
  Map<String, Object> deviceSeries(@PathVariable long id, @RequestParam String factor) {
    access.device(id);
    LocalDateTime to = LocalDateTime.now(zone).plusHours(1);
    List<String> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Observation o : queries.series(id, ObservationKind.HOUR, factor, to.minusHours(48), to)) {
      times.add(o.dataTime().toString().replace('T', ' '));
      values.add(o.value().isPresent() ? o.value().getAsDouble() : null);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("factor", factor);
    out.put("label", factorNames.label(factor));
    out.put("time", times);
    out.put("value", values);
    out.put("limit", null);
    return out;
  }

  /** A file the enterprise attached, as a download. */
  @GetMapping("/portal/files/{fileId}")
  ResponseEntity<byte[]> file(@PathVariable long fileId) {
    AlarmExplanations.StoredFile f =
        explanations.file(fileId).orElseThrow(() -> new UserFacingException("error.not-found"));
    access.alarm(f.alarmId());
    return Attachment.of(f.fileName(), f.content());
  }
}
