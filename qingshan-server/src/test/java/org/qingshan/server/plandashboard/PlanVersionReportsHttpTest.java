package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.plandashboard.TestDashboards.dashboard;
import static org.qingshan.server.plandashboard.TestDashboards.deadline;
import static org.qingshan.server.plandashboard.TestDashboards.department;
import static org.qingshan.server.plandashboard.TestDashboards.reporting;
import static org.qingshan.server.plandashboard.TestNotifications.told;
import static org.qingshan.server.support.TestPlans.publishedOn;
import static org.qingshan.server.support.TestPlans.reportedAt;
import static org.qingshan.server.support.TestPlans.revise;
import static org.qingshan.server.support.TestPlans.scheduleReports;
import static org.qingshan.server.support.TestPlans.taskId;
import static org.qingshan.server.support.WebSession.redirected;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.qingshan.server.plandispatch.DispatchSchedule;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.MultipartForm.Part;
import org.qingshan.server.support.TestPlans;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The departments' reports follow a plan's correction. On a quarterly plan published on 2025-01-10
 * the lead department of 推进道路机械化清扫 reports it done with a figure and a PDF, a supporting department
 * contributes, and the lead of 严禁秸秆露天焚烧 reports; the planner revises the plan (corrects the first
 * task's title and text, merges the second into the task above) and publishes version 2. Version
 * 2's task shows both reports with their dates and authors, the figure on its target, the PDF
 * downloadable, through the page and the API; 我的任务 lists it done; the dashboard counts the
 * department's task done on time and its report for the quarter (no reminder, while a department
 * without a report is reminded); the evaluation lists the figure; the merged task's report follows
 * to the task it was merged into as a contribution (PlanMergedReportsHttpTest tells more); the
 * publish is audited with the count. A replacement uploaded as the next version carries by title, a
 * figure following its target (same measure and date, its sentence reworded) to a new position and
 * left out where the target now measures something else; a task the file no longer has keeps its
 * report in version 1 only.
 */
@DemoServerTest
class PlanVersionReportsHttpTest {
  private static final String ENFORCEMENT = "县综合行政执法局";
  private static final String ZHUJIAN = "县住房和城乡建设局";
  private static final String FARMING = "县农业农村局";
  private static final String POLICE = "县公安局";
  private static final String HEALTH = "县卫生健康局";
  private static final String SWEEPING = "推进道路机械化清扫";
  private static final String STRAW = "严禁秸秆露天焚烧";
  private static final String DIESEL = "加强柴油货车污染治理";
  private static final String MEDICAL = "加强医疗废物收集处置";
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired PlanDashboardService dashboards;
  @Autowired PlanReportReminders reminders;

  private String user(Role role, String department) {
    return people.user(role, department, "ver");
  }

  private String token(String username) {
    return people.token(username, "版本");
  }

  /** A report through the API, then set back to {@code at} in the county. */
  private long report(
      String token, long task, Map<String, String> fields, List<Part> files, String at) {
    return reportedAt(jdbc, TestPlans.report(port, token, task, fields, files), at);
  }

  private long rows(String sql, Object value) {
    return jdbc.sql(sql).param("v", value).query(Long.class).single();
  }

