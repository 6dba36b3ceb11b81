package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.plandashboard.TestDashboards.dashboard;
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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A task merged into another during review takes its reports along. On a quarterly plan published
 * on 2025-01-10 the lead of 严禁秸秆露天焚烧 (县农业农村局) reports it done with a figure and a PDF, the
 * supporting 生态环境分局 contributes; the planner revises the plan, merges 秸秆 into 加强柴油货车污染治理 (led by
 * 县公安局, who has not reported) and publishes version 2. Version 2's task lists both reports as
 * contributions of the merged task (page and API), the figure on the moved target of the same text,
 * the PDF downloadable; the task's status stays its own (not started) until its own lead reports,
 * and the date it was done is its lead's; on the dashboard the two departments have reported for
 * the quarter and are not reminded, while the police are. A merge on an uploaded replacement
 * follows by title, a figure whose target text changed left out; a revision of version 1 made while
 * version 2 is in force has 秸秆 on its own again, with its reports.
 */
@DemoServerTest
class PlanMergedReportsHttpTest {
  private static final String FARMING = "县农业农村局";
  private static final String POLICE = "县公安局";
  private static final String ECOLOGY = "示范县生态环境分局";
  private static final String DIESEL = "加强柴油货车污染治理";
  private static final String STRAW = "严禁秸秆露天焚烧";
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired PlanDashboardService dashboards;
  @Autowired PlanReportReminders reminders;

  private String user(Role role, String department) {
    return people.user(role, department, "mrg");
  }

  private String token(String username) {
    return people.token(username, "合并");
  }

  /** A report through the API, then set back to {@code at} in the county. */
  private long report(
      String token, long task, Map<String, String> fields, List<Part> files, String at) {
    return reportedAt(jdbc, TestPlans.report(port, token, task, fields, files), at);
  }

  private JsonNode task(String token, long task) {
    return JsonApi.read(JsonApi.bearer(port, token).get("/api/v1/tasks/" + task));
  }

  /** The position of the task's first target whose metric mentions {@code word}. */
  private static int target(JsonNode task, String word) {
    for (JsonNode g : task.get("targets")) {
      if (g.path("metric").asText("").contains(word) || g.get("text").asText().contains(word)) {
        return g.get("position").asInt();
      }
    }
    throw new AssertionError("no target of " + word + " in " + task.get("targets"));
  }

  private static List<String> texts(JsonNode progress) {
    List<String> texts = new ArrayList<>();
    progress.forEach(p -> texts.add(p.get("text").asText()));
    return texts;
  }

