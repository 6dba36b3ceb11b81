package org.qingshan.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.PollutionSources;
import org.qingshan.server.support.PollutionSources.Source;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Emission loads from known hour data, against permits, on the page and in Excel. */
@DemoServerTest
class LoadHttpTest {
  @LocalServerPort int port;
  @Autowired EnterpriseRepository enterprises;
  @Autowired OutletRepository outlets;
  @Autowired DeviceRegistry devices;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired EmissionLoads loads;
  @Autowired LoadQueries queries;
  @Autowired YearToDateLoads yearToDate;
  @Autowired GatewayService gateway;
  PollutionSources sources;
  LocalDateTime yearStart;

  @BeforeEach
  void setUp() {
    sources = new PollutionSources(enterprises, outlets, devices, users, jdbc);
    yearStart = loads.now().toLocalDate().withDayOfYear(1).atStartOfDay();
  }

  @Test
  void so2At100MilligramsAnd50000CubicMetresAnHourForTenHoursIs50Kilograms() {
    Source s = sources.create("负荷热电", OutletKind.GAS);
    for (int h = 0; h < 10; h++) {
      LocalDateTime t = yearStart.plusHours(h);
      // the 折算 value (150) is not what is emitted: the measured one is
      gas(s.deviceId(), "a21026", t, 100, 150);
      sources.hour(s.deviceId(), "a00000", t, 50_000, "N");
      sources.hour(s.deviceId(), "a19001", t, 9.5, "N");
    }
    List<LoadQueries.HourLoad> hours =
        queries.hourly(s.enterpriseId(), yearStart, yearStart.plusDays(1));
    assertThat(hours).hasSize(10);
    assertThat(hours).allSatisfy(h -> assertThat(h.kg()).isCloseTo(5.0, within(1e-9)));
    assertThat(loads.yearToDateTonnes(s.enterpriseId()).get("a21026"))
        .isCloseTo(0.05, within(1e-12));
    // the figure for all enterprises is the in-memory one, brought up to date by the refresh
    yearToDate.refresh();
    yearToDate.changed(devices.find(s.deviceId()).orElseThrow().mn(), yearStart.toLocalDate());
    yearToDate.refresh();
    assertThat(loads.yearToDateTonnes().get(s.enterpriseId()))
        .containsOnlyKeys("a21026")
        .hasEntrySatisfying("a21026", t -> assertThat(t).isCloseTo(0.05, within(1e-12)));

    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    String day = LocalDate.from(yearStart).toString();
    String page =
        admin
            .get(
                "/loads?enterprise="
                    + s.enterpriseId()
                    + "&granularity=HOUR&from="
                    + day
                    + "&to="
                    + day)
            .body();
    assertThat(page).contains("二氧化硫", "5.000", "50.000", "load-chart");
    String monthly =
        admin.get("/loads?enterprise=" + s.enterpriseId() + "&granularity=MONTH").body();
    assertThat(monthly).contains("0.050", "(t)");
  }

  @Test
  void waterLoadIsConcentrationTimesVolumeWithLitresPerSecondNormalised() {
    Source s = sources.create("负荷污水", OutletKind.WATER);
    for (int h = 0; h < 2; h++) {
      LocalDateTime t = yearStart.plusHours(h);
      sources.hour(s.deviceId(), "w01018", t, 50, "N");
      // 10 L/s = 36 m³ in the hour: 50 mg/L × 36 m³ = 1.8 kg
      sources.hour(s.deviceId(), "w00000", t, 10, "N");
    }
    LocalDateTime third = yearStart.plusHours(2);
    sources.hour(s.deviceId(), "w01018", third, 50, "N");
    // the hour's total volume, where the device sends one, is what flowed: 100 m³ → 5 kg
    sources.hour(s.deviceId(), "w00000", third, 10, 100.0, "N");
    assertThat(loads.yearToDateTonnes(s.enterpriseId()).get("w01018"))
        .isCloseTo((1.8 * 2 + 5) / 1000, within(1e-12));
  }

