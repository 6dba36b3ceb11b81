package org.qingshan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.device.UnknownDeviceRepository;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.TestForms;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * One device's bad packets over real TCP, beside a well-behaved device: the bad ones never cost the
 * good one an acknowledgement, and what cannot be real is answered but not stored.
 */
@DemoServerTest
@TestPropertySource(
    properties = {
      "qingshan.db.url=jdbc:h2:mem:hardening;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      // Packets wait for each other, so that good and bad ones share batches.
      "qingshan.hj212.commit-delay=50ms",
      "qingshan.ingest.unknown-devices=5",
      // Shared with GatewaySecurityHttpTest (one context): a low lock per MN, none per address.
      "qingshan.hj212.login-failures-per-device=3",
      "qingshan.hj212.login-failures-per-address=100000",
      "qingshan.hj212.login-failure-delay=0s"
    })
class IngestHardeningTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired GatewayService gateway;
  @Autowired UnknownDeviceRepository unknown;
  @Autowired DeviceRegistry registry;
  @Autowired JdbcClient jdbc;

  private Device register(String mn) {
    return registry.register(TestForms.stack(mn, "加固测试 " + mn, null));
  }

  private TestDevice connect(Device d) throws Exception {
    return TestDevice.connect(
        gateway.port().orElseThrow(), d.mn(), d.password(), CommandResponder.SILENT);
  }

  private static Packet upload(Device d, String qn, String cn, String cp) {
    return Packet.builder()
        .qn(qn)
        .st("31")
        .cn(cn)
        .pw(d.password())
        .mn(d.mn())
        .flag(Flag.of(1, false, true))
        .cp(DataArea.parse(cp).orElseThrow())
        .build();
  }

  private static String time(LocalDateTime t) {
    return String.format(
        "%04d%02d%02d%02d%02d%02d",
        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), 0);
  }

  private long packets(Device d) {
    return jdbc.sql("SELECT COUNT(*) FROM data_packet WHERE device_id = :d")
        .param("d", d.id())
        .query(Long.class)
        .single();
  }

  private long observations(Device d) {
    return jdbc.sql("SELECT COUNT(*) FROM observation WHERE device_id = :d")
        .param("d", d.id())
        .query(Long.class)
        .single();
  }

  @Test
  void aPoisoningDeviceCostsAWellBehavedDeviceNoAcknowledgement() throws Exception {
    Device good = register("QSHARDGOOD01");
    Device bad = register("QSHARDBAD001");
    LocalDateTime start = LocalDateTime.now(ZONE).withNano(0).withSecond(0).minusHours(2);
    String longFactor = "a".repeat(32);
    List<CompletableFuture<Packet>> goodAnswers = new ArrayList<>();
    List<CompletableFuture<Packet>> badAnswers = new ArrayList<>();
    try (TestDevice goodDevice = connect(good);
        TestDevice badDevice = connect(bad)) {
      for (int i = 0; i < 30; i++) {
        LocalDateTime t = start.plusMinutes(i);
        String dt = "DataTime=" + time(t);
        // Each kind that once failed a whole transaction: a QN wider than its column, a CN wider
        // than its column, two factor codes equal in their first 32 characters, a factor twice.
        Packet poison =
            switch (i % 4) {
              case 0 ->
                  upload(bad, "2".repeat(38) + i, CommandCode.HOUR_DATA, dt + ";a21026-Avg=1");
              case 1 -> upload(bad, TestDevice.nextQn(), "206100000", dt + ";a21026-Avg=1");
              case 2 ->
                  upload(
                      bad,
                      TestDevice.nextQn(),
                      CommandCode.HOUR_DATA,
                      dt + ";" + longFactor + "1-Avg=1;" + longFactor + "2-Avg=2");
              default ->
                  upload(
                      bad,
                      TestDevice.nextQn(),
                      CommandCode.HOUR_DATA,
                      dt + ";a21026-Avg=1;a19001-Avg=2;a21026-Max=3");
            };
        badAnswers.add(badDevice.sendAsync(poison));
        goodAnswers.add(goodDevice.sendAsync(goodDevice.hourData(t, 30 + i)));
      }
      for (CompletableFuture<Packet> a : goodAnswers) {
        assertThat(a.get(30, TimeUnit.SECONDS).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      }
      for (CompletableFuture<Packet> a : badAnswers) {
        // Refused packets get the standard's answer too: otherwise the device resends for ever.
        assertThat(a.get(30, TimeUnit.SECONDS).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      }
    }
    assertThat(packets(good)).isEqualTo(30);
    assertThat(observations(good)).isEqualTo(60);
    // Only the packets with a factor sent twice are real data; their first reading counts.
    assertThat(packets(bad)).isEqualTo(7);
    assertThat(observations(bad)).isEqualTo(14);
  }

  @Test
  void aBatchTheDatabaseRefusesIsSplitSoThatOnlyTheBrokenPacketGoesUnanswered() throws Exception {
    Device good = register("QSHARDGOOD02");
    Device bad = register("QSHARDBAD002");
    String poisonQn = "20261203000000666";
    // A constraint the screen knows nothing of stands for any failure a packet may cause.
    jdbc.sql(
            "ALTER TABLE data_packet ADD CONSTRAINT test_poison CHECK (qn IS NULL OR qn <> '"
                + poisonQn
                + "')")
        .update();
    LocalDateTime start = LocalDateTime.now(ZONE).withNano(0).withSecond(0).minusHours(3);
    List<CompletableFuture<Packet>> goodAnswers = new ArrayList<>();
    CompletableFuture<Packet> poisonAnswer;
    try (TestDevice goodDevice = connect(good);
        TestDevice badDevice = connect(bad)) {
      for (int i = 0; i < 10; i++) {
        goodAnswers.add(goodDevice.sendAsync(goodDevice.hourData(start.plusMinutes(i), 20)));
      }
      poisonAnswer =
          badDevice.sendAsync(
              upload(
                  bad,
                  poisonQn,
                  CommandCode.HOUR_DATA,
                  "DataTime=" + time(start) + ";a21026-Avg=1"));
      for (int i = 10; i < 20; i++) {
        goodAnswers.add(goodDevice.sendAsync(goodDevice.hourData(start.plusMinutes(i), 20)));
      }
      for (CompletableFuture<Packet> a : goodAnswers) {
        assertThat(a.get(30, TimeUnit.SECONDS).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      }
      assertThat(packets(good)).isEqualTo(20);
      assertThat(packets(bad)).isZero();
      assertThat(poisonAnswer).isNotDone(); // not stored, so not acknowledged: it will be resent
    } finally {
      jdbc.sql("ALTER TABLE data_packet DROP CONSTRAINT test_poison").update();
    }
  }

  @Test
  void timesAndValuesThatCannotBeRealAreAnsweredButNotStored() throws Exception {
    Device d = register("QSHARDTIME01");
    LocalDateTime now = LocalDateTime.now(ZONE).withNano(0).withSecond(0);
    String ok = "DataTime=" + time(now.minusHours(1));
    List<Packet> unreal =
        List.of(
            upload(
                d,
                TestDevice.nextQn(),
                CommandCode.HOUR_DATA,
                "DataTime=99991231230000;a21026-Avg=1"),
            upload(
                d,
                TestDevice.nextQn(),
                CommandCode.HOUR_DATA,
                "DataTime=19000101000000;a21026-Avg=1"),
            upload(d, TestDevice.nextQn(), CommandCode.HOUR_DATA, ok + ";a21026-Avg=1e308"),
            upload(d, TestDevice.nextQn(), CommandCode.HOUR_DATA, ok + ";a21026-Avg=-1e308"),
            upload(d, TestDevice.nextQn(), CommandCode.HOUR_DATA, ok + ";a21026-Avg=1e999"),
            upload(d, TestDevice.nextQn(), "9999", ok + ";a21026-Avg=1"),
            upload(
                d,
                TestDevice.nextQn(),
                CommandCode.HOUR_DATA,
                "DataTime=" + time(now.plusHours(3)) + ";a21026-Avg=1"));
    try (TestDevice device = connect(d)) {
      for (Packet p : unreal) {
        assertThat(device.send(p).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      }
      assertThat(packets(d)).isZero();
      assertThat(observations(d)).isZero();
      // A real hour with a large but possible value is kept.
      device.send(upload(d, TestDevice.nextQn(), CommandCode.HOUR_DATA, ok + ";w00000-Cou=2.5e9"));
      assertThat(packets(d)).isEqualTo(1);
    }
    // The bureau sees on the device page what was refused and the rule in force.
    String page =
        WebSession.loggedIn(port, "admin", "qingshan2026").get("/devices/" + d.id()).body();
    assertThat(page).contains("拒收本设备数据包 7 个", "数据时间超前中心时钟", "入库规则：数据时间超前中心时钟 60 分钟以上");
  }

  private void sendRaw(Socket socket, Packet packet) throws Exception {
    OutputStream out = socket.getOutputStream();
    out.write(PacketEncoder.frame(packet));
    out.flush();
  }

  private static Packet knock(String mn, String st) {
    return Packet.builder()
        .qn(TestDevice.nextQn())
        .st(st)
        .cn(CommandCode.HOUR_DATA)
        .pw("123456")
        .mn(mn)
        .flag(Flag.of(1, false, true))
        .cp(DataArea.parse("DataTime=20261201000000;a21026-Avg=1").orElseThrow())
        .build();
  }

  @Test
  void theListOfRefusedDevicesStaysWithinItsBoundAndKeepsTheDevicesThatKeepKnocking()
      throws Exception {
    String longMn = "L".repeat(1000);
    try (Socket socket = new Socket("127.0.0.1", gateway.port().orElseThrow())) {
      for (int i = 0; i < 3; i++) {
        sendRaw(socket, knock("QSHARDREAL01", "31"));
      }
      await().until(() -> unknown.find("QSHARDREAL01").map(u -> u.attempts() == 3).orElse(false));
      // Fields wider than the list's columns once failed the insert (and logged a stack trace).
      sendRaw(socket, knock(longMn, "31"));
      sendRaw(socket, knock("QSHARDLONGST", "31323334"));
      await().until(() -> unknown.find("QSHARDLONGST").isPresent());
      assertThat(unknown.find("L".repeat(64))).isPresent();
      assertThat(unknown.find("QSHARDLONGST").orElseThrow().st()).contains("3132");
      for (int i = 0; i < 20; i++) {
        sendRaw(socket, knock("QSHARDFLOOD" + i, "31"));
      }
      await().until(() -> unknown.find("QSHARDFLOOD19").isPresent());
    }
    long rows = jdbc.sql("SELECT COUNT(*) FROM unknown_device").query(Long.class).single();
    assertThat(rows).isEqualTo(5);
    assertThat(unknown.find("QSHARDREAL01")).isPresent();
    assertThat(unknown.find("QSHARDLONGST")).isEmpty(); // knocked once, made room
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/devices/unknown").body()).contains("最多保留 5 个设备", "QSHARDREAL01", "另有");
  }
}
