package org.qingshan.server.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.Messages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The devices with a location, as GeoJSON points for the map, within the user's data scope. */
@RestController
class DeviceMapController {
  private final DeviceRegistry registry;
  private final DeviceStatusView status;
  private final CurrentUser currentUser;
  private final Messages messages;

  DeviceMapController(
      DeviceRegistry registry,
      DeviceStatusView status,
      CurrentUser currentUser,
      Messages messages) {
    this.registry = registry;
    this.status = status;
    this.currentUser = currentUser;
    this.messages = messages;
  }

  @GetMapping(value = "/map/devices.geojson", produces = "application/geo+json")
  Map<String, Object> devices() {
    List<Object> features = new ArrayList<>();
    for (Device d : currentUser.visible(registry.all())) {
      if (d.longitude().isEmpty() || d.latitude().isEmpty()) {
        continue;
      }
      DeviceStatusView.Row row = status.of(d);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("id", d.id());
      properties.put("mn", d.mn());
      properties.put("name", d.name());
      properties.put("kind", messages.label(d.kind()));
      properties.put("online", row.online());
      properties.put(
          "status",
          messages.get(
              d.blocked() ? "device.blocked" : row.online() ? "device.online" : "device.offline"));
      features.add(
          Map.of(
              "type",
              "Feature",
              "properties",
              properties,
              "geometry",
              Map.of(
                  "type",
                  "Point",
                  "coordinates",
                  List.of(d.longitude().get(), d.latitude().get()))));
    }
    return Map.of("type", "FeatureCollection", "features", features);
  }
}
