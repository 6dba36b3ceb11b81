package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.support.TestPlans.revise;
import static org.qingshan.server.support.WebSession.redirected;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.Sheets;
import org.qingshan.server.support.TestPlans;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Indicator values and key projects' progress entered on the published version while its 修订 was a
 * draft follow on publishing. Before the revision the plan has a 2023 value, a responsible
 * department and a milestone; while the draft is open the bureau enters 2024 values and corrects
 * the 2023 one on version 1, the 住建局 reports 35% and the milestone done, the planner adds a
 * milestone and reports another project's progress; on the draft the planner enters an indicator's
 * 2024 value and that other project's progress himself. Version 2 then shows version 1's entries,
 * the draft's own ones where the planner made them (API, the projects page and its export), and the
 * publish's audit entry lists what was carried. A replacement uploaded as the next version takes
 * the values and progress entered before it too.
 */
@DemoServerTest
class PlanVersionEntriesHttpTest {
  private static final String ZHUJIAN = "县住房和城乡建设局";
  private static final String SEWER = "县城雨污分流改造工程";
  private static final String RUBBLE = "建筑垃圾资源化利用工程";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;

  private String user(Role role, String department) {
    return people.user(role, department, "ent");
  }

  private long project(long plan, String name) {
    return jdbc.sql("SELECT id FROM dispatch_project WHERE plan_id = :p AND name = :n")
        .param("p", plan)
        .param("n", name)
        .query(Long.class)
        .single();
  }

  private long milestone(long project, String name) {
    return jdbc.sql("SELECT id FROM dispatch_milestone WHERE project_id = :p AND name = :n")
        .param("p", project)
        .param("n", name)
        .query(Long.class)
        .single();
  }

