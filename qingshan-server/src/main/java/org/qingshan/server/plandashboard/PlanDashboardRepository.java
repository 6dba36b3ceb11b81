package org.qingshan.server.plandashboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.plandispatch.DispatchSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the dispatch tables directly (plandispatch's repository is its own) and keeps the
 * dashboard's own schedule and indicator notes.
 */
@Repository
class PlanDashboardRepository {
  private final JdbcClient jdbc;

  PlanDashboardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Plan(long id, long series, String title, Optional<OffsetDateTime> publishedAt) {}

  record Task(
      long id,
      Optional<Long> parentId,
      String kind,
      String title,
      Optional<java.time.LocalDate> due,
      String status) {

    /**
     * A task or a sub-task: each is reported on with a status of its own, so each counts as one
     * item (a task broken into three sub-tasks counts four).
     */
    boolean reportable() {
      return kind.equals("TASK") || kind.equals("SUBTASK");
    }
  }

  record Unit(long taskId, String role, long departmentId, String department) {}

  record Indicator(
      long id,
      String no,
      String name,
      Optional<String> unit,
      Optional<String> baseline,
      Optional<Integer> baselineYear,
      Optional<String> target,
      Optional<Integer> targetYear,
      String kind) {}

  record Value(long indicatorId, int year, BigDecimal amount, String source) {}

  record Note(
      long indicatorId,
      Optional<BigDecimal> assignedTarget,
      Optional<String> judgement,
      Optional<String> reason) {}

  record Liaison(String username) {}

  List<Plan> publishedPlans() {
    return jdbc.sql(
            "SELECT id, COALESCE(series_id, id) AS series, title, published_at FROM dispatch_plan"
                + " WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC")
        .query(
            (rs, n) ->
                new Plan(
                    rs.getLong("id"),
                    rs.getLong("series"),
                    rs.getString("title"),
                    Optional.ofNullable(rs.getObject("published_at", OffsetDateTime.class))))
        .list();
  }

  List<Task> tasks(long planId) {
    return jdbc.sql(
            "SELECT id, parent_id, kind, title, due, status FROM dispatch_task WHERE plan_id = :p"
                + " ORDER BY position")
        .param("p", planId)
        .query(
            (rs, n) ->
                new Task(
                    rs.getLong("id"),
                    Optional.ofNullable((Number) rs.getObject("parent_id")).map(Number::longValue),
                    rs.getString("kind"),
                    rs.getString("title"),
                    Optional.ofNullable(rs.getObject("due", java.time.LocalDate.class)),
                    rs.getString("status")))
        .list();
  }

  List<Unit> units(long planId) {
    return jdbc.sql(
            "SELECT u.task_id, u.role, u.department_id, d.name FROM dispatch_task_unit u JOIN"
                + " dispatch_task t ON t.id = u.task_id JOIN department d ON d.id ="
                + " u.department_id WHERE t.plan_id = :p ORDER BY u.task_id, u.role, u.position")
        .param("p", planId)
        .query(
            (rs, n) ->
                new Unit(
                    rs.getLong("task_id"),
                    rs.getString("role"),
                    rs.getLong("department_id"),
                    rs.getString("name")))
        .list();
  }

  /**
   * When each task was first reported done by its lead department, or by a responsible one where
   * none leads (as the task's status is set); a report carried from a task merged into it is a
   * contribution: its lead's "done" was the merged task's.
   */
  java.util.Map<Long, OffsetDateTime> doneAt(long planId) {
    java.util.Map<Long, OffsetDateTime> done = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT p.task_id, MIN(p.reported_at) AS at FROM dispatch_progress p JOIN"
                + " dispatch_task t ON t.id = p.task_id WHERE t.plan_id = :p AND (p.role ="
                + " 'LEAD' OR (p.role = 'RESPONSIBLE' AND NOT EXISTS (SELECT 1 FROM"
                + " dispatch_task_unit u WHERE u.task_id = p.task_id AND u.role = 'LEAD')))"
                + " AND p.status = 'DONE' AND p.merged_from_task_id IS NULL GROUP BY p.task_id")
        .param("p", planId)
        .query(
            rs -> {
              done.put(rs.getLong("task_id"), rs.getObject("at", OffsetDateTime.class));
            });
    return done;
  }

  /** Each department's latest report on the plan's tasks. */
  java.util.Map<Long, OffsetDateTime> lastReports(long planId) {
    java.util.Map<Long, OffsetDateTime> last = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT p.department_id, MAX(p.reported_at) AS at FROM dispatch_progress p JOIN"
                + " dispatch_task t ON t.id = p.task_id WHERE t.plan_id = :p AND p.department_id"
                + " IS NOT NULL GROUP BY p.department_id")
        .param("p", planId)
        .query(
            rs -> {
              last.put(rs.getLong("department_id"), rs.getObject("at", OffsetDateTime.class));
            });
    return last;
  }

  List<Indicator> indicators(long planId) {
    return jdbc.sql(
            "SELECT id, no, name, unit, baseline, baseline_year, target, target_year, kind FROM"
                + " dispatch_indicator WHERE plan_id = :p ORDER BY position")
        .param("p", planId)
        .query(
            (rs, n) ->
                new Indicator(
                    rs.getLong("id"),
                    rs.getString("no"),
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("unit")),
                    Optional.ofNullable(rs.getString("baseline")),
                    Optional.ofNullable((Number) rs.getObject("baseline_year"))
                        .map(Number::intValue),
                    Optional.ofNullable(rs.getString("target")),
                    Optional.ofNullable((Number) rs.getObject("target_year")).map(Number::intValue),
                    rs.getString("kind")))
        .list();
  }

  List<Value> values(long planId) {
    return jdbc.sql(
            "SELECT v.indicator_id, v.value_year, v.amount, v.source FROM dispatch_indicator_value"
                + " v JOIN dispatch_indicator i ON i.id = v.indicator_id WHERE i.plan_id = :p"
                + " ORDER BY v.value_year")
        .param("p", planId)
        .query(
            (rs, n) ->
                new Value(
                    rs.getLong("indicator_id"),
                    rs.getInt("value_year"),
                    rs.getBigDecimal("amount"),
                    rs.getString("source")))
        .list();
  }

  List<Note> notes(long planId) {
    return jdbc.sql(
            "SELECT n.indicator_id, n.assigned_target, n.judgement, n.reason FROM"
                + " plan_dashboard_indicator_note n JOIN dispatch_indicator i ON i.id ="
                + " n.indicator_id WHERE i.plan_id = :p")
        .param("p", planId)
        .query(
            (rs, n) ->
                new Note(
                    rs.getLong("indicator_id"),
                    Optional.ofNullable(rs.getBigDecimal("assigned_target")),
                    Optional.ofNullable(rs.getString("judgement")),
                    Optional.ofNullable(rs.getString("reason"))))
        .list();
  }

  /** The plan's reporting schedule, as the plan page sets it; empty while none is set. */
  Optional<DispatchSchedule> frequency(long planId) {
    return jdbc
        .sql("SELECT report_schedule FROM dispatch_plan WHERE id = :p")
        .param("p", planId)
        .query(String.class)
        .list()
        .stream()
        .filter(f -> f != null)
        .findFirst()
        .map(DispatchSchedule::valueOf);
  }

  void setFrequency(long planId, DispatchSchedule frequency) {
    jdbc.sql("UPDATE dispatch_plan SET report_schedule = :f WHERE id = :p")
        .param("f", frequency.name())
        .param("p", planId)
        .update();
  }

  void putNote(
      long indicatorId,
      Optional<BigDecimal> assigned,
      Optional<String> judgement,
      Optional<String> reason,
      String by,
      OffsetDateTime now) {
    jdbc.sql("DELETE FROM plan_dashboard_indicator_note WHERE indicator_id = :i")
        .param("i", indicatorId)
        .update();
    jdbc.sql(
            "INSERT INTO plan_dashboard_indicator_note (indicator_id, assigned_target, judgement,"
                + " reason, updated_by, updated_at) VALUES (:i, :a, :j, :r, :by, :now)")
        .param("i", indicatorId)
        .param("a", assigned.orElse(null))
        .param("j", judgement.orElse(null))
        .param("r", reason.orElse(null))
        .param("by", by)
        .param("now", now)
        .update();
  }

  Optional<Long> indicatorPlan(long indicatorId) {
    return jdbc.sql("SELECT plan_id FROM dispatch_indicator WHERE id = :i")
        .param("i", indicatorId)
        .query(Long.class)
        .optional();
  }

  /** The enabled planners and leaders: who is told of a passed deadline. */
  List<String> plannersAndLeaders() {
    return jdbc.sql(
            "SELECT DISTINCT u.username FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
                + " WHERE r.role IN ('PLANNER', 'LEADER') AND u.enabled ORDER BY u.username")
        .query(String.class)
        .list();
  }

  /** Records that a task's passed deadline is told; false when it was told before. */
  boolean firstDeadlineNotice(long taskId, OffsetDateTime now) {
    boolean told =
        jdbc.sql("SELECT COUNT(*) FROM plan_deadline_notice WHERE task_id = :t")
                .param("t", taskId)
                .query(Long.class)
                .single()
            > 0;
    if (told) {
      return false;
    }
    jdbc.sql("INSERT INTO plan_deadline_notice (task_id, notified_at) VALUES (:t, :now)")
        .param("t", taskId)
        .param("now", now)
        .update();
    return true;
  }

  /**
   * The notice of task {@code from}'s passed deadline, if told, counts for {@code to} (the task of
   * a new version that descends from it) unless {@code to} is due later; whether it was carried.
   */
  boolean carryDeadlineNotice(long from, long to) {
    return jdbc.sql(
                "INSERT INTO plan_deadline_notice (task_id, notified_at, carried_from_task_id)"
                    + " SELECT :to, n.notified_at, n.task_id FROM plan_deadline_notice n JOIN"
                    + " dispatch_task o ON o.id = n.task_id JOIN dispatch_task t ON t.id = :to"
                    + " WHERE n.task_id = :from AND (t.due IS NULL OR o.due IS NULL OR t.due <="
                    + " o.due) AND NOT EXISTS (SELECT 1 FROM plan_deadline_notice x WHERE"
                    + " x.task_id = :to)")
            .param("from", from)
            .param("to", to)
            .update()
        > 0;
  }

  /** Whether a department was reminded of a plan's report for the period (of that kind). */
  boolean reminded(long series, long departmentId, java.time.LocalDate periodStart, String kind) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM plan_report_reminder WHERE plan_series_id = :s AND"
                    + " department_id = :d AND period_start = :p AND kind = :k")
            .param("s", series)
            .param("d", departmentId)
            .param("p", periodStart)
            .param("k", kind)
            .query(Long.class)
            .single()
        > 0;
  }

  void remember(
      long series,
      long departmentId,
      java.time.LocalDate periodStart,
      String kind,
      int liaisons,
      OffsetDateTime now) {
    jdbc.sql(
            "INSERT INTO plan_report_reminder (plan_series_id, department_id, period_start, kind,"
                + " liaisons, notified_at) VALUES (:s, :d, :p, :k, :n, :now)")
        .param("s", series)
        .param("d", departmentId)
        .param("p", periodStart)
        .param("k", kind)
        .param("n", liaisons)
        .param("now", now)
        .update();
  }

  /** The enabled liaisons of a department: who a 催办 reaches. */
  List<String> liaisons(long departmentId) {
    return jdbc.sql(
            "SELECT u.username FROM app_user u JOIN app_user_role r ON r.user_id = u.id WHERE"
                + " r.role = 'LIAISON' AND u.department_id = :d AND u.enabled ORDER BY u.username")
        .param("d", departmentId)
        .query(String.class)
        .list();
  }

  void notify(String username, String text, String link, OffsetDateTime now) {
    jdbc.sql(
            "INSERT INTO notification (username, text, link, created_at) VALUES (:u, :t, :l,"
                + " :now)")
        .param("u", username)
        .param("t", text.length() > 500 ? text.substring(0, 500) : text)
        .param("l", link)
        .param("now", now)
        .update();
  }

  Optional<String> departmentName(long id) {
    return jdbc.sql("SELECT name FROM department WHERE id = :d")
        .param("d", id)
        .query(String.class)
        .optional();
  }
}
