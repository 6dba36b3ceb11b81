package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.plandashboard.TestDashboards.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
 * The demo plan's indicator with a target assigned by the city carries the assigned figure, so its
 * yearly values are judged on the dashboard like the others; the task with the same target has it
 * too, so it no longer awaits the city on the timeline. The demo reports' figures judge the tasks'
 * dated targets: met, missed, overdue.
 */
@DemoServerTest
class PlanDashboardDemoTest {
  @Autowired PlanDashboardService dashboards;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void theCitysAssignedTargetJudgesTheRuralSewageRate() {
    long demo =
        dashboards.plans().stream()
            .filter(p -> p.title().startsWith("示范县生态环境保护“十四五”规划实施方案"))
            .mapToLong(PlanDashboardRepository.Plan::id)
            .min()
            .orElseThrow();
    PlanDashboard d = dashboards.dashboard(Optional.of(demo)).orElseThrow();
    PlanDashboard.Indicator rural =
        d.indicators().stream().filter(i -> i.name().equals("农村生活污水治理率")).findFirst().orElseThrow();
    assertThat(rural.kind()).isEqualTo("assigned");
    assertThat(rural.targetValue()).contains(PlanDashboardDemo.ASSIGNED.doubleValue());
    // 52 % in 2025 against the 50 % assigned for 2025
    assertThat(rural.latestYear()).contains(2025);
    assertThat(rural.latest()).contains(52.0);
    assertThat(rural.status()).contains(IndicatorStatus.ON_TRACK);
    // every indicator of the demo plan has values to judge
    assertThat(d.indicators()).allMatch(i -> i.latest().isPresent(), "has a value");
    List<PlanDashboard.Deadline> ruralTask =
        d.deadlines().stream().filter(x -> x.title().equals("推进农村生活污水治理")).toList();
    assertThat(ruralTask).isNotEmpty();
    assertThat(ruralTask).noneMatch(x -> x.state() == TargetDeadline.AWAITING);
    assertThat(ruralTask).anyMatch(x -> x.target().contains("50"));
  }

  @Test
  void theDemoReportsFiguresJudgeTheTasksDatedTargets() {
    PlanDashboard d = dashboards.dashboard(Optional.of(demo())).orElseThrow();
    // 86 % and 88 % reported, then 91 % in the demo year's third quarter: after the end of 2025
    PlanDashboard.Deadline sweep = deadline(d, "推进道路机械化清扫");
    assertThat(sweep.figure()).contains("91");
    assertThat(sweep.state()).isEqualTo(TargetDeadline.MISSED);
    // 95.3 % in the report of the demo year's first quarter: met where that report came by the
    // end of 2025 (the demo year is the year before the day the demo starts)
    PlanDashboard.Deadline straw = deadline(d, "严禁秸秆露天焚烧");
    assertThat(straw.figure()).contains("95.6");
    LocalDate firstReportDue =
        DispatchSchedule.QUARTERLY.nextDue(
            DispatchSchedule.QUARTERLY.periodStart(d.today().minusMonths(12)));
    assertThat(straw.state())
        .isEqualTo(
            firstReportDue.isAfter(straw.due()) ? TargetDeadline.MISSED : TargetDeadline.MET);
    assertThat(d.deadlines()).anyMatch(x -> x.state() == TargetDeadline.MISSED);
    if (!firstReportDue.isAfter(straw.due())) {
      assertThat(d.deadlines()).anyMatch(x -> x.state() == TargetDeadline.MET);
    }
  }

  /**
   * The task page judges the sweep target as the timeline does: 91 % came after the end of 2025, so
   * 超期达到, not 已达到.
   */
  @Test
  void theTaskPageSaysTheSweepTargetWasMetLateAsTheTimelineDoes() {
    long plan = demo();
    PlanDashboard d = dashboards.dashboard(Optional.of(plan)).orElseThrow();
    assertThat(deadline(d, "推进道路机械化清扫").state()).isEqualTo(TargetDeadline.MISSED);
    long sweep = TestPlans.taskId(jdbc, plan, "推进道路机械化清扫");
    WebSession page =
        WebSession.loggedIn(port, people.user(Role.PLANNER, "示范县生态环境分局", "dd"), TestUsers.PASSWORD);
    String body = page.get("/dispatch/tasks/" + sweep).body();
    String targets = body.substring(body.indexOf("id=\"targets\""));
    targets = targets.substring(0, targets.indexOf("</table>"));
    assertThat(targets).contains("91%").contains("超期达到").doesNotContain("已达到");
  }

  private long demo() {
    return dashboards.plans().stream()
        .filter(p -> p.title().startsWith("示范县生态环境保护“十四五”规划实施方案"))
        .mapToLong(PlanDashboardRepository.Plan::id)
        .min()
        .orElseThrow();
  }
}
