package org.qingshan.server.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestPhotos;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 巡查打卡 over HTTP: a member's check-in with photos; a problem found opens a case (source 网格巡查, the
 * grid, its town, the position, the photos) at once; another grid's check-in refused and audited; a
 * file that is no photo stores nothing.
 */
@DemoServerTest
class PatrolHttpTest {
  @LocalServerPort int port;
  @Autowired GridService grids;
  @Autowired UserService users;
  @Autowired DepartmentService departments;
  @Autowired EnterpriseRepository enterprises;
  @Autowired JdbcClient jdbc;
  GridTestData data;
  Department town;
  Grid townGrid;
  Grid village;
  AppUser member;
  WebSession session;

  @BeforeEach
  void setUp() {
    data = new GridTestData(grids, users, departments, enterprises);
    town = data.town(GridTestData.unique("巡查镇"));
    townGrid = data.grid(town.name() + "网格", 2, null, town.id(), "");
    village = data.grid(GridTestData.unique("巡查村网格"), 3, townGrid.id(), null, "");
    member = data.member(GridTestData.unique("巡查网格员"));
    grids.addMember(village.id(), member.username());
    session = WebSession.loggedIn(port, member.username(), GridTestData.PASSWORD);
  }

  @Test
  void aFindingOpensAPatrolCaseWithTheGridTownPositionAndPhotos() {
    Enterprise e = data.enterprise(GridTestData.unique("巡查企业"), Optional.empty(), null, null);
    grids.addEnterprise(village.id(), e.id());
    String page = session.get("/m/patrol").body();
    assertThat(page)
        .contains(
            village.name(), "每 2 天 1 次", "accept=\"image/*\"", "capture=\"environment\"", e.name());

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("gridId", "" + village.id());
    fields.put("lat", "36.5512");
    fields.put("lng", "115.7013");
    fields.put("findings", "河边堆放建筑垃圾，有扬尘");
    fields.put("problem", "true");
    fields.put("caseType", "DUST");
    fields.put("enterpriseId", "" + e.id());
    HttpResponse<String> r =
        post(
            fields, List.of(TestPhotos.png(40, 30, "EXIF-GPS-secret"), TestPhotos.png(20, 20, "")));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(r)).endsWith("/m/patrol");

