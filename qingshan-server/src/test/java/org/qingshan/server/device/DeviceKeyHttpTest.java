package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.TestForms;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * An admin sets a device's SM4 key and changes it through CN=1014, over HTTP against a real server;
 * the device answers over TCP. The key is never shown, audited or stored in clear. The 1014 sender
 * is the test's: it records what the gateway would send.
 */
@DemoServerTest
@Import(RecordingSenders.class)
@TestPropertySource(
    properties =
        "qingshan.db.url=jdbc:h2:mem:devicekeys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class DeviceKeyHttpTest {
  private static final String KEY = "3A7F19C2D4E5B6A78190FEDCBA246813";
  // "k9#Vt2!pQx7@Lm4Z": a new key must be 16 printable characters to go out with CN=1014
  private static final String NEW_KEY = "6B39235674322170517837404C6D345A";

  @LocalServerPort int port;
  @Autowired DeviceRegistry registry;
  @Autowired DeviceKeys keys;
  @Autowired JdbcClient jdbc;
  @Autowired DeviceActivity activity;
  @Autowired GatewayService gateway;

  private int gatewayPort() {
    return gateway.port().orElseThrow();
  }

  private WebSession admin() {
    return WebSession.loggedIn(port, "admin", "qingshan2026");
  }

  private String auditTexts(Device d) {
    return String.join(
        "\n",
        jdbc.sql(
                "SELECT COALESCE(summary,'') || COALESCE(before_state,'') || COALESCE(after_state,'')"
                    + " FROM audit_entry WHERE entity_type = 'device' AND entity_id = :id")
            .param("id", Long.toString(d.id()))
            .query(String.class)
            .list());
  }

  @Test
  void aWrongKeyIsRefusedInChineseAndARightOneIsNeverShownAgain() {
    Device d = registry.register(TestForms.stack("QSKEY000001", "密钥测试", null));
    WebSession admin = admin();
    String edit = "/devices/" + d.id() + "/edit";
    assertThat(admin.get(edit).body()).contains("未设置");

    HttpResponse<String> bad =
        admin.post("/devices/" + d.id() + "/sm4-key", Map.of("key", "12345"));
    assertThat(bad.statusCode()).isEqualTo(302);
    assertThat(admin.get(edit).body()).contains("SM4 密钥须为 32 位十六进制数字").contains("未设置");
    admin.post("/devices/" + d.id() + "/sm4-key", Map.of("key", "30".repeat(16)));
    assertThat(admin.get(edit).body()).contains("不能使用固定或有规律的密钥");
    assertThat(keys.keyOf(d.mn())).isEmpty();

    admin.post("/devices/" + d.id() + "/sm4-key", Map.of("key", KEY.toLowerCase()));
    assertThat(keys.keyOf(d.mn())).hasValueSatisfying(k -> assertThat(k).isEqualTo(hex(KEY)));
    for (String page : List.of(edit, "/devices/" + d.id())) {
      String html = admin.get(page).body();
      assertThat(html).contains("已设置").doesNotContainIgnoringCase(KEY);
    }
    assertThat(admin.get("/devices/" + d.id()).body()).contains("按标准应于");

    String audit = auditTexts(d);
    assertThat(audit).contains("设置 SM4 密钥").contains("******").doesNotContainIgnoringCase(KEY);

    // A dump of the table alone: neither the hex nor the bytes, in any encoding we know of.
    String sealed =
        jdbc.sql("SELECT sealed_key FROM device_key WHERE device_id = :id")
            .param("id", d.id())
            .query(String.class)
            .single();
    assertThat(sealed).doesNotContainIgnoringCase(KEY);
    assertThat(new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(hex(KEY), StandardCharsets.ISO_8859_1));
  }

  @Test
  void nobodyLoggedOutCanSetAKey() {
    Device d = registry.register(TestForms.stack("QSKEY000002", "密钥权限", null));
    WebSession anonymous = new WebSession(port);
    anonymous.get("/login");
    HttpResponse<String> r = anonymous.post("/devices/" + d.id() + "/sm4-key", Map.of("key", KEY));
    assertThat(r.statusCode()).isIn(302, 403);
    assertThat(keys.keyOf(d.mn())).isEmpty();
  }

  @Test
  void aKeyChangeIsConfirmedByTheDevicesAnswersAndOnlyThenReplacesTheKey() throws Exception {
    Device d = registry.register(TestForms.stack("QSKEY000003", "密钥更换", null));
    Device other = registry.register(TestForms.stack("QSKEY000004", "冒名设备", null));
    WebSession admin = admin();
    admin.post("/devices/" + d.id() + "/sm4-key", Map.of("key", KEY));
    admin.get("/devices/" + d.id()); // as a browser follows the redirect and sees the notice

    admin.post("/devices/" + d.id() + "/sm4-key/change", Map.of("key", NEW_KEY));
    RecordingSenders.KeySent sent =
        RecordingSenders.KEYS.stream().filter(s -> s.mn().equals(d.mn())).findFirst().orElseThrow();
    assertThat(sent.key()).isEqualTo(hex(NEW_KEY));
    assertThat(admin.get("/devices/" + d.id()).body())
        .contains("已向设备发送密钥更换请求")
        .contains("已发送，等待设备应答");
    assertThat(keys.keyOf(d.mn())).hasValueSatisfying(k -> assertThat(k).isEqualTo(hex(KEY)));
    // A second change while one is open is refused.
    admin.post("/devices/" + d.id() + "/sm4-key/change", Map.of("key", ""));
    assertThat(RecordingSenders.KEYS.stream().filter(s -> s.mn().equals(d.mn()))).hasSize(1);
    assertThat(admin.get("/devices/" + d.id()).body()).contains("上一次密钥更换尚未结束");

    // Another device answering with the same QN changes nothing.
    try (TestDevice impostor =
        TestDevice.connect(gatewayPort(), other.mn(), other.password(), CommandResponder.SILENT)) {
      impostor.send(answer(other, CommandCode.EXECUTION_RESULT, sent.qn(), "ExeRtn", "1"));
    }
    try (TestDevice device =
        TestDevice.connect(gatewayPort(), d.mn(), d.password(), CommandResponder.SILENT)) {
      device.send(answer(d, CommandCode.REQUEST_ANSWER, sent.qn(), "QnRtn", "1"));
      await()
          .untilAsserted(
              () ->
                  assertThat(keys.status(d.id()).change().orElseThrow().state())
                      .isEqualTo(KeyChangeState.ACCEPTED));
      assertThat(keys.keyOf(d.mn())).hasValueSatisfying(k -> assertThat(k).isEqualTo(hex(KEY)));
      device.send(answer(d, CommandCode.EXECUTION_RESULT, sent.qn(), "ExeRtn", "1"));
      await()
          .untilAsserted(
              () ->
                  assertThat(keys.keyOf(d.mn()))
                      .hasValueSatisfying(k -> assertThat(k).isEqualTo(hex(NEW_KEY))));
    }
    String page = admin.get("/devices/" + d.id()).body();
    assertThat(page).contains("设备已确认，新密钥生效").doesNotContainIgnoringCase(NEW_KEY);
    assertThat(auditTexts(d)).contains("设备已确认").doesNotContainIgnoringCase(NEW_KEY);
  }

  @Test
  void withoutAKeyThePlatformMakesOneTheDeviceCanReceiveAndAKeyItCannotIsRefused() {
    Device d = registry.register(TestForms.stack("QSKEY000008", "平台生成密钥", null));
    WebSession admin = admin();
    admin.post("/devices/" + d.id() + "/sm4-key", Map.of("key", KEY));
    admin.get("/devices/" + d.id());

    // random bytes typed as hex: not sendable as NewSK, refused before anything goes out
    admin.post(
        "/devices/" + d.id() + "/sm4-key/change",
        Map.of("key", "C0FFEE15600DD00DAB1E5EED7A1E4B0B"));
    assertThat(admin.get("/devices/" + d.id()).body())
        .contains("该密钥无法通过 CN=1014 下发")
        .doesNotContain("C0FFEE15600DD00DAB1E5EED7A1E4B0B");
    assertThat(RecordingSenders.KEYS.stream().filter(s -> s.mn().equals(d.mn()))).isEmpty();
    assertThat(keys.status(d.id()).change()).isEmpty();

    admin.post("/devices/" + d.id() + "/sm4-key/change", Map.of("key", ""));
    assertThat(admin.get("/devices/" + d.id()).body())
        .contains("已向设备发送密钥更换请求")
        .doesNotContain("未能发送");
    RecordingSenders.KeySent sent =
        RecordingSenders.KEYS.stream().filter(s -> s.mn().equals(d.mn())).findFirst().orElseThrow();
    assertThat(Commands.sendableAsNewSk(sent.key())).isTrue();
    assertThat(sent.key()).isNotEqualTo(hex(KEY));
    assertThat(new String(sent.key(), StandardCharsets.US_ASCII)).doesNotMatch("(.)\\1+");
    assertThat(keys.status(d.id()).change().orElseThrow().state())
        .isEqualTo(KeyChangeState.PENDING);
  }

  @Test
  void aChangeThatCannotBeSentKeepsTheOldKeyAndSaysSo() {
    Device d = registry.register(TestForms.stack("QSKEY0005OFF", "离线更换", null));
    WebSession admin = admin();
    admin.post("/devices/" + d.id() + "/sm4-key", Map.of("key", KEY));
    admin.get("/devices/" + d.id());
    admin.post("/devices/" + d.id() + "/sm4-key/change", Map.of("key", NEW_KEY));
    String page = admin.get("/devices/" + d.id()).body();
    assertThat(page).contains("未能发送，仍使用原密钥");
    assertThat(keys.keyOf(d.mn())).hasValueSatisfying(k -> assertThat(k).isEqualTo(hex(KEY)));
  }

  @Test
  void aHeartbeatKeepsTheDeviceHeardWithoutStoringDataAndShowsItsProtocol() throws Exception {
    Device d = registry.register(TestForms.stack("QSKEY000006", "心跳设备", null));
    Instant before = Instant.now();
    // A command waiting for its answer whose QN the heartbeat happens to carry: not its answer.
    String qn = TestDevice.nextQn();
    jdbc.sql(
            "INSERT INTO device_command (device_id, qn, cn, description, requested_by,"
                + " requested_at, status) VALUES (:d, :qn, '1011', 'test', 'admin',"
                + " CURRENT_TIMESTAMP, 'SENT')")
        .param("d", d.id())
        .param("qn", qn)
        .update();
    try (TestDevice device =
        TestDevice.connect(gatewayPort(), d.mn(), d.password(), CommandResponder.SILENT)) {
      device.send(
          Packet.builder()
              .qn(qn)
              .st("31")
              .cn("9015")
              .pw(d.password())
              .mn(d.mn())
              .flag(Flag.of(2, false, false))
              .cp(DataArea.builder().build())
              .build());
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(admin().get("/devices/" + d.id()).body())
                      .contains("设备报文的协议版本与登记的不一致"));
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM data_packet WHERE device_id = :id")
                .param("id", d.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT status FROM device_command WHERE device_id = :d")
                .param("d", d.id())
                .query(String.class)
                .single())
        .isEqualTo("SENT");
    assertThat(activity.lastPacket(d.mn()))
        .hasValueSatisfying(t -> assertThat(t).isAfterOrEqualTo(before.minusSeconds(1)));
  }

  @Test
  void aChangeWithoutAnswerExpiresAndTheRotationBecomesDueThenOverdue() {
    Device d = registry.register(TestForms.stack("QSKEY000007", "密钥轮换", null));
    WebSession admin = admin();
    admin.post("/devices/" + d.id() + "/sm4-key", Map.of("key", KEY));
    admin.get("/devices/" + d.id());
    admin.post("/devices/" + d.id() + "/sm4-key/change", Map.of("key", NEW_KEY));
    admin.get("/devices/" + d.id());
    try {
      RecordingSenders.CLOCK.advance(Duration.ofMinutes(11));
      keys.expireOverdue();
      assertThat(admin.get("/devices/" + d.id()).body())
          .contains("设备未在规定时间内应答，已超时，仍使用原密钥")
          .contains("按标准应于");
      assertThat(keys.keyOf(d.mn())).hasValueSatisfying(k -> assertThat(k).isEqualTo(hex(KEY)));
      assertThat(auditTexts(d)).contains("已超时");
      RecordingSenders.CLOCK.advance(Duration.ofDays(81));
      assertThat(admin.get("/devices/" + d.id()).body()).contains("即将到期");
      RecordingSenders.CLOCK.advance(Duration.ofDays(10));
      assertThat(admin.get("/devices/" + d.id()).body()).contains("已超期");
    } finally {
      RecordingSenders.CLOCK.reset();
    }
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

  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }
}
