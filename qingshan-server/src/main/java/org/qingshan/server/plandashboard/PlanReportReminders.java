package org.qingshan.server.plandashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.qingshan.server.plandispatch.DispatchSchedule;
import org.qingshan.server.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报送提醒: the liaisons of each department named in a published plan that has not reported for the
 * period are told in the application {@code qingshan.plan-dashboard.reminder-days} days before the
 * period's report is due, and once more after it passed without a report (the dashboard marks it
 * 逾期未报), each once per department, plan and period. Judged as the dashboard's reporting table
 * judges it, on the plan's schedule, in the county's dates.
 */
@Component
public class PlanReportReminders {
  static final String DUE = "DUE";
  static final String OVERDUE = "OVERDUE";
  private static final Logger log = LoggerFactory.getLogger(PlanReportReminders.class);

  private final PlanDashboardService dashboards;
  private final PlanDashboardRepository repository;
  private final Messages messages;
  private final Clock clock;
  private final ZoneId zone;

  PlanReportReminders(
      PlanDashboardService dashboards,
      PlanDashboardRepository repository,
      Messages messages,
      Clock clock,
      ZoneId zone) {
    this.dashboards = dashboards;
    this.repository = repository;
    this.messages = messages;
    this.clock = clock;
    this.zone = zone;
  }

  @Scheduled(
      fixedDelayString = "${qingshan.plan-dashboard.reminder-check-every:PT1H}",
      initialDelayString = "${qingshan.plan-dashboard.reminder-check-first:PT4M}")
  void scheduled() {
    runFor(OffsetDateTime.now(clock));
  }

  /**
   * Sends the reminders and overdue notices due at {@code now} not sent before; how many
   * departments were told.
   */
  @Transactional
  public int runFor(OffsetDateTime now) {
    LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
    int told = 0;
    for (PlanDashboardRepository.Plan plan : repository.publishedPlans()) {
      if (plan.publishedAt()
          .filter(at -> at.atZoneSameInstant(zone).toLocalDate().isAfter(today))
          .isPresent()) {
        continue; // not published yet on that day
      }
      PlanDashboard d = dashboards.build(plan, today);
      DispatchSchedule schedule = d.frequency();
      String every = messages.label(schedule);
      for (PlanDashboard.Reporting r : d.reporting()) {
        if (r.remind()) {
          String text =
              messages.get("plandashboard.reminder.due", plan.title(), every, r.nextDue());
          told += tell(plan, r, schedule.periodStart(today), DUE, text, now);
        }
        if (r.overdue()) {
          LocalDate due = schedule.lastDue(today);
          String text = messages.get("plandashboard.reminder.overdue", plan.title(), every, due);
          told += tell(plan, r, schedule.periodStart(due), OVERDUE, text, now);
        }
      }
    }
    if (told > 0) {
      log.info("plan report reminders: {} departments told", told);
    }
    return told;
  }

  /** Tells the department's liaisons once for the period; 1 when they were told now. */
  private int tell(
      PlanDashboardRepository.Plan plan,
      PlanDashboard.Reporting r,
      LocalDate period,
      String kind,
      String text,
      OffsetDateTime now) {
    if (repository.reminded(plan.series(), r.departmentId(), period, kind)) {
      return 0;
    }
    List<String> liaisons = repository.liaisons(r.departmentId());
    if (liaisons.isEmpty()) {
      // nobody to tell yet: a liaison added within the window is still reminded
      return 0;
    }
    liaisons.forEach(u -> repository.notify(u, text, "/dispatch/plans/" + plan.id(), now));
    repository.remember(plan.series(), r.departmentId(), period, kind, liaisons.size(), now);
    return 1;
  }
}
