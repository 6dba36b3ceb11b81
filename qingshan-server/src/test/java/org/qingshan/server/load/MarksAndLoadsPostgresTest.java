package org.qingshan.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.mark.MarksInForce;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.support.PollutionSources;
import org.qingshan.server.support.PollutionSources.Source;
import org.qingshan.server.support.PostgresSchema;
import org.qingshan.server.support.PostgresServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Marks and loads on a real PostgreSQL server, in a schema of their own (other test runs share the
 * database): filing and searching marks, marks in force, the load sums by hour and by day.
 */
@PostgresServerTest
class MarksAndLoadsPostgresTest {
  private static final String SCHEMA = "marks_loads_test";

  @LocalServerPort int port;
  @Autowired EnterpriseRepository enterprises;
  @Autowired OutletRepository outlets;
  @Autowired DeviceRegistry devices;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired MarksInForce marks;
  @Autowired LoadQueries queries;
  @Autowired YearToDateLoads yearToDate;
  @Autowired EmissionLoads loads;

  @BeforeAll
  static void freshSchemaOrSkip() {
    PostgresSchema.freshOrSkip(SCHEMA);
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresSchema.use(SCHEMA, registry);
  }

  @Test
  void marksAndLoadsWork() {
    assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    PollutionSources sources = new PollutionSources(enterprises, outlets, devices, users, jdbc);
    Source s = sources.create("库热电", OutletKind.GAS);
    LocalDateTime start = loads.now().toLocalDate().withDayOfYear(1).atStartOfDay();
    for (int h = 0; h < 10; h++) {
      sources.hour(s.deviceId(), "a21026", start.plusHours(h), 100, "N");
      sources.hour(s.deviceId(), "a00000", start.plusHours(h), 50_000, "N");
    }
    Source w = sources.create("库污水", OutletKind.WATER);
    sources.hour(w.deviceId(), "w01018", start, 50, "N");
    sources.hour(w.deviceId(), "w00000", start, 10, "N");

    assertThat(queries.hourly(s.enterpriseId(), start, start.plusDays(1))).hasSize(10);
    assertThat(loads.yearToDateTonnes(s.enterpriseId()).get("a21026"))
        .isCloseTo(0.05, within(1e-12));
    assertThat(loads.yearToDateTonnes(w.enterpriseId()).get("w01018"))
        .isCloseTo(0.0018, within(1e-12));
    Map<Long, Map<LocalDate, Map<String, Double>>> daily =
        queries.dailyTotals(start, start.plusYears(1));
    assertThat(daily.get(s.enterpriseId()).get(start.toLocalDate()).get("a21026"))
        .isCloseTo(50.0, within(1e-9));
    yearToDate.refresh();
    assertThat(loads.yearToDateTonnes()).containsKey(s.enterpriseId());

    WebSession enterprise = WebSession.loggedIn(port, s.username(), PollutionSources.PASSWORD);
    HttpResponse<String> filed =
        enterprise.post(
            "/marks",
            Map.of(
                "outletId", Long.toString(s.outletId()),
                "deviceId", Long.toString(s.deviceId()),
                "factor", "a21026",
                "kind", "FAULT",
                "startsAt", start.toString(),
                "endsAt", start.plusHours(2).toString(),
                "reason", "分析仪故障"));
    assertThat(filed.statusCode()).isEqualTo(302);
    assertThat(marks.covers(s.deviceId(), "a21026", start.plusHours(1))).isTrue();
    assertThat(marks.forDevice(s.deviceId(), start, start.plusDays(1))).hasSize(1);
    String list =
        WebSession.loggedIn(port, "dispatcher", "qingshan2026")
            .get("/marks?q=库热电&kind=FAULT&status=FILED&from=" + start.toString().substring(0, 16))
            .body();
    assertThat(list).contains("a21026", "故障");
    assertThat(
            WebSession.loggedIn(port, "admin", "qingshan2026")
                .get("/devices/" + s.deviceId())
                .body())
        .contains("有效传输率（含标记）");
    assertThat(enterprise.get("/loads").body()).contains("二氧化硫");
  }
}
