package org.qingshan.server.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.server.registry.CreditCode;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.support.TestEnterprises;
import org.qingshan.server.web.UserFacingException;

/** Point in polygon, GeoJSON read and refused, patrol plans, and which grid holds a point. */
class GridGeometryTest {
  private static final String SQUARE =
      "{\"type\":\"Polygon\",\"coordinates\":[[[115,36],[116,36],[116,37],[115,37],[115,36]]]}";

  @Test
  void aPointInsideTheSquareIsContainedAndOneOutsideIsNot() {
    GridGeometry g = GridGeometry.parse(SQUARE);
    assertThat(g.contains(115.5, 36.5)).isTrue();
    assertThat(g.contains(116.5, 36.5)).isFalse();
    assertThat(g.contains(115.5, 37.01)).isFalse();
    assertThat(g.area()).isEqualTo(1.0);
  }

  @Test
  void aConcavePolygonLeavesItsNotchOut() {
    // a U: the notch between the arms is outside
    GridGeometry u =
        GridGeometry.polygon(
            new double[][] {{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}});
    assertThat(u.contains(0.5, 2.5)).isTrue();
    assertThat(u.contains(2.5, 2.5)).isTrue();
    assertThat(u.contains(1.5, 2.5)).isFalse();
    assertThat(u.contains(1.5, 0.5)).isTrue();
  }

  @Test
  void holesAndMultiPolygonsCount() {
    GridGeometry holed =
        GridGeometry.parse(
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
                + "[[4,4],[6,4],[6,6],[4,6],[4,4]]]}");
    assertThat(holed.contains(5, 5)).isFalse();
    assertThat(holed.contains(2, 2)).isTrue();
    assertThat(holed.area()).isEqualTo(96.0);
    GridGeometry two =
        GridGeometry.parse(
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\","
                + "\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}}");
    assertThat(two.contains(0.8, 0.2)).isTrue();
    assertThat(two.contains(5.8, 5.2)).isTrue();
    assertThat(two.contains(3, 3)).isFalse();
  }

  @Test
  void anOpenRingIsClosedAndWrittenAsGeoJson() {
    GridGeometry g =
        GridGeometry.parse("{\"type\":\"Polygon\",\"coordinates\":[[[115,36],[116,36],[116,37]]]}");
    assertThat(g.contains(115.9, 36.1)).isTrue();
    GridGeometry again = GridGeometry.parse(g.toJson());
    assertThat(again.toJson()).isEqualTo(g.toJson());
    assertThat(g.toJson()).contains("\"Polygon\"", "[115.0,36.0]]]");
  }

  @Test
  void anythingButAPolygonOnTheGlobeIsRefused() {
    for (String bad :
        List.of(
            "",
            "not json",
            "{\"type\":\"Point\",\"coordinates\":[115,36]}",
            "{\"type\":\"LineString\",\"coordinates\":[[115,36],[116,36]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[115,36],[116,36],[115,36]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[115,96],[116,36],[116,37],[115,96]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",36],[116,36],[116,37]]]}",
            "{\"type\":\"MultiPolygon\",\"coordinates\":[]}")) {
      assertThatThrownBy(() -> GridGeometry.parse(bad))
          .as(bad)
          .isInstanceOf(UserFacingException.class)
          .hasMessage("grid.geometry.invalid");
    }
  }

  @Test
  void patrolPlansOweTheWeeksShareOfTheirPatrols() {
    PatrolPlan weekly = new PatrolPlan(1, 1, 7);
    PatrolPlan twice = new PatrolPlan(2, 2, 7);
    PatrolPlan everyOther = new PatrolPlan(3, 1, 2);
    assertThat(weekly.perWeek()).isEqualTo(1);
    assertThat(twice.perWeek()).isEqualTo(2);
    assertThat(everyOther.perWeek()).isEqualTo(4);
    LocalDate monday = LocalDate.of(2026, 11, 2);
    assertThat(weekly.dueBy(monday)).isZero();
    assertThat(weekly.dueBy(monday.plusDays(6))).isEqualTo(1);
    assertThat(twice.dueBy(monday.plusDays(3))).isEqualTo(1);
    assertThat(twice.dueBy(monday.plusDays(6))).isEqualTo(2);
    assertThat(everyOther.dueBy(monday.plusDays(1))).isEqualTo(1);
    assertThat(everyOther.dueBy(monday.plusDays(6))).isEqualTo(4);
    assertThat(weekly.textKey()).isEqualTo("grid.plan.weekly");
    assertThat(everyOther.textKey()).isEqualTo("grid.plan.days");
  }

  @Test
  void theLowestLevelAndThenTheSmallestGridHoldsAnEnterprise() {
    Grid county = grid(1, 1, "[[0,0],[10,0],[10,10],[0,10],[0,0]]");
    Grid town = grid(2, 2, "[[0,0],[5,0],[5,5],[0,5],[0,0]]");
    Grid village = grid(3, 3, "[[1,1],[3,1],[3,3],[1,3],[1,1]]");
    Grid bigVillage = grid(4, 3, "[[0,0],[4,0],[4,4],[0,4],[0,0]]");
    List<Grid> grids = List.of(county, town, village, bigVillage);
    Map<Long, GridGeometry> areas =
        Map.of(
            1L, GridGeometry.parse(county.geometry().get()),
            2L, GridGeometry.parse(town.geometry().get()),
            3L, GridGeometry.parse(village.geometry().get()),
            4L, GridGeometry.parse(bigVillage.geometry().get()));
    assertThat(GridService.byLocation(at(2, 2), grids, areas)).contains(village);
    assertThat(GridService.byLocation(at(3.5, 3.5), grids, areas)).contains(bigVillage);
    assertThat(GridService.byLocation(at(4.5, 4.5), grids, areas)).contains(town);
    assertThat(GridService.byLocation(at(8, 8), grids, areas)).contains(county);
    assertThat(GridService.byLocation(at(20, 20), grids, areas)).isEmpty();
  }

  @Test
  void theCountyIsNamedWithoutItsGovernment() {
    assertThat(GridService.countyName("示范县人民政府")).isEqualTo("示范县");
    assertThat(GridService.countyName("青山区")).isEqualTo("青山区");
  }

  private static Grid grid(long id, int level, String ring) {
    return new Grid(
        id,
        "g" + id,
        level,
        Optional.empty(),
        Optional.empty(),
        Optional.of("{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}"));
  }

  private static Enterprise at(double lng, double lat) {
    Enterprise e =
        TestEnterprises.of("点", new CreditCode(TestEnterprises.uniqueCreditCode().value()));
    return new Enterprise(
        1,
        e.name(),
        e.creditCode(),
        e.industryCode(),
        e.industryName(),
        e.address(),
        e.town(),
        e.grid(),
        e.departmentId(),
        Optional.of(lng),
        Optional.of(lat),
        e.keyCategories(),
        e.permitNumber(),
        e.permitClass(),
        e.permitValidFrom(),
        e.permitValidTo(),
        e.contactName(),
        e.contactPhone());
  }
}
