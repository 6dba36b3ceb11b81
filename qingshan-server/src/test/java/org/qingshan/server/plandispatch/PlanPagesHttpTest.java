package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.TestPlans;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 规划调度 pages as a reviewer found them: years without a thousands separator, a report form that
 * keeps what was typed when it is refused, 代报 for another department, the plan named on 我的任务,
 * warnings before publishing, no empty labels on the review page, a labelled projects page.
 */
@DemoServerTest
class PlanPagesHttpTest {
  private static final String BUREAU = "示范县生态环境分局";
  private static final String ZHUJIAN = "县住房和城乡建设局";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;

  private String user(Role role, String department) {
    return people.user(role, department, "pp");
  }

  private String token(String username) {
    return people.token(username, "页面");
  }

  private WebSession page(String username) {
    return WebSession.loggedIn(port, username, TestUsers.PASSWORD);
  }

  @Test
  void theIndicatorPageWritesYearsWithoutAThousandsSeparator() {
    String planner = user(Role.PLANNER, BUREAU);
    long plan = TestPlans.publishedDemoPlan(port, token(planner), "年份.txt");
    HttpResponse<String> put =
        JsonApi.bearer(port, token(planner))
            .put(
                "/api/v1/plans/" + plan + "/indicators/1/values",
                Map.of("year", 2023, "value", 40.1, "source", "2023年环境质量年报"));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    String body = page(planner).get("/dispatch/plans/" + plan + "/indicators").body();
    assertThat(body).contains("2023年").doesNotContain("2,023", "2,025");
    assertThat(
            jdbc.sql("SELECT summary FROM audit_entry WHERE actor = :a AND summary LIKE '%年的值%'")
                .param("a", planner)
                .query(String.class)
                .list())
        .isNotEmpty()
        .noneMatch(s -> s.contains("2,023"));
  }
}
