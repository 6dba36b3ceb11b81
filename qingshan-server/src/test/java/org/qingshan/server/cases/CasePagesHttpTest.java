package org.qingshan.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.TestPhotos;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bureau's case pages over HTTP: list, search, export, a new case, steps, refusals. */
@DemoServerTest
class CasePagesHttpTest {
  static final String PASSWORD = "qingshan2026";
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  WebSession dispatcher() {
    return WebSession.loggedIn(port, "dispatcher", PASSWORD);
  }

  /** Opens a case through the form with a photo; returns its id. */
  long open(WebSession s, String title) {
    s.get("/cases/new");
    HttpResponse<String> r =
        MultipartForm.post(
            port,
            s,
            "/cases",
            Map.of(
                "title", title,
                "type", "DUST",
                "source", "PATROL",
                "severity", "MAJOR",
                "place", "青山镇工地",
                "lat", "36.1",
                "lng", "115.2",
                "description", "工地未覆盖 " + title),
            "photos",
            "site.png",
            TestPhotos.png(80, 60, "owner 13900000000"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    Matcher m = Pattern.compile("/cases/(\\d+)$").matcher(WebSession.location(r));
    assertThat(m.find()).as(WebSession.location(r)).isTrue();
    return Long.parseLong(m.group(1));
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  int version(long id) {
    return jdbc.sql("SELECT version FROM case_file WHERE id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  String status(long id) {
    return jdbc.sql("SELECT status FROM case_file WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  @Test
  void dispatcherOpensSearchesAndExportsCases() {
    WebSession d = dispatcher();
    String title = TestAlarms.unique("扬尘工地");
    long id = open(d, title);
    HttpResponse<String> page = d.get("/cases/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(title, "待受理", "扬尘", "网格巡查", "青山镇工地", "id=\"step-accept\"", "id=\"case-map\"")
        .containsPattern("/cases/" + id + "/photos/\\d+");
    // the photo: a JPEG we wrote, never sniffed
    Matcher photo = Pattern.compile("/cases/" + id + "/photos/(\\d+)").matcher(page.body());
    assertThat(photo.find()).isTrue();
    HttpResponse<byte[]> jpeg = d.getBytes(photo.group());
    assertThat(jpeg.statusCode()).isEqualTo(200);
    assertThat(jpeg.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(jpeg.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(jpeg.body()).startsWith(0xFF, 0xD8, 0xFF);

    String row = "href=\"/cases/" + id + "\"";
    String list = d.get("/cases?q=" + encode(title)).body();
    assertThat(list).contains(row, "现行办理时限", "登记案件");
    assertThat(d.get("/cases?q=" + encode(title) + "&status=CLOSED").body()).doesNotContain(row);
    assertThat(d.get("/cases?q=" + encode(title) + "&source=PATROL&type=DUST").body())
        .contains(row);
    assertThat(d.get("/cases?q=" + encode(title) + "&source=ALARM").body()).doesNotContain(row);
    assertThat(d.get("/cases?q=" + encode(title) + "&overdue=true").body()).doesNotContain(row);
    // past its deadline: in the overdue list and marked; close to it: 临期
    jdbc.sql("UPDATE case_file SET deadline = :d WHERE id = :id")
        .param("d", OffsetDateTime.now().minusHours(2))
        .param("id", id)
        .update();
    String overdue = d.get("/cases?q=" + encode(title) + "&overdue=true").body();
    assertThat(overdue).contains(row, "tag deadline-overdue", "已超期");
    jdbc.sql("UPDATE case_file SET deadline = :d WHERE id = :id")
        .param("d", OffsetDateTime.now().plusHours(2))
        .param("id", id)
        .update();
    assertThat(d.get("/cases/" + id).body()).contains("id=\"case-deadline-state\"", "临期");
    HttpResponse<byte[]> export = d.getBytes("/cases/export?q=" + encode(title));
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("spreadsheet");
  }

  @Test
  void dispatcherTakesTheBureauStepsAndAStalePageIsTold() {
    WebSession d = dispatcher();
    long id = open(d, TestAlarms.unique("异味投诉"));
    int shown = version(id);
    d.get("/cases/" + id);
    HttpResponse<String> accept =
        d.post("/cases/" + id + "/accept", Map.of("version", String.valueOf(shown)));
    assertThat(accept.statusCode()).isEqualTo(302);
    assertThat(status(id)).isEqualTo("ACCEPTED");
    assertThat(d.get("/cases/" + id).body()).contains("已保存");
    // the same stale page sent again is told, and nothing changes
    HttpResponse<String> stale =
        d.post("/cases/" + id + "/urge", Map.of("version", String.valueOf(shown)));
    assertThat(stale.statusCode()).isEqualTo(302);
    assertThat(d.get("/cases/" + id).body()).contains("该记录已被他人修改");
    assertThat(version(id)).isEqualTo(shown + 1);

    HttpResponse<String> dispatch =
        d.post(
            "/cases/" + id + "/dispatch",
            Map.of(
                "version", String.valueOf(version(id)),
                "assigneeKind", "USER",
                "user", "grid",
                "text", "请现场核实"));
    assertThat(dispatch.statusCode()).isEqualTo(302);
    assertThat(status(id)).isEqualTo("DISPATCHED");
    String page = d.get("/cases/" + id).body();
    assertThat(page).contains("网格员 赵强", "请现场核实", "已转办");
  }

  @Test
  void readersSeeButDoNotSteerAndHandlersAreKeptToTheirOwn() {
    WebSession d = dispatcher();
    long id = open(d, TestAlarms.unique("噪声"));
    d.get("/cases/" + id);
    d.post(
        "/cases/" + id + "/dispatch",
        Map.of("version", String.valueOf(version(id)), "assigneeKind", "USER", "user", "liaison"));
    WebSession leader = WebSession.loggedIn(port, "leader", PASSWORD);
    String page = leader.get("/cases/" + id).body();
    assertThat(page).contains("id=\"step-supervise\"").doesNotContain("id=\"step-urge\"");
    assertThat(leader.post("/cases/" + id + "/urge", Map.of()).statusCode()).isEqualTo(403);
    WebSession planner = WebSession.loggedIn(port, "planner", PASSWORD);
    assertThat(planner.get("/cases/new").statusCode()).isEqualTo(403);

    // the grid member may not open the bureau's pages nor another's case on their own page
    WebSession grid = WebSession.loggedIn(port, "grid", PASSWORD);
    assertThat(grid.get("/cases").statusCode()).isEqualTo(403);
    assertThat(grid.get("/m/cases/" + id).statusCode()).isEqualTo(403);
    assertThat(grid.getBytes("/cases/" + id + "/photos/1").statusCode()).isEqualTo(403);
    assertThat(grid.get("/m/cases").body()).doesNotContain("/m/cases/" + id + "\"");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = 'grid'"
                        + " AND action = 'ACCESS_DENIED' AND entity_type = 'case'"
                        + " AND entity_id = :id")
                .param("id", String.valueOf(id))
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(1);
    // the liaison it was handed to sees it on the phone page
    WebSession liaison = WebSession.loggedIn(port, "liaison", PASSWORD);
    assertThat(liaison.get("/m/cases").body()).contains("/m/cases/" + id + "\"");
    assertThat(liaison.get("/m/cases/" + id).body()).contains("id=\"take\"");
  }
}
