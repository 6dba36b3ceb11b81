package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.plandashboard.TestDashboards.dashboard;
import static org.qingshan.server.plandashboard.TestDashboards.deadline;
import static org.qingshan.server.support.TestPlans.reportedAt;
import static org.qingshan.server.support.TestPlans.taskId;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.MultipartForm.Part;
import org.qingshan.server.support.TestEnvironment;
import org.qingshan.server.support.TestPlans;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Figures per dated target: a liaison of the lead department reports a figure for 机械化清扫率 (≥ 90% by
 * 2025-12-31) with the report, through the API and the page's form; a supporting department's
 * figure and bad figures are refused and store nothing; the task's history and targets show the
 * figures; the dashboard's timeline judges the target by the latest figure at explicit dates (open,
 * met before and at the deadline; a 95% target overdue, then reached late: missed); the mid-term
 * evaluation lists the figure and the state.
 */
@DemoServerTest
class PlanFiguresHttpTest {
  private static final String ENFORCEMENT = "县综合行政执法局";
  private static final String ZHUJIAN = "县住房和城乡建设局";
  private static final String FARMING = "县农业农村局";
  private static final String SWEEPING = "推进道路机械化清扫";
  private static final String STRAW = "严禁秸秆露天焚烧";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired PlanDashboardService dashboards;

  private String user(Role role, String department) {
    return people.user(role, department, "fig");
  }

  private String token(String username) {
    return people.token(username, "数值");
  }

  private long publishedPlan(String planner) {
    return TestPlans.publishedDemoPlan(port, token(planner), "数值测试方案.txt");
  }

  private HttpResponse<String> report(String token, long task, Map<String, String> fields) {
    return TestPlans.report(port, token, task, fields, List.of());
  }

