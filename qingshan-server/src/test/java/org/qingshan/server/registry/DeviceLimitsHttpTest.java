package org.qingshan.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The device page gets units, limits and 超标 marks from the registry, without device knowing it. */
@DemoServerTest
class DeviceLimitsHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @LocalServerPort int port;
  @Autowired DeviceRegistry registry;
  @Autowired EnterpriseRepository enterprises;
  @Autowired OutletRepository outlets;
  @Autowired RegistryService service;
  @Autowired JdbcClient jdbc;
  @Autowired ZoneId zone;

  Device device(String name) {
    return registry.register(
        new DeviceForm(
            "QSLIM" + System.nanoTime() % 1_000_000_000L,
            "pw-l",
            "31",
            name,
            DeviceKind.STACK_GAS,
            "",
            null,
            ProtocolVersion.HJ_212_2017,
            CrcDialect.STRICT,
            true,
            null,
            null));
  }

  @Test
  void aBoundDevicesPageAndChartCarryItsLimitUnitAndExceedingValues() throws Exception {
    Enterprise e =
        service.createEnterprise(
            new EnterpriseForm(
                    "限值图测试企业", "", "", "", "", "", "", null, null, null, null, "", null, null, null,
                    "", "")
                .toEnterprise(0, new CreditCode(Codes.next())));
    assertThat(e.id()).isPositive();
    Outlet o =
        service.saveOutlet(
            e.id(),
            Optional.empty(),
            new Outlet(
                0,
                e.id(),
                "DA001",
                "锅炉排口",
                OutletKind.GAS,
                true,
                Optional.of("GB 13271-2014"),
                Optional.empty(),
                Optional.empty()));
    service.putLimit(
        e.id(),
        o.id(),
        new OutletLimit(
            0,
            o.id(),
            "a21026",
            Averaging.HOUR,
            50,
            OptionalDouble.empty(),
            "mg/m³",
            Optional.of("GB 13271-2014"),
            true,
            OptionalDouble.of(9)));
    Device d = device("锅炉烟气");
    service.bindDevice(e.id(), o.id(), d.id());
    LocalDateTime hour = LocalDateTime.now(zone).truncatedTo(ChronoUnit.HOURS).minusHours(2);
    observe(d.id(), hour, 30, 36.0);
    observe(d.id(), hour.plusHours(1), 40, 61.5);

    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    String page = dispatcher.get("/devices/" + d.id()).body();
    assertThat(page)
        .contains("排放口与限值", "DA001 锅炉排口", "GB 13271-2014", "mg/m³", "registry-limits.js")
        .contains("/registry/devices/" + d.id() + "/limits.json");
    String section = page.substring(page.indexOf("排放口与限值"));
    // the newest hour, judged on its 折算 value 61.5 against 50
    assertThat(OutletHttpTest.row(section, "61.5")).contains("超标", "50.0", "mg/m³");

    JsonNode json =
        JSON.readTree(
            dispatcher
                .getBytes(
                    "/registry/devices/" + d.id() + "/limits.json?factor=a21026&kind=HOUR&hours=48")
                .body());
    assertThat(json.get("limit").asDouble()).isEqualTo(50);
    assertThat(json.get("unit").asText()).isEqualTo("mg/m³");
    assertThat(json.get("corrected").asBoolean()).isTrue();
    assertThat(json.get("time")).hasSize(2);
    assertThat(json.get("exceeding")).hasSize(1);
    assertThat(json.get("exceeding").get(0).get(0).asText())
        .isEqualTo(hour.plusHours(1).toString().replace('T', ' '));
    assertThat(json.get("exceeding").get(0).get(1).asDouble()).isEqualTo(61.5);
    // the series the chart draws has the same times, so the marks fall on its points
    JsonNode series =
        JSON.readTree(
            dispatcher
                .getBytes("/devices/" + d.id() + "/series?factor=a21026&kind=HOUR&hours=48")
                .body());
    assertThat(series.get("time").get(0).asText()).isEqualTo(json.get("time").get(0).asText());

    JsonNode none =
        JSON.readTree(
            dispatcher
                .getBytes("/registry/devices/" + d.id() + "/limits.json?factor=a19001&kind=HOUR")
                .body());
    assertThat(none.get("limit").isNull()).isTrue();
    JsonNode all =
        JSON.readTree(dispatcher.getBytes("/registry/devices/" + d.id() + "/limits.json").body());
    assertThat(all.get("limits")).hasSize(1);
  }

  @Test
  void anUnboundDeviceHasNoSectionAndOthersDevicesAreRefused() throws Exception {
    Device d = device("未绑定设备");
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/devices/" + d.id()).body()).doesNotContain("排放口与限值");
    JsonNode json =
        JSON.readTree(
            admin.getBytes("/registry/devices/" + d.id() + "/limits.json?factor=a21026").body());
    assertThat(json.get("limit").isNull()).isTrue();

    WebSession user = WebSession.loggedIn(port, "enterprise", "qingshan2026");
    HttpResponse<byte[]> refused = user.getBytes("/registry/devices/" + d.id() + "/limits.json");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where actor = 'enterprise'"
                        + " and action = 'ACCESS_DENIED' and entity_type = 'device'"
                        + " and entity_id = :id")
                .param("id", String.valueOf(d.id()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  void observe(long deviceId, LocalDateTime t, double v, double zs) {
    jdbc.sql(
            "INSERT INTO observation (device_id, kind, factor, data_time, val, converted, flag)"
                + " VALUES (:d, 'HOUR', 'a21026', :t, :v, :zs, 'N')")
        .param("d", deviceId)
        .param("t", Timestamp.valueOf(t))
        .param("v", v)
        .param("zs", zs)
        .update();
  }
}
