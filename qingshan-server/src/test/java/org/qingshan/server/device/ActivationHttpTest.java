package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.ingest.ActivationRequest;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A logger without an MN asks for one (CN=1001, handed in as the gateway will once its codec takes
 * 2025 packets); an admin registers it from 未登记设备, the platform assigns a 24-character MN and sends
 * CN=1002 (recorded by the test's sender); the logger's 9011/9012 under its new MN complete the
 * registration.
 */
@DemoServerTest
@Import(RecordingSenders.class)
@TestPropertySource(
    properties =
        "qingshan.db.url=jdbc:h2:mem:devicekeys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ActivationHttpTest {
  private static final Pattern MN_FIELD =
      Pattern.compile("id=\"mn\" name=\"mn\" value=\"([^\"]*)\"");

  @LocalServerPort int port;
  @Autowired DeviceActivations activations;
  @Autowired DeviceRegistry registry;
  @Autowired GatewayService gateway;
  @Autowired JdbcClient jdbc;

  private static ActivationRequest request(String serial, String cpuId, String addr) {
    return new ActivationRequest(
        serial, cpuId, List.of("E86A643C7BBC", "A763742C1AE1"), "31", addr, Instant.now());
  }

  private String register(WebSession admin, String serial) {
    String form = admin.get("/devices/new?activation=" + serial).body();
    Matcher m = MN_FIELD.matcher(form);
    assertThat(m.find()).as("an MN in the form").isTrue();
    String mn = m.group(1);
    HttpResponse<String> r =
        admin.post(
            "/devices",
            Map.ofEntries(
                Map.entry("activation", serial),
                Map.entry("mn", mn),
                Map.entry("password", "pw-" + serial),
                Map.entry("st", "31"),
                Map.entry("name", "入网测试 " + serial),
                Map.entry("kind", "STACK_GAS"),
                Map.entry("protocol", "HJ_212_2017"),
                Map.entry("crcDialect", "STRICT"),
                Map.entry("_hourDataExpected", "on")));
    assertThat(r.statusCode()).isEqualTo(302);
    admin.get(r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    return mn;
  }

  @Test
  void aLoggerAsksForAnMnAnAdminRegistersItAndItsAnswersCompleteTheRegistration() throws Exception {
    assertThat(
            activations.requested(request("6970000000001ABCDEFG1234", "A800200A8C6D", "10.0.0.5")))
        .isTrue();
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/").body()) // the home tile counts it
        .containsPattern("<a class=\"value\" href=\"/devices/unknown\"[^>]*>[1-9]");
    String unknown = admin.get("/devices/unknown").body();
    assertThat(unknown)
        .contains("6970000000001ABCDEFG1234")
        .contains("A800200A8C6D")
        .contains("E86A643C7BBC")
        .contains("等待登记");

    String mn = register(admin, "6970000000001ABCDEFG1234");
    assertThat(mn).matches("[0-9A-F]{24}");
    Device d = registry.byMn(mn).orElseThrow();
    RecordingSenders.MnSent sent =
        RecordingSenders.MNS.stream()
            .filter(s -> s.serial().equals("6970000000001ABCDEFG1234"))
            .findFirst()
            .orElseThrow();
    assertThat(sent.mn()).isEqualTo(mn);
    assertThat(admin.get("/devices/unknown").body()).contains("已分配 MN 并发送").contains(mn);

    try (TestDevice logger =
        TestDevice.connect(
            gateway.port().orElseThrow(), mn, d.password(), CommandResponder.SILENT)) {
      logger.send(answer(d, CommandCode.REQUEST_ANSWER, sent.qn(), "QnRtn", "1"));
      logger.send(answer(d, CommandCode.EXECUTION_RESULT, sent.qn(), "ExeRtn", "1"));
      await()
          .untilAsserted(
              () ->
                  assertThat(activations.find("6970000000001ABCDEFG1234").orElseThrow().state())
                      .isEqualTo(ActivationState.CONFIRMED));
    }
    assertThat(admin.get("/devices/unknown").body()).contains("设备已确认，使用新 MN");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'device-activation'"
                        + " AND entity_id = '6970000000001ABCDEFG1234'")
                .query(Long.class)
                .single())
        .isEqualTo(3); // assigned by the admin, accepted and confirmed by the logger
  }

  @Test
  void aSecondFingerprintForTheSameSerialIsCountedNotTakenOver() {
    activations.requested(request("SERIAL-TWICE-01", "CPU-ONE", "10.0.0.6"));
    activations.requested(request("SERIAL-TWICE-01", "CPU-TWO", "10.0.0.7"));
    Activation a = activations.find("SERIAL-TWICE-01").orElseThrow();
    assertThat(a.cpuId()).isEqualTo("CPU-ONE");
    assertThat(a.mismatches()).isEqualTo(1);
    assertThat(a.attempts()).isEqualTo(2);
  }

  @Test
  void aFloodOfInventedSerialsFromOneAddressIsBoundedAndJunkIsNotRecorded() {
    int recorded = 0;
    for (int i = 0; i < 50; i++) {
      if (activations.requested(request("FLOOD" + i, "CPU", "10.9.9.9"))) {
        recorded++;
      }
    }
    assertThat(recorded).isEqualTo(20); // qingshan.activation.max-per-address
    assertThat(activations.requested(request("bad serial\r\n", "CPU", "10.9.9.8"))).isFalse();
    assertThat(activations.find("bad serial\r\n")).isEmpty();
  }

  @Test
  void anActivationThatCannotBeSentSaysSo() {
    activations.requested(request("SERIAL-OFF", "CPU-OFF", "10.0.0.8"));
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    register(admin, "SERIAL-OFF");
    assertThat(activations.find("SERIAL-OFF").orElseThrow().state())
        .isEqualTo(ActivationState.NOT_SENT);
    assertThat(admin.get("/devices/unknown").body()).contains("未能发送 CN=1002");
  }

  private static Packet answer(Device d, String cn, String qn, String key, String value) {
    return Packet.builder()
        .qn(qn)
        .st(CommandCode.ST_INTERACTION)
        .cn(cn)
        .pw(d.password())
        .mn(d.mn())
        .flag(Flag.of(2, false, false))
        .cp(DataArea.builder().put(key, value).build())
        .build();
  }
}
