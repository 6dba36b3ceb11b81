package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stored plans, their task trees, indicators, key projects and the reports on their tasks. */
@Repository
class DispatchRepository {
  private static final String PLAN =
      "SELECT id, series_id, version, title, status, source_file, created_by, created_at,"
          + " published_by, published_at FROM dispatch_plan";
  private static final String TASK =
      "SELECT id, plan_id, parent_id, kind, position, number, title, text, source_line, due,"
          + " modality, status, version, updated_at FROM dispatch_task";
  private final JdbcClient jdbc;

  DispatchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- plans

  long insertPlan(
      Optional<Long> seriesId,
      int version,
      String title,
      String sourceFile,
      Optional<Integer> periodStart,
      Optional<Integer> periodEnd,
      String by,
      OffsetDateTime now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO dispatch_plan (series_id, version, title, status, source_file,"
                + " period_start, period_end, created_by, created_at) VALUES (:series, :version,"
                + " :title, 'DRAFT', :file, :from, :to, :by, :now)")
        .param("series", seriesId.orElse(null))
        .param("version", version)
        .param("title", title)
        .param("file", sourceFile)
        .param("from", periodStart.orElse(null))
        .param("to", periodEnd.orElse(null))
        .param("by", by)
        .param("now", now)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    if (seriesId.isEmpty()) {
      jdbc.sql("UPDATE dispatch_plan SET series_id = id WHERE id = :id").param("id", id).update();
    }
    return id;
  }

  Optional<DispatchPlan> plan(long id) {
    return jdbc.sql(PLAN + " WHERE id = :id")
        .param("id", id)
        .query(DispatchRepository::mapPlan)
        .optional();
  }

  /** Every plan version, newest first; only published ones when {@code publishedOnly}. */
  List<DispatchPlan> plans(boolean publishedOnly) {
    return jdbc.sql(
            PLAN
                + (publishedOnly ? " WHERE status = 'PUBLISHED'" : "")
                + " ORDER BY created_at DESC, id DESC")
        .query(DispatchRepository::mapPlan)
        .list();
  }

  List<DispatchPlan> versions(long seriesId) {
    return jdbc.sql(PLAN + " WHERE series_id = :s ORDER BY version DESC")
        .param("s", seriesId)
        .query(DispatchRepository::mapPlan)
        .list();
  }

  void setStatus(long id, DispatchPlanStatus status) {
    jdbc.sql("UPDATE dispatch_plan SET status = :s WHERE id = :id")
        .param("s", status.name())
        .param("id", id)
        .update();
  }

  void publish(long id, String by, OffsetDateTime now) {
    jdbc.sql(
            "UPDATE dispatch_plan SET status = 'PUBLISHED', published_by = :by, published_at ="
                + " :now WHERE id = :id")
        .param("by", by)
        .param("now", now)
        .param("id", id)
        .update();
  }

  long planCount() {
    return jdbc.sql("SELECT COUNT(*) FROM dispatch_plan").query(Long.class).single();
  }

  // ---- tasks

  long insertTask(
      long planId,
      Optional<Long> parentId,
      DispatchTaskKind kind,
      int position,
      Optional<String> number,
      String title,
      String text,
      int line,
      Optional<LocalDate> due,
      Optional<String> modality) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO dispatch_task (plan_id, parent_id, kind, position, number, title, text,"
                + " source_line, due, modality, status, version) VALUES (:plan, :parent, :kind,"
                + " :pos, :number, :title, :text, :line, :due, :modality, 'NOT_STARTED', 0)")
        .param("plan", planId)
        .param("parent", parentId.orElse(null))
        .param("kind", kind.name())
        .param("pos", position)
        .param("number", number.orElse(null))
        .param("title", title)
        .param("text", text)
        .param("line", line)
        .param("due", due.orElse(null))
        .param("modality", modality.orElse(null))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void insertUnit(
      long taskId, DispatchUnitRole role, int position, String name, Optional<Long> department) {
    jdbc.sql(
            "INSERT INTO dispatch_task_unit (task_id, role, position, name, department_id)"
                + " VALUES (:t, :role, :pos, :name, :dept)")
        .param("t", taskId)
        .param("role", role.name())
        .param("pos", position)
        .param("name", name)
        .param("dept", department.orElse(null))
        .update();
  }

