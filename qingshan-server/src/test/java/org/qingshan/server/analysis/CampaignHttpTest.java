package org.qingshan.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.cases.Assignees;
import org.qingshan.server.cases.CaseFile;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.Sheets;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** 集中治理 over HTTP: a campaign, cases put in by number and by a filter, its progress, access. */
@DemoServerTest
class CampaignHttpTest {
  @LocalServerPort int port;
  @Autowired CaseService cases;
  @Autowired Assignees assignees;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired DepartmentService departments;
  CaseFixtures fixtures;

  @AfterEach
  void logOut() {
    if (fixtures != null) {
      fixtures.logOut();
    }
  }

  @Test
  void aCampaignTakesCasesByHandAndByFilterAndShowsItsProgress() {
    fixtures = new CaseFixtures(cases, assignees, users, jdbc);
    TestAlarms registry = new TestAlarms(jdbc);
    String town = TestAlarms.unique("治理镇");
    long enterprise = registry.enterprise(TestAlarms.unique("治理化工"), town, "化学原料制造");
    CaseFile closed = fixtures.closedByGrid(fixtures.open("雨污混排", CaseType.WATER, enterprise));
    CaseFile late = fixtures.open("露天焚烧", CaseType.AIR, enterprise);
    fixtures.dispatch(late, assignees.user("grid"));
    fixtures.overdue(late);
    CaseFile pending = fixtures.open("扬尘未覆盖", CaseType.AIR, enterprise);
    CaseFile noise = fixtures.open("夜间施工噪声", CaseType.NOISE, enterprise);
    fixtures.logOut();

    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(dispatcher.get("/campaigns/new").statusCode()).isEqualTo(200);
    String name = TestAlarms.unique("大气污染防治百日攻坚");
    long housing = departments.resolve("县住房和城乡建设局").orElseThrow().id();
    HttpResponse<String> created =
        dispatcher.post(
            "/campaigns",
            Map.of(
                "name",
                name,
                "goal",
                "清理露天焚烧和工地扬尘",
                "deadline",
                LocalDate.now().plusDays(30).toString(),
                "departmentId",
                String.valueOf(housing)));
    assertThat(created.statusCode()).isEqualTo(302);
    String path = WebSession.location(created).replaceFirst("^https?://[^/]+", "");
    assertThat(path).matches("/campaigns/\\d+");
    assertThat(dispatcher.get(path).body()).contains("专项行动已保存", name, "0/0（0%）");

    // a number that is no case refuses the whole list
    dispatcher.post(path + "/cases", Map.of("numbers", closed.caseNo() + " 1999-9999"));
    assertThat(dispatcher.get(path).body()).contains("以下编号没有对应的案件", "1999-9999", "0/0（0%）");

    // by hand: a case number and a case id
    dispatcher.post(path + "/cases", Map.of("numbers", closed.caseNo() + "，" + late.id()));
    assertThat(dispatcher.get(path).body()).contains("本次新纳入 2 件案件", "1/2（50%）");

    // by filter: the town's air cases, one of them already in
    dispatcher.post(
        path + "/filter",
        Map.of(
            "from",
            LocalDate.now().minusDays(1).toString(),
            "to",
            LocalDate.now().plusDays(1).toString(),
            "type",
            "AIR",
            "town",
            town));
    String page = dispatcher.get(path).body();
    assertThat(page)
        .contains(
            "本次新纳入 1 件案件",
            "1/3（33%）",
            closed.caseNo(),
            late.caseNo(),
            pending.caseNo(),
            "县住房和城乡建设局")
        .doesNotContain(noise.caseNo());
    assertThat(page).containsPattern("id=\"campaign-overdue\"[^>]*>1<");

    String list = dispatcher.get("/campaigns?q=" + encode(name)).body();
    assertThat(list).contains(name, "1/3（33%）");
    String sheet = Sheets.text(dispatcher.getBytes(path + "/export").body());
    assertThat(sheet).contains(closed.caseNo(), late.caseNo(), pending.caseNo(), "超期");
    String all = Sheets.text(dispatcher.getBytes("/campaigns/export?q=" + encode(name)).body());
    assertThat(all).contains(name + "\t清理露天焚烧和工地扬尘", "\t3\t1\t1\t33%");

    // removing a case takes it out of the progress
    dispatcher.post(path + "/cases/" + pending.id() + "/remove", Map.of());
    assertThat(dispatcher.get(path).body()).contains("1/2（50%）");

    // the leader follows it without the forms; a grid member may neither read nor change it
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    String seen = leader.get(path).body();
    assertThat(seen).contains(name).doesNotContain("campaign-add-numbers", "campaign-add-filter");
    assertThat(leader.post(path + "/cases", Map.of("numbers", noise.caseNo())).statusCode())
        .isEqualTo(403);
    WebSession grid = WebSession.loggedIn(port, "grid", "qingshan2026");
    assertThat(grid.get("/campaigns").statusCode()).isEqualTo(403);
    assertThat(grid.get(path).statusCode()).isEqualTo(403);
    assertThat(
            grid.post("/campaigns", Map.of("name", "越权", "deadline", LocalDate.now().toString()))
                .statusCode())
        .isEqualTo(403);
    assertThat(grid.post(path + "/cases", Map.of("numbers", noise.caseNo())).statusCode())
        .isEqualTo(403);
    assertThat(dispatcher.get(path).body()).doesNotContain(noise.caseNo());
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
