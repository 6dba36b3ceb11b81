package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.plandashboard.TestDashboards.dashboard;
import static org.qingshan.server.plandashboard.TestDashboards.deadline;
import static org.qingshan.server.support.TestPlans.reportedAt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.TestPlans;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A target the city sets (完成市下达的年度减排任务): 待上级下达 on the task page, the timeline (never overdue for
 * lack of a value) and the evaluation until the planner enters the figure the city assigned; a
 * liaison may not enter it (403, audited), a bad figure stores nothing; entered, the page and the
 * API show it with its source, the plan keeps its version, and reports' figures are judged against
 * it. A revision carries the figure to the new version; a superseded version takes none.
 */
@DemoServerTest
class PlanAssignedTargetHttpTest {
  private static final String INDUSTRY = "县工业和信息化局";
  private static final String TITLE = "推进重点行业减排";
  private static final String TASK =
      "10. 推进重点行业减排。实施重点行业挥发性有机物和氮氧化物深度治理，2025年底前，完成市下达的年度减排任务。" + "（县工业和信息化局牵头，示范县生态环境分局配合）";
  private static final String SOURCE = "市生态环境局2026年3月下达";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired PlanDashboardService dashboards;

  private String user(Role role, String department) {
    return people.user(role, department, "asg");
  }

  private String token(String username) {
    return people.token(username, "下达");
  }

  private JsonNode target(String token, long task) {
    return JsonApi.read(JsonApi.bearer(port, token).get("/api/v1/tasks/" + task))
        .get("targets")
        .get(0);
  }

  private PlanDashboard.Deadline row(long plan, LocalDate today) {
    return deadline(dashboard(dashboards, plan, today), TITLE);
  }

  private long count(String sql, long id) {
    return jdbc.sql(sql).param("id", id).query(Long.class).single();
  }

  private long assignedFigures(long task) {
    return count("SELECT COUNT(*) FROM dispatch_assigned_target WHERE task_id = :id", task);
  }

  /** The lines (a docx table's rows, an HTML table's rows) that name the task's target. */
  private static List<String> rowsOf(String text, String separator) {
    return Arrays.stream(text.split(separator)).filter(r -> r.contains("年度减排任务")).toList();
  }

  /** The row of the mid-term evaluation (at 2025-12-31) that lists the task's target. */
  private String evaluationRow(WebSession session, long plan) throws IOException {
    return rowsOf(evaluation(session, plan), "\n").stream()
        .filter(r -> r.contains(TITLE))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no target row of " + TITLE));
  }

