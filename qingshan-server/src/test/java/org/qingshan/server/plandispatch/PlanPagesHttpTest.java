package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
 * The 规划调度 pages as a reviewer found them: years without a thousands separator, a report form that
 * keeps what was typed when it is refused, 代报 for another department, the plan named on 我的任务,
 * warnings before publishing, no empty labels on the review page, a labelled projects page.
 */
@DemoServerTest
class PlanPagesHttpTest {
  private static final String BUREAU = "示范县生态环境分局";
  private static final String ZHUJIAN = "县住房和城乡建设局";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;

  private String user(Role role, String department) {
    return people.user(role, department, "pp");
  }

  private String token(String username) {
    return people.token(username, "页面");
  }

  private WebSession page(String username) {
    return WebSession.loggedIn(port, username, TestUsers.PASSWORD);
  }

  @Test
  void theIndicatorPageWritesYearsWithoutAThousandsSeparator() {
    String planner = user(Role.PLANNER, BUREAU);
    long plan = TestPlans.publishedDemoPlan(port, token(planner), "年份.txt");
    HttpResponse<String> put =
        JsonApi.bearer(port, token(planner))
            .put(
                "/api/v1/plans/" + plan + "/indicators/1/values",
                Map.of("year", 2023, "value", 40.1, "source", "2023年环境质量年报"));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    String body = page(planner).get("/dispatch/plans/" + plan + "/indicators").body();
    assertThat(body).contains("2023年").doesNotContain("2,023", "2,025");
    assertThat(
            jdbc.sql("SELECT summary FROM audit_entry WHERE actor = :a AND summary LIKE '%年的值%'")
                .param("a", planner)
                .query(String.class)
                .list())
        .isNotEmpty()
        .noneMatch(s -> s.contains("2,023"));
  }

  private long reports(long task) {
    return jdbc.sql("SELECT COUNT(*) FROM dispatch_progress WHERE task_id = :t")
        .param("t", task)
        .query(Long.class)
        .single();
  }

  @Test
  void aRefusedEvidenceFileShowsTheTaskPageAgainWithTheErrorAndWhatWasTyped() {
    String planner = user(Role.PLANNER, BUREAU);
    long plan = TestPlans.publishedDemoPlan(port, token(planner), "佐证.txt");
    long dust = TestPlans.taskId(jdbc, plan, "强化施工扬尘管控");
    String liaison = user(Role.LIAISON, ZHUJIAN);
    WebSession session = page(liaison);
    session.get("/dispatch/tasks/" + dust);
    HttpResponse<String> refused =
        MultipartForm.post(
            port,
            session,
            "/dispatch/tasks/" + dust + "/progress",
            Map.of("status", "in-progress", "text", "已检查在建工地12个，整改2个。"),
            "files",
            "验收.pdf",
            "MZ 这不是PDF".getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    String body = refused.body();
    assertThat(body)
        .contains("id=\"report-error\"", "类型不符", "已检查在建工地12个，整改2个。</textarea>")
        .containsPattern("<option value=\"in-progress\"\\s+selected")
        .doesNotContain("返回首页");
    assertThat(reports(dust)).isZero();
  }

  @Test
  void aRefusedReviewFormGoesBackToTheReviewPageWithTheError() {
    String planner = user(Role.PLANNER, BUREAU);
    long draft = TestPlans.draftPlan(port, token(planner), "审核.txt", TestPlans.demoPlanText());
    long dust = TestPlans.taskId(jdbc, draft, "强化施工扬尘管控");
    WebSession session = page(planner);
    String review = "/dispatch/plans/" + draft + "/review";
    session.get(review);
    HttpResponse<String> refused =
        session.postFrom(
            review,
            "/dispatch/review/tasks/" + dust,
            Map.of("title", "强化施工扬尘管控", "text", "", "due", "2023年底"));
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(refused)).endsWith(review);
    assertThat(session.get(review).body()).contains("日期“2023年底”格式不正确");
  }

