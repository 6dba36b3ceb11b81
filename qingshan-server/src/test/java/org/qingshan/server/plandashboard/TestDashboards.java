package org.qingshan.server.plandashboard;

import java.time.LocalDate;

/**
 * A plan's dashboard as it stands on a given day, and its rows for a department or a task: what the
 * tests of reports, figures and versions read back.
 */
final class TestDashboards {
  private TestDashboards() {}

  /** The dashboard of the published plan as it stands on {@code today}. */
  static PlanDashboard dashboard(PlanDashboardService dashboards, long plan, LocalDate today) {
    PlanDashboardRepository.Plan p =
        dashboards.plans().stream().filter(x -> x.id() == plan).findFirst().orElseThrow();
    return dashboards.build(p, today);
  }

  /** The department's row in the table of reports (its last report, overdue, to be reminded). */
  static PlanDashboard.Reporting reporting(PlanDashboard d, String department) {
    return d.reporting().stream()
        .filter(r -> r.name().equals(department))
        .findFirst()
        .orElseThrow();
  }

  /** The department's row in the table of tasks (assigned, done, on time). */
  static PlanDashboard.Department department(PlanDashboard d, String name) {
    return d.departments().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  /** The first row of the timeline (of dated targets) for the task of that title. */
  static PlanDashboard.Deadline deadline(PlanDashboard d, String title) {
    return d.deadlines().stream().filter(x -> x.title().equals(title)).findFirst().orElseThrow();
  }
}
