package org.qingshan.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * 分析研判 over HTTP on cases this test opens in a town of its own: counts by type and enterprise,
 * repeat offenders, on-time rates of the grid member and the department, the exports, and who may
 * read it.
 */
@DemoServerTest
class AnalysisHttpTest {
  @LocalServerPort int port;
  @Autowired CaseService cases;
  @Autowired Assignees assignees;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired DepartmentService departments;

  CaseFixtures fixtures;
  String town;
  String industry;
  String repeat;
  String once;

  @BeforeEach
  void casesInATownOfTheirOwn() {
    fixtures = new CaseFixtures(cases, assignees, users, jdbc);
    TestAlarms registry = new TestAlarms(jdbc);
    town = TestAlarms.unique("分析镇");
    industry = TestAlarms.unique("分析行业");
    repeat = TestAlarms.unique("屡犯化工");
    once = TestAlarms.unique("偶发造纸");
    long e1 = registry.enterprise(repeat, town, industry);
    long e2 = registry.enterprise(once, town, industry);
    // on time, late, overdue at a department, and pending
    fixtures.closedByGrid(fixtures.open("废水直排一", CaseType.WATER, e1));
    fixtures.closedLate(fixtures.closedByGrid(fixtures.open("废水直排二", CaseType.WATER, e1)));
    long housing = departments.resolve("县住房和城乡建设局").orElseThrow().id();
    CaseFile atDepartment = fixtures.open("工地扬尘", CaseType.AIR, e1);
    fixtures.dispatch(atDepartment, assignees.department(housing));
    fixtures.overdue(atDepartment);
    fixtures.open("锅炉冒黑烟", CaseType.AIR, e2);
    fixtures.logOut();
  }

  @AfterEach
  void logOut() {
    fixtures.logOut();
  }

  String query() {
    return "?town=" + URLEncoder.encode(town, StandardCharsets.UTF_8) + "&min=3";
  }

  @Test
  void theFiguresOfTheTownsCases() {
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    String page = leader.get("/analysis" + query()).body();
    assertThat(page)
        .contains(
            "登记案件 4 件，已办结 2 件，超期未办结 1 件",
            "analysis-map",
            "echarts.min.js",
            "leaflet.js",
            repeat,
            "/analysis/export/members?");

    String types = Sheets.text(leader.getBytes("/analysis/export/type" + query()).body());
    assertThat(types).contains("水污染\t2\t2\t0", "大气污染\t2\t0\t1");
    String byEnterprise =
        Sheets.text(leader.getBytes("/analysis/export/enterprise" + query()).body());
    assertThat(byEnterprise).contains(repeat + "\t3\t2\t1", once + "\t1\t0\t0");
    String offenders = Sheets.text(leader.getBytes("/analysis/export/offenders" + query()).body());
    assertThat(offenders).contains(repeat + "\t3\t1").doesNotContain(once);
    String members = Sheets.text(leader.getBytes("/analysis/export/members" + query()).body());
    assertThat(members).contains("网格员 赵强\t2\t2\t1\t0\t2\t50.0%");
    String departments =
        Sheets.text(leader.getBytes("/analysis/export/departments" + query()).body());
    assertThat(departments).contains("县住房和城乡建设局\t1\t0\t0\t1\t1\t0.0%");
    String industries = Sheets.text(leader.getBytes("/analysis/export/industry" + query()).body());
    assertThat(industries).contains(industry + "\t4\t2\t1");

    // another town's filter does not see these cases
    String elsewhere =
        Sheets.text(
            leader
                .getBytes(
                    "/analysis/export/enterprise?town="
                        + URLEncoder.encode(TestAlarms.unique("别处镇"), StandardCharsets.UTF_8))
                .body());
    assertThat(elsewhere).doesNotContain(repeat);
  }

  @Test
  void onlyTheBureauTheLeadershipAndPlannersReadTheAnalysis() {
    assertThat(WebSession.loggedIn(port, "planner", "qingshan2026").get("/analysis").statusCode())
        .isEqualTo(200);
    WebSession grid = WebSession.loggedIn(port, "grid", "qingshan2026");
    assertThat(grid.get("/analysis").statusCode()).isEqualTo(403);
    assertThat(grid.getBytes("/analysis/export/type").statusCode()).isEqualTo(403);
    assertThat(
            WebSession.loggedIn(port, "enterprise", "qingshan2026").get("/analysis").statusCode())
        .isEqualTo(403);
  }
}
