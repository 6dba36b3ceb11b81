package org.qingshan.server.duty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.web.Messages;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The enterprises on the map, coloured by their alarms not yet closed: red where one is critical or
 * major, orange where the worst is minor or a warning, green where none is.
 */
@Controller
class DutyMapLayerController {
  static final String PATH = "/duty/map-layer.json";
  static final String RED = "#d93025";
  static final String ORANGE = "#f29900";
  static final String GREEN = "#2e7d4f";

  private final DutyAlarms alarms;
  private final Messages messages;

  DutyMapLayerController(DutyAlarms alarms, Messages messages) {
    this.alarms = alarms;
    this.messages = messages;
  }

  @GetMapping(value = PATH)
  ResponseEntity<Map<String, Object>> layer() {
    List<Object> features = new ArrayList<>();
    for (DutyAlarms.EnterpriseOnMap e : alarms.enterprisesOnMap()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", e.id());
      p.put("name", e.name());
      p.put("color", colour(e));
      p.put(
          "href",
          "/duty/alarms?status=open&q=" + URLEncoder.encode(e.name(), StandardCharsets.UTF_8));
      p.put(
          "detail",
          e.open() == 0
              ? messages.get("duty.map.none")
              : messages.get(
                  "duty.map.open", e.open(), messages.label(e.worst().orElse(Severity.WARNING))));
      features.add(
          Map.of(
              "type",
              "Feature",
              "properties",
              p,
              "geometry",
              Map.of("type", "Point", "coordinates", List.of(e.longitude(), e.latitude()))));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "FeatureCollection");
    body.put("name", messages.get("duty.map.layer"));
    body.put("features", features);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  static String colour(DutyAlarms.EnterpriseOnMap e) {
    return e.worst()
        .map(s -> s == Severity.CRITICAL || s == Severity.MAJOR ? RED : ORANGE)
        .orElse(GREEN);
  }
}
