package org.qingshan.server.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.web.PageSection;
import org.qingshan.server.web.PageSections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The duty screen, an alarm's page and the alarm list over HTTP, for each role. */
@DemoServerTest
class DutyHttpTest {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DeviceRegistry registry;
  @Autowired PageSections pageSections;

  TestAlarms fixtures;
  String town;
  long enterprise;
  long device;
  long critical;
  long minor;

  @BeforeEach
  void anEnterpriseWithTwoAlarms() {
    fixtures = new TestAlarms(jdbc);
    town = TestAlarms.unique("报警镇");
    enterprise = fixtures.enterprise(TestAlarms.unique("报警化工"), town, "化学原料制造");
    device = fixtures.device(enterprise, TestAlarms.unique("QSDUTY"));
    registry.reload();
    minor = fixtures.alarm(device, "MINOR", "CONSTANT", "二氧化硫恒值 " + town);
    critical = fixtures.alarm(device, "CRITICAL", "EXCEEDANCE", "二氧化硫超标 " + town);
    fixtures.hourData(device, 300);
  }

  @Test
  void screenListsOpenAlarmsMostUrgentFirstAndFilters() {
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    assertThat(leader.get("/duty").statusCode()).isEqualTo(200);
    assertThat(leader.get("/duty").body())
        .contains("<option value=\"" + town + "\">", "name=\"severity\"")
        .doesNotContain("selected");
    // the list keeps the filters chosen
    assertThat(leader.get("/duty/alarms?severity=CRITICAL&town=" + encode(town)).body())
        .contains(
            "<option value=\"" + town + "\" selected=\"selected\">",
            "<option value=\"CRITICAL\" selected=\"selected\">");
    String json = json(leader, "/duty/open.json?town=" + encode(town));
    assertThat(json.indexOf("\"id\":" + critical)).isLessThan(json.indexOf("\"id\":" + minor));
    assertThat(json).contains("\"total\":2", "超标", "恒值");
    String onlyCritical =
        json(leader, "/duty/open.json?town=" + encode(town) + "&severity=CRITICAL");
    assertThat(onlyCritical).contains("\"total\":1").doesNotContain("\"id\":" + minor + ",");
    String byType = json(leader, "/duty/open.json?town=" + encode(town) + "&type=CONSTANT");
    assertThat(byType).contains("\"id\":" + minor + ",").doesNotContain("\"id\":" + critical + ",");
  }

  @Test
  void alarmPageShowsTheDataAndTheRule() {
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    HttpResponse<String> page = dispatcher.get("/duty/alarms/" + critical);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("二氧化硫超标", "520.5", "200", "确认", "关闭报警");
    String series = json(dispatcher, "/duty/alarms/" + critical + "/series.json");
    assertThat(series).contains("\"factor\":\"a21026\"", "\"limit\":200.0", "306.0");
  }

