package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.plandashboard.TestNotifications.told;
import static org.qingshan.server.support.TestPlans.publishedOn;
import static org.qingshan.server.support.TestPlans.reportedAt;
import static org.qingshan.server.support.TestPlans.scheduleReports;

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
 * 报送提醒 at explicit times on a quarterly plan published on 2025-01-10: 5 days before the first
 * quarter's report is due (2025-03-31) the liaisons of a department that has not reported are told
 * once, a department that reported is not; after the due date the department still without a report
 * is told once more (逾期未报), never twice; the rule is shown on the dashboard.
 */
@DemoServerTest
class PlanReportRemindersTest {
  private static final String POLICE = "县公安局";
  private static final String HEALTH = "县卫生健康局";
  private static final String MEDICAL = "加强医疗废物收集处置";

  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired PlanReportReminders reminders;

  private String user(Role role, String department) {
    return people.user(role, department, "rem");
  }

  private String token(String username) {
    return people.token(username, "提醒");
  }

  private static OffsetDateTime at(String time) {
    return OffsetDateTime.parse(time);
  }

  @Test
  void departmentsWithoutAReportAreRemindedOnceBeforeTheDueDateAndOnceAfterIt() {
    String planner = user(Role.PLANNER, "示范县生态环境分局");
    long plan = TestPlans.publishedDemoPlan(port, token(planner), "提醒测试方案.txt");
    scheduleReports(jdbc, plan, DispatchSchedule.QUARTERLY);
    publishedOn(jdbc, plan, "2025-01-10T10:00:00+08:00");
    String police1 = user(Role.LIAISON, POLICE);
    String police2 = user(Role.LIAISON, POLICE);
    String policeGrid = user(Role.GRID_MEMBER, POLICE);
    String health = user(Role.LIAISON, HEALTH);

    // the health bureau reports on 20 March
    long medical = TestPlans.taskId(jdbc, plan, MEDICAL);
    reportedAt(
        jdbc,
        TestPlans.report(
            port,
            token(health),
            medical,
            Map.of("status", "in-progress", "text", "已覆盖12个乡镇卫生院。"),
            List.of()),
        "2025-03-20T10:00:00+08:00");

    // 11 days before the due date: too early
    reminders.runFor(at("2025-03-20T09:00:00+08:00"));
    assertThat(told(jdbc, police1, plan, "【报送提醒】")).isZero();

    // 4 days before: the police liaisons are reminded, the health bureau reported already
    reminders.runFor(at("2025-03-27T09:00:00+08:00"));
    for (String u : List.of(police1, police2)) {
      assertThat(told(jdbc, u, plan, "【报送提醒】")).as(u).isEqualTo(1);
    }
    assertThat(told(jdbc, policeGrid, plan, "【报送提醒】")).isZero();
    assertThat(told(jdbc, health, plan, "【报送提醒】")).isZero();
    assertThat(
            jdbc.sql("SELECT text FROM notification WHERE username = :u AND link = :l")
                .param("u", police1)
                .param("l", "/dispatch/plans/" + plan)
                .query(String.class)
                .single())
        .contains("每季度", "2025-03-31");
    // once per period
    reminders.runFor(at("2025-03-29T18:00:00+08:00"));
    assertThat(told(jdbc, police1, plan, "【报送提醒】")).isEqualTo(1);
    assertThat(told(jdbc, police1, plan, "【逾期未报】")).isZero();

    // the due date passed: the police, still without a report, are told once more, once
    reminders.runFor(at("2025-04-02T09:00:00+08:00"));
    assertThat(told(jdbc, police1, plan, "【逾期未报】")).isEqualTo(1);
    assertThat(told(jdbc, police2, plan, "【逾期未报】")).isEqualTo(1);
    assertThat(told(jdbc, health, plan, "【逾期未报】")).isZero();
    reminders.runFor(at("2025-04-05T09:00:00+08:00"));
    assertThat(told(jdbc, police1, plan, "【逾期未报】")).isEqualTo(1);
    assertThat(told(jdbc, police1, plan, "【报送提醒】")).isEqualTo(1);
    // the county's midnight decides: 15:59 UTC on 24 June is still the 24th in Shanghai, six days
    // before the second quarter's due date; 16:01 UTC is the 25th, five days before
    reminders.runFor(at("2025-06-24T15:59:00Z"));
    assertThat(told(jdbc, police1, plan, "【报送提醒】")).isEqualTo(1);
    reminders.runFor(at("2025-06-24T16:01:00Z"));
    assertThat(told(jdbc, police1, plan, "【报送提醒】")).isEqualTo(2);

    String page =
        WebSession.loggedIn(port, planner, TestUsers.PASSWORD)
            .get("/plan-dashboard?plan=" + plan)
            .body();
    assertThat(page).contains("截止前 5 天");
  }
}
