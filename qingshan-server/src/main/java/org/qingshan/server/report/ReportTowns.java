package org.qingshan.server.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentRepository;
import org.qingshan.server.device.MapSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The town (or street) a report's pin lies in, from the map's outline: the smallest area of the
 * outline containing the point whose name is a town or street of the department tree. Without an
 * outline, or outside it, the case has no town and the dispatcher sets it.
 */
@Component
class ReportTowns {
  private static final Logger log = LoggerFactory.getLogger(ReportTowns.class);
  private final List<Area> areas;
  private final DepartmentRepository departments;

  /** A polygon's outer ring (lng, lat pairs) with its name and level. */
  record Area(String name, String level, double[][] ring) {
    boolean contains(double lat, double lng) {
      boolean inside = false;
      for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
        if ((yi > lat) != (yj > lat) && lng < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
          inside = !inside;
        }
      }
      return inside;
    }

    /** Streets lie inside towns: asked first. */
    int rank() {
      return switch (level) {
        case "street", "village" -> 0;
        case "town" -> 1;
        default -> 2;
      };
    }
  }

  ReportTowns(
      MapSettings map,
      ResourceLoader resources,
      ObjectMapper json,
      DepartmentRepository departments) {
    this.departments = departments;
    this.areas = read(map.outline(), resources, json);
  }

  Optional<Long> townOf(double lat, double lng) {
    List<Department> units =
        departments.findAllActive().stream()
            .filter(
                d ->
                    d.kind() == DepartmentKind.TOWN
                        || d.kind() == DepartmentKind.STREET
                        || d.kind() == DepartmentKind.VILLAGE)
            .toList();
    return areas.stream()
        .filter(a -> a.contains(lat, lng))
        .sorted(Comparator.comparingInt(Area::rank))
        .flatMap(a -> units.stream().filter(d -> d.name().equals(a.name())))
        .map(Department::id)
        .findFirst();
  }

  private static List<Area> read(String location, ResourceLoader resources, ObjectMapper json) {
    List<Area> areas = new ArrayList<>();
    Resource resource =
        resources.getResource(location.contains(":") ? location : "file:" + location);
    if (!resource.exists()) {
      return areas;
    }
    try (InputStream in = resource.getInputStream()) {
      for (JsonNode f : json.readTree(in).path("features")) {
        String name = f.path("properties").path("name").asText("");
        String level = f.path("properties").path("level").asText("");
        JsonNode geometry = f.path("geometry");
        List<JsonNode> polygons = new ArrayList<>();
        if ("Polygon".equals(geometry.path("type").asText())) {
          polygons.add(geometry.path("coordinates"));
        } else if ("MultiPolygon".equals(geometry.path("type").asText())) {
          geometry.path("coordinates").forEach(polygons::add);
        }
        for (JsonNode polygon : polygons) {
          JsonNode outer = polygon.path(0);
          double[][] ring = new double[outer.size()][];
          for (int i = 0; i < outer.size(); i++) {
            ring[i] = new double[] {outer.get(i).get(0).asDouble(), outer.get(i).get(1).asDouble()};
          }
          if (!name.isEmpty() && ring.length >= 3) {
            areas.add(new Area(name, level, ring));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("the map outline {} could not be read for the towns of reports", location);
    }
    return areas;
  }
}
