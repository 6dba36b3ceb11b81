package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.Hj212Client;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.ExeReturn;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.command.QnReturn;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One HJ 212-2025 logger's whole session against the demo server, over real TCP to its gateway and
 * HTTP to its pages, with the gateway's own senders: it starts without an MN and activates
 * (1001/1002, registered by an admin), sends hour data encrypted under the key the admin set
 * (stored decrypted), a heartbeat (online, nothing stored), takes a new key the admin sends from
 * the device page (CN=1014, encrypted under the old key, the key made by the platform so that
 * CN=1014 can carry it), sends under the new key, and re-sends (RF=1, stored as back-filled; a
 * re-send of what was stored is stored once).
 */
@DemoServerTest
class Hj2122025SessionTest {
  private static final String SERIAL = "6970000000001SESSION0001";
  private static final String PW = "s3ss10n-pw";
  private static final String FIRST_KEY = "7C2E91A04FD35B68E1C7092B5AD4F316";
  private static final Pattern MN_FIELD =
      Pattern.compile("id=\"mn\" name=\"mn\" value=\"([^\"]*)\"");
  private static final EventLoopGroup LOOP = new NioEventLoopGroup(1);

  @LocalServerPort int port;
  @Autowired GatewayService gateway;
  @Autowired DeviceActivations activations;
  @Autowired DeviceRegistry registry;
  @Autowired DeviceKeys keys;
  @Autowired JdbcClient jdbc;