  private long figures(long task) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM dispatch_figure f JOIN dispatch_progress p ON p.id ="
                + " f.progress_id WHERE p.task_id = :t")
        .param("t", task)
        .query(Long.class)
        .single();
  }

  private PlanDashboard.Deadline row(long plan, String title, LocalDate today) {
    return deadline(dashboard(dashboards, plan, today), title);
  }

  @Test
  void theLeadDepartmentReportsAFigureForATargetAndTheTimelineAndEvaluationJudgeIt()
      throws IOException {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String lead = user(Role.LIAISON, ENFORCEMENT);
    String support = user(Role.LIAISON, ZHUJIAN);
    long plan = publishedPlan(planner);
    long sweeping = taskId(jdbc, plan, SWEEPING);

    JsonNode task =
        JsonApi.read(JsonApi.bearer(port, token(lead)).get("/api/v1/tasks/" + sweeping));
    JsonNode target = task.get("targets").get(0);
    assertThat(target.get("measurable").asBoolean()).isTrue();
    assertThat(target.get("comparator").asText()).isEqualTo("≥");
    assertThat(target.get("value").decimalValue()).isEqualByComparingTo("90");
    assertThat(target.get("unit").asText()).isEqualTo("%");
    assertThat(target.get("deadline").asText()).isEqualTo("2025-12-31");
    assertThat(target.get("latest").isNull() || target.get("latest").isMissingNode()).isTrue();
    String field = "figure." + target.get("position").asInt();

    // A supporting department reports its work, not the task's figures; bad figures store nothing.
    HttpResponse<String> bySupport =
        report(
            token(support),
            sweeping,
            Map.of("status", "in-progress", "text", "配合移交道路", field, "80"));
    assertThat(bySupport.statusCode()).as(bySupport.body()).isEqualTo(400);
    assertThat(bySupport.body()).contains("牵头单位");
    HttpResponse<String> notANumber =
        report(token(lead), sweeping, Map.of("status", "in-progress", "text", "机扫推进", field, "九十"));
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.body()).contains("不是有效的数字");
    HttpResponse<String> noteOnly =
        report(
            token(lead),
            sweeping,
            Map.of("status", "in-progress", "text", "机扫推进", field + ".note", "数据待统计"));
    assertThat(noteOnly.statusCode()).isEqualTo(400);
    HttpResponse<String> noSuchTarget =
        report(
            token(lead),
            sweeping,
            Map.of("status", "in-progress", "text", "机扫推进", "figure.7", "1"));
    assertThat(noSuchTarget.statusCode()).isEqualTo(400);
    assertThat(figures(sweeping)).isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM dispatch_progress WHERE task_id = :t")
                .param("t", sweeping)
                .query(Long.class)
                .single())
        .isZero();

    // 85 in June: short of 90, the deadline still ahead
    HttpResponse<String> june =
        report(
            token(lead),
            sweeping,
            Map.of(
                "status",
                "in-progress",
                "text",
                "新增机扫道路12条。",
                field,
                "85",
                field + ".note",
                "新建道路待移交"));
    assertThat(june.statusCode()).as(june.body()).isEqualTo(201);
    JsonNode figure = JsonApi.read(june).get("figures").get(0);
    assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("85");
    assertThat(figure.get("note").asText()).isEqualTo("新建道路待移交");
    reportedAt(jdbc, june, "2025-06-15T10:00:00+08:00");
    // a supporting department's report without figures is still welcome
    HttpResponse<String> helped =
        report(token(support), sweeping, Map.of("status", "in-progress", "text", "已移交新建道路3条。"));
    assertThat(helped.statusCode()).as(helped.body()).isEqualTo(201);
    reportedAt(jdbc, helped, "2025-06-20T10:00:00+08:00");

    JsonNode after =
        JsonApi.read(JsonApi.bearer(port, token(planner)).get("/api/v1/tasks/" + sweeping))
            .get("targets")
            .get(0);
    assertThat(after.get("latest").decimalValue()).isEqualByComparingTo("85");
    assertThat(after.get("met").asBoolean()).isFalse();

    PlanDashboard.Deadline july = row(plan, SWEEPING, LocalDate.of(2025, 7, 1));
    assertThat(july.state()).isEqualTo(TargetDeadline.OPEN);
    assertThat(july.target()).contains("≥ 90%");
    assertThat(july.figure()).isEqualTo("85%（新建道路待移交）");
    // not known yet before it was reported
    assertThat(row(plan, SWEEPING, LocalDate.of(2025, 6, 1)).figure()).isEmpty();

    // 92 in November through the page's form: met before the deadline, and still met after it
    WebSession page = WebSession.loggedIn(port, lead, TestUsers.PASSWORD);
    String html = page.get("/dispatch/tasks/" + sweeping).body();
    assertThat(html).contains("name=\"" + field + "\"", "时限目标", "85%（新建道路待移交）");
    HttpResponse<String> posted =
        page.post(
            "/dispatch/tasks/" + sweeping + "/progress",
            Map.of("status", "in-progress", "text", "建成区道路机扫全覆盖。", field, "92"));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
    long november =
        jdbc.sql("SELECT MAX(id) FROM dispatch_progress WHERE task_id = :t")
            .param("t", sweeping)
            .query(Long.class)
            .single();
    reportedAt(jdbc, november, "2025-11-20T09:00:00+08:00");
    assertThat(figures(sweeping)).isEqualTo(2);
    PlanDashboard.Deadline december = row(plan, SWEEPING, LocalDate.of(2025, 12, 1));
    assertThat(december.state()).isEqualTo(TargetDeadline.MET);
    assertThat(december.doneOn()).hasValue(LocalDate.of(2025, 11, 20));
    assertThat(december.figure()).isEqualTo("92%");
    assertThat(row(plan, SWEEPING, LocalDate.of(2026, 2, 1)).state()).isEqualTo(TargetDeadline.MET);
    // the history shows each report's figure
    String history = page.get("/dispatch/tasks/" + sweeping).body();
    assertThat(history).contains("92%", "85%（新建道路待移交）", "已达到");
    // the supporting liaison's form has no figure inputs, and says why
    String supportPage =
        WebSession.loggedIn(port, support, TestUsers.PASSWORD)
            .get("/dispatch/tasks/" + sweeping)
            .body();
    assertThat(supportPage).doesNotContain("name=\"" + field + "\"").contains("由牵头单位");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND entity_type ="
                        + " 'dispatch-task' AND entity_id = :t AND after_state LIKE '%figures%'")
                .param("a", lead)
                .param("t", String.valueOf(sweeping))
                .query(Long.class)
                .single())
        .isEqualTo(2);

    // 力争 ≥ 95% by 2025: 90 in October falls short past the deadline (overdue), 96 in March late
    String farmer = user(Role.LIAISON, FARMING);
    long straw = taskId(jdbc, plan, STRAW);
    JsonNode strawTarget =
        JsonApi.read(JsonApi.bearer(port, token(farmer)).get("/api/v1/tasks/" + straw))
            .get("targets")
            .get(0);
    assertThat(strawTarget.get("comparator").asText()).isEqualTo("力争≥");
    String strawField = "figure." + strawTarget.get("position").asInt();
    reportedAt(
        jdbc,
        report(
            token(farmer),
            straw,
            Map.of("status", "in-progress", "text", "秸秆还田。", strawField, "90")),
        "2025-10-01T10:00:00+08:00");
    PlanDashboard.Deadline january = row(plan, STRAW, LocalDate.of(2026, 1, 15));
    assertThat(january.state()).isEqualTo(TargetDeadline.OVERDUE);
    assertThat(dashboard(dashboards, plan, LocalDate.of(2026, 1, 15)).deadlines())
        .filteredOn(d -> d.state() == TargetDeadline.OVERDUE)
        .extracting(PlanDashboard.Deadline::title)
        .contains(STRAW)
        .doesNotContain(SWEEPING);
    reportedAt(
        jdbc,
        report(
            token(farmer), straw, Map.of("status", "done", "text", "综合利用率96%。", strawField, "96")),
        "2026-03-01T10:00:00+08:00");
    PlanDashboard.Deadline april = row(plan, STRAW, LocalDate.of(2026, 4, 1));
    assertThat(april.state()).isEqualTo(TargetDeadline.MISSED);
    assertThat(april.doneOn()).hasValue(LocalDate.of(2026, 3, 1));
    assertThat(row(plan, STRAW, LocalDate.of(2026, 1, 15)).state())
        .isEqualTo(TargetDeadline.OVERDUE);

    // the dashboard page and its export show the target and the figure
    WebSession planning = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    assertThat(planning.get("/plan-dashboard?plan=" + plan).body()).contains("≥ 90%", "92%");

    // the mid-term evaluation at the end of 2025: the sweeping target met with 92%
    HttpResponse<byte[]> docx =
        planning.getBytes(
            "/api/v1/plans/" + plan + "/evaluation?kind=midterm&date=2025-12-31&format=docx");
    assertThat(docx.statusCode()).isEqualTo(200);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      String t = text.getText();
      assertThat(t).contains("时限目标完成情况", SWEEPING, "不低于90%", "92%");
      assertThat(t).contains("秸秆综合利用率", "90%");
      assertThat(t).doesNotContain("96%");
    }
    HttpResponse<byte[]> pdf =
        planning.getBytes(
            "/api/v1/plans/" + plan + "/evaluation?kind=midterm&date=2025-12-31&format=pdf");
    if (pdf.statusCode() == 400 && new String(pdf.body()).contains("中文字体")) {
      Assumptions.assumeTrue(
          TestEnvironment.required("browser"), "no CJK font on this machine: PDF part skipped");
    }
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("时限目标完成情况", "不低于90%", "92%");
    }
  }

  @Test
  void thePlannerCorrectsATargetOfADraftSoThatItTakesFigures() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    HttpResponse<String> created =
        MultipartForm.bearer(
            port,
            token(planner),
            "/api/v1/plans",
            Map.of(),
            List.of(new Part("file", "目标更正方案.txt", TestPlans.demoPlanText())));
    long plan = JsonApi.id(created);
    long pipes = taskId(jdbc, plan, "补齐城镇污水收集管网短板");
    WebSession session = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    // 新建改造污水管网20公里 names no comparator: the importer left the value out
    JsonNode before =
        JsonApi.read(JsonApi.bearer(port, token(planner)).get("/api/v1/tasks/" + pipes))
            .get("targets")
            .get(0);
    assertThat(before.get("measurable").asBoolean()).isFalse();
    int position = before.get("position").asInt();
    String path = "/dispatch/review/tasks/" + pipes + "/targets/" + position;
    assertThat(session.get("/dispatch/tasks/" + pipes).body()).contains(path);

    // a comparator without a value is refused and changes nothing
    session.post(path, Map.of("metric", "新建改造污水管网", "comparator", "≥", "value", "", "unit", "公里"));
    String liaison = user(Role.LIAISON, ZHUJIAN);
    assertThat(
            WebSession.loggedIn(port, liaison, TestUsers.PASSWORD)
                .post(path, Map.of("comparator", "≥", "value", "1"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            JsonApi.read(JsonApi.bearer(port, token(planner)).get("/api/v1/tasks/" + pipes))
                .get("targets")
                .get(0)
                .get("measurable")
                .asBoolean())
        .isFalse();

    HttpResponse<String> saved =
        session.post(
            path,
            Map.of(
                "metric", "新建改造污水管网",
                "comparator", "≥",
                "value", "20",
                "unit", "公里",
                "deadline", "2024-12-31"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    JsonNode after =
        JsonApi.read(JsonApi.bearer(port, token(planner)).get("/api/v1/tasks/" + pipes))
            .get("targets")
            .get(0);
    assertThat(after.get("measurable").asBoolean()).isTrue();
    assertThat(after.get("comparator").asText()).isEqualTo("≥");
    assertThat(after.get("value").decimalValue()).isEqualByComparingTo("20");
    assertThat(after.get("unit").asText()).isEqualTo("公里");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dispatch_correction WHERE plan_id = :p AND kind ="
                        + " 'target' AND description LIKE '%新建改造污水管网 ≥ 20公里%'")
                .param("p", plan)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // published, the lead liaison reports 12.5 公里 against it
    assertThat(
            JsonApi.bearer(port, token(planner))
                .post("/api/v1/plans/" + plan + "/publish", Map.of("confirmed", "true"))
                .statusCode())
        .isEqualTo(200);
    assertThat(session.get("/dispatch/tasks/" + pipes).body()).doesNotContain(path);
    HttpResponse<String> report =
        report(
            token(liaison),
            pipes,
            Map.of("status", "in-progress", "text", "已完成12.5公里。", "figure." + position, "12.5"));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    JsonNode target =
        JsonApi.read(JsonApi.bearer(port, token(liaison)).get("/api/v1/tasks/" + pipes))
            .get("targets")
            .get(0);
    assertThat(target.get("latest").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(target.get("met").asBoolean()).isFalse();
  }
}