  @Test
  void dispatcherAcknowledgesAndClosesWithANoteOnTheAuditRecord() {
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    dispatcher.get("/duty/alarms/" + critical);
    HttpResponse<String> ack =
        dispatcher.post("/duty/alarms/" + critical + "/acknowledge", Map.of());
    assertThat(ack.statusCode()).isEqualTo(302);
    assertThat(fixtures.status(critical)).isEqualTo("ACKNOWLEDGED");
    assertThat(dispatcher.get("/duty/alarms/" + critical).body()).contains("dispatcher", "已确认");

    dispatcher.post("/duty/alarms/" + critical + "/close", Map.of("note", " "));
    assertThat(fixtures.status(critical)).as("a close needs a note").isEqualTo("ACKNOWLEDGED");
    dispatcher.get("/duty/alarms/" + critical);
    dispatcher.post("/duty/alarms/" + critical + "/close", Map.of("note", "已电话督促企业整改"));
    assertThat(fixtures.status(critical)).isEqualTo("CLOSED");
    assertThat(
            jdbc.sql("SELECT closed_by || ':' || close_note FROM alarm WHERE id = :id")
                .param("id", critical)
                .query(String.class)
                .single())
        .isEqualTo("dispatcher:已电话督促企业整改");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = 'dispatcher'"
                        + " AND entity_type = 'alarm' AND entity_id = :id AND action = 'UPDATE'")
                .param("id", String.valueOf(critical))
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(json(dispatcher, "/duty/open.json?town=" + encode(town)))
        .doesNotContain("\"id\":" + critical + ",");
  }

  @Test
  void leaderSeesButCannotActAndOthersSeeNothing() {
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    assertThat(leader.get("/duty/alarms/" + minor).body()).doesNotContain("关闭报警");
    leader.get("/duty/alarms/" + minor);
    assertThat(leader.post("/duty/alarms/" + minor + "/acknowledge", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(fixtures.status(minor)).isEqualTo("OPEN");
    for (String user : new String[] {"planner", "grid", "enterprise"}) {
      WebSession s = WebSession.loggedIn(port, user, "qingshan2026");
      assertThat(s.get("/duty").statusCode()).as(user).isEqualTo(403);
      assertThat(s.get("/duty/open.json").statusCode()).as(user).isEqualTo(403);
    }
  }

  @Test
  void listSearchesAllAlarmsAndExports() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    jdbc.sql("UPDATE alarm SET status = 'CLOSED' WHERE id = :id").param("id", minor).update();
    String all = admin.get("/duty/alarms?q=" + encode(town)).body();
    assertThat(all).contains("二氧化硫恒值", "二氧化硫超标");
    String closed = admin.get("/duty/alarms?status=CLOSED&q=" + encode(town)).body();
    assertThat(closed).contains("二氧化硫恒值").doesNotContain("二氧化硫超标");
    HttpResponse<byte[]> export = admin.getBytes("/duty/alarms/export?q=" + encode(town));
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body().length).isGreaterThan(1000);
    assertThat(export.body()[0]).as("an xlsx (zip)").isEqualTo((byte) 'P');
  }

  @Test
  void homeTileAndMapLayerAndDeviceSection() {
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(dispatcher.get("/").body()).contains("未关闭报警");
    String layer = json(dispatcher, "/duty/map-layer.json");
    assertThat(layer).contains("#d93025");
    assertThat(dispatcher.get("/map").body()).contains("/duty/map-layer.json");
    assertThat(dispatcher.get("/devices/" + device).body()).contains("二氧化硫超标", "未关闭报警（2）");

    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    assertThat(planner.get("/").body()).doesNotContain("未关闭报警");
    assertThat(planner.get("/map").body()).doesNotContain("/duty/map-layer.json");
  }

  @Test
  void enterprisePageSectionListsTheEnterprisesAlarms() {
    List<PageSections.Rendered> sections = pageSections.of(PageSection.ENTERPRISE, enterprise);
    PageSections.Rendered alarms =
        sections.stream()
            .filter(s -> s.fragment().equals("duty/sections :: enterprise"))
            .findFirst()
            .orElseThrow();
    assertThat(alarms.model()).containsEntry("open", 2L);
    assertThat((List<?>) alarms.model().get("alarms")).hasSize(2);
  }

  @Test
  void mapColoursEnterprisesByTheirWorstOpenAlarm() {
    long quiet = fixtures.enterprise(TestAlarms.unique("无报警企业"), town, "食品制造");
    long mild = fixtures.enterprise(TestAlarms.unique("一般报警企业"), town, "食品制造");
    fixtures.alarm(fixtures.device(mild, TestAlarms.unique("QSMILD")), "WARNING", "JUMP", "突变");
    var layer = new DutyAlarms(jdbc).enterprisesOnMap();
    assertThat(colour(layer, enterprise)).isEqualTo(DutyMapLayerController.RED);
    assertThat(colour(layer, mild)).isEqualTo(DutyMapLayerController.ORANGE);
    assertThat(colour(layer, quiet)).isEqualTo(DutyMapLayerController.GREEN);
  }

  private static String colour(List<DutyAlarms.EnterpriseOnMap> layer, long id) {
    return DutyMapLayerController.colour(
        layer.stream().filter(e -> e.id() == id).findFirst().orElseThrow());
  }

  /** A JSON read, as the page's script makes it (not asking for HTML). */
  private static String json(WebSession session, String path) {
    return new String(session.getBytes(path).body(), StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
