package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.PostgresSchema;
import org.qingshan.server.support.PostgresServerTest;
import org.qingshan.server.support.Sheets;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard's queries (V28 and V30 tables) on a real PostgreSQL server, in a schema of its own.
 */
@PostgresServerTest
class PlanDashboardPostgresTest {
  static final String SCHEMA = "plandashboard_test";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void freshSchemaOrSkip() {
    PostgresSchema.freshOrSkip(SCHEMA);
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresSchema.use(SCHEMA, registry);
  }

  @Test
  void theDemoPlansDashboardScheduleAndUrgingWorkOnPostgres() {
    assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    long id =
        jdbc.sql("SELECT id FROM dispatch_plan WHERE status = 'PUBLISHED'")
            .query(Long.class)
            .single();
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    String page = planner.get("/plan-dashboard").body();
    assertThat(page).contains("县住房和城乡建设局", "细颗粒物");
    assertThat(Sheets.text(planner.getBytes("/plan-dashboard/export/indicators?plan=" + id).body()))
        .contains("2025：38.7");
    assertThat(
            planner
                .post("/plan-dashboard/" + id + "/schedule", Map.of("frequency", "YEARLY"))
                .statusCode())
        .isEqualTo(302);
    assertThat(planner.get("/plan-dashboard?plan=" + id).body()).contains("每年");
    long zhujian =
        jdbc.sql("SELECT id FROM department WHERE name = '县住房和城乡建设局'").query(Long.class).single();
    assertThat(
            planner
                .post(
                    "/plan-dashboard/" + id + "/urge",
                    Map.of("department", String.valueOf(zhujian)))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM notification WHERE username = 'liaison' AND text LIKE '%催办%'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(WebSession.loggedIn(port, "leader", "qingshan2026").get("/").body())
        .contains("规划任务完成率");
  }
}
