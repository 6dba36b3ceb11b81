package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestPlans;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plan's indicator page sends the reader to the dashboard's indicator table (status and trend
 * are judged there: plandispatch does not know the dashboard), and the anchor it links to exists;
 * an indicator whose plan gives no baseline shows "—" alone there and on the dashboard, not
 * "—（2020）".
 */
@DemoServerTest
class PlanIndicatorPagesHttpTest {
  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;

  @Test
  void theIndicatorPageLinksToTheDashboardsIndicatorTableAndNoBaselineIsADashAlone() {
    String planner = people.user(Role.PLANNER, "示范县生态环境分局", "pip");
    long plan = TestPlans.publishedDemoPlan(port, people.token(planner, "指标"), "指标链接方案.txt");
    String name =
        jdbc.sql("SELECT name FROM dispatch_indicator WHERE plan_id = :p ORDER BY id LIMIT 1")
            .param("p", plan)
            .query(String.class)
            .single();
    // the plan names the baseline's year but gives no figure
    jdbc.sql(
            "UPDATE dispatch_indicator SET baseline = NULL, baseline_year = 2020 WHERE plan_id = :p"
                + " AND name = :n")
        .param("p", plan)
        .param("n", name)
        .update();
    WebSession page = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);

    String indicators = page.get("/dispatch/plans/" + plan + "/indicators").body();
    assertThat(indicators)
        .contains("href=\"/plan-dashboard?plan=" + plan + "#indicators\"")
        .contains("状态")
        .contains("趋势");
    String row = indicators.substring(indicators.indexOf("<td>" + name + "</td>"));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row).contains("<td>—</td>").doesNotContain("（2020）");

    String dashboard = page.get("/plan-dashboard?plan=" + plan).body();
    assertThat(dashboard).contains("<h2 id=\"indicators\">");
    String table = dashboard.substring(dashboard.indexOf("id=\"table-indicators\""));
    table = table.substring(0, table.indexOf("</table>"));
    String line = table.substring(table.indexOf("<td>" + name + "</td>"));
    line = line.substring(0, line.indexOf("</tr>"));
    assertThat(line).contains("<td>—</td>").doesNotContain("—（").doesNotContain("（2020）");
  }
}
