package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.support.TestPlans.revise;
import static org.qingshan.server.support.WebSession.redirected;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review of a draft over HTTP: the planner corrects a task's text, merges two tasks, changes a
 * unit's role, resolves an unknown unit (an alias is recorded), replaces a placeholder everywhere,
 * publishes and sees the corrections; revising the published plan makes version 2 whose history
 * lists the changes; key project progress by the responsible department's liaison, refused (403,
 * audited) for another department's; the reporting schedule and its next due date.
 */
@DemoServerTest
class PlanReviewHttpTest {
  private static final String PASSWORD = "qingshan2026";
  private static final String ZHUJIAN = "县住房和城乡建设局";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private String user(Role role, String department) {
    return people.user(role, department, "pr");
  }

  private long upload(WebSession session, String text) {
    HttpResponse<String> r =
        session.upload("/dispatch/plans", "file", "方案.txt", text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String location = WebSession.location(r);
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private long task(long planId, String titleStart) {
    return jdbc.sql(
            "SELECT id FROM dispatch_task WHERE plan_id = :p AND kind = 'TASK' AND title LIKE :t")
        .param("p", planId)
        .param("t", titleStart + "%")
        .query(Long.class)
        .single();
  }

  private String text(long taskId) {
    return jdbc.sql("SELECT text FROM dispatch_task WHERE id = :id")
        .param("id", taskId)
        .query(String.class)
        .single();
  }

  private List<String> units(long taskId, String role) {
    return jdbc.sql(
            "SELECT name FROM dispatch_task_unit WHERE task_id = :t AND role = :r ORDER BY"
                + " position")
        .param("t", taskId)
        .param("r", role)
        .query(String.class)
        .list();
  }

  /**
   * The demo plan under a title of its own: other tests look for the demo plan by its title, and
   * these copies (without the demo's reports) must not be taken for it.
   */
  private static String demoText() {
    return new String(PlanDispatchDemo.text(), StandardCharsets.UTF_8)
        .replace("生态环境保护“十四五”规划实施方案", "生态环境保护审核演练方案");
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

  private long audits(String actor, String entityType) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND entity_type = :e")
        .param("a", actor)
        .param("e", entityType)
        .query(Long.class)
        .single();
  }

  @Test
  void aDraftIsCorrectedBesideItsSourcePublishedAndRevisedAsVersionTwo() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    WebSession page = WebSession.loggedIn(port, planner, PASSWORD);
    // Chinese only: a unit name as plans write it
    String unknown = "县" + chinese(TestAlarms.unique("")) + "服务中心";
    String source =
        demoText()
            .replace("全县建筑工地全部落实", "XX县建筑工地全部落实")
            .replace("扩大县城道路机扫", "扩大XX县县城道路机扫")
            .replace("（县公安局牵头，县交通运输局、", "（县公安局牵头，" + unknown + "、县交通运输局、");
    long id = upload(page, source);

    // side by side: each task with its source lines
    String review = page.get("/dispatch/plans/" + id + "/review").body();
    assertThat(review).contains("严格落实建筑工地围挡").contains("第 ").contains("XX县").contains(unknown);
    long dust = task(id, "强化施工扬尘管控");
    int line =
        jdbc.sql("SELECT source_line FROM dispatch_task WHERE id = :id")
            .param("id", dust)
            .query(Integer.class)
            .single();
    assertThat(source.split("\\R")[line - 1]).contains("强化施工扬尘管控");

    // the task's text
    redirected(
        page.post(
            "/dispatch/review/tasks/" + dust,
            Map.of(
                "title", "强化施工扬尘管控",
                "text", "严格落实建筑工地“六个百分之百”要求，XX县建筑工地全部达标。",
                "due", "2023-12-31")));
    assertThat(text(dust)).startsWith("严格落实建筑工地“六个百分之百”要求");

    // merge 秸秆 into 柴油货车
    long diesel = task(id, "加强柴油货车污染治理");
    long straw = task(id, "严禁秸秆露天焚烧");
    assertThat(units(diesel, "LEAD"))
        .as(
            jdbc.sql("SELECT role || ':' || name FROM dispatch_task_unit WHERE task_id = :t")
                .param("t", diesel)
                .query(String.class)
                .list()
                .toString())
        .contains("县公安局");
    redirected(page.post("/dispatch/review/tasks/" + straw + "/merge", Map.of()));
    assertThat(text(diesel)).contains("柴油货车").contains("秸秆综合利用");
    assertThat(units(diesel, "LEAD")).contains("县公安局", "县农业农村局");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM dispatch_task WHERE id = :id")
                .param("id", straw)
                .query(Long.class)
                .single())
        .isZero();

    // a unit's role
    long sewer = task(id, "补齐城镇污水收集管网短板");
    redirected(
        page.post(
            "/dispatch/review/tasks/" + sewer + "/units",
            Map.of("action", "role", "name", "县发展和改革局", "role", "SUPPORT", "to", "LEAD")));
    assertThat(units(sewer, "LEAD")).contains("县住房和城乡建设局", "县发展和改革局");
    assertThat(units(sewer, "SUPPORT")).doesNotContain("县发展和改革局");

    // an unknown unit resolved to a department: the alias is recorded for later imports
    assertThat(units(diesel, "SUPPORT")).contains(unknown);
    long water = people.department("县水利局");
    redirected(
        page.post(
            "/dispatch/review/plans/" + id + "/resolve",
            Map.of("name", unknown, "department", String.valueOf(water))));
    assertThat(
            jdbc.sql(
                    "SELECT department_id FROM dispatch_task_unit WHERE task_id = :t AND name = :n")
                .param("t", diesel)
                .param("n", unknown)
                .query(Long.class)
                .single())
        .isEqualTo(water);
    assertThat(
            jdbc.sql("SELECT department_id FROM department_alias WHERE alias = :n")
                .param("n", unknown)
                .query(Long.class)
                .single())
        .isEqualTo(water);

    // a placeholder replaced everywhere
    assertThat(page.get("/dispatch/plans/" + id + "/review").body()).contains("全部替换");
    redirected(
        page.post(
            "/dispatch/review/plans/" + id + "/placeholder",
            Map.of("placeholder", "XX县", "value", "示范县")));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dispatch_task WHERE plan_id = :p AND (text LIKE"
                        + " '%XX县%' OR title LIKE '%XX县%')")
                .param("p", id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(text(dust)).contains("示范县建筑工地全部达标");
    assertThat(audits(planner, "dispatch-task")).isGreaterThanOrEqualTo(3);
    assertThat(audits(planner, "dispatch-plan")).isGreaterThanOrEqualTo(3);

    // published with the corrections
    redirected(page.post("/dispatch/plans/" + id + "/publish", Map.of("confirmed", "true")));
    String published = page.get("/dispatch/plans/" + id).body();
    assertThat(published).contains("加强柴油货车污染治理").doesNotContain("严禁秸秆露天焚烧");
    // a published plan is not edited in place
    page.post("/dispatch/review/tasks/" + dust, Map.of("title", "改掉", "text", "改掉"));
    assertThat(text(dust)).contains("示范县建筑工地全部达标");

    // 修订: version 2, a draft copied from it; history lists the corrections per version
    long v2 = revise(page, id);
    assertThat(
            jdbc.sql("SELECT version FROM dispatch_plan WHERE id = :id")
                .param("id", v2)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(text(task(v2, "加强柴油货车污染治理"))).contains("秸秆综合利用");
    long v2dust = task(v2, "强化施工扬尘管控");
    redirected(
        page.post(
            "/dispatch/review/tasks/" + v2dust,
            Map.of("title", "强化施工扬尘管控（修订）", "text", "修订后的任务内容。", "due", "2024-06-30")));
    String history = page.get("/dispatch/plans/" + v2 + "/review").body();
    assertThat(history)
        .contains("强化施工扬尘管控（修订）")
        .contains("严禁秸秆露天焚烧”并入“加强柴油货车污染治理")
        .contains("“XX县”替换为“示范县”")
        .contains("由配合改为牵头");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dispatch_correction c JOIN dispatch_plan p ON p.id ="
                        + " c.plan_id WHERE p.series_id = (SELECT series_id FROM dispatch_plan"
                        + " WHERE id = :id) AND p.version = 2")
                .param("id", v2)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    redirected(page.post("/dispatch/plans/" + v2 + "/publish", Map.of("confirmed", "true")));
    assertThat(text(v2dust)).isEqualTo("修订后的任务内容。");
  }

  /**
   * The review page's table of unknown unit names: the same unit with and without the county prefix
   * side by side; one 保存 resolves two names at once (a row left empty is skipped), each audited, an
   * alias recorded only where asked; after publishing the departments' liaisons see the task.
   */
  @Test
  void twoUnknownNamesAreResolvedWithOneSave() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    WebSession page = WebSession.loggedIn(port, planner, PASSWORD);
    String tag = chinese(TestAlarms.unique(""));
    String prefixed = "冠县" + tag + "服务局";
    String bare = "县" + tag + "服务局";
    String skipped = "县" + tag + "保留中心";
    long id =
        upload(
            page,
            demoText()
                .replace(
                    "（县公安局牵头，县交通运输局、",
                    "（县公安局牵头，" + prefixed + "、" + skipped + "、" + bare + "、县交通运输局、"));
    long diesel = task(id, "加强柴油货车污染治理");

    String review = page.get("/dispatch/plans/" + id + "/review").body();
    String table = review.substring(review.indexOf("table class=\"list unresolved\""));
    table = table.substring(0, table.indexOf("</table>"));
    // one row each; the two spellings of one unit next to each other, the other name not between
    int a = table.indexOf(">" + prefixed + "<");
    int b = table.indexOf(">" + bare + "<");
    assertThat(a).isPositive();
    assertThat(b).isPositive();
    String between = table.substring(Math.min(a, b), Math.max(a, b));
    assertThat(between).doesNotContain("<strong>");
    assertThat(table).contains(skipped).contains("配合");
    assertThat(review).doesNotContain("action=\"/dispatch/review/plans/" + id + "/resolve\"");

    long water = people.department("县水利局");
    long zhujian = people.department(ZHUJIAN);
    redirected(
        page.postRows(
            "/dispatch/review/plans/" + id + "/resolve-all",
            List.of(
                Map.entry("name", prefixed),
                Map.entry("department", String.valueOf(water)),
                Map.entry("alias", prefixed),
                Map.entry("name", skipped),
                Map.entry("department", ""),
                Map.entry("name", bare),
                Map.entry("department", String.valueOf(zhujian)))));
    assertThat(department(diesel, prefixed)).contains(water);
    assertThat(department(diesel, bare)).contains(zhujian);
    assertThat(department(diesel, skipped)).isEmpty();
    assertThat(alias(prefixed)).contains(water);
    assertThat(alias(bare)).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dispatch_correction WHERE plan_id = :p AND description"
                        + " LIKE :n")
                .param("p", id)
                .param("n", "%" + tag + "服务局%")
                .query(Long.class)
                .single())
        .isEqualTo(2);
    String after = page.get("/dispatch/plans/" + id + "/review").body();
    assertThat(after).contains(skipped).doesNotContain(">" + prefixed + "<");

    // nothing chosen: refused in Chinese, nothing changes
    HttpResponse<String> none =
        page.postRows(
            "/dispatch/review/plans/" + id + "/resolve-all",
            List.of(Map.entry("name", skipped), Map.entry("department", "")));
    assertThat(none.body()).contains("请至少为一个单位选择部门");

    // published: the task reaches both departments
    redirected(page.post("/dispatch/plans/" + id + "/publish", Map.of("confirmed", "true")));
    for (String dept : List.of("县水利局", ZHUJIAN)) {
      WebSession liaison = WebSession.loggedIn(port, user(Role.LIAISON, dept), PASSWORD);
      assertThat(
              liaison
                  .get(
                      "/dispatch/my-tasks?plan="
                          + id
                          + "&q="
                          + URLEncoder.encode("柴油货车", StandardCharsets.UTF_8))
                  .body())
          .as(dept)
          .contains("/dispatch/tasks/" + diesel);
    }
  }

  private Optional<Long> department(long taskId, String name) {
    return jdbc.sql("SELECT department_id FROM dispatch_task_unit WHERE task_id = :t AND name = :n")
        .param("t", taskId)
        .param("n", name)
        .query((rs, i) -> Optional.ofNullable(rs.getObject(1) == null ? null : rs.getLong(1)))
        .single();
  }

  private Optional<Long> alias(String name) {
    return jdbc.sql("SELECT department_id FROM department_alias WHERE alias = :n")
        .param("n", name)
        .query(Long.class)
        .optional();
  }

  @Test
  void aKeyProjectsProgressIsReportedByTheResponsibleDepartmentOnly() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String own = user(Role.LIAISON, ZHUJIAN);
    String other = user(Role.LIAISON, "县水利局");
    WebSession page = WebSession.loggedIn(port, planner, PASSWORD);
    long id = upload(page, demoText());
    redirected(page.post("/dispatch/plans/" + id + "/publish", Map.of("confirmed", "true")));
    long project =
        jdbc.sql("SELECT id FROM dispatch_project WHERE plan_id = :p AND name = '县城雨污分流改造工程'")
            .param("p", id)
            .query(Long.class)
            .single();
    redirected(
        page.post(
            "/dispatch/review/projects/" + project,
            Map.of(
                "investment", "6800",
                "latitude", "30.25",
                "longitude", "120.15",
                "department", String.valueOf(people.department(ZHUJIAN)))));
    redirected(
        page.post(
            "/dispatch/review/projects/" + project + "/milestones",
            Map.of("name", "管网开工", "due", "2024-03-31")));

    WebSession mine = WebSession.loggedIn(port, own, PASSWORD);
    String projects = mine.get("/dispatch/plans/" + id + "/projects").body();
    assertThat(projects).contains("县城雨污分流改造工程").contains("管网开工").contains("data-lat=\"30.25");
    redirected(
        mine.post(
            "/dispatch/projects/" + project + "/progress",
            Map.of("progress", "40", "actual", "2500")));
    assertThat(
            jdbc.sql("SELECT progress FROM dispatch_project WHERE id = :id")
                .param("id", project)
                .query(Integer.class)
                .single())
        .isEqualTo(40);

    WebSession foreign = WebSession.loggedIn(port, other, PASSWORD);
    HttpResponse<String> refused =
        foreign.post("/dispatch/projects/" + project + "/progress", Map.of("progress", "99"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND action = 'ACCESS_DENIED'"
                        + " AND entity_type = 'dispatch-project' AND entity_id = :id")
                .param("a", other)
                .param("id", String.valueOf(project))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT progress FROM dispatch_project WHERE id = :id")
                .param("id", project)
                .query(Integer.class)
                .single())
        .isEqualTo(40);
    HttpResponse<byte[]> export = page.getBytes("/dispatch/plans/" + id + "/projects/export");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body().length).isGreaterThan(100);
  }

  @Test
  void theScheduleSetByThePlannerGivesTheLiaisonTheNextDueDate() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String liaison = user(Role.LIAISON, ZHUJIAN);
    WebSession page = WebSession.loggedIn(port, planner, PASSWORD);
    long id = upload(page, demoText());
    redirected(page.post("/dispatch/plans/" + id + "/publish", Map.of("confirmed", "true")));
    redirected(
        page.post("/dispatch/review/plans/" + id + "/schedule", Map.of("schedule", "QUARTERLY")));
    LocalDate due = DispatchSchedule.QUARTERLY.nextDue(PlanDispatchService.today(clock));
    assertThat(page.get("/dispatch/plans/" + id).body()).contains("每季度").contains(due.toString());
    String mine = WebSession.loggedIn(port, liaison, PASSWORD).get("/dispatch/my-tasks").body();
    assertThat(mine).contains("每季度报送，下次截止：" + due);
    // a liaison does not set the schedule
    HttpResponse<String> refused =
        WebSession.loggedIn(port, liaison, PASSWORD)
            .post("/dispatch/review/plans/" + id + "/schedule", Map.of("schedule", "MONTHLY"));
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void nextDueDatesAreTheEndsOfThePeriods() {
    LocalDate d = LocalDate.of(2025, 2, 10);
    assertThat(DispatchSchedule.MONTHLY.nextDue(d)).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(DispatchSchedule.QUARTERLY.nextDue(d)).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(DispatchSchedule.HALF_YEARLY.nextDue(d)).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(DispatchSchedule.YEARLY.nextDue(d)).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(DispatchSchedule.QUARTERLY.nextDue(LocalDate.of(2024, 10, 1)))
        .isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(DispatchSchedule.HALF_YEARLY.nextDue(LocalDate.of(2024, 7, 1)))
        .isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(DispatchSchedule.MONTHLY.nextDue(LocalDate.of(2024, 2, 29)))
        .isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void theDemoPlanHasAScheduleAndKeyProjectsOnTheMap() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", PASSWORD);
    assertThat(liaison.get("/dispatch/my-tasks").body()).contains("每季度报送，下次截止：");
    long demo =
        jdbc.sql("SELECT MIN(id) FROM dispatch_plan WHERE title LIKE" + " '示范县生态环境保护“十四五”规划实施方案%'")
            .query(Long.class)
            .single();
    String projects = liaison.get("/dispatch/plans/" + demo + "/projects").body();
    assertThat(projects)
        .contains("县城雨污分流改造工程", "55%", "3600", "开工", "project-pin", "dispatch-projects.js");
    // the liaison of the responsible department is offered the progress form
    assertThat(projects).contains("/dispatch/projects/");
  }

  @Test
  void aTaskIsSplitAtASentenceAndAnIndicatorCorrected() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    WebSession page = WebSession.loggedIn(port, planner, PASSWORD);
    long id = upload(page, demoText().replace("收集转运体系，2023年底前", "收集转运体系。2023年底前"));
    long medical = task(id, "加强医疗废物收集处置");
    redirected(page.post("/dispatch/review/tasks/" + medical + "/split", Map.of("sentence", "1")));
    assertThat(text(medical)).endsWith("收集转运体系。");
    long rest = task(id, "2023年底前实现医疗废物");
    assertThat(text(rest)).startsWith("2023年底前实现医疗废物集中收集处置全覆盖");
    assertThat(units(rest, "LEAD")).containsExactly("县卫生健康局");
    int medicalPosition =
        jdbc.sql("SELECT position FROM dispatch_task WHERE id = :id")
            .param("id", medical)
            .query(Integer.class)
            .single();
    assertThat(
            jdbc.sql("SELECT position FROM dispatch_task WHERE id = :id")
                .param("id", rest)
                .query(Integer.class)
                .single())
        .isEqualTo(medicalPosition + 1);
    // past the last sentence: told, nothing changed
    assertThat(
            page.post("/dispatch/review/tasks/" + rest + "/split", Map.of("sentence", "5"))
                .statusCode())
        .isNotEqualTo(302);

    redirected(
        page.post(
            "/dispatch/review/plans/" + id + "/indicators",
            Map.of(
                "no", "5",
                "baseline", "30",
                "baselineYear", "2022",
                "target", "45",
                "targetYear", "2025")));
    assertThat(
            jdbc.sql("SELECT target FROM dispatch_indicator WHERE plan_id = :p AND no = '5'")
                .param("p", id)
                .query(String.class)
                .single())
        .isEqualTo("45");
    assertThat(page.get("/dispatch/plans/" + id + "/review").body())
        .contains("拆分出")
        .contains("更正指标“农村生活污水治理率”");
  }
}
