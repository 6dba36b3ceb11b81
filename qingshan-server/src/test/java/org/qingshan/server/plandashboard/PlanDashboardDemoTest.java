package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo plan's indicator with a target assigned by the city carries the assigned figure, so its
 * yearly values are judged on the dashboard like the others; the task with the same target has it
 * too, so it no longer awaits the city on the timeline.
 */
@DemoServerTest
class PlanDashboardDemoTest {
  @Autowired PlanDashboardService dashboards;

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
}
