package org.qingshan.server.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    text.ifPresent(
        t -> {
          where.add(
              "(LOWER(name) LIKE :t OR phone LIKE :t OR LOWER(position) LIKE :t"
                  + " OR LOWER(duty) LIKE :t)");
          params.put("t", "%" + t.toLowerCase() + "%");
        });
    department.ifPresent(
        d -> {
          where.add("department_id = :dept");
          params.put("dept", d);
        });
    scope.ifPresent(
        ids -> {
          where.add(ids.isEmpty() ? "1 = 0" : "department_id IN (:scope)");
          if (!ids.isEmpty()) {
            params.put("scope", ids);
          }
        });
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM department_contact" + filter)
            .params(params)
            .query(Long.class)
            .single();
    List<DepartmentContact> items =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM department_contact"
                    + filter
                    + " ORDER BY department_id, id LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(ContactRepository::map)
            .list();
    return new PageResult<>(items, total, page);
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
