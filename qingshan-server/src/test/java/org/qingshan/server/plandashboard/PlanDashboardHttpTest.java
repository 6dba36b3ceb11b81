package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.plandashboard.TestDashboards.department;
import static org.qingshan.server.plandashboard.TestDashboards.reporting;
import static org.qingshan.server.support.TestPlans.taskId;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qingshan.server.plandispatch.DispatchSchedule;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.Sheets;
import org.qingshan.server.support.TestPlans;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 规划看板 over HTTP: the demo plan and a plan the test uploads and publishes through the API; the
 * dashboard's figures change after a liaison reports; every table exports; the leader sees the
 * dashboard and the plan figures on the home page; a liaison or grid member is refused; 催办 reaches
 * the liaisons of the department urged and no one else, and is audited.
 */
@DemoServerTest
class PlanDashboardHttpTest {
  private static final String PASSWORD = "qingshan2026";
  private static final String ZHUJIAN = "县住房和城乡建设局";
  private static final String POLICE = "县公安局";
  private static final String DUST = "强化施工扬尘管控";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired PlanDashboardService dashboards;

  private String user(Role role, String department) {
    return people.user(role, department, "pdb");
  }

  private String token(String username) {
    return people.token(username, "看板");
  }

  /** A published copy of the demo plan, uploaded and published by the test's own planner. */
  private long publishedPlan(String planner) {
    return TestPlans.publishedDemoPlan(port, token(planner), "看板测试方案.txt");
  }

  @Test
  void theDashboardOfAnUploadedPlanChangesAfterALiaisonReportsAndEveryTableExports() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String liaison = user(Role.LIAISON, ZHUJIAN);
    long id = publishedPlan(planner);

    PlanDashboard before = dashboards.dashboard(Optional.of(id)).orElseThrow();
    assertThat(department(before, ZHUJIAN).assigned()).isEqualTo(3);
    assertThat(department(before, ZHUJIAN).done()).isZero();
    assertThat(before.completionRate()).isZero();
    assertThat(before.deadlines())
        .filteredOn(d -> d.title().equals(DUST))
        .singleElement()
        .satisfies(d -> assertThat(d.state()).isEqualTo(TargetDeadline.OVERDUE));
    // No values entered on this copy: indicators have a trajectory but no status yet.
    assertThat(before.indicators()).hasSize(5);
    assertThat(before.indicators()).allSatisfy(i -> assertThat(i.status()).isEmpty());

    HttpResponse<String> report =
        MultipartForm.bearer(
            port,
            token(liaison),
            "/api/v1/tasks/" + taskId(jdbc, id, DUST) + "/progress",
            Map.of("status", "done", "text", "全部工地已落实六个百分之百。"),
            List.of());
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    HttpResponse<String> value =
        JsonApi.bearer(port, token(planner))
            .put(
                "/api/v1/plans/" + id + "/indicators/1/values",
                Map.of("year", 2024, "value", 41, "source", "测试年报"));
    assertThat(value.statusCode()).as(value.body()).isEqualTo(200);

    PlanDashboard after = dashboards.dashboard(Optional.of(id)).orElseThrow();
    assertThat(department(after, ZHUJIAN).done()).isEqualTo(1);
    // all tasks sit in one chapter (重点任务): they are shown by its sections
    assertThat(before.chapters()).hasSizeGreaterThan(1);
    assertThat(before.chapters().stream().mapToInt(PlanDashboard.Chapter::total).sum())
        .isEqualTo(10);
    assertThat(before.chapters().stream().mapToInt(PlanDashboard.Chapter::done).sum()).isZero();
    assertThat(after.chapters())
        .as(after.chapters().toString())
        .filteredOn(c -> c.done() == 1)
        .hasSize(1);
    assertThat(department(after, ZHUJIAN).completionRate()).isEqualTo(33.3);
    assertThat(department(after, ZHUJIAN).rank()).isEqualTo(1);
    assertThat(after.completionRate()).isGreaterThan(before.completionRate());
    assertThat(after.overdueTasks()).isEqualTo(before.overdueTasks() - 1);
    // done after its 2023 deadline: missed, not met
    assertThat(after.deadlines())
        .filteredOn(d -> d.title().equals(DUST))
        .singleElement()
        .satisfies(d -> assertThat(d.state()).isEqualTo(TargetDeadline.MISSED));
    PlanDashboard.Indicator pm = after.indicators().get(0);
    // 41 against 39.33 needed in 2024, short by more than 10 % of the span 42 → 38
    assertThat(pm.status()).hasValue(IndicatorStatus.BEHIND);
    assertThat(pm.values()).contains("2024：41（测试年报）");
    assertThat(pm.forecast()).hasValue(40.5);