  @Test
  void aRevisedPlanKeepsTheReportsOfItsTasks() throws IOException {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String lead = user(Role.LIAISON, ENFORCEMENT);
    String support = user(Role.LIAISON, ZHUJIAN);
    String farmer = user(Role.LIAISON, FARMING);
    String police = user(Role.LIAISON, POLICE);
    long v1 = TestPlans.publishedDemoPlan(port, token(planner), "版本报告测试方案.txt");
    scheduleReports(jdbc, v1, DispatchSchedule.QUARTERLY);
    publishedOn(jdbc, v1, "2025-01-10T10:00:00+08:00");

    // the first quarter's reports on version 1
    long sweeping1 = taskId(jdbc, v1, SWEEPING);
    JsonNode target =
        JsonApi.read(JsonApi.bearer(port, token(lead)).get("/api/v1/tasks/" + sweeping1))
            .get("targets")
            .get(0);
    int position = target.get("position").asInt();
    String field = "figure." + position;
    long leadReport =
        report(
            token(lead),
            sweeping1,
            Map.of("status", "done", "text", "建成区道路机扫全覆盖。", field, "92", field + ".note", "一季度统计"),
            List.of(new Part("files", "机扫台账.pdf", PDF)),
            "2025-03-20T10:00:00+08:00");
    report(
        token(support),
        sweeping1,
        Map.of("status", "in-progress", "text", "已移交新建道路3条。"),
        List.of(),
        "2025-03-21T09:30:00+08:00");
    long straw1 = taskId(jdbc, v1, STRAW);
    report(
        token(farmer),
        straw1,
        Map.of("status", "in-progress", "text", "夏收前秸秆巡查网格全覆盖。"),
        List.of(),
        "2025-03-22T15:00:00+08:00");

    // 修订: the task's title and text corrected, 秸秆 merged into the task above, version 2 out
    WebSession page = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    long v2 = revise(page, v1);
    String corrected = SWEEPING + "（第二版更正）";
    long sweeping2draft = taskId(jdbc, v2, SWEEPING);
    redirected(
        page.post(
            "/dispatch/review/tasks/" + sweeping2draft,
            Map.of(
                "title",
                corrected,
                "text",
                "扩大县城道路机扫、洒水作业范围，优先保障主干道，到2025年，县城建成区道路机械化清扫率达到90%以上。",
                "due",
                "2025-12-31")));
    long straw2draft = taskId(jdbc, v2, STRAW);
    redirected(page.post("/dispatch/review/tasks/" + straw2draft + "/merge", Map.of()));
    redirected(page.post("/dispatch/plans/" + v2 + "/publish", Map.of("confirmed", "true")));
    publishedOn(jdbc, v2, "2025-03-25T10:00:00+08:00");
    long sweeping2 = taskId(jdbc, v2, corrected);
    assertThat(sweeping2).isEqualTo(sweeping2draft);

    // the API: both reports on version 2's task, as they were made
    JsonNode progress =
        JsonApi.read(
            JsonApi.bearer(port, token(lead)).get("/api/v1/tasks/" + sweeping2 + "/progress"));
    assertThat(progress).hasSize(2);
    JsonNode contribution = progress.get(0);
    assertThat(contribution.get("reportedBy").asText()).isEqualTo(support);
    assertThat(contribution.get("role").asText()).isEqualTo("support");
    assertThat(contribution.get("department").asText()).isEqualTo(ZHUJIAN);
    JsonNode carried = progress.get(1);
    assertThat(carried.get("id").asLong()).isNotEqualTo(leadReport);
    assertThat(carried.get("reportedBy").asText()).isEqualTo(lead);
    assertThat(OffsetDateTime.parse(carried.get("reportedAt").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse("2025-03-20T10:00:00+08:00").toInstant());
    assertThat(carried.get("status").asText()).isEqualTo("done");
    assertThat(carried.get("department").asText()).isEqualTo(ENFORCEMENT);
    assertThat(carried.get("text").asText()).isEqualTo("建成区道路机扫全覆盖。");
    JsonNode figure = carried.get("figures").get(0);
    assertThat(figure.get("targetPosition").asInt()).isEqualTo(position);
    assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("92");
    assertThat(figure.get("note").asText()).isEqualTo("一季度统计");
    JsonNode file = carried.get("files").get(0);
    assertThat(file.get("name").asText()).isEqualTo("机扫台账.pdf");
    assertThat(file.get("url").asText()).startsWith("/api/v1/tasks/" + sweeping2 + "/files/");
    HttpResponse<String> pdf = JsonApi.bearer(port, token(lead)).get(file.get("url").asText());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF");
    // the same stored file, not a second copy on disk
    assertThat(
            rows(
                "SELECT COUNT(DISTINCT stored_name) FROM dispatch_evidence WHERE file_name = :v",
                "机扫台账.pdf"))
        .isEqualTo(1);

    // the task: status carried, the figure on its target
    JsonNode task =
        JsonApi.read(JsonApi.bearer(port, token(lead)).get("/api/v1/tasks/" + sweeping2));
    assertThat(task.get("status").asText()).isEqualTo("done");
    JsonNode onTarget = task.get("targets").get(0);
    assertThat(onTarget.get("latest").decimalValue()).isEqualByComparingTo("92");
    assertThat(onTarget.get("met").asBoolean()).isTrue();

    // the task page's history, its file link, and 我的任务
    WebSession leadPage = WebSession.loggedIn(port, lead, TestUsers.PASSWORD);
    String html = leadPage.get("/dispatch/tasks/" + sweeping2).body();
    assertThat(html)
        .contains(corrected, "2025-03-20 10:00", "建成区道路机扫全覆盖。", "92%（一季度统计）", "机扫台账.pdf")
        .contains("2025-03-21 09:30", "已移交新建道路3条。");
    String link =
        "/dispatch/tasks/" + sweeping2 + "/files/" + file.get("url").asText().replaceAll(".*/", "");
    assertThat(html).contains(link);
    HttpResponse<byte[]> download = leadPage.getBytes(link);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(new String(download.body(), StandardCharsets.US_ASCII)).startsWith("%PDF");
    String mine =
        leadPage
            .get(
                "/dispatch/my-tasks?q="
                    + java.net.URLEncoder.encode(corrected, StandardCharsets.UTF_8))
            .body();
    assertThat(mine).contains("/dispatch/tasks/" + sweeping2, "已完成");
    assertThat(mine).doesNotContain("/dispatch/tasks/" + sweeping1 + "\"");

    // version 1 keeps its history as it was
    assertThat(rows("SELECT COUNT(*) FROM dispatch_progress WHERE task_id = :v", sweeping1))
        .isEqualTo(2);
    assertThat(
            rows(
                "SELECT COUNT(*) FROM dispatch_progress WHERE origin_progress_id = :v", leadReport))
        .isEqualTo(1);

    // the merged task's report follows to the task it was merged into, as a contribution
    assertThat(
            rows(
                "SELECT COUNT(*) FROM dispatch_progress p JOIN dispatch_task t ON t.id = p.task_id"
                    + " WHERE t.plan_id = :v",
                v2))
        .isEqualTo(3);
    JsonNode diesel =
        JsonApi.read(
            JsonApi.bearer(port, token(planner))
                .get("/api/v1/tasks/" + taskId(jdbc, v2, DIESEL) + "/progress"));
    assertThat(diesel).hasSize(1);
    assertThat(diesel.get(0).get("text").asText()).isEqualTo("夏收前秸秆巡查网格全覆盖。");
    assertThat(diesel.get(0).get("mergedFrom").asText()).isEqualTo(STRAW);

    // the dashboard: the task done on time, the department reported for the quarter
    PlanDashboard march = dashboard(dashboards, v2, LocalDate.of(2025, 3, 27));
    PlanDashboard.Department enforcement = department(march, ENFORCEMENT);
    assertThat(enforcement.done()).isEqualTo(1);
    assertThat(enforcement.onTime()).isEqualTo(1);
    PlanDashboard.Reporting reported = reporting(march, ENFORCEMENT);
    assertThat(reported.lastReport()).hasValue(LocalDate.of(2025, 3, 20));
    assertThat(reported.remind()).isFalse();
    assertThat(reporting(march, ZHUJIAN).lastReport()).hasValue(LocalDate.of(2025, 3, 21));
    assertThat(reporting(march, POLICE).remind()).isTrue();
    PlanDashboard.Deadline timeline = deadline(march, corrected);
    assertThat(timeline.state()).isEqualTo(TargetDeadline.MET);
    assertThat(timeline.figure()).isEqualTo("92%（一季度统计）");
    assertThat(timeline.doneOn()).hasValue(LocalDate.of(2025, 3, 20));
    assertThat(
            reporting(dashboard(dashboards, v2, LocalDate.of(2025, 4, 2)), ENFORCEMENT).overdue())
        .isFalse();

    // the reminders: the police, who did not report, are told; the reporting departments are not
    reminders.runFor(OffsetDateTime.parse("2025-03-27T09:00:00+08:00"));
    assertThat(told(jdbc, police, v2)).isEqualTo(1);
    assertThat(told(jdbc, lead, v2)).isZero();
    assertThat(told(jdbc, support, v2)).isZero();

    // the evaluation of version 2 lists the figure
    HttpResponse<byte[]> docx =
        page.getBytes(
            "/api/v1/plans/" + v2 + "/evaluation?kind=midterm&date=2025-12-31&format=docx");
    assertThat(docx.statusCode()).isEqualTo(200);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      assertThat(text.getText()).contains(corrected, "不低于90%", "92%");
    }

    // the publish's audit entry tells what was carried
    List<String> audit = new ArrayList<>();
    jdbc.sql(
            "SELECT summary || ' ' || after_state FROM audit_entry WHERE entity_type ="
                + " 'dispatch-plan' AND entity_id = :id AND action = 'UPDATE' AND actor = :a")
        .param("id", String.valueOf(v2))
        .param("a", planner)
        .query(String.class)
        .list()
        .forEach(audit::add);
    assertThat(audit)
        .anySatisfy(
            a ->
                assertThat(a)
                    .contains("取代第 1 版", "2 份进展报告", "\"reports\":2", "\"figures\":1")
                    .contains("\"files\":1", "\"mergedTasks\":1", "\"mergedReports\":1"));
  }

