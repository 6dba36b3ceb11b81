package org.qingshan.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What an operator relies on: migrations applied, health public, metrics behind a login. */
@DemoServerTest
class OperationsHttpTest {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void migrationsAppliedOnH2() {
    long failed =
        jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE")
            .query(Long.class)
            .single();
    assertThat(failed).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM department").query(Long.class).single())
        .isGreaterThan(20);
  }

  @Test
  void theIngestTablesCarryNoForeignKeys() {
    long keys =
        jdbc.sql(
                "SELECT COUNT(*) FROM information_schema.table_constraints"
                    + " WHERE table_name IN ('observation', 'data_packet')"
                    + " AND constraint_type = 'FOREIGN KEY'")
            .query(Long.class)
            .single();
    assertThat(keys).isZero();
  }

  @Test
  void healthIsPublicAndUp() {
    HttpResponse<byte[]> r = new WebSession(port).getBytes("/actuator/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"status\":\"UP\"");
  }

  @Test
  void metricsNeedAnAdmin() {
    assertThat(new WebSession(port).get("/actuator/prometheus").statusCode()).isEqualTo(302);
    WebSession grid = WebSession.loggedIn(port, "grid", "qingshan2026");
    assertThat(grid.get("/actuator/prometheus").statusCode()).isEqualTo(403);
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<byte[]> r = admin.getBytes("/actuator/prometheus");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .contains("qingshan_login_failures_total", "jvm_memory_used_bytes");
  }

  @Test
  void unknownPageIsAChinesePageWithoutInternals() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<String> r = admin.get("/no-such-page");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("页面不存在").doesNotContain("Exception", "at org.");
    assertThat(admin.get("/departments/999999/edit").statusCode()).isEqualTo(404);
    assertThat(admin.get("/devices/999999").statusCode()).isEqualTo(404);
    HttpResponse<String> bad = admin.get("/departments/not-a-number/edit");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("请求参数不正确").doesNotContain("Exception");
  }
}
