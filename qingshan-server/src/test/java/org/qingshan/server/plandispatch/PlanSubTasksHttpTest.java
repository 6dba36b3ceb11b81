package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.server.plandashboard.PlanDashboard;
import org.qingshan.server.plandashboard.PlanDashboardService;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.MultipartForm.Part;
import org.qingshan.server.support.Sheets;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A plan whose task is broken into （1）/（2） items: stored as sub-tasks under the task (one naming no
 * unit takes the task's units, one naming its own has them), listed after their task by {@code GET
 * /api/v1/plans/{id}/tasks} with the same fields, a liaison sees the sub-tasks of their department
 * and reports on one like on a task, and the pages show them indented.
 */
@DemoServerTest
class PlanSubTasksHttpTest {
  private static final String PASSWORD = "qingshan2026";
  private static final String ECO = "示范县生态环境分局";
  private static final String ZHUJIAN = "县住房和城乡建设局";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired PlanDashboardService dashboards;

  private String user(Role role, String department) {
    return people.user(role, department, "st");
  }

  private String token(String username) {
    return people.token(username, "子任务");
  }

  private static String chinese(String digits) {
    StringBuilder b = new StringBuilder();
    for (char c : digits.toCharArray()) {
      if (Character.isDigit(c)) {
        b.append("零一二三四五六七八九".charAt(c - '0'));
      }
    }
    return b.toString();
  }

  private static String plan(String mark) {
    return """
        示范县生态环境保护子任务演练方案%1$s（2023—2025年）

        一、总体要求

        到2025年，全县生态环境质量持续改善。

        二、重点任务

        （一）打好蓝天保卫战

        1. 推进工业污染深度治理%1$s。（示范县生态环境分局牵头，县工业和信息化局配合）

        （1）实施工业炉窑升级改造%1$s，2024年底前全部完成。

        （2）开展建筑工地扬尘专项整治%1$s。（县住房和城乡建设局牵头）

        2. 加强柴油货车污染治理%1$s。开展路检路查和入户抽查。（县公安局牵头，县交通运输局配合）
        """
        .formatted(mark);
  }

  private static List<String> names(JsonNode array) {
    List<String> n = new ArrayList<>();
    array.forEach(x -> n.add(x.asText()));
    return n;
  }

  private static List<String> fields(JsonNode node) {
    List<String> n = new ArrayList<>();
    node.fieldNames().forEachRemaining(n::add);
    return n;
  }

  private record Row(long id, String kind, Long parentId, String title) {}

