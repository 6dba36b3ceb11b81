package org.qingshan.server.grid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.grid.EnterpriseAssignment.AssignedBy;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Grids, their members and enterprises, and the patrols of their members. */
@Repository
public class GridRepository {
  private static final String GRID = "id, name, level, parent_id, department_id, geometry";
  private static final String PATROL =
      "id, grid_id, username, at, lat, lng, findings, problem, case_id";
  private final JdbcClient jdbc;

  GridRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every grid, from the county down, by name. */
  public List<Grid> all() {
    return jdbc.sql("SELECT " + GRID + " FROM grid ORDER BY level, name, id")
        .query(GridRepository::mapGrid)
        .list();
  }

  public Optional<Grid> find(long id) {
    return jdbc.sql("SELECT " + GRID + " FROM grid WHERE id = :id")
        .param("id", id)
        .query(GridRepository::mapGrid)
        .optional();
  }

  long insert(Grid g, OffsetDateTime now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO grid (name, level, parent_id, department_id, geometry, created_at,"
                + " updated_at) VALUES (:name, :level, :parent, :dept, :geo, :now, :now)")
        .param("name", g.name())
        .param("level", g.level())
        .param("parent", g.parentId().orElse(null))
        .param("dept", g.departmentId().orElse(null))
        .param("geo", g.geometry().orElse(null))
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void update(Grid g, OffsetDateTime now) {
    jdbc.sql(
            "UPDATE grid SET name = :name, level = :level, parent_id = :parent,"
                + " department_id = :dept, geometry = :geo, updated_at = :now WHERE id = :id")
        .param("name", g.name())
        .param("level", g.level())
        .param("parent", g.parentId().orElse(null))
        .param("dept", g.departmentId().orElse(null))
        .param("geo", g.geometry().orElse(null))
        .param("now", now)
        .param("id", g.id())
        .update();
  }

  // ---- members

  private static final String MEMBER =
      "SELECT m.grid_id, u.id AS user_id, u.username, u.display_name, u.phone, u.enabled"
          + " FROM grid_member m JOIN app_user u ON u.id = m.user_id";

  public List<GridMember> members(long gridId) {
    return jdbc.sql(MEMBER + " WHERE m.grid_id = :g ORDER BY u.display_name, u.id")
        .param("g", gridId)
        .query(GridRepository::mapMember)
        .list();
  }

  /** Every membership of every grid. */
  public List<GridMember> allMembers() {
    return jdbc.sql(MEMBER + " ORDER BY m.grid_id, u.display_name, u.id")
        .query(GridRepository::mapMember)
        .list();
  }

  /** The enabled users of role GRID_MEMBER, who may be made members of a grid. */
  public List<GridMember> gridMemberUsers() {
    return jdbc.sql(
            "SELECT 0 AS grid_id, u.id AS user_id, u.username, u.display_name, u.phone, u.enabled"
                + " FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
                + " WHERE r.role = 'GRID_MEMBER' AND u.enabled = TRUE ORDER BY u.display_name, u.id")
        .query(GridRepository::mapMember)
        .list();
  }

  /** The grids a user serves. */
  public List<Long> gridsOfUser(long userId) {
    return jdbc.sql("SELECT grid_id FROM grid_member WHERE user_id = :u ORDER BY grid_id")
        .param("u", userId)
        .query(Long.class)
        .list();
  }

  boolean isMember(long gridId, long userId) {
    return jdbc.sql("SELECT COUNT(*) FROM grid_member WHERE grid_id = :g AND user_id = :u")
            .param("g", gridId)
            .param("u", userId)
            .query(Long.class)
            .single()
        > 0;
  }

  void addMember(long gridId, long userId, OffsetDateTime now) {
    jdbc.sql("INSERT INTO grid_member (grid_id, user_id, added_at) VALUES (:g, :u, :now)")
        .param("g", gridId)
        .param("u", userId)
        .param("now", now)
        .update();
  }

  boolean removeMember(long gridId, long userId) {
    return jdbc.sql("DELETE FROM grid_member WHERE grid_id = :g AND user_id = :u")
            .param("g", gridId)
            .param("u", userId)
            .update()
        > 0;
  }

  // ---- enterprises

  /** Every enterprise's grid, by enterprise. */
  public Map<Long, EnterpriseAssignment> assignments() {
    Map<Long, EnterpriseAssignment> out = new HashMap<>();
    jdbc.sql("SELECT enterprise_id, grid_id, how FROM grid_enterprise")
        .query(GridRepository::mapAssignment)
        .list()
        .forEach(a -> out.put(a.enterpriseId(), a));
    return out;
  }

  public Optional<EnterpriseAssignment> assignmentOf(long enterpriseId) {
    return jdbc.sql(
            "SELECT enterprise_id, grid_id, how FROM grid_enterprise WHERE enterprise_id = :e")
        .param("e", enterpriseId)
        .query(GridRepository::mapAssignment)
        .optional();
  }

  public List<Long> enterprisesOf(long gridId) {
    return jdbc.sql("SELECT enterprise_id FROM grid_enterprise WHERE grid_id = :g")
        .param("g", gridId)
        .query(Long.class)
        .list();
  }

  void assign(long enterpriseId, long gridId, AssignedBy how, OffsetDateTime now) {
    jdbc.sql("DELETE FROM grid_enterprise WHERE enterprise_id = :e")
        .param("e", enterpriseId)
        .update();
    jdbc.sql(
            "INSERT INTO grid_enterprise (enterprise_id, grid_id, how, assigned_at)"
                + " VALUES (:e, :g, :how, :now)")
        .param("e", enterpriseId)
        .param("g", gridId)
        .param("how", how.name())
        .param("now", now)
        .update();
  }

  boolean unassign(long enterpriseId, long gridId) {
    return jdbc.sql("DELETE FROM grid_enterprise WHERE enterprise_id = :e AND grid_id = :g")
            .param("e", enterpriseId)
            .param("g", gridId)
            .update()
        > 0;
  }

  // ---- patrols

  long insertPatrol(
      long gridId,
      String username,
      OffsetDateTime at,
      Optional<Double> lat,
      Optional<Double> lng,
      String findings,
      boolean problem) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO patrol (grid_id, username, at, lat, lng, findings, problem)"
                + " VALUES (:g, :u, :at, :lat, :lng, :f, :p)")
        .param("g", gridId)
        .param("u", username)
        .param("at", at)
        .param("lat", lat.orElse(null))
        .param("lng", lng.orElse(null))
        .param("f", findings)
        .param("p", problem)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void setPatrolCase(long patrolId, long caseId) {
    jdbc.sql("UPDATE patrol SET case_id = :c WHERE id = :id")
        .param("c", caseId)
        .param("id", patrolId)
        .update();
  }

