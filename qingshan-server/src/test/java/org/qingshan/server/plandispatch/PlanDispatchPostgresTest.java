package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.PostgresSchema;
import org.qingshan.server.support.PostgresServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The plan tables (V28) and their queries on a real PostgreSQL server, in a schema of their own:
 * the demo plan stored and published at start, the liaison's tasks, a report, an indicator value, a
 * correction, a revision carrying the figure the city assigned to a target (V35).
 */
@PostgresServerTest
class PlanDispatchPostgresTest {
  static final String SCHEMA = "plandispatch_test";
  private static final String SOURCE = "市生态环境局2023年4月下达";

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

  private long taskOf(long plan, String title) {
    return jdbc.sql("SELECT id FROM dispatch_task WHERE plan_id = :p AND title = :t")
        .param("p", plan)
        .param("t", title)
        .query(Long.class)
        .single();
  }

  @Test
  void theDemoPlanIsStoredReadAndReportedOnPostgres() {
    assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    JsonApi liaison =
        JsonApi.withSession(port, WebSession.loggedIn(port, "liaison", "qingshan2026"));
    JsonNode plans = JsonApi.read(liaison.get("/api/v1/plans"));
    assertThat(plans).hasSize(1);
    long id = plans.get(0).get("id").asLong();
    assertThat(plans.get(0).get("status").asText()).isEqualTo("published");
    JsonNode tasks = JsonApi.read(liaison.get("/api/v1/plans/" + id + "/tasks"));
    assertThat(tasks).hasSize(5);
    assertThat(liaison.get("/api/v1/tasks/" + tasks.get(0).get("id").asLong()).statusCode())
        .isEqualTo(200);

    JsonApi planner =
        JsonApi.withSession(port, WebSession.loggedIn(port, "planner", "qingshan2026"));
    HttpResponse<String> put =
        planner.put(
            "/api/v1/plans/" + id + "/indicators/2/values",
            Map.of("year", 2025, "value", 74.1, "source", "2025年快报"));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(JsonApi.read(put).get("values")).hasSize(3);
    WebSession page = WebSession.loggedIn(port, "planner", "qingshan2026");
    assertThat(page.get("/dispatch/plans/" + id).body()).contains("加强柴油货车污染治理");
    assertThat(page.get("/dispatch/my-tasks").statusCode()).isEqualTo(200);

    // A correction published as version 2 carries the demo reports' states over.
    HttpResponse<String> corrected =
        MultipartForm.post(
            port,
            page,
            "/dispatch/plans",
            Map.of("replaces", String.valueOf(id)),
            "file",
            "更正.txt",
            PlanDispatchDemo.text());
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(302);
    String path = WebSession.location(corrected);
    long second = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    assertThat(
            page.post("/dispatch/plans/" + second + "/publish", Map.of("confirmed", "true"))
                .statusCode())
        .isEqualTo(302);
    JsonNode carried = JsonApi.read(planner.get("/api/v1/plans/" + second + "/tasks"));
    assertThat(carried.findValuesAsText("status")).contains("done", "behind", "in-progress");

    // 上级下达 (V35): the city's figure for the rural sewage target, entered on the published plan
    long rural = taskOf(second, "推进农村生活污水治理");
    JsonNode awaiting = JsonApi.read(planner.get("/api/v1/tasks/" + rural)).get("targets").get(0);
    assertThat(awaiting.get("awaitingAssignment").asBoolean()).isTrue();
    HttpResponse<String> assigned =
        page.post(
            "/dispatch/review/tasks/"
                + rural
                + "/targets/"
                + awaiting.get("position").asInt()
                + "/assigned",
            Map.of("comparator", "≥", "value", "50", "unit", "%", "source", SOURCE));
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(302);

    // 修订 (V31): version 3 copied from version 2, corrected beside its source, published.
    HttpResponse<String> revised =
        page.post("/dispatch/review/plans/" + second + "/revise", Map.of());
    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(302);
    long third =
        Long.parseLong(WebSession.location(revised).replaceAll(".*/plans/(\\d+)/review.*", "$1"));
    long straw =
        jdbc.sql("SELECT id FROM dispatch_task WHERE plan_id = :p AND title LIKE '严禁秸秆%'")
            .param("p", third)
            .query(Long.class)
            .single();
    assertThat(page.post("/dispatch/review/tasks/" + straw + "/merge", Map.of()).statusCode())
        .isEqualTo(302);
    String review = page.get("/dispatch/plans/" + third + "/review").body();
    assertThat(review).contains("严格落实建筑工地围挡").contains("并入");
    assertThat(page.get("/dispatch/plans/" + third + "/projects").body()).contains("县城雨污分流改造工程");
    JsonNode copied =
        JsonApi.read(planner.get("/api/v1/tasks/" + taskOf(third, "推进农村生活污水治理")))
            .get("targets")
            .get(0);
    assertThat(copied.get("assignedSource").asText()).isEqualTo(SOURCE);
    assertThat(copied.get("value").decimalValue()).isEqualByComparingTo("50");
    assertThat(
            page.post("/dispatch/plans/" + third + "/publish", Map.of("confirmed", "true"))
                .statusCode())
        .isEqualTo(302);
  }
}