  private List<Row> rows(long planId) {
    return jdbc.sql(
            "SELECT id, kind, parent_id, title FROM dispatch_task WHERE plan_id = :p AND kind IN"
                + " ('TASK', 'SUBTASK') ORDER BY position")
        .param("p", planId)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong("id"),
                    rs.getString("kind"),
                    rs.getObject("parent_id", Long.class),
                    rs.getString("title")))
        .list();
  }

  private List<String> units(long taskId) {
    return jdbc.sql(
            "SELECT role, name FROM dispatch_task_unit WHERE task_id = :t ORDER BY role, position")
        .param("t", taskId)
        .query((rs, n) -> rs.getString("role") + " " + rs.getString("name"))
        .list();
  }

  @Test
  void subTasksAreStoredUnderTheirTaskListedAndReportedOn() {
    String mark = chinese(TestAlarms.unique(""));
    String planner = user(Role.PLANNER, ECO);
    String plannerToken = token(planner);
    HttpResponse<String> created =
        MultipartForm.bearer(
            port,
            plannerToken,
            "/api/v1/plans",
            Map.of(),
            List.of(new Part("file", "子任务方案.txt", plan(mark).getBytes(StandardCharsets.UTF_8))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JsonApi.id(created);
    // tasks and sub-tasks are the items departments report on
    assertThat(JsonApi.read(created).get("tasks").asInt()).isEqualTo(4);

    List<Row> rows = rows(id);
    assertThat(rows).extracting(Row::kind).containsExactly("TASK", "SUBTASK", "SUBTASK", "TASK");
    long industry = rows.get(0).id();
    assertThat(rows.get(1).parentId()).isEqualTo(industry);
    assertThat(rows.get(2).parentId()).isEqualTo(industry);
    assertThat(rows.get(3).parentId()).isNotEqualTo(industry);

    JsonApi plannerApi = JsonApi.bearer(port, plannerToken);
    HttpResponse<String> published =
        plannerApi.post("/api/v1/plans/" + id + "/publish", Map.of("confirmed", "true"));
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

    JsonNode all = JsonApi.read(plannerApi.get("/api/v1/plans/" + id + "/tasks"));
    assertThat(all).hasSize(4);
    assertThat(fields(all.get(1))).isEqualTo(fields(all.get(0)));
    // the task is due when its last sub-task is
    assertThat(all.get(0).get("due").asText()).isEqualTo("2024-12-31");
    JsonNode kilns = all.get(1);
    assertThat(kilns.get("title").asText()).startsWith("实施工业炉窑升级改造" + mark);
    // no unit of its own: the task's
    assertThat(names(kilns.get("lead"))).containsExactly(ECO);
    assertThat(names(kilns.get("support"))).containsExactly("县工业和信息化局");
    assertThat(kilns.get("due").asText()).isEqualTo("2024-12-31");
    JsonNode dust = all.get(2);
    assertThat(names(dust.get("lead"))).containsExactly(ZHUJIAN);
    assertThat(names(dust.get("support"))).isEmpty();

    // 住建局 is named on the second item only: that sub-task is its whole share of the plan
    String zhujian = user(Role.LIAISON, ZHUJIAN);
    JsonApi zhujianApi = JsonApi.bearer(port, token(zhujian));
    JsonNode zhujianTasks = JsonApi.read(zhujianApi.get("/api/v1/plans/" + id + "/tasks"));
    assertThat(zhujianTasks).hasSize(1);
    assertThat(zhujianTasks.get(0).get("id").asLong()).isEqualTo(rows.get(2).id());
    JsonNode ecoTasks =
        JsonApi.read(
            JsonApi.bearer(port, token(user(Role.LIAISON, ECO)))
                .get("/api/v1/plans/" + id + "/tasks"));
    assertThat(ecoTasks)
        .extracting(t -> t.get("id").asLong())
        .containsExactly(industry, rows.get(1).id());

    // a report on a sub-task works as on a task; another sub-task is refused
    HttpResponse<String> report =
        MultipartForm.bearer(
            port,
            token(zhujian),
            "/api/v1/tasks/" + rows.get(2).id() + "/progress",
            Map.of("status", "in-progress", "text", "已检查在建工地12个。"),
            List.of());
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    assertThat(
            JsonApi.read(plannerApi.get("/api/v1/tasks/" + rows.get(2).id()))
                .get("status")
                .asText())
        .isEqualTo("in-progress");
    HttpResponse<String> foreign =
        MultipartForm.bearer(
            port,
            token(zhujian),
            "/api/v1/tasks/" + rows.get(1).id() + "/progress",
            Map.of("status", "done", "text", "已完成"),
            List.of());
    assertThat(foreign.statusCode()).isEqualTo(403);

    // the dashboard counts tasks and sub-tasks alike: four items, 住建局 leads one
    PlanDashboard board = dashboards.dashboard(Optional.of(id)).orElseThrow();
    assertThat(board.chapters().stream().mapToInt(PlanDashboard.Chapter::total).sum()).isEqualTo(4);
    assertThat(board.departments())
        .filteredOn(d -> d.name().equals(ZHUJIAN))
        .singleElement()
        .satisfies(d -> assertThat(d.assigned()).isEqualTo(1));

    // pages: indented under the task, the task lists its sub-tasks, a sub-task names its task
    WebSession plannerPage = WebSession.loggedIn(port, planner, PASSWORD);
    String planPage = plannerPage.get("/dispatch/plans/" + id).body();
    assertThat(planPage).contains("task subtask").contains("开展建筑工地扬尘专项整治" + mark);
    String review = plannerPage.get("/dispatch/plans/" + id + "/review").body();
    assertThat(review).contains("task subtask").contains("实施工业炉窑升级改造" + mark);
    String taskPage = plannerPage.get("/dispatch/tasks/" + industry).body();
    assertThat(taskPage).contains("id=\"sub-tasks\"").contains("开展建筑工地扬尘专项整治" + mark);
    // the export names each sub-task's task in its last column
    String sheet = Sheets.text(plannerPage.getBytes("/dispatch/plans/" + id + "/export").body());
    assertThat(sheet).contains("所属任务");
    assertThat(sheet.lines().filter(l -> l.contains("开展建筑工地扬尘专项整治" + mark)))
        .singleElement()
        .satisfies(l -> assertThat(l).endsWith("推进工业污染深度治理" + mark + "\t"));
    String subPage = plannerPage.get("/dispatch/tasks/" + rows.get(2).id()).body();
    assertThat(subPage).contains("所属任务").contains("推进工业污染深度治理" + mark);

    WebSession liaisonPage = WebSession.loggedIn(port, zhujian, PASSWORD);
    String mine =
        liaisonPage
            .get("/dispatch/my-tasks?q=" + java.net.URLEncoder.encode(mark, StandardCharsets.UTF_8))
            .body();
    assertThat(mine)
        .contains("开展建筑工地扬尘专项整治" + mark)
        .contains("属于任务：推进工业污染深度治理" + mark)
        .doesNotContain("实施工业炉窑升级改造" + mark);
  }

  @Test
  void reviewSplitsAfterTheSubTasksAndMergesTasksWithTasks() {
    String mark = chinese(TestAlarms.unique(""));
    String planner = user(Role.PLANNER, ECO);
    WebSession page = WebSession.loggedIn(port, planner, PASSWORD);
    String text =
        """
        示范县生态环境保护子任务审核方案%1$s（2023—2025年）

        一、总体要求

        到2025年，全县生态环境质量持续改善。

        二、重点任务

        1. 推进工业污染深度治理%1$s。（示范县生态环境分局牵头）

        2. 加强柴油货车污染治理%1$s。开展路检路查和入户抽查。强化油品质量监管。（县公安局牵头）

        （1）开展路检路查专项行动%1$s。

        （2）推进老旧柴油货车淘汰%1$s。（县交通运输局牵头）
        """
            .formatted(mark);
    HttpResponse<String> uploaded =
        page.upload("/dispatch/plans", "file", "方案.txt", text.getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    String location = WebSession.location(uploaded);
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    List<Row> rows = rows(id);
    assertThat(rows).extracting(Row::kind).containsExactly("TASK", "TASK", "SUBTASK", "SUBTASK");
    long first = rows.get(0).id();
    long diesel = rows.get(1).id();
    long checks = rows.get(2).id();
    long trucks = rows.get(3).id();

    // a unit added to the task is added to the sub-task that took the task's units, not to the
    // one naming its own
    HttpResponse<String> added =
        page.post(
            "/dispatch/review/tasks/" + diesel + "/units",
            Map.of("action", "add", "name", "县交通运输局", "role", "SUPPORT"));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
    assertThat(units(diesel)).containsExactly("LEAD 县公安局", "SUPPORT 县交通运输局");
    assertThat(units(checks)).containsExactly("LEAD 县公安局", "SUPPORT 县交通运输局");
    assertThat(units(trucks)).containsExactly("LEAD 县交通运输局");
    HttpResponse<String> role =
        page.post(
            "/dispatch/review/tasks/" + diesel + "/units",
            Map.of("action", "role", "name", "县公安局", "role", "LEAD", "to", "RESPONSIBLE"));
    assertThat(role.statusCode()).as(role.body()).isEqualTo(302);
    assertThat(units(checks)).containsExactly("RESPONSIBLE 县公安局", "SUPPORT 县交通运输局");
    assertThat(units(trucks)).containsExactly("LEAD 县交通运输局");

    // the rest of a split task comes after its sub-tasks, a task again
    HttpResponse<String> split =
        page.post("/dispatch/review/tasks/" + diesel + "/split", Map.of("sentence", "1"));
    assertThat(split.statusCode()).as(split.body()).isEqualTo(302);
    rows = rows(id);
    assertThat(rows)
        .extracting(Row::kind)
        .containsExactly("TASK", "TASK", "SUBTASK", "SUBTASK", "TASK");
    assertThat(rows).extracting(Row::id).startsWith(first, diesel, checks, trucks);
    assertThat(rows.get(4).title()).startsWith("强化油品质量监管");
    assertThat(rows.get(4).parentId()).isEqualTo(rows.get(0).parentId());

    // a sub-task merges into the item above it; a task into the task above, taking its sub-tasks
    assertThat(page.post("/dispatch/review/tasks/" + trucks + "/merge", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(page.post("/dispatch/review/tasks/" + diesel + "/merge", Map.of()).statusCode())
        .isEqualTo(302);
    rows = rows(id);
    assertThat(rows).extracting(Row::id).containsExactly(first, checks, rows.get(2).id());
    assertThat(rows.get(1).parentId()).isEqualTo(first);
    assertThat(
            jdbc.sql("SELECT text FROM dispatch_task WHERE id = :id")
                .param("id", checks)
                .query(String.class)
                .single())
        .contains("推进老旧柴油货车淘汰" + mark);
    assertThat(
            jdbc.sql("SELECT text FROM dispatch_task WHERE id = :id")
                .param("id", first)
                .query(String.class)
                .single())
        .endsWith("开展路检路查和入户抽查。");
  }
}
