package org.qingshan.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.PollutionSources;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.TestPhotos;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The handlers' side over HTTP: the grid member's phone page, the enterprise's portal, and 转为案件 on
 * the duty screen.
 */
@DemoServerTest
class CaseHandlingHttpTest {
  static final String PASSWORD = "qingshan2026";
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired CaseService cases;
  @Autowired Assignees assignees;
  @Autowired UserDetailsService users;
  @Autowired UserService userService;
  @Autowired OutletRepository outlets;
  @Autowired EnterpriseRepository enterprises;
  @Autowired DeviceRegistry registry;

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  /** A case the dispatcher opened and handed on, through the service. */
  CaseFile handedTo(Assignee to, String title) {
    UserDetails user = users.loadUserByUsername("dispatcher");
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    CaseFile c =
        cases.open(NewCase.of(title, CaseType.AIR, CaseSource.PATROL, Severity.MINOR, "露天焚烧"));
    c = cases.dispatch(c.id(), to, Optional.empty(), StepInput.text("请处理"));
    SecurityContextHolder.clearContext();
    return c;
  }

  String status(long id) {
    return jdbc.sql("SELECT status FROM case_file WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  int version(long id) {
    return jdbc.sql("SELECT version FROM case_file WHERE id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  @Test
  void gridMemberTakesAndHandlesWithAPhotoAndAsksForMoreTime() {
    CaseFile c = handedTo(assignees.user("grid"), TestAlarms.unique("焚烧秸秆"));
    WebSession grid = WebSession.loggedIn(port, "grid", PASSWORD);
    assertThat(grid.get("/m/cases").body()).contains("/m/cases/" + c.id() + "\"", c.title());
    String page = grid.get("/m/cases/" + c.id()).body();
    assertThat(page)
        .contains("id=\"take\"", "capture=\"environment\"", "accept=\"image/*\"")
        .doesNotContain("id=\"step-accept\"");
    assertThat(grid.post("/m/cases/" + c.id() + "/take", Map.of()).statusCode()).isEqualTo(302);
    grid.get("/m/cases/" + c.id());
    grid.post("/m/cases/" + c.id() + "/comment", Map.of("text", "已到现场，正在联系责任人"));
    assertThat(grid.get("/m/cases/" + c.id()).body()).contains("已到现场，正在联系责任人", "备注");
    assertThat(status(c.id())).isEqualTo("IN_PROGRESS");

    grid.get("/m/cases/" + c.id());
    LocalDate until = LocalDate.now().plusDays(20);
    HttpResponse<String> asked =
        grid.post(
            "/m/cases/" + c.id() + "/extension",
            Map.of("until", until.toString(), "text", "需协调环卫车辆"));
    assertThat(asked.statusCode()).isEqualTo(302);
    assertThat(grid.get("/m/cases/" + c.id()).body())
        .contains("申请延期至 " + until + "：需协调环卫车辆", "已申请延期");

    // the dispatcher grants the time asked: the deadline moves to the end of that day
    WebSession bureau = WebSession.loggedIn(port, "dispatcher", PASSWORD);
    assertThat(bureau.get("/cases/" + c.id()).body())
        .contains("id=\"step-grant-extension\"", "id=\"step-deny-extension\"");
    bureau.post("/cases/" + c.id() + "/grant-extension", Map.of("until", until.toString()));
    assertThat(bureau.get("/cases/" + c.id()).body())
        .contains(until + " 23:59")
        .doesNotContain("id=\"step-grant-extension\"");

    HttpResponse<String> handled =
        MultipartForm.post(
            port,
            grid,
            "/m/cases/handle?id=" + c.id(),
            Map.of(
                "text", "已扑灭并清理",
                "lat", "36.05",
                "lng", "115.31",
                "version", String.valueOf(version(c.id()))),
            "photos",
            "fire.png",
            TestPhotos.png(120, 90, "GPS 13700000000"));
    assertThat(handled.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(handled)).endsWith("/m/cases/" + c.id());
    assertThat(status(c.id())).isEqualTo("AWAITING_VERIFICATION");
    String after = grid.get("/m/cases/" + c.id()).body();
    assertThat(after)
        .contains("待核查", "已扑灭并清理", "纬度 36.05")
        .containsPattern("/cases/" + c.id() + "/photos/\\d+");

    // the dispatcher verifies and the case is closed
    WebSession d = WebSession.loggedIn(port, "dispatcher", PASSWORD);
    assertThat(d.get("/cases/" + c.id()).body()).contains("id=\"step-verify\"", "已扑灭并清理");
    // the on-site check comes with its own photo, stripped like the handler's
    HttpResponse<String> verified =
        MultipartForm.post(
            port,
            d,
            "/cases/" + c.id() + "/verify",
            Map.of("text", "现场核查属实", "version", String.valueOf(version(c.id()))),
            "photos",
            "check.png",
            TestPhotos.png(80, 60, "GPS 13600000000"));
    assertThat(verified.statusCode()).isEqualTo(302);
    assertThat(status(c.id())).isEqualTo("CLOSED");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM case_photo p JOIN case_step s ON s.id = p.step_id"
                        + " WHERE s.case_id = :c AND s.action = 'VERIFY'")
                .param("c", c.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aPhotoThatIsNoImageIsRefusedWithAMessageAndNothingIsStored() {
    CaseFile c = handedTo(assignees.user("grid"), TestAlarms.unique("渣土"));
    WebSession grid = WebSession.loggedIn(port, "grid", PASSWORD);
    grid.get("/m/cases/" + c.id());
    HttpResponse<String> bad =
        MultipartForm.post(
            port,
            grid,
            "/m/cases/handle?id=" + c.id(),
            Map.of("text", "已处理"),
            "photos",
            "x.jpg",
            "<html>not an image</html>".getBytes());
    assertThat(bad.statusCode()).isEqualTo(302);
    assertThat(status(c.id())).isEqualTo("DISPATCHED");
    assertThat(grid.get("/m/cases/" + c.id()).body()).contains("class=\"error\"");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM case_photo WHERE case_id = :c")
                .param("c", c.id())
                .query(Integer.class)
                .single())
        .isZero();
    // a liaison may not send to the grid member's case
    WebSession liaison = WebSession.loggedIn(port, "liaison", PASSWORD);
    liaison.get("/m/cases");
    assertThat(
            MultipartForm.post(
                    port,
                    liaison,
                    "/m/cases/handle?id=" + c.id(),
                    Map.of("text", "冒名"),
                    "photos",
                    "a.png",
                    TestPhotos.png(10, 10, ""))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void theEnterpriseAnswersItsCaseInThePortalAndNotAnothers() {
    PollutionSources.Source source =
        new PollutionSources(enterprises, outlets, registry, userService, jdbc)
            .create("案件化工", OutletKind.GAS);
    long own = source.enterpriseId();
    CaseFile mine = handedTo(assignees.enterprise(own), TestAlarms.unique("厂界异味"));
    TestAlarms fixtures = new TestAlarms(jdbc);
    long other = fixtures.enterprise(TestAlarms.unique("别家化工"), "青山镇", "化工");
    CaseFile theirs = handedTo(assignees.enterprise(other), TestAlarms.unique("别家异味"));

    WebSession e = WebSession.loggedIn(port, source.username(), PollutionSources.PASSWORD);
    String list = e.get("/portal/cases").body();
    assertThat(list).contains("/portal/cases/" + mine.id() + "\"");
    assertThat(list).doesNotContain("/portal/cases/" + theirs.id() + "\"");
    assertThat(e.get("/portal/cases/" + theirs.id()).statusCode()).isEqualTo(403);
    assertThat(e.get("/portal/cases/" + mine.id()).body()).contains("id=\"handle-form\"");
    HttpResponse<String> answered =
        MultipartForm.post(
            port,
            e,
            "/portal/cases/handle?id=" + mine.id(),
            Map.of("text", "已更换活性炭"),
            "photos",
            "carbon.png",
            TestPhotos.png(50, 50, ""));
    assertThat(answered.statusCode()).isEqualTo(302);
    assertThat(status(mine.id())).isEqualTo("AWAITING_VERIFICATION");
    assertThat(e.get("/portal/cases/" + mine.id()).body()).contains("已更换活性炭", "待核查");
    // nor may it send the handling of another's case
    e.get("/portal/cases");
    assertThat(
            MultipartForm.post(
                    port,
                    e,
                    "/portal/cases/handle?id=" + theirs.id(),
                    Map.of("text", "x"),
                    null,
                    null,
                    null)
                .statusCode())
        .isEqualTo(403);
    assertThat(status(theirs.id())).isEqualTo("DISPATCHED");
  }

  @Test
  void anAlarmBecomesACaseInOneClickAndTheDutyScreenLinksIt() {
    TestAlarms fixtures = new TestAlarms(jdbc);
    String name = TestAlarms.unique("转案化工");
    long enterprise = fixtures.enterprise(name, "青山镇", "化学原料制造");
    long device = fixtures.device(enterprise, TestAlarms.unique("QSCASE"));
    registry.reload();
    long alarm = fixtures.alarm(device, "CRITICAL", "EXCEEDANCE", "二氧化硫超标 " + name);

    WebSession leader = WebSession.loggedIn(port, "leader", PASSWORD);
    assertThat(leader.get("/duty/alarms/" + alarm).body()).doesNotContain("id=\"to-case\"");
    assertThat(leader.post("/cases/from-alarm/" + alarm, Map.of()).statusCode()).isEqualTo(403);

    WebSession d = WebSession.loggedIn(port, "dispatcher", PASSWORD);
    assertThat(d.get("/duty/alarms/" + alarm).body()).contains("id=\"to-case\"", "转为案件");
    HttpResponse<String> made = d.post("/cases/from-alarm/" + alarm, Map.of());
    assertThat(made.statusCode()).isEqualTo(302);
    String where = WebSession.location(made);
    assertThat(where).matches(".*/cases/\\d+$");
    long id = Long.parseLong(where.replaceAll(".*/cases/", ""));
    Map<String, Object> row =
        jdbc.sql(
                "SELECT type, source, severity, enterprise_id, alarm_id FROM case_file WHERE id = :id")
            .param("id", id)
            .query()
            .singleRow();
    assertThat(row.values())
        .containsExactly("ONLINE_MONITORING", "ALARM", "CRITICAL", enterprise, alarm);
    assertThat(d.get(where.replaceAll("^https?://[^/]+", "")).body())
        .contains(name, "在线监测异常", "案件已登记");
    String caseNo =
        jdbc.sql("SELECT case_no FROM case_file WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    assertThat(d.get("/duty/alarms/" + alarm).body())
        .contains("id=\"alarm-case\"", caseNo)
        .doesNotContain("id=\"to-case\"");
    String json =
        new String(d.getBytes("/duty/open.json?severity=CRITICAL").body(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"caseNo\":\"" + caseNo + "\"");
    // a second click is told the alarm has its case, and lands on it
    HttpResponse<String> again = d.post("/cases/from-alarm/" + alarm, Map.of());
    assertThat(WebSession.location(again)).endsWith("/cases/" + id);
    assertThat(d.get("/cases/" + id).body()).contains("该报警已有办理中的案件");
  }
}
