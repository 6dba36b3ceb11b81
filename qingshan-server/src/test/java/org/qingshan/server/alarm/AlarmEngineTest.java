package org.qingshan.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.load.EmissionLoads;
import org.qingshan.server.mark.MarksInForce;
import org.qingshan.server.registry.Averaging;
import org.qingshan.server.registry.ChannelKind;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.Facility;
import org.qingshan.server.registry.FacilityChannel;
import org.qingshan.server.registry.FacilityKind;
import org.qingshan.server.registry.FacilityRepository;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletLimit;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.registry.PermitTotal;
import org.qingshan.server.registry.PermitTotalRepository;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.TestEnterprises;
import org.qingshan.server.support.TestForms;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The alarm engine end to end: devices over real TCP, alarms in the database and the API. */
@DemoServerTest
class AlarmEngineTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired MarksInForce marksInForce;
  @Autowired GatewayService gateway;
  @Autowired DeviceRegistry registry;
  @Autowired EnterpriseRepository enterprises;
  @Autowired OutletRepository outlets;
  @Autowired FacilityRepository facilities;
  @Autowired AlarmCatalog catalog;
  @Autowired AlarmEngine engine;
  @Autowired OfflineChecker offline;
  @Autowired AlarmRepository alarms;
  @Autowired JdbcClient jdbc;

  private record Stack(Device device, long enterpriseId, long outletId) {}

  private long enterprise(String name) {
    return enterprises.insert(
        TestEnterprises.of(
            name,
            TestEnterprises.uniqueCreditCode(),
            Optional.of("4411"),
            Optional.of("电力生产"),
            Optional.of("青山镇")));
  }

  /** A stack device at an outlet whose hourly SO₂ limit is 200 mg/m³ (measured, not 折算). */
  private Stack stack(String mn) {
    Device d = registry.register(TestForms.stack(mn, "报警测试 " + mn, null));
    long e = enterprise("报警测试企业 " + mn);
    long o =
        outlets.insert(
            new Outlet(
                0,
                e,
                "DA001",
                "1号烟囱",
                OutletKind.GAS,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    outlets.replaceLimits(
        o,
        List.of(
            new OutletLimit(
                0,
                o,
                "a21026",
                Averaging.HOUR,
                200,
                OptionalDouble.empty(),
                "mg/m³",
                Optional.of("GB 13223-2011"),
                false,
                OptionalDouble.empty())));
    outlets.bindDevice(d.id(), o);
    catalog.refresh();
    return new Stack(d, e, o);
  }

  private TestDevice connect(Device d) throws Exception {
    return TestDevice.connect(
        gateway.port().orElseThrow(), d.mn(), d.password(), CommandResponder.SILENT);
  }

  private void judged() {
    await().atMost(Duration.ofSeconds(20)).until(engine::idle);
  }

  private List<Alarm> alarmsOf(long deviceId, AlarmType type) {
    return jdbc.sql(
            "SELECT "
                + AlarmRepository.COLUMNS
                + " FROM alarm a WHERE a.device_id = :d AND"
                + " a.type = :t ORDER BY a.id")
        .param("d", deviceId)
        .param("t", type.name())
        .query(AlarmRepository::map)
        .list();
  }

  private static LocalDateTime thisHour() {
    return LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.HOURS);
  }

  @Test
  void exceedingHoursOpenOneAlarmAndANormalHourEndsIt() throws Exception {
    Stack s = stack("QSALARM001");
    LocalDateTime h = thisHour().minusHours(1);
    try (TestDevice client = connect(s.device())) {
      client.send(client.hourData(h, 300));
      judged();
      List<Alarm> first = alarmsOf(s.device().id(), AlarmType.EXCEEDANCE);
      assertThat(first).hasSize(1);
      Alarm a = first.get(0);
      assertThat(a.factor()).contains("a21026");
      assertThat(a.message()).as("named for the bureau").startsWith("二氧化硫 (a21026) ");
      assertThat(a.startedAt()).isEqualTo(h);
      assertThat(a.value()).hasValue(300);
      assertThat(a.limit()).hasValue(200);
      assertThat(a.outletId()).contains(s.outletId());
      assertThat(a.enterpriseId()).contains(s.enterpriseId());
      assertThat(a.ongoing()).isTrue();
      assertThat(a.foundLate()).isFalse();

      client.send(client.hourData(h.plusHours(1), 320));
      judged();
      List<Alarm> second = alarmsOf(s.device().id(), AlarmType.EXCEEDANCE);
      assertThat(second).hasSize(1);
      assertThat(second.get(0).lastSeenAt()).isEqualTo(h.plusHours(1));
      assertThat(second.get(0).value()).hasValue(320);

      client.send(client.hourData(h.plusHours(2), 150));
      judged();
      List<Alarm> third = alarmsOf(s.device().id(), AlarmType.EXCEEDANCE);
      assertThat(third).hasSize(1);
      assertThat(third.get(0).endedAt()).contains(h.plusHours(2));
      assertThat(third.get(0).status()).isEqualTo(AlarmStatus.OPEN); // a person closes it
    }

    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    String json = json(admin, "/api/v1/alarms?mn=" + s.device().mn() + "&type=exceedance");
    assertThat(json)
        .contains(
            "\"mn\":\"QSALARM001\"",
            "\"type\":\"exceedance\"",
            "\"status\":\"open\"",
            "\"factor\":\"a21026\"",
            "\"outlet\":\"DA001\"",
            "\"value\":320.0",
            "\"limit\":200.0",
            "\"endedAt\":\"" + h.plusHours(2));
    assertThat(json(admin, "/api/v1/alarms?mn=" + s.device().mn() + "&status=closed"))
        .isEqualTo("[]");
  }

  private static String json(WebSession session, String path) {
    return new String(session.getBytes(path).body(), StandardCharsets.UTF_8);
  }

  @Test
  void anAlarmClosedByAPersonWhileTheConditionLastsIsFollowedByANewOne() throws Exception {
    Stack s = stack("QSALARM007");
    LocalDateTime h = thisHour().minusHours(1);
    try (TestDevice client = connect(s.device())) {
      client.send(client.hourData(h, 300));
      judged();
      Alarm first = alarmsOf(s.device().id(), AlarmType.EXCEEDANCE).get(0);
      assertThat(alarms.close(first.id(), "dispatcher", OffsetDateTime.now(), "已电话通知企业")).isTrue();
      client.send(client.hourData(h.plusHours(1), 310));
      judged();
    }
    List<Alarm> both = alarmsOf(s.device().id(), AlarmType.EXCEEDANCE);
    assertThat(both).hasSize(2);
    assertThat(both.get(0).status()).isEqualTo(AlarmStatus.CLOSED);
    assertThat(both.get(1).ongoing()).isTrue();
    assertThat(both.get(1).startedAt()).isEqualTo(h.plusHours(1));
  }

  @Test
  void aMarkInForceSuppressesTheExceedanceAndARejectedOneDoesNot() throws Exception {
    Stack s = stack("QSALARM002");
    LocalDateTime h = thisHour().minusHours(1);
    insertMark(s, h.minusHours(1), h.plusHours(1), "ACCEPTED");
    insertMark(s, h.plusHours(1), h.plusHours(2), "REJECTED");
    try (TestDevice client = connect(s.device())) {
      client.send(client.hourData(h, 300));
      judged();
      assertThat(alarmsOf(s.device().id(), AlarmType.EXCEEDANCE)).isEmpty();
      client.send(client.hourData(h.plusHours(1), 300));
      judged();
      assertThat(alarmsOf(s.device().id(), AlarmType.EXCEEDANCE)).hasSize(1);
    }
  }

  private void insertMark(Stack s, LocalDateTime from, LocalDateTime to, String status) {
    jdbc.sql(
            "INSERT INTO data_mark (enterprise_id, outlet_id, kind, starts_at, ends_at, reason,"
                + " filed_by, filed_by_enterprise, filed_at, status) VALUES (:e, :o, 'OVERHAUL',"
                + " :s, :t, '检修', 'admin', FALSE, CURRENT_TIMESTAMP, :st)")
        .param("e", s.enterpriseId())
        .param("o", s.outletId())
        .param("s", from)
        .param("t", to)
        .param("st", status)
        .update();
    marksInForce.refresh(); // written behind the mark feature's back, as an import would
  }

  @Test
  void oldDataSentAgainRaisesItsAlarmMarkedFoundLate() throws Exception {
    Stack s = stack("QSALARM003");
    LocalDateTime old = thisHour().minusDays(3);
    try (TestDevice client = connect(s.device())) {
      client.send(client.hourData(old, 260));
      judged();
    }
    List<Alarm> found = alarmsOf(s.device().id(), AlarmType.EXCEEDANCE);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).foundLate()).isTrue();
    assertThat(found.get(0).startedAt()).isEqualTo(old);
  }

  @Test
  void productionRunningWhileItsTreatmentStandsStillRaisesTreatmentNotRunning() throws Exception {
    Device meter = registry.register(TestForms.stack("QSALARM004", "电表 QSALARM004", null));
    long e = enterprise("分表计电测试企业");
    long kiln =
        facilities.insert(
            new Facility(
                0,
                e,
                "1号窑",
                FacilityKind.PRODUCTION,
                OptionalDouble.empty(),
                OptionalDouble.of(100)));
    long filter =
        facilities.insert(
            new Facility(
                0,
                e,
                "1号除尘器",
                FacilityKind.TREATMENT,
                OptionalDouble.empty(),
                OptionalDouble.of(50)));
    facilities.link(kiln, filter);
    facilities.addChannel(new FacilityChannel(0, kiln, meter.id(), "d20401", ChannelKind.CURRENT));
    facilities.addChannel(
        new FacilityChannel(0, filter, meter.id(), "d30401", ChannelKind.CURRENT));
    catalog.refresh();

    LocalDateTime t0 = LocalDateTime.now(ZONE).withNano(0).minusMinutes(40);
    try (TestDevice client = connect(meter)) {
      client.send(client.meterRealtime(t0, Map.of("d20401", 80.0, "d30401", 30.0)));
      client.send(client.meterRealtime(t0.plusMinutes(1), Map.of("d20401", 80.0, "d30401", 0.0)));
      client.send(client.meterRealtime(t0.plusMinutes(10), Map.of("d20401", 80.0, "d30401", 0.0)));
      judged();
      assertThat(facilityAlarms(filter)).isEmpty(); // not yet 15 minutes
      client.send(client.meterRealtime(t0.plusMinutes(17), Map.of("d20401", 80.0, "d30401", 0.5)));
      judged();
      List<Alarm> raised = facilityAlarms(filter);
      assertThat(raised).hasSize(1);
      assertThat(raised.get(0).type()).isEqualTo(AlarmType.TREATMENT_NOT_RUNNING);
      assertThat(raised.get(0).startedAt()).isEqualTo(t0.plusMinutes(17));
      assertThat(raised.get(0).enterpriseId()).contains(e);
      // Production stops: the condition is over.
      client.send(client.meterRealtime(t0.plusMinutes(20), Map.of("d20401", 0.0, "d30401", 0.0)));
      judged();
      assertThat(facilityAlarms(filter).get(0).endedAt()).contains(t0.plusMinutes(20));
    }
  }

  private List<Alarm> facilityAlarms(long facilityId) {
    return jdbc.sql(
            "SELECT "
                + AlarmRepository.COLUMNS
                + " FROM alarm a WHERE a.facility_id = :f"
                + " ORDER BY a.id")
        .param("f", facilityId)
        .query(AlarmRepository::map)
        .list();
  }

  @Test
  void aSilentDeviceGoesOfflineAndComesBackWhenHeard() throws Exception {
    Device d = registry.register(TestForms.stack("QSALARM005", "离线测试", null));
    catalog.refresh();
    Instant now = Instant.now();
    offline.check(now);
    assertThat(alarmsOf(d.id(), AlarmType.OFFLINE)).isEmpty();
    offline.check(now.plus(Duration.ofMinutes(14)));
    assertThat(alarmsOf(d.id(), AlarmType.OFFLINE)).isEmpty(); // within 10 min + 5 min margin
    offline.check(now.plus(Duration.ofMinutes(16)));
    List<Alarm> raised = alarmsOf(d.id(), AlarmType.OFFLINE);
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).ongoing()).isTrue();
    offline.check(now.plus(Duration.ofMinutes(30)));
    assertThat(alarmsOf(d.id(), AlarmType.OFFLINE)).hasSize(1);

    try (TestDevice client = connect(d)) {
      client.send(client.hourData(thisHour(), 20));
    }
    offline.check(Instant.now().plusSeconds(60));
    List<Alarm> after = alarmsOf(d.id(), AlarmType.OFFLINE);
    assertThat(after).hasSize(1);
    assertThat(after.get(0).endedAt()).isPresent();
  }

  @Autowired PermitTotalChecker permitTotals;
  @Autowired PermitTotalRepository permits;
  @Autowired EmissionLoads loads;

  @Test
  void anEnterpriseOverItsPermittedAnnualTotalIsAlarmed() {
    Stack s = stack("QSALARM006");
    permits.replace(s.enterpriseId(), List.of(new PermitTotal(s.enterpriseId(), "a21026", 1.5)));
    LocalDateTime h = thisHour().minusHours(3);
    if (h.getYear() != thisHour().getYear()) {
      h = thisHour();
    }
    // 1,000 mg/m³ × 1,000,000 m³/h for one hour: one tonne.
    observation(s.device().id(), "a21026", h, 1000);
    observation(s.device().id(), "a00000", h, 1_000_000);
    loads.recount(s.device().mn(), h.toLocalDate());
    permitTotals.check(Instant.now());
    assertThat(enterpriseAlarms(s.enterpriseId())).as("67 %: below 80 %").isEmpty();
    observation(s.device().id(), "a21026", h.plusHours(1), 1000);
    observation(s.device().id(), "a00000", h.plusHours(1), 1_000_000);
    loads.recount(s.device().mn(), h.plusHours(1).toLocalDate());
    permitTotals.check(Instant.now());
    List<Alarm> raised = enterpriseAlarms(s.enterpriseId());
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).value()).hasValue(2.0);
    assertThat(raised.get(0).limit()).hasValue(1.5);
    assertThat(raised.get(0).message()).contains("已超过");
  }

  private void observation(long device, String factor, LocalDateTime t, double value) {
    jdbc.sql(
            "INSERT INTO observation (device_id, kind, factor, data_time, val) VALUES (:d, 'HOUR',"
                + " :f, :t, :v)")
        .param("d", device)
        .param("f", factor)
        .param("t", t)
        .param("v", value)
        .update();
  }

  private List<Alarm> enterpriseAlarms(long enterpriseId) {
    return jdbc.sql(
            "SELECT "
                + AlarmRepository.COLUMNS
                + " FROM alarm a WHERE a.enterprise_id = :e AND"
                + " a.type = 'PERMIT_TOTAL'")
        .param("e", enterpriseId)
        .query(AlarmRepository::map)
        .list();
  }
}
