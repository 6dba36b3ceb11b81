package org.qingshan.server.device;

import java.io.IOException;
import java.io.InputStream;
import org.qingshan.server.QingshanProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The map page. Offline by default: the county outline is our own GeoJSON layer, and a tile server
 * is used only when one is configured, since bureau intranets often reach none.
 */
@Controller
class MapController {
  private final QingshanProperties.Map settings;
  private final ResourceLoader resources;

  MapController(QingshanProperties properties, ResourceLoader resources) {
    this.settings = properties.map();
    this.resources = resources;
  }

  @GetMapping("/map")
  String map(Model model) {
    model.addAttribute("tileUrl", settings.tileUrl());
    model.addAttribute("tileAttribution", settings.tileAttribution());
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
}
