package org.qingshan.server.registry;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.device.MonitoringQueries;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The limit of a device's factor for its trend chart, and the points of the chart's window that
 * exceed it (judged on the 折算 value where the limit says so), as JSON.
 */
@Controller
@RequestMapping("/registry/devices/{id}")
class DeviceLimitsController {
  private final DeviceRegistry devices;
  private final CurrentUser currentUser;
  private final OutletRepository outlets;
  private final MonitoringQueries queries;
  private final ZoneId zone;

  DeviceLimitsController(
      DeviceRegistry devices,
      CurrentUser currentUser,
      OutletRepository outlets,
      MonitoringQueries queries,
      ZoneId countyZone) {
    this.devices = devices;
    this.currentUser = currentUser;
    this.outlets = outlets;
    this.queries = queries;
    this.zone = countyZone;
  }

  @GetMapping("/limits.json")
  @ResponseBody
  Map<String, Object> limits(
      @PathVariable long id,
      @RequestParam(required = false) String factor,
      @RequestParam(defaultValue = "HOUR") ObservationKind kind,
      @RequestParam(defaultValue = "48") int hours) {
    Device d = devices.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    currentUser.requireVisible(DeviceRegistry.ENTITY, id, d);
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<Outlet> outlet = outlets.outletOfDevice(id).flatMap(outlets::findById);
    out.put("outlet", outlet.map(o -> o.code() + " " + o.name()).orElse(null));
    List<OutletLimit> limits = outlet.map(o -> outlets.limits(o.id())).orElse(List.of());
    if (factor == null) {
      out.put("limits", limits.stream().map(DeviceLimitsController::json).toList());
      return out;
    }
    out.put("factor", factor);
    out.put("kind", kind.name());
    Optional<OutletLimit> limit =
        limits.stream()
            .filter(l -> l.factor().equals(factor) && LimitCheck.kindOf(l.averaging()) == kind)
            .findFirst();
    if (limit.isEmpty()) {
      out.put("limit", null);
      return out;
    }
    OutletLimit l = limit.get();
    out.putAll(json(l));
    LocalDateTime to = LocalDateTime.now(zone).plusHours(1);
    LocalDateTime from = to.minusHours(Math.min(Math.max(hours, 1), 24 * 92));
    List<String> times = new ArrayList<>();
    List<Double> judged = new ArrayList<>();
    List<List<Object>> exceeding = new ArrayList<>();
    for (Observation o : queries.series(id, kind, factor, from, to)) {
      // the same time text as the device's series, so the points fall on the chart's categories
      String time = o.dataTime().toString().replace('T', ' ');
      OptionalDouble v = l.corrected() ? o.converted() : o.value();
      times.add(time);
      judged.add(v.isPresent() ? v.getAsDouble() : null);
      if (v.isPresent() && LimitCheck.exceeds(l, v.getAsDouble())) {
        exceeding.add(List.of(time, v.getAsDouble()));
      }
    }
    out.put("time", times);
    out.put("judged", judged);
    out.put("exceeding", exceeding);
    return out;
  }

  private static Map<String, Object> json(OutletLimit l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("factor", l.factor());
    m.put("averaging", l.averaging().name());
    m.put("limit", l.limit());
    m.put("lowerLimit", l.lowerLimit().isPresent() ? l.lowerLimit().getAsDouble() : null);
    m.put("unit", l.unit());
    m.put("corrected", l.corrected());
    m.put("referenceO2", l.referenceO2().isPresent() ? l.referenceO2().getAsDouble() : null);
    m.put("standard", l.standard().orElse(null));
    return m;
  }
}