  @Test
  void theYearToDateLoadIsJudgedAgainstThePermit() {
    Source s = sources.create("负荷水泥", OutletKind.GAS);
    for (int h = 0; h < 10; h++) {
      gas(s.deviceId(), "a21026", yearStart.plusHours(h), 100, 100);
      sources.hour(s.deviceId(), "a00000", yearStart.plusHours(h), 50_000, "N");
    }
    permit(s.enterpriseId(), "a21026", 0.06);
    permit(s.enterpriseId(), "a21002", 10);
    List<PermitUse> use = loads.permitUse(s.enterpriseId());
    assertThat(use).extracting(PermitUse::pollutant).containsExactly("a21002", "a21026");
    assertThat(use.get(0).status()).isEqualTo(PermitStatus.NORMAL);
    assertThat(use.get(1).status()).isEqualTo(PermitStatus.APPROACHING);
    assertThat(use.get(1).ratio().getAsDouble()).isCloseTo(0.05 / 0.06, within(1e-9));
    String page =
        WebSession.loggedIn(port, "dispatcher", "qingshan2026")
            .get("/loads?enterprise=" + s.enterpriseId())
            .body();
    assertThat(page).contains("即将超标", "83.3%");

    jdbc.sql(
            "UPDATE permit_total SET tonnes = 0.05 WHERE enterprise_id = :e AND pollutant ="
                + " 'a21026'")
        .param("e", s.enterpriseId())
        .update();
    assertThat(loads.permitUse(s.enterpriseId()).get(1).status()).isEqualTo(PermitStatus.EXCEEDED);
  }

  @Test
  void anEnterpriseUserSeesOnlyItsOwnLoads() {
    Source own = sources.create("负荷自家", OutletKind.GAS);
    Source other = sources.create("负荷别家", OutletKind.GAS);
    WebSession enterprise = WebSession.loggedIn(port, own.username(), PollutionSources.PASSWORD);
    String page = enterprise.get("/loads").body();
    String ownName = enterprises.findById(own.enterpriseId()).orElseThrow().name();
    String otherName = enterprises.findById(other.enterpriseId()).orElseThrow().name();
    assertThat(page).contains(ownName).doesNotContain(otherName);

    long before = denials(own.username(), other.enterpriseId());
    assertThat(enterprise.get("/loads?enterprise=" + other.enterpriseId()).statusCode())
        .isEqualTo(403);
    assertThat(enterprise.getBytes("/loads/export?enterprise=" + other.enterpriseId()).statusCode())
        .isEqualTo(403);
    assertThat(denials(own.username(), other.enterpriseId())).isEqualTo(before + 2);
    assertThat(enterprise.get("/loads?enterprise=" + own.enterpriseId()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void loadsExportToExcelAudited() {
    Source s = sources.create("负荷导出", OutletKind.GAS);
    gas(s.deviceId(), "a21026", yearStart, 100, 100);
    sources.hour(s.deviceId(), "a00000", yearStart, 50_000, "N");
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<byte[]> xlsx =
        admin.getBytes("/loads/export?enterprise=" + s.enterpriseId() + "&granularity=YEAR");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE action = 'EXPORT' AND entity_type ="
                        + " 'load' AND actor = 'admin'")
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(
            admin
                .get("/loads?enterprise=" + s.enterpriseId() + "&from=2026-02-01&to=2026-01-01")
                .body())
        .contains("结束日期不能早于开始日期");
  }

  @Test
  void hourDataArrivingOverTcpIsInTheYearToDateFigureAfterTheRefresh() throws Exception {
    Source s = sources.create("负荷上传", OutletKind.GAS);
    String mn = devices.find(s.deviceId()).orElseThrow().mn();
    yearToDate.refresh();
    assertThat(loads.yearToDateTonnes()).doesNotContainKey(s.enterpriseId());
    try (TestDevice device =
        TestDevice.connect(gateway.port().orElseThrow(), mn, "pw-" + mn.substring(5), null)) {
      for (int h = 0; h < 2; h++) {
        device.send(
            device.airHour(yearStart.plusHours(h), Map.of("a21026", 100.0, "a00000", 50_000.0)));
      }
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              yearToDate.refresh();
              assertThat(loads.yearToDateTonnes().get(s.enterpriseId()))
                  .hasEntrySatisfying("a21026", t -> assertThat(t).isCloseTo(0.01, within(1e-12)));
            });
  }

  private void gas(long device, String factor, LocalDateTime t, double measured, double corrected) {
    jdbc.sql(
            "INSERT INTO observation (device_id, kind, factor, data_time, val, converted, flag)"
                + " VALUES (:d, 'HOUR', :f, :t, :v, :c, 'N')")
        .param("d", device)
        .param("f", factor)
        .param("t", Timestamp.valueOf(t))
        .param("v", measured)
        .param("c", corrected)
        .update();
  }

  private void permit(long enterprise, String pollutant, double tonnes) {
    jdbc.sql("INSERT INTO permit_total (enterprise_id, pollutant, tonnes) VALUES (:e, :p, :t)")
        .param("e", enterprise)
        .param("p", pollutant)
        .param("t", tonnes)
        .update();
  }

  private long denials(String actor, long enterprise) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND action = 'ACCESS_DENIED'"
                + " AND entity_type = 'enterprise' AND entity_id = :id")
        .param("a", actor)
        .param("id", Long.toString(enterprise))
        .query(Long.class)
        .single();
  }
}
