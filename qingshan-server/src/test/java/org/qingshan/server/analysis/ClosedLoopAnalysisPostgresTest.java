package org.qingshan.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.PostgresSchema;
import org.qingshan.server.support.PostgresServerTest;
import org.qingshan.server.support.Sheets;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The roster, the duty log, analysis and campaigns on PostgreSQL, over the demo's month of cases
 * written there at start-up.
 */
@PostgresServerTest
class ClosedLoopAnalysisPostgresTest {
  static final String SCHEMA = "roster_analysis_test";
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
  void pagesAndExportsReadTheDemoOnPostgres() {
    assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(dispatcher.get("/duty").body()).contains("roster-on-duty");
    assertThat(dispatcher.get("/roster").body()).contains("系统管理员", "指挥中心 王芳");
    LocalDate today = LocalDate.now();
    dispatcher.post(
        "/roster/assign",
        Map.of("date", today.plusDays(40).toString(), "shift", "night", "users", "admin"));
    assertThat(dispatcher.get("/roster/log?date=" + today).statusCode()).isEqualTo(200);
    assertThat(dispatcher.get("/roster/handover?q=" + enc("交班")).statusCode()).isEqualTo(200);
    assertThat(Sheets.text(dispatcher.getBytes("/roster/log/export").body())).contains("值班人员");

    String from = today.minusDays(40).toString();
    String analysis = dispatcher.get("/analysis?from=" + from).body();
    assertThat(analysis).contains("网格员 赵强", "县住房和城乡建设局");
    assertThat(Sheets.text(dispatcher.getBytes("/analysis/export/members?from=" + from).body()))
        .contains("网格员 赵强");
    assertThat(Sheets.text(dispatcher.getBytes("/analysis/export/month?from=" + from).body()))
        .contains(today.toString().substring(0, 7));

    String campaigns = dispatcher.get("/campaigns").body();
    assertThat(campaigns).contains("冬季扬尘与大气污染专项整治");
    long id =
        jdbc.sql("SELECT id FROM campaign WHERE name = '冬季扬尘与大气污染专项整治'").query(Long.class).single();
    String town = TestAlarms.unique("PG治理镇");
    dispatcher.post(
        "/campaigns/" + id + "/filter",
        Map.of("from", from, "to", today.toString(), "type", "DUST", "town", town));
    assertThat(dispatcher.get("/campaigns/" + id).body()).contains("本次新纳入 0 件案件", "超期");
    assertThat(Sheets.text(dispatcher.getBytes("/campaigns/" + id + "/export").body()))
        .contains("扬尘");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