    WebSession page = WebSession.loggedIn(port, planner, PASSWORD);
    HttpResponse<String> html = page.get("/plan-dashboard?plan=" + id);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body()).contains("规划看板", ZHUJIAN, "plan-chart-departments", "滞后");
    for (String table : PlanDashboardController.TABLES) {
      HttpResponse<byte[]> xlsx = page.getBytes("/plan-dashboard/export/" + table + "?plan=" + id);
      assertThat(xlsx.statusCode()).as(table).isEqualTo(200);
      assertThat(Sheets.text(xlsx.body())).as(table).isNotBlank();
    }
    String departments =
        Sheets.text(page.getBytes("/plan-dashboard/export/departments?plan=" + id).body());
    assertThat(departments).contains("1\t" + ZHUJIAN + "\t3\t");
    assertThat(Sheets.text(page.getBytes("/plan-dashboard/export/indicators?plan=" + id).body()))
        .contains("细颗粒物", "滞后");
  }

  @Test
  void theLeaderSeesTheDemoPlansDashboardAndPlanFiguresAtHomeWhileALiaisonIsRefused() {
    long demo =
        dashboards.plans().stream()
            .filter(p -> p.title().contains("示范县生态环境保护"))
            .mapToLong(PlanDashboardRepository.Plan::id)
            .min()
            .orElseThrow();
    PlanDashboard d = dashboards.dashboard(Optional.of(demo)).orElseThrow();
    // the demo's 住建局 liaison reported 扬尘 done
    assertThat(department(d, ZHUJIAN).done()).isGreaterThanOrEqualTo(1);
    assertThat(d.indicators().get(1).status()).isPresent();

    String leader = user(Role.LEADER, "示范县生态环境分局");
    WebSession session = WebSession.loggedIn(port, leader, PASSWORD);
    HttpResponse<String> page = session.get("/plan-dashboard?plan=" + demo);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(ZHUJIAN, "plan-chart-chapters");
    // the leader looks and does not act: no schedule form, no 催办
    assertThat(page.body()).doesNotContain("/plan-dashboard/" + demo + "/schedule");
    String home = session.get("/").body();
    assertThat(home).contains("规划任务完成率", "逾期未完成任务", "滞后或预警指标");
    // the unit-count chart is not the leader's
    assertThat(home).doesNotContain("kind-chart");
    assertThat(
            session
                .post("/plan-dashboard/" + demo + "/schedule", Map.of("frequency", "MONTHLY"))
                .statusCode())
        .isEqualTo(403);

    for (Role role : List.of(Role.LIAISON, Role.GRID_MEMBER)) {
      WebSession other = WebSession.loggedIn(port, user(role, ZHUJIAN), PASSWORD);
      assertThat(other.get("/plan-dashboard").statusCode()).as(role.name()).isEqualTo(403);
      assertThat(other.getBytes("/plan-dashboard/export/departments").statusCode()).isEqualTo(403);
      assertThat(other.get("/").body()).doesNotContain("规划任务完成率");
    }
  }

  /** The plan the dashboard page shows: the one selected in its plan chooser. */
  private static long shown(HttpResponse<String> page) {
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("<option value=\"(\\d+)\"[^>]*selected").matcher(page.body());
    assertThat(m.find()).as("a plan is shown").isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void theDashboardOpensOnThePlanInForceLongestThenOnThePlanTheUserChoseLast() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long fresh = publishedPlan(planner);
    List<PlanDashboardRepository.Plan> plans = dashboards.plans();
    // published first of all plans in force (the demo plan, unless a test set another back)
    long longest = plans.get(plans.size() - 1).id();
    assertThat(longest).isNotEqualTo(fresh);

    WebSession page = WebSession.loggedIn(port, planner, PASSWORD);
    assertThat(shown(page.get("/plan-dashboard"))).isEqualTo(longest);
    assertThat(shown(page.get("/plan-dashboard?plan=" + fresh))).isEqualTo(fresh);
    // the choice is remembered for the session
    assertThat(shown(page.get("/plan-dashboard"))).isEqualTo(fresh);
    WebSession other = WebSession.loggedIn(port, planner, PASSWORD);
    assertThat(shown(other.get("/plan-dashboard"))).isEqualTo(longest);
  }

  @Test
  void anOverdueTaskWithoutALeadIsFlaggedWithItsDateOnly() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long id =
        TestPlans.publishedPlan(
            port,
            token(planner),
            "无牵头测试方案.txt",
            TestPlans.demoPlanWith("9. 加强调度评估。2023年底前完成规划实施情况中期调度评估。"));
    String page =
        WebSession.loggedIn(port, planner, PASSWORD).get("/plan-dashboard?plan=" + id).body();
    assertThat(page).contains("加强调度评估", "（时限 2023-12-31）", "（" + ZHUJIAN + "，时限 2023-12-31）");
    assertThat(page).doesNotContain("（，");
  }

  @Test
  void urgingAnOverdueDepartmentNotifiesItsLiaisonsOnlyAndTheScheduleIsThePlanners() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long id = publishedPlan(planner);
    // published a year ago: the last period's reports were due
    jdbc.sql("UPDATE dispatch_plan SET published_at = :at WHERE id = :id")
        .param("at", OffsetDateTime.now().minusYears(1))
        .param("id", id)
        .update();
    String police1 = user(Role.LIAISON, POLICE);
    String police2 = user(Role.LIAISON, POLICE);
    String zhujian = user(Role.LIAISON, ZHUJIAN);
    String policeGrid = user(Role.GRID_MEMBER, POLICE);

    WebSession session = WebSession.loggedIn(port, planner, PASSWORD);
    assertThat(
            session
                .post("/plan-dashboard/" + id + "/schedule", Map.of("frequency", "MONTHLY"))
                .statusCode())
        .isEqualTo(302);
    PlanDashboard d = dashboards.dashboard(Optional.of(id)).orElseThrow();
    assertThat(d.frequency()).isEqualTo(DispatchSchedule.MONTHLY);
    PlanDashboard.Reporting police = reporting(d, POLICE);
    assertThat(police.overdue()).isTrue();
    String html = session.get("/plan-dashboard?plan=" + id).body();
    assertThat(html).contains("催办 " + POLICE, "逾期未报");

    HttpResponse<String> urged =
        session.post(
            "/plan-dashboard/" + id + "/urge",
            Map.of("department", String.valueOf(people.department(POLICE))));
    assertThat(urged.statusCode()).isEqualTo(302);
    for (String u : List.of(police1, police2)) {
      assertThat(notifications(u)).as(u).isEqualTo(1);
    }
    for (String u : List.of(zhujian, policeGrid)) {
      assertThat(notifications(u)).as(u).isZero();
    }
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND entity_type ="
                        + " 'plan-dashboard-urge' AND entity_id = :d")
                .param("a", planner)
                .param("d", String.valueOf(people.department(POLICE)))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND entity_type ="
                        + " 'plan-dashboard-schedule'")
                .param("a", planner)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // a liaison may not urge
    WebSession liaison = WebSession.loggedIn(port, police1, PASSWORD);
    assertThat(
            liaison
                .post(
                    "/plan-dashboard/" + id + "/urge",
                    Map.of("department", String.valueOf(people.department(ZHUJIAN))))
                .statusCode())
        .isEqualTo(403);
    assertThat(notifications(zhujian)).isZero();
  }

  @Test
  void anAssignedTargetIsFilledInAndAQualitativeJudgementNeedsAReason() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long id = publishedPlan(planner);
    PlanDashboard.Indicator rural =
        dashboards.dashboard(Optional.of(id)).orElseThrow().indicators().get(4);
    assertThat(rural.kind()).isEqualTo("assigned");
    assertThat(rural.targetValue()).isEmpty();

    WebSession session = WebSession.loggedIn(port, planner, PASSWORD);
    assertThat(session.get("/plan-dashboard?plan=" + id).body()).contains("待上级下达目标");
    String path = "/plan-dashboard/" + id + "/indicators/" + rural.id();
    assertThat(session.post(path, Map.of("assigned", "45", "reason", "")).statusCode())
        .isEqualTo(302);
    HttpResponse<String> value =
        JsonApi.bearer(port, token(planner))
            .put(
                "/api/v1/plans/" + id + "/indicators/5/values",
                Map.of("year", 2024, "value", 40, "source", "县农业农村局统计"));
    assertThat(value.statusCode()).as(value.body()).isEqualTo(200);
    PlanDashboard.Indicator filled =
        dashboards.dashboard(Optional.of(id)).orElseThrow().indicators().get(4);
    assertThat(filled.targetValue()).hasValue(45.0);
    // 30 (2022) → 45 (2025) needs 40 in 2024: reached
    assertThat(filled.needed()).hasValue(40.0);
    assertThat(filled.status()).hasValue(IndicatorStatus.ON_TRACK);

    // a judgement without its reason is refused and changes nothing
    HttpResponse<String> bare = session.post(path, Map.of("judgement", "BEHIND", "reason", ""));
    assertThat(bare.statusCode()).isIn(302, 400);
    assertThat(
            dashboards.dashboard(Optional.of(id)).orElseThrow().indicators().get(4).targetValue())
        .hasValue(45.0);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND entity_type ="
                        + " 'plan-dashboard-indicator'")
                .param("a", planner)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private long notifications(String username) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE username = :u AND text LIKE '%催办%'")
        .param("u", username)
        .query(Long.class)
        .single();
  }
}
