package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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

/** An electricity meter's page: production and treatment currents on one time axis. */
@DemoServerTest
class FacilityPowerHttpTest {
  private static final String MN = "QSMETER00000000000000001";

  @LocalServerPort int port;
  @Autowired GatewayService gateway;
  @Autowired DeviceRegistry registry;
  @Autowired ZoneId countyZone;

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
    }

    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    JsonNode json =
        new ObjectMapper().readTree(admin.getBytes("/devices/" + d.id() + "/facilities").body());
    assertThat(json.get("time")).hasSize(2);
    JsonNode production = json.get("series").get(0);
    JsonNode treatment = json.get("series").get(1);
    assertThat(production.get("name").asText()).isEqualTo("生产设施1 电流（A） (d20401)");
    assertThat(production.get("production").asBoolean()).isTrue();
    assertThat(production.get("value").get(1).asDouble()).isEqualTo(51.0);
    assertThat(treatment.get("production").asBoolean()).isFalse();
    assertThat(treatment.get("value").get(1).asDouble()).isEqualTo(0.1);

    assertThat(admin.get("/devices/" + d.id()).body())
        .contains("生产设施与治理设施用电", "facility-chart", "用电监控");
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
