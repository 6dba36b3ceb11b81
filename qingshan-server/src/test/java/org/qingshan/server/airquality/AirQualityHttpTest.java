package org.qingshan.server.airquality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hour data sent by an air station over HJ 212 becomes the daily AQI of HJ 633—2026. Expected
 * values are worked out by hand from the 2026 breakpoint table (PM2.5 24h: 35→50, 60→100, 115→150;
 * PM10 24h: 50→50): with every other pollutant low, a day at PM2.5 60 is AQI 100 (良, PM2.5
 * primary), a day at PM2.5 30 is AQI 50 (PM10 50 decides), and a day at PM2.5 90 is ⌈100 + 50 × 30
 * / 55⌉ = 128 (轻度污染).
 */
@DemoServerTest
class AirQualityHttpTest {
  @LocalServerPort int port;
  @Autowired DeviceRegistry registry;
  @Autowired GatewayService gateway;

  @Test
  void dailyAqiIsComputedFromTheStationsHourData() throws Exception {
    Device station =
        registry.register(
            new DeviceForm(
                "QSAIR00001",
                "pw-air",
                "22",
                "测试空气站",
                DeviceKind.AMBIENT_AIR,
                "县城监测点",
                null,
                ProtocolVersion.HJ_212_2017,
                CrcDialect.STRICT,
                true,
                null,
                null));
    double[] pm25 = {60, 30, 90};
    LocalDate first = LocalDate.of(2026, 11, 10);
    try (TestDevice device =
        TestDevice.connect(
            gateway.port().orElseThrow(),
            station.mn(),
            station.password(),
            CommandResponder.SILENT)) {
      for (int day = 0; day < pm25.length; day++) {
        for (int hour = 0; hour < 24; hour++) {
          Map<String, Double> means =
              Map.of(
                  "a34004", pm25[day],
                  "a34002", 50.0,
                  "a21026", 5.0,
                  "a21004", 20.0,
                  "a21005", 0.5,
                  "a05024", 60.0);
          assertThat(device.send(device.airHour(first.plusDays(day).atTime(hour, 0), means)).cn())
              .isEqualTo("9014");
        }
      }
    }
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    String url = "/air?station=" + station.id() + "&from=2026-11-10&to=2026-11-12";
    String page = leader.get(url).body();
    assertThat(aqis(page)).as(page).containsExactly("100", "50", "128");
    assertThat(page).contains(">良</span>", ">优</span>", ">轻度污染</span>", "HJ633-2026");
    // The primary pollutant by its name, not the code of the standard's tables.
    assertThat(page).contains("<td>细颗粒物（PM2.5）</td>");
    assertThat(between(page, "id=\"valid-days\">", "<")).isEqualTo("3");
    assertThat(between(page, "id=\"good-days\">", "<")).isEqualTo("2");
    assertThat(between(page, "id=\"good-rate\">", "<")).isEqualTo("66.7%");

    HttpResponse<byte[]> export =
        leader.getBytes("/air/export?station=" + station.id() + "&from=2026-11-10&to=2026-11-12");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      assertThat(book.getSheetAt(0).getRow(3).getCell(1).getNumericCellValue()).isEqualTo(128);
    }
  }

  @Test
  void aRangeTooLongIsRefusedWithAMessage() {
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    registry.register(
        new DeviceForm(
            "QSAIR00002",
            "pw-air",
            "22",
            "另一空气站",
            DeviceKind.AMBIENT_AIR,
            "",
            null,
            ProtocolVersion.HJ_212_2017,
            CrcDialect.STRICT,
            true,
            null,
            null));
    HttpResponse<String> r = leader.get("/air?from=2020-01-01&to=2026-01-01");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("查询区间须为");
  }

  private static List<String> aqis(String page) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<td class=\"aqi\">([^<]*)</td>").matcher(page);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start) + start.length();
    return s.substring(i, s.indexOf(end, i));
  }
}
