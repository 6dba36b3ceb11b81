package org.qingshan.server.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.web.UserFacingException;

/**
 * A grid's area: a GeoJSON Polygon or MultiPolygon in longitude and latitude (WGS 84, as the map
 * draws it), read once and asked whether a point lies inside. Polygons are small (a county's
 * towns), so the plain even-odd ray test over every ring is enough; holes (rings after the first)
 * count as outside.
 */
public final class GridGeometry {
  /** The longest GeoJSON taken: the column's size. */
  public static final int MAX_LENGTH = 200_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Polygons, each its rings, each ring its points as {lng, lat}. */
  private final List<List<double[][]>> polygons;

  private GridGeometry(List<List<double[][]>> polygons) {
    this.polygons = polygons;
  }

  /** A polygon of one outer ring, for tests and the demo. */
  public static GridGeometry polygon(double[][] ring) {
    return new GridGeometry(List.of(List.<double[][]>of(closed(ring))));
  }

  /**
   * The geometry of a GeoJSON text (a Polygon, a MultiPolygon, or a Feature holding one); {@code
   * grid.geometry.invalid} for anything else, a ring of fewer than three corners or a position off
   * the globe.
   */
  public static GridGeometry parse(String geoJson) {
    if (geoJson == null || geoJson.length() > MAX_LENGTH) {
      throw invalid();
    }
    JsonNode node;
    try {
      node = JSON.readTree(geoJson);
    } catch (Exception e) {
      throw invalid();
    }
    if (node != null && "Feature".equals(node.path("type").asText())) {
      node = node.path("geometry");
    }
    if (node == null || !node.isObject()) {
      throw invalid();
    }
    JsonNode coordinates = node.path("coordinates");
    List<List<double[][]>> polygons = new ArrayList<>();
    switch (node.path("type").asText()) {
      case "Polygon" -> polygons.add(polygon(coordinates));
      case "MultiPolygon" -> {
        if (!coordinates.isArray() || coordinates.isEmpty()) {
          throw invalid();
        }
        coordinates.forEach(p -> polygons.add(polygon(p)));
      }
      default -> throw invalid();
    }
    return new GridGeometry(polygons);
  }

  /** The geometry of an optional text that was stored valid; empty when it no longer parses. */
  public static Optional<GridGeometry> of(Optional<String> geoJson) {
    try {
      return geoJson.map(GridGeometry::parse);
    } catch (UserFacingException e) {
      return Optional.empty();
    }
  }

  private static List<double[][]> polygon(JsonNode rings) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw invalid();
    }
    List<double[][]> out = new ArrayList<>();
    for (JsonNode ring : rings) {
      if (!ring.isArray()) {
        throw invalid();
      }
      double[][] points = new double[ring.size()][];
      for (int i = 0; i < ring.size(); i++) {
        JsonNode p = ring.get(i);
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
          throw invalid();
        }
        double lng = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) {
          throw invalid();
        }
        points[i] = new double[] {lng, lat};
      }
      out.add(closed(points));
    }
    return out;
  }

  /** The ring closed (last point the first); fewer than three distinct corners is refused. */
  private static double[][] closed(double[][] ring) {
    if (ring.length == 0) {
      throw invalid();
    }
    double[] first = ring[0];
    double[] last = ring[ring.length - 1];
    boolean isClosed = ring.length > 1 && first[0] == last[0] && first[1] == last[1];
    int corners = isClosed ? ring.length - 1 : ring.length;
    if (corners < 3) {
      throw invalid();
    }
    if (isClosed) {
      return ring;
    }
    double[][] out = new double[ring.length + 1][];
    System.arraycopy(ring, 0, out, 0, ring.length);
    out[ring.length] = first;
    return out;
  }

  private static UserFacingException invalid() {
    return new UserFacingException("grid.geometry.invalid");
  }

  /** Is the point (longitude, latitude) inside (in an outer ring and in none of its holes)? */
  public boolean contains(double lng, double lat) {
    for (List<double[][]> polygon : polygons) {
      if (inRing(polygon.get(0), lng, lat)) {
        boolean inHole = false;
        for (int h = 1; h < polygon.size() && !inHole; h++) {
          inHole = inRing(polygon.get(h), lng, lat);
        }
        if (!inHole) {
          return true;
        }
      }
    }
    return false;
  }

  /** Even-odd rule: a ray from the point to the east crosses the ring's edges an odd number. */
  static boolean inRing(double[][] ring, double x, double y) {
    boolean inside = false;
    for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      double xi = ring[i][0];
      double yi = ring[i][1];
      double xj = ring[j][0];
      double yj = ring[j][1];
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  /**
   * The area in square degrees (outer rings less holes): only to prefer the smaller of two grids
   * that both hold a point.
   */
  public double area() {
    double total = 0;
    for (List<double[][]> polygon : polygons) {
      total += Math.abs(ringArea(polygon.get(0)));
      for (int h = 1; h < polygon.size(); h++) {
        total -= Math.abs(ringArea(polygon.get(h)));
      }
    }
    return total;
  }

  private static double ringArea(double[][] ring) {
    double sum = 0;
    for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      sum += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
    }
    return sum / 2;
  }

  /** The mean of the first polygon's outer corners as {lng, lat}: a point to show the grid by. */
  public double[] center() {
    double[][] ring = polygons.get(0).get(0);
    double lng = 0;
    double lat = 0;
    for (int i = 0; i < ring.length - 1; i++) {
      lng += ring[i][0];
      lat += ring[i][1];
    }
    return new double[] {lng / (ring.length - 1), lat / (ring.length - 1)};
  }

  /** The geometry as GeoJSON, closed rings, for storing and drawing. */
  public String toJson() {
    List<Object> coords = new ArrayList<>();
    for (List<double[][]> polygon : polygons) {
      List<Object> rings = new ArrayList<>();
      for (double[][] ring : polygon) {
        List<Object> points = new ArrayList<>();
        for (double[] p : ring) {
          points.add(List.of(p[0], p[1]));
        }
        rings.add(points);
      }
      coords.add(rings);
    }
    try {
      return polygons.size() == 1
          ? JSON.writeValueAsString(
              java.util.Map.of("type", "Polygon", "coordinates", coords.get(0)))
          : JSON.writeValueAsString(
              java.util.Map.of("type", "MultiPolygon", "coordinates", coords));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