  @Test
  void aReplacementUploadedAsTheNextVersionCarriesByTitleAndTarget() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String lead = user(Role.LIAISON, ENFORCEMENT);
    String farmer = user(Role.LIAISON, FARMING);
    String health = user(Role.LIAISON, HEALTH);
    long v1 = TestPlans.publishedDemoPlan(port, token(planner), "版本替换测试方案.txt");
    long sweeping1 = taskId(jdbc, v1, SWEEPING);
    long straw1 = taskId(jdbc, v1, STRAW);
    long medical1 = taskId(jdbc, v1, MEDICAL);
    JsonNode sweepingTarget =
        JsonApi.read(JsonApi.bearer(port, token(lead)).get("/api/v1/tasks/" + sweeping1))
            .get("targets")
            .get(0);
    String metric = sweepingTarget.get("metric").asText();
    int position = sweepingTarget.get("position").asInt();
    report(
        token(lead),
        sweeping1,
        Map.of("status", "in-progress", "text", "机扫率85%。", "figure." + position, "85"),
        List.of(),
        "2025-06-15T10:00:00+08:00");
    int strawPosition =
        JsonApi.read(JsonApi.bearer(port, token(farmer)).get("/api/v1/tasks/" + straw1))
            .get("targets")
            .get(0)
            .get("position")
            .asInt();
    report(
        token(farmer),
        straw1,
        Map.of("status", "in-progress", "text", "秸秆综合利用率93%。", "figure." + strawPosition, "93"),
        List.of(),
        "2025-06-16T10:00:00+08:00");
    report(
        token(health),
        medical1,
        Map.of("status", "in-progress", "text", "乡镇卫生院收集点建成8个。"),
        List.of(),
        "2025-06-17T10:00:00+08:00");

