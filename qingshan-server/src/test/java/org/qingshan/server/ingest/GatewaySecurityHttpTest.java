package org.qingshan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.TestForms;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing and a second connection of a device, over real TCP against the server: the
 * admin finds both in the audit log, and the real device keeps its connection. The attacker
 * connects from 127.0.0.2.
 */
@DemoServerTest
@TestPropertySource(
    properties = {
      "qingshan.db.url=jdbc:h2:mem:hardening;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "qingshan.hj212.commit-delay=50ms",
      "qingshan.ingest.unknown-devices=5",
      "qingshan.hj212.login-failures-per-device=3",
      "qingshan.hj212.login-failures-per-address=100000",
      "qingshan.hj212.login-failure-delay=0s"
    })
class GatewaySecurityHttpTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired GatewayService gateway;
  @Autowired DeviceRegistry registry;
  @Autowired JdbcClient jdbc;

  private Device register(String mn) {
    return registry.register(TestForms.stack(mn, "安全测试 " + mn, null));
  }

  private long alerts(Device d) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_entry WHERE action = 'SECURITY_ALERT'"
                + " AND entity_type = 'device' AND entity_id = :id")
        .param("id", Long.toString(d.id()))
        .query(Long.class)
        .single();
  }

  /** Whether the gateway answered before closing the connection. */
  private static boolean answered(Socket s) throws Exception {
    s.setSoTimeout(10_000);
    InputStream in = s.getInputStream();
    byte[] buf = new byte[512];
    try {
      int n = in.read(buf);
      return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).contains("CN=9014");
    } catch (SocketException reset) {
      return false;
    }
  }

  @Test
  void guessedPasswordsAreLockedAndShownToTheAdminWhileTheDeviceKeepsItsSession() throws Exception {
    Device d = register("QSSECGUESS01");
    LocalDateTime t = LocalDateTime.now(ZONE).withNano(0).withSecond(0).minusHours(1);
    int gw = gateway.port().orElseThrow();
    try (TestDevice real = TestDevice.connect(gw, d.mn(), d.password(), CommandResponder.SILENT)) {
      assertThat(real.send(real.hourData(t, 20)).cn()).isEqualTo("9014");
      long rejected = gateway.stats().orElseThrow().rejected();
      try (Socket attacker = attacker(gw)) {
        for (int i = 0; i < 3; i++) {
          attacker.getOutputStream().write(bytes(TestDevice.hourData(d.mn(), "guess" + i, t, 1)));
        }
        await().until(() -> gateway.stats().orElseThrow().rejected() == rejected + 3);
      }
      try (Socket attacker = attacker(gw)) {
        attacker.getOutputStream().write(bytes(TestDevice.hourData(d.mn(), d.password(), t, 1)));
        assertThat(answered(attacker)).as("the right password, once locked").isFalse();
      }
      await().until(() -> alerts(d) == 1);
      String remote =
          jdbc.sql(
                  "SELECT remote_addr FROM audit_entry WHERE action = 'SECURITY_ALERT'"
                      + " AND entity_id = :id")
              .param("id", Long.toString(d.id()))
              .query(String.class)
              .single();
      assertThat(remote).isEqualTo("127.0.0.2");
      assertThat(real.send(real.hourData(t.plusMinutes(1), 21)).cn()).isEqualTo("9014");
    }
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/audit?q=QSSECGUESS01").body())
        .contains("安全告警", "QSSECGUESS01", "密码连续错误 3 次");
    assertThat(admin.get("/devices/" + d.id()).body())
        .contains("本设备的安全告警 1 次", "密码连续错误，其他地址的登录已暂时锁定");
  }

  @Test
  void aSecondConnectionOfADeviceIsKeptAndShownToTheAdmin() throws Exception {
    Device d = register("QSSECTWICE01");
    LocalDateTime t = LocalDateTime.now(ZONE).withNano(0).withSecond(0).minusHours(1);
    int gw = gateway.port().orElseThrow();
    try (TestDevice first = TestDevice.connect(gw, d.mn(), d.password(), CommandResponder.SILENT);
        TestDevice second = TestDevice.connect(gw, d.mn(), d.password(), CommandResponder.SILENT)) {
      assertThat(first.send(first.hourData(t, 20)).cn()).isEqualTo("9014");
      assertThat(second.send(second.hourData(t.plusMinutes(1), 20)).cn()).isEqualTo("9014");
      await().until(() -> alerts(d) == 1);
      assertThat(first.send(first.hourData(t.plusMinutes(2), 20)).cn())
          .as("the first connection is kept")
          .isEqualTo("9014");
    }
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/devices/" + d.id()).body()).contains("同一设备编号的第二个连接");
  }

  private static Socket attacker(int gw) throws Exception {
    return new Socket(
        InetAddress.getByName("127.0.0.1"), gw, InetAddress.getByName("127.0.0.2"), 0);
  }

  private static byte[] bytes(Packet p) {
    return PacketEncoder.encodeToString(p).getBytes(StandardCharsets.US_ASCII);
  }
}