  @Test
  void aMergedTasksReportsFollowAsContributionsToTheTaskItWasMergedInto() {
    String planner = user(Role.PLANNER, ECOLOGY);
    String farmer = user(Role.LIAISON, FARMING);
    String ecology = user(Role.LIAISON, ECOLOGY);
    String police = user(Role.LIAISON, POLICE);
    long v1 = TestPlans.publishedDemoPlan(port, token(planner), "合并报告测试方案.txt");
    scheduleReports(jdbc, v1, DispatchSchedule.QUARTERLY);
    publishedOn(jdbc, v1, "2025-01-10T10:00:00+08:00");

    long straw1 = taskId(jdbc, v1, STRAW);
    int strawTarget = target(task(token(farmer), straw1), "秸秆");
    report(
        token(farmer),
        straw1,
        Map.of(
            "status",
            "done",
            "text",
            "秸秆综合利用率达96%，全年无露天焚烧。",
            "figure." + strawTarget,
            "96",
            "figure." + strawTarget + ".note",
            "农业农村局统计"),
        List.of(new Part("files", "秸秆台账.pdf", PDF)),
        "2025-03-22T15:00:00+08:00");
    report(
        token(ecology),
        straw1,
        Map.of("status", "in-progress", "text", "卫星遥感火点核查12处。"),
        List.of(),
        "2025-03-23T09:00:00+08:00");

    // 修订: 秸秆 merged into the task above, version 2 out
    WebSession page = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    long v2 = revise(page, v1);
    redirected(page.post("/dispatch/review/tasks/" + taskId(jdbc, v2, STRAW) + "/merge", Map.of()));
    redirected(page.post("/dispatch/plans/" + v2 + "/publish", Map.of("confirmed", "true")));
    publishedOn(jdbc, v2, "2025-03-25T10:00:00+08:00");
    long diesel2 = taskId(jdbc, v2, DIESEL);

    // the API: both reports on the merged-into task, as contributions of 秸秆
    JsonNode detail = task(token(police), diesel2);
    assertThat(detail.get("status").asText()).isEqualTo("not-started");
    JsonNode progress = detail.get("progress");
    assertThat(texts(progress)).containsExactly("卫星遥感火点核查12处。", "秸秆综合利用率达96%，全年无露天焚烧。");
    progress.forEach(p -> assertThat(p.get("mergedFrom").asText()).isEqualTo(STRAW));
    JsonNode done = progress.get(1);
    assertThat(done.get("department").asText()).isEqualTo(FARMING);
    assertThat(done.get("reportedBy").asText()).isEqualTo(farmer);
    assertThat(done.get("status").asText()).isEqualTo("done");
    int moved = target(detail, "秸秆");
    assertThat(done.get("figures")).hasSize(1);
    assertThat(done.get("figures").get(0).get("targetPosition").asInt()).isEqualTo(moved);
    assertThat(done.get("figures").get(0).get("value").decimalValue()).isEqualByComparingTo("96");
    String url = done.get("files").get(0).get("url").asText();
    assertThat(url).startsWith("/api/v1/tasks/" + diesel2 + "/files/");
    HttpResponse<String> pdf = JsonApi.bearer(port, token(police)).get(url);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF");
    // the figure is a reading of the moved target
    for (JsonNode g : detail.get("targets")) {
      if (g.get("position").asInt() == moved) {
        assertThat(g.get("latest").decimalValue()).isEqualByComparingTo("96");
      }
    }

    // the task page tells where the reports come from; the farmer sees them on the task
    String html =
        WebSession.loggedIn(port, farmer, TestUsers.PASSWORD)
            .get("/dispatch/tasks/" + diesel2)
            .body();
    assertThat(html)
        .contains("秸秆综合利用率达96%，全年无露天焚烧。", "2025-03-22 15:00", "秸秆台账.pdf")
        .contains("原任务“" + STRAW + "”的报告");

    // the dashboard: the two departments reported for the quarter, the police did not
    PlanDashboard march = dashboard(dashboards, v2, LocalDate.of(2025, 3, 27));
    assertThat(reporting(march, FARMING).lastReport()).hasValue(LocalDate.of(2025, 3, 22));
    assertThat(reporting(march, FARMING).remind()).isFalse();
    assertThat(reporting(march, ECOLOGY).lastReport()).hasValue(LocalDate.of(2025, 3, 23));
    assertThat(reporting(march, POLICE).remind()).isTrue();
    PlanDashboard.Department farming = department(march, FARMING);
    assertThat(farming.done()).as("the merged task's done is not the task's").isZero();
    reminders.runFor(OffsetDateTime.parse("2025-03-27T09:00:00+08:00"));
    assertThat(told(jdbc, farmer, v2)).isZero();
    assertThat(told(jdbc, ecology, v2)).isZero();
    assertThat(told(jdbc, police, v2)).isEqualTo(1);

    // the task's own lead decides its status, and the day it was done
    report(
        token(police),
        diesel2,
        Map.of("status", "done", "text", "国三及以下营运柴油货车全部淘汰。"),
        List.of(),
        "2025-03-28T10:00:00+08:00");
    assertThat(task(token(police), diesel2).get("status").asText()).isEqualTo("done");
    PlanDashboard april = dashboard(dashboards, v2, LocalDate.of(2025, 4, 2));
    assertThat(april.deadlines())
        .filteredOn(d -> d.taskId() == diesel2 && d.target().contains("国三"))
        .singleElement()
        .satisfies(d -> assertThat(d.doneOn()).hasValue(LocalDate.of(2025, 3, 28)));

    // version 1 keeps its own; the publish tells what followed
    assertThat(
            JsonApi.read(
                JsonApi.bearer(port, token(planner)).get("/api/v1/tasks/" + straw1 + "/progress")))
        .hasSize(2);
    assertThat(
            jdbc.sql(
                    "SELECT summary || ' ' || after_state FROM audit_entry WHERE entity_type ="
                        + " 'dispatch-plan' AND entity_id = :id AND action = 'UPDATE'")
                .param("id", String.valueOf(v2))
                .query(String.class)
                .list())
        .anySatisfy(
            a ->
                assertThat(a)
                    .contains("1 个并入其他任务的任务的 2 份进展报告")
                    .contains("\"mergedTasks\":1", "\"mergedReports\":2"));
  }