    // the corrected file: a target before 机扫's (its sentence reworded), 秸秆's target another
    // measure, 医疗废物 gone
    String text =
        new String(TestPlans.demoPlanText(), StandardCharsets.UTF_8)
            .replace("扩大县城道路机扫、洒水作业范围，", "扩大县城道路机扫、洒水作业范围，2024年底前，县城主干道机械化清扫率达到80%以上；")
            .replace("秸秆综合利用率达到95%以上", "秸秆还田率达到95%以上")
            .replaceAll("9\\. 加强医疗废物收集处置[^\\n]*\\n", "");
    assertThat(text).doesNotContain(MEDICAL).contains("秸秆还田率");
    long v2 =
        TestPlans.draftReplacing(
            port, token(planner), v1, "版本替换测试方案（更正）.txt", text.getBytes(StandardCharsets.UTF_8));
    TestPlans.publish(port, token(planner), v2);

    // the figure follows its target (same measure and date) to its new place
    long sweeping2 = taskId(jdbc, v2, SWEEPING);
    JsonNode task =
        JsonApi.read(JsonApi.bearer(port, token(lead)).get("/api/v1/tasks/" + sweeping2));
    assertThat(task.get("status").asText()).isEqualTo("in-progress");
    int moved = -1;
    for (JsonNode g : task.get("targets")) {
      if (g.get("metric").asText().equals(metric)) {
        moved = g.get("position").asInt();
      }
    }
    assertThat(moved).as(task.get("targets").toString()).isNotEqualTo(position).isPositive();
    JsonNode carried = task.get("progress").get(0);
    assertThat(carried.get("reportedBy").asText()).isEqualTo(lead);
    assertThat(carried.get("figures")).hasSize(1);
    assertThat(carried.get("figures").get(0).get("targetPosition").asInt()).isEqualTo(moved);
    assertThat(carried.get("figures").get(0).get("value").decimalValue())
        .isEqualByComparingTo("85");

