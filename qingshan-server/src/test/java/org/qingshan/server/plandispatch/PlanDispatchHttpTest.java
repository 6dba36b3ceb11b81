package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.MultipartForm.Part;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 规划调度 end to end over HTTP: a planner uploads a plan (the demo plan's text, or a shared plan) as a
 * draft with its counts and publishes it; a liaison lists only their department's tasks and reports
 * with a PDF, which the planner reads; another department's task is refused and audited; a file
 * that is not a plan stores nothing; a stale second report is told; an indicator's value is entered
 * and read back; the pages show the demo plan.
 */
@DemoServerTest
class PlanDispatchHttpTest {
  private static final String PASSWORD = "qingshan2026";
  private static final String ZHUJIAN = "县住房和城乡建设局";
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;

  private long department(String name) {
    return people.department(name);
  }

  private String user(Role role, String department) {
    return people.user(role, department, "pd");
  }

  private String token(String username) {
    return people.token(username, "调度");
  }

  private HttpResponse<String> multipart(
      String token, String path, Map<String, String> fields, List<Part> files) {
    return MultipartForm.bearer(port, token, path, fields, files);
  }

  private HttpResponse<String> upload(String token, String fileName, byte[] content) {
    return multipart(
        token, "/api/v1/plans", Map.of(), List.of(new Part("file", fileName, content)));
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String message(HttpResponse<String> r) {
    return JsonApi.read(r).path("errors").path(0).path("message").asText();
  }

  private HttpResponse<String> publish(String user, long id) {
    return JsonApi.bearer(port, token(user))
        .post("/api/v1/plans/" + id + "/publish", Map.of("confirmed", "true"));
  }

  private long plans() {
    return jdbc.sql("SELECT COUNT(*) FROM dispatch_plan").query(Long.class).single();
  }

  /** A published copy of the demo plan, uploaded by a planner of the test's own. */
  private long publishedPlan(String planner) {
    long id = JsonApi.id(upload(token(planner), "示范方案.txt", PlanDispatchDemo.text()));
    HttpResponse<String> published = publish(planner, id);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    return id;
  }

  private static long taskId(JsonNode tasks, String title) {
    for (JsonNode t : tasks) {
      if (t.get("title").asText().equals(title)) {
        return t.get("id").asLong();
      }
    }
    throw new AssertionError("no task " + title + " in " + tasks);
  }

  private static List<String> names(JsonNode array) {
    List<String> n = new ArrayList<>();
    array.forEach(x -> n.add(x.asText()));
    return n;
  }

  @Test
  void aPlanIsUploadedPublishedAndALiaisonReportsOnTheirDepartmentsTasksWithAPdf() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String liaison = user(Role.LIAISON, ZHUJIAN);
    JsonApi plannerApi = JsonApi.bearer(port, token(planner));
    JsonApi liaisonApi = JsonApi.bearer(port, token(liaison));

    HttpResponse<String> created = upload(token(planner), "示范方案.txt", PlanDispatchDemo.text());
    long id = JsonApi.id(created);
    JsonNode body = JsonApi.read(created);
    assertThat(body.get("status").asText()).isEqualTo("draft");
    assertThat(body.get("tasks").asInt()).isEqualTo(10);
    assertThat(body.get("indicators").asInt()).isEqualTo(5);
    assertThat(body.get("title").asText()).contains("示范县生态环境保护");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/plans/" + id);

    // A draft is the bureau's: a liaison neither lists it nor reads its tasks.
    assertThat(JsonApi.read(liaisonApi.get("/api/v1/plans")).findValuesAsText("id"))
        .doesNotContain(String.valueOf(id));
    assertThat(liaisonApi.get("/api/v1/plans/" + id + "/tasks").statusCode()).isEqualTo(404);
    HttpResponse<String> liaisonPublish = publish(liaison, id);
    assertThat(liaisonPublish.statusCode()).isEqualTo(403);

    HttpResponse<String> published = publish(planner, id);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(JsonApi.read(published).get("status").asText()).isEqualTo("published");
    HttpResponse<String> again = publish(planner, id);
    assertThat(again.statusCode()).isEqualTo(409);

    JsonNode all = JsonApi.read(plannerApi.get("/api/v1/plans/" + id + "/tasks"));
    assertThat(all).hasSize(10);
    JsonNode zhujianByPlanner =
        JsonApi.read(plannerApi.get("/api/v1/plans/" + id + "/tasks?department=" + encode("县住建局")));
    assertThat(zhujianByPlanner).as(all.toString()).hasSize(5);

    // Whatever the liaison asks, they get their own department's tasks only.
    JsonNode mine =
        JsonApi.read(liaisonApi.get("/api/v1/plans/" + id + "/tasks?department=" + encode("县公安局")));
    assertThat(mine).hasSize(5);
    for (JsonNode t : mine) {
      List<String> units = new ArrayList<>(names(t.get("lead")));
      units.addAll(names(t.get("support")));
      assertThat(units).contains(ZHUJIAN);
      assertThat(t.get("status").asText()).isEqualTo("not-started");
    }
    JsonNode dust = mine.get(0);
    assertThat(dust.get("title").asText()).isEqualTo("强化施工扬尘管控");
    assertThat(dust.get("due").asText()).isEqualTo("2023-12-31");
    assertThat(names(dust.get("lead"))).containsExactly(ZHUJIAN);
    assertThat(names(dust.get("support"))).containsExactly("县综合行政执法局");

    long dustId = dust.get("id").asLong();
    HttpResponse<String> report =
        multipart(
            token(liaison),
            "/api/v1/tasks/" + dustId + "/progress",
            Map.of("status", "in-progress", "text", "已检查在建工地18个，整改3个。"),
            List.of(new Part("files", "检查记录.pdf", PDF)));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);

    JsonNode task = JsonApi.read(plannerApi.get("/api/v1/tasks/" + dustId));
    assertThat(task.get("status").asText()).isEqualTo("in-progress");
    JsonNode latest = task.get("progress").get(0);
    assertThat(latest.get("text").asText()).isEqualTo("已检查在建工地18个，整改3个。");
    assertThat(latest.get("department").asText()).isEqualTo(ZHUJIAN);
    assertThat(latest.get("role").asText()).isEqualTo("lead");
    JsonNode file = latest.get("files").get(0);
    assertThat(file.get("name").asText()).isEqualTo("检查记录.pdf");
    HttpResponse<String> pdf = plannerApi.get(file.get("url").asText());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF");

    // The 公安局's task: the liaison may not report on it, and the attempt is audited.
    long diesel = taskId(all, "加强柴油货车污染治理");
    HttpResponse<String> foreign =
        multipart(
            token(liaison),
            "/api/v1/tasks/" + diesel + "/progress",
            Map.of("status", "done", "text", "已完成"),
            List.of());
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
    assertThat(message(foreign)).contains("无权");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND action ="
                        + " 'ACCESS_DENIED' AND entity_type = 'dispatch-task' AND entity_id = :id")
                .param("a", liaison)
                .param("id", String.valueOf(diesel))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(JsonApi.read(plannerApi.get("/api/v1/tasks/" + diesel)).get("progress")).isEmpty();
    assertThat(liaisonApi.get("/api/v1/tasks/" + diesel).statusCode()).isEqualTo(403);
  }

  @Test
  void aFileThatIsNotAPlanOrOfAWrongTypeStoresNothing() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long before = plans();
    HttpResponse<String> prose =
        upload(
            token(planner),
            "会议通知.txt",
            "各位同事：\n明天上午九点在三楼会议室开会，请准时参加。\n".getBytes(StandardCharsets.UTF_8));
    assertThat(prose.statusCode()).as(prose.body()).isEqualTo(400);
    assertThat(JsonApi.error(prose, "file"))
        .hasValueSatisfying(m -> assertThat(m).contains("不像是规划"));
    HttpResponse<String> exe = upload(token(planner), "setup.exe", new byte[] {'M', 'Z', 0, 0});
    assertThat(exe.statusCode()).isEqualTo(400);
    assertThat(message(exe)).contains("不是支持的规划文件类型");
    HttpResponse<String> fakePdf =
        upload(token(planner), "规划.pdf", "这不是PDF".getBytes(StandardCharsets.UTF_8));
    assertThat(fakePdf.statusCode()).isEqualTo(400);
    HttpResponse<String> none = multipart(token(planner), "/api/v1/plans", Map.of(), List.of());
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(plans()).isEqualTo(before);

    String enterprise = user(Role.ENTERPRISE, "示范县生态环境分局");
    assertThat(JsonApi.bearer(port, token(enterprise)).get("/api/v1/plans").statusCode())
        .isEqualTo(403);

    String liaison = user(Role.LIAISON, ZHUJIAN);
    HttpResponse<String> byLiaison = upload(token(liaison), "示范方案.txt", PlanDispatchDemo.text());
    assertThat(byLiaison.statusCode()).isEqualTo(403);
    assertThat(plans()).isEqualTo(before);
  }

  @Test
  void aSecondReportFromTheSameVersionIsToldAndNothingIsLost() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long id = publishedPlan(planner);
    String first = user(Role.LIAISON, ZHUJIAN);
    String second = user(Role.LIAISON, ZHUJIAN);
    JsonNode tasks =
        JsonApi.read(JsonApi.bearer(port, token(first)).get("/api/v1/plans/" + id + "/tasks"));
    long pipes = taskId(tasks, "补齐城镇污水收集管网短板");
    int version =
        JsonApi.read(JsonApi.bearer(port, token(first)).get("/api/v1/tasks/" + pipes))
            .get("version")
            .asInt();

    HttpResponse<String> saved =
        multipart(
            token(first),
            "/api/v1/tasks/" + pipes + "/progress",
            Map.of("status", "in-progress", "text", "新建管网8公里", "version", String.valueOf(version)),
            List.of());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    HttpResponse<String> stale =
        multipart(
            token(second),
            "/api/v1/tasks/" + pipes + "/progress",
            Map.of("status", "done", "text", "已全部完成", "version", String.valueOf(version)),
            List.of());
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    assertThat(message(stale)).contains("已有他人报送");

    JsonNode task =
        JsonApi.read(JsonApi.bearer(port, token(planner)).get("/api/v1/tasks/" + pipes));
    assertThat(task.get("status").asText()).isEqualTo("in-progress");
    assertThat(task.get("progress")).hasSize(1);
    assertThat(task.get("progress").get(0).get("text").asText()).isEqualTo("新建管网8公里");

    // A wrong evidence file refuses the whole report: nothing stored.
    HttpResponse<String> badFile =
        multipart(
            token(second),
            "/api/v1/tasks/" + pipes + "/progress",
            Map.of("status", "done", "text", "已全部完成"),
            List.of(new Part("files", "验收.pdf", "MZ not a pdf".getBytes(StandardCharsets.UTF_8))));
    assertThat(badFile.statusCode()).as(badFile.body()).isEqualTo(400);
    assertThat(JsonApi.error(badFile, "files")).isPresent();
    HttpResponse<String> badStatus =
        multipart(
            token(second),
            "/api/v1/tasks/" + pipes + "/progress",
            Map.of("status", "finished", "text", "已全部完成"),
            List.of());
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(
            JsonApi.read(JsonApi.bearer(port, token(planner)).get("/api/v1/tasks/" + pipes))
                .get("progress"))
        .hasSize(1);
  }

  @Test
  void anIndicatorValueEnteredWithItsSourceIsReadBack() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long id = publishedPlan(planner);
    JsonApi api = JsonApi.bearer(port, token(planner));
    HttpResponse<String> put =
        api.put(
            "/api/v1/plans/" + id + "/indicators/1/values",
            Map.of("year", 2024, "value", 39.5, "source", "2024年环境质量年报"));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    HttpResponse<String> noSource =
        api.put("/api/v1/plans/" + id + "/indicators/1/values", Map.of("year", 2024, "value", 40));
    assertThat(noSource.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(noSource, "source")).isPresent();
    assertThat(
            api.put(
                    "/api/v1/plans/" + id + "/indicators/99/values",
                    Map.of("year", 2024, "value", 1, "source", "x"))
                .statusCode())
        .isEqualTo(404);
    String liaison = user(Role.LIAISON, ZHUJIAN);
    assertThat(
            JsonApi.bearer(port, token(liaison))
                .put(
                    "/api/v1/plans/" + id + "/indicators/1/values",
                    Map.of("year", 2024, "value", 1, "source", "x"))
                .statusCode())
        .isEqualTo(403);

    JsonNode indicators = JsonApi.read(api.get("/api/v1/plans/" + id + "/indicators"));
    JsonNode pm = indicators.get(0);
    assertThat(pm.get("no").asText()).isEqualTo("1");
    assertThat(pm.get("name").asText()).contains("PM2.5");
    assertThat(pm.get("baseline").asText()).isEqualTo("42");
    assertThat(pm.get("target").asText()).isEqualTo("38");
    assertThat(pm.get("targetYear").asInt()).isEqualTo(2025);
    assertThat(pm.get("values")).hasSize(1);
    assertThat(pm.get("values").get(0).get("year").asInt()).isEqualTo(2024);
    assertThat(pm.get("values").get(0).get("value").decimalValue()).isEqualByComparingTo("39.5");
    assertThat(pm.get("values").get(0).get("source").asText()).isEqualTo("2024年环境质量年报");
    assertThat(indicators.get(4).get("kind").asText()).isEqualTo("assigned");
  }

  @Test
  void aCorrectionAfterPublishingIsANewVersionAndTheOldOneIsKept() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long first = publishedPlan(planner);
    long outfalls =
        taskId(
            JsonApi.read(
                JsonApi.bearer(port, token(planner)).get("/api/v1/plans/" + first + "/tasks")),
            "开展入河排污口排查整治");
    assertThat(
            multipart(
                    token(planner),
                    "/api/v1/tasks/" + outfalls + "/progress",
                    Map.of("status", "done", "text", "排查完成"),
                    List.of())
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> corrected =
        multipart(
            token(planner),
            "/api/v1/plans",
            Map.of("replaces", String.valueOf(first)),
            List.of(new Part("file", "示范方案（更正）.txt", PlanDispatchDemo.text())));
    long second = JsonApi.id(corrected);
    assertThat(publish(planner, second).statusCode()).isEqualTo(200);
    JsonNode list = JsonApi.read(JsonApi.bearer(port, token(planner)).get("/api/v1/plans"));
    Map<Long, String> status = new java.util.HashMap<>();
    list.forEach(p -> status.put(p.get("id").asLong(), p.get("status").asText()));
    assertThat(status).containsEntry(first, "superseded").containsEntry(second, "published");
    assertThat(
            jdbc.sql("SELECT version FROM dispatch_plan WHERE id = :id")
                .param("id", second)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    JsonNode secondTasks =
        JsonApi.read(
            JsonApi.bearer(port, token(planner)).get("/api/v1/plans/" + second + "/tasks"));
    for (JsonNode t : secondTasks) {
      assertThat(t.get("status").asText())
          .isEqualTo(t.get("title").asText().equals("开展入河排污口排查整治") ? "done" : "not-started");
    }
    WebSession page = WebSession.loggedIn(port, planner, PASSWORD);
    assertThat(page.get("/dispatch/plans/" + second).body()).contains("版本历史", "已被新版本取代");
  }

  @Test
  void aPlanBeyondTheImportersLimitIsRefusedWith413AndNothingStored() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long before = plans();
    // Over the importer's 2,000,000 characters, under the upload's 20 MB.
    byte[] huge = ("示范县规划\n一、总体要求\n" + "很".repeat(2_100_000)).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = upload(token(planner), "巨大规划.txt", huge);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(JsonApi.error(r, "file")).hasValueSatisfying(m -> assertThat(m).contains("过大"));
    assertThat(plans()).isEqualTo(before);
  }

  @Test
  void thePagesImportPublishAndTakeAReportWithAFile() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    WebSession plannerPage = WebSession.loggedIn(port, planner, PASSWORD);
    assertThat(plannerPage.get("/dispatch/plans").body()).contains("导入为草稿");
    HttpResponse<String> imported =
        MultipartForm.post(
            port,
            plannerPage,
            "/dispatch/plans",
            Map.of(),
            "file",
            "示范方案.txt",
            PlanDispatchDemo.text());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
    String planPath = WebSession.location(imported);
    assertThat(planPath).matches(".*/dispatch/plans/\\d+$");
    long id = Long.parseLong(planPath.substring(planPath.lastIndexOf('/') + 1));
    String draft = plannerPage.get("/dispatch/plans/" + id).body();
    assertThat(draft).contains("草稿", ">发布<", "强化施工扬尘管控");
    HttpResponse<String> published =
        plannerPage.post("/dispatch/plans/" + id + "/publish", Map.of("confirmed", "true"));
    assertThat(published.statusCode()).isEqualTo(302);
    assertThat(plannerPage.get("/dispatch/plans/" + id).body()).contains("已发布");

    String liaison = user(Role.LIAISON, ZHUJIAN);
    WebSession liaisonPage = WebSession.loggedIn(port, liaison, PASSWORD);
    assertThat(liaisonPage.get("/dispatch/plans").body()).doesNotContain("导入为草稿");
    long dust =
        taskId(
            JsonApi.read(
                JsonApi.bearer(port, token(liaison)).get("/api/v1/plans/" + id + "/tasks")),
            "强化施工扬尘管控");
    String form = liaisonPage.get("/dispatch/tasks/" + dust).body();
    assertThat(form).contains("报送进展", "未启动", "推进中", "已完成", "滞后");
    HttpResponse<String> reported =
        MultipartForm.post(
            port,
            liaisonPage,
            "/dispatch/tasks/" + dust + "/progress",
            Map.of("status", "done", "text", "工地全部落实六个百分之百", "version", "0"),
            "files",
            "验收.pdf",
            PDF);
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(302);
    String after = plannerPage.get("/dispatch/tasks/" + dust).body();
    assertThat(after).contains("工地全部落实六个百分之百", "验收.pdf", "已完成");
    // The leader reads the task but has no report form: the county leader reports on nothing.
    String leader =
        WebSession.loggedIn(port, "leader", PASSWORD).get("/dispatch/tasks/" + dust).body();
    assertThat(leader).contains("工地全部落实六个百分之百").doesNotContain("报送进展");
  }

  @Test
  void aSharedPlanImportsAsADraftWithItsCounts() {
    Path shared = Path.of("../../shared/plans/guanxian-2021-2025.txt");
    Assumptions.assumeTrue(
        Files.isRegularFile(shared), "../shared is absent: the shared plan import is not tested");
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    byte[] content;
    try {
      content = Files.readAllBytes(shared);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpResponse<String> created = upload(token(planner), "guanxian-2021-2025.txt", content);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = JsonApi.read(created);
    assertThat(body.get("tasks").asInt()).isGreaterThan(50);
    assertThat(body.get("indicators").asInt()).isGreaterThan(10);
    assertThat(body.get("status").asText()).isEqualTo("draft");
  }

  @Test
  void theDemoPlanIsPublishedAndTheDemoLiaisonHasTasksOnTheirPages() {
    JsonApi liaison = JsonApi.withSession(port, WebSession.loggedIn(port, "liaison", PASSWORD));
    JsonNode plans = JsonApi.read(liaison.get("/api/v1/plans"));
    // the demo's own plan: other tests publish copies of its text under the same title
    long demo =
        jdbc.sql("SELECT MIN(id) FROM dispatch_plan WHERE source_file = :f")
            .param("f", PlanDispatchDemo.FILE)
            .query(Long.class)
            .single();
    boolean listed = false;
    for (JsonNode p : plans) {
      listed |=
          p.get("id").asLong() == demo
              && p.get("title").asText().startsWith("示范县生态环境保护“十四五”规划实施方案")
              && p.get("status").asText().equals("published");
    }
    assertThat(listed).isTrue();
    WebSession session = WebSession.loggedIn(port, "liaison", PASSWORD);
    String mine = session.get("/dispatch/my-tasks?q=" + encode("扬尘")).body();
    assertThat(mine).contains("强化施工扬尘管控");
    HttpResponse<String> plan = session.get("/dispatch/plans/" + demo);
    assertThat(plan.statusCode()).isEqualTo(200);
    assertThat(plan.body()).contains("推进建筑垃圾资源化利用").doesNotContain("加强柴油货车污染治理");
    assertThat(plan.body()).doesNotContain(">发布<");

    WebSession planner = WebSession.loggedIn(port, "planner", PASSWORD);
    assertThat(planner.get("/dispatch/plans").body()).contains("示范县生态环境保护");
    String tree = planner.get("/dispatch/plans/" + demo).body();
    assertThat(tree).contains("加强柴油货车污染治理", "县城雨污分流改造工程", "滞后");
    String indicators = planner.get("/dispatch/plans/" + demo + "/indicators").body();
    assertThat(indicators).contains("空气质量优良天数比率", "72.9", "2024年示范县环境质量年报");
    HttpResponse<byte[]> export = planner.getBytes("/dispatch/plans/" + demo + "/export");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body()).startsWith('P', 'K');
  }
}