  @AfterAll
  static void stopLoop() {
    LOOP.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  /**
   * The logger: its MN and key are what the centre gave it, taken from the centre's own packets
   * (CN=1002 and CN=1014), which it answers 9011 and 9012 as the standard says.
   */
  static final class Logger2025 implements AutoCloseable {
    final Map<String, Sm4Key> keys = new ConcurrentHashMap<>();
    final QnGenerator qns = QnGenerator.systemDefault();
    volatile String mn = "";
    volatile Optional<String> newKeyText = Optional.empty();
    Hj212Client client;

    static Logger2025 connect(int port) throws Exception {
      Logger2025 l = new Logger2025();
      l.client =
          Hj212Client.connect(
                  LOOP,
                  "127.0.0.1",
                  port,
                  Optional.empty(),
                  mn -> Optional.ofNullable(l.keys.get(mn)),
                  Duration.ofSeconds(5),
                  l::answer,
                  c -> {})
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      return l;
    }

    private List<Packet> answer(Packet command) {
      if (command.cn().equals(CommandCode.SET_MN)
          && command.cp().value("i23005-Info").orElse("").equals(SERIAL)) {
        mn = command.mn();
        return done(command.toBuilder().pw(PW).build());
      }
      if (command.cn().equals(CommandCode.SM4_KEY) && command.mn().equals(mn)) {
        Optional<String> text = command.cp().value("NewSK");
        if (text.isEmpty() || text.get().length() != 16) {
          return List.of(Commands.requestAnswer(command, QnReturn.REJECTED));
        }
        newKeyText = text;
        List<Packet> answers = done(command);
        keys.put(mn, Sm4Key.ofText(text.get())); // uses it from its next upload on
        return answers;
      }
      return List.of(Commands.requestAnswer(command, QnReturn.CN_ERROR));
    }

    private static List<Packet> done(Packet command) {
      return List.of(
          Commands.requestAnswer(command, QnReturn.READY),
          Commands.executionResult(command, ExeReturn.SUCCESS));
    }

    Packet send(Packet p) throws Exception {
      return client.send(p).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    Packet hardwareSerial() {
      return packet("91", CommandCode.HARDWARE_SERIAL, "")
          .cp(
              DataArea.builder()
                  .put("i23005-Info", SERIAL)
                  .put("i23006-Info", "A800200A8C6D")
                  .put("i23007-Info", "E86A643C7BBC")
                  .put("i23008-Info", "A763742C1AE1")
                  .build())
          .build();
    }

    Packet hour(LocalDateTime t, double so2) {
      return TestDevice.hourData(mn, PW, t, so2).toBuilder()
          .qn(qns.next())
          .flag(Flag.REPLY_2025)
          .build();
    }

    Packet heartbeat() {
      return packet("91", CommandCode.HEARTBEAT, mn).cp(DataArea.EMPTY_AREA).build();
    }

    private Packet.Builder packet(String st, String cn, String mn) {
      return Packet.builder().qn(qns.next()).st(st).cn(cn).pw(PW).mn(mn).flag(Flag.REPLY_2025);
    }

    @Override
    public void close() {
      client.close();
    }
  }

  @Test
  void aLoggerActivatesEncryptsBeatsChangesItsKeyAndResends() throws Exception {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    try (Logger2025 logger = Logger2025.connect(gateway.port().orElseThrow())) {
      // 1. No MN yet: CN=1001 with its fingerprint, answered 9013 once recorded.
      Packet recorded = logger.send(logger.hardwareSerial());
      assertThat(recorded.cn()).isEqualTo(CommandCode.NOTIFICATION_ANSWER);
      assertThat(admin.get("/devices/unknown").body()).contains(SERIAL).contains("等待登记");

      // 2. An admin registers it; the gateway sends CN=1002 with the MN, the logger answers.
      String form = admin.get("/devices/new?activation=" + SERIAL).body();
      Matcher m = MN_FIELD.matcher(form);
      assertThat(m.find()).isTrue();
      String mn = m.group(1);
      HttpResponse<String> created =
          admin.post(
              "/devices",
              Map.ofEntries(
                  Map.entry("activation", SERIAL),
                  Map.entry("mn", mn),
                  Map.entry("password", PW),
                  Map.entry("st", "31"),
                  Map.entry("name", "2025 全程测试排口"),
                  Map.entry("kind", "STACK_GAS"),
                  Map.entry("protocol", "HJ_212_2025"),
                  Map.entry("crcDialect", "STRICT"),
                  Map.entry("_hourDataExpected", "on")));
      assertThat(created.statusCode()).isEqualTo(302);
      await().until(() -> logger.mn.equals(mn));
      await()
          .until(() -> activations.find(SERIAL).orElseThrow().state() == ActivationState.CONFIRMED);
      Device d = registry.byMn(mn).orElseThrow();
      assertThat(admin.get("/devices/unknown").body()).contains("设备已确认，使用新 MN");

      // 3. The admin sets the key the logger was configured with; its hour data goes encrypted.
      HttpResponse<String> set =
          admin.post("/devices/" + d.id() + "/sm4-key", Map.of("key", FIRST_KEY));
      assertThat(set.statusCode()).isEqualTo(302);
      logger.keys.put(mn, Sm4Key.ofHex(FIRST_KEY));
      LocalDateTime eight = LocalDateTime.of(2026, 11, 23, 8, 0);
      Packet encrypted = logger.hour(eight, 41.5);
      assertThat(logger.send(encrypted).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      assertThat(so2(d)).containsExactly(41.5);
      // the raw packet is kept as it came, for replay: its values only in the decrypted rows
      assertThat(raw(d)).singleElement().asString().doesNotContain("a21026-Avg=41.5");

      // 4. A heartbeat: answered, online, nothing stored.
      long packetsBefore = packets(d);
      Packet beat = logger.send(logger.heartbeat());
      assertThat(beat.cn()).isEqualTo(CommandCode.NOTIFICATION_ANSWER);
      assertThat(gateway.isOnline(mn)).isTrue();
      assertThat(packets(d)).isEqualTo(packetsBefore);
      assertThat(so2(d)).hasSize(1);

      // 5. Key change from the device page, the field left empty: the platform makes a key
      // CN=1014 can carry and sends it under the old key; the logger answers and takes it.
      admin.post("/devices/" + d.id() + "/sm4-key/change", Map.of("key", ""));
      assertThat(admin.get("/devices/" + d.id()).body()).doesNotContain("未能发送");
      await()
          .until(
              () ->
                  keys.status(d.id())
                      .change()
                      .map(c -> c.state() == KeyChangeState.CONFIRMED)
                      .orElse(false));
      String newKeyText = logger.newKeyText.orElseThrow();
      assertThat(admin.get("/devices/" + d.id()).body())
          .contains("设备已确认，新密钥生效")
          .doesNotContain(newKeyText);
      await()
          .until(
              () ->
                  keys.keyOf(mn)
                      .map(k -> new String(k, StandardCharsets.US_ASCII))
                      .orElse("")
                      .equals(newKeyText));

      // 6. Data under the old key is no longer taken; under the new key it is.
      Sm4Key newKey = logger.keys.get(mn);
      logger.keys.put(mn, Sm4Key.ofHex(FIRST_KEY));
      assertThat(logger.client.send(logger.hour(eight.plusHours(2), 50.0)).toCompletableFuture())
          .failsWithin(Duration.ofSeconds(10));
      logger.keys.put(mn, newKey);
      LocalDateTime nine = eight.plusHours(1);
      assertThat(logger.send(logger.hour(nine, 43.0)).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      assertThat(so2(d)).containsExactly(41.5, 43.0);

      // 7. A re-send of an hour it could not deliver: stored, marked back-filled; a re-send of an
      // hour already stored is stored once.
      LocalDateTime seven = eight.minusHours(1);
      Packet resent = logger.hour(seven, 39.0).toBuilder().resent(true).build();
      assertThat(logger.send(resent).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      Packet again = logger.hour(eight, 41.5).toBuilder().resent(true).build();
      assertThat(logger.send(again).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      assertThat(so2(d)).containsExactly(39.0, 41.5, 43.0);
      assertThat(backfilled(d)).containsExactly(true, false, false);
    }
  }

  private List<Double> so2(Device d) {
    return jdbc.sql(
            "SELECT val FROM observation WHERE device_id = :id AND factor = 'a21026'"
                + " AND kind = 'HOUR' ORDER BY data_time")
        .param("id", d.id())
        .query(Double.class)
        .list();
  }

  private List<Boolean> backfilled(Device d) {
    return jdbc.sql(
            "SELECT backfilled FROM data_packet WHERE device_id = :id AND cn = '2061'"
                + " ORDER BY data_time")
        .param("id", d.id())
        .query(Boolean.class)
        .list();
  }

  private List<String> raw(Device d) {
    return jdbc.sql("SELECT raw FROM data_packet WHERE device_id = :id AND cn = '2061'")
        .param("id", d.id())
        .query((rs, i) -> new String(rs.getBytes(1), StandardCharsets.ISO_8859_1))
        .list();
  }

  private long packets(Device d) {
    return jdbc.sql("SELECT COUNT(*) FROM data_packet WHERE device_id = :id")
        .param("id", d.id())
        .query(Long.class)
        .single();
  }
}
