package org.qingshan.server.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ContactRepository {
  private static final String COLUMNS = "id, department_id, name, position, phone, duty";
  private final JdbcClient jdbc;

  ContactRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  PageResult<DepartmentContact> search(
      Optional<String> text,
      Optional<Long> department,
      Optional<Collection<Long>> scope,
      PageQuery page) {
    return new PagedSearch()
        .text(text, "name", "phone", "position", "duty")
        .equal("department_id", department)
        .in("department_id", scope)
        .page(
            jdbc, COLUMNS, "department_contact", "department_id, id", ContactRepository::map, page);
  }

  Optional<DepartmentContact> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM department_contact WHERE id = :id")
        .param("id", id)
        .query(ContactRepository::map)
        .optional();
  }

  long insert(ContactForm form) {
    OffsetDateTime now = OffsetDateTime.now();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO department_contact (department_id, name, position, phone, duty,"
                + " created_at, updated_at) VALUES (:d, :n, :p, :ph, :duty, :now, :now)")
        .param("d", form.departmentId())
        .param("n", form.name().trim())
        .param("p", form.positionText().orElse(null))
        .param("ph", form.phone().trim())
        .param("duty", form.dutyText().orElse(null))
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void update(long id, ContactForm form) {
    jdbc.sql(
            "UPDATE department_contact SET department_id = :d, name = :n, position = :p,"
                + " phone = :ph, duty = :duty, updated_at = :now WHERE id = :id")
        .param("d", form.departmentId())
        .param("n", form.name().trim())
        .param("p", form.positionText().orElse(null))
        .param("ph", form.phone().trim())
        .param("duty", form.dutyText().orElse(null))
        .param("now", OffsetDateTime.now())
        .param("id", id)
        .update();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM department_contact WHERE id = :id").param("id", id).update();
  }

  private static DepartmentContact map(ResultSet rs, int row) throws SQLException {
    return new DepartmentContact(
        rs.getLong("id"),
        rs.getLong("department_id"),
        rs.getString("name"),
        Optional.ofNullable(rs.getString("position")),
        rs.getString("phone"),
        Optional.ofNullable(rs.getString("duty")));
  }
}