  @Test
  void aMergeOnAnUploadedReplacementFollowsByTitleAndDropsAFigureOfAnotherTarget() {
    String planner = user(Role.PLANNER, ECOLOGY);
    String farmer = user(Role.LIAISON, FARMING);
    long v1 = TestPlans.publishedDemoPlan(port, token(planner), "合并替换测试方案.txt");
    long straw1 = taskId(jdbc, v1, STRAW);
    int strawTarget = target(task(token(farmer), straw1), "秸秆");
    report(
        token(farmer),
        straw1,
        Map.of("status", "in-progress", "text", "秸秆综合利用率93%。", "figure." + strawTarget, "93"),
        List.of(),
        "2025-06-16T10:00:00+08:00");

    // the corrected file measures 秸秆 by another rate; the planner merges it into the task above
    String text =
        new String(TestPlans.demoPlanText(), StandardCharsets.UTF_8)
            .replace("秸秆综合利用率达到95%以上", "秸秆还田率达到95%以上");
    long v2 =
        TestPlans.draftReplacing(
            port, token(planner), v1, "合并替换测试方案（更正）.txt", text.getBytes(StandardCharsets.UTF_8));
    WebSession page = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    redirected(page.post("/dispatch/review/tasks/" + taskId(jdbc, v2, STRAW) + "/merge", Map.of()));
    redirected(page.post("/dispatch/plans/" + v2 + "/publish", Map.of("confirmed", "true")));

    JsonNode progress =
        JsonApi.read(
            JsonApi.bearer(port, token(farmer))
                .get("/api/v1/tasks/" + taskId(jdbc, v2, DIESEL) + "/progress"));
    assertThat(texts(progress)).containsExactly("秸秆综合利用率93%。");
    assertThat(progress.get(0).get("mergedFrom").asText()).isEqualTo(STRAW);
    assertThat(progress.get(0).get("figures")).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'dispatch-plan' AND"
                        + " entity_id = :v AND after_state LIKE '%\"droppedFigures\":1%'")
                .param("v", String.valueOf(v2))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /**
   * Version 3, revised from version 1 while version 2 (秸秆 merged) is in force, keeps 秸秆 as a task
   * of its own: its reports go back to it, not to the task it was merged into in version 2.
   */
  @Test
  void aRevisionWithoutTheMergeGivesTheTaskItsReportsBack() {
    String planner = user(Role.PLANNER, ECOLOGY);
    String farmer = user(Role.LIAISON, FARMING);
    String police = user(Role.LIAISON, POLICE);
    long v1 = TestPlans.publishedDemoPlan(port, token(planner), "合并撤回测试方案.txt");
    report(
        token(farmer),
        taskId(jdbc, v1, STRAW),
        Map.of("status", "in-progress", "text", "秸秆巡查第一季度。"),
        List.of(),
        "2025-03-20T10:00:00+08:00");
    WebSession page = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    long v2 = revise(page, v1);
    redirected(page.post("/dispatch/review/tasks/" + taskId(jdbc, v2, STRAW) + "/merge", Map.of()));
    redirected(page.post("/dispatch/plans/" + v2 + "/publish", Map.of("confirmed", "true")));
    report(
        token(police),
        taskId(jdbc, v2, DIESEL),
        Map.of("status", "in-progress", "text", "柴油货车路检第二季度。"),
        List.of(),
        "2025-06-20T10:00:00+08:00");

    long v3 = revise(page, v1);
    redirected(page.post("/dispatch/plans/" + v3 + "/publish", Map.of("confirmed", "true")));

    JsonNode straw = task(token(farmer), taskId(jdbc, v3, STRAW));
    assertThat(texts(straw.get("progress"))).containsExactly("秸秆巡查第一季度。");
    assertThat(
            straw.get("progress").get(0).path("mergedFrom").isMissingNode()
                || straw.get("progress").get(0).get("mergedFrom").isNull())
        .isTrue();
    assertThat(straw.get("status").asText()).isEqualTo("in-progress");
    assertThat(texts(task(token(police), taskId(jdbc, v3, DIESEL)).get("progress")))
        .containsExactly("柴油货车路检第二季度。");
  }
}
