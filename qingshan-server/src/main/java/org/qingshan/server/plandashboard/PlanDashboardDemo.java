package org.qingshan.server.plandashboard;

import java.math.BigDecimal;
import java.util.Optional;
import org.qingshan.server.QingshanProperties;
import org.qingshan.server.plandispatch.AssignedTargetService;
import org.qingshan.server.plandispatch.DispatchTarget;
import org.qingshan.server.plandispatch.DispatchTask;
import org.qingshan.server.plandispatch.PlanDispatchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo plan's indicator whose target the city assigns (农村生活污水治理率: 完成市下达任务) gets the figure the
 * city assigned, entered by the planner, so the dashboard judges its values; the task that carries
 * the same target (推进农村生活污水治理) gets it too. Runs after the demo plan is made: each only while
 * nothing was entered yet.
 */
@Component
@Order(71)
class PlanDashboardDemo implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(PlanDashboardDemo.class);
  private static final String TITLE = "示范县生态环境保护“十四五”规划实施方案";
  private static final String RURAL = "农村生活污水治理率";
  private static final String RURAL_TASK = "推进农村生活污水治理";
  private static final String SOURCE = "市生态环境局下达示范县2025年目标";

  /** The share of villages the city assigned the county for 2025, in %. */
  static final BigDecimal ASSIGNED = new BigDecimal("50");

  private final boolean enabled;
  private final PlanDashboardRepository repository;
  private final PlanDashboardService dashboards;
  private final UserDetailsService users;
  private final PlanDispatchService plans;
  private final AssignedTargetService assignedTargets;

  PlanDashboardDemo(
      QingshanProperties properties,
      PlanDashboardRepository repository,
      PlanDashboardService dashboards,
      UserDetailsService users,
      PlanDispatchService plans,
      AssignedTargetService assignedTargets) {
    this.enabled = properties.demo();
    this.repository = repository;
    this.dashboards = dashboards;
    this.users = users;
    this.plans = plans;
    this.assignedTargets = assignedTargets;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!enabled) {
      return;
    }
    Optional<PlanDashboardRepository.Plan> plan =
        repository.publishedPlans().stream()
            .filter(p -> p.title().startsWith(TITLE))
            .min((a, b) -> Long.compare(a.id(), b.id()));
    if (plan.isEmpty()) {
      return;
    }
    long planId = plan.get().id();
    try {
      UserDetails planner;
      try {
        planner = users.loadUserByUsername("planner");
      } catch (UsernameNotFoundException e) {
        return; // a demo database whose planner was removed: nobody to enter it
      }
      SecurityContextHolder.getContext()
          .setAuthentication(
              new UsernamePasswordAuthenticationToken(planner, null, planner.getAuthorities()));
      indicatorTarget(planId);
      taskTarget(planId);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void indicatorTarget(long planId) {
    Optional<PlanDashboardRepository.Indicator> rural =
        repository.indicators(planId).stream()
            .filter(i -> i.name().equals(RURAL) && i.kind().equals("assigned"))
            .findFirst();
    if (rural.isEmpty()
        || repository.notes(planId).stream().anyMatch(n -> n.indicatorId() == rural.get().id())) {
      return;
    }
    dashboards.note(rural.get().id(), Optional.of(ASSIGNED), Optional.empty(), Optional.empty());
    log.info("demo plan: the city's assigned target of {} entered", RURAL);
  }

  private void taskTarget(long planId) {
    for (DispatchTask task : plans.tasks(planId, Optional.empty())) {
      if (!task.title().equals(RURAL_TASK)) {
        continue;
      }
      for (DispatchTarget target : plans.targets(task.id())) {
        if (target.awaitingAssignment()) {
          assignedTargets.enter(
              task.id(), target.position(), ASSIGNED.toPlainString(), "≥", "%", SOURCE);
          log.info("demo plan: the city's assigned target of task {} entered", RURAL_TASK);
        }
      }
    }
  }
}
