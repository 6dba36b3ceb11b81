package org.qingshan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.ExeReturn;
import org.qingshan.hj212.command.QnReturn;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Hj212Time;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Suffix;
import org.qingshan.server.department.DepartmentService;
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

/** A device over real TCP: registered, acknowledged after storage, duplicates once, commands. */
@DemoServerTest
class GatewayIngestTest {

  @LocalServerPort int port;
  @Autowired GatewayService gateway;
  @Autowired DeviceRegistry registry;
  @Autowired UnknownDeviceRepository unknown;
  @Autowired DepartmentService departments;
  @Autowired JdbcClient jdbc;

  private Device register(String mn, String town) {
    Long dept = departments.resolve(town).map(d -> d.id()).orElse(null);
    return registry.register(TestForms.stack(mn, "测试排口 " + mn, dept));
  }

  private TestDevice connect(Device d, CommandResponder responder) throws Exception {
    return TestDevice.connect(gateway.port().orElseThrow(), d.mn(), d.password(), responder);
  }

  private long count(String sql, long deviceId) {
    return jdbc.sql(sql).param("d", deviceId).query(Long.class).single();
  }

  @Test
  void dataIsAcknowledgedAfterItIsStoredAndADuplicateIsStoredOnce() throws Exception {
    Device d = register("QSTEST0001", "青山镇");
    try (TestDevice client = connect(d, CommandResponder.SILENT)) {
      Packet packet = client.hourData(LocalDateTime.of(2026, 11, 20, 10, 0), 35.0);
      Packet answer = client.send(packet);
      assertThat(answer.cn()).isEqualTo(CommandCode.DATA_ANSWER);
      assertThat(answer.qn()).isEqualTo(packet.qn());
      // The 9014 came after the commit: the rows are there already.
      assertThat(count("SELECT COUNT(*) FROM data_packet WHERE device_id = :d", d.id()))
          .isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM observation WHERE device_id = :d", d.id()))
          .isEqualTo(2);
      Double converted =
          jdbc.sql("SELECT converted FROM observation WHERE device_id = :d AND factor = 'a21026'")
              .param("d", d.id())
              .query(Double.class)
              .single();
      assertThat(converted).isEqualTo(42.0);

      Packet again = packet.toBuilder().qn(TestDevice.nextQn()).build(); // resent after a reconnect
      assertThat(client.send(again).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      assertThat(count("SELECT COUNT(*) FROM data_packet WHERE device_id = :d", d.id()))
          .isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM observation WHERE device_id = :d", d.id()))
          .isEqualTo(2);
    }
  }

  @Test
  void realtimeValuesAreStoredInTheirPacketRowAndReadBackOnTheDevicePage() throws Exception {
    Device d = register("QSTEST0009", "青山镇");
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
    try (TestDevice client = connect(d, CommandResponder.SILENT)) {
      Packet first = client.realtime(now.minusMinutes(2), 30.0);
      client.send(first);
      client.send(client.realtime(now.minusMinutes(1), 31.5));
      client.send(first.toBuilder().qn(TestDevice.nextQn()).build()); // resent
    }
    assertThat(count("SELECT COUNT(*) FROM data_packet WHERE device_id = :d", d.id())).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM observation WHERE device_id = :d", d.id())).isZero();

    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    String series =
        new String(
            admin
                .getBytes("/devices/" + d.id() + "/series?kind=REALTIME&factor=a21026&hours=2")
                .body(),
            StandardCharsets.UTF_8);
    assertThat(series).contains("\"value\":[30.0,31.5]");
    String page = admin.get("/devices/" + d.id()).body();
    assertThat(page).contains("37.8", "9.5"); // the newest 折算 SO₂ and oxygen
    // The raw viewer opens on today's real-time packets.
    assertThat(page).contains("a21026-Rtd=31.5", "2011 实时数据");

    LocalDate day = now.minusMinutes(1).toLocalDate();
    HttpResponse<byte[]> export =
        admin.getBytes(
            "/devices/" + d.id() + "/export?kind=REALTIME&from=" + day.minusDays(1) + "&to=" + day);
    assertThat(export.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      Sheet sheet = book.getSheetAt(0);
      List<String> rows = new ArrayList<>();
      for (Row row : sheet) {
        rows.add(
            row.getCell(1).getStringCellValue()
                + " "
                + row.getCell(2).toString()
                + " "
                + row.getCell(6).getStringCellValue());
      }
      // After the heading: by factor, then time; each packet's values once; names, not codes.
      assertThat(rows.subList(rows.size() - 4, rows.size()))
          .containsExactly(
              // The test device sends oxygen without a flag.
              "氧含量 (a19001) 9.5 ",
              "氧含量 (a19001) 9.5 ",
              "二氧化硫 (a21026) 30.0 正常",
              "二氧化硫 (a21026) 31.5 正常");
    }
  }

  @Test
  void aResentPacketWithoutDataTimeIsKnownByItsQn() throws Exception {
    Device d = register("QSTEST0010", "白河镇");
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
    try (TestDevice client = connect(d, CommandResponder.SILENT)) {
      Packet withTime = client.realtime(now, 12.0);
      Packet noTime =
          withTime.toBuilder()
              .qn(Hj212Time.formatQn(now.minusSeconds(30)))
              .cp(
                  DataArea.builder()
                      .reading("a21026", Optional.of(DataFlag.N), new FactorValue(Suffix.RTD, 11))
                      .build())
              .build();
      client.send(noTime);
      client.send(noTime); // no 9014 reached the device: it sends the packet again, same QN
      client.send(noTime.toBuilder().qn(Hj212Time.formatQn(now.minusSeconds(10))).build());
      client.send(noTime.toBuilder().qn("not-a-time").build());
    }
    List<LocalDateTime> times =
        jdbc.sql("SELECT data_time FROM data_packet WHERE device_id = :d ORDER BY data_time")
            .param("d", d.id())
            .query(LocalDateTime.class)
            .list();
    assertThat(times).hasSize(3);
    assertThat(times.subList(0, 2)).containsExactly(now.minusSeconds(30), now.minusSeconds(10));
    assertThat(times.get(2)).isAfterOrEqualTo(now.minusSeconds(1)); // arrival, for want of better
  }

  @Test
  void unknownDevicesAndWrongPasswordsAreNotStoredButListed() throws Exception {
    Device d = register("QSTEST0002", "白河镇");
    try (TestDevice client = connect(d, CommandResponder.SILENT)) {
      LocalDateTime t = LocalDateTime.of(2026, 11, 20, 11, 0);
      assertThatThrownBy(() -> client.send(TestDevice.hourData("QSNOBODY01", "123456", t, 10)))
          .hasMessageContaining("imeout");
      assertThatThrownBy(() -> client.send(TestDevice.hourData(d.mn(), "wrong", t, 10)))
          .hasMessageContaining("imeout");
    }
    waitFor(() -> unknown.find("QSNOBODY01").isPresent() && unknown.find(d.mn()).isPresent());
    assertThat(count("SELECT COUNT(*) FROM data_packet WHERE device_id = :d", d.id())).isZero();

    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    String page = admin.get("/devices/unknown").body();
    assertThat(page).contains("QSNOBODY01", "未登记", d.mn(), "密码错误");
    assertThat(admin.get("/devices/new?mn=QSNOBODY01").body()).contains("value=\"QSNOBODY01\"");

    admin.get("/devices/unknown");
    admin.post("/devices/unknown/QSNOBODY01/block", Map.of());
    assertThat(registry.byMn("QSNOBODY01").orElseThrow().blocked()).isTrue();
    assertThat(registry.authenticate("QSNOBODY01", "123456")).isEqualTo(AuthResult.BLOCKED);
    assertThat(admin.get("/devices/unknown").body()).doesNotContain("QSNOBODY01");
  }

  @Test
  void aCommandFromTheDevicePageIsAnsweredByTheDevice() throws Exception {
    Device d = register("QSTEST0003", "柳林镇");
    CommandResponder responder =
        command ->
            List.of(
                Commands.requestAnswer(command, QnReturn.READY),
                Commands.executionResult(command, ExeReturn.SUCCESS));
    try (TestDevice client = connect(d, responder)) {
      // The device is online once it has sent something.
      client.send(client.hourData(LocalDateTime.of(2026, 11, 20, 12, 0), 20));
      waitFor(() -> gateway.isOnline(d.mn()));

      WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
      dispatcher.get("/devices/" + d.id());
      HttpResponse<String> sent =
          dispatcher.post("/devices/" + d.id() + "/commands", Map.of("kind", "SET_TIME"));
      assertThat(sent.statusCode()).isEqualTo(302);
      waitFor(
          () ->
              "SUCCEEDED"
                  .equals(
                      jdbc.sql("SELECT status FROM device_command WHERE device_id = :d")
                          .param("d", d.id())
                          .query(String.class)
                          .single()));
      String page = dispatcher.get("/devices/" + d.id()).body();
      assertThat(page).contains("执行成功", "校时", "二氧化硫 (a21026)", "在线");
      // The raw packets of a CN and a day are shown without the device's password.
      String raw = dispatcher.get("/devices/" + d.id() + "?rawCn=2061&rawDay=2026-11-20").body();
      assertThat(raw)
          .contains("PW=******", "DataTime=20261120120000")
          .doesNotContain("PW=" + d.password());
    }
  }

  @Test
  void aCommandToAnOfflineDeviceIsRefusedWithAMessage() {
    Device d = register("QSTEST0004", "东湖镇");
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/devices/" + d.id());
    admin.post("/devices/" + d.id() + "/commands", Map.of("kind", "GET_TIME"));
    assertThat(admin.get("/devices/" + d.id()).body()).contains("不在线");
  }

  @Test
  void aGridMemberSeesOnlyTheDevicesOfTheirTown() {
    Device own = register("QSTEST0005", "青山镇");
    Device other = register("QSTEST0006", "白河镇");
    WebSession grid = WebSession.loggedIn(port, "grid", "qingshan2026");
    String list = grid.get("/devices?size=200").body();
    assertThat(list).contains(own.mn()).doesNotContain(other.mn());
    assertThat(grid.get("/devices/" + other.id()).statusCode()).isEqualTo(403);
    assertThat(grid.getBytes("/devices/" + other.id() + "/series?factor=a21026").statusCode())
        .isEqualTo(403);
    assertThat(
            grid.getBytes("/devices/" + other.id() + "/export?from=2026-01-01&to=2026-01-02")
                .statusCode())
        .isEqualTo(403);
    assertThat(grid.getBytes("/map/devices.geojson").body())
        .asString(StandardCharsets.UTF_8)
        .contains(own.mn())
        .doesNotContain(other.mn());
    assertThat(grid.get("/devices/" + own.id()).statusCode()).isEqualTo(200);
    assertThat(
            grid.post("/devices/" + own.id() + "/commands", Map.of("kind", "GET_TIME"))
                .statusCode())
        .isEqualTo(403);
  }

  private static void waitFor(BooleanSupplier condition) {
    await().atMost(Duration.ofSeconds(15)).until(condition::getAsBoolean);
  }
}
