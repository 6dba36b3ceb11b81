package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.plandashboard.TestDashboards.department;
import static org.qingshan.server.support.TestPlans.taskId;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestPlans;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plans on the home page over HTTP: the leader's names each published plan and shows its
 * ranking, chapters and indicators with the way to its dashboard; the planner's names each plan
 * with its figures; the unit-count chart is the admin's only. A department that is the 责任单位 of a
 * task no one leads is ranked as its lead, and its report of 完成 counts.
 */
@DemoServerTest
class PlanHomeHttpTest {
  private static final String WATER = "县水利局";
  private static final String TASK_TITLE = "开展水利工程生态流量核查";
  // a task with a responsible unit and no lead: its report is the task's
  private static final String TASK =
      "9. " + TASK_TITLE + "。2024年底前完成全县水利工程生态流量核查。（" + WATER + "负责）";
  private static final String DEMO_TITLE = "示范县生态环境保护“十四五”规划实施方案";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired PlanDashboardService dashboards;

  private String user(Role role, String department) {
    return people.user(role, department, "phome");
  }

  /** A second plan in force, titled apart from the demo's, with a responsible-only task. */
  private long secondPlan(String planner, String title) {
    String text =
        new String(TestPlans.demoPlanWith(TASK), StandardCharsets.UTF_8).replace(DEMO_TITLE, title);
    return TestPlans.publishedPlan(
        port, people.token(planner, "首页"), "首页测试方案.txt", text.getBytes(StandardCharsets.UTF_8));
  }

  /** The part of the home page for the plan of that id. */
  private static String part(String home, long plan) {
    int from = home.indexOf("id=\"plan-home-" + plan + "\"");
    assertThat(from).as("the home page shows plan " + plan).isPositive();
    int to = home.indexOf("class=\"plan-home\"", from);
    return home.substring(from, to < 0 ? home.length() : to);
  }

  @Test
  void theLeadersHomeNamesEveryPlanInForceWithItsRankingAndThePlannersWithItsFigures() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long second = secondPlan(planner, "示范县首页测试规划实施方案");
    String secondTitle =
        dashboards.plans().stream().filter(p -> p.id() == second).findFirst().orElseThrow().title();
    assertThat(secondTitle).contains("首页测试");
    long demo =
        dashboards.plans().stream()
            .filter(p -> p.title().startsWith(DEMO_TITLE))
            .mapToLong(PlanDashboardRepository.Plan::id)
            .min()
            .orElseThrow();

    String leader = user(Role.LEADER, "示范县生态环境分局");
    String home = WebSession.loggedIn(port, leader, TestUsers.PASSWORD).get("/").body();
    // both plans, each named, each with its own figures and link
    String demoPart = part(home, demo);
    String secondPart = part(home, second);
    assertThat(demoPart)
        .contains(DEMO_TITLE, "规划任务完成率", "/plan-dashboard?plan=" + demo)
        .doesNotContain(secondTitle);
    assertThat(secondPart)
        .contains(secondTitle, "规划任务完成率", "逾期未完成任务", "/plan-dashboard?plan=" + second);
    // the dashboard's essentials: ranking with rates, indicators by status, chapters' chart
    PlanDashboard d = dashboards.dashboard(Optional.of(demo)).orElseThrow();
    PlanDashboard.Department first = d.departments().get(0);
    assertThat(demoPart)
        .contains("部门任务完成情况排名", "plan-home-ranking", first.name())
        .contains("<td>" + first.completionRate() + "</td>")
        .contains("指标状态", "达标", "滞后", "plan-home-chart-" + demo, "查看完整规划看板");
    assertThat(home).doesNotContain("kind-chart");

    String plannerHome = WebSession.loggedIn(port, planner, TestUsers.PASSWORD).get("/").body();
    assertThat(part(plannerHome, demo)).contains(DEMO_TITLE, "规划任务完成率");
    assertThat(part(plannerHome, second)).contains(secondTitle, "滞后或预警指标");
    // the planner's home: the plans' figures, not the unit counts nor the leader's overview
    assertThat(plannerHome).doesNotContain("kind-chart").doesNotContain("plan-home-ranking");

    String admin = user(Role.ADMIN, "示范县生态环境分局");
    String adminHome = WebSession.loggedIn(port, admin, TestUsers.PASSWORD).get("/").body();
    assertThat(adminHome).contains("kind-chart").doesNotContain("plan-home-");
  }

  @Test
  void aDepartmentResponsibleForATaskNoOneLeadsIsRankedAsItsLead() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long plan = secondPlan(planner, "示范县责任单位测试规划实施方案");
    PlanDashboard before = dashboards.dashboard(Optional.of(plan)).orElseThrow();
    // 水利局 only supports in the demo plan: the new task is its to lead
    assertThat(department(before, WATER).assigned()).isEqualTo(1);
    assertThat(department(before, WATER).supporting()).isEqualTo(1);
    assertThat(department(before, WATER).done()).isZero();

    String liaison = user(Role.LIAISON, WATER);
    HttpResponse<String> report =
        TestPlans.report(
            port,
            people.token(liaison, "首页"),
            taskId(jdbc, plan, TASK_TITLE),
            Map.of("status", "done", "text", "全县水利工程生态流量核查已完成。"),
            List.of());
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);

    PlanDashboard after = dashboards.dashboard(Optional.of(plan)).orElseThrow();
    assertThat(department(after, WATER).done()).isEqualTo(1);
    assertThat(department(after, WATER).completionRate()).isEqualTo(100.0);
    assertThat(department(after, WATER).rank()).isEqualTo(1);
    assertThat(after.completionRate()).isGreaterThan(before.completionRate());
    assertThat(TestDashboards.deadline(after, TASK_TITLE).lead()).isEqualTo(WATER);
    // its reporting is judged (and reminded) like any department's of the plan
    assertThat(TestDashboards.reporting(after, WATER).lastReport()).isPresent();
  }
}