  private void value(String token, long plan, String no, int year, String value, String source) {
    HttpResponse<String> r =
        JsonApi.bearer(port, token)
            .put(
                "/api/v1/plans/" + plan + "/indicators/" + no + "/values",
                Map.of("year", year, "value", new BigDecimal(value), "source", source));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** The indicator's value for the year and its source, as the API lists it. */
  private static String valueOf(JsonNode indicators, String no, int year) {
    for (JsonNode i : indicators) {
      if (i.get("no").asText().equals(no)) {
        for (JsonNode v : i.get("values")) {
          if (v.get("year").asInt() == year) {
            return v.get("value").decimalValue().stripTrailingZeros().toPlainString()
                + " "
                + v.get("source").asText();
          }
        }
        return "";
      }
    }
    throw new AssertionError("no indicator " + no);
  }

  /** The export's line of a project. */
  private static String row(String sheet, String project) {
    return sheet
        .lines()
        .filter(l -> l.startsWith(project + "\t"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(project + " not in " + sheet));
  }

  @Test
  void entriesMadeOnThePublishedVersionWhileItsRevisionWasADraftFollowOnPublishing() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String zhujian = user(Role.LIAISON, ZHUJIAN);
    String token = people.token(planner, "修订");
    long v1 = TestPlans.publishedDemoPlan(port, token, "修订期间录入测试方案.txt");
    WebSession page = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    long sewer1 = project(v1, SEWER);
    redirected(
        page.post(
            "/dispatch/review/projects/" + sewer1,
            Map.of(
                "investment", "6800", "department", String.valueOf(people.department(ZHUJIAN)))));
    redirected(
        page.post(
            "/dispatch/review/projects/" + sewer1 + "/milestones",
            Map.of("name", "可研批复", "due", "2023-12-31")));
    value(token, v1, "1", 2023, "40.1", "2023年环境质量年报");

    // 修订: the draft copies what is there now
    long v2 = revise(page, v1);

    // on version 1 while the draft is open
    value(token, v1, "1", 2024, "39.2", "2024年环境质量年报");
    value(token, v1, "1", 2023, "40.0", "2023年环境质量年报（更正）");
    value(token, v1, "2", 2024, "72.3", "2024年环境质量年报");
    WebSession department = WebSession.loggedIn(port, zhujian, TestUsers.PASSWORD);
    redirected(
        department.post(
            "/dispatch/projects/" + sewer1 + "/progress",
            Map.of("progress", "35", "actual", "2100")));
    redirected(
        department.post(
            "/dispatch/projects/" + sewer1 + "/milestones/" + milestone(sewer1, "可研批复"),
            Map.of("done", "2023-12-20")));
    redirected(
        page.post(
            "/dispatch/review/projects/" + sewer1 + "/milestones",
            Map.of("name", "管网开工", "due", "2024-03-31")));
    redirected(
        page.post(
            "/dispatch/projects/" + project(v1, RUBBLE) + "/progress", Map.of("progress", "15")));

    // on the draft: the planner's own entries
    value(token, v2, "2", 2024, "73.0", "2024年环境质量年报（修正）");
    redirected(
        page.post(
            "/dispatch/projects/" + project(v2, RUBBLE) + "/progress", Map.of("progress", "20")));
    redirected(page.post("/dispatch/plans/" + v2 + "/publish", Map.of("confirmed", "true")));

    // the indicators of version 2
    JsonNode indicators =
        JsonApi.read(JsonApi.bearer(port, token).get("/api/v1/plans/" + v2 + "/indicators"));
    assertThat(valueOf(indicators, "1", 2023)).isEqualTo("40 2023年环境质量年报（更正）");
    assertThat(valueOf(indicators, "1", 2024)).isEqualTo("39.2 2024年环境质量年报");
    assertThat(valueOf(indicators, "2", 2024)).isEqualTo("73 2024年环境质量年报（修正）");

    // the key projects of version 2, as the department sees them and as exported
    String projects = department.get("/dispatch/plans/" + v2 + "/projects").body();
    assertThat(projects).contains("35%", "管网开工", "✓ 2023-12-20");
    String sheet = Sheets.text(page.getBytes("/dispatch/plans/" + v2 + "/projects/export").body());
    assertThat(row(sheet, SEWER))
        .contains("\t2100", "\t35\t", "可研批复 2023-12-31 ✓2023-12-20", "管网开工 2024-03-31");
    assertThat(row(sheet, SEWER)).containsOnlyOnce("可研批复");
    assertThat(row(sheet, RUBBLE)).contains("\t20\t").doesNotContain("\t15\t");
    // the department reports on version 2 from here on
    long sewer2 = project(v2, SEWER);
    redirected(
        department.post(
            "/dispatch/projects/" + sewer2 + "/progress",
            Map.of("progress", "40", "actual", "2500")));
    assertThat(department.get("/dispatch/plans/" + v2 + "/projects").body()).contains("40%");

    // the publish's audit entry lists what was carried
    assertThat(
            jdbc.sql(
                    "SELECT summary || ' ' || after_state FROM audit_entry WHERE entity_type ="
                        + " 'dispatch-plan' AND entity_id = :id AND action = 'UPDATE' AND actor"
                        + " = :a")
                .param("id", String.valueOf(v2))
                .param("a", planner)
                .query(String.class)
                .list())
        .anySatisfy(
            a ->
                assertThat(a)
                    .contains("修订期间在第 1 版录入的 2 个指标值、1 个重点工程进展、2 个里程碑")
                    .contains("2024：39.2（2024年环境质量年报）", SEWER + "：35%，2100")
                    .contains("管网开工 2024-03-31", "可研批复 2023-12-31 ✓2023-12-20")
                    .doesNotContain("72.3"));
  }

  @Test
  void aReplacementUploadedAsTheNextVersionTakesTheEntriesOfTheVersionItReplaces() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    String token = people.token(planner, "替换");
    long v1 = TestPlans.publishedDemoPlan(port, token, "替换录入测试方案.txt");
    value(token, v1, "3", 2024, "70", "2024年水环境质量年报");
    WebSession page = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    redirected(
        page.post(
            "/dispatch/projects/" + project(v1, RUBBLE) + "/progress", Map.of("progress", "60")));

    long v2 =
        TestPlans.draftReplacing(port, token, v1, "替换录入测试方案（更正）.txt", TestPlans.demoPlanText());
    TestPlans.publish(port, token, v2);

    JsonNode indicators =
        JsonApi.read(JsonApi.bearer(port, token).get("/api/v1/plans/" + v2 + "/indicators"));
    assertThat(valueOf(indicators, "3", 2024)).isEqualTo("70 2024年水环境质量年报");
    String sheet = Sheets.text(page.getBytes("/dispatch/plans/" + v2 + "/projects/export").body());
    assertThat(row(sheet, RUBBLE)).contains("\t60\t");
  }
}