  void insertTarget(
      long taskId,
      int position,
      String text,
      Optional<String> metric,
      Optional<String> comparator,
      Optional<BigDecimal> value,
      Optional<String> unit,
      Optional<LocalDate> deadline,
      Optional<String> recurring,
      boolean assigned) {
    jdbc.sql(
            "INSERT INTO dispatch_target (task_id, position, text, metric, comparator,"
                + " target_value, unit, deadline, recurring, assigned) VALUES (:t, :pos, :text,"
                + " :metric, :cmp, :value, :unit, :deadline, :recurring, :assigned)")
        .param("t", taskId)
        .param("pos", position)
        .param("text", cut(text, 4000))
        .param("metric", metric.map(m -> cut(m, 200)).orElse(null))
        .param("cmp", comparator.map(c -> cut(c, 20)).orElse(null))
        .param("value", value.orElse(null))
        .param("unit", unit.map(u -> cut(u, 40)).orElse(null))
        .param("deadline", deadline.orElse(null))
        .param("recurring", recurring.map(r -> cut(r, 40)).orElse(null))
        .param("assigned", assigned)
        .update();
  }

  /** The nodes of a plan's tree in document order, with their units. */
  List<DispatchTask> tasks(long planId) {
    List<DispatchTask> tasks =
        jdbc.sql(TASK + " WHERE plan_id = :p ORDER BY position")
            .param("p", planId)
            .query(DispatchRepository::mapTask)
            .list();
    Map<Long, List<DispatchUnit>> units = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT u.task_id, u.role, u.name, u.department_id, d.name AS department"
                + " FROM dispatch_task_unit u JOIN dispatch_task t ON t.id = u.task_id"
                + " LEFT JOIN department d ON d.id = u.department_id"
                + " WHERE t.plan_id = :p ORDER BY u.task_id, u.role, u.position")
        .param("p", planId)
        .query(
            (rs, n) -> {
              units.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(mapUnit(rs));
              return null;
            })
        .list();
    return tasks.stream().map(t -> t.withUnits(units.getOrDefault(t.id(), List.of()))).toList();
  }

  Optional<DispatchTask> task(long id) {
    Optional<DispatchTask> task =
        jdbc.sql(TASK + " WHERE id = :id")
            .param("id", id)
            .query(DispatchRepository::mapTask)
            .optional();
    return task.map(
        t ->
            t.withUnits(
                jdbc.sql(
                        "SELECT u.role, u.name, u.department_id, d.name AS department FROM"
                            + " dispatch_task_unit u LEFT JOIN department d ON d.id ="
                            + " u.department_id WHERE u.task_id = :t ORDER BY u.role, u.position")
                    .param("t", id)
                    .query((rs, n) -> mapUnit(rs))
                    .list()));
  }

  /**
   * Sets a task's status if nobody changed it since {@code version}; false when someone did (the
   * caller tells the user, who saved from an older version).
   */
  boolean updateStatus(long taskId, DispatchTaskStatus status, int version, OffsetDateTime now) {
    return jdbc.sql(
                "UPDATE dispatch_task SET status = :s, version = version + 1, updated_at = :now"
                    + " WHERE id = :id AND version = :v")
            .param("s", status.name())
            .param("now", now)
            .param("id", taskId)
            .param("v", version)
            .update()
        == 1;
  }

  /** Raises a task's version after a supporting report, under the same check as a status. */
  boolean touch(long taskId, int version, OffsetDateTime now) {
    return jdbc.sql(
                "UPDATE dispatch_task SET version = version + 1, updated_at = :now"
                    + " WHERE id = :id AND version = :v")
            .param("now", now)
            .param("id", taskId)
            .param("v", version)
            .update()
        == 1;
  }

  // ---- progress

  long insertProgress(
      long taskId,
      Optional<Long> departmentId,
      DispatchUnitRole role,
      DispatchTaskStatus status,
      String text,
      String by,
      Optional<Long> proxyDepartmentId,
      OffsetDateTime now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO dispatch_progress (task_id, department_id, role, status, text,"
                + " reported_by, proxy_department_id, reported_at) VALUES (:t, :dept, :role,"
                + " :status, :text, :by, :proxy, :now)")
        .param("proxy", proxyDepartmentId.orElse(null))
        .param("t", taskId)
        .param("dept", departmentId.orElse(null))
        .param("role", role.name())
        .param("status", status.name())
        .param("text", text)
        .param("by", by)
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void insertEvidence(
      long progressId, String fileName, String storedName, String contentType, long bytes) {
    jdbc.sql(
            "INSERT INTO dispatch_evidence (progress_id, file_name, stored_name, content_type,"
                + " bytes) VALUES (:p, :name, :stored, :type, :bytes)")
        .param("p", progressId)
        .param("name", cut(fileName, 255))
        .param("stored", storedName)
        .param("type", contentType)
        .param("bytes", bytes)
        .update();
  }

  void insertFigure(long progressId, int targetPosition, BigDecimal amount, Optional<String> note) {
    jdbc.sql(
            "INSERT INTO dispatch_figure (progress_id, target_position, amount, note) VALUES (:p,"
                + " :pos, :amount, :note)")
        .param("p", progressId)
        .param("pos", targetPosition)
        .param("amount", amount)
        .param("note", note.map(n -> cut(n, 500)).orElse(null))
        .update();
  }

  private static final String TARGET =
      "SELECT g.task_id, g.position, g.text, g.metric, g.comparator, g.target_value, g.unit,"
          + " g.deadline, g.recurring, g.assigned, a.amount AS assigned_value, a.comparator AS"
          + " assigned_comparator, a.unit AS assigned_unit, a.source AS assigned_source,"
          + " a.assigned_by, a.assigned_at FROM dispatch_target g LEFT JOIN"
          + " dispatch_assigned_target a ON a.task_id = g.task_id AND a.target_position ="
          + " g.position";

  /** A task's dated targets in the order of its text, without their readings. */
  List<DispatchTarget> targets(long taskId) {
    return jdbc.sql(TARGET + " WHERE g.task_id = :t ORDER BY g.position")
        .param("t", taskId)
        .query((rs, n) -> mapTarget(rs))
        .list();
  }

  /**
   * The dated targets of a plan's tasks, each with the figures the task's reports (lead, or
   * responsible where none leads: the reports that carry figures) gave for it, oldest first.
   */
  List<DispatchTarget> planTargets(long planId) {
    Map<String, List<DispatchTarget.Reading>> readings = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT p.task_id, f.target_position, f.amount, f.note, p.id, p.reported_at, d.name"
                + " AS department FROM dispatch_figure f JOIN dispatch_progress p ON p.id ="
                + " f.progress_id JOIN dispatch_task t ON t.id = p.task_id LEFT JOIN department d"
                + " ON d.id = p.department_id WHERE t.plan_id = :p ORDER BY p.reported_at, p.id")
        .param("p", planId)
        .query(
            (rs, n) -> {
              readings
                  .computeIfAbsent(
                      rs.getLong("task_id") + "/" + rs.getInt("target_position"),
                      k -> new ArrayList<>())
                  .add(
                      new DispatchTarget.Reading(
                          rs.getLong("id"),
                          rs.getObject("reported_at", OffsetDateTime.class),
                          Optional.ofNullable(rs.getString("department")),
                          rs.getBigDecimal("amount").stripTrailingZeros(),
                          Optional.ofNullable(rs.getString("note"))));
              return null;
            })
        .list();
    return jdbc.sql(
            TARGET
                + " JOIN dispatch_task t ON t.id = g.task_id WHERE t.plan_id = :p"
                + " ORDER BY t.position, g.position")
        .param("p", planId)
        .query(
            (rs, n) -> {
              DispatchTarget t = mapTarget(rs);
              return t.withReadings(
                  readings.getOrDefault(t.taskId() + "/" + t.position(), List.of()));
            })
        .list();
  }

  private static DispatchTarget mapTarget(ResultSet rs) throws SQLException {
    return new DispatchTarget(
        rs.getLong("task_id"),
        rs.getInt("position"),
        rs.getString("text"),
        Optional.ofNullable(rs.getString("metric")),
        Optional.ofNullable(rs.getString("comparator")),
        Optional.ofNullable(rs.getBigDecimal("target_value")).map(BigDecimal::stripTrailingZeros),
        Optional.ofNullable(rs.getString("unit")),
        Optional.ofNullable(rs.getObject("deadline", LocalDate.class)),
        Optional.ofNullable(rs.getString("recurring")),
        rs.getBoolean("assigned"),
        assignedFigure(rs),
        List.of());
  }

  private static Optional<AssignedFigure> assignedFigure(ResultSet rs) throws SQLException {
    BigDecimal value = rs.getBigDecimal("assigned_value");
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        new AssignedFigure(
            value.stripTrailingZeros(),
            rs.getString("assigned_comparator"),
            Optional.ofNullable(rs.getString("assigned_unit")),
            rs.getString("assigned_source"),
            rs.getString("assigned_by"),
            rs.getObject("assigned_at", OffsetDateTime.class)));
  }

  /** The reports on a task, newest first, with their files and figures. */
  List<DispatchProgress> progress(long taskId) {
    Map<Long, List<DispatchProgress.Figure>> figures = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT f.progress_id, f.target_position, f.amount, f.note FROM dispatch_figure f"
                + " JOIN dispatch_progress p ON p.id = f.progress_id WHERE p.task_id = :t"
                + " ORDER BY f.progress_id, f.target_position")
        .param("t", taskId)
        .query(
            (rs, n) -> {
              figures
                  .computeIfAbsent(rs.getLong("progress_id"), k -> new ArrayList<>())
                  .add(
                      new DispatchProgress.Figure(
                          rs.getInt("target_position"),
                          rs.getBigDecimal("amount").stripTrailingZeros(),
                          Optional.ofNullable(rs.getString("note"))));
              return null;
            })
        .list();
    Map<Long, List<DispatchProgress.Evidence>> files = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT e.id, e.progress_id, e.file_name, e.stored_name, e.content_type, e.bytes"
                + " FROM dispatch_evidence e JOIN dispatch_progress p ON p.id = e.progress_id"
                + " WHERE p.task_id = :t ORDER BY e.id")
        .param("t", taskId)
        .query(
            (rs, n) -> {
              files
                  .computeIfAbsent(rs.getLong("progress_id"), k -> new ArrayList<>())
                  .add(
                      new DispatchProgress.Evidence(
                          rs.getLong("id"),
                          rs.getString("file_name"),
                          rs.getString("stored_name"),
                          rs.getString("content_type"),
                          rs.getLong("bytes")));
              return null;
            })
        .list();
    return jdbc.sql(
            "SELECT p.id, p.task_id, p.department_id, d.name AS department, p.role, p.status,"
                + " p.text, p.reported_by, p.reported_at, m.title AS merged_from,"
                + " p.proxy_department_id, x.name AS proxy_department, u.display_name AS"
                + " reporter FROM dispatch_progress p LEFT JOIN department d ON d.id ="
                + " p.department_id LEFT JOIN dispatch_task m ON m.id = p.merged_from_task_id"
                + " LEFT JOIN department x ON x.id = p.proxy_department_id LEFT JOIN app_user u"
                + " ON u.username = p.reported_by WHERE p.task_id = :t"
                + " ORDER BY p.reported_at DESC, p.id DESC")
        .param("t", taskId)
        .query(
            (rs, n) ->
                new DispatchProgress(
                    rs.getLong("id"),
                    rs.getLong("task_id"),
                    optionalLong(rs, "department_id"),
                    Optional.ofNullable(rs.getString("department")),
                    DispatchUnitRole.valueOf(rs.getString("role")),
                    DispatchTaskStatus.valueOf(rs.getString("status")),
                    rs.getString("text"),
                    rs.getString("reported_by"),
                    rs.getObject("reported_at", OffsetDateTime.class),
                    files.getOrDefault(rs.getLong("id"), List.of()),
                    figures.getOrDefault(rs.getLong("id"), List.of()),
                    Optional.ofNullable(rs.getString("merged_from")),
                    proxy(rs)))
        .list();
  }

  /** Who made a 代报: the reporter's department and name; empty for a department's own report. */
  private static Optional<String> proxy(ResultSet rs) throws SQLException {
    if (rs.getObject("proxy_department_id") == null) {
      return Optional.empty();
    }
    String department = Optional.ofNullable(rs.getString("proxy_department")).orElse("");
    String name = Optional.ofNullable(rs.getString("reporter")).orElse(rs.getString("reported_by"));
    return Optional.of(department + name);
  }

  Optional<DispatchProgress.Evidence> evidence(long taskId, long evidenceId) {
    return jdbc.sql(
            "SELECT e.id, e.file_name, e.stored_name, e.content_type, e.bytes FROM"
                + " dispatch_evidence e JOIN dispatch_progress p ON p.id = e.progress_id"
                + " WHERE p.task_id = :t AND e.id = :e")
        .param("t", taskId)
        .param("e", evidenceId)
        .query(
            (rs, n) ->
                new DispatchProgress.Evidence(
                    rs.getLong("id"),
                    rs.getString("file_name"),
                    rs.getString("stored_name"),
                    rs.getString("content_type"),
                    rs.getLong("bytes")))
        .optional();
  }

  // ---- indicators and projects

  long insertIndicator(long planId, int position, DispatchIndicator i) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO dispatch_indicator (plan_id, position, no, category, name, unit,"
                + " baseline, baseline_year, target, target_year, attribute, kind) VALUES (:p,"
                + " :pos, :no, :cat, :name, :unit, :base, :by, :target, :ty, :attr, :kind)")
        .param("p", planId)
        .param("pos", position)
        .param("no", cut(i.no(), 20))
        .param("cat", i.category().map(c -> cut(c, 200)).orElse(null))
        .param("name", cut(i.name(), 500))
        .param("unit", i.unit().map(u -> cut(u, 60)).orElse(null))
        .param("base", i.baseline().map(b -> cut(b, 200)).orElse(null))
        .param("by", i.baselineYear().orElse(null))
        .param("target", i.target().map(b -> cut(b, 200)).orElse(null))
        .param("ty", i.targetYear().orElse(null))
        .param("attr", i.attribute().map(a -> cut(a, 40)).orElse(null))
        .param("kind", i.kind())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  List<DispatchIndicator> indicators(long planId) {
    Map<Long, List<DispatchIndicator.Value>> values = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT v.indicator_id, v.value_year, v.amount, v.source, v.entered_by, v.entered_at"
                + " FROM dispatch_indicator_value v JOIN dispatch_indicator i ON i.id ="
                + " v.indicator_id WHERE i.plan_id = :p ORDER BY v.value_year")
        .param("p", planId)
        .query(
            (rs, n) -> {
              values
                  .computeIfAbsent(rs.getLong("indicator_id"), k -> new ArrayList<>())
                  .add(
                      new DispatchIndicator.Value(
                          rs.getInt("value_year"),
                          rs.getBigDecimal("amount").stripTrailingZeros(),
                          rs.getString("source"),
                          rs.getString("entered_by"),
                          rs.getObject("entered_at", OffsetDateTime.class)));
              return null;
            })
        .list();
    return jdbc.sql(
            "SELECT id, plan_id, no, category, name, unit, baseline, baseline_year, target,"
                + " target_year, attribute, kind FROM dispatch_indicator WHERE plan_id = :p"
                + " ORDER BY position")
        .param("p", planId)
        .query(
            (rs, n) ->
                new DispatchIndicator(
                    rs.getLong("id"),
                    rs.getLong("plan_id"),
                    rs.getString("no"),
                    Optional.ofNullable(rs.getString("category")),
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("unit")),
                    Optional.ofNullable(rs.getString("baseline")),
                    optionalInt(rs, "baseline_year"),
                    Optional.ofNullable(rs.getString("target")),
                    optionalInt(rs, "target_year"),
                    Optional.ofNullable(rs.getString("attribute")),
                    rs.getString("kind"),
                    values.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  /** Sets a year's value, replacing the one entered before. */
  void putValue(
      long indicatorId, int year, BigDecimal value, String source, String by, OffsetDateTime now) {
    jdbc.sql("DELETE FROM dispatch_indicator_value WHERE indicator_id = :i AND value_year = :y")
        .param("i", indicatorId)
        .param("y", year)
        .update();
    jdbc.sql(
            "INSERT INTO dispatch_indicator_value (indicator_id, value_year, amount, source,"
                + " entered_by, entered_at) VALUES (:i, :y, :v, :s, :by, :now)")
        .param("i", indicatorId)
        .param("y", year)
        .param("v", value)
        .param("s", source)
        .param("by", by)
        .param("now", now)
        .update();
  }

  void insertProject(
      long planId,
      int position,
      String name,
      Optional<String> content,
      Optional<BigDecimal> investment,
      int line) {
    jdbc.sql(
            "INSERT INTO dispatch_project (plan_id, position, name, content, investment,"
                + " source_line) VALUES (:p, :pos, :name, :content, :inv, :line)")
        .param("p", planId)
        .param("pos", position)
        .param("name", cut(name, 500))
        .param("content", content.map(c -> cut(c, 4000)).orElse(null))
        .param("inv", investment.orElse(null))
        .param("line", line)
        .update();
  }

  record Project(String name, Optional<String> content, Optional<BigDecimal> investment) {}

  List<Project> projects(long planId) {
    return jdbc.sql(
            "SELECT name, content, investment FROM dispatch_project WHERE plan_id = :p"
                + " ORDER BY position")
        .param("p", planId)
        .query(
            (rs, n) ->
                new Project(
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("content")),
                    Optional.ofNullable(rs.getBigDecimal("investment"))))
        .list();
  }

  /** Plans whose tasks name one of the departments (for a liaison's "my tasks"). */
  List<Long> taskIdsOf(Collection<Long> departments) {
    if (departments.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT DISTINCT u.task_id FROM dispatch_task_unit u JOIN dispatch_task t ON t.id ="
                + " u.task_id JOIN dispatch_plan p ON p.id = t.plan_id WHERE p.status ="
                + " 'PUBLISHED' AND u.department_id IN (:d) ORDER BY u.task_id")
        .param("d", departments)
        .query(Long.class)
        .list();
  }

  // ---- mapping

  private static DispatchPlan mapPlan(ResultSet rs, int n) throws SQLException {
    return new DispatchPlan(
        rs.getLong("id"),
        rs.getLong("series_id"),
        rs.getInt("version"),
        rs.getString("title"),
        DispatchPlanStatus.valueOf(rs.getString("status")),
        rs.getString("source_file"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        Optional.ofNullable(rs.getString("published_by")),
        Optional.ofNullable(rs.getObject("published_at", OffsetDateTime.class)));
  }

  private static DispatchTask mapTask(ResultSet rs, int n) throws SQLException {
    return new DispatchTask(
        rs.getLong("id"),
        rs.getLong("plan_id"),
        optionalLong(rs, "parent_id"),
        DispatchTaskKind.valueOf(rs.getString("kind")),
        rs.getInt("position"),
        Optional.ofNullable(rs.getString("number")),
        rs.getString("title"),
        rs.getString("text"),
        rs.getInt("source_line"),
        Optional.ofNullable(rs.getObject("due", LocalDate.class)),
        Optional.ofNullable(rs.getString("modality")),
        DispatchTaskStatus.valueOf(rs.getString("status")),
        rs.getInt("version"),
        Optional.ofNullable(rs.getObject("updated_at", OffsetDateTime.class)),
        List.of());
  }

  private static DispatchUnit mapUnit(ResultSet rs) throws SQLException {
    return new DispatchUnit(
        DispatchUnitRole.valueOf(rs.getString("role")),
        rs.getString("name"),
        optionalLong(rs, "department_id"),
        Optional.ofNullable(rs.getString("department")));
  }

  private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  private static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
