package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * An electricity meter's page: production and treatment currents and the production states the same
 * logger sends (ST=45) on one time axis.
 */
@DemoServerTest
@TestPropertySource(
    properties = {
      "qingshan.production-states.codes.p99101=1号窑生产线",
      "qingshan.production-states.marks.N=正常生产"
    })
class FacilityPowerHttpTest {
  private static final String MN = "QSMETER00000000000000001";

  @LocalServerPort int port;
  @Autowired GatewayService gateway;
  @Autowired DeviceRegistry registry;
  @Autowired ZoneId countyZone;
  @Autowired JdbcClient jdbc;

  @Test
  void productionAndTreatmentCurrentsShareOneTimeAxis() throws Exception {
    Device d =
        registry.register(
            new DeviceForm(
                MN,
                "pw-meter",
                "44",
                "测试企业 用电监控",
                DeviceKind.ELECTRICITY,
                "测试企业",
                null,
                ProtocolVersion.HJ_212_2017,
                CrcDialect.STRICT,
                false,
                null,
                null));
    LocalDateTime now = LocalDateTime.now(countyZone).truncatedTo(ChronoUnit.MINUTES);
    try (TestDevice meter =
        TestDevice.connect(gateway.port().orElseThrow(), MN, "pw-meter", CommandResponder.SILENT)) {
      meter.send(meter.meterRealtime(now.minusMinutes(10), Map.of("d20401", 52.0, "d30401", 14.0)));
      // production runs on while treatment stands still
      meter.send(meter.meterRealtime(now.minusMinutes(5), Map.of("d20401", 51.0, "d30401", 0.1)));
      // its production states at the same times as its currents (ST=45, the same MN)
      meter.send(meter.productionStates(now.minusMinutes(10), Map.of("p99101", "N")));
      meter.send(meter.productionStates(now.minusMinutes(5), Map.of("p99101", "St")));
      // sent again (the 9014 lost): stored once
      meter.send(meter.productionStates(now.minusMinutes(5), Map.of("p99101", "St")));
      // a mark that is no short word is left out; the packet's other marks are kept
      meter.send(
          meter.productionStates(
              now.minusMinutes(2), new TreeMap<>(Map.of("p99101", "<b>x</b>", "p99102", "Sr"))));
    }

    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    JsonNode json =
        new ObjectMapper().readTree(admin.getBytes("/devices/" + d.id() + "/facilities").body());
    assertThat(json.get("time")).hasSize(3);
    JsonNode production = json.get("series").get(0);
    JsonNode treatment = json.get("series").get(1);
    assertThat(production.get("name").asText()).isEqualTo("生产设施1 电流（A） (d20401)");
    assertThat(production.get("production").asBoolean()).isTrue();
    assertThat(production.get("value").get(1).asDouble()).isEqualTo(51.0);
    assertThat(treatment.get("production").asBoolean()).isFalse();
    assertThat(treatment.get("value").get(1).asDouble()).isEqualTo(0.1);

    JsonNode states = json.get("states");
    assertThat(states).hasSize(2);
    assertThat(states.get(0).get("code").asText()).isEqualTo("p99101");
    assertThat(states.get(0).get("name").asText()).isEqualTo("1号窑生产线 (p99101)");
    assertThat(states.get(0).get("value").get(0).asText()).isEqualTo("N（正常生产）");
    assertThat(states.get(0).get("value").get(1).asText()).isEqualTo("St");
    assertThat(states.get(0).get("value").get(2).isNull()).isTrue();
    assertThat(states.get(1).get("value").get(2).asText()).isEqualTo("Sr");
    assertThat(json.get("marks").toString()).isEqualTo("[\"N（正常生产）\",\"St\",\"Sr\"]");
    assertThat(json.toString()).doesNotContain("<b>");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM production_state WHERE device_id = :d")
                .param("d", d.id())
                .query(Long.class)
                .single())
        .isEqualTo(3);

    assertThat(admin.get("/devices/" + d.id()).body())
        .contains("生产设施与治理设施用电", "facility-chart", "用电监控", "生产工况");
  }

  @Test
  void aMeterOutsideTheScopeIsRefused() {
    Device d =
        registry.register(
            new DeviceForm(
                "QSMETER00000000000000002",
                "pw-meter",
                "44",
                "他处 用电监控",
                DeviceKind.ELECTRICITY,
                "",
                null,
                ProtocolVersion.HJ_212_2017,
                CrcDialect.STRICT,
                false,
                null,
                null));
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    assertThat(liaison.getBytes("/devices/" + d.id() + "/facilities").statusCode()).isEqualTo(403);
  }
}
