package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.cli.Hj212ReplayCommand;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.codec.Crc16;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.ingest.PacketReadings;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A day's raw packets downloaded from the device page and sent to the gateway again. */
@DemoServerTest
class RawPacketReplayTest {
  @LocalServerPort int port;
  @Autowired GatewayService gateway;
  @Autowired DeviceRegistry registry;
  @Autowired DepartmentService departments;
  @Autowired JdbcClient jdbc;

  private long count(String sql, long deviceId) {
    return jdbc.sql(sql).param("d", deviceId).query(Long.class).single();
  }

  private int replay(byte[] packets, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return Hj212ReplayCommand.run(
        List.of("--port", String.valueOf(gateway.port().orElseThrow()), "--timeout", "5"),
        new ByteArrayInputStream(packets),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Device register(String mn) {
    return registry.register(
        new DeviceForm(
            mn,
            "pw-replay",
            "31",
            "回放测试排口",
            DeviceKind.STACK_GAS,
            "测试企业",
            departments.resolve("青山镇").map(x -> x.id()).orElse(null),
            ProtocolVersion.HJ_212_2017,
            CrcDialect.STRICT,
            true,
            115.6,
            36.5));
  }

  @Test
  void aPacketWithChineseInGbkIsKeptByteForByteAndShownAsWritten() throws Exception {
    Device d = register("QSREPLAY0002");
    LocalDateTime at = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).minusMinutes(1);
    String time = at.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    byte[] segment =
        ("QN="
                + time
                + "000;ST=31;CN=2011;PW=pw-replay;MN="
                + d.mn()
                + ";Flag=5;CP=&&DataTime="
                + time
                + ";a21026-Rtd=30.0,a21026-Flag=N;i12001-Info=//设备正常//&&")
            .getBytes(Charset.forName("GBK"));
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.writeBytes(String.format("##%04d", segment.length).getBytes(StandardCharsets.US_ASCII));
    frame.writeBytes(segment);
    frame.writeBytes(
        Crc16.format(Crc16.hj212(segment, 0, segment.length)).getBytes(StandardCharsets.US_ASCII));
    byte[] sent = frame.toByteArray();
    try (Socket device = new Socket("127.0.0.1", gateway.port().orElseThrow())) {
      device.setSoTimeout(10_000);
      device.getOutputStream().write(sent);
      device.getOutputStream().write(new byte[] {'\r', '\n'});
      String answer =
          new BufferedReader(
                  new InputStreamReader(device.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(answer).contains("CN=9014");
    }

    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    byte[] download =
        admin.getBytes("/devices/" + d.id() + "/raw.txt?cn=2011&day=" + at.toLocalDate()).body();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(sent);
    expected.writeBytes(new byte[] {'\r', '\n'});
    assertThat(download).isEqualTo(expected.toByteArray());
    assertThat(admin.get("/devices/" + d.id() + "?rawDay=" + at.toLocalDate()).body())
        .contains("i12001-Info=//设备正常//", "PW=******");
  }

  @Test
  void anAdministratorDownloadsADaysPacketsAsSentAndTheyReplayIntoTheStore() throws Exception {
    Device d = register("QSREPLAY0001");
    LocalDateTime base =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).withSecond(0).minusMinutes(5);
    if (!base.toLocalDate().equals(base.plusMinutes(3).toLocalDate())) {
      base = base.minusMinutes(5); // all three on one day
    }
    Packet first;
    Packet second;
    Packet third;
    try (TestDevice device =
        TestDevice.connect(
            gateway.port().orElseThrow(), d.mn(), d.password(), CommandResponder.SILENT)) {
      // Sent out of order: the download is by DataTime.
      second = device.realtime(base.plusMinutes(2), 31.0);
      first = device.realtime(base.plusMinutes(1), 30.0);
      third = device.realtime(base.plusMinutes(3), 32.0);
      device.send(second);
      device.send(first);
      device.send(third);
    }
    String day = base.toLocalDate().toString();
    String path = "/devices/" + d.id() + "/raw.txt?cn=2011&day=" + day;

    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(dispatcher.getBytes(path).statusCode()).isEqualTo(403);
    assertThat(dispatcher.get("/devices/" + d.id()).body()).doesNotContain("raw-download");

    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/devices/" + d.id()).body()).contains("raw-download", "下载当日原始报文");
    HttpResponse<byte[]> download = admin.getBytes(path);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains(
            "attachment",
            d.mn()
                + "-2011-"
                + base.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE)
                + ".txt");
    // Byte for byte what the device sent, password included, one packet a line, by DataTime.
    String expected =
        PacketEncoder.encodeToString(first)
            + PacketEncoder.encodeToString(second)
            + PacketEncoder.encodeToString(third);
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(expected).contains("PW=pw-replay");
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'EXPORT' AND entity_type = 'device'"
                    + " AND entity_id = CAST(:d AS VARCHAR(64))",
                d.id()))
        .isEqualTo(1);
    assertThat(admin.getBytes("/devices/" + d.id() + "/raw.txt?cn=9999&day=" + day).statusCode())
        .isEqualTo(400);

    // Replayed into the store that has them: answered, stored once.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(replay(download.body(), out, err)).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .hasSize(3)
        .allMatch(l -> l.contains("\"result\":\"answered\""));
    assertThat(count("SELECT COUNT(*) FROM data_packet WHERE device_id = :d", d.id())).isEqualTo(3);

    // Lost (as after restoring an older backup) and replayed: the values are back.
    jdbc.sql("DELETE FROM data_packet WHERE device_id = :d").param("d", d.id()).update();
    assertThat(replay(download.body(), new ByteArrayOutputStream(), err)).isZero();
    List<Double> so2 = new RealtimeReadback(jdbc).values(d.id(), "a21026");
    assertThat(so2).containsExactly(30.0, 31.0, 32.0);
  }

  /** The real-time SO₂ values of a device's stored packets, by DataTime. */
  private record RealtimeReadback(JdbcClient jdbc) {
    List<Double> values(long deviceId, String factor) {
      return jdbc.sql(
              "SELECT data_time, readings FROM data_packet WHERE device_id = :d ORDER BY data_time")
          .param("d", deviceId)
          .query(
              (rs, i) ->
                  PacketReadings.decode(
                          deviceId,
                          ObservationKind.REALTIME,
                          rs.getTimestamp("data_time").toLocalDateTime(),
                          rs.getBytes("readings"))
                      .stream()
                      .filter(o -> o.factor().equals(factor))
                      .findFirst()
                      .orElseThrow()
                      .value()
                      .getAsDouble())
          .list();
    }
  }
}
