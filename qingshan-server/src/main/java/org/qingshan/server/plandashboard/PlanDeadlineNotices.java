package org.qingshan.server.plandashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.qingshan.server.plandispatch.PlanVersionPublished;
import org.qingshan.server.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task of a published plan whose due date has passed without completion is told to the planners
 * and the leadership in the application, once per task, so a missed deadline does not wait for
 * someone to open the dashboard. Dates are the county's. A published correction gives the tasks new
 * ids: a task that descends from one told before is told already ({@link #versionPublished}),
 * unless the correction moved its due date later (a new deadline that passes is news again).
 */
@Component
public class PlanDeadlineNotices {
  private static final Logger log = LoggerFactory.getLogger(PlanDeadlineNotices.class);
  private final PlanDashboardRepository repository;
  private final Messages messages;
  private final Clock clock;
  private final ZoneId zone;

  PlanDeadlineNotices(
      PlanDashboardRepository repository, Messages messages, Clock clock, ZoneId zone) {
    this.repository = repository;
    this.messages = messages;
    this.clock = clock;
    this.zone = zone;
  }

  @Scheduled(
      fixedDelayString = "${qingshan.plan-dashboard.deadline-check-every:PT1H}",
      initialDelayString = "${qingshan.plan-dashboard.deadline-check-first:PT3M}")
  void scheduled() {
    run(LocalDate.now(clock.withZone(zone)));
  }

  /**
   * Carries each told task's notice to the task of the new version that descends from it, in the
   * publishing transaction.
   */
  @EventListener
  public void versionPublished(PlanVersionPublished published) {
    int carried = 0;
    for (Map.Entry<Long, Long> d : published.descendants().entrySet()) {
      if (repository.carryDeadlineNotice(d.getKey(), d.getValue())) {
        carried++;
      }
    }
    if (carried > 0) {
      log.info(
          "plan {} supersedes plan {}: {} passed deadlines told already",
          published.toPlanId(),
          published.fromPlanId(),
          carried);
    }
  }

  /** Tells of the tasks past their due date on {@code today} not told before; how many. */
  @Transactional
  public int run(LocalDate today) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<String> readers = repository.plannersAndLeaders();
    int told = 0;
    for (PlanDashboardRepository.Plan plan : repository.publishedPlans()) {
      for (PlanDashboardRepository.Task t : repository.tasks(plan.id())) {
        boolean passed =
            t.reportable()
                && !t.status().equals("DONE")
                && t.due().filter(d -> d.isBefore(today)).isPresent();
        if (passed && repository.firstDeadlineNotice(t.id(), now)) {
          String text =
              messages.get("plandashboard.deadline.passed", plan.title(), t.title(), t.due().get());
          readers.forEach(u -> repository.notify(u, text, "/dispatch/tasks/" + t.id(), now));
          told++;
        }
      }
    }
    return told;
  }
}
