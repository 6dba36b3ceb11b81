package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.support.WebSession.redirected;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.TestPlans;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task whose lead is a group (各镇（街道）人民政府) resolved on the review page to 全部乡镇（街道）: one unit per
 * town and street replaces the name, so after publishing a town's liaison sees the task as 牵头 on
 * 我的任务 and the dashboard's ranking lists the town.
 */
@DemoServerTest
class PlanTownGroupHttpTest {
  private static final String PASSWORD = "qingshan2026";
  private static final String GROUP = "各镇（街道）人民政府";
  private static final String TOWN = "青山镇";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;

  @Test
  void aGroupResolvedToAllTownsReachesEveryTown() {
    String planner = people.user(Role.PLANNER, "示范县生态环境分局", "tg");
    String tag = chinese(TestAlarms.unique(""));
    String title = "推进农膜回收" + tag;
    String text =
        "示范县农膜回收工作方案\n\n二、重点任务\n\n（一）打好净土保卫战\n\n1. "
            + title
            + "。2025年底前，全县农膜回收率达到90%以上。（"
            + GROUP
            + "牵头，县农业农村局配合）\n";
    long id =
        TestPlans.draftPlan(
            port, people.token(planner, "乡镇"), "农膜.txt", text.getBytes(StandardCharsets.UTF_8));
    WebSession page = WebSession.loggedIn(port, planner, PASSWORD);

    // the group is offered 全部乡镇（街道）, pre-selected
    String review = page.get("/dispatch/plans/" + id + "/review").body();
    String table = review.substring(review.indexOf("table class=\"list unresolved\""));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(table).contains(GROUP);
    assertThat(table).containsPattern("<option value=\"towns\" selected=\"selected\">全部乡镇（街道）");

    redirected(
        page.postRows(
            "/dispatch/review/plans/" + id + "/resolve-all",
            List.of(Map.entry("name", GROUP), Map.entry("department", "towns"))));

    long towns =
        jdbc.sql(
                "SELECT COUNT(*) FROM department WHERE kind IN ('TOWN', 'STREET')"
                    + " AND merged_into IS NULL")
            .query(Long.class)
            .single();
    assertThat(towns).isPositive();
    long task = TestPlans.taskId(jdbc, id, title);
    List<String> leads =
        jdbc.sql(
                "SELECT u.name FROM dispatch_task_unit u JOIN department d ON d.id ="
                    + " u.department_id WHERE u.task_id = :t AND u.role = 'LEAD'"
                    + " AND d.kind IN ('TOWN', 'STREET')")
            .param("t", task)
            .query(String.class)
            .list();
    assertThat(leads).hasSize((int) towns).contains(TOWN);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM dispatch_task_unit WHERE task_id = :t AND name = :n")
                .param("t", task)
                .param("n", GROUP)
                .query(Long.class)
                .single())
        .isZero();
    String after = page.get("/dispatch/plans/" + id + "/review").body();
    assertThat(after).doesNotContain("table class=\"list unresolved\"").contains("所有单位都已对应到部门");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND summary = :s")
                .param("a", planner)
                .param("s", "单位名称“" + GROUP + "”对应到全部乡镇（街道）：" + towns + " 个")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // no alias for a group
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM department_alias WHERE alias = :n")
                .param("n", GROUP)
                .query(Long.class)
                .single())
        .isZero();

    TestPlans.publish(port, people.token(planner, "发布"), id);

    String liaison = people.user(Role.LIAISON, TOWN, "tg");
    String mine =
        WebSession.loggedIn(port, liaison, PASSWORD)
            .get("/dispatch/my-tasks?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8))
            .body();
    assertThat(mine).contains(title);
    // the columns after the title: 牵头单位 (the town among all towns), then 配合单位
    String row = mine.substring(mine.indexOf(title));
    row = row.substring(0, row.indexOf("</tr>"));
    List<String> cells =
        List.of(row.split("<td>")).stream().skip(1).map(c -> c.replaceAll("<[^>]*>", "")).toList();
    assertThat(cells.get(0)).contains(TOWN).doesNotContain("县农业农村局");
    assertThat(cells.get(1)).contains("县农业农村局").doesNotContain(TOWN);

    String dashboard = page.get("/plan-dashboard?plan=" + id).body();
    String ranking = dashboard.substring(dashboard.indexOf("id=\"table-departments\""));
    ranking = ranking.substring(0, ranking.indexOf("</table>"));
    assertThat(ranking).contains(">" + TOWN + "<");
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
}
