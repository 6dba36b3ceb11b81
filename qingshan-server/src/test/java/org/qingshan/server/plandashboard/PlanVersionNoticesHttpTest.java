package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.plandashboard.TestDashboards.dashboard;
import static org.qingshan.server.plandashboard.TestNotifications.overdue;
import static org.qingshan.server.plandashboard.TestNotifications.told;
import static org.qingshan.server.support.TestPlans.publishedOn;
import static org.qingshan.server.support.TestPlans.revise;
import static org.qingshan.server.support.TestPlans.scheduleReports;
import static org.qingshan.server.support.WebSession.redirected;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.server.plandispatch.DispatchSchedule;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestPlans;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the planners, leaders and departments were told stays told across a published correction.
 * The passed deadlines of version 1 told on 2026-01-05 are not told again for version 2's tasks,
 * but for the task whose due date the correction moved later, once that date passes. A department
 * reminded of a monthly plan's March report is not reminded again for March after a replacement
 * file (which sets no schedule) is published as version 2, nor told twice that March is overdue
 * after a revision is published as version 3.
 */
@DemoServerTest
class PlanVersionNoticesHttpTest {
  private static final String ECOLOGY = "示范县生态环境分局";
  private static final String POLICE = "县公安局";
  private static final String DUST = "强化施工扬尘管控";
  private static final List<String> TASKS =
      List.of(DUST, "推进道路机械化清扫", "加强柴油货车污染治理", "严禁秸秆露天焚烧", "开展入河排污口排查整治", "加强医疗废物收集处置");

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired PlanDeadlineNotices notices;
  @Autowired PlanReportReminders reminders;
  @Autowired PlanDashboardService dashboards;

  private String user(Role role, String department) {
    return people.user(role, department, "ntc");
  }

  private String token(String username) {
    return people.token(username, "通知");
  }

  /** The reminders of a kind the user got for any of the plan versions. */
  private long reminded(String username, String mark, long... plans) {
    long n = 0;
    for (long plan : plans) {
      n += told(jdbc, username, plan, mark);
    }
    return n;
  }

  @Test
  void aPassedDeadlineToldBeforeIsNotToldAgainForTheCorrectedVersion() {
    String planner = user(Role.PLANNER, ECOLOGY);
    String leader = user(Role.LEADER, ECOLOGY);
    long v1 = TestPlans.publishedDemoPlan(port, token(planner), "逾期通知版本测试方案.txt");
    notices.run(LocalDate.of(2026, 1, 5));
    for (String title : TASKS) {
      long task = TestPlans.taskId(jdbc, v1, title);
      assertThat(overdue(jdbc, planner, task)).as(title).isEqualTo(1);
      assertThat(overdue(jdbc, leader, task)).as(title).isEqualTo(1);
    }

    // 修订: 扬尘's due date moved to mid-2030, version 2 published
    WebSession page = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    long v2 = revise(page, v1);
    redirected(
        page.post(
            "/dispatch/review/tasks/" + TestPlans.taskId(jdbc, v2, DUST),
            Map.of(
                "title", DUST, "text", "严格落实建筑工地“六个百分之百”要求，延至2030年上半年完成。", "due", "2030-06-30")));
    redirected(page.post("/dispatch/plans/" + v2 + "/publish", Map.of("confirmed", "true")));

    // the next day: nothing of version 2 is told again
    notices.run(LocalDate.of(2026, 1, 6));
    for (String title : TASKS) {
      long task = TestPlans.taskId(jdbc, v2, title);
      assertThat(overdue(jdbc, planner, task)).as(title).isZero();
      assertThat(overdue(jdbc, leader, task)).as(title).isZero();
    }

    // the moved deadline passes: told once, with its new date; the others still not
    notices.run(LocalDate.of(2030, 7, 1));
    notices.run(LocalDate.of(2030, 7, 2));
    long dust2 = TestPlans.taskId(jdbc, v2, DUST);
    assertThat(overdue(jdbc, planner, dust2)).isEqualTo(1);
    assertThat(overdue(jdbc, leader, dust2)).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT text FROM notification WHERE username = :u AND link = :l")
                .param("u", planner)
                .param("l", "/dispatch/tasks/" + dust2)
                .query(String.class)
                .single())
        .contains(DUST, "2030-06-30");
    for (String title : TASKS.subList(1, TASKS.size())) {
      assertThat(overdue(jdbc, planner, TestPlans.taskId(jdbc, v2, title))).as(title).isZero();
    }
  }

  @Test
  void aDepartmentRemindedForAPeriodIsNotRemindedAgainAfterANewVersion() {
    String planner = user(Role.PLANNER, ECOLOGY);
    String police = user(Role.LIAISON, POLICE);
    long v1 = TestPlans.publishedDemoPlan(port, token(planner), "提醒版本测试方案.txt");
    scheduleReports(jdbc, v1, DispatchSchedule.MONTHLY);
    publishedOn(jdbc, v1, "2025-01-10T10:00:00+08:00");
    reminders.runFor(OffsetDateTime.parse("2025-03-27T09:00:00+08:00"));
    assertThat(reminded(police, "【报送提醒】", v1)).isEqualTo(1);

    // a corrected file uploaded as version 2 (it sets no schedule) and published the next day
    long v2 =
        TestPlans.draftReplacing(
            port, token(planner), v1, "提醒版本测试方案（更正）.txt", TestPlans.demoPlanText());
    TestPlans.publish(port, token(planner), v2);
    publishedOn(jdbc, v2, "2025-03-28T10:00:00+08:00");

    // still reported monthly: March's reminder was sent
    assertThat(dashboard(dashboards, v2, LocalDate.of(2025, 3, 29)).frequency())
        .isEqualTo(DispatchSchedule.MONTHLY);
    reminders.runFor(OffsetDateTime.parse("2025-03-29T09:00:00+08:00"));
    assertThat(reminded(police, "【报送提醒】", v1, v2)).isEqualTo(1);

    // March overdue told once (February's was on 27 March); a revision published as version 3
    // does not tell it again
    long february = reminded(police, "【逾期未报】", v1, v2);
    assertThat(february).isEqualTo(1);
    reminders.runFor(OffsetDateTime.parse("2025-04-02T09:00:00+08:00"));
    assertThat(reminded(police, "【逾期未报】", v1, v2)).isEqualTo(2);
    WebSession page = WebSession.loggedIn(port, planner, TestUsers.PASSWORD);
    long v3 = revise(page, v2);
    redirected(page.post("/dispatch/plans/" + v3 + "/publish", Map.of("confirmed", "true")));
    publishedOn(jdbc, v3, "2025-04-03T10:00:00+08:00");
    reminders.runFor(OffsetDateTime.parse("2025-04-04T09:00:00+08:00"));
    assertThat(reminded(police, "【逾期未报】", v1, v2, v3)).isEqualTo(2);
    assertThat(reminded(police, "【报送提醒】", v1, v2, v3)).isEqualTo(1);
  }
}
