package org.qingshan.server.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.support.PostgresSchema;
import org.qingshan.server.support.PostgresServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Grids, placing by location, patrols and the coverage on a real PostgreSQL, in its own schema. */
@PostgresServerTest
class GridPostgresTest {
  static final String SCHEMA = "grid_test";
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired GridService grids;
  @Autowired PatrolService patrols;
  @Autowired UserService users;
  @Autowired DepartmentService departments;
  @Autowired EnterpriseRepository enterprises;
  @Autowired ZoneId zone;

  @BeforeAll
  static void freshSchemaOrSkip() {
    PostgresSchema.freshOrSkip(SCHEMA);
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresSchema.use(SCHEMA, registry);
  }

  @Test
  void gridsPatrolsAndCoverageOnPostgres() {
    assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    assertThat(grids.all()).extracting(Grid::name).contains("青山镇网格");
    GridTestData data = new GridTestData(grids, users, departments, enterprises);
    double[] c = GridTestData.corner();
    Department town = data.town(GridTestData.unique("PG镇"));
    Grid townGrid = data.grid(town.name() + "网格", 2, null, town.id(), "");
    Grid area =
        data.grid(
            GridTestData.unique("PG坐标网格"), 3, townGrid.id(), null, GridTestData.square(c[0], c[1]));
    Enterprise inside =
        data.enterprise(GridTestData.unique("PG企业"), Optional.empty(), c[0] + 0.01, c[1] + 0.01);
    AppUser member = data.member(GridTestData.unique("PG网格员"));
    grids.addMember(area.id(), member.username());
    patrols.record(
        area.id(),
        member.id(),
        member.username(),
        LocalDate.of(2026, 11, 3).atTime(9, 0).atZone(zone).toOffsetDateTime(),
        Optional.of(36.5),
        Optional.of(115.6),
        "PG巡查");

    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    dispatcher.get("/grids");
    assertThat(dispatcher.post("/grids/assign", java.util.Map.of()).statusCode()).isEqualTo(302);
    assertThat(grids.enterprisesOf(area.id())).extracting(Enterprise::id).contains(inside.id());
    assertThat(dispatcher.get("/grids?q=" + area.name()).body()).contains(area.name());
    assertThat(dispatcher.get("/grids/patrols?q=PG巡查&grid=" + area.id()).body()).contains("PG巡查");
    // level 3: every other day, 4 by Sunday; one done
    assertThat(dispatcher.get("/grids/coverage?on=2026-11-08").body())
        .contains(member.username(), "应巡", area.name());
    assertThat(dispatcher.getBytes("/grids/coverage/export?on=2026-11-08").statusCode())
        .isEqualTo(200);
  }
}