    // 秸秆's report carried without the figure for a target that is no longer the plan's
    JsonNode straw =
        JsonApi.read(
            JsonApi.bearer(port, token(farmer))
                .get("/api/v1/tasks/" + taskId(jdbc, v2, STRAW) + "/progress"));
    assertThat(straw).hasSize(1);
    assertThat(straw.get(0).get("text").asText()).isEqualTo("秸秆综合利用率93%。");
    assertThat(straw.get(0).get("figures")).isEmpty();

    // 医疗废物 is gone from version 2: its report stays in version 1 only
    assertThat(rows("SELECT COUNT(*) FROM dispatch_progress WHERE text = :v", "乡镇卫生院收集点建成8个。"))
        .isEqualTo(1);
    assertThat(rows("SELECT COUNT(*) FROM dispatch_progress WHERE task_id = :v", medical1))
        .isEqualTo(1);
    assertThat(
            rows(
                "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'dispatch-plan' AND"
                    + " entity_id = :v AND after_state LIKE '%\"droppedFigures\":1%'",
                String.valueOf(v2)))
        .isEqualTo(1);
  }

  /**
   * Version 3 revised from the superseded version 1 while version 2 is in force: the reports follow
   * the lineage back to the common origin, version 2's (carried ones included) each once.
   */
  @Test
  void aRevisionOfAnOlderVersionTakesTheReportsOfTheVersionInForce() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String lead = user(Role.LIAISON, ENFORCEMENT);
    long v1 = TestPlans.publishedDemoPlan(port, token(planner), "版本沿袭测试方案.txt");
    report(
        token(lead),
        taskId(jdbc, v1, SWEEPING),
        Map.of("status", "in-progress", "text", "第一版上报的进展。"),
        List.of(),
        "2025-03-20T10:00:00+08:00");
    WebSession page = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    long v2 = revise(page, v1);
    redirected(page.post("/dispatch/plans/" + v2 + "/publish", Map.of("confirmed", "true")));
    report(
        token(lead),
        taskId(jdbc, v2, SWEEPING),
        Map.of("status", "in-progress", "text", "第二版上报的进展。"),
        List.of(),
        "2025-06-20T10:00:00+08:00");

    long v3 = revise(page, v1);
    String renamed = SWEEPING + "（第三版）";
    long sweeping3 = taskId(jdbc, v3, SWEEPING);
    redirected(
        page.post(
            "/dispatch/review/tasks/" + sweeping3,
            Map.of("title", renamed, "text", "到2025年，县城建成区道路机械化清扫率达到90%以上。", "due", "2025-12-31")));
    redirected(page.post("/dispatch/plans/" + v3 + "/publish", Map.of("confirmed", "true")));

    JsonNode progress =
        JsonApi.read(
            JsonApi.bearer(port, token(lead)).get("/api/v1/tasks/" + sweeping3 + "/progress"));
    List<String> texts = new ArrayList<>();
    progress.forEach(p -> texts.add(p.get("text").asText()));
    assertThat(texts).containsExactly("第二版上报的进展。", "第一版上报的进展。");
    assertThat(rows("SELECT COUNT(*) FROM dispatch_progress WHERE task_id = :v", sweeping3))
        .isEqualTo(2);
  }
}
