package org.qingshan.server.department;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class DepartmentRepository {
  /**
   * Columns by their names in the table: mapping by the record's names would make the driver look
   * for {@code departmentId} first, and H2 writes a stack trace to its trace file for each miss.
   */
  private static final RowMapper<DepartmentAlias> ALIAS =
      (rs, n) ->
          new DepartmentAlias(rs.getLong("id"), rs.getLong("department_id"), rs.getString("alias"));

  private static final String COLUMNS = "id, parent_id, name, kind, sort_order, merged_into";
  private final JdbcClient jdbc;

  DepartmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Department> findAllActive() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM department WHERE merged_into IS NULL"
                + " ORDER BY sort_order, id")
        .query(DepartmentRepository::map)
        .list();
  }

  public Optional<Department> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM department WHERE id = :id")
        .param("id", id)
        .query(DepartmentRepository::map)
        .optional();
  }

  public long insert(Optional<Long> parentId, String name, DepartmentKind kind, int sortOrder) {
    OffsetDateTime now = OffsetDateTime.now();
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO department (parent_id, name, kind, sort_order, created_at, updated_at)"
                + " VALUES (:parent, :name, :kind, :sort, :now, :now)")
        .param("parent", parentId.orElse(null))
        .param("name", name)
        .param("kind", kind.name())
        .param("sort", sortOrder)
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void update(long id, Optional<Long> parentId, String name, DepartmentKind kind, int sort) {
    jdbc.sql(
            "UPDATE department SET parent_id = :parent, name = :name, kind = :kind,"
                + " sort_order = :sort, updated_at = :now WHERE id = :id")
        .param("parent", parentId.orElse(null))
        .param("name", name)
        .param("kind", kind.name())
        .param("sort", sort)
        .param("now", OffsetDateTime.now())
        .param("id", id)
        .update();
  }

  public void markMerged(long sourceId, long targetId) {
    jdbc.sql("UPDATE department SET merged_into = :target, updated_at = :now WHERE id = :id")
        .param("target", targetId)
        .param("now", OffsetDateTime.now())
        .param("id", sourceId)
        .update();
  }

  /** Moves everything that points at the source department to the target. */
  public void reassignReferences(long sourceId, long targetId) {
    for (String sql :
        List.of(
            "UPDATE department SET parent_id = :target WHERE parent_id = :source",
            "UPDATE department_alias SET department_id = :target WHERE department_id = :source",
            "UPDATE app_user SET department_id = :target WHERE department_id = :source",
            "UPDATE department_contact SET department_id = :target WHERE department_id = :source",
            "UPDATE device SET department_id = :target WHERE department_id = :source")) {
      jdbc.sql(sql).param("target", targetId).param("source", sourceId).update();
    }
  }

  public List<DepartmentAlias> aliasesOf(long departmentId) {
    return jdbc.sql(
            "SELECT id, department_id, alias FROM department_alias"
                + " WHERE department_id = :id ORDER BY id")
        .param("id", departmentId)
        .query(ALIAS)
        .list();
  }

  public List<DepartmentAlias> allAliases() {
    return jdbc.sql("SELECT id, department_id, alias FROM department_alias ORDER BY id")
        .query(ALIAS)
        .list();
  }

  public Optional<DepartmentAlias> findAlias(long aliasId) {
    return jdbc.sql("SELECT id, department_id, alias FROM department_alias WHERE id = :id")
        .param("id", aliasId)
        .query(ALIAS)
        .optional();
  }

  public Optional<Long> departmentIdByNormalizedAlias(String normalized) {
    return jdbc.sql("SELECT department_id FROM department_alias WHERE normalized = :n")
        .param("n", normalized)
        .query(Long.class)
        .optional();
  }

  public void insertAlias(long departmentId, String alias) {
    jdbc.sql(
            "INSERT INTO department_alias (department_id, alias, normalized)"
                + " VALUES (:id, :alias, :normalized)")
        .param("id", departmentId)
        .param("alias", alias)
        .param("normalized", DepartmentNames.normalize(alias))
        .update();
  }

  public void deleteAlias(long aliasId) {
    jdbc.sql("DELETE FROM department_alias WHERE id = :id").param("id", aliasId).update();
  }

  private static Department map(ResultSet rs, int row) throws SQLException {
    return new Department(
        rs.getLong("id"),
        Optional.ofNullable(rs.getObject("parent_id", Long.class)),
        rs.getString("name"),
        DepartmentKind.valueOf(rs.getString("kind")),
        rs.getInt("sort_order"),
        Optional.ofNullable(rs.getObject("merged_into", Long.class)));
  }
}