  void insertPhoto(long patrolId, String storedName, int size, int width, int height) {
    jdbc.sql(
            "INSERT INTO patrol_photo (patrol_id, stored_name, size_bytes, width, height)"
                + " VALUES (:p, :n, :s, :w, :h)")
        .param("p", patrolId)
        .param("n", storedName)
        .param("s", size)
        .param("w", width)
        .param("h", height)
        .update();
  }

  public Optional<Patrol> patrol(long id) {
    return jdbc.sql("SELECT " + PATROL + " FROM patrol WHERE id = :id")
        .param("id", id)
        .query(GridRepository::mapPatrol)
        .optional();
  }

  /** The patrols found, newest first. */
  public PageResult<Patrol> patrols(PatrolSearch s, PageQuery page) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    s.gridId().ifPresent(g -> add(where, params, "grid_id = :g", "g", g));
    s.username().ifPresent(u -> add(where, params, "username = :u", "u", u));
    s.from().ifPresent(f -> add(where, params, "at >= :from", "from", f));
    s.to().ifPresent(t -> add(where, params, "at < :to", "to", t));
    if (s.problemsOnly()) {
      where.add("problem = TRUE");
    }
    s.text()
        .ifPresent(
            t ->
                add(
                    where,
                    params,
                    "(LOWER(findings) LIKE :text OR LOWER(username) LIKE :text)",
                    "text",
                    "%"
                        + t.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "")
                        + "%"));
    String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM patrol" + clause).params(params).query(Long.class).single();
    PageQuery q = page.within(total);
    List<Patrol> items =
        jdbc.sql(
                "SELECT "
                    + PATROL
                    + " FROM patrol"
                    + clause
                    + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", q.size())
            .param("offset", q.offset())
            .query(GridRepository::mapPatrol)
            .list();
    return new PageResult<>(items, total, q);
  }

  private static void add(
      List<String> where, Map<String, Object> params, String sql, String name, Object value) {
    where.add(sql);
    params.put(name, value);
  }

  /** Patrols from {@code from} (inclusive) to {@code to} (exclusive), counted by grid and user. */
  public Map<String, Integer> patrolCounts(OffsetDateTime from, OffsetDateTime to) {
    Map<String, Integer> out = new HashMap<>();
    jdbc.sql(
            "SELECT grid_id, username, COUNT(*) AS n FROM patrol WHERE at >= :from AND at < :to"
                + " GROUP BY grid_id, username")
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) -> {
              out.put(key(rs.getLong("grid_id"), rs.getString("username")), rs.getInt("n"));
              return null;
            })
        .list();
    return out;
  }

  static String key(long gridId, String username) {
    return gridId + "/" + username;
  }

  public List<PatrolPhoto> photos(long patrolId) {
    return jdbc.sql(
            "SELECT id, patrol_id, stored_name, size_bytes, width, height FROM patrol_photo"
                + " WHERE patrol_id = :p ORDER BY id")
        .param("p", patrolId)
        .query(GridRepository::mapPhoto)
        .list();
  }

  public Optional<PatrolPhoto> photo(long id) {
    return jdbc.sql(
            "SELECT id, patrol_id, stored_name, size_bytes, width, height FROM patrol_photo"
                + " WHERE id = :id")
        .param("id", id)
        .query(GridRepository::mapPhoto)
        .optional();
  }

  private static Grid mapGrid(ResultSet rs, int n) throws SQLException {
    return new Grid(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getInt("level"),
        Optional.ofNullable(rs.getObject("parent_id", Long.class)),
        Optional.ofNullable(rs.getObject("department_id", Long.class)),
        Optional.ofNullable(rs.getString("geometry")));
  }

  private static GridMember mapMember(ResultSet rs, int n) throws SQLException {
    return new GridMember(
        rs.getLong("grid_id"),
        rs.getLong("user_id"),
        rs.getString("username"),
        rs.getString("display_name"),
        Optional.ofNullable(rs.getString("phone")),
        rs.getBoolean("enabled"));
  }

  private static EnterpriseAssignment mapAssignment(ResultSet rs, int n) throws SQLException {
    return new EnterpriseAssignment(
        rs.getLong("enterprise_id"),
        rs.getLong("grid_id"),
        AssignedBy.valueOf(rs.getString("how")));
  }

  private static Patrol mapPatrol(ResultSet rs, int n) throws SQLException {
    return new Patrol(
        rs.getLong("id"),
        rs.getLong("grid_id"),
        rs.getString("username"),
        rs.getObject("at", OffsetDateTime.class),
        Optional.ofNullable(rs.getObject("lat", Double.class)),
        Optional.ofNullable(rs.getObject("lng", Double.class)),
        rs.getString("findings"),
        rs.getBoolean("problem"),
        Optional.ofNullable(rs.getObject("case_id", Long.class)));
  }

  private static PatrolPhoto mapPhoto(ResultSet rs, int n) throws SQLException {
    return new PatrolPhoto(
        rs.getLong("id"),
        rs.getLong("patrol_id"),
        rs.getString("stored_name"),
        rs.getInt("size_bytes"),
        rs.getInt("width"),
        rs.getInt("height"));
  }
}
