package org.qingshan.server.mark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.PollutionSources;
import org.qingshan.server.support.PollutionSources.Source;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** 一企一档 shows the enterprise's marks and its loads against the permit. */
@DemoServerTest
@TestPropertySource(
    properties = {
      "qingshan.test.sample-feature=true",
      "qingshan.db.url=jdbc:h2:mem:sample;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
    })
class EnterpriseSectionsTest {
  @LocalServerPort int port;
  @Autowired EnterpriseRepository enterprises;
  @Autowired OutletRepository outlets;
  @Autowired DeviceRegistry devices;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired ZoneId zone;

  @Test
  void theEnterprisePageShowsItsMarksAndLoads() {
    PollutionSources sources = new PollutionSources(enterprises, outlets, devices, users, jdbc);
    Source s = sources.create("一企一档", OutletKind.GAS);
    LocalDateTime yearStart = LocalDateTime.now(zone).toLocalDate().withDayOfYear(1).atStartOfDay();
    for (int h = 0; h < 10; h++) {
      sources.hour(s.deviceId(), "a21026", yearStart.plusHours(h), 100, "N");
      sources.hour(s.deviceId(), "a00000", yearStart.plusHours(h), 50_000, "N");
    }
    jdbc.sql(
            "INSERT INTO permit_total (enterprise_id, pollutant, tonnes) VALUES (:e, 'a21026', 0.055)")
        .param("e", s.enterpriseId())
        .update();
    WebSession enterprise = WebSession.loggedIn(port, s.username(), PollutionSources.PASSWORD);
    assertThat(
            enterprise
                .post(
                    "/marks",
                    Map.of(
                        "outletId", Long.toString(s.outletId()),
                        "deviceId", "",
                        "factor", "",
                        "kind", "PRODUCTION_STOPPED",
                        "startsAt", "2026-10-01T00:00",
                        "endsAt", "2026-10-08T00:00",
                        "reason", "国庆停产"))
                .statusCode())
        .isEqualTo(302);
    // the rows of the table, and the counts of the query, are the enterprise's alone
    String page =
        WebSession.loggedIn(port, "admin", "qingshan2026")
            .get("/test-enterprise/" + s.enterpriseId())
            .body();
    assertThat(page)
        .contains("数据标记", "停产", "2026-10-01 00:00", "该企业全部标记（共 1 条）")
        .contains("排放量（本年累计）", "二氧化硫", "0.050", "90.9%", "即将超标");
    assertThat(page).contains("/loads?enterprise=" + s.enterpriseId());
  }
}