    Map<String, Object> patrol =
        jdbc.sql("SELECT id, case_id, problem, lat FROM patrol WHERE username = :u")
            .param("u", member.username())
            .query()
            .singleRow();
    assertThat(patrol.get("problem")).isEqualTo(true);
    long caseId = ((Number) patrol.get("case_id")).longValue();
    Map<String, Object> c =
        jdbc.sql(
                "SELECT source, type, grid_id, town_id, lat, lng, enterprise_id, status, created_by,"
                    + " title, place FROM case_file WHERE id = :id")
            .param("id", caseId)
            .query()
            .singleRow();
    assertThat(c.get("source")).isEqualTo("PATROL");
    assertThat(c.get("type")).isEqualTo("DUST");
    assertThat(((Number) c.get("grid_id")).longValue()).isEqualTo(village.id());
    assertThat(((Number) c.get("town_id")).longValue()).isEqualTo(town.id());
    assertThat(((Number) c.get("enterprise_id")).longValue()).isEqualTo(e.id());
    assertThat((Double) c.get("lat")).isEqualTo(36.5512);
    assertThat((Double) c.get("lng")).isEqualTo(115.7013);
    assertThat(c.get("status")).isEqualTo("PENDING");
    assertThat(c.get("created_by")).isEqualTo(member.username());
    assertThat((String) c.get("title")).contains(village.name(), "河边堆放建筑垃圾");
    assertThat(count("SELECT COUNT(*) FROM case_photo WHERE case_id = " + caseId)).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM patrol_photo WHERE patrol_id = " + patrol.get("id")))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'patrol' AND entity_id = '"
                    + patrol.get("id")
                    + "'"))
        .isEqualTo(1);

    String after = session.get("/m/patrol").body();
    assertThat(after).contains("巡查已打卡，发现的问题已生成案件", "河边堆放建筑垃圾");

    // the member's own photo is theirs to see; the bureau's too
    long photo = count("SELECT MIN(id) FROM patrol_photo WHERE patrol_id = " + patrol.get("id"));
    HttpResponse<byte[]> own = session.getBytes("/grids/patrols/photos/" + photo);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(new String(own.body(), StandardCharsets.ISO_8859_1))
        .doesNotContain("EXIF-GPS-secret");
    AppUser stranger = data.member(GridTestData.unique("旁人"));
    WebSession other = WebSession.loggedIn(port, stranger.username(), GridTestData.PASSWORD);
    assertThat(other.getBytes("/grids/patrols/photos/" + photo).statusCode()).isEqualTo(403);
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(dispatcher.getBytes("/grids/patrols/photos/" + photo).statusCode()).isEqualTo(200);
    assertThat(dispatcher.get("/grids/patrols?grid=" + village.id() + "&problems=true").body())
        .contains("河边堆放建筑垃圾", "/cases/" + caseId, "/grids/patrols/photos/" + photo);
  }

  @Test
  void aRoutinePatrolOpensNoCase() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("gridId", "" + village.id());
    fields.put("findings", "");
    HttpResponse<String> r = post(fields, List.of());
    assertThat(r.statusCode()).isEqualTo(302);
    Map<String, Object> p =
        jdbc.sql("SELECT findings, problem, case_id FROM patrol WHERE username = :u")
            .param("u", member.username())
            .query()
            .singleRow();
    assertThat(p.get("findings")).isEqualTo("未发现问题");
    assertThat(p.get("problem")).isEqualTo(false);
    assertThat(p.get("case_id")).isNull();
    assertThat(session.get("/m/patrol").body()).contains("本周已巡 1 次");
  }

  @Test
  void aCheckInOnAnotherMembersGridIsRefusedAndAudited() {
    Grid theirs = data.grid(GridTestData.unique("他人网格"), 3, townGrid.id(), null, "");
    long before = denials(member.username(), theirs.id());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("gridId", "" + theirs.id());
    fields.put("findings", "冒名打卡");
    fields.put("problem", "true");
    HttpResponse<String> r = post(fields, List.of(TestPhotos.png(10, 10, "")));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(denials(member.username(), theirs.id())).isEqualTo(before + 1);
    assertThat(count("SELECT COUNT(*) FROM patrol WHERE grid_id = " + theirs.id())).isZero();
    assertThat(count("SELECT COUNT(*) FROM case_file WHERE grid_id = " + theirs.id())).isZero();
    // a dispatcher is no grid member: the page and the form are not theirs
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(dispatcher.get("/m/patrol").statusCode()).isEqualTo(403);
  }

  @Test
  void badInputIsExplainedAndStoresNothing() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("gridId", "" + village.id());
    fields.put("findings", "发现异味");
    fields.put("problem", "true");
    HttpResponse<String> notImage =
        post(fields, List.of("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
    assertThat(notImage.statusCode()).isEqualTo(400);
    assertThat(notImage.body()).contains("发现异味");
    Map<String, String> noText = new LinkedHashMap<>(fields);
    noText.put("findings", " ");
    assertThat(post(noText, List.of()).body()).contains("发现问题时须填写问题描述");
    Map<String, String> halfPosition = new LinkedHashMap<>(fields);
    halfPosition.put("lat", "36.5");
    assertThat(post(halfPosition, List.of()).body()).contains("位置不正确");
    Map<String, String> junkPosition = new LinkedHashMap<>(fields);
    junkPosition.put("lat", "北纬");
    junkPosition.put("lng", "115");
    assertThat(post(junkPosition, List.of()).statusCode()).isEqualTo(400);
    assertThat(count("SELECT COUNT(*) FROM patrol WHERE username = '" + member.username() + "'"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM case_file WHERE grid_id = " + village.id())).isZero();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private long denials(String actor, long gridId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND action = 'ACCESS_DENIED'"
                + " AND entity_type = 'grid' AND entity_id = :id")
        .param("a", actor)
        .param("id", Long.toString(gridId))
        .query(Long.class)
        .single();
  }

  /** The phone page's form: fields and photos as a browser sends them, with the CSRF token. */
  private HttpResponse<String> post(Map<String, String> fields, List<byte[]> photos) {
    session.get("/m/patrol");
    String boundary = "----patrol" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    PrintStream w = new PrintStream(body, true, StandardCharsets.UTF_8);
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", session.csrfToken());
    all.forEach(
        (k, v) ->
            w.print(
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + k
                    + "\"\r\n\r\n"
                    + v
                    + "\r\n"));
    int n = 0;
    for (byte[] photo : photos) {
      w.print(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p"
              + n++
              + ".png\"\r\nContent-Type: image/png\r\n\r\n");
      w.write(photo, 0, photo.length);
      w.print("\r\n");
    }
    w.print("--" + boundary + "--\r\n");
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/m/patrol"))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .header("Cookie", session.cookieHeader())
                  .header("Accept", "text/html")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
