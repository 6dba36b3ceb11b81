package org.qingshan.server.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Cases, their steps and photos. Rows are never deleted. */
@Repository
public class CaseRepository {
  static final String COLUMNS =
      "c.id, c.case_no, c.title, c.type, c.source, c.severity, c.status, c.description,"
          + " c.enterprise_id, c.place, c.lat, c.lng, c.town_id, c.grid_id, c.alarm_id,"
          + " c.assignee_kind, c.assignee_user, c.assignee_department_id,"
          + " c.assignee_enterprise_id, c.accept_by, c.deadline, c.escalation,"
          + " c.extension_requested, c.answer, c.created_by, c.created_at, c.updated_at,"
          + " c.closed_at, c.version,"
          + " COALESCE(u.display_name, d.name, ae.name) AS assignee_name";
  static final String TABLES =
      "case_file c LEFT JOIN enterprise e ON e.id = c.enterprise_id"
          + " LEFT JOIN app_user u ON u.username = c.assignee_user"
          + " LEFT JOIN department d ON d.id = c.assignee_department_id"
          + " LEFT JOIN enterprise ae ON ae.id = c.assignee_enterprise_id";
  private final JdbcClient jdbc;

  CaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CaseFile> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM " + TABLES + " WHERE c.id = :id")
        .param("id", id)
        .query(CaseRepository::map)
        .optional();
  }

  /** The open cases of an alarm (at most one, as a second is refused while one is open). */
  public List<CaseFile> ofAlarm(long alarmId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM " + TABLES + " WHERE c.alarm_id = :a ORDER BY c.id")
        .param("a", alarmId)
        .query(CaseRepository::map)
        .list();
  }

  /** Open cases, for the escalation clock. */
  List<CaseFile> open() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM "
                + TABLES
                + " WHERE c.status NOT IN ('REJECTED', 'CLOSED') ORDER BY c.deadline")
        .query(CaseRepository::map)
        .list();
  }

  public PageResult<CaseFile> search(CaseSearch s, PageQuery page) {
    PagedSearch search =
        new PagedSearch()
            .text(s.text(), "c.case_no", "c.title", "c.description", "c.place", "e.name")
            .equal("c.status", s.status().map(Enum::name))
            .equal("c.source", s.source().map(Enum::name))
            .equal("c.type", s.type().map(Enum::name))
            .equal("c.enterprise_id", s.enterpriseId())
            .equal("c.town_id", s.townId())
            .equal("c.grid_id", s.gridId());
    s.assignedTo()
        .ifPresent(
            a ->
                search.condition(
                    "(c.assignee_user = :au OR c.assignee_department_id IN (:ad)"
                        + " OR c.assignee_enterprise_id = :ae OR c.created_by = :au)",
                    Map.of(
                        "au", a.username(),
                        "ad", a.departmentIds().isEmpty() ? List.of(-1L) : a.departmentIds(),
                        "ae", a.enterpriseId().orElse(-1L))));
    s.overdueAt()
        .ifPresent(
            t ->
                search.condition(
                    "c.status NOT IN ('REJECTED', 'CLOSED') AND c.deadline < :now", "now", t));
    s.from().ifPresent(f -> search.condition("c.created_at >= :from", "from", f));
    s.to().ifPresent(t -> search.condition("c.created_at < :to", "to", t));
    return search.page(
        jdbc, COLUMNS, TABLES, "c.created_at DESC, c.id DESC", CaseRepository::map, page);
  }

  long insert(
      NewCase c,
      String caseNo,
      OffsetDateTime deadline,
      Optional<OffsetDateTime> acceptBy,
      String by,
      OffsetDateTime at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO case_file (case_no, title, type, source, severity, status, description,"
                + " enterprise_id, place, lat, lng, town_id, grid_id, alarm_id, accept_by,"
                + " deadline, created_by, created_at, updated_at) VALUES (:no, :title, :type,"
                + " :source, :severity, 'PENDING', :description, :enterprise, :place, :lat, :lng,"
                + " :town, :grid, :alarm, :acceptBy, :deadline, :by, :at, :at)")
        .param("no", caseNo)
        .param("title", c.title())
        .param("type", c.type().name())
        .param("source", c.source().name())
        .param("severity", c.severity().name())
        .param("description", c.description())
        .param("enterprise", c.enterpriseId().orElse(null))
        .param("place", c.place().orElse(null))
        .param("lat", c.lat().orElse(null))
        .param("lng", c.lng().orElse(null))
        .param("town", c.townId().orElse(null))
        .param("grid", c.gridId().orElse(null))
        .param("alarm", c.alarmId().orElse(null))
        .param("acceptBy", acceptBy.orElse(null))
        .param("deadline", deadline)
        .param("by", by)
        .param("at", at)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** The next number of the year: 2026-0001, 2026-0002 … */
  String nextCaseNo(int year) {
    int count =
        jdbc.sql("SELECT COUNT(*) FROM case_file WHERE case_no LIKE :p")
            .param("p", year + "-%")
            .query(Integer.class)
            .single();
    return String.format("%d-%04d", year, count + 1);
  }

  /**
   * Moves a case to a state if nobody changed it since the version read; false when someone did.
   */
  boolean changeStatus(long id, int version, CaseStatus to, OffsetDateTime at) {
    return jdbc.sql(
                "UPDATE case_file SET status = :s, updated_at = :at, version = version + 1,"
                    + " closed_at = CASE WHEN :s IN ('CLOSED', 'REJECTED') THEN :at ELSE NULL END"
                    + " WHERE id = :id AND version = :v")
            .param("s", to.name())
            .param("at", at)
            .param("id", id)
            .param("v", version)
            .update()
        == 1;
  }

  void assign(long id, Assignee a) {
    jdbc.sql(
            "UPDATE case_file SET assignee_kind = :k, assignee_user = :u,"
                + " assignee_department_id = :d, assignee_enterprise_id = :e WHERE id = :id")
        .param("k", a.kind().name())
        .param("u", a.username().orElse(null))
        .param("d", a.kind() == AssigneeKind.DEPARTMENT ? a.id().orElse(null) : null)
        .param("e", a.kind() == AssigneeKind.ENTERPRISE ? a.id().orElse(null) : null)
        .param("id", id)
        .update();
  }

  void setDeadline(long id, OffsetDateTime deadline) {
    jdbc.sql("UPDATE case_file SET deadline = :d, escalation = 0 WHERE id = :id")
        .param("d", deadline)
        .param("id", id)
        .update();
  }

  void setEscalation(long id, int level) {
    jdbc.sql("UPDATE case_file SET escalation = :l WHERE id = :id")
        .param("l", level)
        .param("id", id)
        .update();
  }

  void setExtensionRequested(long id, boolean requested) {
    jdbc.sql("UPDATE case_file SET extension_requested = :r WHERE id = :id")
        .param("r", requested)
        .param("id", id)
        .update();
  }

  void setAnswer(long id, String answer) {
    jdbc.sql("UPDATE case_file SET answer = :a WHERE id = :id")
        .param("a", answer)
        .param("id", id)
        .update();
  }

  long insertStep(
      long caseId,
      CaseAction action,
      String by,
      OffsetDateTime at,
      String text,
      Optional<CaseStatus> from,
      CaseStatus to,
      Optional<Double> lat,
      Optional<Double> lng) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO case_step (case_id, action, by_user, at, text, from_status, to_status,"
                + " lat, lng) VALUES (:c, :a, :by, :at, :t, :f, :to, :lat, :lng)")
        .param("c", caseId)
        .param("a", action.name())
        .param("by", by)
        .param("at", at)
        .param("t", text)
        .param("f", from.map(Enum::name).orElse(null))
        .param("to", to.name())
        .param("lat", lat.orElse(null))
        .param("lng", lng.orElse(null))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void insertPhoto(long caseId, long stepId, String storedName, int size, int width, int height) {
    jdbc.sql(
            "INSERT INTO case_photo (case_id, step_id, stored_name, size_bytes, width, height)"
                + " VALUES (:c, :s, :n, :size, :w, :h)")
        .param("c", caseId)
        .param("s", stepId)
        .param("n", storedName)
        .param("size", size)
        .param("w", width)
        .param("h", height)
        .update();
  }

  public Optional<CasePhoto> photo(long photoId) {
    return jdbc.sql(
            "SELECT id, case_id, step_id, stored_name, size_bytes, width, height FROM case_photo"
                + " WHERE id = :id")
        .param("id", photoId)
        .query(CaseRepository::mapPhoto)
        .optional();
  }

  /** The steps of a case, oldest first, each with its photos. */
  public List<CaseStep> steps(long caseId) {
    Map<Long, List<CasePhoto>> photos =
        jdbc
            .sql(
                "SELECT id, case_id, step_id, stored_name, size_bytes, width, height FROM"
                    + " case_photo WHERE case_id = :c ORDER BY id")
            .param("c", caseId)
            .query(CaseRepository::mapPhoto)
            .list()
            .stream()
            .collect(Collectors.groupingBy(CasePhoto::stepId));
    return jdbc.sql(
            "SELECT id, case_id, action, by_user, at, text, from_status, to_status, lat, lng"
                + " FROM case_step WHERE case_id = :c ORDER BY at, id")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new CaseStep(
                    rs.getLong("id"),
                    rs.getLong("case_id"),
                    CaseAction.valueOf(rs.getString("action")),
                    rs.getString("by_user"),
                    rs.getObject("at", OffsetDateTime.class),
                    rs.getString("text"),
                    Optional.ofNullable(rs.getString("from_status")).map(CaseStatus::valueOf),
                    CaseStatus.valueOf(rs.getString("to_status")),
                    optionalDouble(rs, "lat"),
                    optionalDouble(rs, "lng"),
                    photos.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  private static CasePhoto mapPhoto(ResultSet rs, int n) throws SQLException {
    return new CasePhoto(
        rs.getLong("id"),
        rs.getLong("case_id"),
        rs.getLong("step_id"),
        rs.getString("stored_name"),
        rs.getInt("size_bytes"),
        rs.getInt("width"),
        rs.getInt("height"));
  }

  static CaseFile map(ResultSet rs, int n) throws SQLException {
    return new CaseFile(
        rs.getLong("id"),
        rs.getString("case_no"),
        rs.getString("title"),
        CaseType.valueOf(rs.getString("type")),
        CaseSource.valueOf(rs.getString("source")),
        Severity.valueOf(rs.getString("severity")),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getString("description"),
        optionalLong(rs, "enterprise_id"),
        Optional.ofNullable(rs.getString("place")),
        optionalDouble(rs, "lat"),
        optionalDouble(rs, "lng"),
        optionalLong(rs, "town_id"),
        optionalLong(rs, "grid_id"),
        optionalLong(rs, "alarm_id"),
        assignee(rs),
        Optional.ofNullable(rs.getObject("accept_by", OffsetDateTime.class)),
        rs.getObject("deadline", OffsetDateTime.class),
        rs.getInt("escalation"),
        rs.getBoolean("extension_requested"),
        Optional.ofNullable(rs.getString("answer")),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        Optional.ofNullable(rs.getObject("closed_at", OffsetDateTime.class)),
        rs.getInt("version"));
  }

  private static Optional<Assignee> assignee(ResultSet rs) throws SQLException {
    String kind = rs.getString("assignee_kind");
    if (kind == null) {
      return Optional.empty();
    }
    String name = Optional.ofNullable(rs.getString("assignee_name")).orElse("");
    return Optional.of(
        switch (AssigneeKind.valueOf(kind)) {
          case USER -> Assignee.user(rs.getString("assignee_user"), name);
          case DEPARTMENT -> Assignee.department(rs.getLong("assignee_department_id"), name);
          case ENTERPRISE -> Assignee.enterprise(rs.getLong("assignee_enterprise_id"), name);
        });
  }

  private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  private static Optional<Double> optionalDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }
}
