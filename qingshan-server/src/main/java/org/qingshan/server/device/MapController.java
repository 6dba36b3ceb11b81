package org.qingshan.server.device;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.MapLayer;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.Permissions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The map page. Offline by default: the county outline is our own GeoJSON layer, and a tile server
 * is used only when one is configured, since bureau intranets often reach none.
 */
@Controller
class MapController {
  private final MapSettings settings;
  private final ResourceLoader resources;
  private final DeviceRegistry registry;
  private final DeviceStatusView status;
  private final CurrentUser currentUser;
  private final Messages messages;
  private final List<MapLayer> layers;
  private final Permissions permissions;

  MapController(
      MapSettings settings,
      ResourceLoader resources,
      DeviceRegistry registry,
      DeviceStatusView status,
      CurrentUser currentUser,
      Messages messages,
      ObjectProvider<MapLayer> layers,
      Permissions permissions) {
    this.layers = layers.orderedStream().toList();
    this.permissions = permissions;
    this.settings = settings;
    this.resources = resources;
    this.registry = registry;
    this.status = status;
    this.currentUser = currentUser;
    this.messages = messages;
  }

  @GetMapping("/map")
  String map(Model model) {
    model.addAttribute("tileUrl", settings.tileUrl());
    model.addAttribute("tileAttribution", settings.tileAttribution());
    model.addAttribute("layers", layers.stream().filter(l -> permissions.get(l.url())).toList());
    return "map";
  }

  @GetMapping(value = "/map/outline.geojson")
  ResponseEntity<byte[]> outline() throws IOException {
    String location = settings.outline();
    Resource resource =
        resources.getResource(location.contains(":") ? location : "file:" + location);
    if (!resource.exists()) {
      return ResponseEntity.notFound().build();
    }
    try (InputStream in = resource.getInputStream()) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("application/geo+json"))
          .body(in.readAllBytes());
    }
  }

  /** The devices with a location, as GeoJSON points, within the user's data scope. */
  @ResponseBody
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
