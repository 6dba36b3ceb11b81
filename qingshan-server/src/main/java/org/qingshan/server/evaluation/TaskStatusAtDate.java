package org.qingshan.server.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.plandispatch.DispatchTask;
import org.qingshan.server.plandispatch.DispatchTaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each task's status as it stood at a date, read from its reports: an evaluation generated later
 * (the annual summary of 2025 written in 2026) judges the tasks as they were on its date, not as
 * they are now. The status at a date is the one the latest report at or before the end of that day
 * (in the county) gave, among the reports that set a task's status as {@code PlanDispatchService}
 * decides it: the lead's (a 代报 for the lead included), the responsible units' where none leads, the
 * bureau's own report; never a supporting department's, and never a report carried from a task
 * merged into it (a contribution). No such report by then: 未启动.
 */
@Component
class TaskStatusAtDate {
  private final JdbcClient jdbc;
  private final ZoneId zone;

  TaskStatusAtDate(JdbcClient jdbc, ZoneId countyZone) {
    this.jdbc = jdbc;
    this.zone = countyZone;
  }

  /** The statuses of the tasks of plan {@code planId} at the end of {@code date}. */
  At at(long planId, LocalDate date) {
    OffsetDateTime end = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    Map<Long, DispatchTaskStatus> status = new HashMap<>();
    Map<Long, LocalDate> doneOn = new HashMap<>();
    jdbc.sql(
            "SELECT p.task_id, p.status, p.reported_at FROM dispatch_progress p JOIN"
                + " dispatch_task t ON t.id = p.task_id WHERE t.plan_id = :p AND"
                + " p.merged_from_task_id IS NULL AND p.reported_at < :end AND (p.role = 'LEAD'"
                + " OR (p.role = 'RESPONSIBLE' AND NOT EXISTS (SELECT 1 FROM dispatch_task_unit u"
                + " WHERE u.task_id = p.task_id AND u.role = 'LEAD')) OR (p.proxy_department_id"
                + " IS NULL AND EXISTS (SELECT 1 FROM app_user a JOIN app_user_role r ON"
                + " r.user_id = a.id WHERE a.username = p.reported_by AND r.role IN ('PLANNER',"
                + " 'ADMIN')))) ORDER BY p.reported_at, p.id")
        .param("p", planId)
        .param("end", end)
        .query(
            rs -> {
              long task = rs.getLong("task_id");
              DispatchTaskStatus s = DispatchTaskStatus.valueOf(rs.getString("status"));
              status.put(task, s);
              if (s == DispatchTaskStatus.DONE && !doneOn.containsKey(task)) {
                doneOn.put(
                    task,
                    rs.getObject("reported_at", OffsetDateTime.class)
                        .atZoneSameInstant(zone)
                        .toLocalDate());
              }
            });
    return new At(date, status, doneOn);
  }

  /** The tasks' statuses at {@code date}. */
  static final class At {
    private final LocalDate date;
    private final Map<Long, DispatchTaskStatus> status;
    private final Map<Long, LocalDate> doneOn;

    private At(LocalDate date, Map<Long, DispatchTaskStatus> status, Map<Long, LocalDate> doneOn) {
      this.date = date;
      this.status = status;
      this.doneOn = doneOn;
    }

    /** The task's status at the date: its latest status-setting report's, else 未启动. */
    DispatchTaskStatus status(DispatchTask t) {
      return status.getOrDefault(t.id(), DispatchTaskStatus.NOT_STARTED);
    }

    boolean done(DispatchTask t) {
      return status(t) == DispatchTaskStatus.DONE;
    }

    /**
     * The day the task was first reported done, by the date, when it was done at the date (a task
     * done again after a setback keeps its first completion, as on the dashboard).
     */
    Optional<LocalDate> doneOn(DispatchTask t) {
      return done(t) ? Optional.of(doneOn.getOrDefault(t.id(), date)) : Optional.empty();
    }

    /** Overdue at the date: a task whose due date had passed without it done by then. */
    boolean overdue(DispatchTask t) {
      return t.isTask() && !done(t) && t.due().filter(date::isAfter).isPresent();
    }
  }
}
