package org.qingshan.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Outlets, their limits and their devices over HTTP; impossible limits change nothing. */
@DemoServerTest
class OutletHttpTest {
  private static int devices = 0;
  @LocalServerPort int port;
  @Autowired OutletRepository outlets;
  @Autowired DeviceRegistry registry;
  @Autowired JdbcClient jdbc;
  @Autowired ZoneId zone;

  static Map<String, String> outletForm(String code, String kind) {
    Map<String, String> f = new HashMap<>();
    f.put("code", code);
    f.put("name", "1号锅炉排口");
    f.put("kind", kind);
    f.put("main", "true");
    f.put("emissionStandard", "GB 13223-2011");
    return f;
  }

  static long createOutlet(WebSession admin, long eid, String code, String kind) {
    admin.get("/enterprises/" + eid + "/outlets/new");
    HttpResponse<String> r = admin.post("/enterprises/" + eid + "/outlets", outletForm(code, kind));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String location = WebSession.location(r);
    Codes.follow(admin, r);
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  static Map<String, String> limit(String factor, String limit, String ref) {
    Map<String, String> f = new HashMap<>();
    f.put("factor", factor);
    f.put("averaging", "HOUR");
    f.put("limit", limit);
    f.put("unit", "mg/m³");
    f.put("standard", "GB 13223-2011");
    if (ref != null) {
      f.put("corrected", "true");
      f.put("referenceO2", ref);
    }
    return f;
  }

  Device device(DeviceKind kind) {
    String mn = "QSREG" + System.nanoTime() % 1_000_000_000L + (devices++);
    return registry.register(
        new DeviceForm(
            mn,
            "pw-reg",
            "31",
            "测试排口设备",
            kind,
            "",
            null,
            ProtocolVersion.HJ_212_2017,
            CrcDialect.STRICT,
            true,
            null,
            null));
  }

  @Test
  void anOutletWithLimitsAndADeviceShowsItsLatestDataAgainstTheLimits() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long eid = EnterpriseHttpTest.create(admin, "排口测试热电", Codes.next());
    long oid = createOutlet(admin, eid, "DA001", "GAS");
    String base = "/enterprises/" + eid + "/outlets/" + oid;
    admin.get(base);
    HttpResponse<String> saved = admin.post(base + "/limits", limit("a21026", "35", "6"));
    assertThat(WebSession.location(saved)).endsWith(base);
    assertThat(Codes.follow(admin, saved)).contains("限值已保存");
    Codes.submit(admin, base + "/limits", limit("a21002", "50", "6"));
    assertThat(outlets.limits(oid)).hasSize(2);
    // the same factor and period again replaces its limit
    Codes.submit(admin, base + "/limits", limit("a21026", "50", "6"));
    assertThat(outlets.limits(oid))
        .filteredOn(l -> l.factor().equals("a21026"))
        .singleElement()
        .satisfies(l -> assertThat(l.limit()).isEqualTo(50));

    Device d = device(DeviceKind.STACK_GAS);
    Codes.submit(admin, base + "/devices", Map.of("deviceId", String.valueOf(d.id())));
    assertThat(outlets.outletOfDevice(d.id())).contains(oid);
    LocalDateTime hour = LocalDateTime.now(zone).truncatedTo(ChronoUnit.HOURS).minusHours(1);
    observe(d.id(), "HOUR", "a21026", hour, 52.0, 61.0);
    observe(d.id(), "HOUR", "a21002", hour, 20.0, 24.0);

    String page = admin.get("/enterprises/" + eid).body();
    assertThat(page).contains("DA001", "mg/m³", "GB 13223-2011", d.mn());
    // SO2 is judged on its 折算 value 61 against 50: 超标; NOx 24 against 50 is not
    String so2Row = row(page, "61.0");
    assertThat(so2Row).contains("超标", "50.0");
    String noxRow = row(page, "24.0");
    assertThat(noxRow).contains("达标").doesNotContain("超标");

    assertThat(admin.get(base).body()).contains("二氧化硫", "小时均值", d.mn());
    Codes.submit(admin, base + "/devices/" + d.id() + "/unbind", Map.of());
    assertThat(outlets.outletOfDevice(d.id())).isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where entity_type = 'outlet'"
                        + " and entity_id = :id")
                .param("id", String.valueOf(oid))
                .query(Long.class)
                .single())
        .as("created, three limit changes, bound, unbound")
        .isEqualTo(6);
  }

  @Test
  void impossibleLimitsAreExplainedAndChangeNothing() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long eid = EnterpriseHttpTest.create(admin, "限值校验企业", Codes.next());
    long oid = createOutlet(admin, eid, "DA001", "GAS");
    String base = "/enterprises/" + eid + "/outlets/" + oid;
    admin.get(base);
    Codes.submit(admin, base + "/limits", limit("a21026", "35", "6"));
    List<OutletLimit> before = outlets.limits(oid);

    HttpResponse<String> negative = admin.post(base + "/limits", limit("a21026", "-5", "6"));
    assertThat(Codes.follow(admin, negative)).contains("限值不能为负数");
    HttpResponse<String> o2 = admin.post(base + "/limits", limit("a21026", "35", "21"));
    assertThat(Codes.follow(admin, o2)).contains("基准含氧量须在 0 到 21%");
    HttpResponse<String> noRef = admin.post(base + "/limits", limit("a21026", "35", ""));
    assertThat(Codes.follow(admin, noRef)).contains("请填写基准含氧量");
    assertThat(outlets.limits(oid)).isEqualTo(before);

    long water = createOutlet(admin, eid, "DW001", "WATER");
    String wbase = "/enterprises/" + eid + "/outlets/" + water;
    HttpResponse<String> corrected = admin.post(wbase + "/limits", limit("w01018", "50", "6"));
    assertThat(Codes.follow(admin, corrected)).contains("废水排放口");
    assertThat(outlets.limits(water)).isEmpty();
  }

  @Test
  void outletCodesAreCheckedAgainstTheirKindAndTheEnterprise() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long eid = EnterpriseHttpTest.create(admin, "编号校验企业", Codes.next());
    admin.get("/enterprises/" + eid + "/outlets/new");
    String pattern =
        Codes.submit(admin, "/enterprises/" + eid + "/outlets", outletForm("排口1", "GAS"));
    assertThat(pattern).contains("DA001（废气）或 DW001（废水）");
    String kind =
        Codes.submit(admin, "/enterprises/" + eid + "/outlets", outletForm("DW002", "GAS"));
    assertThat(kind).contains("与类型不符");
    createOutlet(admin, eid, "DA001", "GAS");
    String twice =
        Codes.submit(admin, "/enterprises/" + eid + "/outlets", outletForm("DA001", "GAS"));
    assertThat(twice).contains("已有编号为 DA001 的排放口");
    assertThat(outlets.ofEnterprise(eid)).hasSize(1);
  }

  @Test
  void anOutletOfAnotherEnterpriseIsNotFoundUnderThisOne() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long a = EnterpriseHttpTest.create(admin, "甲企业", Codes.next());
    long b = EnterpriseHttpTest.create(admin, "乙企业", Codes.next());
    long oid = createOutlet(admin, b, "DA001", "GAS");
    assertThat(admin.get("/enterprises/" + a + "/outlets/" + oid).statusCode()).isEqualTo(404);
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(dispatcher.get("/enterprises/" + b + "/outlets/" + oid).statusCode()).isEqualTo(200);
    assertThat(
            dispatcher
                .post(
                    "/enterprises/" + b + "/outlets/" + oid + "/limits", limit("a21026", "1", "6"))
                .statusCode())
        .isEqualTo(403);
  }

  void observe(long deviceId, String kind, String factor, LocalDateTime t, double v, double zs) {
    jdbc.sql(
            "INSERT INTO observation (device_id, kind, factor, data_time, val, converted, flag)"
                + " VALUES (:d, :k, :f, :t, :v, :zs, 'N')")
        .param("d", deviceId)
        .param("k", kind)
        .param("f", factor)
        .param("t", Timestamp.valueOf(t))
        .param("v", v)
        .param("zs", zs)
        .update();
  }

  /** The table row of the page that contains the text. */
  static String row(String page, String text) {
    int at = page.indexOf(text);
    assertThat(at).as(text + " on the page").isGreaterThan(0);
    return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
  }
}
