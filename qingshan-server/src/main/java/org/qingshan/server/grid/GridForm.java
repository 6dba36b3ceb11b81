package org.qingshan.server.grid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a dispatcher types to create or change a grid; the area comes from the map as GeoJSON.
 *
 * @param geometry a GeoJSON Polygon or MultiPolygon, or empty for none
 */
public record GridForm(
    @NotBlank(message = "{grid.name.required}") @Size(max = 100, message = "{grid.name.size}")
        String name,
    @NotNull(message = "{grid.level.required}") Integer level,
    Long parentId,
    Long departmentId,
    String geometry) {

  public static GridForm empty() {
    return new GridForm("", 1, null, null, "");
  }

  public static GridForm of(Grid g) {
    return new GridForm(
        g.name(),
        g.level(),
        g.parentId().orElse(null),
        g.departmentId().orElse(null),
        g.geometry().orElse(""));
  }
}