  private String evaluation(WebSession session, long plan) throws IOException {
    HttpResponse<byte[]> docx =
        session.getBytes(
            "/api/v1/plans/" + plan + "/evaluation?kind=midterm&date=2025-12-31&format=docx");
    assertThat(docx.statusCode()).isEqualTo(200);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      return text.getText();
    }
  }

  @Test
  void theCitysFigureIsAwaitedThenEnteredByThePlannerAndReportsAreJudgedAgainstIt()
      throws IOException {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String liaison = user(Role.LIAISON, INDUSTRY);
    long plan =
        TestPlans.publishedPlan(port, token(planner), "下达测试方案.txt", TestPlans.demoPlanWith(TASK));
    long task = TestPlans.taskId(jdbc, plan, TITLE);
    long versions =
        count(
            "SELECT COUNT(*) FROM dispatch_plan WHERE series_id = (SELECT series_id FROM"
                + " dispatch_plan WHERE id = :id)",
            plan);

    // awaiting: the API, the task page, the timeline (past the deadline too) and the evaluation
    JsonNode awaiting = target(token(liaison), task);
    assertThat(awaiting.get("assigned").asBoolean()).isTrue();
    assertThat(awaiting.get("awaitingAssignment").asBoolean()).isTrue();
    assertThat(awaiting.get("assignedSource").asText()).isEmpty();
    assertThat(awaiting.get("measurable").asBoolean()).isFalse();
    assertThat(awaiting.get("deadline").asText()).isEqualTo("2025-12-31");
    int position = awaiting.get("position").asInt();
    String path = "/dispatch/review/tasks/" + task + "/targets/" + position + "/assigned";
    WebSession planning = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    assertThat(planning.get("/dispatch/tasks/" + task).body()).contains("待上级下达", path);
    WebSession liaisonPage = WebSession.loggedIn(port, liaison, TestUsers.PASSWORD);
    String seen = liaisonPage.get("/dispatch/tasks/" + task).body();
    assertThat(seen).contains("待上级下达").doesNotContain(path);
    assertThat(row(plan, LocalDate.of(2025, 6, 1)).state()).isEqualTo(TargetDeadline.AWAITING);
    PlanDashboard.Deadline late = row(plan, LocalDate.of(2026, 2, 1));
    assertThat(late.state()).isEqualTo(TargetDeadline.AWAITING);
    assertThat(late.figure()).isEmpty();
    PlanDashboardRepository.Plan p =
        dashboards.plans().stream().filter(x -> x.id() == plan).findFirst().orElseThrow();
    assertThat(dashboards.build(p, LocalDate.of(2026, 2, 1)).deadlines())
        .filteredOn(d -> d.state() == TargetDeadline.OVERDUE || d.state() == TargetDeadline.MISSED)
        .extracting(PlanDashboard.Deadline::title)
        .doesNotContain(TITLE);
    assertThat(rowsOf(planning.get("/plan-dashboard?plan=" + plan).body(), "<tr"))
        .singleElement()
        .satisfies(r -> assertThat(r).contains(TITLE, "2025-12-31", "待上级下达"));
    assertThat(evaluationRow(planning, plan)).contains("2025-12-31", "待上级下达");
    // no figure can be reported for it yet
    HttpResponse<String> tooEarly =
        MultipartForm.bearer(
            port,
            token(liaison),
            "/api/v1/tasks/" + task + "/progress",
            Map.of("status", "in-progress", "text", "已完成部分减排。", "figure." + position, "500"),
            List.of());
    assertThat(tooEarly.statusCode()).isEqualTo(400);

    // a liaison may not enter it: refused and audited
    HttpResponse<String> refused =
        liaisonPage.post(
            path, Map.of("comparator", "减少", "value", "1200", "unit", "吨", "source", SOURCE));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND action = 'ACCESS_DENIED'"
                        + " AND summary LIKE :s")
                .param("a", liaison)
                .param("s", "%" + path + "%")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // bad figures are refused in Chinese and store nothing
    HttpResponse<String> notANumber =
        planning.post(
            path, Map.of("comparator", "减少", "value", "一千二百", "unit", "吨", "source", SOURCE));
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.body()).contains("下达的目标值“一千二百”不是有效的数字");
    HttpResponse<String> noNumber =
        planning.post(path, Map.of("comparator", "减少", "value", " ", "source", SOURCE));
    assertThat(noNumber.statusCode()).isEqualTo(400);
    assertThat(noNumber.body()).contains("请填写上级下达的目标值");
    HttpResponse<String> badComparator =
        planning.post(path, Map.of("comparator", "多于", "value", "1200", "source", SOURCE));
    assertThat(badComparator.statusCode()).isEqualTo(400);
    assertThat(badComparator.body()).contains("不支持的比较方式“多于”");
    HttpResponse<String> noSource =
        planning.post(path, Map.of("comparator", "减少", "value", "1200", "unit", "吨"));
    assertThat(noSource.statusCode()).isEqualTo(400);
    assertThat(noSource.body()).contains("请填写下达依据");
    assertThat(assignedFigures(task)).isZero();
    assertThat(target(token(planner), task).get("awaitingAssignment").asBoolean()).isTrue();

    // entered by the planner: shown with its source, audited, the plan keeps its version
    HttpResponse<String> entered =
        planning.post(
            path, Map.of("comparator", "减少", "value", "1200", "unit", "吨", "source", SOURCE));
    assertThat(entered.statusCode()).as(entered.body()).isEqualTo(302);
    assertThat(assignedFigures(task)).isEqualTo(1);
    String page = planning.get("/dispatch/tasks/" + task).body();
    assertThat(page).contains("年度减排任务 减少 1200吨", SOURCE).doesNotContain("待上级下达");
    JsonNode filled = target(token(liaison), task);
    assertThat(filled.get("assigned").asBoolean()).isTrue();
    assertThat(filled.get("awaitingAssignment").asBoolean()).isFalse();
    assertThat(filled.get("assignedSource").asText()).isEqualTo(SOURCE);
    assertThat(filled.get("measurable").asBoolean()).isTrue();
    assertThat(filled.get("comparator").asText()).isEqualTo("减少");
    assertThat(filled.get("value").decimalValue()).isEqualByComparingTo("1200");
    assertThat(filled.get("unit").asText()).isEqualTo("吨");
    assertThat(
            count(
                "SELECT COUNT(*) FROM dispatch_plan WHERE series_id = (SELECT series_id FROM"
                    + " dispatch_plan WHERE id = :id)",
                plan))
        .isEqualTo(versions);
    assertThat(count("SELECT COUNT(*) FROM dispatch_correction WHERE plan_id = :id", plan))
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND action = 'CREATE' AND"
                        + " entity_type = 'dispatch-task' AND entity_id = :t AND summary LIKE :s")
                .param("a", planner)
                .param("t", String.valueOf(task))
                .param("s", "%" + SOURCE + "%")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // the lead department's figures are judged against it: 1000 t short, past the deadline
    // overdue, 1250 t in February reached late (missed)
    String field = "figure." + position;
    reportedAt(
        jdbc,
        TestPlans.report(
            port,
            token(liaison),
            task,
            Map.of("status", "in-progress", "text", "完成减排1000吨。", field, "1000"),
            List.of()),
        "2025-10-01T10:00:00+08:00");
    assertThat(target(token(liaison), task).get("met").asBoolean()).isFalse();
    assertThat(row(plan, LocalDate.of(2025, 10, 15)).state()).isEqualTo(TargetDeadline.OPEN);
    PlanDashboard.Deadline overdue = row(plan, LocalDate.of(2026, 1, 15));
    assertThat(overdue.state()).isEqualTo(TargetDeadline.OVERDUE);
    assertThat(overdue.target()).isEqualTo("年度减排任务 减少 1200吨");
    assertThat(overdue.figure()).isEqualTo("1000吨");
    reportedAt(
        jdbc,
        TestPlans.report(
            port,
            token(liaison),
            task,
            Map.of("status", "done", "text", "全年减排1250吨。", field, "1250"),
            List.of()),
        "2026-02-01T10:00:00+08:00");
    PlanDashboard.Deadline missed = row(plan, LocalDate.of(2026, 3, 1));
    assertThat(missed.state()).isEqualTo(TargetDeadline.MISSED);
    assertThat(missed.doneOn()).hasValue(LocalDate.of(2026, 2, 1));
    assertThat(target(token(liaison), task).get("met").asBoolean()).isTrue();
    assertThat(evaluationRow(planning, plan))
        .contains("年度减排任务减少1200吨", "1000吨")
        .doesNotContain("待上级下达");
  }

  @Test
  void aDraftTakesTheFigureARevisionCarriesItAndASupersededVersionTakesNone() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long draft =
        TestPlans.draftPlan(port, token(planner), "下达草稿方案.txt", TestPlans.demoPlanWith(TASK));
    long task = TestPlans.taskId(jdbc, draft, TITLE);
    int position = target(token(planner), task).get("position").asInt();
    String path = "/dispatch/review/tasks/" + task + "/targets/" + position + "/assigned";
    WebSession planning = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    HttpResponse<String> entered =
        planning.post(
            path, Map.of("comparator", "≥", "value", "800", "unit", "吨", "source", SOURCE));
    assertThat(entered.statusCode()).as(entered.body()).isEqualTo(302);
    assertThat(target(token(planner), task).get("value").decimalValue())
        .isEqualByComparingTo("800");
    assertThat(
            JsonApi.bearer(port, token(planner))
                .post("/api/v1/plans/" + draft + "/publish", Map.of("confirmed", "true"))
                .statusCode())
        .isEqualTo(200);

    // 修订: the new version's task carries the figure
    HttpResponse<String> revised =
        planning.post("/dispatch/review/plans/" + draft + "/revise", Map.of());
    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(302);
    long next =
        jdbc.sql(
                "SELECT MAX(id) FROM dispatch_plan WHERE series_id = (SELECT series_id FROM"
                    + " dispatch_plan WHERE id = :id)")
            .param("id", draft)
            .query(Long.class)
            .single();
    assertThat(next).isNotEqualTo(draft);
    long copy = TestPlans.taskId(jdbc, next, TITLE);
    JsonNode carried = target(token(planner), copy);
    assertThat(carried.get("assignedSource").asText()).isEqualTo(SOURCE);
    assertThat(carried.get("value").decimalValue()).isEqualByComparingTo("800");
    assertThat(
            JsonApi.bearer(port, token(planner))
                .post("/api/v1/plans/" + next + "/publish", Map.of("confirmed", "true"))
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> old =
        planning.post(
            path, Map.of("comparator", "≥", "value", "900", "unit", "吨", "source", SOURCE));
    assertThat(old.statusCode()).isEqualTo(400);
    assertThat(old.body()).contains("已被新版本取代");
    assertThat(target(token(planner), task).get("value").decimalValue())
        .isEqualByComparingTo("800");
  }
}
