package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * What review and dispatch add to stored plans: the source text, tasks' line ranges, corrections,
 * the reporting schedule, copies of a version, and key projects with milestones.
 */
@Repository
class PlanReviewRepository {
  private final JdbcClient jdbc;

  PlanReviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- source

  void setSource(long planId, String text) {
    jdbc.sql("UPDATE dispatch_plan SET source_text = :t WHERE id = :id")
        .param("t", text)
        .param("id", planId)
        .update();
  }

  Optional<String> source(long planId) {
    return jdbc.sql("SELECT source_text FROM dispatch_plan WHERE id = :id")
        .param("id", planId)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .single();
  }

  /**
   * Sets each node's last source line: the line before the next node that starts further down, the
   * last line of the document for the last node (the importer gives each task its first line).
   */
  void setLineEnds(long planId, int lastLine) {
    List<long[]> nodes =
        jdbc.sql("SELECT id, source_line FROM dispatch_task WHERE plan_id = :p ORDER BY position")
            .param("p", planId)
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
            .list();
    for (int i = 0; i < nodes.size(); i++) {
      long start = nodes.get(i)[1];
      long end = Math.max(start, lastLine);
      for (int j = i + 1; j < nodes.size(); j++) {
        if (nodes.get(j)[1] > start) {
          end = nodes.get(j)[1] - 1;
          break;
        }
      }
      setLineEnd(nodes.get(i)[0], (int) end);
    }
  }

  void setLineEnd(long taskId, int end) {
    jdbc.sql("UPDATE dispatch_task SET source_line_end = :e WHERE id = :id")
        .param("e", end)
        .param("id", taskId)
        .update();
  }

  Map<Long, Integer> lineEnds(long planId) {
    Map<Long, Integer> ends = new HashMap<>();
    jdbc.sql("SELECT id, source_line, source_line_end FROM dispatch_task WHERE plan_id = :p")
        .param("p", planId)
        .query(
            (rs, n) -> {
              int end = rs.getInt(3);
              ends.put(rs.getLong(1), rs.wasNull() ? rs.getInt(2) : end);
              return null;
            })
        .list();
    return ends;
  }

  // ---- corrections

  record Correction(
      long id,
      long planId,
      int version,
      String kind,
      String description,
      String by,
      OffsetDateTime at) {}

  void insertCorrection(
      long planId, String kind, String description, String by, OffsetDateTime at) {
    jdbc.sql(
            "INSERT INTO dispatch_correction (plan_id, kind, description, corrected_by,"
                + " corrected_at) VALUES (:p, :k, :d, :by, :at)")
        .param("p", planId)
        .param("k", kind)
        .param("d", DispatchRepository.cut(description, 4000))
        .param("by", by)
        .param("at", at)
        .update();
  }

  /** The corrections of every version of a plan, newest version first, in the order made. */
  List<Correction> corrections(long seriesId) {
    return jdbc.sql(
            "SELECT c.id, c.plan_id, p.version, c.kind, c.description, c.corrected_by,"
                + " c.corrected_at FROM dispatch_correction c JOIN dispatch_plan p ON p.id ="
                + " c.plan_id WHERE p.series_id = :s ORDER BY p.version DESC, c.id")
        .param("s", seriesId)
        .query(
            (rs, n) ->
                new Correction(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getObject(7, OffsetDateTime.class)))
        .list();
  }

  // ---- task edits

  void updateTask(long taskId, String title, String text, Optional<LocalDate> due) {
    jdbc.sql("UPDATE dispatch_task SET title = :title, text = :text, due = :due WHERE id = :id")
        .param("title", title)
        .param("text", text)
        .param("due", due.orElse(null))
        .param("id", taskId)
        .update();
  }