  @Test
  void aPlannerReportingOnAnotherDepartmentsTaskReportsOnItsBehalf() {
    String planner = user(Role.PLANNER, BUREAU);
    long plan = TestPlans.publishedDemoPlan(port, token(planner), "代报.txt");
    long dust = TestPlans.taskId(jdbc, plan, "强化施工扬尘管控");
    WebSession session = page(planner);
    String form = session.get("/dispatch/tasks/" + dust).body();
    assertThat(form).contains("代报单位", "县住房和城乡建设局（牵头）", "县综合行政执法局（配合）");

    // By default for the lead: the lead's report, which sets the task's status.
    HttpResponse<String> lead =
        MultipartForm.post(
            port,
            session,
            "/dispatch/tasks/" + dust + "/progress",
            Map.of("status", "in-progress", "text", "规划科代住建局报送：已检查工地18个。"),
            "files",
            null,
            null);
    WebSession.redirected(lead);
    String shown = session.get("/dispatch/tasks/" + dust).body();
    assertThat(shown).contains(ZHUJIAN + "（牵头，" + BUREAU + "用户" + planner + "代报）");
    assertThat(shown).doesNotContain(BUREAU + "（牵头）");

    // For the supporting department through the API: attached, the status stays.
    JsonApi api = JsonApi.bearer(port, token(planner));
    HttpResponse<String> support =
        TestPlans.report(
            port,
            token(planner),
            dust,
            Map.of("status", "done", "text", "执法局巡查记录", "department", "县综合行政执法局"),
            List.of());
    assertThat(support.statusCode()).as(support.body()).isEqualTo(201);
    JsonNode task = JsonApi.read(api.get("/api/v1/tasks/" + dust));
    assertThat(task.get("status").asText()).isEqualTo("in-progress");
    JsonNode latest = task.get("progress").get(0);
    assertThat(latest.get("department").asText()).isEqualTo("县综合行政执法局");
    assertThat(latest.get("role").asText()).isEqualTo("support");
    assertThat(latest.get("proxy").asText()).contains(BUREAU);
    assertThat(task.get("progress").get(1).get("department").asText()).isEqualTo(ZHUJIAN);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND entity_type ="
                        + " 'dispatch-task' AND summary LIKE '代县综合行政执法局报送%'")
                .param("a", planner)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // A department the task does not name is refused; a liaison cannot report for another one.
    HttpResponse<String> foreign =
        TestPlans.report(
            port,
            token(planner),
            dust,
            Map.of("status", "done", "text", "x", "department", "县公安局"),
            List.of());
    assertThat(foreign.statusCode()).isEqualTo(400);
    String liaison = user(Role.LIAISON, ZHUJIAN);
    HttpResponse<String> byLiaison =
        TestPlans.report(
            port,
            token(liaison),
            dust,
            Map.of("status", "done", "text", "x", "department", "县综合行政执法局"),
            List.of());
    assertThat(byLiaison.statusCode()).isEqualTo(403);
    assertThat(JsonApi.read(api.get("/api/v1/tasks/" + dust)).get("progress")).hasSize(2);
  }

  @Test
  void myTasksNameEachTasksPlanAndFilterByPlan() {
    String planner = user(Role.PLANNER, BUREAU);
    long first = TestPlans.publishedDemoPlan(port, token(planner), "第一个.txt");
    long second = TestPlans.publishedDemoPlan(port, token(planner), "第二个.txt");
    String title =
        jdbc.sql("SELECT title FROM dispatch_plan WHERE id = :id")
            .param("id", second)
            .query(String.class)
            .single();
    String liaison = user(Role.LIAISON, ZHUJIAN);
    WebSession session = page(liaison);
    String both = session.get("/dispatch/my-tasks?q=" + encode("扬尘") + "&size=100").body();
    assertThat(both)
        .contains("所属规划", "全部规划", title)
        .contains("href=\"/dispatch/plans/" + first + "\"")
        .contains("href=\"/dispatch/plans/" + second + "\"");
    String only = session.get("/dispatch/my-tasks?q=" + encode("扬尘") + "&plan=" + second).body();
    assertThat(only)
        .contains("href=\"/dispatch/plans/" + second + "\"", "强化施工扬尘管控")
        .doesNotContain("href=\"/dispatch/plans/" + first + "\"");
    long dustOfFirst = TestPlans.taskId(jdbc, first, "强化施工扬尘管控");
    long dustOfSecond = TestPlans.taskId(jdbc, second, "强化施工扬尘管控");
    String sheet = Sheets.text(session.getBytes("/dispatch/my-tasks/export?plan=" + second).body());
    assertThat(sheet)
        .startsWith("所属规划")
        .contains(title + "\t" + dustOfSecond + "\t强化施工扬尘管控")
        .doesNotContain("\t" + dustOfFirst + "\t");
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void publishingWithUnresolvedUnitsOrNoScheduleWarnsAndTheFormNeedsTheBoxTicked() {
    String planner = user(Role.PLANNER, BUREAU);
    byte[] text = TestPlans.demoPlanWith("10. 开展无人认领的专项整治。2024年底前完成全县排查。（县不存在局牵头）");
    long draft = TestPlans.draftPlan(port, token(planner), "提醒.txt", text);
    WebSession session = page(planner);
    String review = "/dispatch/plans/" + draft + "/review";
    String shown = session.get(review).body();
    assertThat(shown)
        .contains("id=\"publish-warnings\"", "县不存在局", "开展无人认领的专项整治", "尚未设定报送周期")
        .contains("name=\"confirmed\"");
    // Without the box ticked: back to the review page with the reason, nothing published.
    HttpResponse<String> unconfirmed =
        session.post("/dispatch/plans/" + draft + "/publish", Map.of());
    assertThat(WebSession.location(unconfirmed)).endsWith(review);
    assertThat(session.get(review).body()).contains("仍然发布");
    assertThat(status(draft)).isEqualTo("DRAFT");
    WebSession.redirected(
        session.post("/dispatch/plans/" + draft + "/publish", Map.of("confirmed", "true")));
    assertThat(status(draft)).isEqualTo("PUBLISHED");

    // The API publishes as before (200) and adds the warnings.
    long other = TestPlans.draftPlan(port, token(planner), "提醒2.txt", text);
    HttpResponse<String> api =
        JsonApi.bearer(port, token(planner)).post("/api/v1/plans/" + other + "/publish", Map.of());
    assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
    JsonNode body = JsonApi.read(api);
    assertThat(body.get("status").asText()).isEqualTo("published");
    assertThat(body.get("warnings").toString()).contains("县不存在局", "报送周期");
  }

  private String status(long plan) {
    return jdbc.sql("SELECT status FROM dispatch_plan WHERE id = :id")
        .param("id", plan)
        .query(String.class)
        .single();
  }

  @Test
  void theReviewPageLeavesOutEmptyPartsAndNamesPeopleByTheirNames() {
    String planner = user(Role.PLANNER, BUREAU);
    byte[] text = TestPlans.demoPlanWith("10. 开展独立专项整治。2024年底前完成全县排查。（县住房和城乡建设局牵头）");
    long draft = TestPlans.draftPlan(port, token(planner), "空白.txt", text);
    long alone = TestPlans.taskId(jdbc, draft, "开展独立专项整治");
    WebSession session = page(planner);
    String review = "/dispatch/plans/" + draft + "/review";
    WebSession.redirected(
        session.post(
            "/dispatch/review/tasks/" + alone,
            Map.of("title", "开展独立专项整治行动", "text", "2024年底前完成全县排查。", "due", "2024-12-31")));
    String body = session.get(review).body();
    assertThat(body)
        .contains("牵头单位：县住房和城乡建设局；完成时限：2024-12-31")
        .doesNotContain("：；", "配合单位：<", "—（")
        .doesNotContainPattern("<td>（\\d{4}）</td>");
    assertThat(body).contains("<th>更正人</th>", "<td>用户" + planner + "</td>");
    assertThat(body).doesNotContain("<td>" + planner + "</td>");
    assertThat(session.get("/dispatch/plans/" + draft).body())
        .contains("<td>用户" + planner + "</td>");

    // Published: only who may revise is told to click 修订.
    TestPlans.publish(port, token(planner), draft);
    assertThat(session.get(review).body()).contains("点击“修订”");
    String liaison = user(Role.LIAISON, ZHUJIAN);
    HttpResponse<String> byLiaison = page(liaison).get(review);
    assertThat(byLiaison.statusCode()).isEqualTo(200);
    assertThat(byLiaison.body()).doesNotContain("点击“修订”", "id=\"revise\"");
  }

  @Test
  void theProjectsPageLabelsItsInputsShowsProgressOnceAndMarksOverdueMilestones() {
    String planner = user(Role.PLANNER, BUREAU);
    long plan = TestPlans.publishedDemoPlan(port, token(planner), "工程.txt");
    long project =
        jdbc.sql("SELECT id FROM dispatch_project WHERE plan_id = :p AND name = '县城雨污分流改造工程'")
            .param("p", plan)
            .query(Long.class)
            .single();
    WebSession session = page(planner);
    String path = "/dispatch/plans/" + plan + "/projects";
    session.get(path);
    WebSession.redirected(
        session.post(
            "/dispatch/review/projects/" + project,
            Map.of(
                "investment",
                "6800",
                "latitude",
                "36.61",
                "longitude",
                "115.78",
                "department",
                String.valueOf(people.department(ZHUJIAN)))));
    WebSession.redirected(
        session.post(
            "/dispatch/review/projects/" + project + "/milestones",
            Map.of("name", "早已到期的节点", "due", "2020-06-30")));
    WebSession.redirected(
        session.post(
            "/dispatch/review/projects/" + project + "/milestones",
            Map.of("name", "远期节点", "due", "2099-06-30")));
    WebSession liaison = page(user(Role.LIAISON, ZHUJIAN));
    liaison.get(path);
    WebSession.redirected(
        liaison.post(
            "/dispatch/projects/" + project + "/progress",
            Map.of("progress", "55", "actual", "3600")));

    String body = session.get(path).body();
    assertThat(body).contains("计划投资（万元）", "纬度", "经度");
    String mine = liaison.get(path).body();
    String row = mine.substring(mine.indexOf("id=\"p" + project + "\""));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row.split("55%", -1)).hasSize(2);
    assertThat(row).doesNotContain("value=\"55\"").contains("完成投资（万元）");
    // the overdue tag on the milestone's line, after its date; the form to mark it done below
    assertThat(row)
        .containsPattern(
            "早已到期的节点</span>\\s*<span class=\"milestone-due\">2020-06-30</span>\\s*"
                + "<span class=\"tag bad overdue\">逾期</span></div>\\s*<form class=\"milestone-done\"");
    assertThat(row)
        .doesNotContainPattern(
            "远期节点</span>\\s*<span class=\"milestone-due\">2099-06-30</span>\\s*<span class=\"tag bad"
                + " overdue\">");
  }

  @Test
  void theOldImportPreviewPointsToTheDispatchImport() {
    WebSession session = page(user(Role.PLANNER, BUREAU));
    HttpResponse<String> preview = session.get("/plans/import");
    assertThat(preview.statusCode()).isEqualTo(200);
    String hint = preview.body().substring(preview.body().indexOf("id=\"dispatch-import-hint\""));
    hint = hint.substring(0, hint.indexOf("</p>"));
    assertThat(hint).contains("不保存", "href=\"/dispatch/plans\"", "导入为草稿");
    assertThat(session.get("/dispatch/plans").body()).contains("导入为草稿");
  }
}
