package org.qingshan.server.grid;

import java.util.Optional;

/**
 * A grid (网格) of the county's supervision: its level (1 the county, 2 a town or street, 3 a village
 * by default), the grid above it, the unit of the department tree it stands for and the area drawn
 * on the map.
 *
 * @param geometry a GeoJSON Polygon or MultiPolygon (lng, lat), as drawn on the map
 */
public record Grid(
    long id,
    String name,
    int level,
    Optional<Long> parentId,
    Optional<Long> departmentId,
    Optional<String> geometry) {}