  void moveUnitsAndTargets(long from, long to) {
    Map<String, Integer> next = new HashMap<>();
    jdbc.sql("SELECT role, MAX(position) FROM dispatch_task_unit WHERE task_id = :t GROUP BY role")
        .param("t", to)
        .query(
            (rs, n) -> {
              next.put(rs.getString(1), rs.getInt(2));
              return null;
            })
        .list();
    List<String[]> units =
        jdbc.sql(
                "SELECT role, name, department_id FROM dispatch_task_unit WHERE task_id = :t"
                    + " ORDER BY role, position")
            .param("t", from)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .list();
    for (String[] u : units) {
      boolean present =
          jdbc.sql(
                      "SELECT COUNT(*) FROM dispatch_task_unit WHERE task_id = :t AND role = :r"
                          + " AND name = :n")
                  .param("t", to)
                  .param("r", u[0])
                  .param("n", u[1])
                  .query(Long.class)
                  .single()
              > 0;
      if (!present) {
        int pos = next.merge(u[0], 1, Integer::sum);
        jdbc.sql(
                "INSERT INTO dispatch_task_unit (task_id, role, position, name, department_id)"
                    + " VALUES (:t, :r, :p, :n, :d)")
            .param("t", to)
            .param("r", u[0])
            .param("p", pos)
            .param("n", u[1])
            .param("d", u[2] == null ? null : Long.parseLong(u[2]))
            .update();
      }
    }
    int offset =
        jdbc.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM dispatch_target WHERE task_id = :t")
            .param("t", to)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "INSERT INTO dispatch_target (task_id, position, text, metric, comparator,"
                + " target_value, unit, deadline, recurring, assigned) SELECT :to, position +"
                + " :off, text, metric, comparator, target_value, unit, deadline, recurring,"
                + " assigned FROM dispatch_target WHERE task_id = :from")
        .param("to", to)
        .param("off", offset)
        .param("from", from)
        .update();
    copyAssignedFigures(from, to, offset);
  }

  /** The figures assigned to {@code from}'s targets, for the same targets moved to {@code to}. */
  private void copyAssignedFigures(long from, long to, int offset) {
    jdbc.sql(
            "INSERT INTO dispatch_assigned_target (task_id, target_position, amount, comparator,"
                + " unit, source, assigned_by, assigned_at) SELECT :to, target_position + :off,"
                + " amount, comparator, unit, source, assigned_by, assigned_at FROM"
                + " dispatch_assigned_target WHERE task_id = :from")
        .param("to", to)
        .param("off", offset)
        .param("from", from)
        .update();
  }

  /** The sub-tasks of {@code from} moved under {@code to} (a task merged into another). */
  void moveChildren(long from, long to) {
    jdbc.sql("UPDATE dispatch_task SET parent_id = :to WHERE parent_id = :from")
        .param("to", to)
        .param("from", from)
        .update();
  }

  /**
   * Records that {@code merged} is merged into {@code into}: the task it was copied from (修订), else
   * its kind and title, so that on publishing its reports follow (DispatchCarry); the merges it had
   * absorbed go with it.
   */
  void recordMerge(long into, long merged, String by, OffsetDateTime at) {
    jdbc.sql("UPDATE dispatch_task_merge SET task_id = :into WHERE task_id = :merged")
        .param("into", into)
        .param("merged", merged)
        .update();
    jdbc.sql(
            "INSERT INTO dispatch_task_merge (task_id, origin_task_id, kind, title, merged_by,"
                + " merged_at) SELECT :into, origin_task_id, kind, title, :by, :at FROM"
                + " dispatch_task WHERE id = :merged")
        .param("into", into)
        .param("merged", merged)
        .param("by", by)
        .param("at", at)
        .update();
  }

  void deleteTask(long taskId) {
    jdbc.sql("DELETE FROM dispatch_assigned_target WHERE task_id = :t").param("t", taskId).update();
    jdbc.sql("DELETE FROM dispatch_target WHERE task_id = :t").param("t", taskId).update();
    jdbc.sql("DELETE FROM dispatch_task_unit WHERE task_id = :t").param("t", taskId).update();
    jdbc.sql("DELETE FROM dispatch_task WHERE id = :t").param("t", taskId).update();
  }

  void shiftPositions(long planId, int after) {
    jdbc.sql(
            "UPDATE dispatch_task SET position = position + 1 WHERE plan_id = :p AND position > :a")
        .param("p", planId)
        .param("a", after)
        .update();
  }

  void copyUnits(long from, long to) {
    jdbc.sql(
            "INSERT INTO dispatch_task_unit (task_id, role, position, name, department_id)"
                + " SELECT :to, role, position, name, department_id FROM dispatch_task_unit"
                + " WHERE task_id = :from")
        .param("to", to)
        .param("from", from)
        .update();
  }

  int nextUnitPosition(long taskId, DispatchUnitRole role) {
    return jdbc.sql(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM dispatch_task_unit WHERE task_id = :t"
                + " AND role = :r")
        .param("t", taskId)
        .param("r", role.name())
        .query(Integer.class)
        .single();
  }

  int deleteUnit(long taskId, DispatchUnitRole role, String name) {
    return jdbc.sql("DELETE FROM dispatch_task_unit WHERE task_id = :t AND role = :r AND name = :n")
        .param("t", taskId)
        .param("r", role.name())
        .param("n", name)
        .update();
  }

  /** Gives every unresolved unit of a plan written as {@code name} its department. */
  int resolveUnits(long planId, String name, long departmentId) {
    return jdbc.sql(
            "UPDATE dispatch_task_unit SET department_id = :d WHERE name = :n AND department_id"
                + " IS NULL AND task_id IN (SELECT id FROM dispatch_task WHERE plan_id = :p)")
        .param("d", departmentId)
        .param("n", name)
        .param("p", planId)
        .update();
  }

  void updatePlanTitle(long planId, String title) {
    jdbc.sql("UPDATE dispatch_plan SET title = :t WHERE id = :id")
        .param("t", title)
        .param("id", planId)
        .update();
  }

  void updateIndicator(
      long id,
      Optional<String> baseline,
      Optional<Integer> baselineYear,
      Optional<String> target,
      Optional<Integer> targetYear) {
    jdbc.sql(
            "UPDATE dispatch_indicator SET baseline = :b, baseline_year = :by, target = :t,"
                + " target_year = :ty WHERE id = :id")
        .param("b", baseline.orElse(null))
        .param("by", baselineYear.orElse(null))
        .param("t", target.orElse(null))
        .param("ty", targetYear.orElse(null))
        .param("id", id)
        .update();
  }

  // ---- schedule

  Optional<DispatchSchedule> schedule(long planId) {
    return jdbc.sql("SELECT report_schedule FROM dispatch_plan WHERE id = :id")
        .param("id", planId)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)).map(DispatchSchedule::valueOf))
        .single();
  }

  void setSchedule(long planId, Optional<DispatchSchedule> schedule) {
    jdbc.sql("UPDATE dispatch_plan SET report_schedule = :s WHERE id = :id")
        .param("s", schedule.map(Enum::name).orElse(null))
        .param("id", planId)
        .update();
  }

  // ---- a version's copy

  /**
   * Copies the tree, units, targets (with the figures assigned to them), indicators (with values)
   * and projects of a version; each task copied remembers its origin.
   */
  void copyContent(long from, long to) {
    jdbc.sql(
            "UPDATE dispatch_plan SET source_text = (SELECT source_text FROM dispatch_plan WHERE"
                + " id = :from), report_schedule = (SELECT report_schedule FROM dispatch_plan"
                + " WHERE id = :from) WHERE id = :to")
        .param("from", from)
        .param("to", to)
        .update();
    Map<Long, Long> ids = new HashMap<>();
    List<Map<String, Object>> rows =
        jdbc.sql("SELECT * FROM dispatch_task WHERE plan_id = :p ORDER BY position")
            .param("p", from)
            .query()
            .listOfRows();
    for (Map<String, Object> r : rows) {
      Map<String, Object> row = lower(r);
      var keys = new GeneratedKeyHolder();
      Object parent = row.get("parent_id");
      jdbc.sql(
              "INSERT INTO dispatch_task (plan_id, parent_id, kind, position, number, title, text,"
                  + " source_line, source_line_end, due, modality, status, version, origin_task_id)"
                  + " VALUES (:p, :parent, :kind, :pos, :number, :title, :text, :line, :end, :due,"
                  + " :modality, 'NOT_STARTED', 0, :origin)")
          .param("p", to)
          .param("parent", parent == null ? null : ids.get(((Number) parent).longValue()))
          .param("kind", row.get("kind"))
          .param("pos", row.get("position"))
          .param("number", row.get("number"))
          .param("title", row.get("title"))
          .param("text", row.get("text"))
          .param("line", row.get("source_line"))
          .param("end", row.get("source_line_end"))
          .param("due", row.get("due"))
          .param("modality", row.get("modality"))
          // the task it was copied from: on publishing, the reports follow it (DispatchCarry)
          .param("origin", row.get("id"))
          .update(keys, "id");
      long old = ((Number) row.get("id")).longValue();
      long id = keys.getKey().longValue();
      ids.put(old, id);
      copyUnits(old, id);
      jdbc.sql(
              "INSERT INTO dispatch_target (task_id, position, text, metric, comparator,"
                  + " target_value, unit, deadline, recurring, assigned) SELECT :to, position,"
                  + " text, metric, comparator, target_value, unit, deadline, recurring, assigned"
                  + " FROM dispatch_target WHERE task_id = :from")
          .param("to", id)
          .param("from", old)
          .update();
      copyAssignedFigures(old, id, 0);
    }
    List<Long> indicators =
        jdbc.sql("SELECT id FROM dispatch_indicator WHERE plan_id = :p ORDER BY position")
            .param("p", from)
            .query(Long.class)
            .list();
    for (long old : indicators) {
      var keys = new GeneratedKeyHolder();
      jdbc.sql(
              "INSERT INTO dispatch_indicator (plan_id, position, no, category, name, unit,"
                  + " baseline, baseline_year, target, target_year, attribute, kind) SELECT :to,"
                  + " position, no, category, name, unit, baseline, baseline_year, target,"
                  + " target_year, attribute, kind FROM dispatch_indicator WHERE id = :id")
          .param("to", to)
          .param("id", old)
          .update(keys, "id");
      jdbc.sql(
              "INSERT INTO dispatch_indicator_value (indicator_id, value_year, amount, source,"
                  + " entered_by, entered_at) SELECT :to, value_year, amount, source, entered_by,"
                  + " entered_at FROM dispatch_indicator_value WHERE indicator_id = :from")
          .param("to", keys.getKey().longValue())
          .param("from", old)
          .update();
    }
    List<Long> projects =
        jdbc.sql("SELECT id FROM dispatch_project WHERE plan_id = :p ORDER BY position")
            .param("p", from)
            .query(Long.class)
            .list();
    for (long old : projects) {
      var keys = new GeneratedKeyHolder();
      // each copy remembers what it was copied from and when its progress was entered: on
      // publishing, what the superseded version got since follows (DispatchCarryEntries)
      jdbc.sql(
              "INSERT INTO dispatch_project (plan_id, position, name, content, investment,"
                  + " source_line, actual_investment, progress, progress_at, latitude, longitude,"
                  + " department_id, origin_project_id) SELECT :to, position, name, content,"
                  + " investment, source_line, actual_investment, progress, progress_at, latitude,"
                  + " longitude, department_id, id FROM dispatch_project WHERE id = :id")
          .param("to", to)
          .param("id", old)
          .update(keys, "id");
      jdbc.sql(
              "INSERT INTO dispatch_milestone (project_id, name, due, done, done_at,"
                  + " origin_milestone_id) SELECT :to, name, due, done, done_at, id FROM"
                  + " dispatch_milestone WHERE project_id = :from ORDER BY id")
          .param("to", keys.getKey().longValue())
          .param("from", old)
          .update();
    }
  }

  private static Map<String, Object> lower(Map<String, Object> row) {
    Map<String, Object> m = new LinkedHashMap<>();
    row.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return m;
  }

  // ---- key projects

  record KeyProjectRow(
      long id,
      long planId,
      String name,
      Optional<String> content,
      Optional<BigDecimal> investment,
      Optional<BigDecimal> actualInvestment,
      Optional<Integer> progress,
      Optional<BigDecimal> latitude,
      Optional<BigDecimal> longitude,
      Optional<Long> departmentId,
      Optional<String> department,
      int line,
      int version,
      List<Milestone> milestones) {}

  record Milestone(long id, String name, Optional<LocalDate> due, Optional<LocalDate> done) {
    /** Not done and its date has passed. */
    public boolean overdue(LocalDate today) {
      return done.isEmpty() && due.filter(d -> d.isBefore(today)).isPresent();
    }
  }

  List<KeyProjectRow> projects(long planId) {
    return projectQuery("p.plan_id = :x", planId);
  }

  Optional<KeyProjectRow> project(long id) {
    return projectQuery("p.id = :x", id).stream().findFirst();
  }

  private List<KeyProjectRow> projectQuery(String where, long x) {
    Map<Long, List<Milestone>> milestones = new HashMap<>();
    jdbc.sql(
            "SELECT m.id, m.project_id, m.name, m.due, m.done FROM dispatch_milestone m JOIN"
                + " dispatch_project p ON p.id = m.project_id WHERE "
                + where
                + " ORDER BY m.due, m.id")
        .param("x", x)
        .query(
            (rs, n) -> {
              milestones
                  .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                  .add(
                      new Milestone(
                          rs.getLong(1),
                          rs.getString(3),
                          Optional.ofNullable(rs.getObject(4, LocalDate.class)),
                          Optional.ofNullable(rs.getObject(5, LocalDate.class))));
              return null;
            })
        .list();
    return jdbc.sql(
            "SELECT p.id, p.plan_id, p.name, p.content, p.investment, p.actual_investment,"
                + " p.progress, p.latitude, p.longitude, p.department_id, d.name AS department,"
                + " p.source_line, p.version FROM dispatch_project p LEFT JOIN department d ON"
                + " d.id = p.department_id WHERE "
                + where
                + " ORDER BY p.position")
        .param("x", x)
        .query(
            (rs, n) -> {
              long dept = rs.getLong(10);
              Optional<Long> department = rs.wasNull() ? Optional.empty() : Optional.of(dept);
              int progress = rs.getInt(7);
              Optional<Integer> pct = rs.wasNull() ? Optional.empty() : Optional.of(progress);
              return new KeyProjectRow(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  Optional.ofNullable(rs.getString(4)),
                  Optional.ofNullable(rs.getBigDecimal(5)),
                  Optional.ofNullable(rs.getBigDecimal(6)),
                  pct,
                  Optional.ofNullable(rs.getBigDecimal(8)),
                  Optional.ofNullable(rs.getBigDecimal(9)),
                  department,
                  Optional.ofNullable(rs.getString(11)),
                  rs.getInt(12),
                  rs.getInt(13),
                  milestones.getOrDefault(rs.getLong(1), List.of()));
            })
        .list();
  }

  void updateProject(
      long id,
      Optional<BigDecimal> investment,
      Optional<BigDecimal> latitude,
      Optional<BigDecimal> longitude,
      Optional<Long> departmentId) {
    jdbc.sql(
            "UPDATE dispatch_project SET investment = :i, latitude = :lat, longitude = :lng,"
                + " department_id = :d, version = version + 1 WHERE id = :id")
        .param("i", investment.orElse(null))
        .param("lat", latitude.orElse(null))
        .param("lng", longitude.orElse(null))
        .param("d", departmentId.orElse(null))
        .param("id", id)
        .update();
  }

  /** Progress and actual investment if nobody changed the project since {@code version}. */
  boolean updateProgress(
      long id, int progress, Optional<BigDecimal> actual, int version, OffsetDateTime at) {
    return jdbc.sql(
                "UPDATE dispatch_project SET progress = :p, actual_investment = :a, progress_at ="
                    + " :at, version = version + 1 WHERE id = :id AND version = :v")
            .param("p", progress)
            .param("a", actual.orElse(null))
            .param("at", at)
            .param("id", id)
            .param("v", version)
            .update()
        == 1;
  }

  void insertMilestone(long projectId, String name, Optional<LocalDate> due) {
    jdbc.sql("INSERT INTO dispatch_milestone (project_id, name, due) VALUES (:p, :n, :d)")
        .param("p", projectId)
        .param("n", name)
        .param("d", due.orElse(null))
        .update();
  }

  int milestoneDone(long projectId, long milestoneId, Optional<LocalDate> done, OffsetDateTime at) {
    return jdbc.sql(
            "UPDATE dispatch_milestone SET done = :d, done_at = :at WHERE id = :m AND project_id"
                + " = :p")
        .param("d", done.orElse(null))
        .param("at", at)
        .param("m", milestoneId)
        .param("p", projectId)
        .update();
  }

  void updateTarget(
      long taskId,
      int position,
      Optional<String> metric,
      Optional<String> comparator,
      Optional<BigDecimal> value,
      Optional<String> unit,
      Optional<LocalDate> deadline) {
    jdbc.sql(
            "UPDATE dispatch_target SET metric = :metric, comparator = :cmp, target_value = :value,"
                + " unit = :unit, deadline = :deadline WHERE task_id = :t AND position = :pos")
        .param("metric", metric.orElse(null))
        .param("cmp", comparator.orElse(null))
        .param("value", value.orElse(null))
        .param("unit", unit.orElse(null))
        .param("deadline", deadline.orElse(null))
        .param("t", taskId)
        .param("pos", position)
        .update();
  }
}
